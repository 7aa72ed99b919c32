/* collection_tests.c - unit tests of hashing, boxed tuples, dicts and sets, against CPython 3.12. */
/* White-box where it helps: HashTableInternal.h lets the refcount audit walk
 * dicts and sets and lets the growth test look at the table itself. */
#include "HashTableInternal.h"
#include "runtime_tests.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct HashCase {
  const char *repr; /* a value, as CPython writes it */
  int64_t hash;     /* CPython's hash() of it */
} HashCase;

typedef struct SetOpCase {
  const char *a, *b, *op;
  const char *result; /* repr of the resulting set, or True / False */
} SetOpCase;

typedef struct CompareCase {
  const char *a, *b, *op; /* [a] OP [b] */
  const char *result;     /* True / False, or NULL if it raises */
  const char *error;      /* the last line of stderr if it raises */
} CompareCase;

typedef struct TupleListCase {
  const char *list, *sorted, *sorted_reverse, *min, *max, *probe;
  bool contains;
  int64_t index; /* of probe, -1 when absent */
  int64_t count;
} TupleListCase;

#include "collection_expectations.inc"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))
#define LOC "p.py", 1, "f"
#define TB "Traceback (most recent call last):\n"
#define AT "  File \"p.py\", line 1, in f\n"

static uint64_t object_slot(const void *o) { return (uint64_t)(uintptr_t)o; }
static RoastObject *slot_object(uint64_t slot) { return (RoastObject *)(uintptr_t)slot; }

/* A value of any kind: a slot and the kind it has. */
typedef struct Value {
  uint32_t kind;
  uint64_t slot;
} Value;

static void release_value(Value v) {
  if (v.kind == ROAST_ELEM_OBJECT)
    roast_rt_release(slot_object(v.slot));
}

/* ---- Values from their Python repr ------------------------------------------ */

/* Reads CPython's repr (or simple source: nan, inf) back into runtime
 * objects, with fresh strs so refcounts can be checked exactly.  A
 * container's kind is its first element's (ints when empty). */
typedef struct Parser {
  const char *text, *p;
} Parser;

static void parse_fail(const Parser *ps, const char *why) {
  fprintf(stderr, "collection_tests: cannot parse %s at offset %d: %s\n", ps->text,
          (int)(ps->p - ps->text), why);
  exit(2);
}

static bool accept(Parser *ps, const char *word) {
  size_t n = strlen(word);
  if (strncmp(ps->p, word, n) != 0)
    return false;
  ps->p += n;
  return true;
}

static RoastStr *parse_str(Parser *ps) {
  char quote = *ps->p++;
  char *bytes = malloc(strlen(ps->p) + 1);
  size_t n = 0;
  while (*ps->p != quote) {
    if (!*ps->p)
      parse_fail(ps, "unterminated str");
    char c = *ps->p++;
    if (c == '\\') {
      c = *ps->p++;
      c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
    }
    bytes[n++] = c;
  }
  ++ps->p;
  RoastStr *s = roast_rt_str_new(bytes, (int64_t)n);
  free(bytes);
  return s;
}

static Value parse_value(Parser *ps);

/* Elements up to `close`, separated by ", "; a tuple's may end in ",". */
static size_t parse_items(Parser *ps, char close, Value **out) {
  size_t n = 0, capacity = 0;
  Value *items = NULL;
  while (*ps->p != close) {
    if (n > 0 && !accept(ps, ", ") && !(close == ')' && accept(ps, ",")))
      parse_fail(ps, "expected ,");
    if (*ps->p == close)
      break;
    if (n == capacity)
      items = realloc(items, (capacity = capacity * 2 + 4) * sizeof *items);
    items[n++] = parse_value(ps);
  }
  ++ps->p;
  *out = items;
  return n;
}

static uint32_t common_kind(const Parser *ps, const Value *items, size_t n) {
  for (size_t k = 1; k < n; ++k)
    if (items[k].kind != items[0].kind)
      parse_fail(ps, "not homogeneous");
  return n ? items[0].kind : ROAST_ELEM_INT;
}

static Value parse_container(Parser *ps) {
  char open = *ps->p++;
  Value *items;
  if (open == '(') {
    size_t n = parse_items(ps, ')', &items);
    uint8_t kinds[64];
    for (size_t k = 0; k < n; ++k)
      kinds[k] = (uint8_t)items[k].kind;
    RoastTuple *t = roast_rt_tuple_new((int64_t)n, kinds);
    for (size_t k = 0; k < n; ++k)
      t->items[k] = items[k].slot; /* the tuple takes the reference */
    free(items);
    return (Value){ROAST_ELEM_OBJECT, object_slot(t)};
  }
  if (open == '[') {
    size_t n = parse_items(ps, ']', &items);
    RoastList *l = roast_rt_list_new(0, common_kind(ps, items, n));
    for (size_t k = 0; k < n; ++k) {
      roast_rt_list_append(l, items[k].slot);
      release_value(items[k]);
    }
    free(items);
    return (Value){ROAST_ELEM_OBJECT, object_slot(l)};
  }
  /* '{': a dict if the first element is followed by ": " */
  if (accept(ps, "}"))
    return (Value){ROAST_ELEM_OBJECT, object_slot(roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_INT))};
  Value first = parse_value(ps);
  if (!accept(ps, ": ")) {
    RoastSet *s = roast_rt_set_new(first.kind);
    roast_rt_set_add(s, first.slot);
    release_value(first);
    while (accept(ps, ", ")) {
      Value v = parse_value(ps);
      if (v.kind != first.kind)
        parse_fail(ps, "not homogeneous");
      roast_rt_set_add(s, v.slot);
      release_value(v);
    }
    if (!accept(ps, "}"))
      parse_fail(ps, "expected }");
    return (Value){ROAST_ELEM_OBJECT, object_slot(s)};
  }
  Value value = parse_value(ps);
  RoastDict *d = roast_rt_dict_new(first.kind, value.kind);
  for (;;) {
    if (first.kind != roast_rt_dict_key_kind(d) || value.kind != roast_rt_dict_value_kind(d))
      parse_fail(ps, "not homogeneous");
    roast_rt_dict_set(d, first.slot, value.slot);
    release_value(first);
    release_value(value);
    if (accept(ps, "}"))
      return (Value){ROAST_ELEM_OBJECT, object_slot(d)};
    if (!accept(ps, ", "))
      parse_fail(ps, "expected , or }");
    first = parse_value(ps);
    if (!accept(ps, ": "))
      parse_fail(ps, "expected :");
    value = parse_value(ps);
  }
}

static Value parse_value(Parser *ps) {
  char c = *ps->p;
  if (c == '(' || c == '[' || c == '{')
    return parse_container(ps);
  if (c == '\'' || c == '"')
    return (Value){ROAST_ELEM_OBJECT, object_slot(parse_str(ps))};
  if (accept(ps, "set()"))
    return (Value){ROAST_ELEM_OBJECT, object_slot(roast_rt_set_new(ROAST_ELEM_INT))};
  if (accept(ps, "None"))
    return (Value){ROAST_ELEM_OBJECT, 0};
  if (accept(ps, "True"))
    return (Value){ROAST_ELEM_BOOL, 1};
  if (accept(ps, "False"))
    return (Value){ROAST_ELEM_BOOL, 0};
  const char *end = ps->p;
  bool is_float = false;
  while (*end && (strchr("+-.", *end) || (*end >= '0' && *end <= '9') ||
                  (*end >= 'a' && *end <= 'z'))) {
    is_float |= strchr(".eni", *end) != NULL;
    ++end;
  }
  if (end == ps->p)
    parse_fail(ps, "expected a value");
  char *stop;
  Value v;
  if (is_float) {
    v.kind = ROAST_ELEM_FLOAT;
    v.slot = roast_rt_double_slot(strtod(ps->p, &stop));
  } else {
    v.kind = ROAST_ELEM_INT;
    v.slot = (uint64_t)strtoll(ps->p, &stop, 10);
  }
  if (stop != end)
    parse_fail(ps, "bad number");
  ps->p = end;
  return v;
}

