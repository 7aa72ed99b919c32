#!/usr/bin/env python3
"""Writes a .roast program with every type annotation removed.

usage: strip-annotations.py [--keep-annotations] [-o OUT] FILE

The program is parsed with Python's `ast` module and written back with
`ast.unparse` (comments and formatting are not kept), after:
  - parameter and return annotations are dropped;
  - `x: T = v` becomes `x = v` (also `self.x: T = v`, and in class bodies);
  - a bare declaration `x: T` is dropped (in functions, class bodies and at
    module level); a block left empty gets a `pass`.
Type parameter lists (`def f[T](...)`, `class C[T]:`, `type A[T] = ...`) and
their bounds are kept, as are imports (`from typing import ...`) and type
expressions used as values (`cast(T, x)`, `isinstance(x, T)`, `Box[int]()`).

A class whose field is declared only in the class body (`x: T` with no
`self.x = ...` in any of its methods) loses that field; a note is printed to
stderr for each one.

--keep-annotations writes the program back unchanged except for the
ast round trip, to tell problems of the round trip from those of stripping.

Works with python3 >= 3.9. PEP 695 syntax needs 3.12's parser; on older
versions the type parameter lists are cut out before parsing and put back
verbatim afterwards.
"""
import argparse
import ast
import io
import re
import sys
import tokenize

NATIVE_TYPE_PARAMS = sys.version_info >= (3, 12)
MARK = "__roast_tp_"


class Stripper(ast.NodeTransformer):
    def __init__(self):
        self.notes = []

    def _fix_empty_blocks(self, node, before):
        # A block that had statements and lost them all (to dropped bare
        # declarations) gets a `pass` so the result is still valid Python.
        for field in ("body", "orelse", "finalbody"):
            stmts = getattr(node, field, None)
            if isinstance(stmts, list) and before.get(field) and not stmts:
                stmts.append(ast.Pass())
        return node

    def generic_visit(self, node):
        before = {f: bool(getattr(node, f, None))
                  for f in ("body", "orelse", "finalbody")}
        super().generic_visit(node)
        return self._fix_empty_blocks(node, before)

    def _strip_args(self, args):
        for a in args.posonlyargs + args.args + args.kwonlyargs:
            a.annotation = None
        for a in (args.vararg, args.kwarg):
            if a is not None:
                a.annotation = None

    def visit_FunctionDef(self, node):
        node = self.generic_visit(node)
        self._strip_args(node.args)
        node.returns = None
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        declared = [s.target.id for s in node.body
                    if isinstance(s, ast.AnnAssign) and s.value is None
                    and isinstance(s.target, ast.Name)]
        assigned = set()
        for sub in ast.walk(node):
            targets = []
            if isinstance(sub, (ast.Assign,)):
                targets = sub.targets
            elif isinstance(sub, (ast.AnnAssign, ast.AugAssign)):
                targets = [sub.target]
            for t in targets:
                for e in ast.walk(t):
                    if (isinstance(e, ast.Attribute)
                            and isinstance(e.value, ast.Name)
                            and e.value.id == "self"):
                        assigned.add(e.attr)
        for name in declared:
            if name not in assigned:
                self.notes.append(
                    f"line {node.lineno}: class {node.name}: field '{name}' is "
                    f"declared only in the class body; stripped, it is gone")
        return self.generic_visit(node)

    def visit_AnnAssign(self, node):
        if node.value is None:
            return None
        new = ast.Assign(targets=[node.target], value=node.value)
        return ast.copy_location(self.generic_visit(new), node)


def _cut_type_params(src):
    """For parsers without PEP 695: returns the source with each type
    parameter list cut out and its owner renamed to NAME__roast_tp_K, and the
    list of cut parameter texts; `type X = ...` statements are turned into
    `X__roast_tp_K = ...` the same way."""
    lines = src.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def off(pos):
        return starts[pos[0] - 1] + pos[1]

    toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
            if t.type not in (tokenize.COMMENT, tokenize.NL)]
    edits = []   # (start, end, replacement) on the source text
    params = []  # text to put back for marker K: "[T, U]" or "type "
    line_start = True
    for i, t in enumerate(toks):
        at_line_start = line_start
        line_start = t.type in (tokenize.NEWLINE, tokenize.INDENT,
                                tokenize.DEDENT)
        if t.type != tokenize.NAME or i + 2 >= len(toks):
            continue
        name, nxt = toks[i + 1], toks[i + 2]
        if name.type != tokenize.NAME:
            continue
        is_alias = (t.string == "type" and at_line_start
                    and nxt.string in ("=", "["))
        if t.string not in ("def", "class") and not is_alias:
            continue
        tp = ""
        end = name.end
        if nxt.string == "[":
            depth, j = 0, i + 2
            while j < len(toks):
                s = toks[j].string
                if s in ("[", "(", "{"):
                    depth += 1
                elif s in ("]", ")", "}"):
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            inner = toks[i + 3:j]
            raw = src[off(nxt.start):off(toks[j].end)]
            if "\n" in raw or "#" in raw:
                raw = "[" + " ".join(x.string for x in inner) + "]"
                raw = re.sub(r"\s+([,:\])])", r"\1", raw)
                raw = re.sub(r"([\[(])\s+", r"\1", raw)
                raw = raw.replace(":", ": ").replace(":  ", ": ")
            tp = raw
            end = toks[j].end
        elif not is_alias:
            continue
        k = len(params)
        params.append(("type " if is_alias else "") + tp)
        start = t.start if is_alias else name.start
        # Newlines of a cut multi-line list become line continuations so
        # the line numbers of diagnostics stay those of the file.
        cont = "\\\n" * src[off(start):off(end)].count("\n")
        edits.append((off(start), off(end), f"{name.string}{MARK}{k}{cont}"))
    for s, e, rep in reversed(edits):
        src = src[:s] + rep + src[e:]
    return src, params


def _put_back_type_params(out, params):
    def rep(m):
        text = params[int(m.group(2))]
        if text.startswith("type "):
            return "type " + m.group(1) + text[len("type "):]
        return m.group(1) + text
    return re.sub(r"\b(\w+?)" + MARK + r"(\d+)\b", rep, out)


def strip(src, filename="<input>", keep=False, notes=None):
    params = []
    if not NATIVE_TYPE_PARAMS:
        src, params = _cut_type_params(src)
    tree = ast.parse(src, filename)
    if not keep:
        stripper = Stripper()
        tree = ast.fix_missing_locations(stripper.visit(tree))
        if notes is not None:
            notes.extend(stripper.notes)
    out = ast.unparse(tree)
    if params:
        out = _put_back_type_params(out, params)
    return out + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", help=".roast file to strip ('-' for stdin)")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    ap.add_argument("--keep-annotations", action="store_true",
                    help="only round-trip through ast.unparse")
    args = ap.parse_args()
    if args.file == "-":
        src, name = sys.stdin.read(), "<stdin>"
    else:
        with open(args.file, encoding="utf-8") as f:
            src, name = f.read(), args.file
    notes = []
    try:
        out = strip(src, name, args.keep_annotations, notes)
    except SyntaxError as e:
        print(f"strip-annotations: {name}:{e.lineno}: {e.msg}", file=sys.stderr)
        return 1
    for n in notes:
        print(f"strip-annotations: {name}: note: {n}", file=sys.stderr)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
