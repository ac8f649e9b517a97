#!/usr/bin/env bash
# Install what is missing, build, and run every test; exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
parley_install_packages
parley_build
parley_log "testing"
cd "$PARLEY_BUILD"
ctest --output-on-failure --parallel "$(nproc)" --timeout 1800
