#!/usr/bin/env bash
# For each line "PREFIX|CALL|WANT" of $2 (after a shared PREFIX line, the
# first line of the file), compiles a program doing `PREFIX` then
# `print(CALL)` into $3 and checks it exits 1 with WANT as stderr's last
# line; prints one line per case, "MISMATCH" on a failure.
set -u
prefix=$(head -n 1 "$1")
tail -n +2 "$1" | while IFS='|' read -r call want; do
  printf '%s\nprint(%s)\n' "$prefix" "$call" > "$2.roast"
  roastc build "$2.roast" -o "$2.exe" || { echo "MISMATCH (build): $call"; continue; }
  "$2.exe" > /dev/null 2> "$2.err"; status=$?
  last=$(tail -n 1 "$2.err")
  echo "$call -> $status $last"
  if [ "$status" != 1 ] || [ "$last" != "$want" ]; then echo "MISMATCH: $call"; fi
done
