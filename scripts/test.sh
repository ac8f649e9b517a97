#!/usr/bin/env bash
# Install what is missing, build, and run every test; exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
parley_install_packages
parley_build
parley_log "testing"
cd "$PARLEY_BUILD"
ctest --output-on-failure --parallel "$(nproc)" --timeout 1800
# A short fuzzing run of the parser (clang builds it in build-fuzz; skipped, saying so,
# without clang). Only the parser: its target needs the grammar and the parser alone (a clean
# build took 1 min 50 s), while each other target links the whole engine: a second full
# build with sanitizers, of which 106 of 167 steps took 24 min on two shared cores.
# scripts/fuzz.sh with no argument runs the long campaign of every target.
"$PARLEY_ROOT/scripts/fuzz.sh" "${PARLEY_FUZZ_SECONDS:-20}" cypher_parser
