#!/usr/bin/env bash
# `make bench`: runs bench/bench.py on a build tree (default: build).
# Extra arguments go to bench.py, e.g. bench/run.sh build --only kernels.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build_dir=$(cd "${1:-build}" && pwd)
shift || true
exec python3 "$here/bench.py" --build-dir "$build_dir" "$@"
