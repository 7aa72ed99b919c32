//===- RoastFileOps.td - Text files ------------------------*- tablegen -*-===//
//
// open() and the methods of the file objects it returns, plus sys.stdout
// and sys.stderr. A file is a reference-counted object (`!roast.file`);
// releasing the last reference closes it (docs/rationale/files.md).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTFILEOPS_TD
#define ROAST_DIALECT_ROAST_IR_ROASTFILEOPS_TD

def Roast_FileOpenOp : Roast_Op<"file_open", [Roast_MayRaise]> {
  let summary = "open(path, mode): a new text file";
  let description = [{
    Opens the file at `path` in text mode `mode` ("r", "w", "a", "x", each
    with an optional "t"). Raises CPython's errors: `ValueError` for a bad
    mode, `FileNotFoundError: [Errno 2] No such file or directory: 'x'`,
    `PermissionError`, `IsADirectoryError` and the other `OSError`s.

    ```mlir
    %f = roast.file_open %path, %mode
    ```
  }];
  let arguments = (ins Roast_StrType:$path, Roast_StrType:$mode);
  let results = (outs Roast_FileType:$file);
  let assemblyFormat = "$path `,` $mode attr-dict";
}

def Roast_FileMethod : I32EnumAttr<"FileMethod", "a method of a text file", [
    I32EnumAttrCase<"read", 0>, I32EnumAttrCase<"readline", 1>,
    I32EnumAttrCase<"readlines", 2>, I32EnumAttrCase<"write", 3>]> {
  let cppNamespace = "::roast";
}

def Roast_FileMethodOp : Roast_Op<"file_method", [Roast_MayRaise]> {
  let summary = "read from or write to a text file";
  let description = [{
    `f.read()` and `f.readline()` give a str (`""` at the end of the file),
    `f.readlines()` a list of the remaining lines (each keeps its `"\n"`),
    `f.write(s)` the number of code points written. On a closed file they
    raise `ValueError: I/O operation on closed file.`; reading a file open
    for writing (or the reverse) raises `io.UnsupportedOperation`. The
    verifier checks each method's operands and result.

    ```mlir
    %text = roast.file_method read(%f) : (!roast.file) -> !roast.str
    %n = roast.file_method write(%f, %s) : (!roast.file, !roast.str) -> i64
    ```
  }];
  let arguments = (ins Roast_FileMethod:$method, Variadic<AnyType>:$operands);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $method `(` $operands `)` attr-dict `:` functional-type($operands, $result)
  }];
  let hasVerifier = 1;
}

def Roast_FileCloseOp : Roast_Op<"file_close"> {
  let summary = "f.close()";
  let description = [{
    Flushes and closes the file; closing a closed file does nothing. The
    object lives on until its last reference goes. A `with` statement over
    a file ends with this op on every way out of its body.

    ```mlir
    roast.file_close %f
    ```
  }];
  let arguments = (ins Roast_FileType:$file);
  let assemblyFormat = "$file attr-dict";
}

def Roast_StdStream : I32EnumAttr<"StdStream", "a standard stream", [
    I32EnumAttrCase<"stdout", 1>, I32EnumAttrCase<"stderr", 2>]> {
  let cppNamespace = "::roast";
}

def Roast_StdStreamOp : Roast_Op<"std_stream", [Pure]> {
  let summary = "sys.stdout or sys.stderr";
  let description = [{
    The program's standard output or error stream as a file (an immortal
    object, so retain and release do nothing to it). Writes to `stdout` go
    through `print`'s buffer; writes to `stderr` flush it first.

    ```mlir
    %out = roast.std_stream stdout
    ```
  }];
  let arguments = (ins Roast_StdStream:$stream);
  let results = (outs Roast_FileType:$file);
  let assemblyFormat = "$stream attr-dict";
}

#endif // ROAST_DIALECT_ROAST_IR_ROASTFILEOPS_TD
