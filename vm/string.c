/* string.c — string objects and the intern set.
 *
 * Short strings made from bytes (str_new: constants, identifiers, slices,
 * split pieces, host strings) are interned, so equal names are one object
 * and field, method and map-key lookup compare pointers. Strings the program
 * builds (concatenation, format, join, replace, case changes: everything
 * finished with str_take_buffer or made by str_concat) are not: they are
 * mostly new text, used once, and looking each up in the set cost a hash, a
 * probe that misses the cache and a slot in a set every GC scans. Their hash
 * is computed on first use, equality compares bytes when either side is not
 * interned (str_eq), and one stored as a new map key is swapped for its
 * interned twin (str_interned). Long strings are never interned. */
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "vm.h"

#define TOMB_STR ((ObjString *)(uintptr_t)1)

uint32_t hash_bytes(const char *p, size_t n) {
  /* 8 bytes at a time, multiply-xorshift mixing */
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
    p += 8; n -= 8;
  }
  uint64_t w = 0;
  memcpy(&w, p, n);
  h = (h ^ w) * 0x94d049bb133111ebULL;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return (uint32_t)h;
}

uint32_t str_hash_slow(ObjString *s) {
  s->obj.str_hash = hash_bytes(s->chars, s->len);
  s->obj.str_hashed = true;
  return s->obj.str_hash;
}

/* The characters are not zeroed: every caller writes all len of them
 * before the string is seen. */
ObjString *str_alloc(VM *vm, size_t len) {
  ObjString *s = obj_alloc_head(vm, sizeof(ObjString) + len + 1, sizeof(ObjString), V_STRING);
  s->len = len;
  s->obj.str_hashed = false;
  s->obj.str_interned = false;
  s->chars[len] = '\0';
  return s;
}

/* The intern set's block: slots, then their hashes. */
static size_t strset_bytes(uint32_t size) { return (sizeof(ObjString *) + sizeof(uint32_t)) * (size_t)size; }

void strset_free(VM *vm) {
  StrSet *set = &vm->strings;
  if (set->slots) vm_realloc(vm, set->slots, strset_bytes(set->mask + 1), 0);
  set->slots = NULL;
  set->hashes = NULL;
}

/* Rebuild the set for its live strings: twice the size when it is filling
 * up, the same or smaller when removed slots are what fills it. */
static void strset_rebuild(VM *vm, ObjString *adding) {
  StrSet *set = &vm->strings;
  uint32_t old_size = set->slots ? set->mask + 1 : 0;
  uint32_t size = 256;
  while (size < (set->live + 1) * 2) size <<= 1;
  /* one block for both arrays, from the VM's heap (so the heap limit counts
   * it, and running out is the catchable `out of memory`). Allocating may
   * collect, which prunes the old set and must not free the new string. */
  Value keep = STR_VAL(adding);
  vm_push_root(vm, &keep);
  char *block = vm_realloc(vm, NULL, 0, strset_bytes(size));
  vm_pop_root(vm);
  ObjString **slots = (ObjString **)(void *)block;
  uint32_t *hashes = (uint32_t *)(void *)(block + sizeof(ObjString *) * size);
  memset(slots, 0, sizeof(ObjString *) * size);
  for (uint32_t i = 0; i < old_size; i++) {
    ObjString *s = set->slots[i];
    if (s && s != TOMB_STR) {
      uint32_t h = s->obj.str_hash & (size - 1);
      while (slots[h]) h = (h + 1) & (size - 1);
      slots[h] = s;
      hashes[h] = s->obj.str_hash;
    }
  }
  if (set->slots) vm_realloc(vm, set->slots, strset_bytes(old_size), 0);
  set->slots = slots;
  set->hashes = hashes;
  set->mask = size - 1;
  set->used = set->live;
}

static ObjString *strset_find(VM *vm, const char *chars, size_t len, uint32_t hash) {
  StrSet *set = &vm->strings;
  if (!set->slots) return NULL;
  uint32_t h = hash & set->mask;
  for (;;) {
    ObjString *s = set->slots[h];
    if (!s) return NULL;
    if (set->hashes[h] == hash && s != TOMB_STR && s->len == len && memcmp(s->chars, chars, len) == 0) return s;
    h = (h + 1) & set->mask;
  }
}

static void strset_add(VM *vm, ObjString *s) {
  StrSet *set = &vm->strings;
  if (!set->slots || set->used + 1 > (set->mask + 1) / 4 * 3) strset_rebuild(vm, s);
  uint32_t h = s->obj.str_hash & set->mask;
  while (set->slots[h] && set->slots[h] != TOMB_STR) h = (h + 1) & set->mask;
  if (!set->slots[h]) set->used++;
  set->slots[h] = s;
  set->hashes[h] = s->obj.str_hash;
  set->live++;
  s->obj.str_interned = true;
}

/* Called by the GC before its sweep: interned strings about to be freed
 * leave the set. */
void strset_remove_unmarked(VM *vm) {
  StrSet *set = &vm->strings;
  if (!set->slots) return;
  for (uint32_t i = 0; i <= set->mask; i++) {
    ObjString *s = set->slots[i];
    if (s && s != TOMB_STR && !s->obj.marked) {
      set->slots[i] = TOMB_STR;
      set->live--;
    }
  }
}

ObjString *str_new(VM *vm, const char *chars, size_t len) {
  if (len <= STR_SHORT_MAX) {
    uint32_t h = hash_bytes(chars, len);
    ObjString *s = strset_find(vm, chars, len, h);
    if (s) return s;
    s = str_alloc(vm, len);
    memcpy(s->chars, chars, len);
    s->obj.str_hash = h;
    s->obj.str_hashed = true;
    strset_add(vm, s);
    return s;
  }
  ObjString *s = str_alloc(vm, len);
  memcpy(s->chars, chars, len);
  return s;
}

ObjString *str_cstr(VM *vm, const char *chars) { return str_new(vm, chars, strlen(chars)); }

/* A string filled in place after str_alloc is complete as it is: built
 * strings are interned only when they become map keys. */
ObjString *str_take_buffer(VM *vm, ObjString *s) {
  (void)vm;
  return s;
}

ObjString *str_interned(VM *vm, ObjString *s) {
  if (s->obj.str_interned || s->len > STR_SHORT_MAX) return s;
  uint32_t h = str_hash(s);
  ObjString *twin = strset_find(vm, s->chars, s->len, h);
  if (twin) return twin;
  strset_add(vm, s);
  return s;
}

ObjString *str_concat(VM *vm, ObjString *a, ObjString *b) {
  size_t len = a->len + b->len;
  /* a and b must survive the allocation: the caller keeps them in registers */
  ObjString *s = str_alloc(vm, len);
  memcpy(s->chars, a->chars, a->len);
  memcpy(s->chars + a->len, b->chars, b->len);
  return s;
}

ObjString *str_format(VM *vm, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  if ((size_t)n < sizeof buf) return str_new(vm, buf, (size_t)n);
  char *big = malloc((size_t)n + 1);
  if (!big) vm_out_of_memory(vm);
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  ObjString *s = str_new(vm, big, (size_t)n);
  free(big);
  return s;
}
