"""bench/toolchain.py - the compiler suites: cuport-cc time against the host
compiler and nvcc, cuport-translate throughput, cuport-cc and cuport-translate
peak memory."""
import os
import re
import shlex
import shutil
import statistics
import sys

from figures import Failure, absent, figure, geomean, run, seconds, timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def e2e_programs(limit=None):
    """test/e2e programs built from their one source: (path, cuport-cc flags)."""
    found = []
    e2e = os.path.join(ROOT, 'test', 'e2e')
    for name in sorted(n for n in os.listdir(e2e) if n.endswith('.cu')):
        with open(os.path.join(e2e, name)) as f:
            runs = [l for l in f if 'RUN:' in l]
        m = re.search(r'%cuport-cc((?: -[-\w=]+)*) %s -o %t &&', runs[0]) if runs else None
        if len(runs) == 1 and m:
            found.append((os.path.join(e2e, name), m.group(1).split()))
    return found[:limit]


def host_syntax_only(ctx, path, flags):
    """cuport-cc's own host compile of path (from its -### plan), made
    -fsyntax-only: the host side of the same file, same flags and headers."""
    p = run([ctx.cc, *flags, '-###', path, '-o', ctx.out('dryrun')])
    line = next(l for l in (p.stdout + p.stderr).splitlines() if '--cuda-host-only' in l)
    args, cmd, i = shlex.split(line), [], 0
    while i < len(args):
        if args[i] == '-o':
            i += 2
        elif args[i] == '-Xclang' and args[i + 1] == '-fcuda-include-gpubinary':
            i += 4
        else:
            if args[i] != '-c':
                cmd.append(args[i])
            i += 1
    return cmd + ['-fsyntax-only']


def first_error(p):
    """The first diagnostic of a failed compile, for an 'absent' reason."""
    lines = p.stderr.strip().splitlines()
    errors = [l for l in lines if 'error' in l]
    return (errors or lines or ['exit %d' % p.returncode])[0][-200:]


def find_nvcc():
    nvcc = shutil.which('nvcc') or '/usr/local/cuda/bin/nvcc'
    return nvcc if os.access(nvcc, os.X_OK) else None


def compile_times(ctx):
    """Per e2e program: cuport-cc against the host pass alone and nvcc, the
    tools alternating in rotating order within each repetition."""
    nvcc = None if ctx.smoke else find_nvcc()
    no_nvcc = 'smoke run' if ctx.smoke else 'no nvcc on PATH or in /usr/local/cuda/bin'
    reps, warmup = (1, 0) if ctx.smoke else (3, 1)
    rows, vs_host, vs_nvcc = [], [], []
    for path, flags in e2e_programs(2 if ctx.smoke else None):
        name = os.path.basename(path)
        tools = {'cuport': [ctx.cc, *flags, path, '-o', ctx.out('e2e')],
                 'host': host_syntax_only(ctx, path, flags)}
        if nvcc:
            tools['nvcc'] = [nvcc, *flags, path, '-o', ctx.out('e2e-nvcc')]
        order, times, failed = list(tools), {k: [] for k in tools}, {}
        for rep in range(-warmup, reps):
            for k in order[rep % len(order):] + order[:rep % len(order)]:
                t, p = timed(tools[k])
                if p.returncode:
                    failed[k] = first_error(p)
                elif rep >= 0:
                    times[k].append(t)
        if 'cuport' in failed or 'host' in failed:
            # A program cuport cannot build yet is not part of this suite.
            rows.append(absent('compile', name, 'does not compile: ' + failed.get(
                'cuport', failed.get('host'))))
            rows[-1]['detail'] = True
            continue
        rows.append(figure('compile', name + ' vs host -fsyntax-only',
                           [c / h for c, h in zip(times['cuport'], times['host'])],
                           'cuport-cc time / clang++-15 -fsyntax-only (host side) time',
                           None, seconds(times['cuport']), seconds(times['host'])))
        vs_host.append(rows[-1])
        rows[-1]['detail'] = True
        if nvcc and 'nvcc' not in failed:
            rows.append(figure('compile', name + ' vs nvcc',
                               [c / n for c, n in zip(times['cuport'], times['nvcc'])],
                               'cuport-cc time / nvcc time', None, seconds(times['cuport']),
                               seconds(times['nvcc'])))
            vs_nvcc.append(rows[-1])
            rows[-1]['detail'] = True
        else:
            rows.append(absent('compile', name + ' vs nvcc',
                               'nvcc failed: ' + failed['nvcc'] if nvcc else no_nvcc))
            rows[-1]['detail'] = True
    for label, per in (('host -fsyntax-only', vs_host), ('nvcc', vs_nvcc)):
        if per:
            rows.append(geomean('compile', 'geometric mean vs %s (%d programs)' % (
                label, len(per)), per, 'cuport-cc time / %s time' % label))
    return rows


