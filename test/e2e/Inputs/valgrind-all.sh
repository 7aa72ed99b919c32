#!/usr/bin/env bash
# Builds every e2e program in $1 into $2 and runs it under valgrind's
# memcheck: no invalid access and no definitely-lost block, or the name of
# the program and valgrind's report.
set -u
dir=$1; out=$2
mkdir -p "$out"
status=0
for src in "$dir"/*.roast; do
  name=$(basename "$src" .roast)
  roastc build "$src" -o "$out/$name" || { echo "build failed: $name"; status=1; continue; }
  # A program may end with an uncaught exception (status 1) on purpose;
  # only valgrind's own status, 9, is a failure.
  env ROAST_SYSTEM_MALLOC=1 valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite \
    --error-exitcode=9 "$out/$name" >/dev/null 2>"$out/$name.vg"
  if [ $? -eq 9 ]; then
    echo "memcheck failed: $name"; cat "$out/$name.vg"; status=1
  fi
done
echo "checked $(ls "$dir"/*.roast | wc -l) programs"
exit $status
