#!/usr/bin/env bash
# Compiles every translated program under <root> with Debian's hipcc for
# gfx90a, compile only (no AMD GPU here). A program must compile, unless
# every error hipcc reports is at a line where the translator warned that
# it left something ROCm 5.2's HIP does not have (its warnings are in
# <translator stderr>; the CUDA sources are under <CUDA root>): then the
# failure is expected and listed. An error at a line the translator said
# nothing about fails the test, whatever it warned about elsewhere in the
# file (hipcc-justify.py maps the lines and follows macro expansions).
# Programs whose CUDA tests build them with -rdc / -dc (kept in their RUN
# comments) are compiled with -fgpu-rdc, as cuport-cc does.
# Some programs include cuport's own tables (<cuport/DeviceMath.def>, for
# host-side coverage checks), which cuport-cc finds on its include path.
# hipcc gets them the way a build gives a dependency's headers, with -I, but
# from a directory holding only a `cuport` link: lowering/include, where they
# live, also holds cuport's CUDA headers (cuda_runtime.h, ...), and hipcc
# finding those would hide includes the translator left untranslated.
#
# usage: hipcc-compile.sh <root> <translator stderr> <CUDA root>
set -u
root=$1
warnings=$2
cuda_root=$3
here=$(dirname "$0")
deps=$(mktemp -d)
trap 'rm -rf "$deps"' EXIT
ln -s "$(cd "$cuda_root" && pwd)/lowering/include/cuport" "$deps/cuport"
compiled=0 expected=0 failed=0
while IFS= read -r f; do
  rel=${f#"$root"/}
  flags=(--offload-arch=gfx90a -std=c++17 -w -ferror-limit=0 -I "$deps" -c)
  if grep -q -- '-rdc=true\|cuport-cc -dc\|extern __device__' "$f"; then flags+=(-fgpu-rdc); fi
  if hipcc "${flags[@]}" "$f" -o "$f.o" > "$f.log" 2>&1; then
    echo "compiled: $rel"
    compiled=$((compiled + 1))
  elif python3 "$here/hipcc-justify.py" "$cuda_root/$rel" "$f" "$f.log" "$warnings" "$rel" > "$f.why"; then
    echo "expected failure (the translator warned at each error's line): $rel"
    expected=$((expected + 1))
  else
    echo "FAILED: $rel"
    cat "$f.why"
    sed 's/^/  /' "$f.log" | head -20
    failed=$((failed + 1))
  fi
done < <(find "$root" -name '*.cu' -not -path '*/Inputs/*' | sort)
echo "$compiled compiled, $expected expected failures, $failed failed"
[ "$failed" -eq 0 ] && [ "$compiled" -gt 0 ]