static Value make(const char *repr) {
  Parser ps = {repr, repr};
  Value v = parse_value(&ps);
  if (*ps.p)
    parse_fail(&ps, "junk after the value");
  return v;
}

/* ---- Results as text ------------------------------------------------------------- */

static char *take_str(RoastStr *s) {
  CHECK(s->header.refcount == 1 && s->header.type_id == ROAST_TYPE_STR, "repr: a fresh str");
  char *text = malloc((size_t)s->length + 1);
  memcpy(text, s->data, (size_t)s->length + 1);
  roast_rt_release(&s->header);
  return text;
}

/* repr of a value through the type's own repr function. */
static char *repr_of(Value v) {
  RoastObject *o = v.kind == ROAST_ELEM_OBJECT ? slot_object(v.slot) : NULL;
  if (o) {
    switch (o->type_id) {
    case ROAST_TYPE_TUPLE: return take_str(roast_rt_tuple_repr((RoastTuple *)o));
    case ROAST_TYPE_DICT: return take_str(roast_rt_dict_repr((RoastDict *)o));
    case ROAST_TYPE_SET: return take_str(roast_rt_set_repr((RoastSet *)o));
    case ROAST_TYPE_LIST: return take_str(roast_rt_list_repr((RoastList *)o));
    default: break;
    }
  }
  /* Others through a one-element list: "[x]" without the brackets. */
  RoastList *l = roast_rt_list_new(1, v.kind);
  roast_rt_list_append(l, v.slot);
  char *text = take_str(roast_rt_list_repr(l));
  roast_rt_release(&l->header);
  size_t n = strlen(text);
  memmove(text, text + 1, n - 2);
  text[n - 2] = '\0';
  return text;
}

static void check_text(char *got, const char *expected, const char *what) {
  CHECK(strcmp(got, expected) == 0, "%s: expected %s, got %s", what, expected, got);
  free(got);
}

static void check_repr(const void *o, const char *expected, const char *what) {
  check_text(repr_of((Value){ROAST_ELEM_OBJECT, object_slot(o)}), expected, what);
}

/* ---- Refcount audit --------------------------------------------------------------- */

/* Every object reachable from the roots must have exactly as many
 * references as owners: one per slot holding it in a reachable container,
 * plus one per root.  Too many is a leak, too few a coming use-after-free. */
typedef struct Audit {
  RoastObject **objects;
  int64_t *owners;
  size_t n, capacity;
} Audit;

static void audit_slot(Audit *a, uint32_t kind, uint64_t slot);

static void audit_table(Audit *a, const RoastHashTable *t, uint32_t key_kind, uint32_t value_kind) {
  for (int64_t i = 0; i < t->nentries; ++i) {
    const uint64_t *e = roast_rt_table_entry(t, i);
    if (!roast_rt_entry_live(e))
      continue;
    audit_slot(a, key_kind, e[1]);
    if (t->width > 2)
      audit_slot(a, value_kind, e[2]);
  }
}

static void audit_slot(Audit *a, uint32_t kind, uint64_t slot) {
  RoastObject *o = slot_object(slot);
  if (kind != ROAST_ELEM_OBJECT || !o)
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
  switch (o->type_id) {
  case ROAST_TYPE_LIST: {
    const RoastList *l = (const RoastList *)o;
    for (int64_t i = 0; i < l->length; ++i)
      audit_slot(a, roast_rt_list_kind(l), roast_rt_list_load(l, i)); /* bools are bytes */
    break;
  }
  case ROAST_TYPE_TUPLE: {
    const RoastTuple *t = (const RoastTuple *)o;
    for (int64_t i = 0; i < t->length; ++i)
      audit_slot(a, roast_rt_tuple_kinds(t)[i], t->items[i]);
    break;
  }
  case ROAST_TYPE_DICT: {
    const RoastDict *d = (const RoastDict *)o;
    audit_table(a, &d->table, roast_rt_dict_key_kind(d), roast_rt_dict_value_kind(d));
    break;
  }
  case ROAST_TYPE_SET:
    audit_table(a, &((const RoastSet *)o)->table, roast_rt_set_kind((const RoastSet *)o), 0);
    break;
  default: break;
  }
}

static void check_refcounts(const void *const *roots, size_t n, const char *what) {
  Audit a = {NULL, NULL, 0, 0};
  for (size_t k = 0; k < n; ++k)
    audit_slot(&a, ROAST_ELEM_OBJECT, object_slot(roots[k]));
  for (size_t k = 0; k < a.n; ++k)
    CHECK(a.objects[k]->refcount == a.owners[k],
          "%s: an object (type %u) has refcount %" PRId64 " but %" PRId64 " owners", what,
          a.objects[k]->type_id, a.objects[k]->refcount, a.owners[k]);
  free(a.objects);
  free(a.owners);
}

#define AUDIT(what, ...)                                                                           \
  do {                                                                                             \
    const void *roots_[] = {__VA_ARGS__};                                                          \
    check_refcounts(roots_, COUNT(roots_), what);                                                  \
  } while (0)

/* ---- Hashes, reprs and comparisons against CPython ---------------------------------- */

static void test_hashes(void) {
  for (size_t i = 0; i < COUNT(hash_cases); ++i) {
    Value v = make(hash_cases[i].repr);
    int64_t h = roast_rt_slot_hash(v.kind, v.slot);
    CHECK(h == hash_cases[i].hash, "hash(%s): expected %" PRId64 ", got %" PRId64,
          hash_cases[i].repr, hash_cases[i].hash, h);
    release_value(v);
  }
  /* Equal values hash equal across kinds; strs by content. */
  CHECK(roast_rt_slot_hash(ROAST_ELEM_BOOL, 1) == roast_rt_slot_hash(ROAST_ELEM_INT, 1) &&
            roast_rt_slot_hash(ROAST_ELEM_FLOAT, roast_rt_double_slot(1.0)) ==
                roast_rt_slot_hash(ROAST_ELEM_INT, 1),
        "hash(True) == hash(1) == hash(1.0)");
  Value a = make("('x', (1, 'yz'))"), b = make("('x', (1, 'yz'))");
  CHECK(a.slot != b.slot && roast_rt_slot_hash(a.kind, a.slot) == roast_rt_slot_hash(b.kind, b.slot),
        "equal tuples of strs hash equal");
  release_value(a);
  release_value(b);
}

/* Boxed optional numbers (`int | None` in a slot) are transparent: a
 * list[int | None] prints, finds, compares and hashes its numbers as a
 * list[int] would; None is NULL. */
