#!/usr/bin/env bash
# Runs the shared conformance corpus, prints its "N passed, M failed" line,
# and fails if any program listed in test/conformance-must-pass.txt failed.
set -uo pipefail
roastc=$1; dir=$2
here=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
bash "$dir/run.sh" "$roastc" >"$log" 2>&1
score=$(tail -n 1 "$log")
echo "conformance: $score"
status=0
while read -r name; do
  case $name in ''|'#'*) continue ;; esac
  if grep -q "^FAIL $name:" "$log"; then
    echo "conformance: REGRESSION: $(grep "^FAIL $name:" "$log")"
    status=1
  fi
done <"$here/test/conformance-must-pass.txt"
rm -f "$log"
exit $status
