"""Runs a program, passes its stdout through, and fails if its peak
resident set size exceeds the limit.

usage: max-rss.py LIMIT_KB PROGRAM ARGS...
"""
import resource
import subprocess
import sys

limit = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE)
sys.stdout.write(proc.stdout.decode())
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
if proc.returncode != 0:
    sys.exit(f"exit status {proc.returncode}")
if peak > limit:
    sys.exit(f"peak RSS {peak} KiB exceeds {limit} KiB")
print(f"peak RSS {peak} KiB", file=sys.stderr)
