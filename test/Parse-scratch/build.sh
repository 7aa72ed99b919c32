#!/bin/sh
# Scratch build of the parser driver; MODE=asan adds sanitizers.
set -e
cd "$(dirname "$0")"
FLAGS="-std=c++17 -fno-rtti -fno-exceptions -Wall -Wextra -Wno-unused-parameter $(/usr/lib/llvm-22/bin/llvm-config --cxxflags) -I ../../include"
LIBS="$(/usr/lib/llvm-22/bin/llvm-config --ldflags) -lLLVM"
if [ "$MODE" = asan ]; then
  OUT=driver-asan; EXTRA="-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all"
else
  OUT=driver; EXTRA="-g -O2"
fi
clang++-22 $FLAGS $EXTRA driver.cpp ../../lib/Parse/Lexer.cpp ../../lib/Parse/Parser.cpp ../../lib/AST/AST.cpp -o $OUT $LIBS
