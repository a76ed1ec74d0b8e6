#!/usr/bin/env python3
"""Writes docs/cuport-cc-options.md from frontend/driver/NvccOptions.def.

The option table is the single source: the parser, `cuport-cc --help` and
this page all come from it. test/docs/options-doc.test fails when the page
is stale; regenerate with:  tools/gen-docs/nvcc_options.py > docs/cuport-cc-options.md
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEF = os.path.join(ROOT, 'frontend', 'driver', 'NvccOptions.def')
ROW = re.compile(r'^NVCC_OPTION\((\w+),\s*"([^"]*)",\s*"([^"]*)",\s*(\w+),\s*"((?:[^"\\]|\\.)*)"\)')
VALUE = {'Flag': '', 'Value': ' <value>', 'List': ' <a,b,...>', 'Optional': '[<value>]'}


def main():
    rows = []
    section = None
    with open(DEF) as f:
        for line in f:
            line = line.strip()
            if line.startswith('// ') and line.endswith('.') and len(line) < 40:
                section = line[3:-1]
                continue
            m = ROW.match(line)
            if m:
                rows.append((section,) + m.groups())
    out = sys.stdout
    out.write('# cuport-cc options\n\n')
    out.write('Generated from `frontend/driver/NvccOptions.def` by '
              '`tools/gen-docs/nvcc_options.py`; do not edit by hand.\n\n')
    out.write('Every option has nvcc\'s long form (`--name`) and short form (`-name`); '
              'values may follow as the next argument or after `=`, and one-letter '
              'options also take them joined (`-Idir`, `-O3`). Any other option is an error.\n')
    current = object()
    for section, _id, long_name, short, kind, help_text in rows:
        if section != current:
            current = section
            out.write('\n## %s\n\n| long | short | meaning |\n|---|---|---|\n' % (section or 'Options'))
        value = VALUE[kind]
        short_cell = '`-%s%s`' % (short, value) if short != long_name else ''
        out.write('| `--%s%s` | %s | %s |\n' % (long_name, value, short_cell, help_text.replace('|', '\\|')))
    out.write('\n%d options.\n' % len(rows))


if __name__ == '__main__':
    main()
