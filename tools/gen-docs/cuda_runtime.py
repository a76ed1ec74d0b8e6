#!/usr/bin/env python3
"""Writes docs/coverage/runtime.md from frontend/tables/CudaRuntime.def.

The table is the single source: libcudart's export list and not-supported
stubs, the coverage test and this page all come from it.
test/docs/runtime-coverage.test fails when the page is stale; regenerate with:
  tools/gen-docs/cuda_runtime.py > docs/coverage/runtime.md
`--totals` prints only the totals line that README.md quotes.
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEF = os.path.join(ROOT, 'frontend', 'tables', 'CudaRuntime.def')
ROW = re.compile(r'^CUDA_RUNTIME_API\((\w+),\s*(\w+),\s*([0-9.]+|-),\s*(\w+),\s*(\w+),\s*'
                 r'"((?:[^"\\]|\\.)*)"\)')
GROUPS = ['Device', 'Error', 'Stream', 'Event', 'Execution', 'Occupancy', 'Memory',
          'Unified', 'Peer', 'Symbol', 'Version', 'Graph', 'Interop', 'Texture', 'Other']
TITLES = {'Device': 'Device management', 'Error': 'Error handling',
          'Stream': 'Stream management', 'Event': 'Event management',
          'Execution': 'Execution control', 'Occupancy': 'Occupancy',
          'Memory': 'Memory management', 'Unified': 'Unified addressing',
          'Peer': 'Peer device memory access', 'Symbol': 'Symbols',
          'Version': 'Version management', 'Graph': 'Graph management',
          'Interop': 'Graphics and external resource interoperability',
          'Texture': 'Texture and surface objects', 'Other': 'Other'}
STATUSES = ['Implemented', 'Partial', 'NotSupported']
# HipSince of the names Debian's ROCm has (frontend/translate/ApiTable.h).
BASELINE_ROCM = '5.2'
LABEL = {'Implemented': 'implemented', 'Partial': 'partial', 'NotSupported': 'not supported'}


def read_rows():
    rows = []
    with open(DEF) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line.startswith('CUDA_RUNTIME_API('):
                continue
            m = ROW.match(line)
            if not m:
                sys.exit('%s:%d: malformed row: %s' % (DEF, n, line))
            name, hip, since, group, status, caveat = m.groups()
            if group not in GROUPS or status not in STATUSES:
                sys.exit('%s:%d: unknown group or status: %s' % (DEF, n, line))
            rows.append((name, hip, group, status, caveat, since))
    return rows


def totals_line(rows):
    c = collections.Counter(r[3] for r in rows)
    return ('%d CUDA runtime functions: %d implemented, %d partial, %d not supported '
            '(exported, returning cudaErrorNotSupported).'
            % (len(rows), c['Implemented'], c['Partial'], c['NotSupported']))


def main():
    rows = read_rows()
    out = sys.stdout
    if sys.argv[1:] == ['--totals']:
        out.write(totals_line(rows) + '\n')
        return
    out.write('# CUDA runtime API coverage\n\n')
    out.write('Generated from `frontend/tables/CudaRuntime.def` by '
              '`tools/gen-docs/cuda_runtime.py`; do not edit by hand.\n\n')
    out.write('Every function below is exported by cuport\'s `libcudart.so.12`, so every '
              'CUDA program links. *Implemented* follows CUDA\'s semantics; *partial* '
              'works with the caveat named; *not supported* returns '
              '`cudaErrorNotSupported`, sets the thread\'s last error and names the '
              'function once on stderr. The HIP column is the HIP function '
              '`cuport-translate` maps to (— where HIP has none); *(ROCm 5.3+)* marks '
              'a HIP function that Debian\'s ROCm 5.2 lacks and the ROCm release that '
              'added it.\n\n')
    out.write(totals_line(rows) + '\n\n')
    out.write('| group | functions | implemented | partial | not supported |\n'
              '|---|---:|---:|---:|---:|\n')
    for g in GROUPS:
        grp = [r for r in rows if r[2] == g]
        c = collections.Counter(r[3] for r in grp)
        out.write('| %s | %d | %d | %d | %d |\n' % (TITLES[g], len(grp), c['Implemented'],
                                                   c['Partial'], c['NotSupported']))
    c = collections.Counter(r[3] for r in rows)
    out.write('| **total** | **%d** | **%d** | **%d** | **%d** |\n'
              % (len(rows), c['Implemented'], c['Partial'], c['NotSupported']))
    for g in GROUPS:
        grp = [r for r in rows if r[2] == g]
        if not grp:
            continue
        out.write('\n## %s\n\n| CUDA | HIP | status | caveat |\n|---|---|---|---|\n' % TITLES[g])
        for name, hip, _g, status, caveat, since in grp:
            if hip == 'NoHip':
                hip = '—'
            elif since != BASELINE_ROCM:
                hip = '`%s` (ROCm %s+)' % (hip, since)
            else:
                hip = '`%s`' % hip
            out.write('| `%s` | %s | %s | %s |\n'
                      % (name, hip, LABEL[status], caveat.replace('|', '\\|')))


if __name__ == '__main__':
    main()
