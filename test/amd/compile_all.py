#!/usr/bin/env python3
"""Compiles each test/e2e/*.cu with the given cuport-cc flags (-c only; with
-rdc=true for the programs that use relocatable device code).

Usage: compile_all.py CUPORT_CC FLAGS... -- E2E_DIR OUT_DIR
Prints one line per failure and a summary; exits 1 if any failed. A program
whose only errors are the documented refusal of warp functions on AMD
targets counts as refused, not failed.
"""
import os
import re
import subprocess
import sys

# What cuport's headers say at a warp function (or cooperative-groups tile)
# call compiled for AMD (lowering/include/cuport/device_warp.h,
# cooperative_groups.h, docs/device-features.md).
WARP_REFUSAL = re.compile(r"error: '[^']+' is unavailable: .*AMD targets")


def main():
    sep = sys.argv.index('--')
    cc, flags = sys.argv[1], sys.argv[2:sep]
    e2e, out = sys.argv[sep + 1], sys.argv[sep + 2]
    os.makedirs(out, exist_ok=True)
    compiled = refused = failed = 0
    for name in sorted(os.listdir(e2e)):
        if not name.endswith('.cu'):
            continue
        path = os.path.join(e2e, name)
        with open(path) as f:
            runs = ' '.join(line for line in f if 'RUN:' in line)
        # Programs built as relocatable device code compile the same way,
        # keeping amdgcn bitcode for the device link.
        rdc = ['-rdc=true'] if '-rdc' in runs or ' -dc ' in runs else []
        obj = os.path.join(out, name + '.o')
        if os.path.exists(obj):
            os.remove(obj)
        res = subprocess.run([cc] + flags + rdc + ['-c', path, '-o', obj], capture_output=True,
                             text=True)
        # Clang's diagnostics; cuport-cc's closing "device compilation of
        # ... failed" line only repeats that they exist.
        errors = [l for l in res.stderr.splitlines()
                  if ': error: ' in l and not l.startswith('cuport-cc: error: ')]
        if res.returncode == 0:
            compiled += 1
        elif errors and all(WARP_REFUSAL.search(l) for l in errors) and not os.path.exists(obj):
            # The documented behaviour for warp functions on AMD targets:
            # an error at each call, naming it, and no object.
            refused += 1
            print('refused %s: %d warp function call(s), as documented' % (name, len(errors)))
        else:
            failed += 1
            print('FAILED %s:\n%s' % (name, res.stderr))
    print('compiled %d programs for %s, %d refused for warp functions, %d failed' %
          (compiled, ' '.join(flags).split('=')[-1], refused, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