def translate(ctx):
    """cuport-translate lines per second over the e2e programs, once it exists."""
    tool = os.path.join(ctx.build_dir, 'bin', 'cuport-translate')
    name = 'cuport-translate on test/e2e, lines/s'
    if not os.access(tool, os.X_OK):
        return [absent('translate', name, 'bin/cuport-translate does not exist yet')]
    files = [p for p, _ in e2e_programs(2 if ctx.smoke else None)]
    lines = sum(sum(1 for _ in open(p)) for p in files)
    rates, out = [], ctx.out('translated')
    for rep in range(-1, 1 if ctx.smoke else 3):
        shutil.rmtree(out, ignore_errors=True)
        t, p = timed([tool, *files, '-o', out])
        if p.returncode:
            return [absent('translate', name,
                           'cuport-translate failed on test/e2e: ' + first_error(p))]
        if rep >= 0:
            rates.append(lines / t)
    row = figure('translate', name, rates, 'lines per second (no baseline)')
    row['cuport'] = '%.0f lines/s' % row['ratio']['median']
    return [row]


UNIT = '''__device__ float f{i}(float x, float y) {{
  float a = x * {i}.5f + y;
  float b = a * a - x;
  return b > 0.0f ? a / (b + 1.0f) : b - a;
}}
__global__ void k{i}(const float *in, float *out, int n) {{
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < n) {{
    float s = in[t];
    for (int j = 0; j < {r}; ++j)
      s = f{i}(s, float(j));
    out[t] = s;
  }}
}}
void run{i}(const float *in, float *out, int n) {{
  k{i}<<<(n + 255) / 256, 256>>>(in, out, n);
}}
'''


def generated_source(lines):
    """A CUDA file of about `lines` lines: small kernels, device functions
    and host launchers."""
    return '#include <cuda_runtime.h>\n' + ''.join(
        UNIT.format(i=i, r=i % 7 + 1) for i in range(max(1, lines // UNIT.count('\n'))))


PROBE = '''import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], capture_output=True).returncode
print(time.perf_counter() - t, rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
'''


def peak_rss(cmd):
    """(seconds, MiB): cmd's wall time and the largest resident set among it
    and its children, measured from a fresh Python so nothing else counts."""
    secs, rc, kib = run([sys.executable, '-c', PROBE, *cmd]).stdout.split()
    if rc != '0':
        raise Failure('%s failed (%s)' % (shlex.join(cmd), rc))
    return float(secs), int(kib) / 1024.0


def memory(ctx):
    """cuport-cc -c, and cuport-translate when built, on a generated
    50,000-line file (2,000 when smoke)."""
    src = ctx.out('generated.cu')
    with open(src, 'w') as f:
        f.write(generated_source(2000 if ctx.smoke else 50000))
    count = sum(1 for _ in open(src))
    host = host_syntax_only(ctx, src, ['-O2'])
    cu, ho = [], []
    for _ in range(1 if ctx.smoke else 3):
        cu.append(peak_rss([ctx.cc, '-O2', '-c', src, '-o', ctx.out('generated.o')]))
        ho.append(peak_rss(host))
    text = lambda runs: '%.0f MiB, %s' % (statistics.median(m for _, m in runs),
                                          seconds([t for t, _ in runs]))
    rows = [figure('memory', 'cuport-cc -c, %d-line file, peak RSS' % count,
                   [c[1] / h[1] for c, h in zip(cu, ho)],
                   'cuport-cc peak RSS / clang++-15 -fsyntax-only (host side) peak RSS',
                   None, text(cu), text(ho))]
    tool = os.path.join(ctx.build_dir, 'bin', 'cuport-translate')
    name = 'cuport-translate, %d-line file, peak RSS' % count
    if not os.access(tool, os.X_OK):
        return rows + [absent('memory', name, 'bin/cuport-translate does not exist yet')]
    tr = [peak_rss([tool, src, '-o', ctx.out('translated-generated')]) for _ in cu]
    rows.append(figure('memory', name, [t[1] / h[1] for t, h in zip(tr, ho)],
                       'cuport-translate peak RSS / clang++-15 -fsyntax-only (host side) peak RSS',
                       None, text(tr), text(ho)))
    return rows
