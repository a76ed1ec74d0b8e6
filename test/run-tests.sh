#!/usr/bin/env bash
# Runs every suite through lit (unit tests included, via lit's GoogleTest
# format) and closes with one plain line: "N passed, N failed, N skipped".
set -uo pipefail
build_dir=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
lit=/usr/lib/llvm-15/build/utils/lit/lit.py
log=$(mktemp)
trap 'rm -f "$log"' EXIT

python3 "$lit" -sv --param build_dir="$build_dir" "$root/test" "$root/test/unit" \
  ${LIT_ARGS:-} 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# lit's summary lines read "  Passed: 12" or, when aligned, "  Passed : 12".
count() {
  sed -nE "s/^ *$1 *: *([0-9]+).*/\1/p" "$log" | awk '{ n += $1 } END { print n + 0 }'
}
passed=$(( $(count Passed) + $(count 'Expectedly Failed') ))
failed=$(( $(count Failed) + $(count 'Unexpectedly Passed') + $(count Unresolved) + $(count 'Timed Out') ))
skipped=$(( $(count Unsupported) + $(count Skipped) + $(count Excluded) ))
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
