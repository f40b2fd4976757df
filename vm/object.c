/* object.c — allocating and freeing heap objects. */
#include <string.h>
#include <stdlib.h>
#include "vm.h"
#include "fiber.h"

void *obj_alloc_head(VM *vm, size_t size, size_t head, ValueTag tag) {
  Obj *o = vm_realloc(vm, NULL, 0, size);
  memset(o, 0, head);
  o->tag = (uint8_t)tag;
  o->next = vm->objects;
  vm->objects = o;
  return o;
}

void *obj_alloc(VM *vm, size_t size, ValueTag tag) { return obj_alloc_head(vm, size, size, tag); }

ObjList *list_new(VM *vm, uint32_t cap) {
  ObjList *l = obj_alloc(vm, sizeof(ObjList), V_LIST);
  if (cap) {
    vm_push(vm, LIST_VAL(l));
    l->items = VM_ALLOC(vm, Value, cap);
    l->cap = cap;
    vm_pop(vm);
  }
  return l;
}

void list_reserve(VM *vm, ObjList *l, uint32_t cap) {
  if (cap <= l->cap) return;
  uint32_t nc = l->cap ? l->cap : 4;
  while (nc < cap) {
    if (nc > UINT32_MAX / 2) vm_throw(vm, "out of memory");
    nc *= 2;
  }
  l->items = vm_realloc(vm, l->items, sizeof(Value) * l->cap, sizeof(Value) * nc);
  l->cap = nc;
}

void list_push(VM *vm, ObjList *l, Value v) {
  if (l->count == l->cap) {
    /* v may be unreachable except through the caller's C local */
    vm_push(vm, v);
    list_reserve(vm, l, l->count + 1);
    vm_pop(vm);
  }
  l->items[l->count++] = v;
}

ObjMap *map_new(VM *vm) {
  ObjMap *m = obj_alloc(vm, sizeof(ObjMap), V_MAP);
  table_init(&m->t);
  return m;
}

ObjRange *range_new(VM *vm, int64_t a, int64_t b) {
  ObjRange *r = obj_alloc(vm, sizeof(ObjRange), V_RANGE);
  r->start = a;
  r->end = b;
  r->step = 1;
  r->count = b > a ? (uint64_t)b - (uint64_t)a : 0;
  return r;
}

ObjRange *range_new_step(VM *vm, int64_t a, int64_t b, int64_t step) {
  ObjRange *r = range_new(vm, a, b);
  r->step = step;
  /* the distance and the step's size, unsigned: both may exceed INT64_MAX */
  uint64_t d = step > 0 ? (b > a ? (uint64_t)b - (uint64_t)a : 0) : (a > b ? (uint64_t)a - (uint64_t)b : 0);
  uint64_t s = step > 0 ? (uint64_t)step : 0 - (uint64_t)step;
  r->count = d / s + (d % s != 0);
  return r;
}

ObjProto *proto_new(VM *vm) { return obj_alloc(vm, sizeof(ObjProto), V_PROTO); }

ObjClosure *closure_new(VM *vm, ObjProto *p) {
  ObjClosure *c = obj_alloc(vm, sizeof(ObjClosure) + sizeof(ObjUpvalue *) * p->nupvals, V_CLOSURE);
  c->p = p;
  c->nupvals = p->nupvals;
  return c;
}

ObjUpvalue *upvalue_new(VM *vm, Value *slot) {
  ObjUpvalue *u = obj_alloc(vm, sizeof(ObjUpvalue), V_UPVALUE);
  u->v = slot;
  u->closed = NIL_VAL;
  return u;
}

ObjNative *native_new(VM *vm, NativeFn fn, const char *name, int arity) {
  ObjString *s = str_cstr(vm, name);
  vm_push(vm, STR_VAL(s));
  ObjNative *n = obj_alloc(vm, sizeof(ObjNative), V_NATIVE);
  vm_pop(vm);
  n->fn = fn;
  n->name = s;
  n->arity = arity;
  n->self = NIL_VAL;
  return n;
}

void native_set_doc(VM *vm, ObjNative *n, const char *doc) {
  if (!doc) return;
  vm_push(vm, OBJ_VAL(V_NATIVE, n));
  n->doc = str_cstr(vm, doc);
  vm_pop(vm);
}

ObjBound *bound_new(VM *vm, Value receiver, Value method) {
  ObjBound *b = obj_alloc(vm, sizeof(ObjBound), V_BOUND);
  b->receiver = receiver;
  b->method = method;
  return b;
}

