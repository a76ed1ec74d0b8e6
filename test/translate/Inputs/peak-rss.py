"""peak-rss.py LIMIT_MIB CMD...: runs CMD, prints "peak RSS <n> MiB" (the
largest resident set of CMD and its children) and fails when CMD fails or
its peak exceeds LIMIT_MIB."""
import resource
import subprocess
import sys

limit = int(sys.argv[1])
rc = subprocess.run(sys.argv[2:]).returncode
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print('peak RSS %d MiB (limit %d MiB)' % (peak, limit))
if rc != 0:
    sys.exit('command failed with status %d' % rc)
if peak > limit:
    sys.exit('peak RSS %d MiB exceeds %d MiB' % (peak, limit))
