/* table.c — insertion-ordered hash table (see table.h). */
#include <string.h>
#include <math.h>
#include "vm.h"

void table_init(Table *t) { memset(t, 0, sizeof *t); }

/* The entry block: the entries, then one key tag per entry. */
static size_t entries_bytes(uint32_t cap) { return (sizeof(TEntry) + 1) * (size_t)cap; }

void table_free(VM *vm, Table *t) {
  if (t->entries) vm_realloc(vm, t->entries, entries_bytes(t->cap), 0);
  if (t->index) VM_FREE(vm, uint32_t, t->index, t->mask + 1);
  table_init(t);
}

Value table_normalize_key(Value key) {
  if (IS_FLOAT(key)) {
    double d = AS_FLOAT(key);
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == floor(d))
      return INT_VAL((int64_t)d);
  }
  return key;
}

static inline uint32_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

/* Inlined into the lookups below (a call per lookup was 5% of map_ops);
 * value_hash is the same for the rest of the VM. */
static inline uint32_t hash_key(Value key) {
  switch (key.tag) {
    case V_STRING: return str_hash(AS_STRING(key));
    case V_INT: {
      /* Ints that differ only in their low 6 bits land in one block of 64
       * index slots (512 bytes): loops over nearby keys stay in a few cache
       * lines instead of a miss per key (Lua's hash keeps such locality
       * too). The blocks themselves are spread by the mixer, and keys that
       * share their low bits (multiples of 64) still differ in mixed bits.
       * The low bits go to the top too: the index keeps only a slot's high
       * hash bits, and neighbours in one block must differ there. */
      uint64_t u = (uint64_t)AS_INT(key);
      return mix64(u >> 6) ^ (uint32_t)(u & 63) ^ (uint32_t)(u & 63) << 26;
    }
    case V_FLOAT: { uint64_t bits; double d = AS_FLOAT(key); memcpy(&bits, &d, 8); return mix64(bits ^ 0x9e3779b97f4a7c15ULL); }
    case V_BOOL: return AS_BOOL(key) ? 0x1234567 : 0x7654321;
    default: return mix64((uint64_t)(uintptr_t)AS_OBJ(key));
  }
}

uint32_t value_hash(Value key) { return hash_key(key); }

bool value_key_eq(Value a, Value b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
    case V_NIL: return true;
    case V_BOOL: return AS_BOOL(a) == AS_BOOL(b);
    case V_INT: return AS_INT(a) == AS_INT(b);
    case V_FLOAT: return AS_FLOAT(a) == AS_FLOAT(b);
    case V_STRING: return str_eq(AS_STRING(a), AS_STRING(b));
    default: return AS_OBJ(a) == AS_OBJ(b);
  }
}

/* Whether entry pos holds key; tags is t->key_tags. An int or object
 * key compares its payload first: that is in the entry the lookup reads
 * anyway, and a mismatch needs no tag. */
static inline bool key_is(const Table *t, const uint8_t *tags, uint32_t pos, Value key) {
  ValuePayload stored = t->entries[pos].key;
  if (key.tag == V_STRING) return tags[pos] == V_STRING && str_eq((ObjString *)stored.o, AS_STRING(key));
  if (key.tag == V_FLOAT) return tags[pos] == V_FLOAT && stored.f == AS_FLOAT(key);
  if (key.tag == V_BOOL) return tags[pos] == V_BOOL && stored.b == AS_BOOL(key);
  return stored.i == key.as.i && tags[pos] == key.tag;
}

/* Index slots are 32 bits: the entry position + 1 in the low bits (those
 * of mask: the index has at least two slots per entry, so they are enough),
 * the key's hash in the bits above — exactly the bits that did not choose
 * the slot. A probe compares those hash bits first, so a collision rarely
 * touches the entry array: a lookup in a big table is one cache miss in the
 * index plus one for the entry it finds. An empty slot is 0; a removed one
 * is mask alone (no hash bits, a position no entry has). With s a slot and
 * tag the key's hash with the mask bits cleared, s ^ tag is below mask
 * exactly when the hash bits match and the slot holds an entry; it is then
 * that entry's position + 1. A table of a million entries still keeps 11
 * hash bits; only past 2^31 entries are there none (keys are compared). */
