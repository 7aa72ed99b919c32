// RUN: roast-opt %s | roast-opt | FileCheck %s

// Round trip of the text file ops and print's file operand.

// CHECK-LABEL: roast.func @m.files(
// CHECK:         %[[F:.*]] = roast.file_open %{{.*}}, %{{.*}}{{$}}
// CHECK:         roast.file_method read(%[[F]]) : (!roast.file) -> !roast.str
// CHECK:         roast.file_method readline(%[[F]]) : (!roast.file) -> !roast.str
// CHECK:         roast.file_method readlines(%[[F]]) : (!roast.file) -> !roast.list<!roast.str>
// CHECK:         roast.file_method write(%[[F]], %{{.*}}) : (!roast.file, !roast.str) -> i64
// CHECK:         roast.file_close %[[F]]{{$}}
// CHECK:         %[[ERR:.*]] = roast.std_stream stderr{{$}}
// CHECK:         roast.std_stream stdout{{$}}
// CHECK:         roast.print %{{.*}} file %[[ERR]] : !roast.str
// CHECK:         roast.release %[[F]] : !roast.file
roast.func @m.files(%path: !roast.str, %mode: !roast.str) -> i64 {
  %f = roast.file_open %path, %mode
  %text = roast.file_method read(%f) : (!roast.file) -> !roast.str
  %line = roast.file_method readline(%f) : (!roast.file) -> !roast.str
  %lines = roast.file_method readlines(%f) : (!roast.file) -> !roast.list<!roast.str>
  %n = roast.file_method write(%f, %text) : (!roast.file, !roast.str) -> i64
  roast.file_close %f
  %err = roast.std_stream stderr
  %out = roast.std_stream stdout
  roast.print %line file %err : !roast.str
  roast.release %f : !roast.file
  roast.return %n : i64
}
