/* list.c (stdlib) — the methods of list values (LANGUAGE.md §10).
 *
 * Callbacks (map, filter, reduce, find, any, all, sort's comparator, a
 * class's + or < in sum, min and max, str() of elements in join) may run any script: yield, block, collect garbage, throw, or modify
 * the very list being worked on. So:
 *   - the list's length is re-read after every callback and every index is
 *     bounds-checked;
 *   - values needed after a callback are kept on the VM stack;
 *   - the `args` pointer is not used after a push or a callback (the VM stack
 *     may move): arguments are copied into locals first. Values copied out
 *     of argument slots stay valid, the slots keep them alive;
 *   - no malloc'd memory is held across a callback: scratch space is GC lists
 *     rooted on the VM stack.
 * Documented behaviour: docs/stdlib-methods.md. */
#include <string.h>
#include <math.h>
#include "builtins.h"
#include "arith.h"

/* string.c: sep.join(list); sep and l must be rooted by the caller */
Value lib_string_join(VM *vm, ObjString *sep, ObjList *l);

/* ---- argument helpers (user-facing counts exclude the receiver) --------- */

static ObjList *self_list(VM *vm, const char *name, int argc, Value *args, int min, int max) {
  return AS_LIST(method_self(vm, name, argc, args, V_LIST, min, max));
}

static Value want_fn(VM *vm, const char *name, Value *args, int i) {
  Value v = args[i];
  switch (v.tag) {
    case V_CLOSURE: case V_NATIVE: case V_BOUND: case V_CLASS: return v;
    default: vm_arg_error(vm, name, i, "a function", v);
  }
}

/* ---- growing and shrinking ------------------------------------------------ */

/* push(v, ...) appends its arguments; returns nil. */
static Value lm_push(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "push", argc, args, 1, -1);
  if (argc == 2) { list_push(vm, l, args[1]); return NIL_VAL; }
  int base = (int)(args - vm->fiber->stack);
  list_reserve(vm, l, l->count + (uint32_t)(argc - 1));
  for (int i = 1; i < argc; i++) list_push(vm, l, vm->fiber->stack[base + i]);
  return NIL_VAL;
}

static Value lm_pop(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "pop", argc, args, 0, 0);
  if (l->count == 0) vm_throw(vm, "pop from empty list");
  Value v = l->items[--l->count];
  l->items[l->count] = NIL_VAL;
  return v;
}

static Value lm_insert(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "insert", argc, args, 2, 2);
  int64_t i = method_int(vm, "insert", args, 1);
  Value v = args[2];                      /* stays rooted in its slot */
  if (i < 0) i += l->count;
  if (i < 0 || i > (int64_t)l->count) vm_throw(vm, "index out of range");
  if (l->count == UINT32_MAX) vm_throw(vm, "out of memory");
  list_reserve(vm, l, l->count + 1);
  memmove(&l->items[i + 1], &l->items[i], sizeof(Value) * (l->count - (uint32_t)i));
  l->items[i] = v;
  l->count++;
  return NIL_VAL;
}

static Value lm_remove(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "remove", argc, args, 1, 1);
  int64_t i = method_int(vm, "remove", args, 1);
  if (i < 0) i += l->count;
  if (i < 0 || i >= (int64_t)l->count) vm_throw(vm, "index out of range");
  Value v = l->items[i];
  memmove(&l->items[i], &l->items[i + 1], sizeof(Value) * (l->count - (uint32_t)i - 1));
  l->count--;
  l->items[l->count] = NIL_VAL;
  return v;
}

/* ---- queries --------------------------------------------------------------- */

static Value lm_len(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "len", argc, args, 0, 0);
  return INT_VAL((int64_t)l->count);
}

static Value lm_index_of(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "index_of", argc, args, 1, 1);
  Value needle = args[1];   /* a class's == may run script: args may move */
  for (uint32_t i = 0; i < l->count; i++)
    if (vm_equal(vm, l->items[i], needle)) return INT_VAL((int64_t)i);
  return INT_VAL(-1);
}

static Value lm_contains(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "contains", argc, args, 1, 1);
  Value needle = args[1];   /* a class's == may run script: args may move */
  for (uint32_t i = 0; i < l->count; i++)
    if (vm_equal(vm, l->items[i], needle)) return BOOL_VAL(true);
  return BOOL_VAL(false);
}

