#!/usr/bin/env python3
"""Generate format_expectations.inc, the CPython results of format(value, spec)
that format_tests.c checks the runtime's roast_rt_format_*_spec against.

Run with CPython 3.12 (the oracle) from this directory:
    PYENV_VERSION=3.12.1 python3 gen_format_expectations.py > format_expectations.inc

The specs are every option of the mini-language
    [[fill]align][sign][z][#][0][width][grouping][.precision][type]
sampled at random (fixed seed) from the product of the options, plus
hand-picked ones; each is applied to every value of its type.  A spec that
CPython rejects whatever the value goes into error_cases once; results that
depend on the value ('c' of an int out of range) are NONE in the result
matrix and each is in error_cases.  Where Roast deliberately differs from
CPython the expectation follows Roast, and the difference is listed in a
comment at the end of the output."""

import math
import random
import sys

INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


def utf8(s):
    return s.encode("utf-8", "surrogatepass")


def c_str(s):
    """A C string literal for the UTF-8 of s.  Printable non-ASCII characters
    are written as themselves (the file is UTF-8, as is the compilers'
    execution character set), other non-ASCII ones as octal escapes, which
    never run into a following digit; '?' is escaped against trigraphs."""
    out = []
    for ch in s:
        if ch in '"\\?':
            out.append("\\" + ch)
        elif " " <= ch < "\x7f" or (ch > "\x7f" and ch.isprintable()):
            out.append(ch)
        else:
            out.extend("\\%03o" % byte for byte in utf8(ch))
    return '"' + "".join(out) + '"'


def S(s):
    return "S(%s)" % c_str(s)


def T(s):
    """A TStr, or NONE for an error."""
    return "NONE" if s is None else S(s)


def i64(v):
    if v == INT64_MIN:
        return "INT64_MIN"
    return "INT64_C(%d)" % v


def c_double(x):
    """An exact C literal for x: hex floats for finite values."""
    if math.isnan(x):
        return "-NAN" if math.copysign(1.0, x) < 0 else "NAN"
    if math.isinf(x):
        return "-INFINITY" if x < 0 else "INFINITY"
    return x.hex()


def emit_rows(name, ctype, rows, per_line=1):
    print("static const %s %s[] = {" % (ctype, name))
    for k in range(0, len(rows), per_line):
        print("    " + " ".join(r + "," for r in rows[k:k + per_line]))
    print("};\n")


def outcome(value, spec):
    """(result, None) or (None, "ErrorType: message")."""
    try:
        return format(value, spec), None
    except Exception as e:
        return None, "%s: %s" % (type(e).__name__, e) if str(e) else type(e).__name__


differences = []

INT_VALUES = [0, 1, -1, 5, -5, 7, 42, -42, 65, 233, 255, -255, 1000, 1234, -1234, 65535, 99999,
              0xD800, 0x1F600, 0x10FFFF, 0x110000, 123456789, -987654321, 2**31, 2**53 + 1,
              -(2**53 + 1), 10**15, 10**18, INT64_MAX, INT64_MIN, INT64_MIN + 1]
FLOAT_VALUES = [0.0, -0.0, 0.1, -0.1, 0.5, 1.0, -1.0, 1.5, 2.5, -2.5, 0.125, 3.141592653589793,
                -2 / 3, 123456.789, -123456.789, 1234567.0, 1e15, 1e16, 9999999999999998.0,
                1e-05, 0.0001, 0.00012345, 9.5, 99.5, 0.05, 0.0005, -0.0004, -0.0005, 999999.5,
                0.9999995, 1e22, 1e100, -1e-100, 2.0**63, 1.7976931348623157e308,
                2.2250738585072014e-308, 5e-324, -5e-324, 4.35, 100.0,
                float("nan"), -float("nan"), float("inf"), float("-inf")]
STR_VALUES = ["", "a", "abc", "hello world", "héllo", "日本語", "😀", "a😀b", "ab\0cd",
              "x" * 30, "éééééabc", "\ud800z"]
BOOL_VALUES = [False, True]

# The options, each with "" (absent) first.
FILL_ALIGN = ["", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0<", "0>", "0^", "0=", "→<",
              "→>", "→^", "→=", "\0>", " ^", "><", "=^", "<=", "😀>", "é^"]
