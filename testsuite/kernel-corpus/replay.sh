#!/usr/bin/env bash
# History replay (issue 8): takes real kernel race fixes back out of the
# corpus tree and checks that seam reports the race without the fix and not
# with it.
#
# Each patches/replay/<name>.patch is a *reverse* patch: applied with
# `patch -p1` to the (fixed) 6.12 tree it re-introduces the plain access or
# removes the lock. Its header (the text before the diff) says what it is:
#   Fix:        upstream commit subject; Upstream: hash, author, release
#   Objects:    the object(s) the patched source(s) compile to (rebuilt)
#   Inputs:     what seam checks, before and after (default: Objects)
#   Expect:     race (seam must report it; the default) or miss (a known
#               miss: reported and recorded, not a failure)
#   Why-missed: for a known miss, what seam's output shows
#   Watch:      file:line[-line] ... in the fixed tree (default: the lines
#               the patch changes; a lock fix names the racing accesses)
# A race finding (data-race, ffi-data-race, ffi-lock-mismatch) is "on the
# fix" when one of its accesses on a watched line is plain, or all of its
# accesses are on watched lines (line numbers are mapped to the reverted
# tree for the before run). A finding that pairs a watched access which is
# marked (after the fix) with a plain access elsewhere is a different race
# and is only counted, as "other".
#
# For each fix the script saves the fixed sources and objects, applies the
# patch, rebuilds the objects with the corpus build's make flags, copies
# them aside, reverses the patch, rebuilds again and, when the rebuilt
# objects are byte-identical to the saved ones, puts the saved files (and
# the sources' modification times) back, so the tree, the corpus and the
# next `make` are as before. A trap restores the tree on an interruption
# (SIGINT/SIGTERM: after the running make finishes); after a kill -9 the
# leftover `$SEAM_KERNEL_CACHE/replay/applied` is restored at the next start.
# The reverted objects are kept, keyed by the patch and the fixed object, so
# a rerun only runs seam again.
#
# Passes when every `Expect: race` fix has a race finding on the fix before
# and none after. Finding counts are not checked.
#
# Usage: testsuite/kernel-corpus/replay.sh [--jobs N] [NAME...]
#        (NAME: patch names without .patch; default: all)
# Env:   SEAM (default target/release/seam), SEAM_KERNEL_CACHE (default
#        ~/.cache/seam), LLVM_SUFFIX (-22), NICE (19).
# Writes $SEAM_KERNEL_CACHE/replay/results.tsv (latest row of every fix)
# and, per fix, the reverted objects and seam's before.json/after.json in
# $SEAM_KERNEL_CACHE/replay/NAME/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CACHE="${SEAM_KERNEL_CACHE:-$HOME/.cache/seam}"
SRC="$CACHE/linux"
SEAM="${SEAM:-$REPO/target/release/seam}"
LLVM_SUFFIX="${LLVM_SUFFIX:--22}"
LLVM_PREFIX="${LLVM_PREFIX:-/usr/lib/llvm${LLVM_SUFFIX}}"
NICE="${NICE:-19}"
JOBS=2
PATCHES="$HERE/patches/replay"
STATE="$CACHE/replay"
APPLIED="$STATE/applied"
NAMES=()

while [ $# -gt 0 ]; do
    case "$1" in
        --jobs) JOBS="$2"; shift ;;
        --jobs=*) JOBS="${1#--jobs=}" ;;
        -h|--help) sed -n '2,44p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "replay.sh: unknown argument '$1'" >&2; exit 2 ;;
        *) NAMES+=("${1%.patch}") ;;
    esac
    shift
done

