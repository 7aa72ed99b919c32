/* file_tests.c - text files: open modes and errors, reading with universal newlines, writing, closing. */
#define _POSIX_C_SOURCE 200809L

#include "Roast/Runtime/Runtime.h"
#include "runtime_tests.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static RoastStr *str(const char *text) { return roast_rt_str_new(text, (int64_t)strlen(text)); }

static bool str_is(const RoastStr *s, const char *want) {
  return s && s->length == (int64_t)strlen(want) && memcmp(s->data, want, s->length) == 0;
}

static void release(void *o) { roast_rt_release((RoastObject *)o); }

/* Checks that `cls` is pending with exactly `message`, and catches it. */
static void expect_error(const RoastClass *cls, const char *message, const char *what) {
  RoastInstance *e = roast_rt_catch();
  const RoastStr *text =
      e ? *(RoastStr **)((char *)e + ROAST_EXCEPTION_MESSAGE_OFFSET) : NULL;
  CHECK(e && roast_rt_isinstance(e, cls) && str_is(text, message), "%s: got %s %.*s", what,
        e ? e->cls->name : "none", text ? (int)text->length : 0, text ? text->data : "");
  release(e);
}

static RoastFile *open_file(const char *path, const char *mode) {
  RoastStr *p = str(path), *m = str(mode);
  RoastFile *f = roast_rt_file_open(p, m, NULL, 0, NULL);
  release(p);
  release(m);
  return f;
}

static void test_read_write(const char *path) {
  RoastFile *f = open_file(path, "w");
  RoastStr *text = str("one\ntwo\r\nthree\rcaf\xc3\xa9");
  CHECK(f && roast_rt_file_write(f, text, NULL, 0, NULL) == 19, "write counts code points");
  release(text);
  release(f); /* the last reference closes (and flushes) it */

  f = open_file(path, "rt");
  RoastStr *line = roast_rt_file_readline(f, NULL, 0, NULL);
  CHECK(str_is(line, "one\n"), "readline");
  release(line);
  RoastList *rest = roast_rt_file_readlines(f, NULL, 0, NULL);
  CHECK(rest && rest->length == 3 && str_is((RoastStr *)(uintptr_t)rest->items[0], "two\n") &&
            str_is((RoastStr *)(uintptr_t)rest->items[1], "three\n") &&
            str_is((RoastStr *)(uintptr_t)rest->items[2], "caf\xc3\xa9"),
        "readlines with universal newlines");
  release(rest);
  line = roast_rt_file_readline(f, NULL, 0, NULL);
  CHECK(str_is(line, ""), "readline at the end");
  release(line);
  roast_rt_file_close(f);
  roast_rt_file_close(f);
  CHECK(roast_rt_file_read(f, NULL, 0, NULL) == NULL, "read after close returns");
  expect_error(&roast_rt_class_ValueError, "I/O operation on closed file.", "read after close");
  text = str("x");
  roast_rt_file_write(f, text, NULL, 0, NULL);
  expect_error(&roast_rt_class_ValueError, "I/O operation on closed file.", "write after close");
  release(f);

  f = open_file(path, "a");
  roast_rt_file_write(f, text, NULL, 0, NULL);
  roast_rt_file_read(f, NULL, 0, NULL);
  expect_error(&roast_rt_class_UnsupportedOperation, "not readable", "read in append mode");
  CHECK(strcmp(roast_rt_class_UnsupportedOperation.name, "io.UnsupportedOperation") == 0,
        "UnsupportedOperation prints as io.UnsupportedOperation");
  release(f);
  f = open_file(path, "r");
  RoastStr *all = roast_rt_file_read(f, NULL, 0, NULL);
  CHECK(str_is(all, "one\ntwo\nthree\ncaf\xc3\xa9x"), "append, then read all");
  roast_rt_file_write(f, text, NULL, 0, NULL);
  expect_error(&roast_rt_class_UnsupportedOperation, "not writable", "write in read mode");
  release(all);
  release(text);
  release(f);
}

static void test_open_errors(const char *dir) {
  char missing[512];
  snprintf(missing, sizeof missing, "%s/no-such-file.txt", dir);
  CHECK(open_file(missing, "r") == NULL, "open of a missing file returns NULL");
  char want[600];
  snprintf(want, sizeof want, "[Errno 2] No such file or directory: '%s'", missing);
  expect_error(&roast_rt_class_FileNotFoundError, want, "missing file");
  open_file(dir, "r");
  snprintf(want, sizeof want, "[Errno 21] Is a directory: '%s'", dir);
  expect_error(&roast_rt_class_IsADirectoryError, want, "directory");
  open_file(dir, "x");
  snprintf(want, sizeof want, "[Errno 17] File exists: '%s'", dir);
  expect_error(&roast_rt_class_FileExistsError, want, "x mode on an existing path");
  open_file(dir, "rr");
  expect_error(&roast_rt_class_ValueError, "invalid mode: 'rr'", "duplicate mode letter");
  open_file(dir, "rw");
  expect_error(&roast_rt_class_ValueError,
               "must have exactly one of create/read/write/append mode", "two modes");
  open_file(dir, "t");
  expect_error(&roast_rt_class_ValueError,
               "Must have exactly one of create/read/write/append mode and at most one plus",
               "no mode");
  open_file(dir, "rb");
  expect_error(&roast_rt_class_ValueError, "binary and '+' file modes are not supported yet",
               "binary mode");
}

static void test_std_streams(void) {
  RoastFile *out = roast_rt_std_stream(1), *err = roast_rt_std_stream(2);
  CHECK(out && err && out != err, "two standard streams");
  CHECK(((RoastObject *)out)->refcount >= ROAST_REFCOUNT_IMMORTAL, "stdout is immortal");
  roast_rt_file_read(out, NULL, 0, NULL);
  expect_error(&roast_rt_class_UnsupportedOperation, "not readable", "read from stdout");
}

void test_files(void) {
  const char *tmp = getenv("TMPDIR");
  char dir[256];
  snprintf(dir, sizeof dir, "%s/roast-file-tests-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    CHECK(false, "mkdtemp");
    return;
  }
  char path[512];
  snprintf(path, sizeof path, "%s/text.txt", dir);
  test_read_write(path);
  test_open_errors(dir);
  test_std_streams();
  unlink(path);
  rmdir(dir);
}
