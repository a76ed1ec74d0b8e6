"""bench/suites.py - the runtime suites: launch overhead, copies, kernels,
first launch. Each takes the run's Context and returns table rows."""
import os
import tempfile

from build import KERNELS
from figures import absent, figure, geomean, rate, records, seconds


def launch(ctx):
    """Empty-kernel launches, cuport against plain OpenCL (launch.cu)."""
    cmd = [ctx.out('launch'), '--arg', ctx.spir_of('launch'),
           '--size', '200' if ctx.smoke else '5000', '--reps', str(ctx.reps)]
    return [figure('launch', 'empty kernel, ' + r['name'],
                   [a / o for a, o in zip(r['a'], r['b'])], 'cuport time / OpenCL time',
                   '<= 1.10', seconds(r['a']) + '/launch', seconds(r['b']) + '/launch')
            for r in records(cmd)]


def size_name(n):
    for unit, k in (('GB', 1 << 30), ('MB', 1 << 20), ('KB', 1 << 10)):
        if n >= k and n % k == 0:
            return '%d %s' % (n // k, unit)
    return '%d B' % n


def copy(ctx):
    """cudaMemcpy against memcpy (copy.cu); the goal holds for large copies."""
    cmd = [ctx.out('copy'), '--size', str((1 << 20) if ctx.smoke else (256 << 20)),
           '--reps', str(ctx.reps)]
    return [figure('copy', '%s %s' % (r['name'], size_name(r['bytes'])),
                   [o / a for a, o in zip(r['a'], r['b'])],
                   'cudaMemcpy bandwidth / memcpy bandwidth',
                   '>= 0.9' if r['bytes'] >= (64 << 20) else None,
                   rate(r['bytes'], r['a']), rate(r['bytes'], r['b']))
            for r in records(cmd)]


def kernels(ctx):
    """Each kernel as CUDA on cuport against OpenMP (kernels/)."""
    rows, measured = [], []
    for name, full, smoke, *_ in KERNELS:
        if name in ctx.missing:
            rows.append(absent('kernel', name, ctx.missing[name]))
            continue
        cmd = [ctx.out(name), '--size', str(smoke if ctx.smoke else full),
               '--reps', str(ctx.reps)]
        for r in records(cmd):
            rows.append(figure('kernel', r['name'], [a / o for a, o in zip(r['a'], r['b'])],
                               'cuport time / OpenMP time', None, seconds(r['a']),
                               seconds(r['b'])))
            measured.append(rows[-1])
            if name == 'triad':
                rows.append(figure('kernel', 'triad bandwidth',
                                   [o / a for a, o in zip(r['a'], r['b'])],
                                   'cuport GB/s / OpenMP GB/s', '>= 0.7',
                                   rate(r['work'], r['a']), rate(r['work'], r['b'])))
    if measured:
        rows.append(geomean('kernel', 'geometric mean (%d kernels)' % len(measured),
                            measured, 'cuport time / OpenMP time', '<= 1.5'))
    return rows


def first_launch(ctx):
    """sgemm's first launch (module build included) with both caches empty,
    with cuport's filled and PoCL's empty, and with both filled; each
    repetition runs the three in rotating order."""
    cmd = [ctx.out('sgemm'), '--size', '16', '--reps', '1', '--warmup', '0']
    with tempfile.TemporaryDirectory(dir=ctx.work) as tmp:
        fresh = lambda: tempfile.mkdtemp(dir=tmp)
        env = lambda cuport, pocl: dict(os.environ, CUPORT_CACHE_DIR=cuport,
                                        POCL_CACHE_DIR=pocl)
        warm = env(fresh(), fresh())
        records(cmd, warm)  # fills both caches
        states = {'cold': lambda: env(fresh(), fresh()),
                  'pocl': lambda: env(warm['CUPORT_CACHE_DIR'], fresh()),
                  'warm': lambda: warm}
        order = list(states)
        times = {s: [] for s in order}
        for rep in range(ctx.reps):
            for s in order[rep % 3:] + order[:rep % 3]:
                times[s].append(records(cmd, states[s]())[0]['first_a'])
    what = 'first launch time / with both caches warm'
    return [figure('first launch', 'both caches empty (cold)',
                   [c / w for c, w in zip(times['cold'], times['warm'])], what, None,
                   seconds(times['cold']), seconds(times['warm'])),
            figure('first launch', 'cuport cache warm, PoCL cache empty',
                   [p / w for p, w in zip(times['pocl'], times['warm'])], what, None,
                   seconds(times['pocl']), seconds(times['warm']))]
