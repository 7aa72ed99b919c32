/* list_tests.c - unit tests of the runtime's list objects and operations, against CPython 3.12. */
#include "Roast/Runtime/Runtime.h"
#include "runtime_tests.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- Expected values (generated from CPython) ---------------------------- */

typedef struct ListInput {
  const char *repr; /* Python repr of the list */
  uint32_t kind;    /* its RoastElemKind (what an empty list holds) */
} ListInput;

typedef struct AssignInput {
  const char *repr;
  uint32_t kind;
  const char *values[3]; /* reprs of the lists assigned to its slices */
} AssignInput;

typedef struct AssignResult {
  const char *after; /* repr of the list afterwards, NULL if it raises */
  int error;         /* index into assign_errors, or -1 */
} AssignResult;

enum ListOp {
  L_GET, L_SET, L_DEL, L_POP, L_POP_LAST, L_INSERT, L_APPEND, L_EXTEND, L_EXTEND_SELF, L_REMOVE,
  L_INDEX, L_COUNT, L_CONTAINS, L_REVERSE, L_COPY, L_CLEAR, L_SORT, L_SORT_REVERSE, L_CONCAT,
  L_REPEAT, L_EQ, L_RICHCOMPARE, L_COMPARE3, L_SLICE, L_SLICE_ASSIGN, L_SLICE_ASSIGN_SELF, L_REPR,
};

typedef struct SliceArgs {
  int64_t start, stop, step;
  int32_t which; /* ROAST_SLICE_* bits of the parts given */
} SliceArgs;

typedef struct ListCase {
  enum ListOp op;
  uint32_t kind;      /* of the list operated on (it matters when it is empty) */
  const char *list;   /* repr of the list operated on */
  const char *arg;    /* repr of the item or of the other list, or NULL */
  uint32_t arg_kind;  /* of arg, when it is a list */
  int64_t i;          /* index, repeat count or RoastCompareOp */
  SliceArgs slice;    /* for the slice ops */
  const char *result; /* repr of what the op returns, NULL if nothing */
  const char *after;  /* repr of the list afterwards, NULL if the op raises */
  const char *error;  /* the last line of stderr if the op raises, else NULL */
} ListCase;

typedef struct StabilityCase {
  const char *keys; /* repr of a list of ints: the list sorted is [[k] for k in keys] */
  bool reverse;
  const char *perm; /* repr of the original positions, in sorted order */
} StabilityCase;

#include "list_expectations.inc"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))
#define LOC "p.py", 1, "f"
#define TB "Traceback (most recent call last):\n"
#define AT "  File \"p.py\", line 1, in f\n"

static uint64_t object_slot(const void *o) { return (uint64_t)(uintptr_t)o; }
static RoastObject *slot_object(uint64_t slot) { return (RoastObject *)(uintptr_t)slot; }
static uint32_t kind_of(const RoastList *l) { return l->header.flags & ROAST_LIST_KIND_MASK; }

static uint64_t double_slot(double d) {
  uint64_t slot;
  memcpy(&slot, &d, sizeof slot);
  return slot;
}

static double slot_double(uint64_t slot) {
  double d;
  memcpy(&d, &slot, sizeof d);
  return d;
}

/* ---- Lists from their Python repr ---------------------------------------- */

/* The tables hold lists as CPython's repr; this reads one back into runtime
 * lists (through roast_rt_list_new and _append), with fresh strs (refcount
 * 1, never shared constants) so that refcounts can be checked exactly. */
typedef struct Parser {
  const char *text, *p;
} Parser;

static void parse_fail(const Parser *ps, const char *why) {
  fprintf(stderr, "list_tests: cannot parse %s at offset %d: %s\n", ps->text,
          (int)(ps->p - ps->text), why);
  exit(2);
}

static size_t encode_utf8(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xc0 | cp >> 6);
    out[1] = (char)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | cp >> 18);
  out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
  out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
  out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

static uint32_t parse_hex(Parser *ps, int digits) {
  uint32_t v = 0;
  for (int k = 0; k < digits; ++k, ++ps->p) {
    char c = *ps->p;
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0)
      parse_fail(ps, "bad hex escape");
    v = v * 16 + (uint32_t)d;
  }
  return v;
}

/* A quoted str with Python's repr escapes, as a fresh str. */
static RoastStr *parse_str(Parser *ps) {
  char quote = *ps->p++;
  size_t capacity = strlen(ps->p) + 1, n = 0;
  char *bytes = malloc(capacity);
  while (*ps->p != quote) {
    if (!*ps->p)
      parse_fail(ps, "unterminated str");
    if (*ps->p != '\\') {
      bytes[n++] = *ps->p++;
      continue;
    }
    ++ps->p;
    char c = *ps->p++;
    switch (c) {
    case 'n': bytes[n++] = '\n'; break;
    case 'r': bytes[n++] = '\r'; break;
    case 't': bytes[n++] = '\t'; break;
    case '\\': case '\'': case '"': bytes[n++] = c; break;
    case 'x': n += encode_utf8(parse_hex(ps, 2), bytes + n); break;
    case 'u': n += encode_utf8(parse_hex(ps, 4), bytes + n); break;
    case 'U': n += encode_utf8(parse_hex(ps, 8), bytes + n); break;
    default: parse_fail(ps, "unknown escape");
    }
  }
  ++ps->p;
  RoastStr *s = roast_rt_str_new(bytes, (int64_t)n);
  free(bytes);
  return s;
}

static RoastList *parse_list(Parser *ps, uint32_t empty_kind);

static bool starts_with(const char *p, const char *word) {
  return strncmp(p, word, strlen(word)) == 0;
}

/* One value; objects come back as a new reference the caller owns. */
static uint64_t parse_value(Parser *ps, uint32_t *kind) {
  const char *p = ps->p;
  if (*p == '[') {
    *kind = ROAST_ELEM_OBJECT;
    return object_slot(parse_list(ps, ROAST_ELEM_INT));
  }
  if (*p == '\'' || *p == '"') {
    *kind = ROAST_ELEM_OBJECT;
    return object_slot(parse_str(ps));
  }
  static const struct {
    const char *word;
    uint32_t kind;
    uint64_t slot;
  } words[] = {{"None", ROAST_ELEM_OBJECT, 0}, {"True", ROAST_ELEM_BOOL, 1},
               {"False", ROAST_ELEM_BOOL, 0}};
  for (size_t k = 0; k < COUNT(words); ++k) {
    if (starts_with(p, words[k].word)) {
      ps->p += strlen(words[k].word);
      *kind = words[k].kind;
      return words[k].slot;
    }
  }
  /* A number: a float if it has a point, an exponent, or is nan/inf. */
  const char *end = p;
  bool is_float = false;
  while (*end && (strchr("+-.", *end) || (*end >= '0' && *end <= '9') ||
                  (*end >= 'a' && *end <= 'z'))) {
    is_float |= strchr(".eni", *end) != NULL;
    ++end;
  }
  if (end == p)
    parse_fail(ps, "expected a value");
  char *stop;
  uint64_t slot;
  if (is_float) {
    *kind = ROAST_ELEM_FLOAT;
    slot = double_slot(strtod(p, &stop));
  } else {
    *kind = ROAST_ELEM_INT;
    slot = (uint64_t)strtoll(p, &stop, 10);
  }
  if (stop != end)
    parse_fail(ps, "bad number");
  ps->p = end;
  return slot;
}

