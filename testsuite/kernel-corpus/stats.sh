#!/usr/bin/env bash
# Corpus size as seam sees it: modules, bitcode bytes, defined functions,
# instructions and memory accesses, C vs Rust. Reads `seam ir` (the lowered
# IR, streamed) so it works on corpora too big for a whole `seam check`;
# the counts are the ones `seam check --format json` puts in `stats`
# (instructions = every lowered instruction; memory accesses = load, store,
# atomicrmw, cmpxchg, memcpy, memset).
#
# Usage: testsuite/kernel-corpus/stats.sh [LIST]   (default: the corpus all.txt)
# Env:   SEAM (default target/release/seam), SEAM_KERNEL_CACHE, NICE (19).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CACHE="${SEAM_KERNEL_CACHE:-$HOME/.cache/seam}"
SEAM="${SEAM:-$REPO/target/release/seam}"
NICE="${NICE:-19}"
LIST="${1:-$CACHE/corpus/all.txt}"

[ -x "$SEAM" ] || { echo "stats.sh: no seam binary at $SEAM" >&2; exit 1; }
[ -s "$LIST" ] || { echo "stats.sh: no input list $LIST (run make kernel-corpus)" >&2; exit 1; }

# Bitcode bytes: the whole file for .bc, the .llvmbc section for objects.
bytes() {
    local files=0 sections=0
    files=$(grep '\.bc$' "$1" | xargs -r -d '\n' stat -c %s | awk '{s += $1} END {print s + 0}')
    sections=$(grep -v '\.bc$' "$1" | xargs -r -d '\n' -n 200 "llvm-readelf${LLVM_SUFFIX:--22}" -S -W 2>/dev/null \
        | awk 'function hex(h,  i, v) { v = 0; for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1; return v }
               $2 == ".llvmbc" {s += hex($6)} $3 == ".llvmbc" {s += hex($7)} END {printf "%d\n", s}')
    echo $((files + sections))
}
c_list="$(mktemp)"; rust_list="$(mktemp)"; err="$(mktemp)"
trap 'rm -f "$c_list" "$rust_list" "$err"' EXIT
grep -v '\.bc$' "$LIST" > "$c_list" || true
grep '\.bc$' "$LIST" > "$rust_list" || true
# Lists made by bench.sh hold extracted C bitcode as *.o.bc.
grep '\.o\.bc$' "$rust_list" >> "$c_list" || true
grep -v '\.o\.bc$' "$rust_list" > "$rust_list.tmp" || true; mv "$rust_list.tmp" "$rust_list"

rc=0
nice -n "$NICE" "$SEAM" ir --no-cache "@$LIST" 2> "$err" | awk \
    -v c_files="$(wc -l < "$c_list")" -v rust_files="$(wc -l < "$rust_list")" \
    -v c_bytes="$(bytes "$c_list")" -v rust_bytes="$(bytes "$rust_list")" '
    /^; module / { lang = "" ; next }
    /^;   language: / { lang = $3; modules[lang]++; next }
    /^define / { fl = $2; funcs[fl]++; next }
    /^    %[0-9]+ = / {
        insts[fl]++
        op = $3
        if (op == "load" || op == "store" || op == "atomicrmw" || op ~ /^cmpxchg/ || op == "memcpy" || op == "memset") mem[fl]++
    }
    END {
        printf "| | C | Rust | total |\n|---|---:|---:|---:|\n"
        printf "| input files | %d | %d | %d |\n", c_files, rust_files, c_files + rust_files
        printf "| bitcode MB | %.0f | %.1f | %.0f |\n", c_bytes / 1e6, rust_bytes / 1e6, (c_bytes + rust_bytes) / 1e6
        printf "| modules | %d | %d | %d |\n", modules["C"], modules["Rust"], modules["C"] + modules["Rust"]
        printf "| defined functions | %d | %d | %d |\n", funcs["C"], funcs["Rust"], funcs["C"] + funcs["Rust"]
        printf "| instructions | %d | %d | %d |\n", insts["C"], insts["Rust"], insts["C"] + insts["Rust"]
        printf "| memory accesses | %d | %d | %d |\n", mem["C"], mem["Rust"], mem["C"] + mem["Rust"]
    }' || rc=$?
if [ -s "$err" ]; then
    echo "seam ir reported $(grep -c '^error' "$err" || true) errors; first ones:" >&2
    head -n 5 "$err" >&2
fi
exit "$rc"
