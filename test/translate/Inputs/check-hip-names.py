#!/usr/bin/env python3
"""Checks the HIP names of cuport-translate's tables against ROCm's headers.

Reads `cuport-translate --print-hip-names` (family kind name since) and
compiles one HIP translation unit against /usr/include/hip with every name of
the given families looked up at global scope (`using ::name;`, or the macro).
A name whose row says it is in the headers' ROCm (since `-` or not later
than --rocm) must be declared; a name the row says a later ROCm added must
not be (else the row is wrong and the translator warns for nothing). Prints
each problem and a summary line; exits 1 when there is a problem.

usage: check-hip-names.py --rocm 5.2 --families runtime,driver,device
                          <names file> -- <compiler and flags>
"""
import argparse
import re
import subprocess
import sys
import tempfile


def release(s):
    return tuple(int(p) for p in s.split('.'))


def main():
    argv = sys.argv[1:]
    cut = argv.index('--')
    ap = argparse.ArgumentParser()
    ap.add_argument('--rocm', required=True)
    ap.add_argument('--families', required=True)
    ap.add_argument('names')
    args = ap.parse_args(argv[:cut])
    compiler = argv[cut + 1:]
    families = set(args.families.split(','))
    rocm = release(args.rocm)

    present, newer = [], []
    with open(args.names) as f:
        for line in f:
            family, _kind, name, since = line.split()
            if family not in families:
                continue
            (newer if since != '-' and release(since) > rocm else present).append(name)

    # hip_runtime.h, and the headers the include table maps CUDA's to that it
    # does not bring in (hip_bfloat16.h for cuda_bf16.h).
    lines = ['#include <hip/hip_runtime.h>', '#include <hip/hip_bfloat16.h>',
             'namespace cuport_hip_names {']
    for name in present + newer:
        lines += ['#ifndef %s' % name, 'using ::%s;' % name, '#endif']
    lines.append('}')
    with tempfile.NamedTemporaryFile('w', suffix='.hip') as src:
        src.write('\n'.join(lines) + '\n')
        src.flush()
        out = subprocess.run(compiler + ['-fsyntax-only', '-ferror-limit=0', src.name],
                             capture_output=True, text=True).stderr
    undeclared = set(re.findall(r"error: no member named '(\w+)' in the global namespace", out))
    problems = 0
    for name in present:
        if name in undeclared:
            print('not in ROCm %s: %s' % (args.rocm, name))
            problems += 1
    for name in newer:
        if name not in undeclared:
            print('marked newer than ROCm %s but declared: %s' % (args.rocm, name))
            problems += 1
    other = [l for l in out.splitlines() if 'error:' in l and 'no member named' not in l
             and 'errors generated' not in l]
    for l in other:
        print('compiler: ' + l)
        problems += 1
    print('%d names in ROCm %s, %d newer names absent, %d problems'
          % (len(present), args.rocm, len(newer), problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
