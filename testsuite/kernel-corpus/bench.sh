#!/usr/bin/env bash
# Whole-kernel benchmark for seam (issue 8). Needs the corpus from build.sh.
#
# Measures, in one run: LLVM's own parse of the corpus bitcode (llvm-dis, one
# process per module), seam's ingest (`seam ir`, printed IR thrown away:
# seam has no ingest-only mode), seam's whole analysis (`seam check`) with
# --jobs 1 and 2, scaling over 25/50/100 % of the modules, the single-driver
# audit (rnull + the Rust `kernel` crate + the Rust helpers) and
# `seam check vmlinux.o`. Each figure is the median of RUNS runs with the
# spread (min..max), wall time and peak RSS from /usr/bin/time -v. seam runs
# with --no-cache: every figure is a cold run.
# Writes the table into docs/performance.md between the bench markers and
# keeps the raw figures in $SEAM_KERNEL_CACHE/bench/.
#
# Every run is guarded: killed after TIMEOUT seconds, or when the summed RSS
# of its processes passes MEM_LIMIT_GIB (sampled twice a second).
#
# Usage: testsuite/kernel-corpus/bench.sh [--runs N] [--only STEP,...] [--no-doc]
#   steps: llvm ingest check scaling driver vmlinux
# Env: SEAM (default target/release/seam), SEAM_KERNEL_CACHE, TIMEOUT (1800),
#      MEM_LIMIT_GIB (16), NICE (19), LLVM_SUFFIX (-22), SCALE (percentages
#      for the scaling run, default "25 50 100"), SEAM_COMMIT (the commit the
#      seam binary was built from, default the repository's HEAD).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CACHE="${SEAM_KERNEL_CACHE:-$HOME/.cache/seam}"
CORPUS="$CACHE/corpus"
SRC="$CACHE/linux"
SEAM="${SEAM:-$REPO/target/release/seam}"
LLVM_SUFFIX="${LLVM_SUFFIX:--22}"
TIMEOUT="${TIMEOUT:-1800}"
MEM_LIMIT_GIB="${MEM_LIMIT_GIB:-16}"
SCALE="${SCALE:-25 50 100}"
NICE="${NICE:-19}"
RUNS=3
ONLY="llvm,ingest,check,scaling,driver,vmlinux"
WRITE_DOC=1
DOC="$REPO/docs/performance.md"

while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift ;;
        --only) ONLY="$2"; shift ;;
        --no-doc) WRITE_DOC=0 ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
want() { [[ ",$ONLY," == *",$1,"* ]]; }

[ -x "$SEAM" ] || die "no seam binary at $SEAM (cargo build --release --bin seam, or set SEAM=)"
[ -s "$CORPUS/c-objects.txt" ] || die "no corpus in $CORPUS: run 'make kernel-corpus' first"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
command -v "llvm-dis${LLVM_SUFFIX}" >/dev/null || die "llvm-dis${LLVM_SUFFIX} is missing"

WORK="$CACHE/bench"
mkdir -p "$WORK/bc" "$WORK/runs"
RESULTS="$WORK/results.tsv"
# A full run starts a new table; --only re-measures its steps and keeps the
# other rows of the last run.
ONLY_GIVEN=0
[ "$ONLY" = "llvm,ingest,check,scaling,driver,vmlinux" ] || ONLY_GIVEN=1
[ "$ONLY_GIVEN" = 1 ] && [ -f "$RESULTS" ] || : > "$RESULTS"

# --- inputs ----------------------------------------------------------------
# llvm-dis cannot read bitcode inside an ELF object, so the C modules are
# extracted once (not timed) and both LLVM and seam read the same .bc files.
log "extracting .llvmbc sections (cached in $WORK/bc)"
: > "$WORK/all.txt"
while IFS= read -r obj; do
    rel="${obj#"$SRC"/}"
    out="$WORK/bc/${rel//\//__}.bc"
    if [ ! -s "$out" ] || [ "$obj" -nt "$out" ]; then
        "llvm-objcopy${LLVM_SUFFIX}" --dump-section ".llvmbc=$out" "$obj" "$WORK/objcopy.tmp" \
            || die "cannot extract .llvmbc from $obj"
    fi
    echo "$out" >> "$WORK/all.txt"