static RoastList *parse_list(Parser *ps, uint32_t empty_kind) {
  if (*ps->p != '[')
    parse_fail(ps, "expected [");
  ++ps->p;
  uint64_t *slots = NULL;
  size_t n = 0, capacity = 0;
  uint32_t kind = empty_kind;
  while (*ps->p != ']') {
    if (n > 0) {
      if (!starts_with(ps->p, ", "))
        parse_fail(ps, "expected , or ]");
      ps->p += 2;
    }
    uint32_t k;
    uint64_t slot = parse_value(ps, &k);
    if (n > 0 && k != kind)
      parse_fail(ps, "not homogeneous");
    kind = k;
    if (n == capacity)
      slots = realloc(slots, (capacity = capacity * 2 + 4) * sizeof *slots);
    slots[n++] = slot;
  }
  ++ps->p;
  RoastList *l = roast_rt_list_new(0, kind); /* grown by append */
  for (size_t k = 0; k < n; ++k) {
    roast_rt_list_append(l, slots[k]);
    if (kind == ROAST_ELEM_OBJECT)
      roast_rt_release(slot_object(slots[k])); /* the list's reference remains */
  }
  free(slots);
  return l;
}

/* The list written as repr; kind says what it holds (checked when it is not empty). */
static RoastList *make_list(const char *repr, uint32_t kind) {
  Parser ps = {repr, repr};
  RoastList *l = parse_list(&ps, kind);
  if (*ps.p)
    parse_fail(&ps, "junk after the list");
  if (kind_of(l) != kind)
    parse_fail(&ps, "not of the expected kind");
  return l;
}

/* An item of the given kind; an object comes back as a new reference. */
static uint64_t make_item(const char *repr, uint32_t kind) {
  Parser ps = {repr, repr};
  uint32_t k;
  uint64_t slot = parse_value(&ps, &k);
  if (*ps.p || k != kind)
    parse_fail(&ps, "not an item of the expected kind");
  return slot;
}

/* ---- Results as text --------------------------------------------------------- */

/* repr(l) as a malloc'd C string. */
static char *repr_of(const RoastList *l) {
  RoastStr *r = roast_rt_list_repr(l);
  CHECK(r->header.refcount == 1 && r->header.type_id == ROAST_TYPE_STR, "repr: a fresh str");
  char *text = malloc((size_t)r->length + 1);
  memcpy(text, r->data, (size_t)r->length + 1);
  roast_rt_release(&r->header);
  return text;
}

/* repr of one slot, through a one-element list: "[x]" without the brackets. */
static char *slot_repr(uint32_t kind, uint64_t slot) {
  RoastList *l = roast_rt_list_new(1, kind);
  roast_rt_list_append(l, slot);
  char *text = repr_of(l);
  roast_rt_release(&l->header);
  size_t n = strlen(text);
  memmove(text, text + 1, n - 2);
  text[n - 2] = '\0';
  return text;
}

static char *text_of(const char *s) {
  char *text = malloc(strlen(s) + 1);
  strcpy(text, s);
  return text;
}

static char *int_text(int64_t v) {
  char text[24];
  snprintf(text, sizeof text, "%" PRId64, v);
  return text_of(text);
}

static void check_text(char *got, const char *expected, const char *what) {
  CHECK(got && strcmp(got, expected) == 0, "%s: expected %s, got %s", what, expected,
        got ? got : "(nothing)");
  free(got);
}

/* ---- Refcount audit ------------------------------------------------------------ */

/* Every object reachable from the roots must have exactly as many
 * references as there are owners: one per slot holding it in a reachable
 * list, plus one per root the test holds.  Too many is a leak, too few a
 * coming use-after-free. */
typedef struct Audit {
  RoastObject **objects;
  int64_t *owners;
  size_t n, capacity;
} Audit;

static void audit_owner(Audit *a, RoastObject *o) {
  if (!o)
    return;
  for (size_t k = 0; k < a->n; ++k) {
    if (a->objects[k] == o) {
      ++a->owners[k];
      return;
    }
  }
  if (a->n == a->capacity) {
    a->capacity = a->capacity * 2 + 16;
    a->objects = realloc(a->objects, a->capacity * sizeof *a->objects);
    a->owners = realloc(a->owners, a->capacity * sizeof *a->owners);
  }
  a->objects[a->n] = o;
  a->owners[a->n++] = 1;
  if (o->type_id == ROAST_TYPE_LIST) {
    const RoastList *l = (const RoastList *)o;
    if (kind_of(l) == ROAST_ELEM_OBJECT)
      for (int64_t i = 0; i < l->length; ++i)
        audit_owner(a, slot_object(l->items[i]));
  }
}

static void check_refcounts(RoastObject *const *roots, size_t n, const char *what) {
  Audit a = {NULL, NULL, 0, 0};
  for (size_t k = 0; k < n; ++k)
    audit_owner(&a, roots[k]);
  for (size_t k = 0; k < a.n; ++k)
    CHECK(a.objects[k]->refcount == a.owners[k],
          "%s: an object (type %u) has refcount %" PRId64 " but %" PRId64 " owners", what,
          a.objects[k]->type_id, a.objects[k]->refcount, a.owners[k]);
  free(a.objects);
  free(a.owners);
}

/* ---- The table of operations ---------------------------------------------------- */

static const char *const op_names[] = {
    "get", "set", "del", "pop", "pop()", "insert", "append", "extend", "extend(self)", "remove",
    "index", "count", "in", "reverse", "copy", "clear", "sort", "sort(reverse)", "+", "*", "==",
    "richcompare", "compare", "slice", "slice assign", "slice assign self", "repr"};

static bool takes_list_arg(enum ListOp op) {
  return op == L_EXTEND || op == L_CONCAT || op == L_EQ || op == L_RICHCOMPARE ||
         op == L_COMPARE3 || op == L_SLICE_ASSIGN;
}

/* The operands of a case and what it produced.  The objects the test owns
 * are the refcount audit's roots. */
typedef struct Operands {
  RoastList *list, *other;
  uint64_t item;         /* the item argument */
  RoastObject *item_obj; /* the item, if an object the test owns */
  RoastObject *popped;   /* an object pop() handed over */
  RoastList *new_list;   /* a list the op returned */
  char *result;          /* repr of the op's result */
} Operands;

static void make_operands(const ListCase *c, Operands *o) {
  memset(o, 0, sizeof *o);
  o->list = make_list(c->list, c->kind);
  if (takes_list_arg(c->op)) {
    o->other = make_list(c->arg, c->arg_kind);
  } else if (c->arg) {
    o->item = make_item(c->arg, c->kind);
    if (c->kind == ROAST_ELEM_OBJECT)
      o->item_obj = slot_object(o->item);
  }
}

/* Whether the last call raised.  Raising returns, and its result is then
 * meaningless: apply_op leaves it alone, as compiled code does. */
static bool raised(void) { return roast_rt_exception != NULL; }

