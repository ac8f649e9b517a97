#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in $PARLEY_FUZZ_BUILD (default build-fuzz) and runs each for
# SECONDS (default 3600: the long campaign; the test command runs a short one).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Seeds: fuzz/seeds, the queries of tests/queries and of the TCK (../shared/tck, when
# present), and articles of ../shared/articles (when present). Corpora grow in
# $PARLEY_FUZZ_BUILD/corpus; a crash leaves its input in $PARLEY_FUZZ_BUILD/crashes and
# fails the script. Prints each target's executions.
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

# Seeds: one file per query of the TCK's scenarios and of tests/queries.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/cypher" "$seeds/csv_import" "$seeds/json_params" "$seeds/ingest"
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
failed=0
for target in "${targets[@]}"; do
  case "$target" in
    cypher_parser | query) seed_dir="$seeds/cypher" ;;
    *) seed_dir="$seeds/$target" ;;
  esac
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  parley_log "fuzzing $target for $seconds s"
  log="$build/fuzz_$target.log"
  if ! (cd "$build/crashes" && ASAN_OPTIONS=detect_leaks=0 "$build/fuzz/fuzz_$target" \
          -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
          -print_final_stats=1 -artifact_prefix="$build/crashes/${target}-" \
          "$corpus" "$seed_dir" >"$log" 2>&1); then
    failed=1
    tail -n 60 "$log"
    parley_log "fuzz_$target FAILED; its input is in $build/crashes"
  fi
  runs="$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)"
  echo "fuzz_$target: ${runs:-?} executions in $seconds s"
done
exit "$failed"
