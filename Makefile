# seam: the two commands are `make run` and `make test`.
SHELL := /bin/bash
export LLVM_SYS_221_PREFIX ?= /usr/lib/llvm-22
CARGO ?= cargo
SEAM := target/release/seam
EXAMPLE := testsuite/example
EXAMPLE_OUT := target/example

.PHONY: all setup build run test score example clean

all: build

setup:
	@.ci/setup.sh

build: setup
	$(CARGO) build --release --bin seam

# Builds the bundled C + Rust example driver to bitcode, analyses it,
# prints the findings and writes seam.sarif.
run: build
	@$(EXAMPLE)/build.sh $(EXAMPLE_OUT)
	$(SEAM) check $(EXAMPLE_OUT)/*.bc --source-root . --sarif seam.sarif --fail-on never || [ $$? -eq 1 ]
	@echo "SARIF written to seam.sarif"

test: setup
	$(CARGO) build --release --bin seam
	$(CARGO) test --release --workspace

score: build
	$(CARGO) run --release -p seam-testsuite --bin seam-score

clean:
	$(CARGO) clean

# Whole-kernel corpus (Linux 6.12 C + Rust, bitcode for every object) in
# $(SEAM_KERNEL_CACHE) (default ~/.cache/seam); see docs/kernel.md.
KERNEL_CORPUS := testsuite/kernel-corpus
.PHONY: kernel-corpus bench kernel-replay

kernel-corpus:
	@$(KERNEL_CORPUS)/build.sh

# Benchmarks seam on that corpus and writes the table in docs/performance.md.
bench: build
	@SEAM=$(CURDIR)/$(SEAM) $(KERNEL_CORPUS)/bench.sh

# History replay: reverts real race fixes in the corpus tree one at a time
# (patches/replay/), rebuilds the objects, checks that seam reports each race
# without its fix and not with it, and puts the tree back; see
# docs/kernel-results.md.
kernel-replay: build
	@SEAM=$(CURDIR)/$(SEAM) $(KERNEL_CORPUS)/replay.sh
