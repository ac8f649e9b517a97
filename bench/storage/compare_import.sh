#!/usr/bin/env bash
# Times Parley's bulk import against Kuzu's COPY FROM on the same synthetic CSV files, in
# one run on one machine, and prints the ratio.
#
#   bench/storage/compare_import.sh [BUILD_DIR] [NODES] [RELS]
#
# BUILD_DIR (default: build) must hold bench/storage/generate_graph, and parley or
# bench/storage/import_graph (the same import library without the CLI). Kuzu comes from
# the npm package kuzu@0.11.3, installed into a temporary directory outside the repository;
# when npm or the package is unavailable, only Parley is timed.
set -euo pipefail

build=${1:-build}
nodes=${2:-100000}
rels=${3:-1000000}
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

start=$(now)
if [[ -n "$parley_cli" ]]; then
  "$parley_cli" import --db "$work/parley.db" --id-type=integer --nodes=Person "$persons" \
    --relationships=KNOWS "$knows" > /dev/null
  how="parley import"
elif [[ -n "$import_graph" ]]; then
  "$import_graph" "$work/parley.db" "$persons" "$knows" > /dev/null
  how="import_graph (the library behind parley import)"
else
  echo "neither shell/parley nor import_graph found under $build" >&2
  exit 2
fi
parley_s=$(echo "$(now) - $start" | bc -l)
printf 'parley: %.3f s  (%s)\n' "$parley_s" "$how"

if ! command -v npm > /dev/null || ! command -v node > /dev/null; then
  echo "kuzu: skipped (node/npm not installed)"
  exit 0
fi
if ! (cd "$work" && npm install --silent --no-audit --no-fund kuzu@0.11.3 > "$work/npm.log" 2>&1); then
  echo "kuzu: skipped (npm install kuzu@0.11.3 failed; see the log below)"
  tail -5 "$work/npm.log"
  exit 0
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
read -r kuzu_s kuzu_rels < <(cd "$work" && node copy.js "$work/kuzu.db" "$persons" "$knows")
printf 'kuzu:   %.3f s  (COPY FROM, %s relationships loaded; schema creation not timed)\n' \
  "$kuzu_s" "$kuzu_rels"
printf 'parley / kuzu: %.2f\n' "$(echo "$parley_s / $kuzu_s" | bc -l)"
