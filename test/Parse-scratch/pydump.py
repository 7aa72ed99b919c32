# Scratch: renders CPython's ast in the format of ast::dump, for diffing.
import ast, sys
sys.setrecursionlimit(100000)

out = []
def line(depth, text, role=""):
    out.append("  " * depth + (role + ": " if role else "") + text)

def strlit(s):
    r = []
    for ch in s:
        for b in ch.encode("utf-8", "surrogatepass"):
            c = chr(b)
            if c == "\n": r.append("\\n")
            elif c == "\r": r.append("\\r")
            elif c == "\t": r.append("\\t")
            elif c == "\\": r.append("\\\\")
            elif c == '"': r.append('\\"')
            elif b < 0x20 or b == 0x7f: r.append("\\x%02x" % b)
            else: r.append(None); r[-1] = bytes([b])
    # reassemble: mix of str and bytes
    buf = b""
    for x in r:
        buf += x if isinstance(x, bytes) else x.encode()
    return '"' + buf.decode("utf-8", "surrogateescape") + '"'

def flt(v):
    for p in range(1, 18):
        s = "%.*g" % (p, v)
        if float(s) == v: return s
    return s

def dotted(e):
    if isinstance(e, ast.Name): return e.id
    if isinstance(e, ast.Attribute):
        b = dotted(e.value)
        return None if b is None else b + "." + e.attr
    return None

SRC = None
def expr(e, d, role=""):
    T = type(e)
    if T is ast.Constant:
        v = e.value
        if v is None: line(d, "NoneLit", role)
        elif v is True or v is False: line(d, "BoolLit %s" % v, role)
        elif isinstance(v, int):
            line(d, "IntLit %d%s" % (v, "" if v <= 2**63-1 else " (exceeds int64)"), role)
        elif isinstance(v, float): line(d, "FloatLit " + repr(v), role)
        elif isinstance(v, str): line(d, "StrLit " + strlit(v), role)
        elif v is Ellipsis: line(d, 'UnsupportedExpr "ellipsis literals"', role)
        elif isinstance(v, complex): line(d, 'UnsupportedExpr "complex numbers"', role)
        else: line(d, "BYTES?", role)
    elif T is ast.JoinedStr: line(d, 'UnsupportedExpr "f-strings"', role)
    elif T is ast.Name: line(d, "Name " + e.id, role)
    elif T is ast.UnaryOp:
        op = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not"}[type(e.op)]
        line(d, "Unary " + op, role); expr(e.operand, d + 1)
    elif T is ast.BinOp:
        op = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
              ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|",
              ast.BitXor: "^", ast.MatMult: "@"}[type(e.op)]
        line(d, "Binary " + op, role); expr(e.left, d + 1); expr(e.right, d + 1)
    elif T is ast.BoolOp:
        line(d, "BoolOp " + ("and" if isinstance(e.op, ast.And) else "or"), role)
        for v in e.values: expr(v, d + 1)
    elif T is ast.Compare:
        ops = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
               ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
        line(d, "Compare" + "".join(" " + ops[type(o)] for o in e.ops), role)
        expr(e.left, d + 1)
        for c in e.comparators: expr(c, d + 1)
    elif T is ast.IfExp:
        line(d, "IfExp", role); expr(e.test, d + 1, "test"); expr(e.body, d + 1, "body"); expr(e.orelse, d + 1, "else")
    elif T is ast.Call:
        line(d, "Call", role); expr(e.func, d + 1, "callee")
        for a in e.args: expr(a, d + 1)
        for k in e.keywords:
            if k.arg is None: line(d + 1, 'UnsupportedExpr "keyword argument unpacking"')
        for k in e.keywords:
            if k.arg is not None: expr(k.value, d + 1, "keyword " + k.arg)
    elif T is ast.Attribute:
        line(d, "Attribute " + e.attr, role); expr(e.value, d + 1)
    elif T is ast.Subscript:
        line(d, "Subscript", role); expr(e.value, d + 1, "value"); expr(e.slice, d + 1, "index")
    elif T is ast.Slice:
        line(d, "Slice", role)
        if e.lower: expr(e.lower, d + 1, "lower")
        if e.upper: expr(e.upper, d + 1, "upper")
        if e.step: expr(e.step, d + 1, "step")
    elif T in (ast.Tuple, ast.List, ast.Set):
        line(d, T.__name__, role)
        for x in e.elts: expr(x, d + 1)
    elif T is ast.Dict:
        line(d, "Dict", role)
        for k, v in zip(e.keys, e.values):
            if k is None: line(d + 1, 'UnsupportedExpr "dictionary unpacking"', "key")
            else: expr(k, d + 1, "key")
            expr(v, d + 1, "value")
    else:
        what = {ast.Lambda: "lambda expressions", ast.ListComp: "list comprehensions",
                ast.SetComp: "set comprehensions", ast.DictComp: "dict comprehensions",
                ast.GeneratorExp: "generator expressions", ast.NamedExpr: "walrus expressions",
                ast.Yield: "yield expressions", ast.YieldFrom: "yield expressions",
                ast.Await: "await expressions", ast.Starred: "starred expressions"}[T]
        line(d, 'UnsupportedExpr "%s"' % what, role)

