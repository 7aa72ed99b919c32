// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// open() and the methods that may raise are runtime calls that pass the
// source location and test for an exception; close and the standard
// streams are plain calls. A file is a pointer to a counted object: its
// release is the inline test that deallocates at zero.
// CHECK-LABEL: func.func @m.files(
// CHECK-SAME:      %[[PATH:.*]]: !llvm.ptr, %[[MODE:.*]]: !llvm.ptr) -> i64
// CHECK:         %[[F:.*]] = llvm.call @roast_rt_file_open(%[[PATH]], %[[MODE]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
// CHECK:         %[[TEXT:.*]] = llvm.call @roast_rt_file_read(%[[F]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         llvm.call @roast_rt_file_readline(%[[F]],
// CHECK:         llvm.call @roast_rt_file_readlines(%[[F]],
// CHECK:         %[[N:.*]] = llvm.call @roast_rt_file_write(%[[F]], %[[TEXT]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         llvm.call @roast_rt_file_close(%[[F]]) : (!llvm.ptr) -> ()
// CHECK-NOT:     roast_rt_exception
// CHECK:         llvm.call @roast_rt_dealloc(%[[F]])
roast.func @m.files(%path: !roast.str, %mode: !roast.str) -> i64 {
  %f = roast.file_open %path, %mode
  %text = roast.file_method read(%f) : (!roast.file) -> !roast.str
  %line = roast.file_method readline(%f) : (!roast.file) -> !roast.str
  %lines = roast.file_method readlines(%f) : (!roast.file) -> !roast.list<!roast.str>
  %n = roast.file_method write(%f, %text) : (!roast.file, !roast.str) -> i64
  roast.file_close %f
  roast.release %f : !roast.file
  roast.return %n : i64
}

// -----

// sys.stderr is the runtime's immortal stream 2; print(..., file=f) opens
// with a call that may raise (a closed f) and ends by restoring stdout.
// CHECK-LABEL: func.func @m.to_stderr(
// CHECK:         %[[TWO:.*]] = arith.constant 2 : i32
// CHECK:         %[[ERR:.*]] = llvm.call @roast_rt_std_stream(%[[TWO]]) : (i32) -> !llvm.ptr
// CHECK:         llvm.call @roast_rt_print_begin(%[[ERR]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
// CHECK:         llvm.call @roast_rt_print_str(
// CHECK:         llvm.call @roast_rt_print_cstr(
// CHECK:         llvm.call @roast_rt_print_end() : () -> ()
roast.func @m.to_stderr(%s: !roast.str) {
  %err = roast.std_stream stderr
  roast.print %s file %err : !roast.str
  roast.return
}