done < "$CORPUS/c-objects.txt"
rm -f "$WORK/objcopy.tmp"
cp "$WORK/all.txt" "$WORK/c.txt"
cat "$CORPUS/rust-bc.txt" >> "$WORK/all.txt"
# Deterministic subsets for the scaling run: every (100/p)-th module, so
# each subset spreads over the whole tree rather than one directory.
for p in $SCALE; do
    awk -v p="$p" 'BEGIN { step = 100 / p } NR == 1 || (NR - 1) >= next_at { print; next_at += step }' "$WORK/all.txt" > "$WORK/p$p.txt"
done

bytes_of() { xargs -d '\n' stat -c %s < "$1" | awk '{s+=$1} END {print s+0}'; }
N_C=$(wc -l < "$WORK/c.txt"); N_RUST=$(wc -l < "$CORPUS/rust-bc.txt")
BYTES_C=$(bytes_of "$WORK/c.txt"); BYTES_RUST=$(bytes_of "$CORPUS/rust-bc.txt")
log "corpus: $N_C C modules ($((BYTES_C / 1048576)) MiB), $N_RUST Rust crates ($((BYTES_RUST / 1048576)) MiB)"

# --- guarded, timed runs ---------------------------------------------------
# run_once LABEL CMD...: one run under /usr/bin/time -v in its own session;
# appends "label wall_s maxrss_kib sum_peak_kib exit" to $WORK/runs/LABEL.
run_once() {
    local label="$1"; shift
    local tfile="$WORK/runs/$label.time" out="$WORK/runs/$label.stderr"
    local limit_kib=$((MEM_LIMIT_GIB * 1024 * 1024))
    setsid nice -n "$NICE" /usr/bin/time -v -o "$tfile" timeout -k 10 "$TIMEOUT" "$@" > "${RUN_STDOUT:-/dev/null}" 2> "$out" &
    local pid=$! peak=0 killed=""
    sleep 0.2
    local sid; sid=$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
    while kill -0 "$pid" 2>/dev/null; do
        if [ -n "$sid" ]; then
            local sum
            sum=$(ps -e -o sid=,rss= | awk -v s="$sid" '$1 == s {t += $2} END {print t + 0}')
            [ "$sum" -gt "$peak" ] && peak=$sum
            if [ "$sum" -gt "$limit_kib" ]; then
                killed="memory"
                log "$label: RSS ${sum} KiB passed ${MEM_LIMIT_GIB} GiB, killing"
                # Every process of the session but /usr/bin/time itself (so
                # it still reports): `timeout` moves the command into a
                # process group of its own, so a group kill would miss it.
                ps -e -o pid=,sid= | awk -v s="$sid" -v keep="$pid" '$2 == s && $1 != keep {print $1}' \
                    | xargs -r kill -KILL 2>/dev/null || true
            fi
        fi
        sleep 0.5
    done
    local rc=0
    wait "$pid" || rc=$?
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tfile")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tfile")
    [ "$rc" = 124 ] && killed="timeout"
    echo "$label ${wall:-nan} ${rss:-0} $peak $rc $killed" >> "$WORK/runs/$label.tsv"
    if [ -n "$killed" ] || { [ "$rc" != 0 ] && [ "$rc" != 1 ]; }; then
        log "$label: exit $rc ${killed:+($killed)}; stderr tail:"
        tail -n 5 "$out" >&2
    fi
}

# measure LABEL DESCRIPTION CMD...: RUNS runs; records the median, min and
# max wall time and the largest peak RSS in $RESULTS.
measure() {
    local label="$1" desc="$2"; shift 2
    rm -f "$WORK/runs/$label.tsv"
    local i
    for ((i = 1; i <= RUNS; i++)); do
        log "$label run $i/$RUNS"
        run_once "$label" "$@"
        # A run that was killed says all there is to say; do not repeat it.
        if awk '{k = $6} END {exit !(k != "")}' "$WORK/runs/$label.tsv"; then break; fi
    done
    awk -F'\t' -v l="$label" '$1 != l' "$RESULTS" > "$RESULTS.tmp" && mv "$RESULTS.tmp" "$RESULTS"
    awk -v label="$label" -v desc="$desc" '
        { w[NR] = $2; if ($3 > rss) rss = $3; if ($4 > sum) sum = $4; if ($5 != 0 && $5 != 1) bad = bad " exit" $5; if ($6 != "") bad = bad " " $6 }
        END {
            n = NR
            for (i = 2; i <= n; i++) { v = w[i]; for (j = i - 1; j >= 1 && w[j] > v; j--) w[j + 1] = w[j]; w[j + 1] = v }
            med = (n % 2) ? w[(n + 1) / 2] : (w[n / 2] + w[n / 2 + 1]) / 2
            printf "%s\t%s\t%d\t%.2f\t%.2f\t%.2f\t%d\t%d\t%s\n", label, desc, n, med, w[1], w[n], rss, sum, (bad == "" ? "ok" : substr(bad, 2))
        }' "$WORK/runs/$label.tsv" >> "$RESULTS"
    log "$(tail -n 1 "$RESULTS")"
}

