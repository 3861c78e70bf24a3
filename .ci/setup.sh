#!/usr/bin/env bash
# Installs what seam needs on Debian 12 (bookworm) when it is missing:
# LLVM 22 (library + tools) and clang-22, from bookworm-security.
# Idempotent: does nothing when everything is there. Uses sudo only when not root.
set -euo pipefail

need=()
command -v clang-22 >/dev/null 2>&1 || need+=(clang-22)
command -v llvm-config-22 >/dev/null 2>&1 || need+=(llvm-22-dev)
command -v llvm-dis-22 >/dev/null 2>&1 || need+=(llvm-22)
[ -e /usr/lib/llvm-22/lib/libLLVM.so ] || need+=(llvm-22-dev)
dpkg -s libpolly-22-dev >/dev/null 2>&1 || need+=(libpolly-22-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
dpkg -s libzstd-dev >/dev/null 2>&1 || need+=(libzstd-dev)

if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  echo "seam setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "seam setup: cargo not found; install Rust 1.95 (rustup) first" >&2
  exit 1
fi

# The testsuite builds its arm64 kernel cases against `kernel-rs` compiled
# for aarch64, which needs that target's `core`.
if command -v rustup >/dev/null 2>&1 \
  && ! rustup target list --installed 2>/dev/null | grep -qx aarch64-unknown-linux-gnu; then
  echo "seam setup: adding the aarch64-unknown-linux-gnu Rust target" >&2
  rustup target add aarch64-unknown-linux-gnu >/dev/null
fi
