#!/usr/bin/env bash
# Runs the shared conformance corpus with every annotation stripped
# (scripts/strip-annotations.py): each program, and the modules beside it, is
# stripped into a scratch copy of the corpus, and the corpus's own run.sh runs
# that copy, so the checks are exactly those of the typed run: stdout must
# equal NAME.expected; with NAME.status, the exit code must equal its line 1
# and the last stderr line must start with its line 2 (a message, no line
# numbers, so stripping, which renumbers lines, changes nothing there).
#
# Prints "PASS NAME" or "FAIL NAME: why" per program, then "N passed, M failed".
#
# usage: conformance-untyped.sh [-v] [-k PATTERN] [--keep-annotations]
#                               [--must-pass FILE] [ROASTC [DIR]]
#   ROASTC defaults to build/bin/roastc, DIR to ../shared/conformance (both
#   from the project root). -v shows diffs and stderr of failures; -k runs
#   only names containing PATTERN; --keep-annotations only round-trips the
#   programs through ast.unparse (tells the tool's problems from stripping's).
#   --must-pass FILE: exit 1 when a program listed there fails (and print
#   "REGRESSION: ..."), else 0; without it, exit 1 when any program fails.
#   PYTHON (default python3) runs the stripper; TIMEOUT and RUN_MODE are
#   passed to run.sh.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runargs=(); keep=(); must_pass=""
while [ $# -gt 0 ]; do
  case $1 in
    -v) runargs+=(-v); shift ;;
    -k) runargs+=(-k "$2"); shift 2 ;;
    --keep-annotations) keep=(--keep-annotations); shift ;;
    --must-pass) must_pass=$2; shift 2 ;;
    -*) echo "conformance-untyped.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
roastc=${1:-$root/build/bin/roastc}
dir=${2:-$root/../shared/conformance}
[ -x "$roastc" ] || { echo "conformance-untyped.sh: roastc not found at $roastc" >&2; exit 2; }
[ -f "$dir/run.sh" ] || { echo "conformance-untyped.sh: no conformance corpus at $dir" >&2; exit 2; }
roastc=$(cd "$(dirname "$roastc")" && pwd)/$(basename "$roastc")
python=${PYTHON:-python3}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
mkdir "$corpus"
cp "$dir/run.sh" "$corpus/"
for f in "$dir"/*; do
  case $f in
    *.roast|*/run.sh) ;;
    *) [ -f "$f" ] && cp "$f" "$corpus/" ;;
  esac
done
declare -A strip_failed=()
for src in "$dir"/*.roast; do
  name=$(basename "$src" .roast)
  if ! "$python" "$root/scripts/strip-annotations.py" "${keep[@]}" "$src" \
         -o "$corpus/$name.roast" 2>"$work/strip.err"; then
    strip_failed[$name]=$(grep -v '^[[:space:]]*$' "$work/strip.err" | tail -n 1)
    rm -f "$corpus/$name.roast"
  else
    cat "$work/strip.err" >&2  # notes: fields declared only in a class body
  fi
done

bash "$corpus/run.sh" "${runargs[@]}" "$roastc" >"$work/log" 2>&1
pattern=""
for ((i = 0; i < ${#runargs[@]}; i++)); do
  [ "${runargs[$i]}" = -k ] && pattern=${runargs[$((i + 1))]}
done

pass=0; fail=0
declare -A failed=()
for src in "$dir"/[0-9]*.roast; do
  name=$(basename "$src" .roast)
  [ -n "$pattern" ] && [[ $name != *$pattern* ]] && continue
  if [ -n "${strip_failed[$name]+x}" ]; then
    line="FAIL $name: strip-annotations failed: ${strip_failed[$name]}"
  else
    line=$(grep -m 1 "^FAIL $name:" "$work/log")
  fi
  if [ -n "$line" ]; then
    echo "$line"; fail=$((fail + 1)); failed[$name]=1
    if [ ${#runargs[@]} -gt 0 ] && [ "${runargs[0]}" = -v ]; then
      # run.sh -v prints the diff and stderr right after the FAIL line.
      awk -v n="FAIL $name:" 'index($0, n) == 1 {on = 1; next}
        /^(FAIL [^ ]+:|[0-9]+ passed, [0-9]+ failed$)/ {on = 0} on' "$work/log"
    fi
  else
    echo "PASS $name"; pass=$((pass + 1))
  fi
done
echo "$pass passed, $fail failed"

if [ -n "$must_pass" ]; then
  status=0
  while read -r name; do
    case $name in ''|'#'*) continue ;; esac
    if [ -n "${failed[$name]+x}" ]; then
      echo "REGRESSION: $name is in $(basename "$must_pass") but failed"
      status=1
    fi
  done <"$must_pass"
  exit $status
fi
[ $fail = 0 ]
