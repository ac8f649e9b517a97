#!/usr/bin/env bash
# The long form of the differential check (tests/stress/differential.cc): Parley against a
# naive evaluator on random queries over random small graphs.
#   scripts/differential.sh [GRAPHS] [SEED]     (defaults: 5000 graphs of 20 queries each)
# Disagreements are printed minimised; exits non-zero when there is any.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
graphs="${1:-5000}"
seed="${2:-$RANDOM}"
parley_build parley_differential
"$PARLEY_BUILD/tests/stress/parley_differential" --graphs "$graphs" --queries-per-graph 20 \
  --seed "$seed"
