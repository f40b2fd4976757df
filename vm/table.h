/* table.h — insertion-ordered hash table: a dense entry array (iteration
 * order) plus an open-addressing index of entry positions. Used by maps,
 * instance fields, class methods and module name tables.
 *
 * Small tables (up to TABLE_LINEAR_MAX entries) have no index at all: a scan
 * over a handful of entries comparing interned-string pointers beats hashing. */
#ifndef GS_TABLE_H
#define GS_TABLE_H

#include "value.h"

typedef struct gs_vm VM;
typedef struct ObjString ObjString;

#define TABLE_LINEAR_MAX 8

/* An entry is 24 bytes: the key's payload sits beside the value and its
 * tag in a byte array after the entries (table_key_tags), as Lua's nodes
 * pack a key's tag into the value's padding. A Value's tag is a full word
 * (value.h), so whole keys would make entries 32 bytes. */
typedef struct {
  Value value;
  ValuePayload key;
} TEntry;

typedef struct {
  TEntry *entries;  /* cap entries, then cap key tags (V_NIL: removed) */
  uint8_t *key_tags;
  uint32_t count;   /* entries used, including removed ones */
  uint32_t live;    /* entries present */
  uint32_t cap;     /* entries allocated */
  uint32_t mask;    /* index size - 1 */
  uint32_t *index;  /* entry position + 1 in the low bits (mask), the key's
                       hash in the others; 0 empty, mask alone removed */
} Table;

/* The key of entry i (nil: removed). */
static inline Value table_key(const Table *t, uint32_t i) {
  Value k;
  k.tag = t->key_tags[i];
  k.as = t->entries[i].key;
  return k;
}

void table_init(Table *t);
void table_free(VM *vm, Table *t);
/* Map keys: a float with an integral value is the same key as that int. */
Value table_normalize_key(Value key);
uint32_t value_hash(Value key);
bool value_key_eq(Value a, Value b);
/* The slot for key, or NULL. Key must be normalized. */
Value *table_find(const Table *t, Value key);
/* Fast path for an interned string key. */
Value *table_find_str(const Table *t, ObjString *key);
/* Insert or overwrite; returns true when the key is new. */
bool table_set(VM *vm, Table *t, Value key, Value value);
/* Room for n entries (a map literal's size), so they go in without growing. */
void table_reserve(VM *vm, Table *t, uint32_t n);
bool table_remove(Table *t, Value key);
void table_copy(VM *vm, Table *dst, const Table *src);

#endif
