#!/usr/bin/env python3
"""Writes docs/device-math.md from lowering/include/cuport/DeviceMath.def and
DeviceIntrinsics.def.

The two tables are the single source of the device library: the headers,
the coverage check in test/e2e/math_accuracy.cu and this page all come from
them. The rows are read through the C preprocessor (the tables use string
concatenation and helper macros), with each row macro defined to print one
line. test/docs/device-math-doc.test fails when the page is stale;
regenerate with:  tools/gen-docs/device_math_table.py > docs/device-math.md
"""
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INCLUDE = os.path.join(ROOT, 'lowering', 'include', 'cuport')

# Each row macro becomes `@@ROW Kind | arg | arg ...` with the arguments
# stringified, so that the preprocessor joins adjacent literals for us.
PRELUDE = r'''
#define S(x) #x
#define CUPORT_MATH(Base, Sig, Std, FI, FS, FU, DI, DS, DU, Note) \
  @@ROW MATH @| S(Base) @| S(Sig) @| S(Std) @| S(FI) @| FS @| FU @| S(DI) @| DS @| DU @| Note
#define CUPORT_MATH_FAST(Base, Sig, Std, FI, FS, FU, DI, DS, DU, Note) \
  @@ROW FAST @| S(Base) @| S(Sig) @| S(Std) @| S(FI) @| FS @| FU @| S(DI) @| DS @| DU @| Note
#define CUPORT_MATH_F(Name, Sig, Impl, Sym, Ulp, Note) \
  @@ROW FLOAT @| S(Name) @| S(Sig) @| S(Impl) @| Sym @| Ulp @| Note
#define CUPORT_MATH_OVL(Name, Sig, Std, FI, FS, DI, DS, Note) \
  @@ROW OVL @| S(Name) @| S(Sig) @| S(Std) @| S(FI) @| FS @| S(DI) @| DS @| Note
#define CUPORT_INTRINSIC(Name, Sig, Impl, Sym, Note) \
  @@ROW INTR @| S(Name) @| S(Sig) @| S(Impl) @| Sym @| Note
#define CUPORT_NOT_PROVIDED(Name, Reason) @@ROW MISSING @| S(Name) @| Reason
'''

MATH_SIG = {
    'T1': 'T(T)', 'T2': 'T(T, T)', 'T3': 'T(T, T, T)', 'T4': 'T(T, T, T, T)',
    'TI': 'T(T, int)', 'TL': 'T(T, long)', 'IT': 'int(T)', 'LT': 'long(T)',
    'XT': 'long long(T)', 'BT': 'bool(T)', 'TPI': 'T(T, int *)', 'TPT': 'T(T, T *)',
    'T2PI': 'T(T, T, int *)', 'VTPP': 'void(T, T *, T *)', 'TNP': 'T(int, const T *)',
    'NT': 'T(int, T)', 'TC': 'T(const char *)',
}
TYPE_LETTER = {'f': 'float', 'd': 'double', 'i': 'int', 'u': 'unsigned',
               'l': 'long long', 'm': 'unsigned long long'}


