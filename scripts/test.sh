#!/usr/bin/env bash
# Fresh-machine test run: install, build, run the lit suite and the shared
# conformance programs. Fails if a lit test fails or a conformance program
# listed in test/conformance-must-pass.txt regresses.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh

status=0
/usr/lib/llvm-22/bin/lit -sv build/test || status=1

shared=../shared/conformance
if [ -d "$shared" ]; then
  ./scripts/conformance.sh build/bin/roastc "$shared" || status=1
else
  echo "test.sh: $shared not found; conformance programs skipped"
fi
exit $status
