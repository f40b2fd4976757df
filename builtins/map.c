/* map.c (stdlib) — the methods of map values (LANGUAGE.md §10).
 *
 * Maps keep insertion order (table.h: a dense entry array; removed entries
 * have a nil key and are skipped). Keys are normalized so 1 and 1.0 are the
 * same key; nil and NaN are rejected by vm_check_key. Nothing here calls
 * back into script. Documented behaviour: docs/stdlib-methods.md. */
#include <string.h>
#include "builtins.h"
#include "arith.h"

/* ---- argument helpers (user-facing counts exclude the receiver) --------- */

static ObjMap *self_map(VM *vm, const char *name, int argc, Value *args, int min, int max) {
  return AS_MAP(method_self(vm, name, argc, args, V_MAP, min, max));
}

static Value key_arg(VM *vm, Value k) {
  k = table_normalize_key(k);
  vm_check_key(vm, k);
  return k;
}

/* ---- methods ---------------------------------------------------------------- */

static Value mm_len(VM *vm, int argc, Value *args) {
  ObjMap *m = self_map(vm, "len", argc, args, 0, 0);
  return INT_VAL((int64_t)m->t.live);
}

static Value mm_has(VM *vm, int argc, Value *args) {
  ObjMap *m = self_map(vm, "has", argc, args, 1, 1);
  return BOOL_VAL(table_find(&m->t, key_arg(vm, args[1])) != NULL);
}

static Value mm_get(VM *vm, int argc, Value *args) {
  ObjMap *m = self_map(vm, "get", argc, args, 1, 2);
  Value *v = table_find(&m->t, key_arg(vm, args[1]));
  if (v) return *v;
  return argc > 2 ? args[2] : NIL_VAL;
}

static Value mm_remove(VM *vm, int argc, Value *args) {
  ObjMap *m = self_map(vm, "remove", argc, args, 1, 1);
  Value k = key_arg(vm, args[1]);
  Value *v = table_find(&m->t, k);
  if (!v) return NIL_VAL;
  Value old = *v;            /* returned right away: no allocation in between */
  table_remove(&m->t, k);
  return old;
}

static Value mm_copy(VM *vm, int argc, Value *args) {
  ObjMap *m = self_map(vm, "copy", argc, args, 0, 0);
  ObjMap *r = map_new(vm);   /* m stays rooted in args[0] */
  vm_push(vm, MAP_VAL(r));
  table_copy(vm, &r->t, &m->t);
  vm_pop(vm);
  return MAP_VAL(r);
}

enum { KEYS, VALUES, ITEMS };

static Value collect(VM *vm, int argc, Value *args, const char *name, int what) {
  ObjMap *m = self_map(vm, name, argc, args, 0, 0);
  ObjList *l = list_new(vm, m->t.live);
  vm_push(vm, LIST_VAL(l));
  /* nothing here runs script, but pairs allocate: re-read the table's
   * fields each step (the entry array is never resized by a collection) */
  for (uint32_t i = 0; i < m->t.count; i++) {
    if (IS_NIL(table_key(&m->t, i))) continue;
    Value v;
    if (what == KEYS) v = table_key(&m->t, i);
    else if (what == VALUES) v = m->t.entries[i].value;
    else {
      ObjList *pair = list_new(vm, 2);
      pair->items[0] = table_key(&m->t, i);
      pair->items[1] = m->t.entries[i].value;
      pair->count = 2;
      v = LIST_VAL(pair);
    }
    list_push(vm, l, v);     /* roots v if it has to grow */
  }
  vm_pop(vm);
  return LIST_VAL(l);
}

static Value mm_keys(VM *vm, int argc, Value *args) { return collect(vm, argc, args, "keys", KEYS); }
static Value mm_values(VM *vm, int argc, Value *args) { return collect(vm, argc, args, "values", VALUES); }
static Value mm_items(VM *vm, int argc, Value *args) { return collect(vm, argc, args, "items", ITEMS); }

/* ---- registration ------------------------------------------------------------- */

void lib_map_open(VM *vm) {
  static const struct { const char *name; NativeFn fn; const char *doc; } methods[] = {
    {"keys", mm_keys, "map.keys()\nA list of the keys in insertion order."},
    {"values", mm_values, "map.values()\nA list of the values in insertion order."},
    {"items", mm_items, "map.items()\nA list of [key, value] lists in insertion order."},
    {"has", mm_has, "map.has(k)\nWhether the key is present (even with a nil value)."},
    {"get", mm_get, "map.get(k, default?)\nThe key's value, or default (nil) when it is absent."},
    {"remove", mm_remove, "map.remove(k)\nRemove the key and return its value (nil if absent)."},
    {"len", mm_len, "map.len()\nThe number of keys."},
    {"copy", mm_copy, "map.copy()\nA shallow copy in the same order."},
  };
  /* arity -1: every method checks its own count so the messages exclude the
   * receiver */
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    vm_define_method(vm, &vm->map_methods, methods[i].name, methods[i].fn, -1, methods[i].doc);
}
