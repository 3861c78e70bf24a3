#!/usr/bin/env bash
# Builds seam's bundled example driver (C + Rust) to LLVM bitcode in OUTDIR,
# with the same flags the testsuite harness uses for kernel cases:
#   OUTDIR/mydev.bc          the C half (clang-22)
#   OUTDIR/mydev_rs.bc       the Rust half (rustc, against kernel-rs)
#   OUTDIR/kernel.bc         the kernel-rs crate (Rust-for-Linux stand-in)
#   OUTDIR/rust_helpers.bc   the C rust_helper_* wrappers
# Usage: testsuite/example/build.sh OUTDIR   (CLANG and RUSTC override the compilers)
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
out=$1
here=$(cd "$(dirname "$0")" && pwd)
ts=$(dirname "$here")
CLANG=${CLANG:-clang-22}
RUSTC=${RUSTC:-rustc}
mkdir -p "$out"

cflags=(--target=x86_64-linux-gnu -O2 -g -c -emit-llvm
  -nostdinc -ffreestanding -fno-builtin -fno-strict-aliasing -fno-common -fno-PIE -std=gnu11
  -D__KERNEL__ -Wno-unused-function -mno-red-zone -mcmodel=kernel -mno-sse -mno-mmx -mno-80387
  -I "$ts/kernel/include")
rflags=(--edition 2021 -C opt-level=2 -g -C panic=abort --target x86_64-unknown-linux-gnu)

"$RUSTC" "${rflags[@]}" --crate-type=rlib --crate-name kernel --emit=link,llvm-bc \
  --out-dir "$out" "$ts/kernel-rs/src/lib.rs"
"$CLANG" "${cflags[@]}" "$ts/kernel/rust_helpers.c" -o "$out/rust_helpers.bc"
"$CLANG" "${cflags[@]}" "$here/mydev.c" -o "$out/mydev.bc"
"$RUSTC" "${rflags[@]}" --crate-type=lib --crate-name mydev_rs --emit=llvm-bc \
  --extern kernel="$out/libkernel.rlib" "$here/mydev_rs.rs" -o "$out/mydev_rs.bc"
rm -f "$out/libkernel.rlib"
echo "example bitcode in $out:" $(cd "$out" && ls *.bc)
