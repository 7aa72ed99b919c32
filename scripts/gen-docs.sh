#!/usr/bin/env bash
# Regenerates docs/dialect/*.md from the ODS definitions (the test suite
# fails when the committed copies are stale).
set -euo pipefail
cd "$(dirname "$0")/.."
tblgen=/usr/lib/llvm-22/bin/mlir-tblgen
inc=(-I include -I /usr/lib/llvm-22/include)
out=${1:-docs/dialect}
mkdir -p "$out"
$tblgen -gen-dialect-doc -dialect=roast "${inc[@]}" \
  include/Roast/Dialect/Roast/IR/RoastOps.td -o "$out/RoastDialect.md"
$tblgen -gen-pass-doc "${inc[@]}" \
  include/Roast/Dialect/Roast/Transforms/Passes.td -o "$out/RoastPasses.md"
$tblgen -gen-pass-doc "${inc[@]}" \
  include/Roast/Conversion/Passes.td -o "$out/ConversionPasses.md"