static void test_optional_boxes(void) {
  CHECK(roast_rt_box_optional(false, ROAST_ELEM_INT, 7) == NULL, "None is NULL");
  RoastObject *seven = roast_rt_box_optional(true, ROAST_ELEM_INT, 7);
  RoastObject *half = roast_rt_box_optional(true, ROAST_ELEM_FLOAT, roast_rt_double_slot(0.5));
  CHECK(roast_rt_box_slot(seven) == 7 && roast_rt_box_slot(NULL) == 0, "box slots");
  RoastList *l = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  roast_rt_list_append(l, object_slot(seven));
  roast_rt_list_append(l, 0);
  roast_rt_list_append(l, object_slot(half));
  check_repr(l, "[7, None, 0.5]", "repr of a list of optionals");
  RoastObject *other = roast_rt_box_optional(true, ROAST_ELEM_INT, 7);
  CHECK(roast_rt_list_contains(l, object_slot(other)), "7 in [7, None, 0.5]");
  CHECK(roast_rt_slot_hash(ROAST_ELEM_OBJECT, object_slot(other)) ==
            roast_rt_slot_hash(ROAST_ELEM_INT, 7),
        "hash of a boxed 7 is hash(7)");
  CHECK(roast_rt_slot_hash(ROAST_ELEM_OBJECT, 0) == roast_rt_slot_hash(ROAST_ELEM_OBJECT, 0),
        "hash(None)");
  roast_rt_release(other);
  roast_rt_release(seven);
  roast_rt_release(half);
  AUDIT("list of boxes", l);
  roast_rt_release(&l->header);
}

static void test_reprs(void) {
  for (size_t i = 0; i < COUNT(repr_cases); ++i) {
    Value v = make(repr_cases[i]);
    check_text(repr_of(v), repr_cases[i], "repr round trip");
    AUDIT(repr_cases[i], slot_object(v.slot));
    release_value(v);
  }
}

static void print_reprs_in_child(const void *arg) {
  (void)arg;
  for (size_t i = 0; i < COUNT(repr_cases); ++i) {
    Value v = make(repr_cases[i]);
    roast_rt_print_object_repr(slot_object(v.slot));
    roast_rt_print_cstr("\n");
    release_value(v);
  }
}

static void test_printing(void) {
  ChildResult r = run_in_child(print_reprs_in_child, NULL);
  size_t size = 1;
  for (size_t i = 0; i < COUNT(repr_cases); ++i)
    size += strlen(repr_cases[i]) + 1;
  char *want = malloc(size), *p = want;
  for (size_t i = 0; i < COUNT(repr_cases); ++i)
    p += sprintf(p, "%s\n", repr_cases[i]);
  CHECK(r.status == 0 && strcmp(r.out, want) == 0, "print: status %d, got\n%s\nexpected\n%s",
        r.status, r.out, want);
  free(want);
  free(r.out);
  free(r.err);
}

static const char *const op_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static int32_t op_of(const char *symbol) {
  for (int32_t op = 0; op < 6; ++op)
    if (strcmp(op_symbols[op], symbol) == 0)
      return op;
  fprintf(stderr, "collection_tests: unknown operator %s\n", symbol);
  exit(2);
}

/* Whether the result r of a binary set operation lists the elements of a
 * first, in a's order, then those of b (Runtime.h's promise). */
static bool in_operand_order(const RoastSet *r, const RoastSet *a, const RoastSet *b) {
  RoastList *elements = roast_rt_set_to_list(r);
  RoastList *la = roast_rt_set_to_list(a), *lb = roast_rt_set_to_list(b);
  int64_t last = -1;
  bool ok = true;
  for (int64_t i = 0; i < elements->length && ok; ++i) {
    uint64_t x = roast_rt_list_load(elements, i); /* a bool set gives a packed list */
    int64_t at = -1;
    for (int64_t j = 0; j < la->length && at < 0; ++j)
      if (roast_rt_slot_eq(roast_rt_set_kind(a), roast_rt_list_load(la, j), roast_rt_set_kind(r), x,
                           LOC))
        at = j;
    for (int64_t j = 0; j < lb->length && at < 0; ++j)
      if (roast_rt_slot_eq(roast_rt_set_kind(b), roast_rt_list_load(lb, j), roast_rt_set_kind(r), x,
                           LOC))
        at = la->length + j;
    ok = at > last;
    last = at;
  }
  roast_rt_release(&elements->header);
  roast_rt_release(&la->header);
  roast_rt_release(&lb->header);
  return ok;
}

static void test_set_ops(void) {
  for (size_t i = 0; i < COUNT(set_op_cases); ++i) {
    const SetOpCase *c = &set_op_cases[i];
    char what[160];
    snprintf(what, sizeof what, "%s %s %s", c->a, c->op, c->b);
    RoastSet *a = (RoastSet *)slot_object(make(c->a).slot);
    RoastSet *b = (RoastSet *)slot_object(make(c->b).slot);
    RoastSet *r = NULL, *in_place = roast_rt_set_copy(a);
    switch (c->op[0]) {
    case '|': r = roast_rt_set_union(a, b); roast_rt_set_update(in_place, b); break;
    case '&': r = roast_rt_set_intersection(a, b); roast_rt_set_intersection_update(in_place, b); break;
    case '-': r = roast_rt_set_difference(a, b); roast_rt_set_difference_update(in_place, b); break;
    case '^': r = roast_rt_set_symmetric_difference(a, b); break;
    default: {
      bool got;
      switch (op_of(c->op)) {
      case ROAST_CMP_EQ: got = roast_rt_set_eq(a, b); break;
      case ROAST_CMP_NE: got = !roast_rt_set_eq(a, b); break;
      case ROAST_CMP_LE: got = roast_rt_set_issubset(a, b); break;
      case ROAST_CMP_LT: got = roast_rt_set_issubset(a, b) && !roast_rt_set_eq(a, b); break;
      case ROAST_CMP_GE: got = roast_rt_set_issubset(b, a); break;
      default: got = roast_rt_set_issubset(b, a) && !roast_rt_set_eq(a, b); break;
      }
      CHECK(strcmp(got ? "True" : "False", c->result) == 0, "%s: expected %s", what, c->result);
    }
    }
    if (r) {
      RoastSet *want = (RoastSet *)slot_object(make(c->result).slot);
      CHECK(roast_rt_set_eq(r, want), "%s: expected %s, got %s", what, c->result,
            repr_of((Value){ROAST_ELEM_OBJECT, object_slot(r)}));
      CHECK(in_operand_order(r, a, b), "%s: elements out of operand order", what);
      if (c->op[0] != '^')
        CHECK(roast_rt_set_eq(in_place, want), "%s= in place", what);
      AUDIT(what, a, b, r, in_place, want);
      roast_rt_release(&want->header);
      roast_rt_release(&r->header);
    }
    roast_rt_release(&in_place->header);
    roast_rt_release(&a->header);
    roast_rt_release(&b->header);
  }
}

/* [a] OP [b] through roast_rt_list_richcompare, in the parent or a child. */
static bool compare_case(const CompareCase *c) {
  Value a = make(c->a), b = make(c->b);
  RoastList *la = roast_rt_list_new(1, a.kind), *lb = roast_rt_list_new(1, b.kind);
  roast_rt_list_append(la, a.slot);
  roast_rt_list_append(lb, b.slot);
  release_value(a);
  release_value(b);
  bool result = roast_rt_list_richcompare(la, lb, op_of(c->op), LOC);
  roast_rt_release(&la->header);
  roast_rt_release(&lb->header);
  return result;
}

static void compare_in_child(const void *arg) { compare_case(arg); }

