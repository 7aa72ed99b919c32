/* Alloc.c - the small-object allocator behind every runtime object.
 *
 * Programs make and drop millions of small objects (a str per word, a tuple
 * per dict item); malloc's general bins, consolidation and locking dominate
 * such loops.  Objects of up to 256 bytes instead come from one free list
 * per 16-byte size class, carved from 256 KiB chunks that are kept for the
 * life of the program (as CPython's pymalloc does).  Freeing needs the
 * size, which every object type can compute from its header.
 *
 * With ROAST_SYSTEM_MALLOC set in the environment every object comes from
 * malloc, so that valgrind and LeakSanitizer see each one: the test suite
 * runs its memcheck tests that way.  Programs run on one thread, so there
 * is no locking.
 *
 * Chunks are cut from 2 MiB-aligned arenas that ask the kernel for
 * transparent huge pages, as are the interiors of large malloc blocks
 * (list arrays): a program that makes a million tuples would otherwise
 * take a page fault every 4 KiB, which costs more than making them.  With
 * THP off (or "never") the advice is ignored and nothing else changes. */
#include "StrInternal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum {
  CLASS_GRAIN = 16,
  SMALL_LIMIT = 256, /* the largest pooled size */
  CLASS_COUNT = SMALL_LIMIT / CLASS_GRAIN,
  CHUNK_BYTES = 256 * 1024
};

/* A transparent huge page: arenas are aligned to it, and blocks at least
 * twice its size have their aligned interior advised. */
#define HUGE_PAGE ((size_t)2 << 20)
#define ARENA_BYTES ((size_t)8 << 20)

typedef struct FreeBlock {
  struct FreeBlock *next;
} FreeBlock;

static FreeBlock *free_lists[CLASS_COUNT];
/* The untouched rest of each class's newest chunk.  Blocks are carved from
 * it only when the free list is empty (pymalloc's pools do the same), so a
 * fresh chunk is not written all over at once: its pages are first touched
 * by the objects that use them. */
static char *fresh[CLASS_COUNT], *fresh_end[CLASS_COUNT];
static int use_system = -1; /* -1: not decided yet */

static bool system_malloc(void) {
  if (use_system < 0)
    use_system = getenv("ROAST_SYSTEM_MALLOC") != NULL;
  return use_system;
}

void roast_rt_advise_huge_pages(void *p, size_t size) {
#ifdef MADV_HUGEPAGE
  if (size < 2 * HUGE_PAGE)
    return;
  uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
  uintptr_t end = ((uintptr_t)p + size) & ~(uintptr_t)(HUGE_PAGE - 1);
  if (end > start)
    (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
  (void)p;
  (void)size;
#endif
}

/* The rest of the newest arena, which chunks are cut from.  Arenas are
 * never returned (the chunks in them are kept for the program's life). */
static char *arena_next, *arena_end;

static void *new_chunk(void) {
  if (arena_next == arena_end) {
    /* Map one huge page more than needed and trim it to alignment. */
    size_t mapped = ARENA_BYTES + HUGE_PAGE;
    char *p = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
      return roast_rt_malloc(CHUNK_BYTES);
    char *start = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (start > p)
      munmap(p, (size_t)(start - p));
    size_t tail = (size_t)(p + mapped - (start + ARENA_BYTES));
    if (tail)
      munmap(start + ARENA_BYTES, tail);
    roast_rt_advise_huge_pages(start, ARENA_BYTES);
    arena_next = start;
    arena_end = start + ARENA_BYTES;
  }
  void *chunk = arena_next;
  arena_next += CHUNK_BYTES;
  return chunk;
}

/* A block of class `c` from the fresh part of its chunk, taking a new chunk
 * when that is used up. */
static void *carve(size_t c) {
  size_t block = (c + 1) * CLASS_GRAIN;
  if (fresh[c] == fresh_end[c]) {
    fresh[c] = new_chunk();
    fresh_end[c] = fresh[c] + CHUNK_BYTES / block * block;
  }
  void *b = fresh[c];
  fresh[c] += block;
  return b;
}

void *roast_rt_object_alloc(size_t size) {
  if (size > SMALL_LIMIT || system_malloc())
    return roast_rt_malloc(size);
  size_t c = (size - 1) / CLASS_GRAIN;
  FreeBlock *b = free_lists[c];
  if (!b)
    return carve(c);
  free_lists[c] = b->next;
  return b;
}

void roast_rt_object_free(void *p, size_t size) {
  if (size > SMALL_LIMIT || system_malloc()) {
    free(p);
    return;
  }
  size_t c = (size - 1) / CLASS_GRAIN;
  FreeBlock *b = p;
  b->next = free_lists[c];
  free_lists[c] = b;
}

void *roast_rt_object_resize(void *p, size_t old_size, size_t new_size) {
  bool old_small = old_size <= SMALL_LIMIT, new_small = new_size <= SMALL_LIMIT;
  if (system_malloc() || (!old_small && !new_small))
    return roast_rt_realloc(p, new_size);
  /* A block has room up to the end of its size class. */
  if (old_small && new_small && (old_size - 1) / CLASS_GRAIN == (new_size - 1) / CLASS_GRAIN)
    return p;
  void *q = roast_rt_object_alloc(new_size);
  memcpy(q, p, old_size < new_size ? old_size : new_size);
  roast_rt_object_free(p, old_size);
  return q;
}
