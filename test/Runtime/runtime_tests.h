/* runtime_tests.h - the check macro and child-process helpers shared by the runtime's unit tests. */
#ifndef ROAST_TEST_RUNTIME_TESTS_H
#define ROAST_TEST_RUNTIME_TESTS_H

#include <stddef.h>
#include <stdio.h>

extern int failures; /* checks that failed so far */
extern int checks;   /* checks run so far */

#define CHECK(cond, ...)                                                                           \
  do {                                                                                             \
    ++checks;                                                                                      \
    if (!(cond)) {                                                                                 \
      ++failures;                                                                                  \
      fprintf(stderr, "%s:%d: FAILED: ", __FILE__, __LINE__);                                      \
      fprintf(stderr, __VA_ARGS__);                                                                \
      fputc('\n', stderr);                                                                         \
    }                                                                                              \
  } while (0)

typedef struct ChildResult {
  int status; /* exit status, or -1 if it did not exit normally */
  char *out, *err; /* captured stdout and stderr, NUL-terminated; the caller frees them */
  size_t out_size;
} ChildResult;

/* Run fn(arg) in a forked child with stdout/stderr captured; after fn returns the child reports
 * a pending exception (exit 1, as an uncaught one) or exits 0. */
ChildResult run_in_child(void (*fn)(const void *arg), const void *arg);
/* Runs fn(arg) in a child and checks that it exits 1 with exactly `expected`
 * on stderr (lines a sanitizer adds are ignored). */
void expect_child_stderr(void (*fn)(const void *), const void *arg, const char *expected,
                         const char *what);
struct RoastClass;
/* Checks that an exception of class cls (a built-in roast_rt_class_*) is pending, and catches and
 * releases it: raising returns, leaving the error in roast_rt_exception. */
void expect_raised(const struct RoastClass *cls, const char *what);

/* The stderr of a MemoryError: fatal (roast_rt_fatal), not an exception, so
 * there is no traceback. */
#define FATAL_MEMORY_ERROR "MemoryError: out of memory\n"

/* The str tests (str_tests.c). */
void test_str(void);
/* The list tests (list_tests.c). */
void test_list(void);
/* The format-spec tests (format_tests.c). */
void test_format(void);
/* The hash, tuple, dict and set tests (collection_tests.c). */
void test_collections(void);
/* The random module's tests (random_tests.c). */
void test_random(void);
/* The text file tests (file_tests.c). */
void test_files(void);
/* The dynamic value tests (value_tests.c). */
void test_values(void);

#endif /* ROAST_TEST_RUNTIME_TESTS_H */