static void test_compare_cases(void) {
  for (size_t i = 0; i < COUNT(compare_cases); ++i) {
    const CompareCase *c = &compare_cases[i];
    char what[200], expected[256];
    snprintf(what, sizeof what, "[%s] %s [%s]", c->a, c->op, c->b);
    if (c->error) {
      snprintf(expected, sizeof expected, TB AT "%s\n", c->error);
      expect_child_stderr(compare_in_child, c, expected, what);
      continue;
    }
    bool got = compare_case(c);
    CHECK(strcmp(got ? "True" : "False", c->result) == 0, "%s: expected %s", what, c->result);
  }
}

static void test_tuple_lists(void) {
  for (size_t i = 0; i < COUNT(tuple_list_cases); ++i) {
    const TupleListCase *c = &tuple_list_cases[i];
    RoastList *l = (RoastList *)slot_object(make(c->list).slot);
    Value probe = make(c->probe);
    uint64_t lo = roast_rt_list_extreme(l, 0, LOC), hi = roast_rt_list_extreme(l, 1, LOC);
    check_text(repr_of((Value){ROAST_ELEM_OBJECT, lo}), c->min, "min");
    check_text(repr_of((Value){ROAST_ELEM_OBJECT, hi}), c->max, "max");
    CHECK(roast_rt_list_contains(l, probe.slot) == c->contains, "%s in %.60s", c->probe, c->list);
    CHECK(roast_rt_list_count(l, probe.slot) == c->count, "count(%s)", c->probe);
    if (c->contains)
      CHECK(roast_rt_list_index(l, probe.slot, LOC) == c->index, "index(%s)", c->probe);
    RoastList *sorted = roast_rt_list_copy(l);
    roast_rt_list_sort(sorted, 0, LOC);
    check_text(repr_of((Value){ROAST_ELEM_OBJECT, object_slot(sorted)}), c->sorted, "sort");
    roast_rt_list_sort(sorted, 1, LOC);
    check_text(repr_of((Value){ROAST_ELEM_OBJECT, object_slot(sorted)}), c->sorted_reverse,
               "sort(reverse=True)");
    AUDIT("tuple lists", l, sorted, slot_object(probe.slot));
    roast_rt_release(&sorted->header);
    roast_rt_release(&l->header);
    release_value(probe);
  }
}

/* ---- Errors --------------------------------------------------------------------------- */

static RoastStr *str(const char *text) { return roast_rt_str_new(text, (int64_t)strlen(text)); }

/* What a child that raises still holds, kept reachable from here so that a
 * leak checker following the child does not report it. */
static void *child_roots[8];
static size_t child_root_count;

static void *keep(void *o) {
  if (child_root_count < COUNT(child_roots))
    child_roots[child_root_count++] = o;
  return o;
}

static uint64_t keep_slot(Value v) {
  keep(slot_object(v.slot));
  return v.slot;
}

static RoastList *keep_list(const char *repr) { return keep(slot_object(make(repr).slot)); }

/* The operations behind error_lines[i], in the same order. */
static void error_in_child(const void *arg) {
  size_t i = *(const size_t *)arg;
  static const char *const keys[] = {"'missing'", "(1, 2)", "42", "-0.5", "None",
                                     "(1, 'a', (2.5,))"};
  if (i < COUNT(keys)) {
    Value k = make(keys[i]);
    RoastDict *d = keep(roast_rt_dict_new(k.kind, ROAST_ELEM_INT));
    roast_rt_dict_get(d, keep_slot(k), LOC);
    return;
  }
  RoastDict *d = keep(roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_INT));
  roast_rt_dict_set(d, 1, 2);
  RoastSet *s = keep(roast_rt_set_new(ROAST_ELEM_OBJECT));
  static const char *const unhashable[] = {"([1],)", "({},)", "(set(),)"};
  static const char *const lists[] = {"[(1, None), (1, 'a')]", "[{1: 2}, {1: 3}]",
                                      "[(1, {1: 2}), (1, {1: 3})]"};
  switch (i) {
  case 6: roast_rt_dict_pop(d, 3, LOC); break;
  case 7: roast_rt_set_remove(s, object_slot(keep(str("x"))), LOC); break;
  case 8: roast_rt_set_pop(s, LOC); break;
  case 9: case 10: case 11: roast_rt_set_add(s, keep_slot(make(unhashable[i - 9]))); break;
  case 12: roast_rt_list_sort(keep_list(lists[0]), 0, LOC); break;
  case 13: roast_rt_list_richcompare(keep_list("[{1: 2}]"), keep_list("[{1: 3}]"), ROAST_CMP_LT, LOC); break;
  case 14: roast_rt_list_extreme(keep_list(lists[1]), 1, LOC); break;
  default: roast_rt_list_extreme(keep_list(lists[2]), 0, LOC); break;
  }
}

static void test_errors(void) {
  for (size_t i = 0; i < COUNT(error_lines); ++i) {
    /* hash() reports no location: the ABI passes none. */
    bool located = strstr(error_lines[i], "unhashable") == NULL;
    char expected[256], what[64];
    snprintf(expected, sizeof expected, TB "%s%s\n", located ? AT : "", error_lines[i]);
    snprintf(what, sizeof what, "error_lines[%zu]", i);
    expect_child_stderr(error_in_child, &i, expected, what);
  }
}

/* Raising returns: a key or element that cannot be hashed changes nothing
 * (and leaks nothing), a set being built from one is dropped, and
 * set.update() keeps what it added before. */
static void test_errors_return(void) {
  Value good = make("(1, 'a')"), bad = make("(2, [3])"), value = make("['v']");
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_OBJECT);
  roast_rt_dict_set(d, good.slot, value.slot);
  roast_rt_dict_set(d, bad.slot, value.slot);
  expect_raised(&roast_rt_class_TypeError, "d[(2, [3])] = v");
  (void)roast_rt_dict_get(d, bad.slot, LOC);
  expect_raised(&roast_rt_class_TypeError, "d[(2, [3])]");
  (void)roast_rt_dict_lookup(d, bad.slot, NULL);
  expect_raised(&roast_rt_class_TypeError, "(2, [3]) in d");
  roast_rt_dict_del(d, bad.slot, LOC);
  expect_raised(&roast_rt_class_TypeError, "del d[(2, [3])]");
  (void)roast_rt_dict_pop(d, bad.slot, LOC);
  expect_raised(&roast_rt_class_TypeError, "d.pop((2, [3]))");
  (void)roast_rt_dict_pop_default(d, bad.slot, value.slot);
  expect_raised(&roast_rt_class_TypeError, "d.pop((2, [3]), v)");
  (void)roast_rt_dict_setdefault(d, bad.slot, value.slot);
  expect_raised(&roast_rt_class_TypeError, "d.setdefault((2, [3]), v)");
  check_repr(d, "{(1, 'a'): ['v']}", "dict after unhashable keys");

  RoastSet *s = roast_rt_set_new(ROAST_ELEM_OBJECT);
  roast_rt_set_add(s, good.slot);
  roast_rt_set_add(s, bad.slot);
  expect_raised(&roast_rt_class_TypeError, "s.add((2, [3]))");
  (void)roast_rt_set_contains(s, bad.slot);
  expect_raised(&roast_rt_class_TypeError, "(2, [3]) in s");
  roast_rt_set_discard(s, bad.slot);
  expect_raised(&roast_rt_class_TypeError, "s.discard((2, [3]))");
  roast_rt_set_remove(s, bad.slot, LOC);
  expect_raised(&roast_rt_class_TypeError, "s.remove((2, [3]))");
  RoastList *items = (RoastList *)slot_object(make("[(3, 'c'), (2, [3]), (4, 'd')]").slot);
  CHECK(roast_rt_set_from_list(items, ROAST_ELEM_OBJECT) == NULL, "set(l) that raised: a set");
  expect_raised(&roast_rt_class_TypeError, "set([..., (2, [3]), ...])");
  roast_rt_set_update_list(s, items);
  expect_raised(&roast_rt_class_TypeError, "s.update([..., (2, [3]), ...])");
  check_repr(s, "{(1, 'a'), (3, 'c')}", "set after unhashable elements");

  AUDIT("after unhashable keys", d, s, items, slot_object(good.slot), slot_object(bad.slot),
        slot_object(value.slot));
  roast_rt_release(&d->header);
  roast_rt_release(&s->header);
  roast_rt_release(&items->header);
  release_value(good);
  release_value(bad);
  release_value(value);
}