/* ---- copies ------------------------------------------------------------------ */

static Value lm_copy(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "copy", argc, args, 0, 0);
  ObjList *r = list_new(vm, l->count);    /* l stays rooted in args[0] */
  if (l->count) memcpy(r->items, l->items, sizeof(Value) * l->count);
  r->count = l->count;
  return LIST_VAL(r);
}

static Value lm_slice(VM *vm, int argc, Value *args) {
  self_list(vm, "slice", argc, args, 1, 2);
  return vm_slice(vm, args[0], args[1], argc > 2 ? args[2] : NIL_VAL);
}

static Value lm_reverse(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "reverse", argc, args, 0, 0);
  if (l->count > 1) {
    for (uint32_t i = 0, j = l->count - 1; i < j; i++, j--) {
      Value t = l->items[i];
      l->items[i] = l->items[j];
      l->items[j] = t;
    }
  }
  return args[0];
}

static Value lm_join(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "join", argc, args, 0, 1);
  ObjString *sep;
  if (argc > 1) {
    if (!IS_STRING(args[1])) vm_arg_error(vm, "join", 1, "a string", args[1]);
    sep = AS_STRING(args[1]);
  } else {
    sep = str_new(vm, "", 0);
    vm_push(vm, STR_VAL(sep));
    Value r = lib_string_join(vm, sep, l);
    vm_pop(vm);
    return r;
  }
  return lib_string_join(vm, sep, l);
}

/* ---- callbacks -------------------------------------------------------------- */

static Value lm_map(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "map", argc, args, 1, 1);
  Value fn = want_fn(vm, "map", args, 1);
  ObjList *r = list_new(vm, l->count);
  vm_push(vm, LIST_VAL(r));               /* args is stale from here on */
  for (uint32_t i = 0; i < l->count; i++) {
    Value v = l->items[i];                 /* rooted by l until vm_call copies it */
    Value res = vm_call(vm, fn, 1, &v);
    list_push(vm, r, res);                 /* roots res while growing */
  }
  vm_pop(vm);
  return LIST_VAL(r);
}

static Value lm_filter(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "filter", argc, args, 1, 1);
  Value fn = want_fn(vm, "filter", args, 1);
  ObjList *r = list_new(vm, 0);
  vm_push(vm, LIST_VAL(r));
  for (uint32_t i = 0; i < l->count; i++) {
    Value v = l->items[i];
    vm_push(vm, v);                        /* the callback may remove v from l */
    Value keep = vm_call(vm, fn, 1, &v);
    if (IS_TRUTHY(keep)) list_push(vm, r, v);
    vm_pop(vm);
  }
  vm_pop(vm);
  return LIST_VAL(r);
}

static Value lm_reduce(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "reduce", argc, args, 1, 2);
  Value fn = want_fn(vm, "reduce", args, 1);
  uint32_t start = 0;
  Value acc;
  if (argc > 2) {
    acc = args[2];
  } else {
    if (l->count == 0) vm_throw(vm, "reduce() of an empty list with no initial value");
    acc = l->items[0];
    start = 1;
  }
  vm_push(vm, acc);                        /* the accumulator lives in this slot */
  int slot = vm->fiber->top - 1;
  for (uint32_t i = start; i < l->count; i++) {
    Value av[2] = {vm->fiber->stack[slot], l->items[i]};
    Value r = vm_call(vm, fn, 2, av);
    vm->fiber->stack[slot] = r;
  }
  return vm_pop(vm);
}

/* ---- aggregates ------------------------------------------------------------
 * sum() is l[0] + l[1] + ... with the language's `+` (a class's `+` too);
 * min() and max() compare with `<` and keep the first of equal elements.
 * An operator method may run script: the running value lives in a VM stack
 * slot and the length is re-read every step. */

static Value lm_sum(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "sum", argc, args, 0, 0);
  if (l->count == 0) return INT_VAL(0);
  vm_push(vm, l->items[0]);
  int slot = vm->fiber->top - 1;
  for (uint32_t i = 1; i < l->count; i++) {
    Value r = arith_add(vm, vm->fiber->stack[slot], l->items[i]);
    vm->fiber->stack[slot] = r;
  }
  return vm_pop(vm);
}