static void apply_op(const ListCase *c, Operands *o) {
  RoastList *l = o->list;
  /* Omitted slice parts get garbage values: they must be ignored. */
  SliceArgs s = c->slice;
  if (!(s.which & ROAST_SLICE_START))
    s.start = 12345;
  if (!(s.which & ROAST_SLICE_STOP))
    s.stop = -777;
  if (!(s.which & ROAST_SLICE_STEP))
    s.step = 0;
  switch (c->op) {
  case L_GET: {
    uint64_t slot = roast_rt_list_get(l, c->i, LOC);
    if (!raised())
      o->result = slot_repr(c->kind, slot);
    break;
  }
  case L_SET: roast_rt_list_set(l, c->i, o->item, LOC); break;
  case L_DEL: roast_rt_list_del_item(l, c->i, LOC); break;
  case L_POP:
  case L_POP_LAST: {
    uint64_t slot = roast_rt_list_pop(l, c->i, c->op == L_POP, LOC);
    if (raised())
      break;
    o->result = slot_repr(c->kind, slot);
    if (c->kind == ROAST_ELEM_OBJECT)
      o->popped = slot_object(slot);
    break;
  }
  case L_INSERT: roast_rt_list_insert(l, c->i, o->item); break;
  case L_APPEND: roast_rt_list_append(l, o->item); break;
  case L_EXTEND: roast_rt_list_extend(l, o->other); break;
  case L_EXTEND_SELF: roast_rt_list_extend(l, l); break;
  case L_REMOVE: roast_rt_list_remove(l, o->item, LOC); break;
  case L_INDEX: {
    int64_t index = roast_rt_list_index(l, o->item, LOC);
    if (!raised())
      o->result = int_text(index);
    break;
  }
  case L_COUNT: {
    int64_t count = roast_rt_list_count(l, o->item);
    if (!raised())
      o->result = int_text(count);
    break;
  }
  case L_CONTAINS: {
    bool found = roast_rt_list_contains(l, o->item);
    if (!raised())
      o->result = text_of(found ? "True" : "False");
    break;
  }
  case L_REVERSE: roast_rt_list_reverse(l); break;
  case L_COPY: o->new_list = roast_rt_list_copy(l); break;
  case L_CLEAR: roast_rt_list_clear(l); break;
  case L_SORT: roast_rt_list_sort(l, 0, LOC); break;
  case L_SORT_REVERSE: roast_rt_list_sort(l, 1, LOC); break;
  case L_CONCAT: o->new_list = roast_rt_list_concat(l, o->other); break;
  case L_REPEAT: o->new_list = roast_rt_list_repeat(l, c->i); break;
  case L_EQ: {
    bool equal = roast_rt_list_eq(l, o->other);
    if (!raised())
      o->result = text_of(equal ? "True" : "False");
    break;
  }
  case L_RICHCOMPARE: {
    bool holds = roast_rt_list_richcompare(l, o->other, (int32_t)c->i, LOC);
    if (!raised())
      o->result = text_of(holds ? "True" : "False");
    break;
  }
  case L_COMPARE3: {
    int64_t order = roast_rt_list_compare(l, o->other);
    if (!raised())
      o->result = int_text(order);
    break;
  }
  case L_SLICE:
    o->new_list = roast_rt_list_slice(l, s.start, s.stop, s.step, s.which, LOC);
    break;
  case L_SLICE_ASSIGN:
    roast_rt_list_slice_assign(l, s.start, s.stop, s.step, s.which, o->other, LOC);
    break;
  case L_SLICE_ASSIGN_SELF:
    roast_rt_list_slice_assign(l, s.start, s.stop, s.step, s.which, l, LOC);
    break;
  case L_REPR: {
    RoastStr *r = roast_rt_list_repr(l);
    if (raised())
      break;
    o->result = malloc((size_t)r->length + 1);
    memcpy(o->result, r->data, (size_t)r->length + 1);
    roast_rt_release(&r->header);
    break;
  }
  }
  if (o->new_list && !raised())
    o->result = repr_of(o->new_list);
}

static void run_list_case(size_t index) {
  const ListCase *c = &list_cases[index];
  char what[256];
  snprintf(what, sizeof what, "list_cases[%zu]: %s on %.100s", index, op_names[c->op], c->list);
  Operands o;
  make_operands(c, &o);
  char *other_before = o.other ? repr_of(o.other) : NULL;
  apply_op(c, &o);

  if (c->result)
    check_text(o.result, c->result, what);
  else
    CHECK(!o.result, "%s: unexpected result %s", what, o.result);
  check_text(repr_of(o.list), c->after, what);
  if (o.other)
    check_text(repr_of(o.other), other_before, "argument list changed");
  free(other_before);
  if (o.new_list)
    CHECK(o.new_list != o.list && o.new_list != o.other, "%s: result is an argument", what);

  RoastObject *roots[] = {&o.list->header, o.other ? &o.other->header : NULL, o.item_obj,
                          o.popped, o.new_list ? &o.new_list->header : NULL};
  check_refcounts(roots, COUNT(roots), what);
  for (size_t k = 0; k < COUNT(roots); ++k)
    roast_rt_release(roots[k]);
}

/* ---- Children ---------------------------------------------------------------------- */

/* The operands of a case run in a child, which exits by raising: kept in a
 * global so that LeakSanitizer sees them still referenced. */
static Operands child_operands;

static void run_error_case(const void *arg) {
  const ListCase *c = arg;
  make_operands(c, &child_operands);
  apply_op(c, &child_operands);
}

static void test_list_cases(void) {
  char expected[1024], what[256];
  for (size_t i = 0; i < COUNT(list_cases); ++i) {
    const ListCase *c = &list_cases[i];
    if (!c->error) {
      run_list_case(i);
      continue;
    }
    /* A MemoryError is fatal, without a traceback (CPython's is an
     * exception); roast_rt_list_compare has no location arguments. */
    if (strncmp(c->error, "MemoryError", 11) == 0)
      snprintf(expected, sizeof expected, "%s", FATAL_MEMORY_ERROR);
    else
      snprintf(expected, sizeof expected, TB "%s%s\n", c->op != L_COMPARE3 ? AT : "", c->error);
    snprintf(what, sizeof what, "list_cases[%zu]: %s on %.100s", i, op_names[c->op], c->list);
    expect_child_stderr(run_error_case, c, expected, what);
  }
}

/* ---- Slicing and slice assignment, every bound and step ---------------------- */

static SliceArgs slice_args(size_t a, size_t b, size_t k) {
  SliceArgs s;
  s.which = (slice_bounds_given[a] ? ROAST_SLICE_START : 0) |
            (slice_bounds_given[b] ? ROAST_SLICE_STOP : 0) |
            (slice_steps_given[k] ? ROAST_SLICE_STEP : 0);
  /* Omitted parts get garbage values: they must be ignored. */
  s.start = slice_bounds_given[a] ? slice_bounds[a] : 12345;
  s.stop = slice_bounds_given[b] ? slice_bounds[b] : -777;
  s.step = slice_steps_given[k] ? slice_steps[k] : 0;
  return s;
}

static void test_slices(void) {
  char what[160];
  size_t row = 0;
  for (size_t i = 0; i < COUNT(slice_inputs); ++i) {
    RoastList *l = make_list(slice_inputs[i].repr, slice_inputs[i].kind);
    for (size_t a = 0; a < COUNT(slice_bounds); ++a)
      for (size_t b = 0; b < COUNT(slice_bounds); ++b)
        for (size_t k = 0; k < COUNT(slice_steps); ++k, ++row) {
          SliceArgs s = slice_args(a, b, k);
          snprintf(what, sizeof what, "%s[%" PRId64 ":%" PRId64 ":%" PRId64 "] which %d",
                   slice_inputs[i].repr, slice_bounds[a], slice_bounds[b], slice_steps[k],
                   (int)s.which);
          RoastList *r = roast_rt_list_slice(l, s.start, s.stop, s.step, s.which, LOC);
          CHECK(r != l && kind_of(r) == kind_of(l), "%s: not a new list of the same kind", what);
          check_text(repr_of(r), slice_results[row], what);
          RoastObject *roots[] = {&l->header, &r->header};
          check_refcounts(roots, 2, what);
          roast_rt_release(&r->header);
        }
    check_text(repr_of(l), slice_inputs[i].repr, "slicing changed the list");
    roast_rt_release(&l->header);
  }
  CHECK(row == COUNT(slice_results), "slice table has %zu rows, used %zu", COUNT(slice_results),
        row);
}

typedef struct AssignChild {
  const AssignInput *input;
  const char *values;
  SliceArgs slice;
} AssignChild;

static RoastList *child_lists[2];

static void assign_in_child(const void *arg) {
  const AssignChild *c = arg;
  RoastList *l = child_lists[0] = make_list(c->input->repr, c->input->kind);
  RoastList *v = child_lists[1] = make_list(c->values, c->input->kind);
  roast_rt_list_slice_assign(l, c->slice.start, c->slice.stop, c->slice.step, c->slice.which, v,
                             LOC);
}

