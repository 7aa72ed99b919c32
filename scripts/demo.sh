#!/usr/bin/env bash
# Fresh-machine demo: install, build, compile examples/fib.roast natively, run it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
build/bin/roastc build --native examples/fib.roast -o build/fib
build/fib