static Value extreme(VM *vm, const char *name, int argc, Value *args, bool want_max) {
  ObjList *l = self_list(vm, name, argc, args, 0, 0);
  if (l->count == 0) vm_throw_kind(vm, "value", "%s() of an empty list", name);
  vm_push(vm, l->items[0]);
  int slot = vm->fiber->top - 1;
  for (uint32_t i = 1; i < l->count; i++) {
    vm_push(vm, l->items[i]);              /* a class's `<` may remove it from l */
    Value best = vm->fiber->stack[slot], v = vm->fiber->stack[vm->fiber->top - 1];
    bool better = want_max ? cmp_lt(vm, best, v) : cmp_lt(vm, v, best);
    v = vm_pop(vm);
    if (better) vm->fiber->stack[slot] = v;
  }
  return vm_pop(vm);
}

static Value lm_min(VM *vm, int argc, Value *args) { return extreme(vm, "min", argc, args, false); }
static Value lm_max(VM *vm, int argc, Value *args) { return extreme(vm, "max", argc, args, true); }

/* ---- predicates: find, any, all ---------------------------------------------
 * Each stops at the first element that settles the answer. Without a
 * function, any() and all() test the elements themselves. */

/* Whether some element's test is `want` (the first one goes to *found;
 * the caller returns it at once). */
static bool first_where(VM *vm, ObjList *l, Value fn, bool want, Value *found) {
  for (uint32_t i = 0; i < l->count; i++) {
    Value v = l->items[i];
    vm_push(vm, v);                        /* the callback may remove v from l */
    bool t = IS_NIL(fn) ? IS_TRUTHY(v) : IS_TRUTHY(vm_call(vm, fn, 1, &v));
    vm_pop(vm);
    if (t == want) { *found = v; return true; }
  }
  return false;
}

static Value lm_find(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "find", argc, args, 1, 1);
  Value v = NIL_VAL;
  return first_where(vm, l, want_fn(vm, "find", args, 1), true, &v) ? v : NIL_VAL;
}

static Value lm_any(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "any", argc, args, 0, 1);
  Value v;
  return BOOL_VAL(first_where(vm, l, argc > 1 ? want_fn(vm, "any", args, 1) : NIL_VAL, true, &v));
}

static Value lm_all(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "all", argc, args, 0, 1);
  Value v;
  return BOOL_VAL(!first_where(vm, l, argc > 1 ? want_fn(vm, "all", args, 1) : NIL_VAL, false, &v));
}

/* ---- new lists: zip, enumerate, unique, flat --------------------------------- */

static ObjList *want_list(VM *vm, const char *name, Value *args, int i) {
  if (!IS_LIST(args[i])) vm_arg_error(vm, name, i, "a list", args[i]);
  return AS_LIST(args[i]);
}

static Value pair(VM *vm, Value a, Value b) {
  ObjList *p = list_new(vm, 2);
  p->items[0] = a;
  p->items[1] = b;
  p->count = 2;
  return LIST_VAL(p);
}

/* [[a0, b0], [a1, b1], ...] as long as the shorter list */
static Value lm_zip(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "zip", argc, args, 1, 1);
  ObjList *o = want_list(vm, "zip", args, 1);   /* both stay rooted in args */
  uint32_t n = l->count < o->count ? l->count : o->count;
  ObjList *r = list_new(vm, n);
  vm_push(vm, LIST_VAL(r));
  for (uint32_t i = 0; i < n; i++) {
    Value p = pair(vm, l->items[i], o->items[i]);   /* may collect: r->count counts only set items */
    r->items[r->count++] = p;
  }
  return vm_pop(vm);
}

/* [[start, l[0]], [start + 1, l[1]], ...] */
static Value lm_enumerate(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "enumerate", argc, args, 0, 1);
  int64_t start = argc > 1 ? method_int(vm, "enumerate", args, 1) : 0;
  ObjList *r = list_new(vm, l->count);
  vm_push(vm, LIST_VAL(r));
  for (uint32_t i = 0; i < l->count; i++) {
    Value p = pair(vm, INT_VAL(int_add(start, (int64_t)i)), l->items[i]);
    r->items[r->count++] = p;
  }
  return vm_pop(vm);
}