SIGNS = ["", "+", "-", " "]
ZS = ["", "z"]
ALTS = ["", "#"]
ZEROS = ["", "0"]
WIDTHS = ["", "0", "1", "3", "6", "10", "16", "25"]
GROUPINGS = ["", ",", "_"]
PRECISIONS = ["", ".0", ".1", ".2", ".3", ".6", ".10", ".17", ".20"]
INT_TYPES = ["", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%"]
FLOAT_TYPES = ["", "e", "E", "f", "F", "g", "G", "n", "%"]
STR_TYPES = ["", "s"]
BAD_TYPES = ["s", "d", "f", "c", "x", "r", "a", "i", "é", " ", "\x01"]


def random_spec(rng, types, numeric=True):
    """A spec with each option absent or one of its values at random.  Sign,
    z and # are rarer for str, which rejects them all."""
    def pick(options, p_absent):
        return "" if rng.random() < p_absent else rng.choice(options[1:])
    rare = 0.6 if numeric else 0.95
    type_ = rng.choice(BAD_TYPES) if rng.random() < 0.08 else rng.choice(types)
    return (pick(FILL_ALIGN, 0.4) + pick(SIGNS, rare) + pick(ZS, max(rare, 0.8)) +
            pick(ALTS, max(rare, 0.7)) + pick(ZEROS, 0.75) + pick(WIDTHS, 0.35) +
            pick(GROUPINGS, 0.7 if numeric else 0.9) + pick(PRECISIONS, 0.5) + type_)


# Hand-picked specs, valid and not, tried on every type.
COMMON_SPECS = [
    "", "<", ">", "^", "=", "5", "05", "010", "+", "-", " ", "z", "#", ",", "_", ".0", ".3",
    "10.3", ">10", "<10", "^10", "^11", "=10", "*^11", "→>8", "😀<6", "\0>4", "0<8", "0^9",
    "0=9", "09,", "08,", "010,", "011_", "0=12,", "+010,", " 012_", "=+10", "x^+#12",
    "<<5", ">>5", "^^", "==", ">=", "=<", ",>", "5>", "0>5", "00", "000", "0010",
    # Invalid: malformed, conflicting or unknown.
    ",,", ",_", "_,", ",,d", "_,d", ".", ".f", "10.", "5.2.1", ".2fx", "1.1.1", "x", "xx",
    "<<<", "é", "éé", "\x01", "\x7f", "}", "{", ">z5", "z#0", "#z", "+-", "++", "5 ", " 5 ",
    "9999999999999999999", "99999999999999999999", ".99999999999999999999",
    "9223372036854775808", ".9223372036854775808", ".2147483648", ".2147483648f", ".2147483648e",
    ".2147483648%", ".2147483648s", ".2147483647s",
]
INT_SPECS = COMMON_SPECS + [
    "d", "b", "o", "x", "X", "c", "n", "#b", "#o", "#x", "#X", "#d", "#n", "_b", "_o", "_x", "_X",
    "#_b", "#_x", "#010b", "#010x", "#012_X", ",d", "_d", ",b", ",o", ",x", ",X", ",c", "_c", ",n",
    "_n", "^5c", "=5c", "05c", "+c", "-c", " c", "#c", ".2c", "zc", ",e", "_f", ".2f", "z.1f",
    "+.3e", ".0%", ",.2f", "_g", "#g", ".30f", ".60e", "=+20,.2f", "s", "r", "z", "zd", ".3",
    ".3d",
]
FLOAT_SPECS = COMMON_SPECS + [
    "e", "E", "f", "F", "g", "G", "n", "%", ".0e", ".0f", ".0g", ".0%", ".1", ".2", ".16", ".17",
    "#", "#.0", "#.0e", "#.0f", "#.0g", "#.3g", "#g", "#.1", "#.0%", "z", "z.0f", "z.1f", "z.3",
    "z.0e", "z.2%", "+z.0f", " z", "z=+10.1f", ",", "_", ",.2f", "_.3f", ",e", ",g", ",%", ",n",
    "_n", ",d", "d", "x", "s", "c", "b", ".25f", ".40g", ".30e", ".100g", "020,.2f", "0=+20_.4e",
    "010", "010%", "+010", "=10", "^11.2%", "→=12.3E", ".2F", ".2G", ".3n", "n", ",.0f",
]
STR_SPECS = COMMON_SPECS + [
    "s", "5s", "<5s", ">5s", "^5s", "^6s", "*^7s", "→>9s", ".1s", ".2", ".0", ".10", "10.2",
    "^9.3", "05s", "0=5", "=5", "+s", "-s", " s", "zs", "#s", ",s", "_s", ",", "_", "d", "f",
    "c", "r", ".2147483647", "9999999999999999999",
]

rng = random.Random(20240612)
INT_SPECS += [random_spec(rng, INT_TYPES) for _ in range(900)]
FLOAT_SPECS += [random_spec(rng, FLOAT_TYPES) for _ in range(1100)]
STR_SPECS += [random_spec(rng, STR_TYPES, numeric=False) for _ in range(700)]
BOOL_SPECS = COMMON_SPECS + ["d", "c", "s", "f", ".2f", "#x", "%", ">5", "^7", "n", "b"] + \
    [random_spec(rng, INT_TYPES) for _ in range(150)]


def dedupe(specs):
    seen, out = set(), []
    for s in specs:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


print("/* format_expectations.inc - CPython %s results checked by format_tests.c." %
      sys.version.split()[0])
print(" * Generated by gen_format_expectations.py; do not edit. */\n")

error_rows = []  # (kind, value, spec, error)


def value_field(kind, v):
    """The value columns of an ErrorCase: int, double, str."""
    if kind == "K_FLOAT":
        return "0, %s, NONE" % c_double(v)
    if kind == "K_STR":
        return "0, 0, %s" % S(v)
    return "%s, 0, NONE" % i64(int(v))


def matrix(kind, name, values, specs):
    """Results of every spec on every value; specs that fail for every value
    with one error are left out of the matrix and checked once."""
    kept, results = [], []
    for spec in dedupe(specs):
        outs = [outcome(v, spec) for v in values]
        errors = {err for _, err in outs}
        if len(errors) == 1 and None not in errors:
            error_rows.append((kind, values[len(values) // 2], spec, outs[0][1]))
            continue
        kept.append(spec)
        for v, (res, err) in zip(values, outs):
            results.append(T(res))
            if err is not None:
                error_rows.append((kind, v, spec, err))
    emit_rows(name + "_specs", "TStr", [S(s) for s in kept], 4)
    emit_rows(name + "_results", "TStr", results, len(values))


emit_rows("int_values", "int64_t", [i64(v) for v in INT_VALUES], 4)
emit_rows("float_values", "double", [c_double(v) for v in FLOAT_VALUES], 4)
emit_rows("str_values", "TStr", [S(v) for v in STR_VALUES], 4)
emit_rows("bool_values", "bool", ["true" if v else "false" for v in BOOL_VALUES], 4)
matrix("K_INT", "int", INT_VALUES, INT_SPECS)
matrix("K_FLOAT", "float", FLOAT_VALUES, FLOAT_SPECS)
matrix("K_STR", "str", STR_VALUES, STR_SPECS)
matrix("K_BOOL", "bool", BOOL_VALUES, BOOL_SPECS)

# Long outputs on chosen values only: precisions around the most digits a
# double has (767 significant, 1074 after the point), wide padding.
LONG_FLOAT = [
    (5e-324, ".1074f"), (5e-324, ".1075f"), (5e-324, ".1100f"), (5e-324, ".1200f"),
    (5e-324, ".766e"), (5e-324, ".767e"), (5e-324, ".800e"), (5e-324, ".900g"),
    (2.2250738585072014e-308, ".1100g"), (2.2250738585072014e-308, "#.1100g"),
    (1.7976931348623157e308, ".1f"), (1.7976931348623157e308, ",.3f"),
    (1.7976931348623157e308, "_.800e"), (1.7976931348623157e308, "%"), (1e308, ".2%"),
    (0.1, ".60f"), (0.1, ".1000f"), (1 / 3, "#.500"), (-1e-300, "z.2f"), (-1e-300, ".320f"),
    (123.456, "→^300,.3f"), (1e16, "0=400,"), (2.0**-1074, "e"), (2.0**-1022, ".17g"),
]
emit_rows("long_float_cases", "FloatCase",
          ["{%s, %s, %s}" % (c_double(v), S(s), S(format(v, s))) for v, s in LONG_FLOAT])
LONG_STR = [("héllo wörld " * 20, ">300"), ("日本語" * 100, ".250"), ("😀" * 50, "→^201.150"),
            ("abc" * 200, "_<700"), ("", "9000")]
emit_rows("long_str_cases", "StrCase",
          ["{%s, %s, %s}" % (S(v), S(s), S(format(v, s))) for v, s in LONG_STR])

# Width and precision digits: CPython reads any Unicode decimal digit, Roast
# only ASCII ones (as in int()), so a non-ASCII digit is the type or extra text.
ROAST_DIFF = [
    ("K_INT", 5, "٣", "ValueError: Unknown format code '\\x663' for object of type 'int'"),
    ("K_INT", 5, "٣d", "ValueError: Invalid format specifier '٣d' for object of type 'int'"),
    ("K_FLOAT", 1.5, ".٣f", "ValueError: Format specifier missing precision"),
    ("K_STR", "ab", "١٠", "ValueError: Invalid format specifier '١٠' for object of type 'str'"),
]
for kind, v, spec, err in ROAST_DIFF:
    res, cpy_err = outcome(v, spec)
    differences.append("format(%r, %r): %s (CPython %r)" %
                       (v, spec, err, res if cpy_err is None else cpy_err))
    error_rows.append((kind, v, spec, err))

# Run-time error messages are C strings, so a NUL in a spec that the
# message quotes ends the message there.
error_rows.append(("K_INT", 5, "\0>5xx", "ValueError: Invalid format specifier '\0>5xx' for "
                   "object of type 'int'"))
for k, (kind, v, spec, err) in enumerate(error_rows):
    if "\0" in err:
        differences.append("format(%r, %r): %r (CPython %r)" % (v, spec, err.split("\0")[0], err))
        error_rows[k] = (kind, v, spec, err.split("\0")[0])

emit_rows("error_cases", "ErrorCase",
          ["{%s, %s, %s, %s}" % (kind, value_field(kind, v), S(spec), c_str(err))
           for kind, v, spec, err in error_rows])

print("/* Where Roast deliberately differs from CPython (expectations above follow Roast):")
for d in differences:
    print(" *   " + d.encode("ascii", "backslashreplace").decode().replace("*/", "* /"))
print(" */")
