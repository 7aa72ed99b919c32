#!/usr/bin/env python3
"""Generate programs that each raise at a random depth, build and run them.

Each program recurses through a random mix of functions, methods, try/finally
blocks and except clauses that do not match, then raises a random exception
(a user class, or a run-time fault: IndexError, KeyError, ZeroDivisionError,
ValueError from int(), OverflowError, AssertionError). Every program must
exit with status 1, not a signal, print a CPython-shaped traceback whose
first line is "Traceback (most recent call last):" and whose last line names
the exception, and print the output of every finally block it passed.

usage: scripts/raise-programs.py --roastc build/bin/roastc [--count 1000]
                                 [--seed 1] [--keep DIR]
Prints one line per failure and ends with "N programs, M failed".
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

FAULTS = [
    # (statement raising it, exception name, message)
    ('raise AppError("deep")', "AppError", "deep"),
    ('raise Detailed(depth)', "Detailed", None),
    ("print([1, 2][depth + 5])", "IndexError", "list index out of range"),
    ('print({"a": 1}["k" + str(depth)])', "KeyError", None),
    ("print(depth // (depth - depth))", "ZeroDivisionError",
     "integer division or modulo by zero"),
    ('print(int("x" + str(depth)))', "ValueError", None),
    ("print(9223372036854775807 + depth + 1)", "OverflowError",
     "integer overflow"),
    ('assert depth < 0, "depth " + str(depth)', "AssertionError", None),
]


def make_program(rng):
    """Returns (source, exception name, number of finally lines)."""
    depth = rng.randint(1, 300)
    fault, name, _ = rng.choice(FAULTS)
    lines = [
        "class AppError(Exception):",
        "    pass",
        "",
        "",
        "class Detailed(AppError):",
        "    def __init__(self, depth: int) -> None:",
        '        super().__init__("at depth " + str(depth))',
        "        self.depth = depth",
        "",
        "",
        "class Walker:",
        "    def __init__(self, label: str) -> None:",
        "        self.label = label",
        "        self.steps: list[int] = []",
        "",
        "    def step(self, depth: int) -> int:",
        "        self.steps.append(depth)",
        "        return descend(depth - 1, self)",
        "",
        "",
        "def bottom(depth: int) -> int:",
        "    " + fault,
        "    return depth",
        "",
        "",
        "def descend(depth: int, w: Walker) -> int:",
        "    if depth <= 0:",
        "        return bottom(depth)",
    ]
    # The kind of frame at each depth is fixed by the depth's remainder.
    kinds = [rng.choice(["call", "method", "finally", "except"])
             for _ in range(4)]
    finally_count = 0
    for d in range(1, depth + 1):
        if kinds[d % 4] == "finally":
            finally_count += 1
    lines += [
        f"    kind = depth % 4",
    ]
    for remainder, kind in enumerate(kinds):
        lines.append(f"    if kind == {remainder}:")
        if kind == "call":
            lines.append("        return descend(depth - 1, w) + 1")
        elif kind == "method":
            lines.append("        return w.step(depth)")
        elif kind == "finally":
            lines += [
                "        try:",
                "            return descend(depth - 1, w)",
                "        finally:",
                '            print("finally", depth)',
            ]
        else:  # an except clause that does not match
            lines += [
                "        try:",
                "            return descend(depth - 1, w)",
                "        except StopIteration:",
                '            print("not reached")',
                "            return -1",
            ]
    lines += [
        "    return 0",
        "",
        "",
        "def main() -> None:",
        '    w = Walker("w")',
        f"    print(descend({depth}, w))",
        "",
        "",
        "main()",
        "",
    ]
    return "\n".join(lines), name, finally_count


def check(roastc, workdir, index, source, name, finally_count):
    path = os.path.join(workdir, f"raise{index}.roast")
    exe = os.path.join(workdir, f"raise{index}")
    with open(path, "w") as f:
        f.write(source)
    build = subprocess.run([roastc, "build", path, "-o", exe],
                           capture_output=True, text=True)
    if build.returncode != 0:
        return f"build failed: {build.stderr.strip()[:300]}"
    run = subprocess.run([exe], capture_output=True, text=True, timeout=60)
    if run.returncode < 0:
        return f"killed by signal {-run.returncode}"
    if run.returncode != 1:
        return f"exit status {run.returncode}, want 1"
    err = run.stderr.strip().splitlines()
    if not err or err[0] != "Traceback (most recent call last):":
        return "no traceback header"
    if not (err[-1] == name or err[-1].startswith(name + ":")):
        return f"last stderr line {err[-1]!r}, want {name}"
    if not any(line.startswith("  File ") for line in err):
        return "no File lines"
    printed = run.stdout.count("finally ")
    if printed != finally_count:
        return f"{printed} finally lines, want {finally_count}"
    os.remove(exe)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--roastc", required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="write the programs here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    workdir = args.keep or tempfile.mkdtemp(prefix="roast-raise-")
    os.makedirs(workdir, exist_ok=True)
    failed = 0
    for i in range(args.count):
        source, name, finally_count = make_program(rng)
        problem = check(args.roastc, workdir, i, source, name, finally_count)
        if problem:
            failed += 1
            print(f"FAIL raise{i}.roast ({name}): {problem}")
    print(f"{args.count} programs, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