/* Elements are the same when they would be the same map key (1 and 1.0,
 * equal strings; lists and instances by identity); nil is one value, and a
 * NaN equals nothing, so every NaN stays. */
static Value lm_unique(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "unique", argc, args, 0, 0);
  ObjList *r = list_new(vm, 0);
  vm_push(vm, LIST_VAL(r));
  ObjMap *seen = map_new(vm);
  vm_push(vm, OBJ_VAL(V_MAP, seen));
  bool seen_nil = false;
  for (uint32_t i = 0; i < l->count; i++) {
    Value v = l->items[i];
    if (IS_NIL(v)) {
      if (seen_nil) continue;
      seen_nil = true;
    } else if (!(IS_FLOAT(v) && isnan(AS_FLOAT(v)))) {
      Value k = table_normalize_key(v);
      if (table_find(&seen->t, k)) continue;
      table_set(vm, &seen->t, k, BOOL_VAL(true));
    }
    list_push(vm, r, v);
  }
  vm_pop(vm);
  return vm_pop(vm);
}

/* one level: the elements of each element that is a list, others as they are */
static Value lm_flat(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "flat", argc, args, 0, 0);
  ObjList *r = list_new(vm, 0);
  vm_push(vm, LIST_VAL(r));
  for (uint32_t i = 0; i < l->count; i++) {
    Value v = l->items[i];
    if (!IS_LIST(v)) { list_push(vm, r, v); continue; }
    ObjList *inner = AS_LIST(v);
    if ((uint64_t)r->count + inner->count > UINT32_MAX) vm_throw(vm, "out of memory");
    list_reserve(vm, r, r->count + inner->count);
    for (uint32_t j = 0; j < inner->count; j++) r->items[r->count++] = inner->items[j];
  }
  return vm_pop(vm);
}

/* ---- in place: extend, clear ---------------------------------------------------- */

static Value lm_extend(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "extend", argc, args, 1, 1);
  ObjList *o = want_list(vm, "extend", args, 1);
  uint32_t n = o->count;                        /* l.extend(l) doubles l once */
  if ((uint64_t)l->count + n > UINT32_MAX) vm_throw(vm, "out of memory");
  list_reserve(vm, l, l->count + n);
  for (uint32_t i = 0; i < n; i++) l->items[l->count++] = o->items[i];
  return NIL_VAL;
}

static Value lm_clear(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "clear", argc, args, 0, 0);
  l->items = vm_realloc(vm, l->items, sizeof(Value) * l->cap, 0);
  l->count = l->cap = 0;
  return NIL_VAL;
}

/* ---- sort --------------------------------------------------------------------
 * A stable top-down merge sort with binary insertion for short pieces, on a
 * private snapshot of the list. It calls the comparator at most once per
 * pair of elements and at most n*log2(n) times (LANGUAGE.md §11): binary
 * insertion and a plain merge both need at most n*ceil(log2 n) - 2^ceil(log2 n)
 * + 1 comparisons, and the one extra comparison per merge (are the halves
 * already in order? it makes sorted input cost n comparisons) stays within
 * the bound for pieces of at least 2 (checked up to n = 2^32); its answer is
 * reused when the merge meets the same pair, so no pair is asked twice.
 *
 * The comparator may yield, throw, be inconsistent or change the list:
 *   - the work arrays are GC lists rooted on the VM stack that no script can
 *     reach, so they never change size under us; insertion and merging move
 *     each element exactly once whatever the comparator answers, so the work
 *     array always holds a permutation of the snapshot;
 *   - the list itself is written only once, at the end (changes the
 *     comparator made to it are overwritten). If anything throws, the list
 *     is left exactly as it was. */

enum { SORT_INSERTION_MAX = 8 };

typedef struct {
  VM *vm;
  Value cmp;          /* the comparator, or nil for `<` */
  const Value *keys;  /* sort_by: items are indexes into keys */
} Sorter;

/* Whether a must come before b: cmp(a, b), or a < b. Callers ask whether the
 * later element goes first, so equal elements keep their order. */