log() { printf '[replay %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ -x "$SEAM" ] || die "no seam binary at $SEAM (cargo build --release --bin seam, or set SEAM=)"
[ -e "$CACHE/stamps/built" ] || die "no kernel build in $CACHE: run 'make kernel-corpus' first"
command -v python3 >/dev/null || die "python3 is needed to read seam's JSON"
command -v patch >/dev/null || die "patch is missing (apt-get install patch)"
export PATH="$HOME/.cargo/bin:$PATH"
export LIBCLANG_PATH="${LIBCLANG_PATH:-$LLVM_PREFIX/lib}"

# The corpus build's make command (keep in sync with build.sh), so that a
# rebuilt object is compiled exactly as the corpus one was.
KMAKE=(make -C "$SRC" "LLVM=${LLVM_SUFFIX}" ARCH=x86_64
       "KCFLAGS=-Xclang -fembed-bitcode=all" "KRUSTFLAGS=--emit=llvm-bc"
       CONFIG_LD_ORPHAN_WARN_LEVEL=warn)

mkdir -p "$STATE"

# --- patch headers ----------------------------------------------------------
field() { # field PATCH NAME: the value of "NAME:" in the header (before the diff)
    awk -v k="$2:" '/^(--- |diff |\+\+\+ )/{exit} $1==k{sub(/^[^:]*:[ \t]*/,""); print; exit}' "$1"
}
patched_files() { # the files a patch changes, relative to the tree
    awk '/^\+\+\+ /{f=$2; sub(/^[^\/]*\//,"",f); print f}' "$1"
}

# --- building ----------------------------------------------------------------
kmake() { # kmake LOG OBJ...: rebuild objects with the corpus flags
    local out="$1"; shift
    nice -n "$NICE" "${KMAKE[@]}" -j"$JOBS" "$@" >> "$out" 2>&1 \
        || { tail -n 30 "$out" >&2; return 1; }
}

# Puts the tree back in the fixed state: reverses the applied patch, rebuilds
# its objects and, when they come out byte-identical to the saved ones,
# restores the saved files with their times (so make sees no change).
restore() {
    [ -f "$APPLIED" ] || return 0
    local p dir files objs f o
    p="$(sed -n 1p "$APPLIED")"; dir="$(sed -n 2p "$APPLIED")"
    log "restoring the tree: reversing $(basename "$p")"
    if patch -d "$SRC" -p1 -R -f -s --dry-run < "$p" > /dev/null 2>&1; then
        patch -d "$SRC" -p1 -R -f -s --no-backup-if-mismatch < "$p"
    elif ! patch -d "$SRC" -p1 -f -s --dry-run < "$p" > /dev/null 2>&1; then
        die "$(basename "$p") neither applies nor reverses on $SRC: check the tree by hand"
    fi
    mapfile -t files < <(patched_files "$p")
    read -r -a objs <<< "$(field "$p" Objects)"
    # The reversed sources are newer than the reverted objects, so make
    # rebuilds them.
    log "rebuilding ${objs[*]} (fixed)"
    local t0=$SECONDS same=1 cmdf
    kmake "$dir/build.log" "${objs[@]}" || die "rebuilding the fixed objects failed (log: $dir/build.log)"
    echo $((SECONDS - t0)) > "$dir/restore-seconds"
    for o in "${objs[@]}"; do
        if [ -f "$dir/before/$o" ] && cmp -s "$dir/before/$o" "$SRC/$o" && ! cmp -s "$dir/fixed/$o" "$SRC/$o"; then
            die "$o is still the reverted object after the rebuild"
        fi
        cmp -s "$dir/fixed/$o" "$SRC/$o" || { same=0; log "warning: rebuilt $o differs from the corpus object (kept the rebuilt one)"; }
    done
    for f in "${files[@]}"; do
        cmp -s "$dir/fixed/$f" "$SRC/$f" || { same=0; log "warning: $f differs from the saved copy after reversing the patch"; }
    done
    # Byte-identical: put the saved objects, .cmd files and the sources'
    # times back, so that the next `make` sees nothing new (no relink).
    if [ "$same" = 1 ]; then
        for o in "${objs[@]}"; do
            cp -p "$dir/fixed/$o" "$SRC/$o"
            cmdf="$(dirname "$o")/.$(basename "$o").cmd"
            [ -f "$dir/fixed/$cmdf" ] && cp -p "$dir/fixed/$cmdf" "$SRC/$cmdf"
        done
        for f in "${files[@]}"; do touch -r "$dir/fixed/$f" "$SRC/$f"; done
        log "tree restored: objects identical to the corpus ones, times restored"
    fi
    rm -f "$APPLIED"
}
on_exit() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -f "$APPLIED" ]; then
        restore || { log "error: could not restore the tree; rerun replay.sh to retry"; exit 1; }
    fi
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A previous run killed without its trap left a patch applied.
restore