def preprocess(def_file):
    """The rows of one .def file, as lists of Python strings."""
    compiler = shutil.which('clang-15') or shutil.which('clang') or shutil.which('cpp')
    src = PRELUDE + '#include "%s"\n' % def_file
    cmd = [compiler, '-E', '-P', '-x', 'c', '-'] if 'clang' in compiler else [compiler, '-P', '-']
    out = subprocess.run(cmd, input=src, capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.split('@@ROW')[1:]:
        fields = [f.strip() for f in line.strip().split('@|')]
        rows.append([fields[0]] + [literal(f) for f in fields[1:]])
    return rows


def literal(text):
    """Joins adjacent C string literals ("a" "b" -> ab); other text as is."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    if not parts:
        return text
    return ''.join(p.replace('\\"', '"') for p in parts)


def sections(def_path):
    """Row names in file order with the section comment above each."""
    current, result = None, {}
    with open(def_path) as f:
        text = f.read()
    for m in re.finditer(r'/\* ((?:[^*]|\*(?!/))*?)\*/|CUPORT_\w+\((\w+)', text):
        if m.group(1) is not None:
            first = ' '.join(m.group(1).replace('*', ' ').split())
            if len(first) < 200 and not first.startswith('=='):
                current = first.split('.')[0]
        elif m.group(2) and current:
            result.setdefault(m.group(2), current)
    return result


def ocl_name(sym):
    m = re.match(r'_Z(\d+)(\w+)', sym)
    return m.group(2)[:int(m.group(1))] if m else sym


def impl(kind, sym):
    return 'OpenCL `%s`' % ocl_name(sym) if kind == 'OCL' else 'cuport'


def status(note):
    return 'caveat' if note.startswith('caveat:') else 'supported'


def clean(note):
    return note[len('caveat:'):].strip() if note.startswith('caveat:') else note


def main():
    math_rows = preprocess(os.path.join(INCLUDE, 'DeviceMath.def'))
    intr_rows = preprocess(os.path.join(INCLUDE, 'DeviceIntrinsics.def'))
    math_sec = sections(os.path.join(INCLUDE, 'DeviceMath.def'))
    intr_sec = sections(os.path.join(INCLUDE, 'DeviceIntrinsics.def'))
    w = sys.stdout.write
    w('# Device math library\n\n')
    w('Generated from `lowering/include/cuport/DeviceMath.def` and '
      '`DeviceIntrinsics.def` by `tools/gen-docs/device_math_table.py`; '
      'do not edit by hand.\n\n')
    w('''CUDA's device math API and intrinsics, as `cuda_runtime.h` makes them
visible in every `.cu` file (also under nvcc's header names: `math_functions.h`,
`device_functions.h`, `sm_*_intrinsics.h`; CUDA's constants come from
`math_constants.h`). Each function either calls an OpenCL C built-in, named by
its mangled symbol so that the SPIR-V translator emits an `OpenCL.std`
instruction, or is implemented in cuport's headers ("cuport" below).

* Bounds are CUDA 12's documented maximum errors in ulps of the correctly
  rounded result unless stated ("abs": absolute error). `test/e2e/math_accuracy.cu`
  measures every function below on the device against long double references
  and fails above the bound; `math_rounding.cu` and `math_integer.cu` check the
  intrinsics bit for bit.
* "fp64": the function computes in double internally (also its float version),
  so it needs a device with double precision.
* `--use_fast_math` defines `__USE_FAST_MATH__`; the float functions marked
  "fast" then become their `__` intrinsics (`sinf` is `__sinf`), as with nvcc.
  Division and `sqrtf` are not affected by the headers (nvcc's `-prec-div` and
  `-prec-sqrt` correspond to OpenCL build options).
* Status "caveat" means supported with the limitation in the notes.

''')

    w('## Math functions\n\n')
    w('Each row is the float function (`sinf`), the double one (`sin`) and the C++ '
      'float overload of the double name (`sin(float)`); "std" rows are also '
      '`std::` names in device code, where integer arguments compute in double '
      'and mixed arguments in the wider type.\n')
    current = None
    for r in math_rows:
        if r[0] not in ('MATH', 'FAST'):
            continue
        _, base, sig, std, fi, fs, fu, di, ds, du, note = r
        if math_sec.get(base) != current:
            current = math_sec.get(base)
            w('\n### %s\n\n' % current)
            w('| float | double | signature | float: impl, bound | double: impl, bound | '
              'status | notes |\n|---|---|---|---|---|---|---|\n')
        flags = []
        if std == 'STD':
            flags.append('std')
        if r[0] == 'FAST':
            flags.append('fast: `__%sf`' % base)
        notes = '; '.join([clean(note)] * bool(note) + flags)
        w('| `%sf` | `%s` | `%s` | %s; %s | %s; %s | %s | %s |\n' % (
            base, base, MATH_SIG[sig], impl(fi, fs), fu, impl(di, ds), du, status(note),
            notes))

    w('\n## Float-only functions and fast intrinsics\n\n')
    w('| name | signature | implementation | CUDA bound | status | notes |\n'
      '|---|---|---|---|---|---|\n')
    for r in math_rows:
        if r[0] == 'FLOAT':
            _, name, sig, kind, sym, ulp, note = r
            w('| `%s` | `%s` | %s | %s | %s | %s |\n' % (
                name, MATH_SIG[sig].replace('T', 'float'), impl(kind, sym), ulp,
                status(note), clean(note)))

    w('\n## Overloaded names\n\n')
    w('| name | signature | float | double | status | notes |\n|---|---|---|---|---|---|\n')
    for r in math_rows:
        if r[0] == 'OVL':
            _, name, sig, std, fi, fs, di, ds, note = r
            w('| `%s` | `%s` | %s | %s | %s | %s |\n' % (
                name, MATH_SIG[sig], impl(fi, fs), impl(di, ds), status(note), clean(note)))
    w('\nAlso `__host__ __device__` `min`/`max` for every integer type, float and '
      'double, including CUDA\'s mixed signed/unsigned and float/double pairs, '
      '`umin`/`umax`/`llmin`/`llmax`/`ullmin`/`ullmax`, and device `abs`/`labs`/`llabs` '
      'for integers; `pow(float, int)` and `pow(double, int)`.\n')

    w('\n## Intrinsics\n')
    current = None
    missing = []
    for r in intr_rows:
        if r[0] == 'MISSING':
            missing.append(r)
            continue
        _, name, sig, kind, sym, note = r
        sec = intr_sec.get(name)
        if sec != current:
            current = sec
            w('\n### %s\n\n| name | signature | implementation | status | notes |\n'
              '|---|---|---|---|---|\n' % sec)
        res, args = sig.split('_')
        proto = '%s(%s)' % (TYPE_LETTER[res], ', '.join(TYPE_LETTER[a] for a in args))
        w('| `%s` | `%s` | %s | %s | %s |\n' % (name, proto, impl(kind, sym), status(note),
                                              clean(note)))

    w('\n## Not provided\n\n| name | reason |\n|---|---|\n')
    for r in missing:
        w('| `%s` | %s |\n' % (r[1], r[2]))


if __name__ == '__main__':
    main()
