#!/usr/bin/env python3
"""Benchmark harness: each benchmark built with roastc, its C twin with
clang -O2, and CPython 3.12, run side by side in one run; outputs must agree.

usage: bench/run.py [--roastc build/bin/roastc] [--repeat 3] [--no-cpython] [--untyped] [--slow-cpython]
                    [--roastc-flag FLAG ...] [--shared ../shared/bench] [NAME ...]
Programs come from --shared, or from bench/programs for the ones it lacks.
Prints a table of best-of-N wall times, ratios to the C twin, and the
peak resident memory of each program (/usr/bin/time's %M).
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
    "sieve": ["sieve.c"],
    "spectral_norm": ["spectral_norm.c"],
    "word_freq": ["word_freq.cpp"],
    "nbody": ["nbody.c"],
    "binary_trees": ["binary_trees.c"],
    "particles": ["particles.c"],
    # In bench/programs (the shared folder has none of these): a twin may be
    # a .roast program, the same code written without the feature measured.
    "generic_sum": ["generic_sum_concrete.roast"],
    "sort_key": ["sort_key.c"],
}

# CPython takes minutes on these (particles: 139 s, bench/README.md); they
# run under CPython only with --slow-cpython.
SLOW_IN_CPYTHON = {"particles"}

TIME = "/usr/bin/time"


def timed_run(cmd, env=None):
    """One run: wall time, output, and peak RSS in MB."""
    with tempfile.NamedTemporaryFile(mode="r") as usage:
        timed = [TIME, "-f", "%M", "-o", usage.name] + cmd
        start = time.perf_counter()
        proc = subprocess.run(timed, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n"
                     f"{proc.stderr.decode()}")
        usage.seek(0)
        return elapsed, proc.stdout, int(usage.read().split()[-1]) / 1024


def best_times(cmds, repeat, env=None):
    """Best wall time, output and peak RSS of each command over `repeat`
    rounds. The commands alternate within a round, so that a slow spell of
    a shared machine hits the program and its twin alike."""
    results = [None] * len(cmds)
    for _ in range(repeat):
        for i, cmd in enumerate(cmds):
            t, out, rss = timed_run(cmd, env)
            if results[i] is None or t < results[i][0]:
                results[i] = (t, out, rss)
    return results


def find_cpython():
    """CPython 3.12, the oracle: pyenv's 3.12.1 when there is one (a bare
    `python3` may be another version when this script runs under pyenv)."""
    env = dict(os.environ, PYENV_VERSION="3.12.1")
    try:
        out = subprocess.run(["pyenv", "which", "python3"], env=env,
                             capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except OSError:
        pass
    return shutil.which("python3.12") or "python3"


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--roastc", default=os.path.join(root, "build/bin/roastc"))
    ap.add_argument("--shared", default=os.path.join(root, "../shared/bench"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-cpython", action="store_true")
    ap.add_argument("--cpython", default=None,
                    help="the CPython 3.12 to compare with (default: pyenv's)")
    ap.add_argument("--cc", default=shutil.which("clang-22") or "cc")
    ap.add_argument("--cxx", default=shutil.which("clang++-22") or "c++")
    ap.add_argument("--slow-cpython", action="store_true",
                    help="also run CPython on " + ", ".join(sorted(SLOW_IN_CPYTHON)))
    ap.add_argument("--untyped", action="store_true",
                    help="run the untyped twins (shared/bench/untyped) against "
                         "their typed versions instead of the C twins")
    ap.add_argument("--roastc-flag", action="append", default=[],
                    help="pass FLAG to roastc when building the program "
                         "measured (not its twins), e.g. --no-rc-elision; "
                         "repeatable")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    untyped = os.path.join(args.shared, "untyped")
    if args.untyped:
        names = args.names or sorted(
            f[:-len(".roast")] for f in os.listdir(untyped) if f.endswith(".roast"))
    else:
        names = args.names or list(BENCHMARKS)
    work = tempfile.mkdtemp(prefix="roast-bench-")
    env = dict(os.environ, PYENV_VERSION="3.12.1")
    cpython = args.cpython or find_cpython()

    rows = []
    local = os.path.join(root, "bench", "programs")
    for name in names:
        folder = untyped if args.untyped else args.shared
        if not os.path.exists(os.path.join(folder, name + ".roast")):
            folder = local
        src = os.path.join(folder, name + ".roast")
        exe = os.path.join(work, name)
        subprocess.run([args.roastc, "build", "-O2", *args.roastc_flag, src,
                        "-o", exe], check=True)
        twin_names = ["../" + name + ".roast"] if args.untyped else BENCHMARKS[name]
        twin_exes = []
        for twin in twin_names:
            cexe = os.path.join(work, twin.replace(".", "_").replace("/", "_"))
            if twin.endswith(".roast"):
                build = [args.roastc, "build", "-O2"]
            else:
                build = [args.cxx if twin.endswith(".cpp") else args.cc, "-O2"]
            subprocess.run(build + [os.path.join(folder, twin), "-o", cexe]
                           + ([] if twin.endswith(".roast") else ["-lm"]),
                           check=True)
            twin_exes.append([cexe])
        (roast_t, roast_out, roast_mb), *twin_results = best_times(
            [[exe]] + twin_exes, args.repeat)
        twins = []
        for twin, (t, out, mb) in zip(twin_names, twin_results):
            if out != roast_out:
                sys.exit(f"bench: {name}: output differs from {twin}")
            twins.append((twin, t, mb))
        py_t = py_mb = None
        if not args.no_cpython and (args.slow_cpython
                                    or name not in SLOW_IN_CPYTHON):
            py_t, out, py_mb = timed_run([cpython, src], env)
            if out != roast_out:
                sys.exit(f"bench: {name}: output differs from CPython")
        rows.append((name, roast_t, roast_mb, twins, py_t, py_mb))

    twin_label = "typed twin" if args.untyped else "C twin"
    print(f"{'benchmark':<14} {'roastc':>16} {twin_label:>30} {'roast/twin':>8} "
          f"{'CPython':>16} {'CPy/roast':>9}")
    for name, roast_t, roast_mb, twins, py_t, py_mb in rows:
        for i, (twin, t, mb) in enumerate(twins):
            first = i == 0
            label = name if first else ""
            rt = f"{roast_t:.3f}s {roast_mb:5.0f}MB" if first else ""
            py = f"{py_t:.2f}s {py_mb:5.0f}MB" if py_t and first else ""
            speed = f"{py_t / roast_t:8.1f}x" if py_t and first else ""
            print(f"{label:<14} {rt:>16} {twin + f' {t:.3f}s {mb:5.0f}MB':>30} "
                  f"{roast_t / t:7.2f}x {py:>16} {speed:>9}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