static bool sort_before(Sorter *s, Value a, Value b) {
  if (s->keys) { a = s->keys[AS_INT(a)]; b = s->keys[AS_INT(b)]; }
  if (IS_NIL(s->cmp)) {
    /* cmp_lt's first cases, without the call: sorting numbers is common */
    if (IS_INT(a) && IS_INT(b)) return AS_INT(a) < AS_INT(b);
    if (IS_FLOAT(a) && IS_FLOAT(b)) return AS_FLOAT(a) < AS_FLOAT(b);
    return cmp_lt(s->vm, a, b);
  }
  Value av[2] = {a, b};
  Value r = vm_call(s->vm, s->cmp, 2, av);   /* IS_TRUTHY reads it twice */
  return IS_TRUTHY(r);
}

/* Binary insertion of v[lo+1..hi) into the sorted v[lo..lo+1..): each new
 * element goes after every element it does not come before. */
static void sort_insertion(Sorter *s, Value *v, uint32_t lo, uint32_t hi) {
  for (uint32_t i = lo + 1; i < hi; i++) {
    Value x = v[i];
    uint32_t a = lo, b = i;
    while (a < b) {
      uint32_t mid = a + (b - a) / 2;
      if (sort_before(s, x, v[mid])) b = mid;
      else a = mid + 1;
    }
    memmove(&v[a + 1], &v[a], sizeof(Value) * (i - a));
    v[a] = x;
  }
}

static void sort_range(Sorter *s, Value *v, Value *tmp, uint32_t lo, uint32_t hi) {
  if (hi - lo <= SORT_INSERTION_MAX) { sort_insertion(s, v, lo, hi); return; }
  uint32_t mid = lo + (hi - lo) / 2;
  sort_range(s, v, tmp, lo, mid);
  sort_range(s, v, tmp, mid, hi);
  /* already in order (common for presorted input): one comparison */
  if (!sort_before(s, v[mid], v[mid - 1])) return;
  uint32_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    /* v[mid] before v[mid - 1] is known: never ask for that pair again */
    bool right_first = (i == mid - 1 && j == mid) || sort_before(s, v[j], v[i]);
    tmp[k++] = right_first ? v[j++] : v[i++];
  }
  while (i < mid) tmp[k++] = v[i++];
  while (j < hi) tmp[k++] = v[j++];
  memcpy(&v[lo], &tmp[lo], sizeof(Value) * (hi - lo));
}

/* A new GC list holding n values (copied from `from` when not NULL), pushed
 * on the VM stack so it stays rooted. */
static ObjList *sort_scratch(VM *vm, const Value *from, uint32_t n) {
  ObjList *a = list_new(vm, n);
  for (uint32_t i = 0; i < n; i++) a->items[i] = from ? from[i] : NIL_VAL;
  a->count = n;
  vm_push(vm, LIST_VAL(a));
  return a;
}

static Value lm_sort(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "sort", argc, args, 0, 1);
  Value self = args[0];
  Sorter s = {vm, NIL_VAL, NULL};
  if (argc > 1 && !IS_NIL(args[1])) s.cmp = want_fn(vm, "sort", args, 1);
  uint32_t n = l->count;
  if (n < 2) return self;
  ObjList *a = sort_scratch(vm, l->items, n);   /* args is stale from here on */
  ObjList *tmp = sort_scratch(vm, NULL, n);
  sort_range(&s, a->items, tmp->items, 0, n);
  /* write back (the comparator may have resized the list meanwhile) */
  list_reserve(vm, l, n);                        /* a and tmp are still rooted */
  memcpy(l->items, a->items, sizeof(Value) * n);
  l->count = n;
  vm_pop(vm);
  vm_pop(vm);
  return self;
}

/* sort_by(key): key is called once per element; the elements are then
 * sorted by their keys with `<`, as indexes into the key array. */
