// RUN: roast-opt %s --roast-pipeline | mlir-translate --mlir-to-llvmir | FileCheck %s

// The whole lowering, roast IR as CodeGen emits it (a slot per local) to
// LLVM IR: the slots are gone, the checks are cold branches with
// `branch_weights`, and the raising runtime functions are noreturn + cold.

// CHECK-DAG: @roast_rt_stack_limit = external global ptr
// CHECK-DAG: @[[FILE:roast\.cstr\.[0-9]+]] = private unnamed_addr constant [10 x i8] c"fib.roast\00", align 1
// CHECK-DAG: @[[FN:roast\.cstr\.[0-9]+]] = private unnamed_addr constant [4 x i8] c"fib\00", align 1
// CHECK-DAG: @[[MSG:roast\.cstr\.[0-9]+]] = private unnamed_addr constant [17 x i8] c"integer overflow\00", align 1
// CHECK-DAG: @[[STR:roast\.str\.[0-9]+]] = private unnamed_addr constant { i64, i32, i32, i64, [6 x i8] } { i64 4611686018427387904, i32 1, i32 0, i64 5, [6 x i8] c"fib: \00" }, align 8
// CHECK-DAG: declare void @roast_rt_raise(i32, ptr, ptr, i32, ptr) #[[COLD:[0-9]+]]
// CHECK-DAG: declare void @roast_rt_raise_recursion(ptr, i32, ptr) #[[COLD]]

// CHECK-LABEL: define i64 @fib.fib(i64 %0)
// CHECK:         %[[SP:.*]] = call ptr @llvm.stacksave.p0()
// CHECK:         %[[LIMIT:.*]] = load ptr, ptr @roast_rt_stack_limit
// CHECK:         %[[LOW:.*]] = icmp ult ptr %[[SP]], %[[LIMIT]]
// CHECK:         br i1 %[[LOW]], label %[[RECERR:.*]], label %{{.*}}, !prof ![[UNLIKELY:[0-9]+]]
// CHECK-NOT:     alloca
// CHECK:         call { i64, i1 } @llvm.sadd.with.overflow.i64(
// CHECK:         br i1 %{{.*}}, label %{{.*}}, label %{{.*}}, !prof ![[UNLIKELY]]
// CHECK:       [[RECERR]]:
// CHECK-NEXT:    call void @roast_rt_raise_recursion(ptr @[[FILE]], i32 2, ptr @[[FN]])
// CHECK-NEXT:    br label
// CHECK:         phi i32 {{.*}}[ 5, %{{.*}} ]
// CHECK:         call void @roast_rt_raise(i32 %{{.*}}, ptr %{{.*}}, ptr %{{.*}}, i32 %{{.*}}, ptr @[[FN]])
// CHECK-NEXT:    br label
roast.func @fib.fib(%arg: i64) -> i64 {
  %n = roast.alloca "n" : !roast.ref<i64>
  roast.store %arg, %n : !roast.ref<i64>
  %v = roast.load %n : !roast.ref<i64>
  %c2 = arith.constant 2 : i64
  %small = roast.cmp lt, %v, %c2 : i64 loc("fib.roast":3:8)
  cf.cond_br %small, ^base, ^rec
^base:
  %b = roast.load %n : !roast.ref<i64>
  roast.return %b : i64
^rec:
  %v1 = roast.load %n : !roast.ref<i64>
  %c1 = arith.constant 1 : i64
  %a = roast.sub %v1, %c1 : i64 loc("fib.roast":5:16)
  %fa = roast.call @fib.fib(%a) : (i64) -> i64 loc("fib.roast":5:12)
  %v2 = roast.load %n : !roast.ref<i64>
  %d = roast.sub %v2, %c2 : i64 loc("fib.roast":5:29)
  %fd = roast.call @fib.fib(%d) : (i64) -> i64 loc("fib.roast":5:25)
  %r = roast.add %fa, %fd : i64 loc("fib.roast":5:12)
  roast.return %r : i64
} loc("fib.roast":2:1)

// CHECK-LABEL: define void @roast_module_init()
// CHECK-NEXT:    %[[F:.*]] = call i64 @fib.fib(i64 30)
// A call that may raise is followed by a test of the pending exception.
// CHECK-NEXT:    %[[EXC:.*]] = load ptr, ptr @roast_rt_exception
// CHECK-NEXT:    %[[RAISED:.*]] = icmp ne ptr %[[EXC]], null
// CHECK-NEXT:    br i1 %[[RAISED]], label %{{.*}}, label %{{.*}}, !prof
// CHECK:         call void @roast_rt_print_str(ptr @[[STR]])
// CHECK-NEXT:    call void @roast_rt_print_cstr(
// CHECK-NEXT:    call void @roast_rt_print_int(i64 %[[F]])
// CHECK-NEXT:    call void @roast_rt_print_cstr(
// CHECK-NEXT:    ret void
roast.func @roast_module_init() {
  %label = roast.string "fib: "
  %c30 = arith.constant 30 : i64
  %f = roast.call @fib.fib(%c30) : (i64) -> i64 loc("fib.roast":9:11)
  roast.print %label, %f : !roast.str, i64 loc("fib.roast":9:5)
  roast.return
}

// CHECK: attributes #[[COLD]] = { cold }
// CHECK: ![[UNLIKELY]] = !{!"branch_weights", i32 1, i32 2000}
