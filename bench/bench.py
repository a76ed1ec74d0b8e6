#!/usr/bin/env python3
"""bench/bench.py - `make bench`: cuport against native code and the bare target.

Builds the programs in bench/ with the build tree's cuport-cc (and g++ for the
OpenMP baselines), runs every suite, prints one table, and writes
results.json and ratios.svg (into bench/ unless --out says otherwise). Every
figure is a ratio of two variants measured side by side in the same run,
alternating within each repetition: the median over the repetitions after a
warm-up, with min and max. See README.md, "Performance".

  bench/bench.py --build-dir build              # the full run (several minutes)
  bench/bench.py --cuport-cc build/bin/cuport-cc --smoke --out DIR   # lit's smoke run

A result that does not verify, or a figure that is not finite and positive,
fails the run. Nothing here asserts a time.
"""
import argparse
import datetime
import json
import os
import platform
import sys
import time

import build
import report
import suites
import toolchain
from figures import Failure, run

SUITES = {
    'launch': suites.launch,
    'copy': suites.copy,
    'kernels': suites.kernels,
    'compile': toolchain.compile_times,
    'first-launch': suites.first_launch,
    'translate': toolchain.translate,
    'memory': toolchain.memory,
}


def machine():
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo')
                if l.startswith('model name')), platform.processor())
    commit = run(['git', '-C', build.HERE, 'rev-parse', '--short', 'HEAD'],
                 check=False).stdout.strip()
    mem = os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / (1 << 30)
    return {'date': datetime.date.today().isoformat(), 'cpu': cpu, 'cores': os.cpu_count(),
            'memory_gib': round(mem, 1), 'commit': commit}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--build-dir', default=os.path.join(os.path.dirname(build.HERE), 'build'))
    ap.add_argument('--cuport-cc', help='use the build tree this cuport-cc is in')
    ap.add_argument('--smoke', action='store_true', help='tiny sizes, one repetition')
    ap.add_argument('--out', help='folder for results.json, ratios.svg and, with '
                    '--smoke, the programs (default: bench/, and the build tree)')
    ap.add_argument('--only', help='comma-separated suites: ' + ','.join(SUITES))
    args = ap.parse_args()
    build_dir = os.path.abspath(os.path.dirname(os.path.dirname(args.cuport_cc))
                                if args.cuport_cc else args.build_dir)
    out = os.path.abspath(args.out or build.HERE)
    work = (os.path.join(out, 'work') if args.out and args.smoke else
            os.path.join(build_dir, 'bench-smoke' if args.smoke else 'bench'))
    for d in (out, work):
        os.makedirs(d, exist_ok=True)
    only = args.only.split(',') if args.only else list(SUITES)
    if set(only) - set(SUITES):
        ap.error('unknown suite: ' + ', '.join(sorted(set(only) - set(SUITES))))
    start = time.perf_counter()
    log = lambda msg: print('bench: [%4.0fs] %s' % (time.perf_counter() - start, msg),
                            file=sys.stderr, flush=True)

    ctx = build.Context(build_dir, work, args.smoke)
    rows = []
    try:
        log('building in %s' % work)
        build.build_all(ctx)
        for name in only:
            log('running %s' % name)
            rows += SUITES[name](ctx)
    except Failure as e:
        log('FAILED: %s' % e)
        return 1
    result = {'machine': machine(), 'smoke': args.smoke, 'reps': ctx.reps,
              'warp_shuffles': ctx.shuffle, 'figures': rows}
    print(report.table(result))
    paths = [os.path.join(out, 'results.json'), os.path.join(out, 'ratios.svg')]
    with open(paths[0], 'w') as f:
        json.dump(result, f, indent=1)
    with open(paths[1], 'w') as f:
        f.write(report.svg(result))
    bad = report.insane(rows)
    if bad:
        log('FAILED: figures not finite and positive: ' + ', '.join(bad))
        return 1
    print('bench: %d figures (%d absent), every result verified; wrote %s' % (
        len(rows), sum(1 for r in rows if r['absent']), ' and '.join(paths)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
