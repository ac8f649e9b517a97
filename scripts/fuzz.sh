#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in $PARLEY_FUZZ_BUILD (default build-fuzz) and runs each.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# A run ends after SECONDS (default 3600; 0: no limit) or, when PARLEY_FUZZ_RUNS is set,
# after that many executions, whichever comes first. The long campaign is
#   PARLEY_FUZZ_RUNS=10000000 scripts/fuzz.sh 0
# (the test command runs 20 s of the parser). A campaign may be run in pieces: corpora
# grow in $PARLEY_FUZZ_BUILD/corpus and every run appends a line to
# $PARLEY_FUZZ_BUILD/campaign.tsv (date, target, seconds, executions, crashes, corpus
# size), whose totals per target the script prints at the end.
# Seeds: fuzz/seeds (with each input a campaign found failing), the queries of
# tests/queries and of the TCK (../shared/tck, when present), and articles of
# ../shared/articles (when present). A crash leaves its input in
# $PARLEY_FUZZ_BUILD/crashes and fails the script; a run interrupted by SIGINT (kill -INT
# on the fuzzer) is counted and does not fail it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds="${1:-3600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(cypher_parser query csv_import json_params ingest)
build="${PARLEY_FUZZ_BUILD:-$PARLEY_ROOT/build-fuzz}"
shared="$PARLEY_ROOT/../shared"
if ! command -v clang++ >/dev/null; then
  parley_log "fuzzing skipped: clang++ is not installed"
  exit 0
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  parley_log "configuring the fuzz build in $build"
  CC=clang CXX=clang++ cmake -S "$PARLEY_ROOT" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_BUILD_FUZZERS=ON -DPARLEY_BUILD_TESTS=OFF \
    -DPARLEY_BUILD_BENCH=OFF -DPARLEY_BUILD_PYTHON=OFF
fi
parley_log "building the fuzz targets: ${targets[*]}"
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]/#/fuzz_}"

# Seeds: one file per query of the TCK's scenarios and of tests/queries. A directory per
# run, as two runs may start side by side (one per core).
mkdir -p "$build"
seeds="$(mktemp -d "$build/seeds.XXXXXX")"
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/cypher" "$seeds/csv_import" "$seeds/json_params" "$seeds/ingest"
cp "$PARLEY_ROOT"/fuzz/seeds/cypher/* "$seeds/cypher/"
cp "$PARLEY_ROOT"/fuzz/seeds/csv_import/* "$seeds/csv_import/"
cp "$PARLEY_ROOT"/fuzz/seeds/json_params/* "$seeds/json_params/"
cp "$PARLEY_ROOT"/fuzz/seeds/ingest/* "$seeds/ingest/"
extract_queries() {  # the text between lines of """ in each file named
  awk -v out="$seeds/cypher" '
    /^[ \t]*"""[ \t]*$/ { if (inside) { close(file); inside = 0 } else { inside = 1;
                          file = sprintf("%s/q%06d", out, ++n) } next }
    inside { sub(/^[ \t]+/, ""); print >> file }' "$@"
}
if [ -d "$shared/tck/features" ]; then
  mapfile -t features < <(find "$shared/tck/features" -name '*.feature' | sort)
  extract_queries "${features[@]}"
fi
find "$PARLEY_ROOT/tests/queries" -name '*.test' -exec cp {} "$seeds/cypher/" \; 2>/dev/null || true
if [ -d "$shared/articles" ]; then
  find "$shared/articles" -name '*.txt' | sort | head -n 50 | while read -r f; do
    cp "$f" "$seeds/ingest/"
  done
fi

mkdir -p "$build/crashes"
ledger="$build/campaign.tsv"
[ -f "$ledger" ] || printf 'date\ttarget\tseconds\texecutions\tcrashes\tcorpus\n' >"$ledger"
limits=(-max_total_time="$seconds")
[ -z "${PARLEY_FUZZ_RUNS:-}" ] || limits+=(-runs="$PARLEY_FUZZ_RUNS")
failed=0
for target in "${targets[@]}"; do
  case "$target" in
    cypher_parser | query) seed_dir="$seeds/cypher" ;;
    *) seed_dir="$seeds/$target" ;;
  esac
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  parley_log "fuzzing $target (${limits[*]})"
  # One log per run (two runs of a target may go side by side, one per core); the last one
  # to finish is kept as fuzz_TARGET.log.
  log="$build/fuzz_$target.$$.log"
  crashes=0
  status=0
  started=$SECONDS
  # Leaks are looked for by replaying the corpora with LeakSanitizer (README); in the
  # campaign libFuzzer's own check would run again every input that allocates more than it
  # frees (RocksDB's caches do), at a cost of a tenth of the executions.
  # AddressSanitizer keeps the stack of every allocation for its reports, one copy per
  # distinct stack, and the fuzzers' memory grew with them toward the 2 GB limit (natively
  # the query path stays under 80 MB over 200,000 mutated statements): the campaign keeps
  # no allocation stacks, and a crash is replayed below with full reports.
  if ! (cd "$build/crashes" && ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 \
          "$build/fuzz/fuzz_$target" \
          "${limits[@]}" -detect_leaks=0 -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
          -print_final_stats=1 -artifact_prefix="$build/crashes/${target}-" \
          "$corpus" "$seed_dir" >"$log" 2>&1); then
    status=1
  fi
  if [ "$status" -ne 0 ] && grep -a -q 'libFuzzer: run interrupted' "$log"; then
    parley_log "fuzz_$target interrupted"  # SIGINT: the campaign goes on with the next run
  elif [ "$status" -ne 0 ]; then
    failed=1
    crashes=1
    tail -n 60 "$log"
    artifact="$(ls -t "$build/crashes/${target}-"* 2>/dev/null | head -n 1)" || true
    if [ -n "$artifact" ]; then
      parley_log "replaying $artifact with full reports"
      ASAN_OPTIONS=detect_leaks=0 "$build/fuzz/fuzz_$target" -timeout=10 "$artifact" 2>&1 \
        | tail -n 80 || true
    fi
    parley_log "fuzz_$target FAILED; its input is in $build/crashes"
  fi
  # A run stopped by a crash, an out-of-memory or a signal prints no final figures: its
  # executions are then those of the last status line ("#1480125 REDUCE ...").
  runs="$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)" || true
  [ -n "$runs" ] || runs="$(grep -a -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#')" || true
  elapsed=$((SECONDS - started))
  echo "fuzz_$target: ${runs:-?} executions in $elapsed s"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" \
    "${runs:-0}" "$crashes" "$(find "$corpus" -type f | wc -l)" >>"$ledger"
  mv -f "$log" "$build/fuzz_$target.log"
done
echo "campaign so far ($ledger):"
awk -F'\t' 'NR > 1 { s[$2] += $3; n[$2] += $4; c[$2] += $5 }
  END { for (t in n)
          printf "  fuzz_%s: %d executions in %d s, %d crashes\n", t, n[t], s[t], c[t] }' \
  "$ledger" | sort
exit "$failed"