/* Raising returns, in the middle of a lookup too: with the stack limit set
 * above this frame, every frame is "too deep", so comparing two distinct
 * equal tuples (same hash) raises RecursionError.  The lookup then stops:
 * no second error (KeyError, ValueError) on top, nothing stored or
 * removed, and a set being built is dropped (NULL). */
static void test_lookup_errors(void) {
  Value key = make("(1, 'a')"), twin = make("(1, 'a')"), other = make("(2, 'b')");
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_INT);
  roast_rt_dict_set(d, key.slot, 1);
  RoastDict *d2 = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_INT);
  roast_rt_dict_set(d2, twin.slot, 2);
  RoastSet *s = roast_rt_set_new(ROAST_ELEM_OBJECT), *t = roast_rt_set_new(ROAST_ELEM_OBJECT);
  roast_rt_set_add(s, key.slot);
  roast_rt_set_add(s, other.slot);
  roast_rt_set_add(t, twin.slot);
  RoastList *l = roast_rt_list_new(1, ROAST_ELEM_OBJECT);
  roast_rt_list_append(l, key.slot);
  char *too_deep = (char *)__builtin_frame_address(0) + 1024 * 1024;
#define TOO_DEEP(what, ...)                                                                        \
  do {                                                                                             \
    roast_rt_stack_limit = too_deep;                                                               \
    __VA_ARGS__;                                                                                   \
    roast_rt_stack_limit = NULL;                                                                   \
    expect_raised(&roast_rt_class_RecursionError, what);                                           \
  } while (0)
  TOO_DEEP("d[twin] = 3", roast_rt_dict_set(d, twin.slot, 3));
  TOO_DEEP("d[twin]", (void)roast_rt_dict_get(d, twin.slot, LOC));
  TOO_DEEP("del d[twin]", roast_rt_dict_del(d, twin.slot, LOC));
  TOO_DEEP("d.setdefault(twin, 3)", (void)roast_rt_dict_setdefault(d, twin.slot, 3));
  TOO_DEEP("d.update(d2)", roast_rt_dict_update(d, d2));
  TOO_DEEP("d == d2", (void)roast_rt_dict_eq(d, d2));
  TOO_DEEP("s.add(twin)", roast_rt_set_add(s, twin.slot));
  TOO_DEEP("s.remove(twin)", roast_rt_set_remove(s, twin.slot, LOC));
  TOO_DEEP("s | t", CHECK(!roast_rt_set_union(s, t), "s | t raised but made a set"));
  TOO_DEEP("s & t", CHECK(!roast_rt_set_intersection(s, t), "s & t raised but made a set"));
  TOO_DEEP("s - t", CHECK(!roast_rt_set_difference(s, t), "s - t raised but made a set"));
  TOO_DEEP("s ^ t",
           CHECK(!roast_rt_set_symmetric_difference(s, t), "s ^ t raised but made a set"));
  TOO_DEEP("s &= t", roast_rt_set_intersection_update(s, t));
  TOO_DEEP("s -= t", roast_rt_set_difference_update(s, t));
  TOO_DEEP("s |= t", roast_rt_set_update(s, t));
  TOO_DEEP("t <= s", (void)roast_rt_set_issubset(t, s));
  TOO_DEEP("twin in l", (void)roast_rt_list_contains(l, twin.slot));
  TOO_DEEP("l.index(twin)", (void)roast_rt_list_index(l, twin.slot, LOC));
  TOO_DEEP("l.count(twin)", (void)roast_rt_list_count(l, twin.slot));
  TOO_DEEP("key < twin", (void)roast_rt_tuple_richcompare((RoastTuple *)slot_object(key.slot),
                                                          (RoastTuple *)slot_object(twin.slot),
                                                          ROAST_CMP_LT, LOC));
  TOO_DEEP("l.remove(twin)", roast_rt_list_remove(l, twin.slot, LOC));
  TOO_DEEP("repr(l)", CHECK(!roast_rt_list_repr(l), "repr(l) raised but made a str"));
#undef TOO_DEEP
  check_repr(d, "{(1, 'a'): 1}", "dict after RecursionErrors");
  check_repr(s, "{(1, 'a'), (2, 'b')}", "set after RecursionErrors");
  check_repr(l, "[(1, 'a')]", "list after RecursionErrors");
  AUDIT("after RecursionErrors", d, d2, s, t, l, slot_object(key.slot), slot_object(twin.slot),
        slot_object(other.slot));
  const void *objects[] = {d, d2, s, t, l};
  for (size_t i = 0; i < COUNT(objects); ++i)
    roast_rt_release((RoastObject *)(uintptr_t)objects[i]);
  release_value(key);
  release_value(twin);
  release_value(other);
}

/* A class's __repr__ that raises, as compiled code would: the error is left
 * pending and the result is meaningless. */
static RoastStr *raising_repr(const RoastInstance *o) {
  (void)o;
  roast_rt_raise(ROAST_ERR_VALUE, "no repr", "c.py", 3, "__repr__");
  return NULL;
}

/* A __repr__ that raises inside a container's repr ends it there: no text,
 * and the containers are no longer marked as being written. */
static void test_repr_errors(void) {
  RoastClass *cls = malloc(sizeof(RoastClass) + sizeof(void *));
  *cls = (RoastClass){.name = "Bad", .size = (int64_t)sizeof(RoastInstance), .str_slot = -1,
                      .repr_slot = 0, .eq_slot = -1, .lt_slot = -1, .gt_slot = -1,
                      .hash_slot = -1, .num_methods = 1};
  cls->methods[0] = (void *)(uintptr_t)raising_repr;
  RoastInstance *bad = roast_rt_object_new(cls);
  RoastList *inner = roast_rt_list_new(1, ROAST_ELEM_OBJECT);
  RoastList *outer = roast_rt_list_new(1, ROAST_ELEM_OBJECT);
  roast_rt_list_append(inner, object_slot(bad));
  roast_rt_list_append(outer, object_slot(inner));
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_OBJECT);
  roast_rt_dict_set(d, 1, object_slot(outer));
  CHECK(!roast_rt_dict_repr(d), "a repr that raised made a str");
  expect_raised(&roast_rt_class_ValueError, "repr of a dict holding a Bad");
  CHECK(!(d->header.flags & ROAST_DICT_IN_REPR) &&
            !((outer->header.flags | inner->header.flags) & ROAST_LIST_IN_REPR),
        "a repr that raised left a container marked");
  roast_rt_list_clear(inner);
  check_repr(d, "{1: [[]]}", "repr after a repr raised");
  roast_rt_release(&d->header);
  roast_rt_release(&outer->header);
  roast_rt_release(&inner->header);
  roast_rt_release(&bad->header);
  free(cls);
}

