#!/usr/bin/env bash
# `make demo`: compiles every examples/*.cu with cuport-cc, runs it, and shows
# its output under a header. Exits non-zero if any example fails to compile
# or run, after trying them all.
set -uo pipefail
build_dir=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
cc="$build_dir/bin/cuport-cc"
out_dir="$build_dir/examples"

if [ ! -x "$cc" ]; then
  echo "run-examples: $cc not found; build first (make build)" >&2
  exit 1
fi
mkdir -p "$out_dir"

failed=()
total=0
for src in "$root"/examples/*.cu; do
  name=$(basename "$src" .cu)
  total=$((total + 1))
  echo "=== $name ==="
  if ! "$cc" -O2 "$src" -o "$out_dir/$name"; then
    echo "--- $name: compile FAILED"
    failed+=("$name")
    continue
  fi
  "$out_dir/$name"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "--- $name: FAILED (exit code $rc)"
    failed+=("$name")
  fi
  echo
done

if [ "${#failed[@]}" -ne 0 ]; then
  echo "demo: ${#failed[@]} of $total examples failed: ${failed[*]}"
  exit 1
fi
echo "demo: all $total examples passed"