# --- one fix -----------------------------------------------------------------
# Builds (or reuses) the reverted objects of patch $1 into $STATE/NAME/before.
build_reverted() {
    local p="$1" name dir key files objs f o
    name="$(basename "$p" .patch)"; dir="$STATE/$name"
    mapfile -t files < <(patched_files "$p")
    read -r -a objs <<< "$(field "$p" Objects)"
    [ ${#objs[@]} -gt 0 ] || die "$name: no 'Objects:' in the patch header"
    for o in "${objs[@]}"; do [ -f "$SRC/$o" ] || die "$name: $o is not in the corpus build"; done
    key="$( { sha256sum < "$p"; for o in "${objs[@]}"; do sha256sum < "$SRC/$o"; done; } | sha256sum | cut -c1-16)"
    if [ -f "$dir/before/key" ] && [ "$(cat "$dir/before/key")" = "$key" ]; then
        log "$name: reverted objects already built (delete $dir/before to rebuild)"
        return 0
    fi
    patch -d "$SRC" -p1 -f -s --dry-run < "$p" > /dev/null \
        || die "$name: the patch does not apply to $SRC (is the fix in this kernel version?)"
    rm -rf "$dir/fixed" "$dir/before"; mkdir -p "$dir/fixed" "$dir/before"
    : > "$dir/build.log"
    for f in "${files[@]}" "${objs[@]}"; do
        mkdir -p "$dir/fixed/$(dirname "$f")"; cp -p "$SRC/$f" "$dir/fixed/$f"
    done
    for o in "${objs[@]}"; do
        f="$(dirname "$o")/.$(basename "$o").cmd"
        [ -f "$SRC/$f" ] && cp -p "$SRC/$f" "$dir/fixed/$f"
    done
    printf '%s\n%s\n' "$p" "$dir" > "$APPLIED"
    log "$name: applying the reversal, rebuilding ${objs[*]} (reverted)"
    patch -d "$SRC" -p1 -f -s --no-backup-if-mismatch < "$p"
    local t0=$SECONDS
    kmake "$dir/build.log" "${objs[@]}" || die "$name: building the reverted objects failed (log: $dir/build.log)"
    echo $((SECONDS - t0)) > "$dir/revert-seconds"
    for o in "${objs[@]}"; do
        mkdir -p "$dir/before/$(dirname "$o")"; cp -p "$SRC/$o" "$dir/before/$o"
    done
    restore
    echo "$key" > "$dir/before/key"
}

# Runs seam on one side: run_seam NAME SIDE(before|after) INPUT...
run_seam() {
    local name="$1" side="$2"; shift 2
    local dir="$STATE/$name" t0=$SECONDS rc=0
    rm -f "$dir/$side.json"
    (cd "$dir" && nice -n "$NICE" "$SEAM" check -q --jobs "$JOBS" --fail-on never \
        --json "$dir/$side.json" "$@" > "$dir/$side.txt" 2> "$dir/$side.err") || rc=$?
    echo $((SECONDS - t0)) > "$dir/$side-seconds"
    [ "$rc" = 0 ] || log "warning: seam exited with $rc on the $side inputs of $name (see $dir/$side.err)"
    [ -s "$dir/$side.json" ] || die "$name: seam wrote no $side.json (see $dir/$side.err)"
}

# Reads both reports; prints one TSV row and returns 1 if the expectation fails.
judge() {
    local p="$1" name dir
    name="$(basename "$p" .patch)"; dir="$STATE/$name"
    python3 - "$p" "$dir" "$name" "$(field "$p" Expect)" "$(field "$p" Watch)" "$(field "$p" Objects)" <<'PY'
import json, os, re, sys

patch, d, name, expect, watch, objects = sys.argv[1:7]
expect = (expect or "race").split()[0]
RACE_RULES = {"data-race", "ffi-data-race", "ffi-lock-mismatch"}

# Hunks of the patch: file -> [(old_start, old_len, new_start, new_len)],
# and the changed lines on both sides.
hunks, minus, plus = {}, {}, {}
cur = None
for line in open(patch, errors="replace"):
    if line.startswith("+++ "):
        cur = line[4:].split("\t")[0].strip().split("/", 1)[1]
        hunks.setdefault(cur, []); minus.setdefault(cur, set()); plus.setdefault(cur, set())
        continue
    if line.startswith("--- "):
        continue
    m = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", line)
    if m:
        o, ol, n, nl = int(m[1]), int(m[2] or 1), int(m[3]), int(m[4] or 1)
        hunks[cur].append((o, ol, n, nl)); oi, ni = o, n
        continue
    if cur is None or not hunks.get(cur):
        continue
    if line.startswith("-"):
        minus[cur].add(oi); oi += 1
    elif line.startswith("+"):
        plus[cur].add(ni); ni += 1
    elif line.startswith(" ") or line == "\n":
        oi += 1; ni += 1

def to_new(f, line):
    """A fixed-tree line number in the reverted tree (unchanged lines)."""
    delta = 0
    for o, ol, n, nl in hunks.get(f, []):
        if line >= o + ol:
            delta += nl - ol
        elif line >= o:
            return None
    return line + delta

after_w, before_w = {}, {}
if watch.strip():
    for item in re.split(r"[,\s]+", watch.strip()):
        if not item:
            continue
        f, rng = item.rsplit(":", 1)
        a, _, b = rng.partition("-")
        for l in range(int(a), int(b or a) + 1):
            after_w.setdefault(f, set()).add(l)
            nl = to_new(f, l)
            if nl is not None:
                before_w.setdefault(f, set()).add(nl)
else:
    after_w, before_w = minus, plus

def norm(path):
    path = os.path.normpath(path)
    return path

def on_watched(acc, watched):
    loc = acc.get("loc") or {}
    p = norm(loc.get("file", ""))
    for f, lines in watched.items():
        if (p == f or p.endswith("/" + f)) and loc.get("line") in lines:
            return True
    return False

def plain(acc):
    return acc.get("marking", "").startswith("plain")

def line_of(acc):
    loc = acc.get("loc") or {}
    return (loc.get("file"), loc.get("line"))

def touching(side, watched):
    """Race findings on the fix: an access on a watched line that is plain,
    or every access on watched lines. A finding whose only watched access is
    marked pairs it with a plain access elsewhere: a different race, counted
    apart ("other")."""
    rep = json.load(open(os.path.join(d, side + ".json")))
    hits, other = [], []
    for i, f in enumerate(rep.get("findings", []), 1):
        if f.get("rule") not in RACE_RULES:
            continue
        acc = f.get("accesses", [])
        on = [on_watched(a, watched) for a in acc]
        if not any(on):
            continue
        both = all(on)
        if both or any(o and plain(a) for o, a in zip(on, acc)):
            distinct = len({line_of(a) for a in acc}) > 1
            hits.append((not both, not distinct, i, f, both))
        else:
            other.append((False, False, i, f, False))
    hits.sort(key=lambda h: h[:3])   # both sides on the fix, two lines, rank
    return rep, [h[2:] for h in hits], [h[2:] for h in other]

def short(i, f, both):
    def a(x):
        loc = x.get("loc") or {}
        return "%s:%s %s %s" % (os.path.basename(loc.get("file", "?")), loc.get("line", "?"),
                                x.get("kind", "?")[0], x.get("marking", "?").split()[0])
    return "#%d %s on %s: %s%s" % (i, f["rule"], f.get("location", "?"),
                                   " x ".join(a(x) for x in f.get("accesses", [])),
                                   "" if both else " (one side)")

brep, bhits, _ = touching("before", before_w)
arep, ahits, aother = touching("after", after_w)
detected = bool(bhits)
clean = not ahits
if expect == "miss":
    verdict = "known-miss" if not detected else ("now-detected" if clean else "now-detected-after-too")
    ok = True
else:
    verdict = "ok" if detected and clean else ("missed" if not detected else "still-reported")
    ok = detected and clean
def secs(n):
    try:
        return open(os.path.join(d, n)).read().strip()
    except OSError:
        return ""
row = [name, objects, expect, verdict,
       str(len(bhits)), short(*bhits[0]) if bhits else "-",
       str(len(ahits)), short(*ahits[0]) if ahits else "-",
       str(len(aother)), short(*aother[0]) if aother else "-",
       str(len(brep.get("findings", []))), str(len(arep.get("findings", []))),
       secs("revert-seconds"), secs("restore-seconds"), secs("before-seconds"), secs("after-seconds")]
print("\t".join(row))
sys.exit(0 if ok else 1)
PY
}

# --- main --------------------------------------------------------------------
if [ ${#NAMES[@]} -eq 0 ]; then
    for p in "$PATCHES"/*.patch; do [ -e "$p" ] && NAMES+=("$(basename "$p" .patch)"); done
fi
[ ${#NAMES[@]} -gt 0 ] || die "no patches in $PATCHES"

RESULTS="$STATE/results.tsv"
COLUMNS_TSV='fix\tobjects\texpect\tverdict\tbefore_hits\tbefore_first\tafter_hits\tafter_first\tafter_other\tafter_other_first\tbefore_findings\tafter_findings\trevert_build_s\trestore_build_s\tseam_before_s\tseam_after_s\tseam\tdate'
SEAM_VERSION="$("$SEAM" --version 2>/dev/null | head -n1)"
failed=0
ran=()
for name in "${NAMES[@]}"; do
    p="$PATCHES/$name.patch"
    [ -f "$p" ] || die "no patch $p"
    dir="$STATE/$name"; mkdir -p "$dir"
    build_reverted "$p"
    read -r -a objs <<< "$(field "$p" Objects)"
    read -r -a inputs <<< "$(field "$p" Inputs)"
    [ ${#inputs[@]} -gt 0 ] || inputs=("${objs[@]}")
    before=(); after=()
    for i in "${inputs[@]}"; do
        after+=("$SRC/$i")
        if [ -f "$dir/before/$i" ]; then before+=("$dir/before/$i"); else before+=("$SRC/$i"); fi
    done
    log "$name: seam on ${inputs[*]} (reverted, then fixed)"
    run_seam "$name" before "${before[@]}"
    run_seam "$name" after "${after[@]}"
    row="$(judge "$p")" || failed=$((failed + 1))
    printf '%s\t%s\t%s\n' "$row" "$SEAM_VERSION" "$(date -u +%FT%TZ)" > "$dir/result.tsv"
    ran+=("$dir/result.tsv")
done

# results.tsv: the latest row of every fix that has one (a run of a few
# fixes keeps the others' rows); the table below shows this run's fixes.
{
    printf "$COLUMNS_TSV\n"
    for p in "$PATCHES"/*.patch; do
        r="$STATE/$(basename "$p" .patch)/result.tsv"
        [ -f "$r" ] && cat "$r"
    done
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
{ printf "$COLUMNS_TSV\n"; cat "${ran[@]}"; } > "$STATE/last-run.tsv"

# The table: fix | object | before | after | verdict.
python3 - "$STATE/last-run.tsv" <<'PY'
import sys
lines = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
head, rows = lines[0], [dict(zip(lines[0], r)) for r in lines[1:]]
print("| fix | object(s) | before (reverted) | after (fixed) | verdict |")
print("|---|---|---|---|---|")
for r in rows:
    b = ("%s race finding(s) on the fix, first %s" % (r["before_hits"], r["before_first"])
         if r["before_hits"] != "0" else "no race finding on the fix")
    a = ("%s race finding(s) on the fix, first %s" % (r["after_hits"], r["after_first"])
         if r["after_hits"] != "0" else "none on the fix")
    if r["after_other"] != "0":
        a += "; %s other: a fixed (marked) access against a plain one elsewhere, first %s" % (
            r["after_other"], r["after_other_first"])
    v = r["verdict"] + (" (expected)" if r["expect"] == "miss" and r["verdict"] == "known-miss" else "")
    print("| %s | %s | %s | %s | %s |" % (r["fix"], r["objects"], b, a, v))
PY
log "results: $RESULTS"
if [ "$failed" -gt 0 ]; then
    log "$failed fix(es) failed their expectation"
    exit 1
fi
exit 0