static void test_slice_assign(void) {
  char what[200], expected[256];
  size_t row = 0;
  for (size_t i = 0; i < COUNT(assign_inputs); ++i) {
    const AssignInput *in = &assign_inputs[i];
    for (size_t v = 0; v < COUNT(in->values); ++v) {
      bool error_seen[COUNT(assign_errors)] = {false};
      for (size_t a = 0; a < COUNT(slice_bounds); ++a)
        for (size_t b = 0; b < COUNT(slice_bounds); ++b)
          for (size_t k = 0; k < COUNT(slice_steps); ++k, ++row) {
            const AssignResult *want = &assign_results[row];
            SliceArgs s = slice_args(a, b, k);
            snprintf(what, sizeof what, "%s[%" PRId64 ":%" PRId64 ":%" PRId64 "] = %s (which %d)",
                     in->repr, slice_bounds[a], slice_bounds[b], slice_steps[k], in->values[v],
                     (int)s.which);
            if (want->error >= 0) {
              /* Each distinct message once per input: a child per case is slow. */
              if (error_seen[want->error])
                continue;
              error_seen[want->error] = true;
              AssignChild child = {in, in->values[v], s};
              snprintf(expected, sizeof expected, TB AT "%s\n", assign_errors[want->error]);
              expect_child_stderr(assign_in_child, &child, expected, what);
              continue;
            }
            RoastList *l = make_list(in->repr, in->kind);
            RoastList *values = make_list(in->values[v], in->kind);
            roast_rt_list_slice_assign(l, s.start, s.stop, s.step, s.which, values, LOC);
            check_text(repr_of(l), want->after, what);
            check_text(repr_of(values), in->values[v], "the assigned list changed");
            RoastObject *roots[] = {&l->header, &values->header};
            check_refcounts(roots, 2, what);
            roast_rt_release(&l->header);
            roast_rt_release(&values->header);
          }
    }
  }
  CHECK(row == COUNT(assign_results), "assign table has %zu rows, used %zu",
        COUNT(assign_results), row);
}

/* ---- Sorting ------------------------------------------------------------------- */

/* Stability seen through identity: lists [k] with equal k are equal but
 * distinct objects, and must keep their order (reversed sorts too). */
static void test_sort_stability(void) {
  for (size_t i = 0; i < COUNT(stability_cases); ++i) {
    const StabilityCase *c = &stability_cases[i];
    RoastList *keys = make_list(c->keys, ROAST_ELEM_INT);
    int64_t n = keys->length;
    RoastList *l = roast_rt_list_new(n, ROAST_ELEM_OBJECT);
    RoastList **original = malloc((size_t)n * sizeof *original);
    for (int64_t k = 0; k < n; ++k) {
      original[k] = roast_rt_list_new(1, ROAST_ELEM_INT);
      roast_rt_list_append(original[k], keys->items[k]);
      roast_rt_list_append(l, object_slot(original[k]));
      roast_rt_release(&original[k]->header);
    }
    roast_rt_list_sort(l, c->reverse, LOC);
    RoastList *perm = roast_rt_list_new(n, ROAST_ELEM_INT);
    for (int64_t j = 0; j < n; ++j) {
      int64_t k = 0;
      while (k < n && (uint64_t)(uintptr_t)original[k] != l->items[j])
        ++k;
      roast_rt_list_append(perm, (uint64_t)k);
    }
    char what[64];
    snprintf(what, sizeof what, "stability_cases[%zu]", i);
    check_text(repr_of(perm), c->perm, what);
    /* argsort gives CPython's stable order of the keys themselves. */
    RoastList *order = roast_rt_list_argsort(keys, c->reverse);
    check_text(repr_of(order), c->perm, what);
    roast_rt_release(&order->header);
    RoastObject *roots[] = {&l->header};
    check_refcounts(roots, 1, what);
    free(original);
    roast_rt_release(&keys->header);
    roast_rt_release(&l->header);
    roast_rt_release(&perm->header);
  }
}

static uint32_t rng_state = 12345;
static uint32_t next_random(void) {
  rng_state = rng_state * 1103515245u + 12345u;
  return rng_state >> 8;
}

/* A new tuple (k, tag); a NULL tag is None, which cannot be ordered
 * against a str, so comparing (k, None) with (k, 'b') raises TypeError. */
static uint64_t new_pair(int64_t k, RoastStr *tag) {
  static const uint8_t kinds[2] = {ROAST_ELEM_INT, ROAST_ELEM_OBJECT};
  RoastTuple *t = roast_rt_tuple_new(2, kinds);
  t->items[0] = (uint64_t)k;
  t->items[1] = object_slot(tag);
  roast_rt_retain(tag ? &tag->header : NULL);
  return object_slot(t);
}

static int compare_slots(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Raising returns: a comparison that raises ends sort() at once wherever
 * it happens (finding runs, insertion, a merge's gallops or its
 * one-at-a-time loop, merging from the left or the right, with the
 * temporary array on the stack or malloc'd), and the list still holds each
 * element once, as CPython's does.  Each trial sorts 2 to 5 runs of
 * (k, 'a') or (k, 'b'), ascending or descending, with random keys; every
 * run holds key j, one of them as (j, None), sometimes with its twin right
 * beside it.  (j, None) ends up beside an equal key, so the sort must
 * compare the two and raise TypeError. */
static void test_sort_errors(void) {
  RoastStr *a = roast_rt_str_new("a", 1), *b = roast_rt_str_new("b", 1);
  for (int trial = 0; trial < 400; ++trial) {
    int64_t range = 80 + next_random() % 600, j = next_random() % range;
    uint32_t runs = 2 + next_random() % 4, none_run = next_random() % runs;
    bool descending = next_random() % 2, twin_beside = next_random() % 4 == 0;
    int32_t reverse = next_random() % 2;
    RoastList *l = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
    for (uint32_t run = 0; run < runs; ++run) {
      uint32_t density = 1 + next_random() % 8; /* each key kept with probability density/8 */
      RoastStr *tag = run % 2 ? b : a;
      for (int64_t i = 0; i < range; ++i) {
        int64_t k = descending ? range - 1 - i : i;
        bool none = k == j && run == none_run;
        if (k != j && k != 0 && next_random() % 8 >= density)
          continue; /* every run holds 0, so the next one starts a new run */
        for (int twice = 0; twice < 1 + (none && twin_beside); ++twice) {
          uint64_t pair = new_pair(k, none && twice == 0 ? NULL : tag);
          roast_rt_list_append(l, pair);
          roast_rt_release(slot_object(pair));
        }
      }
    }
    int64_t n = l->length;
    uint64_t *before = malloc((size_t)n * sizeof *before);
    memcpy(before, l->items, (size_t)n * sizeof *before);
    roast_rt_list_sort(l, reverse, LOC);
    char what[96];
    snprintf(what, sizeof what, "sort trial %d: (%" PRId64 ", None) among %" PRId64
             ", reverse %d", trial, j, n, (int)reverse);
    expect_raised(&roast_rt_class_TypeError, what);
    bool same = l->length == n;
    if (same) {
      uint64_t *after = malloc((size_t)n * sizeof *after);
      memcpy(after, l->items, (size_t)n * sizeof *after);
      qsort(before, (size_t)n, sizeof *before, compare_slots);
      qsort(after, (size_t)n, sizeof *after, compare_slots);
      same = memcmp(before, after, (size_t)n * sizeof *after) == 0;
      free(after);
    }
    CHECK(same, "%s: the list is no longer a permutation of itself", what);
    RoastObject *roots[] = {&l->header};
    check_refcounts(roots, 1, what);
    free(before);
    roast_rt_release(&l->header);
  }
  CHECK(a->header.refcount == 1 && b->header.refcount == 1,
        "sort errors: tag refcounts %" PRId64 " and %" PRId64, a->header.refcount,
        b->header.refcount);
  roast_rt_release(&a->header);
  roast_rt_release(&b->header);
}

static int compare_int64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}
static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}
static int compare_str_slots(const void *a, const void *b) {
  return (int)roast_rt_str_compare((const RoastStr *)slot_object(*(const uint64_t *)a),
                                   (const RoastStr *)slot_object(*(const uint64_t *)b));
}
/* Lists [x, y] of ints, lexicographically. */
static int compare_pair_slots(const void *a, const void *b) {
  const RoastList *x = (const RoastList *)slot_object(*(const uint64_t *)a);
  const RoastList *y = (const RoastList *)slot_object(*(const uint64_t *)b);
  int c = compare_int64(&x->items[0], &y->items[0]);
  return c ? c : compare_int64(&x->items[1], &y->items[1]);
}