def block(label, stmts, d):
    line(d, label)
    for s in stmts: stmt(s, d + 1)

def stmt(s, d):
    T = type(s)
    if T is ast.Expr: line(d, "ExprStmt"); expr(s.value, d + 1)
    elif T is ast.Assign:
        line(d, "Assign")
        for t in s.targets: expr(t, d + 1, "target")
        expr(s.value, d + 1, "value")
    elif T is ast.AnnAssign:
        line(d, "AnnAssign"); expr(s.target, d + 1, "target"); expr(s.annotation, d + 1, "annotation")
        if s.value: expr(s.value, d + 1, "value")
    elif T is ast.AugAssign:
        op = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
              ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|",
              ast.BitXor: "^", ast.MatMult: "@"}[type(s.op)]
        line(d, "AugAssign " + op + "="); expr(s.target, d + 1, "target"); expr(s.value, d + 1, "value")
    elif T in (ast.Pass, ast.Break, ast.Continue): line(d, T.__name__)
    elif T is ast.Return:
        line(d, "Return")
        if s.value: expr(s.value, d + 1)
    elif T in (ast.If, ast.While):
        line(d, T.__name__); expr(s.test, d + 1, "test"); block("Body", s.body, d + 1)
        if s.orelse: block("Else", s.orelse, d + 1)
    elif T is ast.For:
        line(d, "For"); expr(s.target, d + 1, "target"); expr(s.iter, d + 1, "iter"); block("Body", s.body, d + 1)
        if s.orelse: block("Else", s.orelse, d + 1)
    elif T is ast.FunctionDef:
        line(d, "FunctionDef " + s.name)
        for dec in s.decorator_list:
            n = dotted(dec)
            line(d + 1, "Decorator " + (n if n else ast.get_source_segment(SRC, dec)))
        a = s.args
        pos = a.posonlyargs + a.args
        defaults = [None] * (len(pos) - len(a.defaults)) + a.defaults
        for p, df in list(zip(pos, defaults)) + list(zip(a.kwonlyargs, a.kw_defaults)):
            line(d + 1, "Param " + p.arg)
            if p.annotation: expr(p.annotation, d + 2, "annotation")
            if df: expr(df, d + 2, "default")
        if s.returns: expr(s.returns, d + 1, "returns")
        block("Body", s.body, d + 1)
    elif T is ast.Global: line(d, "Global " + ", ".join(s.names))
    elif T is ast.Nonlocal: line(d, "Nonlocal " + ", ".join(s.names))
    elif T is ast.ImportFrom and s.module == "__future__" and s.level == 0: pass
    else:
        what = {ast.ClassDef: "class definitions", ast.Try: "try statements", ast.TryStar: "try statements",
                ast.With: "with statements", ast.Import: "import statements", ast.ImportFrom: "import statements",
                ast.Raise: "raise statements", ast.Assert: "assert statements", ast.Delete: "del statements",
                ast.AsyncFunctionDef: "async functions", ast.AsyncFor: "async for statements",
                ast.AsyncWith: "async with statements", ast.Match: "match statements",
                ast.TypeAlias: "type aliases"}[T]
        line(d, 'UnsupportedStmt "%s"' % what)

SRC = open(sys.argv[1], encoding="utf-8").read()
line(0, "Module")
for s in ast.parse(SRC).body: stmt(s, 1)
sys.stdout.write("\n".join(out) + "\n")
