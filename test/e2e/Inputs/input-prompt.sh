#!/usr/bin/env bash
# Runs the command "$@" on two named pipes and answers its prompt (text up
# to a '?') only once the prompt has arrived: a prompt left in the program's
# stdout buffer times the read out instead.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/in" "$dir/out"
"$@" < "$dir/in" > "$dir/out" &
pid=$!
# The same order as the program's opens (stdin, then stdout), so neither waits.
exec 3> "$dir/in" 4< "$dir/out"
if ! IFS= read -r -d '?' -t 10 prompt <&4; then
  echo "no prompt within 10 s: '$prompt'"
  kill "$pid"
  exit 1
fi
echo "prompt: ${prompt//$'\n'/|}?"
echo "Ada" >&3
exec 3>&-
IFS= read -r -t 10 reply <&4
echo "reply: $reply"
wait "$pid"
echo "status $?"