/* Whether the list's slots, sorted, are expected[] (ascending) or its
 * reverse; and a slot-for-slot permutation check comes free with it. */
static void check_sorted(const RoastList *l, const uint64_t *expected, bool reverse,
                         const char *what) {
  int64_t n = l->length, bad = -1;
  for (int64_t i = 0; i < n && bad < 0; ++i)
    if (l->items[i] != expected[reverse ? n - 1 - i : i])
      bad = i;
  CHECK(bad < 0, "%s: wrong element at %" PRId64 " of %" PRId64, what, bad, n);
}

/* Big lists in the shapes timsort treats specially (random, runs up and
 * down, few distinct values, sawtooth), checked against qsort.  Equal
 * ints, floats and distinct strs look the same in any stable order. */
static void test_big_sorts(void) {
  static const int64_t sizes[] = {2, 3, 31, 64, 65, 257, 1000, 65536 + 17};
  char what[96];
  for (size_t si = 0; si < COUNT(sizes); ++si) {
    int64_t n = sizes[si];
    uint64_t *expected = malloc((size_t)n * sizeof *expected);
    for (int shape = 0; shape < 5; ++shape) {
      for (int reverse = 0; reverse < 2; ++reverse) {
        RoastList *ints = roast_rt_list_new(0, ROAST_ELEM_INT);
        RoastList *floats = roast_rt_list_new(0, ROAST_ELEM_FLOAT);
        for (int64_t i = 0; i < n; ++i) {
          int64_t v;
          switch (shape) {
          case 0: v = (int64_t)next_random() - (1 << 23); break;
          case 1: v = i % 1000 < 700 ? i : -i; break;     /* long runs up, then down */
          case 2: v = next_random() % 3; break;            /* few distinct values */
          case 3: v = (i % 97) * (i % 2 ? 1 : -1); break;  /* sawtooth */
          default: v = n - i + (next_random() % 4 == 0); break; /* nearly descending */
          }
          roast_rt_list_append(ints, (uint64_t)v);
          roast_rt_list_append(floats, double_slot((double)v * 0.25));
        }
        memcpy(expected, ints->items, (size_t)n * sizeof *expected);
        qsort(expected, (size_t)n, sizeof *expected, compare_int64);
        roast_rt_list_sort(ints, reverse, LOC);
        snprintf(what, sizeof what, "ints n=%" PRId64 " shape %d reverse %d", n, shape, reverse);
        check_sorted(ints, expected, reverse, what);

        double *doubles = (double *)expected;
        for (int64_t i = 0; i < n; ++i)
          doubles[i] = slot_double(floats->items[i]);
        qsort(doubles, (size_t)n, sizeof *doubles, compare_double);
        roast_rt_list_sort(floats, reverse, LOC);
        snprintf(what, sizeof what, "floats n=%" PRId64 " shape %d reverse %d", n, shape,
                 reverse);
        check_sorted(floats, expected, reverse, what);
        roast_rt_release(&ints->header);
        roast_rt_release(&floats->header);
      }
    }
    free(expected);
  }

  /* 3000 distinct strs (sorted by code point) and 3000 pairs [x, y]
   * (nested lists compare lexicographically). */
  enum { N = 3000 };
  RoastList *strs = roast_rt_list_new(N, ROAST_ELEM_OBJECT);
  RoastList *pairs = roast_rt_list_new(N, ROAST_ELEM_OBJECT);
  for (int i = 0; i < N; ++i) {
    char text[32];
    int len = snprintf(text, sizeof text, "%s%u_%d", i % 3 ? "\xc3\xa9" : "", next_random() % 100,
                       i);
    RoastStr *s = roast_rt_str_new(text, len);
    roast_rt_list_append(strs, object_slot(s));
    roast_rt_release(&s->header);
    RoastList *pair = roast_rt_list_new(2, ROAST_ELEM_INT);
    roast_rt_list_append(pair, next_random() % 50);
    roast_rt_list_append(pair, (uint64_t)i);
    roast_rt_list_append(pairs, object_slot(pair));
    roast_rt_release(&pair->header);
  }
  uint64_t *expected = malloc(N * sizeof *expected);
  for (int reverse = 0; reverse < 2; ++reverse) {
    memcpy(expected, strs->items, N * sizeof *expected);
    qsort(expected, N, sizeof *expected, compare_str_slots);
    roast_rt_list_sort(strs, reverse, LOC);
    check_sorted(strs, expected, reverse, "3000 strs");
    memcpy(expected, pairs->items, N * sizeof *expected);
    qsort(expected, N, sizeof *expected, compare_pair_slots);
    roast_rt_list_sort(pairs, reverse, LOC);
    check_sorted(pairs, expected, reverse, "3000 pairs");
  }
  RoastObject *roots[] = {&strs->header, &pairs->header};
  check_refcounts(roots, 2, "big sorts");
  free(expected);
  roast_rt_release(&strs->header);
  roast_rt_release(&pairs->header);
}

/* argsort's radix passes against the definition: (key, index) ascending,
 * or key descending then index ascending, over keys spanning one to all
 * eight bytes (INT64_MIN and INT64_MAX included); then permute by it. */
static int argsort_reverse;
static int compare_key_index(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  if (x[0] != y[0])
    return (x[0] < y[0]) == !argsort_reverse ? -1 : 1;
  return (x[1] > y[1]) - (x[1] < y[1]);
}

static void test_argsort(void) {
  static const int64_t sizes[] = {0, 1, 2, 7, 300, 5000};
  char what[96];
  for (size_t si = 0; si < COUNT(sizes); ++si)
    for (int shape = 0; shape < 5; ++shape)
      for (int reverse = 0; reverse < 2; ++reverse) {
        int64_t n = sizes[si];
        RoastList *keys = roast_rt_list_new(n, ROAST_ELEM_INT);
        int64_t *pairs = malloc((size_t)(2 * n + 1) * sizeof *pairs);
        for (int64_t i = 0; i < n; ++i) {
          int64_t v;
          switch (shape) {
          case 0: v = (int64_t)(next_random() % 5) - 2; break;          /* duplicates, negatives */
          case 1: v = i; break;                                           /* already sorted */
          case 2: v = ((int64_t)next_random() << 40) ^ next_random(); break; /* all bytes vary */
          case 3: v = i % 3 ? INT64_MIN + (int64_t)(i % 5) : INT64_MAX - (int64_t)(i % 7); break;
          default: v = -(int64_t)((uint64_t)i * 7919 % 1009); break;
          }
          roast_rt_list_append(keys, (uint64_t)v);
          pairs[2 * i] = v;
          pairs[2 * i + 1] = i;
        }
        argsort_reverse = reverse;
        qsort(pairs, (size_t)n, 2 * sizeof *pairs, compare_key_index);
        RoastList *order = roast_rt_list_argsort(keys, reverse);
        snprintf(what, sizeof what, "argsort n=%" PRId64 " shape %d reverse %d", n, shape,
                 reverse);
        bool same = order->length == n;
        for (int64_t i = 0; same && i < n; ++i)
          same = (int64_t)order->items[i] == pairs[2 * i + 1];
        CHECK(same, "%s: not the stable order", what);
        /* The keys, permuted by their order, come out sorted. */
        roast_rt_list_permute(keys, order, LOC);
        for (int64_t i = 0; same && i < n; ++i)
          same = (int64_t)keys->items[i] == pairs[2 * i];
        CHECK(same, "%s: permute did not follow the order", what);
        roast_rt_release(&keys->header);
        roast_rt_release(&order->header);
        free(pairs);
      }
  /* A key function that changed the list's length. */
  RoastList *l = make_list("[1, 2, 3]", ROAST_ELEM_INT);
  RoastList *order = make_list("[1, 0]", ROAST_ELEM_INT);
  roast_rt_list_permute(l, order, LOC);
  expect_raised(&roast_rt_class_ValueError, "permute after the list grew");
  roast_rt_release(&l->header);
  roast_rt_release(&order->header);
}