#define INDEX_FREE(t, s) ((s) == 0 || (s) == (t)->mask)

Value *table_find(const Table *t, Value key) {
  if (t->live == 0) return NULL;
  const uint8_t *tags = t->key_tags;
  if (!t->index) {
    if (key.tag == V_STRING && AS_STRING(key)->obj.str_interned) {   /* as in table_find_str */
      for (uint32_t i = 0; i < t->count; i++)
        if (t->entries[i].key.o == key.as.o && tags[i] == V_STRING) return &t->entries[i].value;
      return NULL;
    }
    for (uint32_t i = 0; i < t->count; i++)
      if (key_is(t, tags, i, key)) return &t->entries[i].value;
    return NULL;
  }
  uint32_t hash = hash_key(key), pm = t->mask, tag = hash & ~pm;
  for (uint32_t h = hash & t->mask;; h = (h + 1) & t->mask) {
    uint32_t s = t->index[h];
    if (s == 0) return NULL;
    uint32_t e = s ^ tag;
    if (e < pm && key_is(t, tags, e - 1, key)) return &t->entries[e - 1].value;
  }
}

Value *table_find_str(const Table *t, ObjString *key) {
  if (t->live == 0) return NULL;
  const uint8_t *tags = t->key_tags;
  if (!t->index) {
    /* a short string key is stored interned (table_set): an interned name
     * (every field and method name) finds its equal by identity, without
     * reading the strings */
    if (key->obj.str_interned) {
      for (uint32_t i = 0; i < t->count; i++)
        if (t->entries[i].key.o == (Obj *)key && tags[i] == V_STRING) return &t->entries[i].value;
      return NULL;
    }
    for (uint32_t i = 0; i < t->count; i++)
      if (tags[i] == V_STRING && str_eq((ObjString *)t->entries[i].key.o, key)) return &t->entries[i].value;
    return NULL;
  }
  uint32_t hash = str_hash(key), pm = t->mask, tag = hash & ~pm;
  for (uint32_t h = hash & t->mask;; h = (h + 1) & t->mask) {
    uint32_t s = t->index[h];
    if (s == 0) return NULL;
    uint32_t e = s ^ tag;
    if (e < pm && tags[e - 1] == V_STRING && str_eq((ObjString *)t->entries[e - 1].key.o, key))
      return &t->entries[e - 1].value;
  }
}

static void index_insert(Table *t, uint32_t pos, uint32_t hash) {
  uint32_t h = hash & t->mask;
  while (!INDEX_FREE(t, t->index[h])) h = (h + 1) & t->mask;
  t->index[h] = (hash & ~t->mask) | (pos + 1);
}

/* Room for ncap entries: drop removed entries, and rebuild the index when
 * the table is big enough to need one. The entry array is resized in place
 * (the host's realloc can move a big block by remapping its pages), so a
 * big table never holds two entry arrays at once; an index of the same size
 * is reused. Both allocations come before anything moves: when one fails
 * (out of memory, the heap limit) the table is left as it was. */
static void table_resize(VM *vm, Table *t, uint32_t ncap) {
  if (ncap != t->cap) {
    TEntry *ne = vm_realloc(vm, t->entries, entries_bytes(t->cap), entries_bytes(ncap));
    if (t->count) memmove(ne + ncap, ne + t->cap, t->count);   /* the key tags */
    t->entries = ne;
    t->key_tags = (uint8_t *)(ne + ncap);
    t->cap = ncap;
  }
  uint32_t *index = NULL, isize = 0;
  if (ncap > TABLE_LINEAR_MAX) {
    isize = 8;
    while (isize < ncap * 2) isize <<= 1;
    if (t->index && t->mask + 1 == isize) index = t->index;
    else index = VM_ALLOC(vm, uint32_t, isize);
  }
  if (t->index && t->index != index) VM_FREE(vm, uint32_t, t->index, t->mask + 1);
  t->index = NULL;
  t->mask = 0;
  if (t->live < t->count) {
    uint8_t *tags = t->key_tags;
    uint32_t j = 0;
    for (uint32_t i = 0; i < t->count; i++)
      if (tags[i] != V_NIL) { t->entries[j] = t->entries[i]; tags[j++] = tags[i]; }
    t->count = j;
  }
  if (index) {
    memset(index, 0, sizeof(uint32_t) * isize);
    t->index = index;
    t->mask = isize - 1;
    const uint8_t *tags = t->key_tags;
    for (uint32_t i = 0; i < t->count; i++)
      index_insert(t, i, hash_key((Value){.tag = tags[i], .as = t->entries[i].key}));
  }
}