# The median of LABEL's runs; ">" in front when a run was killed (timeout,
# memory), since its time is then only a lower bound.
median_of() { awk -F'\t' -v l="$1" '$1 == l {print ($9 == "ok" ? "" : ">") $4}' "$RESULTS"; }

LLVM_DIS="$(command -v "llvm-dis${LLVM_SUFFIX}")"
if want llvm; then
    for j in 1 2; do
        measure "llvm-parse-j$j" "llvm-dis -o /dev/null, one process per module, $j at a time" \
            xargs -d '\n' -a "$WORK/all.txt" -P "$j" -n 1 "$LLVM_DIS" -o /dev/null
    done
fi
if want ingest; then
    measure "seam-ingest" "seam ir (all cores, IR printed to /dev/null)" "$SEAM" ir --no-cache "@$WORK/all.txt"
fi
if want check; then
    # The last --jobs 2 run's report is kept: corpus statistics, findings.
    for j in 1 2; do
        RUN_STDOUT="$WORK/check-all.json" measure "seam-check-j$j" "seam check --format json --jobs $j" \
            "$SEAM" check --no-cache --format json --jobs "$j" --quiet --fail-on never "@$WORK/all.txt"
    done
fi
if want scaling; then
    for p in $SCALE; do
        [ "$p" = 100 ] && continue
        measure "seam-check-p$p" "seam check --jobs 2 on $p % of the modules" \
            "$SEAM" check --no-cache --format json --jobs 2 --quiet --fail-on never "@$WORK/p$p.txt"
    done
    if [[ " $SCALE " == *" 100 "* ]] && ! grep -q '^seam-check-j2	' "$RESULTS"; then
        measure "seam-check-j2" "seam check --format json --jobs 2" \
            "$SEAM" check --no-cache --format json --jobs 2 --quiet --fail-on never "@$WORK/all.txt"
    fi
fi
if want driver; then
    # rnull: the Rust null block driver, the `kernel` crate it is built on
    # and the C helpers Rust calls through.
    : > "$WORK/driver.txt"
    missing=""
    for f in rnull.bc kernel.bc; do grep -m1 "/$f\$" "$CORPUS/rust-bc.txt" >> "$WORK/driver.txt" || missing="$missing $f"; done
    grep -E '/rust__helpers(__helpers)?\.o\.bc$' "$WORK/c.txt" >> "$WORK/driver.txt" || missing="$missing rust/helpers"
    if [ -n "$missing" ]; then
        log "single-driver audit skipped: not in the corpus:$missing"
    else measure "seam-driver-rnull" "seam check on rnull + kernel crate + rust helpers" \
        "$SEAM" check --no-cache --format json --jobs 2 --quiet --fail-on never "@$WORK/driver.txt"
    fi
fi
if want vmlinux && [ -f "$SRC/vmlinux.o" ]; then
    measure "seam-vmlinux" "seam check vmlinux.o (one .llvmbc section, all modules)" \
        "$SEAM" check --no-cache --format json --jobs 2 --quiet --fail-on never "$SRC/vmlinux.o"
fi

