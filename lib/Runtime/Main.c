/* Main.c - program start-up: runs module code on a big stack and sets the recursion limit. */
/* MAP_ANONYMOUS, MAP_NORESERVE and MAP_STACK are not POSIX.  (LLVM's CMake
 * flags already pass -D_GNU_SOURCE; do not redefine it.) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "Roast/Runtime/Runtime.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
#ifndef MAP_STACK
#define MAP_STACK 0
#endif

/* NULL until roast_rt_main sets it, so code run outside it (unit tests)
 * never trips the check.  A plain global, not thread-local, because
 * generated code loads it on every recursive call and only one thread runs
 * Roast code for now. */
char *roast_rt_stack_limit = NULL;

/* For sys.argv. */
static int saved_argc;
static char **saved_argv;

/* Deep recursion is common in Python programs, and the RecursionError check
 * is by stack address rather than by frame count, so give module code far
 * more stack than the usual 8 MiB.  It is only reserved, not committed:
 * pages cost memory only once touched. */
enum {
  STACK_SIZE = 512 * 1024 * 1024,
  /* Room left below the limit for the frame that notices the overflow and
   * for roast_rt_raise and the stdio calls it makes. */
  SAFETY_MARGIN = 1024 * 1024,
  /* Inaccessible pages at the very bottom: a non-recursive call chain that
   * overruns the margin faults instead of scribbling on other memory. */
  GUARD_SIZE = 64 * 1024,
};

struct ModuleThread {
  void (*init)(void); /* passed in a struct: a function pointer is not a void * */
};

static void *run_module(void *arg) {
  ((struct ModuleThread *)arg)->init();
  return NULL;
}

/* Run init on a new thread whose stack we allocate ourselves, so its exact
 * bounds are known without platform-specific pthread queries.  Returns
 * false, having run nothing, if the stack or thread cannot be created. */
static bool run_on_big_stack(void (*init)(void)) {
  void *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (stack == MAP_FAILED)
    return false;
  mprotect(stack, GUARD_SIZE, PROT_NONE); /* best effort */

  pthread_attr_t attr;
  pthread_t thread;
  struct ModuleThread module = {init};
  int error = pthread_attr_init(&attr);
  if (error == 0) {
    error = pthread_attr_setstack(&attr, stack, STACK_SIZE);
    /* The stack grows down from stack + STACK_SIZE towards stack. */
    roast_rt_stack_limit = (char *)stack + SAFETY_MARGIN;
    if (error == 0)
      error = pthread_create(&thread, &attr, run_module, &module);
    pthread_attr_destroy(&attr);
  }
  if (error != 0) {
    roast_rt_stack_limit = NULL;
    munmap(stack, STACK_SIZE);
    return false;
  }
  pthread_join(thread, NULL);
  roast_rt_stack_limit = NULL;
  munmap(stack, STACK_SIZE);
  return true;
}

/* Fallback when no big stack can be had (e.g. under a low `ulimit -v`): run
 * on the calling thread, guarding half of its stack limit.  Only half,
 * because we do not know how far below the stack's top we already are
 * (argv and the environment live there too). */
static void run_on_current_stack(void (*init)(void)) {
  size_t size = 8 * 1024 * 1024;
  struct rlimit limit;
  if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    size = (size_t)limit.rlim_cur;
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  roast_rt_stack_limit = (char *)(here - size / 2);
  init();
  roast_rt_stack_limit = NULL;
}

int roast_rt_main(int argc, char **argv, void (*module_init)(void)) {
  saved_argc = argc;
  saved_argv = argv;
  if (!run_on_big_stack(module_init))
    run_on_current_stack(module_init);
  roast_rt_report_uncaught();
  roast_rt_flush();
  return 0;
}

/* sys.exit(status) raises SystemExit; roast_rt_report_uncaught exits with
 * the status when nothing catches it. */
void roast_rt_exit(int64_t status) {
  roast_rt_exit_status = status;
  RoastInstance *exit = roast_rt_object_new(&roast_rt_class_SystemExit);
  /* str(e) is the status, as CPython's SystemExit(3) prints "3". */
  *(RoastStr **)((char *)exit + ROAST_EXCEPTION_MESSAGE_OFFSET) = roast_rt_str_from_int(status);
  roast_rt_raise_object(exit, NULL, 0, NULL);
}

RoastList *roast_rt_sys_argv(void) {
  /* One list for the whole run, as CPython's sys.argv; it is never freed. */
  static RoastList *argv_list;
  if (!argv_list) {
    argv_list = roast_rt_list_new(saved_argc, ROAST_ELEM_OBJECT);
    for (int i = 0; i < saved_argc; ++i) {
      RoastStr *arg = roast_rt_str_new(saved_argv[i], (int64_t)strlen(saved_argv[i]));
      roast_rt_list_append(argv_list, (uint64_t)(uintptr_t)arg);
      roast_rt_release(&arg->header);
    }
  }
  roast_rt_retain(&argv_list->header);
  return argv_list;
}
