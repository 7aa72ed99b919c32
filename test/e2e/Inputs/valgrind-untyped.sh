#!/usr/bin/env bash
# Strips every annotation from the programs in $1 (scripts/strip-annotations.py,
# as conformance-untyped.sh does) into $2/src, then runs them all under
# memcheck with valgrind-all.sh: dynamic code must release what it makes.
set -u
dir=$1; out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
rm -rf "$out"; mkdir -p "$out/src"
for src in "$dir"/*.roast; do
  ${PYTHON:-python3} "$root/scripts/strip-annotations.py" "$src" \
    > "$out/src/$(basename "$src")" || { echo "strip failed: $src"; exit 1; }
done
# Programs read their inputs (files, stdin) beside them.
for extra in "$dir"/*; do
  case $extra in *.roast|*.expected|*.status) ;; *) cp -r "$extra" "$out/src/" ;; esac
done
cd "$out/src" && bash "$here/valgrind-all.sh" "$out/src" "$out/bin"