# --- scaling exponent ------------------------------------------------------
# Least-squares slope of log(time) over log(bitcode bytes).
K=""
# Only runs that finished count: a killed run's time is a lower bound.
K=$(awk -F'\t' '$1 ~ /^seam-check-p/ && $9 == "ok" {print substr($1, 13), $4}
                 $1 == "seam-check-j2" && $9 == "ok" {print 100, $4}' "$RESULTS" | while read -r p t; do
        f="$WORK/p$p.txt"; [ "$p" = 100 ] && f="$WORK/all.txt"
        [ -f "$f" ] && echo "$(bytes_of "$f") $t"
    done | awk '$2 > 0 { x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
                END { if (n >= 2) printf "%.2f", (n * sxy - sx * sy) / (n * sxx - sx * sx) }')
echo "$K" > "$WORK/k.txt"

# --- table -----------------------------------------------------------------
if [ -n "${SEAM_COMMIT:-}" ]; then
    COMMIT="$SEAM_COMMIT"
else
    COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    DIRTY="$(git -C "$REPO" status --porcelain -- analyzer models 2>/dev/null | head -n1)"
    [ -n "$DIRTY" ] && COMMIT="$COMMIT (+ uncommitted changes)"
fi
TABLE="$WORK/table.md"
{
    echo "Measured $(date -u +%F) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo) GiB;"
    echo "seam $COMMIT (\`$SEAM\`), $("$SEAM" --version 2>/dev/null | head -n1);"
    echo "corpus: $N_C C modules ($((BYTES_C / 1048576)) MiB of bitcode) + $N_RUST Rust crates ($((BYTES_RUST / 1048576)) MiB),"
    echo "read as extracted \`.bc\` files. Median of up to $RUNS runs, spread min..max; peak RSS = largest"
    echo "single process (\`/usr/bin/time -v\`), total = sampled sum over all of the run's processes."
    echo
    echo "| measurement | runs | median s | min..max s | peak RSS MiB | total RSS MiB | status |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    awk -F'\t' '{ printf "| %s | %d | %.1f | %.1f..%.1f | %d | %d | %s |\n", $2, $3, $4, $5, $6, $7 / 1024, $8 / 1024, $9 }' "$RESULTS"
    echo
    LP1=$(median_of llvm-parse-j1); LP2=$(median_of llvm-parse-j2)
    IN=$(median_of seam-ingest); C1=$(median_of seam-check-j1); C2=$(median_of seam-check-j2)
    DR=$(median_of seam-driver-rnull)
    ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { lb = sub(/^>/, "", a); if (b + 0 > 0) printf "%s%.2f×", (lb ? ">" : ""), a / b; else print "n/a" }' || echo "not measured"; }
    verdict() { awk -v v="$1" -v t="$2" 'BEGIN { x = v; sub(/×/, "", x); lb = sub(/^>/, "", x)
        if (x !~ /^[0-9.]+$/) print "not measured"
        else if (x + 0 > t) print "missed"
        else print (lb ? "unknown (run killed)" : "met") }'; }
    echo "| target | goal | measured | |"
    echo "|---|---|---|---|"
    r=$(ratio "$IN" "$LP2"); echo "| ingest vs LLVM parse (both 2 at a time) | ≤ 1× | $r | $(verdict "$r" 1) |"
    r=$(ratio "$C1" "$LP1"); echo "| whole analysis vs LLVM parse, --jobs 1 | ≤ 3× | $r | $(verdict "$r" 3) |"
    r=$(ratio "$C2" "$LP2"); echo "| whole analysis vs LLVM parse, --jobs 2 | ≤ 3× | $r | $(verdict "$r" 3) |"
    echo "| whole kernel wall, --jobs 2 | ≤ 300 s | ${C2:-not measured}${C2:+ s} | $(verdict "$C2" 300) |"
    RSS2=$(awk -F'\t' '$1 == "seam-check-j2" {printf "%s%.2f", ($9 == "ok" ? "" : ">"), $8 / 1048576}' "$RESULTS")
    echo "| whole kernel total RSS, --jobs 2 | ≤ 8 GiB | ${RSS2:-not measured}${RSS2:+ GiB} | $(verdict "$RSS2" 8) |"
    echo "| scaling exponent k (time ∝ bytes^k, finished runs of $(awk -F'\t' '$1 ~ /^seam-check-p/ && $9 == "ok" {printf "%s%s", s, substr($1, 13); s = "/"} $1 == "seam-check-j2" && $9 == "ok" {c = 1} END {if (c) printf "%s100", s}' "$RESULTS") %) | ≤ 1.2 | ${K:-not measured} | $(verdict "$K" 1.2) |"
    echo "| single driver (rnull) | ≤ 10 s | ${DR:-not measured}${DR:+ s} | $(verdict "$DR" 10) |"
} > "$TABLE"
cat "$TABLE"

if [ "$WRITE_DOC" = 1 ]; then
    if grep -q '<!-- bench:begin -->' "$DOC" 2>/dev/null; then
        awk -v table="$TABLE" '
            /<!-- bench:begin -->/ { print; while ((getline l < table) > 0) print l; skip = 1; next }
            /<!-- bench:end -->/ { skip = 0 }
            !skip' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
    else
        { echo; echo '<!-- bench:begin -->'; cat "$TABLE"; echo '<!-- bench:end -->'; } >> "$DOC"
    fi
    log "table written to $DOC"
fi