ObjClass *class_new(VM *vm, ObjString *name) {
  ObjClass *k = obj_alloc(vm, sizeof(ObjClass), V_CLASS);
  k->name = name;
  table_init(&k->methods);
  k->init = NIL_VAL;
  k->str = NIL_VAL;
  return k;
}

ObjInstance *instance_new(VM *vm, ObjClass *k) {
  ObjInstance *i = obj_alloc(vm, sizeof(ObjInstance), V_INSTANCE);
  i->klass = k;
  table_init(&i->fields);
  return i;
}

ObjModule *module_new(VM *vm, ObjString *name, ObjString *file) {
  ObjModule *m = obj_alloc(vm, sizeof(ObjModule), V_MODULE);
  m->name = name;
  m->file = file;
  table_init(&m->names);
  return m;
}

int module_add_var(VM *vm, ObjModule *m, ObjString *name) {
  if (m->nvars == m->capvars) {
    int nc = m->capvars ? m->capvars * 2 : 16;
    m->vars = vm_realloc(vm, m->vars, sizeof(Value) * m->capvars, sizeof(Value) * nc);
    for (int i = m->capvars; i < nc; i++) m->vars[i] = NIL_VAL;
    m->capvars = nc;
  }
  int slot = m->nvars++;
  m->vars[slot] = NIL_VAL;
  table_set(vm, &m->names, STR_VAL(name), INT_VAL(slot));
  return slot;
}

void obj_free(VM *vm, Obj *o) {
  switch ((ValueTag)o->tag) {
    case V_STRING: {
      ObjString *s = (ObjString *)o;
      vm_realloc(vm, o, sizeof(ObjString) + s->len + 1, 0);
      return;
    }
    case V_LIST: {
      ObjList *l = (ObjList *)o;
      VM_FREE(vm, Value, l->items, l->cap);
      vm_realloc(vm, o, sizeof(ObjList), 0);
      return;
    }
    case V_MAP: table_free(vm, &((ObjMap *)o)->t); vm_realloc(vm, o, sizeof(ObjMap), 0); return;
    case V_RANGE: vm_realloc(vm, o, sizeof(ObjRange), 0); return;
    case V_PROTO: {
      ObjProto *p = (ObjProto *)o;
      VM_FREE(vm, uint32_t, p->code, p->ncode);
      VM_FREE(vm, int32_t, p->lines, p->ncode);
      VM_FREE(vm, uint16_t, p->cols, p->ncode);
      VM_FREE(vm, Value, p->k, p->nk);
      VM_FREE(vm, ObjProto *, p->protos, p->nprotos);
      VM_FREE(vm, UpvalDesc, p->upvals, p->nupvals);
      if (p->ic) VM_FREE(vm, InlineCache, p->ic, p->ncode);
      vm_realloc(vm, o, sizeof(ObjProto), 0);
      return;
    }
    case V_CLOSURE:
      vm_realloc(vm, o, sizeof(ObjClosure) + sizeof(ObjUpvalue *) * ((ObjClosure *)o)->nupvals, 0);
      return;
    case V_UPVALUE: vm_realloc(vm, o, sizeof(ObjUpvalue), 0); return;
    case V_NATIVE: vm_realloc(vm, o, sizeof(ObjNative), 0); return;
    case V_BOUND: vm_realloc(vm, o, sizeof(ObjBound), 0); return;
    case V_CLASS: table_free(vm, &((ObjClass *)o)->methods); vm_realloc(vm, o, sizeof(ObjClass), 0); return;
    case V_INSTANCE: table_free(vm, &((ObjInstance *)o)->fields); vm_realloc(vm, o, sizeof(ObjInstance), 0); return;
    case V_MODULE: {
      ObjModule *m = (ObjModule *)o;
      VM_FREE(vm, Value, m->vars, m->capvars);
      table_free(vm, &m->names);
      vm_realloc(vm, o, sizeof(ObjModule), 0);
      return;
    }
    case V_FIBER: fiber_free(vm, (Fiber *)o); return;
    case V_CHANNEL: channel_free(vm, o); return;
    case V_USERDATA: {
      ObjUserdata *u = (ObjUserdata *)o;
      if (u->finalize) u->finalize(u->data);
      vm_realloc(vm, o, sizeof(ObjUserdata) + u->size, 0);
      return;
    }
    default: return;
  }
}
