# lit configuration for cuport's suites: driver, device output, lowering
# passes, end-to-end CUDA programs, and (as a nested suite) the GoogleTest
# unit tests. Features are detected here, never by listing file names.
import os
import shutil
import subprocess
import sys

import lit.formats

config.name = 'cuport'
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = ['.cu', '.ll', '.test', '.c', '.cpp']
config.excludes = ['Inputs', 'unit', 'CMakeLists.txt', 'lit.cfg.py', 'compile_all.py', 'corpus']

build_dir = os.path.abspath(lit_config.params.get('build_dir', 'build'))
llvm_bin = '/usr/lib/llvm-15/bin'
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(build_dir, 'test')
config.cuport_build_dir = build_dir

# Tests run with a private kernel cache so they never read a stale build.
config.environment['CUPORT_CACHE_DIR'] = os.path.join(build_dir, 'test', 'kernel-cache')
config.environment['HOME'] = os.environ.get('HOME', '/tmp')
# cuport-cc validates every SPIR-V module it writes, as spirv-val would.
config.environment['CUPORT_VALIDATE_SPIRV'] = '1'
for var in ('CUPORT_TARGET', 'POCL_DEVICES', 'OCL_ICD_VENDORS', 'OCL_ICD_FILENAMES'):
    if var in os.environ:
        config.environment[var] = os.environ[var]

bindir = os.path.join(build_dir, 'bin')
libdir = os.path.join(build_dir, 'lib')
config.substitutions.append(('%cuport-cc', os.path.join(bindir, 'cuport-cc')))
config.substitutions.append(('%cuport-info', os.path.join(bindir, 'cuport-info')))
config.substitutions.append(('%cuport-plugin', os.path.join(libdir, 'CuportPasses.so')))
config.substitutions.append(('%cuport-include', os.path.join(build_dir, 'include')))
config.substitutions.append(('%libdir', libdir))
config.substitutions.append(('%opt', os.path.join(llvm_bin, 'opt')))
config.substitutions.append(('%clang', os.path.join(llvm_bin, 'clang')))
config.substitutions.append(('%llvm-as', os.path.join(llvm_bin, 'llvm-as')))
config.substitutions.append(('%llvm-dis', os.path.join(llvm_bin, 'llvm-dis')))
config.substitutions.append(('%llvm-spirv', shutil.which('llvm-spirv-15') or 'llvm-spirv-15'))
config.substitutions.append(('%spirv-val', shutil.which('spirv-val') or 'spirv-val'))
config.substitutions.append(('%spirv-dis', shutil.which('spirv-dis') or 'spirv-dis'))
config.substitutions.append(('%FileCheck', os.path.join(llvm_bin, 'FileCheck')))
config.substitutions.append(('%not', os.path.join(llvm_bin, 'not')))
config.substitutions.append(('%python', sys.executable))
config.substitutions.append(('%fuzzers', os.path.join(build_dir, 'test', 'fuzz')))
config.environment['PATH'] = os.pathsep.join([bindir, llvm_bin, os.environ.get('PATH', '')])


def has_opencl_device():
    """True when an OpenCL platform with at least one device answers."""
    info = os.path.join(bindir, 'cuport-info')
    if os.path.exists(info):
        try:
            out = subprocess.run([info, '--quiet-check', 'opencl'], capture_output=True, timeout=120)
            return out.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False
    return shutil.which('clinfo') is not None and b'Device Name' in subprocess.run(
        ['clinfo'], capture_output=True).stdout


if has_opencl_device():
    config.available_features.add('opencl')
    config.available_features.add('pocl')
if shutil.which('hipcc'):
    config.available_features.add('hipcc')
if shutil.which('nvcc') or os.path.exists('/usr/local/cuda/bin/nvcc'):
    config.available_features.add('nvcc')
