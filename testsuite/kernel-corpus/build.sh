#!/usr/bin/env bash
# Builds the whole-kernel corpus for seam: Debian's linux-source-6.12, x86_64
# defconfig + Rust (samples, rnull, Rust PHY drivers) + DWARF5, compiled with
# clang-22/rustc so that every C object carries its bitcode in `.llvmbc` and
# every Rust crate leaves a `<crate>.bc`.
#
# Idempotent and resumable: each step leaves a stamp file and is skipped when
# it is there; the kernel `make` itself resumes where it stopped.
# Kernel code stays in the cache directory, never in the repository.
#
# Usage: testsuite/kernel-corpus/build.sh [--no-deps] [--jobs N]
# Env:   SEAM_KERNEL_CACHE (default ~/.cache/seam), KERNEL_PKG (default
#        linux-source-6.12), LLVM_SUFFIX (default -22), NICE (default 19).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${SEAM_KERNEL_CACHE:-$HOME/.cache/seam}"
KERNEL_PKG="${KERNEL_PKG:-linux-source-6.12}"
LLVM_SUFFIX="${LLVM_SUFFIX:--22}"
LLVM_PREFIX="${LLVM_PREFIX:-/usr/lib/llvm${LLVM_SUFFIX}}"
BINDGEN_VERSION="${BINDGEN_VERSION:-0.72.1}"
NICE="${NICE:-19}"
JOBS="$(nproc)"
DEPS=1

