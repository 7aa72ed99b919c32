#!/usr/bin/env python3
"""Benchmark harness: each benchmark built with roastc, its C twin with
clang -O2, and CPython 3.12, run side by side in one run; outputs must agree.

usage: bench/run.py [--roastc build/bin/roastc] [--repeat 3] [--no-cpython]
                    [--shared ../shared/bench] [NAME ...]
Prints a table of best-of-N wall times and ratios to the C twin.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

# name -> C twins to compare against (the first is "the" C twin).
BENCHMARKS = {
    "fib": ["fib.c", "fib_checked.c"],
    "loops": ["loops.c"],
    "mandelbrot": ["mandelbrot.c"],
}


def best_time(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n"
                     f"{proc.stderr.decode()}")
        out = proc.stdout
        best = elapsed if best is None else min(best, elapsed)
    return best, out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--roastc", default=os.path.join(root, "build/bin/roastc"))
    ap.add_argument("--shared", default=os.path.join(root, "../shared/bench"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-cpython", action="store_true")
    ap.add_argument("--cc", default=shutil.which("clang-22") or "cc")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or list(BENCHMARKS)
    work = tempfile.mkdtemp(prefix="roast-bench-")
    env = dict(os.environ, PYENV_VERSION="3.12.1")

    rows = []
    for name in names:
        src = os.path.join(args.shared, name + ".roast")
        exe = os.path.join(work, name)
        subprocess.run([args.roastc, "build", "-O2", src, "-o", exe], check=True)
        roast_t, roast_out = best_time([exe], args.repeat)
        twins = []
        for twin in BENCHMARKS[name]:
            cexe = os.path.join(work, twin.replace(".", "_"))
            subprocess.run([args.cc, "-O2", os.path.join(args.shared, twin),
                            "-o", cexe, "-lm"], check=True)
            t, out = best_time([cexe], args.repeat)
            if out != roast_out:
                sys.exit(f"bench: {name}: output differs from {twin}")
            twins.append((twin, t))
        py_t = None
        if not args.no_cpython:
            start = time.perf_counter()
            proc = subprocess.run(["python3", src], stdout=subprocess.PIPE, env=env)
            py_t = time.perf_counter() - start
            if proc.stdout != roast_out:
                sys.exit(f"bench: {name}: output differs from CPython")
        rows.append((name, roast_t, twins, py_t))

    print(f"{'benchmark':<12} {'roastc':>9} {'C twin':>22} {'roast/C':>8} "
          f"{'CPython':>9} {'CPy/roast':>9}")
    for name, roast_t, twins, py_t in rows:
        for i, (twin, t) in enumerate(twins):
            label = name if i == 0 else ""
            rt = f"{roast_t:8.3f}s" if i == 0 else ""
            py = f"{py_t:8.2f}s" if py_t and i == 0 else ""
            speed = f"{py_t / roast_t:8.1f}x" if py_t and i == 0 else ""
            print(f"{label:<12} {rt:>9} {twin + f' {t:.3f}s':>22} "
                  f"{roast_t / t:7.2f}x {py:>9} {speed:>9}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