/* ---- Refcounts, spelled out ------------------------------------------------------ */

#define EXPECT_RC(obj, n)                                                                          \
  CHECK((obj)->header.refcount == (n), "line %d: refcount of " #obj " is %" PRId64 ", not %d",     \
        __LINE__, (obj)->header.refcount, (n))

static void test_refcounts(void) {
  RoastStr *a = roast_rt_str_new("a", 1), *b = roast_rt_str_new("b", 1);
  RoastList *l = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  EXPECT_RC(l, 1);
  CHECK(l->length == 0 && l->items == NULL && kind_of(l) == ROAST_ELEM_OBJECT &&
            l->header.type_id == ROAST_TYPE_LIST,
        "new list: length %" PRId64, l->length);
  CHECK((char *)&l->length - (char *)l == 16, "length is not at offset 16");
  roast_rt_list_append(l, object_slot(a));
  roast_rt_list_append(l, object_slot(b));
  roast_rt_list_append(l, object_slot(a)); /* [a, b, a] */
  EXPECT_RC(a, 3);
  EXPECT_RC(b, 2);
  CHECK(roast_rt_list_get(l, -1, LOC) == object_slot(a), "get");
  EXPECT_RC(a, 3); /* get is borrowed */
  roast_rt_list_set(l, 0, object_slot(a), LOC); /* the same object over itself */
  EXPECT_RC(a, 3);
  roast_rt_list_set(l, 0, object_slot(b), LOC); /* [b, b, a] */
  EXPECT_RC(a, 2);
  EXPECT_RC(b, 3);
  uint64_t popped = roast_rt_list_pop(l, 0, 1, LOC); /* [b, a], and b handed over */
  EXPECT_RC(b, 3);
  roast_rt_release(slot_object(popped));
  EXPECT_RC(b, 2);
  RoastList *twice = roast_rt_list_repeat(l, 3); /* [b, a] * 3 */
  EXPECT_RC(a, 5);
  EXPECT_RC(b, 5);
  RoastList *sum = roast_rt_list_concat(l, twice);
  EXPECT_RC(a, 9);
  roast_rt_release(&twice->header);
  roast_rt_release(&sum->header);
  EXPECT_RC(a, 2);
  EXPECT_RC(b, 2);
  roast_rt_list_extend(l, l); /* [b, a, b, a] */
  EXPECT_RC(a, 3);
  roast_rt_list_sort(l, 1, LOC); /* [b, b, a, a]: sorting moves, never retains */
  EXPECT_RC(a, 3);
  roast_rt_list_remove(l, object_slot(a), LOC);
  roast_rt_list_del_item(l, 0, LOC); /* [b, a] */
  EXPECT_RC(a, 2);
  EXPECT_RC(b, 2);
  roast_rt_list_slice_assign(l, 0, 1, 0, ROAST_SLICE_START | ROAST_SLICE_STOP, l, LOC);
  EXPECT_RC(a, 3); /* [b, a, a] */
  EXPECT_RC(b, 2);
  RoastList *copy = roast_rt_list_copy(l);
  roast_rt_list_clear(l);
  CHECK(l->length == 0 && l->capacity == 0, "clear keeps storage");
  EXPECT_RC(a, 3);
  EXPECT_RC(b, 2);
  RoastList *outer = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(outer, object_slot(copy));
  roast_rt_list_append(outer, 0); /* None */
  roast_rt_release(&copy->header);
  EXPECT_RC(copy, 1);
  roast_rt_release(&outer->header); /* frees copy, which releases a and b */
  EXPECT_RC(a, 1);
  EXPECT_RC(b, 1);
  roast_rt_release(&l->header);
  roast_rt_release(&a->header);
  roast_rt_release(&b->header);
}

/* ---- Lists inside themselves, deep nesting ------------------------------------------ */

static void test_cycles(void) {
  RoastStr *x = roast_rt_str_new("x", 1);
  RoastList *a = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(a, object_slot(x));
  roast_rt_list_append(a, object_slot(a)); /* a = ['x', a] */
  RoastList *b = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(b, object_slot(a));
  roast_rt_list_append(b, object_slot(a));
  RoastList *inner = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(inner, object_slot(a));
  RoastList *c = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(c, object_slot(inner));
  roast_rt_list_append(c, object_slot(a));
  roast_rt_release(&inner->header);
  RoastList *d = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(d, object_slot(d));

  check_text(repr_of(a), cycle_results[0], "repr(a)");
  check_text(repr_of(b), cycle_results[1], "repr([a, a])");
  check_text(repr_of(c), cycle_results[2], "repr([[a], a])");
  check_text(repr_of(d), cycle_results[3], "repr(d)");
  check_text(text_of(roast_rt_list_eq(a, a) ? "True" : "False"), cycle_results[4], "a == a");
  check_text(int_text(roast_rt_list_count(a, object_slot(a))), cycle_results[5], "a.count(a)");
  check_text(int_text(roast_rt_list_index(a, object_slot(a), LOC)), cycle_results[6],
             "a.index(a)");
  check_text(text_of(roast_rt_list_contains(a, object_slot(a)) ? "True" : "False"),
             cycle_results[7], "a in a");
  CHECK((a->header.flags & ~(uint32_t)ROAST_LIST_KIND_MASK) == 0, "repr left a flag behind");
  EXPECT_RC(a, 6); /* itself, b twice, inner, c and ours */

  /* No cycle collector: break the cycles, or they leak. */
  roast_rt_list_clear(a);
  roast_rt_list_clear(d);
  roast_rt_release(&b->header);
  roast_rt_release(&c->header);
  EXPECT_RC(a, 1);
  roast_rt_release(&a->header);
  roast_rt_release(&d->header);
  EXPECT_RC(x, 1);
  roast_rt_release(&x->header);
}

/* [[[...[leaf]...]]], depth levels deep, built from the inside out; with
 * strs, every 100th level also holds one. */
static RoastList *nested(int64_t depth, bool with_strs) {
  RoastList *l = roast_rt_list_new(0, ROAST_ELEM_INT);
  roast_rt_list_append(l, 7);
  for (int64_t i = 0; i < depth; ++i) {
    RoastList *outer = roast_rt_list_new(2, ROAST_ELEM_OBJECT);
    roast_rt_list_append(outer, object_slot(l));
    roast_rt_release(&l->header);
    if (with_strs && i % 100 == 0) {
      RoastStr *s = roast_rt_str_new("level", 5);
      roast_rt_list_append(outer, object_slot(s));
      roast_rt_release(&s->header);
    }
    l = outer;
  }
  return l;
}

static void test_deep_nesting(void) {
  /* Freeing must not recurse: 400000 levels would need tens of MB of stack
   * (release, dealloc and free for each), and the tests run on 8 MiB. */
  RoastList *deep = nested(400000, true);
  roast_rt_release(&deep->header);
  /* Equal and ordered comparisons of moderately deep lists work. */
  RoastList *x = nested(10000, false), *y = nested(10000, false);
  CHECK(roast_rt_list_eq(x, y), "deep lists equal");
  CHECK(!roast_rt_list_richcompare(x, y, ROAST_CMP_LT, LOC), "deep lists <");
  roast_rt_release(&x->header);
  roast_rt_release(&y->header);
}

