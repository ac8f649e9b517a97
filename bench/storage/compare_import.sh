#!/usr/bin/env bash
# Times Parley's bulk import against Kuzu's COPY FROM on the same synthetic CSV files, in
# one run on one machine, and prints the ratio.
#
#   bench/storage/compare_import.sh [BUILD_DIR] [NODES] [RELS] [RUNS]
#
# BUILD_DIR (default: build) must hold bench/storage/generate_graph, and parley or
# bench/storage/import_graph (the same import library without the CLI). Kuzu comes from
# the npm package kuzu@0.11.3, installed into $KUZU_DIR when set (and reused from there,
# as compare.py's --kuzu-dir), else into a temporary directory outside the repository;
# when npm or the package is unavailable, only Parley is timed. The two engines load the
# same files RUNS times (default 3), alternately, each into a fresh database; the script
# prints every run and the medians. Parley's figure is the whole `parley import` process
# (wall, and CPU = user + sys of the process); Kuzu's the two COPY FROM statements.
set -euo pipefail

build=${1:-build}
nodes=${2:-100000}
rels=${3:-1000000}
runs=${4:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
[[ "$build" = /* ]] || build="$root/$build"

find_tool() {  # first executable among the arguments
  for candidate in "$@"; do
    if [[ -x "$candidate" ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}
generate=$(find_tool "$build/bench/storage/generate_graph" "$build/bench_storage/generate_graph") ||
  { echo "generate_graph not found under $build; build the bench targets first" >&2; exit 2; }
parley_cli=$(find_tool "$build/parley" "$build/shell/parley" || true)
import_graph=$(find_tool "$build/bench/storage/import_graph" "$build/bench_storage/import_graph" || true)

work=$(mktemp -d /tmp/parley-compare-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

echo "graph: $nodes Person nodes, $rels KNOWS relationships"
"$generate" "$work/csv" "$nodes" "$rels" > /dev/null
persons="$work/csv/persons.csv"
knows="$work/csv/knows.csv"

kuzu_dir=""
if command -v npm > /dev/null && command -v node > /dev/null; then
  kuzu_dir=${KUZU_DIR:-$work/kuzu}
  mkdir -p "$kuzu_dir"
  if [[ ! -d "$kuzu_dir/node_modules/kuzu" ]] &&
     ! (cd "$kuzu_dir" && npm install --silent --no-audit --no-fund kuzu@0.11.3 > "$work/npm.log" 2>&1); then
    echo "kuzu: skipped (npm install kuzu@0.11.3 failed; see the log below)"
    tail -5 "$work/npm.log"
    kuzu_dir=""
  fi
else
  echo "kuzu: skipped (node/npm not installed)"
fi
cat > "$work/copy.js" <<'JS'
const kuzu = require("kuzu");
(async () => {
  const [dir, persons, knows] = process.argv.slice(2);
  const db = new kuzu.Database(dir);
  const conn = new kuzu.Connection(db);
  await conn.query("CREATE NODE TABLE Person(id INT64, name STRING, age INT64, city STRING, PRIMARY KEY (id))");
  await conn.query("CREATE REL TABLE KNOWS(FROM Person TO Person, since INT64)");
  const start = process.hrtime.bigint();
  await conn.query(`COPY Person FROM '${persons}' (header=true)`);
  await conn.query(`COPY KNOWS FROM '${knows}' (header=true)`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const r = await conn.query("MATCH ()-[k:KNOWS]->() RETURN count(k) AS n");
  const rows = await r.getAll();
  console.log(`${seconds} ${rows[0].n}`);
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
JS

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
parley_walls=() parley_cpus=() kuzu_walls=()
for ((run = 1; run <= runs; ++run)); do
  rm -rf "$work/parley.db" "$work/kuzu.db"
  start=$(now)
  if [[ -n "$parley_cli" ]]; then
    how="parley import"
    cmd=("$parley_cli" import --db "$work/parley.db" --id-type=integer --nodes=Person "$persons"
         --relationships=KNOWS "$knows")
  elif [[ -n "$import_graph" ]]; then
    how="import_graph (the library behind parley import)"
    cmd=("$import_graph" "$work/parley.db" "$persons" "$knows")
  else
    echo "neither parley nor import_graph found under $build" >&2
    exit 2
  fi
  /usr/bin/time -f "%U %S" -o "$work/cpu" "${cmd[@]}" > /dev/null
  wall=$(echo "$(now) - $start" | bc -l)
  cpu=$(awk '{print $1 + $2}' "$work/cpu")
  parley_walls+=("$wall") parley_cpus+=("$cpu")
  line=$(printf 'run %d: parley %.3f s (CPU %.2f s)' "$run" "$wall" "$cpu")
  if [[ -n "$kuzu_dir" ]]; then
    read -r kuzu_s kuzu_rels < <(cd "$work" && NODE_PATH="$kuzu_dir/node_modules" \
      node copy.js "$work/kuzu.db" "$persons" "$knows")
    kuzu_walls+=("$kuzu_s")
    line+=$(printf ', kuzu %.3f s (%s relationships)' "$kuzu_s" "$kuzu_rels")
  fi
  echo "$line"
done
parley_s=$(printf '%s\n' "${parley_walls[@]}" | median)
parley_cpu=$(printf '%s\n' "${parley_cpus[@]}" | median)
printf 'parley: %.3f s wall, %.2f s CPU, median of %d  (%s, whole process)\n' \
  "$parley_s" "$parley_cpu" "$runs" "$how"
if [[ -n "$kuzu_dir" ]]; then
  kuzu_s=$(printf '%s\n' "${kuzu_walls[@]}" | median)
  printf 'kuzu:   %.3f s wall, median of %d  (COPY FROM only; schema creation not timed)\n' \
    "$kuzu_s" "$runs"
  printf 'parley / kuzu: %.2f\n' "$(echo "$parley_s / $kuzu_s" | bc -l)"
fi
