#!/usr/bin/env bash
# The long forms of the crash and snapshot stress tests (tests/stress/stress.cc):
#   scripts/stress.sh [KILLS] [SNAPSHOT_SECONDS]     (defaults: 1000 kills, 600 s)
# Builds parley_stress in $PARLEY_BUILD, then runs 1,000 SIGKILLs of a worker under load,
# each followed by a check of the database against the worker's journal, and then 8
# readers beside a writer for SNAPSHOT_SECONDS. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
kills="${1:-1000}"
snapshot_seconds="${2:-600}"
parley_build parley_stress
stress="$PARLEY_BUILD/tests/stress/parley_stress"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
parley_log "crash test: $kills kills"
"$stress" run --dir "$work/crash" --kills "$kills" --seed "${PARLEY_STRESS_SEED:-$RANDOM}"
parley_log "snapshot test: 8 readers, 1 writer, $snapshot_seconds s"
"$stress" snapshots --dir "$work/snapshots" --seconds "$snapshot_seconds" --readers 8 \
  --seed "${PARLEY_STRESS_SEED:-$RANDOM}"