/* Make room for one more entry. */
static void table_grow(VM *vm, Table *t) {
  uint32_t ncap = t->cap;
  if (t->live < t->count * 3 / 4 && t->count > 0) {
    /* many removed entries: compacting is enough */
  } else {
    ncap = t->cap ? t->cap * 2 : 4;
  }
  table_resize(vm, t, ncap);
}

void table_reserve(VM *vm, Table *t, uint32_t n) {
  if (n > t->cap) table_resize(vm, t, n);
}

bool table_set(VM *vm, Table *t, Value key, Value value) {
  uint32_t hash = 0, free_slot = UINT32_MAX;   /* free_slot: where the key goes in the index */
  if (!t->index) {
    Value *slot = table_find(t, key);
    if (slot) { *slot = value; return false; }
  } else {
    /* one probe sequence finds the key or the slot for it */
    hash = hash_key(key);
    const uint8_t *tags = t->key_tags;
    uint32_t pm = t->mask, tag = hash & ~pm;
    for (uint32_t h = hash & t->mask;; h = (h + 1) & t->mask) {
      uint32_t s = t->index[h];
      uint32_t e = s ^ tag;
      if (INDEX_FREE(t, s)) {
        if (free_slot == UINT32_MAX) free_slot = h;
        if (s == 0) break;
      } else if (e < pm && key_is(t, tags, e - 1, key)) {
        t->entries[e - 1].value = value;
        return false;
      }
    }
  }
  if (t->count == t->cap) {
    table_grow(vm, t);           /* rebuilds the index, if the table has one now */
    free_slot = UINT32_MAX;
  }
  /* a short string key is stored as its interned twin: lookups with names
   * compare pointers, and equal keys of many maps share one string */
  if (IS_STRING(key)) key = STR_VAL(str_interned(vm, AS_STRING(key)));
  uint32_t pos = t->count++;
  t->entries[pos].key = key.as;
  t->entries[pos].value = value;
  t->key_tags[pos] = (uint8_t)key.tag;
  t->live++;
  if (free_slot != UINT32_MAX) t->index[free_slot] = (hash & ~t->mask) | (pos + 1);
  else if (t->index) index_insert(t, pos, hash_key(key));
  return true;
}

static void remove_entry(Table *t, uint8_t *tags, uint32_t pos) {
  tags[pos] = V_NIL;
  t->entries[pos].key.i = 0;       /* no stale pointer for the inline caches to match */
  t->entries[pos].value = NIL_VAL;
  t->live--;
}

bool table_remove(Table *t, Value key) {
  if (t->live == 0) return false;
  uint8_t *tags = t->key_tags;
  if (!t->index) {
    for (uint32_t i = 0; i < t->count; i++) {
      if (key_is(t, tags, i, key)) {
        remove_entry(t, tags, i);
        return true;
      }
    }
    return false;
  }
  uint32_t hash = hash_key(key), pm = t->mask, tag = hash & ~pm;
  for (uint32_t h = hash & t->mask;; h = (h + 1) & t->mask) {
    uint32_t s = t->index[h];
    if (s == 0) return false;
    uint32_t e = s ^ tag;
    if (e < pm && key_is(t, tags, e - 1, key)) {
      remove_entry(t, tags, e - 1);
      t->index[h] = pm;
      return true;
    }
  }
}

void table_copy(VM *vm, Table *dst, const Table *src) {
  for (uint32_t i = 0; i < src->count; i++)
    if (!IS_NIL(table_key(src, i))) table_set(vm, dst, table_key(src, i), src->entries[i].value);
}

