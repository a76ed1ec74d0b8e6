#!/usr/bin/env python3
"""Runs one CUDA program in N processes at once against one fresh kernel
cache, twice (cold, then warm), and checks that every run passed and that
the cache holds only complete entries (no temporary files left behind).

Usage: concurrent_cache.py PROGRAM N CACHE_DIR
"""
import os
import subprocess
import sys


def run_all(program, n, env):
    procs = [subprocess.Popen([program], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=env) for _ in range(n)]
    ok = 0
    for p in procs:
        out, _ = p.communicate(timeout=300)
        if p.returncode == 0 and b'PASSED' in out:
            ok += 1
        else:
            sys.stdout.write(out.decode(errors='replace'))
    return ok


def main():
    program, n, cache = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    env = dict(os.environ, CUPORT_CACHE_DIR=cache, POCL_CACHE_DIR=os.path.join(cache, 'pocl'))
    cold = run_all(program, n, env)
    warm = run_all(program, n, env)
    leftovers = [f for _, _, files in os.walk(cache) for f in files if 'tmp' in f.lower()]
    entries = sum(len(files) for _, _, files in os.walk(os.path.join(cache, 'opencl')))
    print('cold %d/%d passed, warm %d/%d passed, %d cache entries, %d temporary files left'
          % (cold, n, warm, n, entries, len(leftovers)))
    return 0 if cold == n and warm == n and not leftovers and entries > 0 else 1


if __name__ == '__main__':
    sys.exit(main())