/* ---- Tuples, dicts and sets by hand ---------------------------------------------------- */

#define EXPECT_RC(o, n)                                                                            \
  CHECK((o)->header.refcount == (n), "%s: refcount %" PRId64 ", expected %d", #o,                \
        (o)->header.refcount, (n))

static int64_t len_at_16(const void *o) {
  int64_t length;
  memcpy(&length, (const char *)o + 16, sizeof length);
  return length;
}

static void test_tuples(void) {
  static const uint8_t kinds[3] = {ROAST_ELEM_INT, ROAST_ELEM_OBJECT, ROAST_ELEM_FLOAT};
  RoastTuple *t = roast_rt_tuple_new(3, kinds);
  CHECK(t->header.refcount == 1 && t->header.type_id == ROAST_TYPE_TUPLE && t->length == 3 &&
            t->items[0] == 0 && t->items[1] == 0 && t->items[2] == 0 &&
            memcmp(roast_rt_tuple_kinds(t), kinds, 3) == 0 && len_at_16(t) == 3,
        "tuple_new: zeroed fields, kinds copied");
  check_repr(t, "(0, None, 0.0)", "zeroed tuple");
  RoastStr *s = str("s");
  t->items[0] = (uint64_t)-7;
  t->items[1] = object_slot(s); /* the compiler passes the reference on */
  roast_rt_retain(&s->header);
  t->items[2] = roast_rt_double_slot(0.25);
  check_repr(t, "(-7, 's', 0.25)", "tuple");
  EXPECT_RC(s, 2);
  roast_rt_release(&t->header);
  EXPECT_RC(s, 1);
  roast_rt_release(&s->header);
  RoastTuple *empty = roast_rt_tuple_new(0, NULL);
  check_repr(empty, "()", "empty tuple");
  CHECK(roast_rt_slot_hash(ROAST_ELEM_OBJECT, object_slot(empty)) == INT64_C(5740354900026072187),
        "hash(())");
  roast_rt_release(&empty->header);
}

static void test_dict_methods(void) {
  RoastStr *a = str("a"), *b = str("b"), *c = str("c"), *a2 = str("a"), *e = str("e");
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_INT);
  CHECK(d->header.refcount == 1 && d->header.type_id == ROAST_TYPE_DICT && len_at_16(d) == 0,
        "dict_new");
  check_repr(d, "{}", "empty dict");
  roast_rt_dict_set(d, object_slot(a), 1);
  roast_rt_dict_set(d, object_slot(b), 2);
  roast_rt_dict_set(d, object_slot(c), 3);
  check_repr(d, "{'a': 1, 'b': 2, 'c': 3}", "insertion order");
  roast_rt_dict_set(d, object_slot(a2), 10); /* an equal key: position and key object kept */
  check_repr(d, "{'a': 10, 'b': 2, 'c': 3}", "overwrite");
  EXPECT_RC(a, 2);
  EXPECT_RC(a2, 1);
  roast_rt_dict_del(d, object_slot(b), LOC);
  check_repr(d, "{'a': 10, 'c': 3}", "del");
  EXPECT_RC(b, 1);
  roast_rt_dict_set(d, object_slot(b), 4);
  check_repr(d, "{'a': 10, 'c': 3, 'b': 4}", "reinsert goes last");
  CHECK(len_at_16(d) == 3, "len 3");
  uint64_t v = 0;
  CHECK(roast_rt_dict_get(d, object_slot(a2), LOC) == 10, "get");
  CHECK(roast_rt_dict_lookup(d, object_slot(c), &v) && v == 3, "lookup");
  CHECK(!roast_rt_dict_lookup(d, object_slot(e), &v) && v == 3, "lookup of a missing key");
  CHECK(roast_rt_dict_lookup(d, object_slot(b), NULL), "in");
  CHECK(roast_rt_dict_pop(d, object_slot(c), LOC) == 3, "pop");
  CHECK(roast_rt_dict_pop_default(d, object_slot(e), 7) == 7, "pop default");
  CHECK(roast_rt_dict_setdefault(d, object_slot(a), 0) == 10, "setdefault present");
  CHECK(roast_rt_dict_setdefault(d, object_slot(e), 5) == 5, "setdefault missing");
  check_repr(d, "{'a': 10, 'b': 4, 'e': 5}", "after pop and setdefault");
  EXPECT_RC(c, 1);

  RoastList *keys = roast_rt_dict_keys(d), *values = roast_rt_dict_values(d);
  RoastList *items = roast_rt_dict_items(d);
  check_repr(keys, "['a', 'b', 'e']", "keys");
  check_repr(values, "[10, 4, 5]", "values");
  check_repr(items, "[('a', 10), ('b', 4), ('e', 5)]", "items");
  CHECK(roast_rt_list_kind(keys) == ROAST_ELEM_OBJECT && roast_rt_list_kind(values) == ROAST_ELEM_INT &&
            roast_rt_list_kind(items) == ROAST_ELEM_OBJECT,
        "kinds of keys, values, items");
  RoastTuple *first = (RoastTuple *)slot_object(items->items[0]);
  CHECK(first->length == 2 && roast_rt_tuple_kinds(first)[0] == ROAST_ELEM_OBJECT &&
            roast_rt_tuple_kinds(first)[1] == ROAST_ELEM_INT && first->items[0] == object_slot(a),
        "an item is (key, value) with the dict's kinds");
  AUDIT("keys, values, items", d, keys, values, items, a, b, c, a2, e);

  RoastDict *copy = roast_rt_dict_copy(d);
  CHECK(roast_rt_dict_eq(d, copy) && copy != d, "copy ==");
  RoastDict *other = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_INT);
  roast_rt_dict_set(other, object_slot(b), 40);
  roast_rt_dict_set(other, object_slot(c), 6);
  roast_rt_dict_update(d, other);
  roast_rt_dict_update(d, d);
  check_repr(d, "{'a': 10, 'b': 40, 'e': 5, 'c': 6}", "update");
  CHECK(!roast_rt_dict_eq(d, copy), "!= after update");
  AUDIT("update", d, copy, other, keys, values, items, a, b, c, a2, e);
  roast_rt_dict_clear(d);
  check_repr(d, "{}", "clear");
  CHECK(len_at_16(d) == 0, "len after clear");
  roast_rt_dict_set(d, object_slot(e), 1);
  check_repr(d, "{'e': 1}", "set after clear");
  AUDIT("clear", d, copy, other, keys, values, items, a, b, c, a2, e);
  roast_rt_release(&keys->header);
  roast_rt_release(&values->header);
  roast_rt_release(&items->header);
  roast_rt_release(&copy->header);
  roast_rt_release(&other->header);
  roast_rt_release(&d->header);
  RoastStr *strs[] = {a, b, c, a2, e};
  for (size_t i = 0; i < COUNT(strs); ++i) {
    EXPECT_RC(strs[i], 1);
    roast_rt_release(&strs[i]->header);
  }
}

