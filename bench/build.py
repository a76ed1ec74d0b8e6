"""bench/build.py - building the bench programs, and what a run knows.

Every program is built with the build tree's cuport-cc; the OpenMP baselines
of the kernel benchmarks with g++ -O3 -march=native -fopenmp, linked into the
same program so that both variants run side by side in one process.
"""
import os
import shutil

from figures import Failure, run

HERE = os.path.dirname(os.path.abspath(__file__))
LLVM_SPIRV = shutil.which('llvm-spirv-15') or 'llvm-spirv-15'
OMP_FLAGS = ['-O3', '-march=native', '-fopenmp']

# Kernel benchmarks (bench/kernels/<name>.cu and <name>_omp.cpp): full size,
# smoke size, device features the source needs that cuport may lack (a
# compile error naming one marks the row absent; any other error fails the
# run), extra cuport-cc flags, extra g++ flags.
KERNELS = [
    ('triad', 1 << 24, 1 << 12, (), [], []),
    ('reduce', 1 << 25, 1 << 12, (), [], []),
    ('sgemm', 1024, 32, (), [], []),
    ('stencil', 4096, 64, (), [], []),
    ('histogram', 1 << 26, 1 << 12, ('atomicAdd',), [], []),
    ('nbody', 8192, 256, ('rsqrtf',), ['--use_fast_math'], ['-ffast-math']),
    ('scan', 1 << 25, 5000, (), [], []),
]

SHUFFLE_PROBE = '''__global__ void k(float *p) {
  p[threadIdx.x] = __shfl_down_sync(0xffffffffu, p[threadIdx.x], 1);
}
'''


class Context:
    """Paths and settings of one run, and what the build found."""

    def __init__(self, build_dir, work, smoke):
        self.build_dir = build_dir
        self.cc = os.path.join(build_dir, 'bin', 'cuport-cc')
        self.fatbin = os.path.join(build_dir, 'bin', 'cuport-fatbin')
        self.work = work
        self.smoke = smoke
        self.reps = 1 if smoke else 9
        self.missing = {}      # kernel -> why it is absent
        self.shuffle = False   # reduce uses warp shuffles

    def out(self, name):
        return os.path.join(self.work, name)

    def cuport_cc(self, sources, exe, flags=()):
        cmd = [self.cc, '-O3', '-I', HERE, *flags, *sources, '-o', self.out(exe)]
        return run(cmd, check=False)

    def compiles(self, source_text):
        """Does cuport-cc compile this CUDA source? (feature probes)"""
        src = self.out('probe.cu')
        with open(src, 'w') as f:
            f.write(source_text)
        return run([self.cc, '-c', src, '-o', self.out('probe.o')],
                   check=False).returncode == 0

    def spir_of(self, exe):
        """The SPIR 1.2 bitcode of exe's device code, made the way cuport's
        OpenCL target makes it on PoCL (see opencl_direct.cpp)."""
        spv, bc = self.out(exe + '.spv'), self.out(exe + '.bc')
        run([self.fatbin, '--extract=spirv', '-o', spv, self.out(exe)])
        run([LLVM_SPIRV, '-r', '--spirv-target-env=CL1.2', spv, '-o', bc])
        return bc


def build_all(ctx):
    """Builds every program; records absent kernels in ctx.missing."""
    for exe, sources, flags in (
            ('launch', ['launch.cu', 'opencl_direct.cpp'], ['-lOpenCL']),
            ('copy', ['copy.cu'], [])):
        p = ctx.cuport_cc([os.path.join(HERE, s) for s in sources], exe, flags)
        if p.returncode:
            raise Failure('building %s failed:\n%s' % (exe, p.stderr[-4000:]))
    ctx.shuffle = ctx.compiles(SHUFFLE_PROBE)
    for name, _, _, needs, ccflags, gxxflags in KERNELS:
        src = os.path.join(HERE, 'kernels', name)
        run(['g++', *OMP_FLAGS, *gxxflags, '-c', src + '_omp.cpp', '-o',
             ctx.out(name + '_omp.o')])
        flags = [*ccflags, ctx.out(name + '_omp.o'), '-lgomp']
        if name == 'reduce' and ctx.shuffle:
            flags.append('-DBENCH_SHUFFLE')
        p = ctx.cuport_cc([src + '.cu'], name, flags)
        if p.returncode == 0:
            continue
        errors = [l.split('error: ', 1)[1] for l in p.stderr.splitlines() if 'error: ' in l]
        lacking = [n for n in needs if any("'%s'" % n in e for e in errors)]
        if not lacking:
            raise Failure('building kernels/%s.cu failed:\n%s' % (name, p.stderr[-4000:]))
        ctx.missing[name] = ('cuport-cc cannot build it yet: %s not in cuport\'s device '
                             'headers (%s)' % (', '.join(lacking), errors[0]))
