#!/usr/bin/env python3
"""Compiles each test/e2e/*.cu with the given cuport-cc flags (-c only; with
-rdc=true for the programs that use relocatable device code).

Usage: compile_all.py CUPORT_CC FLAGS... -- E2E_DIR OUT_DIR
Prints one line per failure and a summary; exits 1 if any failed.
"""
import os
import subprocess
import sys


def main():
    sep = sys.argv.index('--')
    cc, flags = sys.argv[1], sys.argv[2:sep]
    e2e, out = sys.argv[sep + 1], sys.argv[sep + 2]
    os.makedirs(out, exist_ok=True)
    compiled = failed = 0
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
        res = subprocess.run([cc] + flags + rdc + ['-c', path, '-o', obj], capture_output=True,
                             text=True)
        if res.returncode != 0:
            failed += 1
            print('FAILED %s:\n%s' % (name, res.stderr))
        else:
            compiled += 1
    print('compiled %d programs for %s, %d failed' % (compiled, ' '.join(flags).split('=')[-1], failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