static void test_dict_values_and_keys(void) {
  /* Object values: lists and dicts, the dict itself, overwriting with the same object. */
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_OBJECT);
  RoastList *l = (RoastList *)slot_object(make("[1, 2]").slot);
  roast_rt_dict_set(d, 1, object_slot(l));
  roast_rt_release(&l->header); /* the dict's reference remains */
  roast_rt_dict_set(d, 1, object_slot(l)); /* must not free l on the way */
  EXPECT_RC(l, 1);
  roast_rt_dict_set(d, 2, object_slot(d)); /* d[2] = d */
  RoastList *holder = roast_rt_list_new(1, ROAST_ELEM_OBJECT);
  roast_rt_list_append(holder, object_slot(d));
  roast_rt_dict_set(d, 3, object_slot(holder)); /* d[3] = [d] */
  roast_rt_dict_set(d, 4, 0); /* None */
  check_repr(d, "{1: [1, 2], 2: {...}, 3: [{...}], 4: None}", "a dict inside itself");
  CHECK(d->header.refcount == 3, "d is held by itself and the list");
  uint64_t popped = roast_rt_dict_pop(d, 3, LOC);
  CHECK(popped == object_slot(holder), "pop hands over the list");
  roast_rt_release(&holder->header); /* ours */
  roast_rt_release(slot_object(popped)); /* the dict's, handed over: frees holder */
  roast_rt_dict_del(d, 2, LOC);
  AUDIT("object values", d);
  roast_rt_release(&d->header);

  /* Float keys: -0.0 == 0.0 is one key (the first kept), a NaN is never found again. */
  RoastDict *f = roast_rt_dict_new(ROAST_ELEM_FLOAT, ROAST_ELEM_INT);
  roast_rt_dict_set(f, roast_rt_double_slot(-0.0), 1);
  roast_rt_dict_set(f, roast_rt_double_slot(0.0), 2);
  roast_rt_dict_set(f, roast_rt_double_slot(NAN), 3);
  roast_rt_dict_set(f, roast_rt_double_slot(NAN), 4);
  roast_rt_dict_set(f, roast_rt_double_slot(1.5), 5);
  check_repr(f, "{-0.0: 2, nan: 3, nan: 4, 1.5: 5}", "float keys");
  CHECK(!roast_rt_dict_lookup(f, roast_rt_double_slot(NAN), NULL), "nan not found");
  CHECK(roast_rt_dict_lookup(f, roast_rt_double_slot(1.5), NULL), "1.5 found");
  roast_rt_release(&f->header);

  /* Tuple and None keys, found with fresh equal objects. */
  RoastDict *t = (RoastDict *)slot_object(make("{(1, 'a'): 1, (2, 'b'): 2}").slot);
  Value probe = make("(2, 'b')");
  CHECK(roast_rt_dict_get(t, probe.slot, LOC) == 2, "tuple key");
  release_value(probe);
  RoastDict *n = (RoastDict *)slot_object(make("{None: 1, 'x': 2}").slot);
  CHECK(roast_rt_dict_get(n, 0, LOC) == 1, "None key");
  AUDIT("tuple keys", t, n);
  roast_rt_release(&t->header);
  roast_rt_release(&n->header);

  /* update() widens int keys and values into a dict[float, float]. */
  RoastDict *wide = (RoastDict *)slot_object(make("{1.0: 0.5}").slot);
  RoastDict *narrow = (RoastDict *)slot_object(make("{1: 2, 3: 4}").slot);
  roast_rt_dict_update(wide, narrow);
  check_repr(wide, "{1.0: 2.0, 3.0: 4.0}", "update widens");
  roast_rt_release(&wide->header);
  roast_rt_release(&narrow->header);
}

/* 100000 int keys and 20000 str keys in, most of them out again, then many
 * rounds of insert-one-delete-one: the table must stay small. */
static void test_dict_growth(void) {
  enum { N = 100000 };
  RoastDict *d = roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_INT);
  for (int64_t i = 0; i < N; ++i)
    roast_rt_dict_set(d, (uint64_t)(i * 7919 % N), (uint64_t)i);
  bool ok = len_at_16(d) == N;
  for (int64_t i = 0; i < N && ok; ++i)
    ok = roast_rt_dict_get(d, (uint64_t)(i * 7919 % N), LOC) == (uint64_t)i;
  CHECK(ok, "100000 keys in");
  for (int64_t k = 0; k < N; ++k)
    if (k % 100 != 0)
      roast_rt_dict_del(d, (uint64_t)k, LOC);
  CHECK(len_at_16(d) == N / 100, "1000 keys left, len %" PRId64, len_at_16(d));
  RoastList *keys = roast_rt_dict_keys(d);
  /* In insertion order: key k went in at step i with i * 7919 % N == k. */
  ok = keys->length == N / 100;
  for (int64_t i = 1; i < keys->length && ok; ++i)
    ok = roast_rt_dict_get(d, keys->items[i - 1], LOC) < roast_rt_dict_get(d, keys->items[i], LOC);
  CHECK(ok, "the survivors keep their order");
  roast_rt_release(&keys->header);
  ok = true;
  for (int64_t k = 0; k < N && ok; ++k)
    ok = roast_rt_dict_lookup(d, (uint64_t)k, NULL) == (k % 100 == 0);
  CHECK(ok, "deleted keys are gone, the others found");
  for (int64_t i = 0; i < 1000000; ++i) {
    roast_rt_dict_set(d, (uint64_t)(N + i), 1);
    roast_rt_dict_del(d, (uint64_t)(N + i), LOC);
  }
  CHECK(len_at_16(d) == N / 100 && d->table.log2_size <= 12,
        "churn keeps the table small: log2 size %d", d->table.log2_size);
  roast_rt_release(&d->header);

  enum { S = 20000 };
  static RoastStr *strs[S];
  RoastDict *sd = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_OBJECT);
  for (int i = 0; i < S; ++i) {
    char text[16];
    snprintf(text, sizeof text, "k%d", i);
    strs[i] = str(text);
    roast_rt_dict_set(sd, object_slot(strs[i]), object_slot(strs[i]));
  }
  ok = true;
  for (int i = 0; i < S && ok; ++i)
    ok = strs[i]->header.refcount == 3; /* ours, as key, as value */
  CHECK(ok, "str keys and values retained once each");
  for (int i = 0; i < S; i += 2)
    roast_rt_dict_del(sd, object_slot(strs[i]), LOC);
  ok = len_at_16(sd) == S / 2;
  for (int i = 0; i < S && ok; ++i)
    ok = strs[i]->header.refcount == (i % 2 ? 3 : 1);
  CHECK(ok, "deleting releases key and value");
  roast_rt_release(&sd->header);
  ok = true;
  for (int i = 0; i < S; ++i) {
    ok &= strs[i]->header.refcount == 1;
    roast_rt_release(&strs[i]->header);
  }
  CHECK(ok, "freeing the dict releases everything");
}