/* Raising returns: a RecursionError part way down ends repr, == and <
 * there (no second error on the way back up), and leaves no list marked
 * as being written. */
static void test_deep_errors(void) {
  RoastList *x = nested(100000, false), *y = nested(100000, false);
  roast_rt_stack_limit = (char *)__builtin_frame_address(0) - 256 * 1024;
  RoastStr *r = roast_rt_list_repr(x);
  CHECK(r == NULL, "a repr that raised returned text");
  expect_raised(&roast_rt_class_RecursionError, "deep repr");
  (void)roast_rt_list_eq(x, y);
  expect_raised(&roast_rt_class_RecursionError, "deep ==");
  (void)roast_rt_list_richcompare(x, y, ROAST_CMP_LT, LOC);
  expect_raised(&roast_rt_class_RecursionError, "deep <");
  (void)roast_rt_list_index(x, object_slot(y), LOC); /* compares x[0] with y */
  expect_raised(&roast_rt_class_RecursionError, "deep index");
  roast_rt_stack_limit = NULL;
  bool marked = false;
  for (const RoastList *l = x; kind_of(l) == ROAST_ELEM_OBJECT;
       l = (const RoastList *)slot_object(l->items[0]))
    marked |= (l->header.flags & ~(uint32_t)ROAST_LIST_KIND_MASK) != 0;
  CHECK(!marked, "a repr that raised left a list marked");
  roast_rt_release(&x->header);
  roast_rt_release(&y->header);
}

/* Too deep for the stack limit: RecursionError, as CPython at its limit. */
static void deep_in_child(const void *arg) {
  int which = *(const int *)arg;
  child_lists[0] = nested(100000, false);
  child_lists[1] = nested(100000, false);
  roast_rt_stack_limit = (char *)__builtin_frame_address(0) - 256 * 1024;
  switch (which) {
  case 0: roast_rt_print_list(child_lists[0]); break;
  case 1: roast_rt_list_eq(child_lists[0], child_lists[1]); break;
  default: roast_rt_list_richcompare(child_lists[0], child_lists[1], ROAST_CMP_LT, LOC); break;
  }
}

/* ---- Packed bool lists --------------------------------------------------------------------- */

/* Whether the first n bytes of a bool list's items are all 0 or 1. */
static bool bytes_are_bools(const RoastList *l) {
  const unsigned char *bytes = (const unsigned char *)l->items;
  for (int64_t i = 0; i < l->length; ++i)
    if (bytes[i] > 1)
      return false;
  return true;
}

/* A list[bool] stores one byte per element (ListInternal.h) while every
 * function still takes and returns 8-byte slots: a sieve of 100003 bools
 * through the runtime's calls, then the operations that move, convert and
 * search those bytes, on a list much longer than any table case. */
static void test_packed_bools(void) {
  enum { N = 100003, PRIMES = 9592 }; /* primes below N (100001 = 11 * 9091) */
  RoastList *one = make_list("[True]", ROAST_ELEM_BOOL);
  RoastList *l = roast_rt_list_repeat(one, N);
  CHECK(l->length == N && l->capacity == N && kind_of(l) == ROAST_ELEM_BOOL,
        "[True] * N: length %" PRId64 ", capacity %" PRId64, l->length, l->capacity);
  const unsigned char *bytes = (const unsigned char *)l->items;
  CHECK(bytes[0] == 1 && bytes[N / 2] == 1 && bytes[N - 1] == 1 && bytes_are_bools(l),
        "[True] * N is N bytes of 1");
  roast_rt_list_set(l, 0, 0, LOC);
  roast_rt_list_set(l, -N + 1, 0, LOC);
  for (int64_t i = 2; i * i < N; ++i)
    if (roast_rt_list_get(l, i, LOC))
      for (int64_t j = i * i; j < N; j += i)
        roast_rt_list_set(l, j, 0, LOC);
  bytes = (const unsigned char *)l->items;
  CHECK(bytes[97] == 1 && bytes[99] == 0 && bytes[2] == 1 && bytes[1] == 0 && bytes_are_bools(l),
        "the sieve's bytes");
  CHECK(roast_rt_list_count(l, 1) == PRIMES && roast_rt_list_count(l, 0) == N - PRIMES,
        "count: %" PRId64, roast_rt_list_count(l, 1));
  CHECK(roast_rt_list_sum_int(l, LOC) == PRIMES, "sum");
  CHECK(roast_rt_list_get(l, -1, LOC) == 0 && roast_rt_list_get(l, -12, LOC) == 1 &&
            roast_rt_list_get(l, -13, LOC) == 0,
        "l[-1], l[-12] (99991 is prime), l[-13]");
  CHECK(roast_rt_list_index(l, 1, LOC) == 2 && roast_rt_list_index(l, 0, LOC) == 0, "index");
  CHECK(roast_rt_list_contains(l, 1) && roast_rt_list_contains(l, 0), "in");
  CHECK(roast_rt_list_any(l) && !roast_rt_list_all(l), "any, all");
  CHECK(roast_rt_list_extreme(l, 0, LOC) == 0 && roast_rt_list_extreme(l, 1, LOC) == 1,
        "min, max");

  /* Inserting and popping at the front moves every byte by one. */
  roast_rt_list_insert(l, 0, 1);
  CHECK(l->length == N + 1 && roast_rt_list_get(l, 0, LOC) == 1 &&
            roast_rt_list_get(l, 3, LOC) == 1 && roast_rt_list_get(l, 100, LOC) == 0 &&
            roast_rt_list_get(l, 98, LOC) == 1,
        "insert(0, True)");
  CHECK(roast_rt_list_pop(l, 0, 1, LOC) == 1 && l->length == N &&
            roast_rt_list_count(l, 1) == PRIMES && roast_rt_list_get(l, 97, LOC) == 1,
        "pop(0)");
  roast_rt_list_remove(l, 0, LOC); /* the first False: l[0] */
  CHECK(l->length == N - 1 && roast_rt_list_get(l, 1, LOC) == 1 &&
            roast_rt_list_get(l, 96, LOC) == 1,
        "remove(False)");
  roast_rt_list_insert(l, 0, 0);

  /* Slices copy bytes: evens (only 2 is prime), a reversed copy. */
  RoastList *evens = roast_rt_list_slice(l, 2, 0, 2, ROAST_SLICE_START | ROAST_SLICE_STEP, LOC);
  CHECK(evens->length == (N - 1) / 2 && roast_rt_list_count(evens, 1) == 1 &&
            roast_rt_list_get(evens, 0, LOC) == 1 && bytes_are_bools(evens),
        "l[2::2]: %" PRId64 " elements", evens->length);
  RoastList *backwards = roast_rt_list_slice(l, 0, 0, -1, ROAST_SLICE_STEP, LOC);
  RoastList *twice = roast_rt_list_copy(backwards);
  roast_rt_list_reverse(twice);
  CHECK(roast_rt_list_get(backwards, -98, LOC) == 1 && roast_rt_list_eq(twice, l) &&
            !roast_rt_list_eq(backwards, l),
        "l[::-1] reversed is l");
  /* Slice assignment that grows and shrinks the list in the middle. */
  roast_rt_list_slice_assign(twice, 10, 20, 0, ROAST_SLICE_START | ROAST_SLICE_STOP, evens, LOC);
  CHECK(twice->length == N - 10 + evens->length && roast_rt_list_get(twice, 10, LOC) == 1 &&
            roast_rt_list_get(twice, 11, LOC) == 0 &&
            roast_rt_list_get(twice, 10 + evens->length + 3, LOC) == 1 && /* 23 */
            roast_rt_list_count(twice, 1) == PRIMES - 4 + 1,                /* 11 13 17 19 out */
        "l[10:20] = evens");
  roast_rt_list_slice_assign(twice, 10, 10 + evens->length, 0,
                             ROAST_SLICE_START | ROAST_SLICE_STOP, one, LOC);
  CHECK(twice->length == N - 9 && roast_rt_list_get(twice, 10, LOC) == 1 &&
            roast_rt_list_get(twice, 11, LOC) == 0 && roast_rt_list_count(twice, 1) == PRIMES - 3,
        "l[10:10+len] = [True]");

  /* Sorting counts: all Falses, then all Trues (or the reverse). */
  roast_rt_list_sort(twice, 0, LOC);
  bytes = (const unsigned char *)twice->items;
  int64_t falses = twice->length - (PRIMES - 3);
  CHECK(bytes[0] == 0 && bytes[falses - 1] == 0 && bytes[falses] == 1 &&
            bytes[twice->length - 1] == 1 && bytes_are_bools(twice),
        "sort()");
  roast_rt_list_sort(twice, 1, LOC);
  bytes = (const unsigned char *)twice->items;
  CHECK(bytes[0] == 1 && bytes[PRIMES - 4] == 1 && bytes[PRIMES - 3] == 0 &&
            bytes[twice->length - 1] == 0,
        "sort(reverse=True)");

  /* Widening into 8-byte slots: extend, +, slice assignment. */
  RoastList *head = roast_rt_list_slice(l, 0, 12, 0, ROAST_SLICE_STOP, LOC);
  check_text(repr_of(head),
             "[False, False, True, True, False, True, False, True, False, False, False, True]",
             "l[:12]");
  RoastList *floats = make_list("[0.5]", ROAST_ELEM_FLOAT);
  roast_rt_list_extend(floats, head);
  check_text(repr_of(floats),
             "[0.5, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]",
             "floats.extend(bools)");
  RoastList *ints = make_list("[7, 8]", ROAST_ELEM_INT);
  RoastList *sum = roast_rt_list_concat(head, ints);
  check_text(repr_of(sum), "[0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 7, 8]", "bools + ints");
  RoastList *pair = roast_rt_list_slice(l, 1, 3, 0, ROAST_SLICE_START | ROAST_SLICE_STOP, LOC);
  roast_rt_list_slice_assign(ints, 1, 0, -1, ROAST_SLICE_START | ROAST_SLICE_STEP, pair, LOC);
  check_text(repr_of(ints), "[1, 0]", "ints[1::-1] = [False, True]");
  roast_rt_release(&pair->header);

  /* Sets and dicts hand out packed lists too. */
  RoastSet *set = roast_rt_set_from_list(l, ROAST_ELEM_BOOL);
  RoastList *members = roast_rt_set_to_list(set);
  check_text(repr_of(members), "[False, True]", "list(set(l))");
  RoastSet *float_set = roast_rt_set_from_list(l, ROAST_ELEM_FLOAT);
  RoastList *float_members = roast_rt_set_to_list(float_set);
  check_text(repr_of(float_members), "[0.0, 1.0]", "list(set[float](l))");
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_BOOL);
  for (int64_t k = 0; k < 6; ++k)
    roast_rt_dict_set(d, (uint64_t)k, roast_rt_list_get(l, k, LOC));
  RoastList *values = roast_rt_dict_values(d);
  check_text(repr_of(values), "[False, False, True, True, False, True]", "d.values()");

  /* Popping nearly everything (from the end) shrinks the storage: bytes, reallocated. */
  while (l->length > 3)
    roast_rt_list_pop(l, 0, 0, LOC);
  CHECK(l->capacity < 100 && bytes_are_bools(l), "capacity after pops: %" PRId64, l->capacity);
  check_text(repr_of(l), "[False, False, True]", "l[:3] after pops");
  roast_rt_list_clear(l);
  CHECK(l->length == 0 && l->items == NULL && !roast_rt_list_any(l) && roast_rt_list_all(l),
        "clear");

  RoastList *lists[] = {one, l, evens, backwards, twice, head, floats, ints, sum, members,
                        float_members, values};
  for (size_t k = 0; k < COUNT(lists); ++k)
    roast_rt_release(&lists[k]->header);
  roast_rt_release((RoastObject *)set);
  roast_rt_release((RoastObject *)float_set);
  roast_rt_release((RoastObject *)d);
}

