"""Runs a command and succeeds only if it exits with the given status.

usage: exit-status.py STATUS COMMAND ARGS...
"""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL).returncode
if got != want:
    sys.exit(f"exit status {got}, want {want}: {' '.join(sys.argv[2:])}")
