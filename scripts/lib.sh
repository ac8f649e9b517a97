# Shared by the README's commands: installs what is missing and builds.
# Sourced, not run. Works on a fresh Debian machine as root or with sudo.

PARLEY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARLEY_BUILD="${PARLEY_BUILD:-$PARLEY_ROOT/build}"

# Everything Parley builds, tests and draws with, by Debian package name.
PARLEY_PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache python3 git
  librocksdb-dev libantlr4-runtime-dev antlr4
  libboost-graph-dev libgtest-dev libgmock-dev libbenchmark-dev
  libfmt-dev libcli11-dev nlohmann-json3-dev libreadline-dev libre2-dev libutf8proc-dev
  graphviz tmux tzdata clang libclang-rt-14-dev
  pybind11-dev python3-dev python3-pandas python3-networkx python3-pytest
)

parley_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs only the packages that are absent, so a second run does nothing.
parley_install_packages() {
  local missing=()
  for pkg in "${PARLEY_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  parley_log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures (once) and builds the targets named, or everything (tests, benchmarks, the
# Python module) when none is named.
parley_build() {
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  if [ ! -f "$PARLEY_BUILD/CMakeCache.txt" ]; then
    parley_log "configuring in $PARLEY_BUILD"
    cmake -S "$PARLEY_ROOT" -B "$PARLEY_BUILD" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release
  fi
  local targets=()
  [ $# -eq 0 ] || targets=(--target "$@")
  parley_log "building ${*:-everything}"
  cmake --build "$PARLEY_BUILD" --parallel "$(nproc)" "${targets[@]}"
}