while [ $# -gt 0 ]; do
    case "$1" in
        --no-deps) DEPS=0 ;;
        --jobs) JOBS="$2"; shift ;;
        --jobs=*) JOBS="${1#--jobs=}" ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[kernel-corpus %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

mkdir -p "$CACHE"
STAMPS="$CACHE/stamps"
mkdir -p "$STAMPS"
done_step() { [ -e "$STAMPS/$1" ]; }
mark() { date -u +%FT%TZ > "$STAMPS/$1"; }

# --- 1. build dependencies -------------------------------------------------
if [ "$DEPS" = 1 ] && ! done_step deps; then
    log "installing build dependencies"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        flex bison bc libelf-dev libssl-dev cpio xz-utils dwarves \
        "clang${LLVM_SUFFIX}" "lld${LLVM_SUFFIX}" "llvm${LLVM_SUFFIX}" "libclang${LLVM_SUFFIX}-dev" time
    mark deps
fi
if [ "$DEPS" = 1 ] && ! done_step rust-deps; then
    # The kernel's Rust build needs the standard library sources (it builds
    # `core` itself) and a bindgen it accepts.
    rustup component add rust-src
    if ! bindgen --version 2>/dev/null | grep -q " ${BINDGEN_VERSION}\$"; then
        log "installing bindgen-cli ${BINDGEN_VERSION}"
        nice -n "$NICE" cargo install --locked bindgen-cli --version "$BINDGEN_VERSION"
    fi
    mark rust-deps
fi
export PATH="$HOME/.cargo/bin:$PATH"
export LIBCLANG_PATH="${LIBCLANG_PATH:-$LLVM_PREFIX/lib}"

# --- 2. source -------------------------------------------------------------
SRC="$CACHE/linux"
if ! done_step unpacked; then
    log "downloading $KERNEL_PKG"
    DL="$CACHE/download"
    mkdir -p "$DL"
    (cd "$DL" && rm -f "${KERNEL_PKG}"_*.deb && apt-get download "$KERNEL_PKG")
    DEB="$(ls "$DL/${KERNEL_PKG}"_*.deb | head -n1)"
    [ -n "$DEB" ] || die "apt-get download left no .deb in $DL"
    rm -rf "$DL/x" "$SRC"
    dpkg-deb -x "$DEB" "$DL/x"
    TARBALL="$(ls "$DL"/x/usr/src/linux-source-*.tar.* | head -n1)"
    [ -n "$TARBALL" ] || die "no source tarball in $DEB"
    log "unpacking $(basename "$TARBALL")"
    mkdir -p "$SRC.tmp"
    tar -xf "$TARBALL" -C "$SRC.tmp" --strip-components=1
    mv "$SRC.tmp" "$SRC"
    rm -rf "$DL/x"
    basename "$DEB" > "$CACHE/package"
    mark unpacked
fi
[ -d "$SRC" ] || die "$SRC is missing but the 'unpacked' stamp exists; delete $STAMPS/unpacked"

# Local patches (e.g. toolchain-version fixes) applied once, in name order.
if [ -d "$HERE/patches/build" ]; then
    for p in "$HERE"/patches/build/*.patch; do
        [ -e "$p" ] || continue
        stamp="patch-$(basename "$p")"
        done_step "$stamp" && continue
        log "applying $(basename "$p")"
        patch -d "$SRC" -p1 --forward < "$p"
        mark "$stamp"
    done
fi

# --- 3. configuration ------------------------------------------------------
# C objects: `-Xclang -fembed-bitcode=all` stores the module in `.llvmbc`
# (plain -fembed-bitcode is refused next to -mcmodel=kernel/-mno-red-zone).
# Rust crates: `--emit=llvm-bc` added next to the kernel's own `--emit=obj`
# writes `<crate>.bc`.
# The final vmlinux link sees .llvmbc/.llvmcmd as orphan sections, and with
# defconfig's CONFIG_WERROR=y lld is told --orphan-handling=error. Overriding
# the derived option on the command line changes only the link command
# (turning WERROR off would change every compile command and rebuild all).
KMAKE=(make -C "$SRC" "LLVM=${LLVM_SUFFIX}" ARCH=x86_64
       "KCFLAGS=-Xclang -fembed-bitcode=all" "KRUSTFLAGS=--emit=llvm-bc"
       CONFIG_LD_ORPHAN_WARN_LEVEL=warn)

if ! done_step configured; then
    log "rust toolchain check (make rustavailable)"
    if ! "${KMAKE[@]}" rustavailable > "$CACHE/rustavailable.log" 2>&1; then
        cat "$CACHE/rustavailable.log" >&2
        die "the kernel refuses this Rust toolchain (see above)"
    fi
    log "configuring: defconfig + Rust + DWARF5"
    "${KMAKE[@]}" defconfig > "$CACHE/config.log"
    C="$SRC/scripts/config"
    "$C" --file "$SRC/.config" \
        -e RUST \
        -d MODVERSIONS -d GENDWARFKSYMS \
        -e DEBUG_INFO -d DEBUG_INFO_NONE -d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT \
        -d DEBUG_INFO_DWARF4 -e DEBUG_INFO_DWARF5 -d DEBUG_INFO_REDUCED -d DEBUG_INFO_BTF \
        -e SAMPLES -e SAMPLES_RUST \
        -e SAMPLE_RUST_MINIMAL -e SAMPLE_RUST_PRINT -e SAMPLE_RUST_HOSTPROGS \
        -e CONFIGFS_FS -e BLK_DEV_RUST_NULL \
        -e PHYLIB -e RUST_PHYLIB_ABSTRACTIONS -e AX88796B_PHY -e AX88796B_RUST_PHY -e FW_LOADER -e RUST_FW_LOADER_ABSTRACTIONS \
        -e AMCC_QT2025_PHY -e NET_VENDOR_ASIX -e ASIX_PHY
    "${KMAKE[@]}" olddefconfig >> "$CACHE/config.log"
    # Report what the Kconfig dependencies let through: a silently dropped
    # option would otherwise look like a smaller corpus.
    for opt in RUST SAMPLE_RUST_MINIMAL SAMPLE_RUST_PRINT BLK_DEV_RUST_NULL AX88796B_RUST_PHY AMCC_QT2025_PHY DEBUG_INFO_DWARF5; do
        val="$(grep -E "^CONFIG_${opt}=" "$SRC/.config" || echo "# CONFIG_${opt} is not set")"
        log "  $val"
    done
    grep -q '^CONFIG_RUST=y' "$SRC/.config" || die "CONFIG_RUST did not survive olddefconfig (see $CACHE/config.log)"
    mark configured
fi

# --- 4. build --------------------------------------------------------------
if ! done_step built; then
    log "building with $JOBS jobs (log: $CACHE/build.log); resumable: rerun to continue"
    start=$(date +%s)
    ok=1
    nice -n "$NICE" "${KMAKE[@]}" -j"$JOBS" vmlinux modules >> "$CACHE/build.log" 2>&1 || ok=0
    # Summed over failed and resumed runs, so build-seconds is the total.
    prev=$(cat "$CACHE/build-seconds" 2>/dev/null || echo 0)
    echo "$(( prev + $(date +%s) - start ))" > "$CACHE/build-seconds"
    if [ "$ok" = 0 ]; then
        tail -n 30 "$CACHE/build.log" >&2
        die "kernel build failed (full log: $CACHE/build.log); rerun to resume"
    fi
    mark built
fi

# --- 5. corpus lists -------------------------------------------------------
# The C list is every object the build compiled from a .c file (it has a
# .llvmbc section); the Rust list is every `<crate>.bc` rustc left (next to
# the object for drivers and samples, in the build root for rust/). Both are
# @FILE lists that `seam check @list` reads.
CORPUS="$CACHE/corpus"
mkdir -p "$CORPUS"
if ! done_step lists || [ "$CACHE/stamps/built" -nt "$CORPUS/c-objects.txt" ]; then
    log "listing bitcode-carrying objects"
    find "$SRC" -name '*.o' -type f ! -name 'vmlinux.o' ! -name '*.mod.o' ! -name 'built-in.a' -print0 \
        | sort -z \
        | xargs -0 -n 200 "llvm-readelf${LLVM_SUFFIX}" -S -W 2>/dev/null \
        | awk '/^File: /{f=$2} /\.llvmbc/{if(f!=""){print f; f=""}}' > "$CORPUS/c-objects.all"
    # A module built from several objects is also linked (`ld -r`) into
    # <module>.o, which then holds its parts' bitcode a second time. Its
    # <module>.mod lists the parts: keep the parts, drop the composite.
    while IFS= read -r obj; do
        mod="${obj%.o}.mod"
        if [ -f "$mod" ] && [ "$(wc -l < "$mod")" -gt 1 -o "$(basename "$(head -n1 "$mod")")" != "$(basename "$obj")" ]; then
            continue
        fi
        echo "$obj"
    done < "$CORPUS/c-objects.all" > "$CORPUS/c-objects.txt"
    # rustc's bitcode only: kernel/time/timeconst.bc is a bc(1) script.
    find "$SRC" -name '*.bc' -type f | sort | while IFS= read -r bc; do
        [ "$(head -c 4 "$bc" | od -An -tx1 | tr -d ' \n')" = "4243c0de" ] && echo "$bc"
    done > "$CORPUS/rust-bc.txt"
    cat "$CORPUS/c-objects.txt" "$CORPUS/rust-bc.txt" > "$CORPUS/all.txt"
    [ -f "$SRC/vmlinux.o" ] && echo "$SRC/vmlinux.o" > "$CORPUS/vmlinux.txt"
    mark lists
fi

nc=$(wc -l < "$CORPUS/c-objects.txt"); nr=$(wc -l < "$CORPUS/rust-bc.txt")
log "corpus ready: $nc C objects with .llvmbc, $nr Rust .bc files"
echo "kernel tree:   $SRC"
echo "C objects:     $CORPUS/c-objects.txt ($nc)"
echo "Rust bitcode:  $CORPUS/rust-bc.txt ($nr)"
echo "all inputs:    $CORPUS/all.txt   (seam check @$CORPUS/all.txt)"
[ -f "$SRC/vmlinux.o" ] && echo "vmlinux.o:     $SRC/vmlinux.o"
exit 0