static void test_sets(void) {
  RoastSet *s = roast_rt_set_new(ROAST_ELEM_INT);
  CHECK(s->header.type_id == ROAST_TYPE_SET && len_at_16(s) == 0, "set_new");
  check_repr(s, "set()", "empty set");
  int64_t added[] = {3, 1, 2, 1, 3};
  for (size_t i = 0; i < COUNT(added); ++i)
    roast_rt_set_add(s, (uint64_t)added[i]);
  check_repr(s, "{3, 1, 2}", "insertion order");
  CHECK(roast_rt_set_contains(s, 2) && !roast_rt_set_contains(s, 4), "contains");
  roast_rt_set_discard(s, 1);
  roast_rt_set_discard(s, 9);
  roast_rt_set_remove(s, 3, LOC);
  roast_rt_set_add(s, 1);
  check_repr(s, "{2, 1}", "discard, remove, add");
  roast_rt_set_add(s, 5);
  CHECK(roast_rt_set_pop(s, LOC) == 2, "pop takes the first");
  roast_rt_set_add(s, 6);
  CHECK(roast_rt_set_pop(s, LOC) == 1 && roast_rt_set_pop(s, LOC) == 5, "pop again");
  roast_rt_set_discard(s, 6);
  CHECK(len_at_16(s) == 0, "empty");
  roast_rt_set_add(s, 7);
  check_repr(s, "{7}", "add after emptying");
  roast_rt_set_clear(s);
  check_repr(s, "set()", "clear");
  roast_rt_release(&s->header);

  /* Widening: ints into a set of floats, two ints that become one float. */
  RoastList *ints = (RoastList *)slot_object(make("[1, 2, 2, 9007199254740992, 9007199254740993]").slot);
  RoastSet *f = roast_rt_set_from_list(ints, ROAST_ELEM_FLOAT);
  check_repr(f, "{1.0, 2.0, 9007199254740992.0}", "set(list[int]) as set[float]");
  RoastSet *i2 = (RoastSet *)slot_object(make("{2, 3}").slot);
  RoastSet *u = roast_rt_set_union(i2, f);
  check_repr(u, "{2.0, 3.0, 1.0, 9007199254740992.0}", "set[int] | set[float]");
  RoastSet *x = roast_rt_set_intersection(f, i2);
  check_repr(x, "{2.0}", "set[float] & set[int]");
  RoastSet *sym = roast_rt_set_symmetric_difference(i2, f);
  check_repr(sym, "{3.0, 1.0, 9007199254740992.0}", "set[int] ^ set[float]");
  roast_rt_set_update_list(i2, ints);
  check_repr(i2, "{2, 3, 1, 9007199254740992, 9007199254740993}", "update(list)");
  RoastList *back = roast_rt_set_to_list(i2);
  check_repr(back, "[2, 3, 1, 9007199254740992, 9007199254740993]", "list(set)");
  RoastObject *objs[] = {&ints->header, &f->header, &i2->header, &u->header, &x->header,
                         &sym->header, &back->header};
  for (size_t i = 0; i < COUNT(objs); ++i)
    roast_rt_release(objs[i]);

  /* Objects: strs and tuples are retained once, released on removal. */
  RoastSet *o = roast_rt_set_new(ROAST_ELEM_OBJECT);
  RoastStr *a = str("a"), *a2 = str("a");
  roast_rt_set_add(o, object_slot(a));
  roast_rt_set_add(o, object_slot(a2));
  EXPECT_RC(a, 2);
  EXPECT_RC(a2, 1);
  Value t = make("(1, 'x')"), t2 = make("(1, 'x')");
  roast_rt_set_add(o, t.slot);
  CHECK(roast_rt_set_contains(o, t2.slot), "an equal tuple is in");
  RoastSet *copy = roast_rt_set_copy(o);
  AUDIT("set of objects", o, copy, a, a2, slot_object(t.slot), slot_object(t2.slot));
  roast_rt_set_remove(o, object_slot(a2), LOC);
  EXPECT_RC(a, 2); /* still in the copy */
  uint64_t popped = roast_rt_set_pop(o, LOC);
  CHECK(popped == t.slot, "pop hands over the tuple");
  roast_rt_release(slot_object(popped));
  roast_rt_release(&copy->header);
  EXPECT_RC(a, 1);
  release_value(t);
  release_value(t2);
  roast_rt_release(&a->header);
  roast_rt_release(&a2->header);
  roast_rt_release(&o->header);

  /* Many elements: in, then out by remove and by pop. */
  RoastSet *big = roast_rt_set_new(ROAST_ELEM_INT);
  for (int64_t i = 0; i < 100000; ++i)
    roast_rt_set_add(big, (uint64_t)(i * 31));
  for (int64_t i = 0; i < 100000; i += 2)
    roast_rt_set_remove(big, (uint64_t)(i * 31), LOC);
  bool ok = len_at_16(big) == 50000;
  for (int64_t i = 1; i < 100000 && ok; i += 2)
    ok = roast_rt_set_pop(big, LOC) == (uint64_t)(i * 31);
  CHECK(ok && len_at_16(big) == 0, "pops come in insertion order");
  roast_rt_release(&big->header);
}

/* ---- Deep nesting ------------------------------------------------------------------------ */

/* x = None; then depth times x = {0: [(x,)]} (and a set on the way). */
static RoastDict *deep_chain(int depth) {
  static const uint8_t kinds[1] = {ROAST_ELEM_OBJECT};
  RoastDict *x = NULL;
  for (int i = 0; i < depth; ++i) {
    RoastTuple *t = roast_rt_tuple_new(1, kinds);
    t->items[0] = object_slot(x); /* our reference moves into the tuple */
    RoastList *l = roast_rt_list_new(1, ROAST_ELEM_OBJECT);
    roast_rt_list_append(l, object_slot(t));
    roast_rt_release(&t->header);
    RoastDict *d = roast_rt_dict_new(ROAST_ELEM_INT, ROAST_ELEM_OBJECT);
    roast_rt_dict_set(d, 0, object_slot(l));
    roast_rt_release(&l->header);
    RoastSet *s = roast_rt_set_new(ROAST_ELEM_INT);
    roast_rt_set_add(s, 1);
    roast_rt_dict_set(d, 1, object_slot(s));
    roast_rt_release(&s->header);
    x = d;
  }
  return x;
}

static void deep_in_child(const void *arg) {
  int which = *(const int *)arg;
  RoastDict *a = deep_chain(200000);
  if (which == 0) { /* freeing must not recurse */
    roast_rt_release(&a->header);
    return;
  }
  keep(a);
  RoastDict *b = keep(deep_chain(200000));
  roast_rt_stack_limit = (char *)__builtin_frame_address(0) - 256 * 1024;
  RoastList *la = keep(roast_rt_list_new(1, ROAST_ELEM_OBJECT));
  RoastList *lb = keep(roast_rt_list_new(1, ROAST_ELEM_OBJECT));
  roast_rt_list_append(la, object_slot(a));
  roast_rt_list_append(lb, object_slot(b));
  switch (which) {
  case 1: roast_rt_print_object_repr(&a->header); break;
  case 2: roast_rt_dict_eq(a, b); break;
  default: roast_rt_list_richcompare(la, lb, ROAST_CMP_EQ, LOC); break;
  }
}

static void test_deep_nesting(void) {
  int which = 0;
  ChildResult r = run_in_child(deep_in_child, &which);
  CHECK(r.status == 0, "freeing a deep chain: status %d, stderr %s", r.status, r.err);
  free(r.out);
  free(r.err);
  static const char *const expected[] = {
      TB "RecursionError: maximum recursion depth exceeded while getting the repr of an object\n",
      TB "RecursionError: maximum recursion depth exceeded in comparison\n",
      TB AT "RecursionError: maximum recursion depth exceeded in comparison\n"};
  for (which = 1; which <= 3; ++which)
    expect_child_stderr(deep_in_child, &which, expected[which - 1], "deep chain");
}

static void test_collection_basics(void) {
  test_tuples();
  test_dict_methods();
  test_dict_values_and_keys();
  test_dict_growth();
  test_sets();
  test_deep_nesting();
}

void test_collections(void) {
  test_hashes();
  test_reprs();
  test_optional_boxes();
  test_printing();
  test_set_ops();
  test_compare_cases();
  test_tuple_lists();
  test_errors();
  test_errors_return();
  test_lookup_errors();
  test_repr_errors();
  test_collection_basics();
}
