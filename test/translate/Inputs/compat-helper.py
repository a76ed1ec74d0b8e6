#!/usr/bin/env python3
"""Prints the code of one HIP_COMPAT_HELPER row of a HipCompat*.def table,
as cuport_hip_compat.h has it, so that a test can compile a helper alone
(for instance on the host, against a model of the HIP it calls)."""
import re
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compat-helper.py TABLE.def HELPER")
    text = open(sys.argv[1]).read()
    rows = re.findall(r'HIP_COMPAT_HELPER\((\w+), "[^"]*", R"cpp\((.*?)\)cpp"\)', text, re.S)
    for name, code in rows:
        if name == sys.argv[2]:
            sys.stdout.write(code.lstrip("\n"))
            return
    sys.exit("no HIP_COMPAT_HELPER row named %s in %s" % (sys.argv[2], sys.argv[1]))


if __name__ == "__main__":
    main()
