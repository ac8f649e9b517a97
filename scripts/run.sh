#!/usr/bin/env bash
# The main job: install what is missing, build, ingest the sample articles into
# ./parley.db and open the shell on it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
parley_install_packages
parley_build parley_cli  # only the `parley` command: tests and the rest are test.sh's
cd "$PARLEY_ROOT"
parley="$PARLEY_BUILD/parley"
if "$parley" ingest --help >/dev/null 2>&1; then
  parley_log "ingesting data/articles into ./parley.db"
  "$parley" ingest --db parley.db data/articles
fi
if "$parley" shell --help >/dev/null 2>&1; then
  exec "$parley" shell --db parley.db
fi
exec "$parley" --help
