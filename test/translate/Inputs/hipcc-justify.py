#!/usr/bin/env python3
"""Says whether hipcc's errors on one translated file are the translator's
warnings coming true.

usage: hipcc-justify.py <CUDA file> <HIP file> <hipcc log> <translator stderr> <rel>

Every error hipcc reports is located: at its own file:line, or, for an error
inside a macro expansion or a template in a header, through the "expanded
from macro" and "requested here" notes that follow it. An error is justified
when one of those locations in the HIP file is, mapped back to the CUDA file
(the translator inserts lines, e.g. #include <hip/hip_runtime.h>), a line
where the translator warned that it left something unchanged (no HIP
equivalent, a name a later ROCm added). A warning somewhere else in the
file justifies nothing. Prints each unjustified error; exit status 0 when
there are errors and all are justified, 1 otherwise.
"""
import difflib
import re
import sys

cuda_path, hip_path, log_path, warnings_path, rel = sys.argv[1:6]

with open(cuda_path, encoding='utf-8', errors='replace') as f:
    cuda_lines = f.read().splitlines()
with open(hip_path, encoding='utf-8', errors='replace') as f:
    hip_lines = f.read().splitlines()

# HIP line -> CUDA line (1-based). Lines the translator edited in place stay
# paired; lines it inserted map to nothing.
line_map = {}
matcher = difflib.SequenceMatcher(None, cuda_lines, hip_lines, autojunk=False)
for tag, a0, a1, b0, b1 in matcher.get_opcodes():
    if tag == 'equal' or (tag == 'replace' and a1 - a0 == b1 - b0):
        for k in range(b1 - b0):
            line_map[b0 + k + 1] = a0 + k + 1

# Lines of the CUDA file where the translator left something unchanged.
warned = set()
warn_re = re.compile(r'(?:^|/)' + re.escape(rel) +
                     r':(\d+):\d+: warning: .*(no HIP equivalent|left unchanged|needs ROCm)')
with open(warnings_path, encoding='utf-8', errors='replace') as f:
    for line in f:
        m = warn_re.search(line)
        if m:
            warned.add(int(m.group(1)))

# hipcc's diagnostics: an error and the notes after it form one chain.
diag_re = re.compile(r'^(.*?):(\d+):\d+: (fatal error|error|warning|note): (.*)$')
chains = []
with open(log_path, encoding='utf-8', errors='replace') as f:
    for line in f:
        m = diag_re.match(line.rstrip('\n'))
        if not m:
            if line.startswith('fatal error:') or re.match(r'^(clang|lld)[^:]*: error:', line):
                chains.append([('', 0, line.strip())])
            continue
        path, num, level, text = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if level in ('error', 'fatal error'):
            chains.append([(path, num, line.strip())])
        elif level == 'note' and chains:
            chains[-1].append((path, num, line.strip()))

bad = 0
errors = [c for c in chains if 'error:' in c[0][2]]
for chain in errors:
    cuda_lines_hit = {line_map.get(num) for path, num, _ in chain
                      if path == hip_path or path.endswith('/' + rel) or path == rel}
    if not cuda_lines_hit & warned:
        bad += 1
        print('  unjustified: ' + chain[0][2].replace(hip_path, rel))
sys.exit(0 if errors and bad == 0 else 1)