/* ---- Memory errors, printing ------------------------------------------------------------- */

/* A list claiming the most slots a list can have (its items are never
 * touched): growing it must end in MemoryError before any arithmetic wraps. */
static uint64_t one_slot[1];
static RoastList full_list = {{1, ROAST_TYPE_LIST, ROAST_ELEM_INT},
                              (int64_t)(INT64_MAX / 8),
                              (int64_t)(INT64_MAX / 8),
                              one_slot};

static void memory_error_in_child(const void *arg) {
  int which = *(const int *)arg;
  switch (which) {
  case 0: roast_rt_list_append(&full_list, 1); break;
  case 1: roast_rt_list_insert(&full_list, 0, 1); break;
  case 2: roast_rt_list_extend(&full_list, &full_list); break;
  case 3: roast_rt_list_new(INT64_MAX, ROAST_ELEM_INT); break;
  case 4: roast_rt_list_new(INT64_C(1) << 59, ROAST_ELEM_INT); break; /* 4 EiB from malloc */
  default: roast_rt_list_concat(&full_list, &full_list); break;
  }
}

static void print_in_child(const void *arg) {
  (void)arg;
  for (size_t i = 0; i < COUNT(list_cases); ++i) {
    if (list_cases[i].op != L_REPR)
      continue;
    RoastList *l = make_list(list_cases[i].list, list_cases[i].kind);
    roast_rt_print_list(l);
    roast_rt_print_cstr("\n");
    roast_rt_print_object_repr(&l->header);
    roast_rt_print_cstr("\n");
    roast_rt_release(&l->header);
  }
  RoastStr *s = roast_rt_str_new("it's", 4);
  roast_rt_print_object_repr(NULL);
  roast_rt_print_cstr(" ");
  roast_rt_print_object_repr(&s->header);
  roast_rt_print_cstr("\n");
  roast_rt_release(&s->header);
}

static void test_errors_and_printing(void) {
  char expected[256], what[64];
  for (int i = 0; i < 3; ++i) {
    /* repr has no location; == neither; < has. */
    snprintf(expected, sizeof expected, TB "%s%s\n", i == 2 ? AT : "", recursion_errors[i]);
    snprintf(what, sizeof what, "recursion error %d", i);
    expect_child_stderr(deep_in_child, &i, expected, what);
  }
  for (int i = 0; i < 6; ++i) {
    snprintf(what, sizeof what, "memory error %d", i);
    expect_child_stderr(memory_error_in_child, &i, FATAL_MEMORY_ERROR, what);
  }

  ChildResult r = run_in_child(print_in_child, NULL);
  size_t size = 1;
  for (size_t i = 0; i < COUNT(list_cases); ++i)
    if (list_cases[i].op == L_REPR)
      size += 2 * (strlen(list_cases[i].result) + 1);
  char *want = malloc(size + 32), *p = want;
  for (size_t i = 0; i < COUNT(list_cases); ++i)
    if (list_cases[i].op == L_REPR)
      for (int twice = 0; twice < 2; ++twice)
        p += sprintf(p, "%s\n", list_cases[i].result);
  strcpy(p, "None \"it's\"\n");
  CHECK(r.status == 0 && strcmp(r.out, want) == 0, "print: status %d, got\n%s\nexpected\n%s",
        r.status, r.out, want);
  free(want);
  free(r.out);
  free(r.err);
}

void test_list(void) {
  test_refcounts();
  test_list_cases();
  test_slices();
  test_slice_assign();
  test_sort_stability();
  test_big_sorts();
  test_argsort();
  test_sort_errors();
  test_packed_bools();
  test_cycles();
  test_deep_nesting();
  test_deep_errors();
  test_errors_and_printing();
}
