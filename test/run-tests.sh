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

count() { awk -v k="$1" '$1 == k":" { n += $2 } END { print n + 0 }' "$log"; }
passed=$(( $(count Passed) + $(count Expectedly) ))
failed=$(( $(count Failed) + $(count Unexpectedly) + $(count Unresolved) + $(count Timed) ))
skipped=$(( $(count Unsupported) + $(count Skipped) ))
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