static Value lm_sort_by(VM *vm, int argc, Value *args) {
  ObjList *l = self_list(vm, "sort_by", argc, args, 1, 1);
  Value self = args[0];
  Value key = want_fn(vm, "sort_by", args, 1);
  uint32_t n = l->count;
  ObjList *vals = sort_scratch(vm, l->items, n);  /* args is stale from here on */
  ObjList *keys = sort_scratch(vm, NULL, n);
  for (uint32_t i = 0; i < n; i++) {
    Value v = vals->items[i];
    keys->items[i] = vm_call(vm, key, 1, &v);
  }
  ObjList *order = sort_scratch(vm, NULL, n);
  for (uint32_t i = 0; i < n; i++) order->items[i] = INT_VAL((int64_t)i);
  ObjList *tmp = sort_scratch(vm, NULL, n);
  Sorter s = {vm, NIL_VAL, keys->items};
  sort_range(&s, order->items, tmp->items, 0, n);
  list_reserve(vm, l, n);
  for (uint32_t i = 0; i < n; i++) l->items[i] = vals->items[AS_INT(order->items[i])];
  l->count = n;
  for (int i = 0; i < 4; i++) vm_pop(vm);
  return self;
}

/* ---- registration ------------------------------------------------------------- */

void lib_list_open(VM *vm) {
  static const struct { const char *name; NativeFn fn; const char *doc; } methods[] = {
    {"push", lm_push, "list.push(v, ...)\nAppend the values."},
    {"pop", lm_pop, "list.pop()\nRemove and return the last element."},
    {"insert", lm_insert, "list.insert(i, v)\nInsert v before index i (negative counts from the end)."},
    {"remove", lm_remove, "list.remove(i)\nRemove the element at index i and return it."},
    {"len", lm_len, "list.len()\nThe number of elements."},
    {"index_of", lm_index_of, "list.index_of(v)\nThe index of the first element == v, or -1."},
    {"contains", lm_contains, "list.contains(v)\nWhether an element == v."},
    {"copy", lm_copy, "list.copy()\nA shallow copy."},
    {"slice", lm_slice, "list.slice(a, b?)\nThe new list list[a:b]."},
    {"reverse", lm_reverse, "list.reverse()\nReverse in place; returns the list."},
    {"join", lm_join, "list.join(sep?)\nThe str() of the elements joined with sep (default \"\")."},
    {"map", lm_map, "list.map(fn)\nA new list of fn(element) for each element."},
    {"filter", lm_filter, "list.filter(fn)\nA new list of the elements for which fn(element) is true."},
    {"reduce", lm_reduce, "list.reduce(fn, init?)\nFold the elements with fn(acc, element), starting from init."},
    {"sort", lm_sort, "list.sort(cmp?)\nSort in place, stable (cmp(a, b) true when a goes first); returns the list."},
    {"sort_by", lm_sort_by, "list.sort_by(key)\nSort in place, stable, by key(element) compared with <; returns the list."},
    {"sum", lm_sum, "list.sum()\nThe elements added with + (0 for an empty list)."},
    {"min", lm_min, "list.min()\nThe smallest element by < (the first of equals); raises on an empty list."},
    {"max", lm_max, "list.max()\nThe largest element by < (the first of equals); raises on an empty list."},
    {"find", lm_find, "list.find(fn)\nThe first element for which fn(element) is true, or nil."},
    {"any", lm_any, "list.any(fn?)\nWhether fn(element) is true for some element (without fn: some element is true)."},
    {"all", lm_all, "list.all(fn?)\nWhether fn(element) is true for every element (without fn: every element is true)."},
    {"zip", lm_zip, "list.zip(other)\nA list of pairs [list[i], other[i]], as long as the shorter list."},
    {"enumerate", lm_enumerate, "list.enumerate(start?)\nA list of pairs [start + i, list[i]] (start defaults to 0)."},
    {"unique", lm_unique, "list.unique()\nA new list of the first occurrence of each element, in order (same as map keys)."},
    {"flat", lm_flat, "list.flat()\nA new list with the elements of the elements that are lists, one level."},
    {"extend", lm_extend, "list.extend(other)\nAppend every element of the list other; returns nil."},
    {"clear", lm_clear, "list.clear()\nRemove every element; returns nil."},
  };
  /* arity -1: every method checks its own count so the messages exclude the
   * receiver */
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    vm_define_method(vm, &vm->list_methods, methods[i].name, methods[i].fn, -1, methods[i].doc);
}
