/* gc.c — precise mark-and-sweep.
 *
 * Roots: every live fiber's VM stack, frames and open upvalues; module
 * variables (through the module table); globals; built-in method tables; host
 * handles; and C temporaries registered with vm_push_root. C stacks are never
 * scanned: natives keep values on the VM stack (vm_push) across allocations. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "vm.h"
#include "fiber.h"
#include "api_internal.h"

void strset_remove_unmarked(VM *vm);

void vm_push_root(VM *vm, Value *v) {
  if (vm->ntemp_roots == (int)(sizeof vm->temp_roots / sizeof vm->temp_roots[0])) {
    vm_flush(vm);
    fprintf(stderr, "fatal: too many temporary roots\n");
    abort();
  }
  vm->temp_roots[vm->ntemp_roots++] = v;
}
void vm_pop_root(VM *vm) { vm->ntemp_roots--; }

void gc_mark_obj(VM *vm, Obj *o) {
  if (!o || o->marked) return;
  o->marked = 1;
  if (o->tag == V_STRING || o->tag == V_RANGE) return;   /* no references */
  if (vm->ngray == vm->capgray) {
    int nc = vm->capgray ? vm->capgray * 2 : 256;
    Obj **g = realloc(vm->gray, sizeof(Obj *) * nc);
    if (!g) {
      /* no memory for the gray stack: o stays marked but unscanned, and
       * gc_collect rescans the heap for such objects */
      vm->gray_overflow = true;
      return;
    }
    vm->gray = g;
    vm->capgray = nc;
  }
  vm->gray[vm->ngray++] = o;
}

void gc_mark_value(VM *vm, Value v) {
  if (IS_OBJ(v)) gc_mark_obj(vm, AS_OBJ(v));
}

static void mark_table(VM *vm, Table *t) {
  if (t->count == 0) return;
  const uint8_t *tags = t->key_tags;
  for (uint32_t i = 0; i < t->count; i++) {
    if (tags[i] >= V_FIRST_OBJ) gc_mark_obj(vm, t->entries[i].key.o);
    gc_mark_value(vm, t->entries[i].value);
  }
}

static void blacken(VM *vm, Obj *o) {
  switch ((ValueTag)o->tag) {
    case V_LIST: {
      ObjList *l = (ObjList *)o;
      for (uint32_t i = 0; i < l->count; i++) gc_mark_value(vm, l->items[i]);
      break;
    }
    case V_MAP: mark_table(vm, &((ObjMap *)o)->t); break;
    case V_PROTO: {
      ObjProto *p = (ObjProto *)o;
      for (int i = 0; i < p->nk; i++) gc_mark_value(vm, p->k[i]);
      for (int i = 0; i < p->nprotos; i++) gc_mark_obj(vm, (Obj *)p->protos[i]);
      gc_mark_obj(vm, (Obj *)p->name);
      gc_mark_obj(vm, (Obj *)p->doc);
      gc_mark_obj(vm, (Obj *)p->module);
      gc_mark_obj(vm, (Obj *)p->file);
      /* cached classes stay alive, so a class's address is never reused
       * while a cache still names it */
      if (p->ic)
        for (int i = 0; i < p->ncode; i++) {
          gc_mark_obj(vm, (Obj *)p->ic[i].klass);
          gc_mark_value(vm, p->ic[i].method);
        }
      break;
    }
    case V_CLOSURE: {
      ObjClosure *c = (ObjClosure *)o;
      gc_mark_obj(vm, (Obj *)c->p);
      gc_mark_obj(vm, (Obj *)c->owner);
      for (int i = 0; i < c->nupvals; i++) gc_mark_obj(vm, (Obj *)c->upvals[i]);
      break;
    }
    case V_UPVALUE: {
      /* an open upvalue keeps its fiber (and so the variable's stack) alive */
      ObjUpvalue *u = (ObjUpvalue *)o;
      gc_mark_value(vm, *u->v);
      gc_mark_value(vm, u->closed);
      gc_mark_obj(vm, (Obj *)u->owner);
      break;
    }
    case V_NATIVE:
      gc_mark_obj(vm, (Obj *)((ObjNative *)o)->name);
      gc_mark_obj(vm, (Obj *)((ObjNative *)o)->doc);
      gc_mark_value(vm, ((ObjNative *)o)->self);
      break;
    case V_BOUND: gc_mark_value(vm, ((ObjBound *)o)->receiver); gc_mark_value(vm, ((ObjBound *)o)->method); break;
    case V_CLASS: {
      ObjClass *k = (ObjClass *)o;
      gc_mark_obj(vm, (Obj *)k->name);
      gc_mark_obj(vm, (Obj *)k->super);
      mark_table(vm, &k->methods);
      gc_mark_value(vm, k->init);
      gc_mark_value(vm, k->str);
      break;
    }
    case V_INSTANCE: gc_mark_obj(vm, (Obj *)((ObjInstance *)o)->klass); mark_table(vm, &((ObjInstance *)o)->fields); break;
    case V_MODULE: {
      ObjModule *m = (ObjModule *)o;
      gc_mark_obj(vm, (Obj *)m->name);
      gc_mark_obj(vm, (Obj *)m->file);
      for (int i = 0; i < m->nvars; i++) gc_mark_value(vm, m->vars[i]);
      mark_table(vm, &m->names);
      break;
    }
    case V_FIBER: fiber_mark(vm, (Fiber *)o); break;
    case V_CHANNEL: channel_mark(vm, o); break;
    case V_USERDATA:
      gc_mark_obj(vm, (Obj *)((ObjUserdata *)o)->klass);
      gc_mark_obj(vm, (Obj *)((ObjUserdata *)o)->tag);
      break;
    default: break;
  }
}

static void mark_roots(VM *vm) {
  gc_mark_obj(vm, (Obj *)vm->fiber);
  gc_mark_obj(vm, (Obj *)vm->main_fiber);
  sched_mark(vm);
  for (int i = 0; i < vm->nglobals; i++) {
    gc_mark_value(vm, vm->globals[i]);
    gc_mark_obj(vm, (Obj *)vm->global_names[i]);
  }
  mark_table(vm, &vm->global_index);
  mark_table(vm, &vm->string_methods);
  mark_table(vm, &vm->list_methods);
  mark_table(vm, &vm->map_methods);
  mark_table(vm, &vm->fiber_methods);
  mark_table(vm, &vm->channel_methods);
  mark_table(vm, &vm->range_methods);
  mark_table(vm, &vm->modules);
  mark_table(vm, &vm->sources);
  mark_table(vm, &vm->userdata_classes);
  gc_mark_obj(vm, (Obj *)vm->error_class);
  gc_mark_obj(vm, (Obj *)vm->main_module);
  gc_mark_value(vm, vm->args);
  gc_mark_obj(vm, (Obj *)vm->s_init);
  gc_mark_obj(vm, (Obj *)vm->s_str);
  gc_mark_obj(vm, (Obj *)vm->s_message);
  gc_mark_obj(vm, (Obj *)vm->s_trace);
  gc_mark_obj(vm, (Obj *)vm->s_script);
  gc_mark_obj(vm, (Obj *)vm->s_kind);
  gc_mark_obj(vm, (Obj *)vm->s_file);
  gc_mark_obj(vm, (Obj *)vm->s_line);
  gc_mark_obj(vm, (Obj *)vm->s_column);
  gc_mark_obj(vm, (Obj *)vm->import_scratch);
  for (int i = 0; i < vm->ntemp_roots; i++) gc_mark_value(vm, *vm->temp_roots[i]);
  api_mark_handles(vm);
}

void gc_collect(VM *vm) {
  if (vm->gc_paused) return;
  vm->gc_paused++;   /* no re-entry from the gray stack growth */
  mark_roots(vm);
  while (vm->ngray > 0) blacken(vm, vm->gray[--vm->ngray]);
  /* the gray stack could not grow: scan every marked object again until a
   * pass pushes nothing it cannot hold (slow, but it needs no memory) */
  while (vm->gray_overflow) {
    vm->gray_overflow = false;
    for (Obj *o = vm->objects; o; o = o->next) {
      if (!o->marked || o->tag == V_STRING || o->tag == V_RANGE) continue;
      blacken(vm, o);
      while (vm->ngray > 0) blacken(vm, vm->gray[--vm->ngray]);
    }
  }
  strset_remove_unmarked(vm);
  Obj **link = &vm->objects;
  while (*link) {
    Obj *o = *link;
    if (o->marked) {
      o->marked = 0;
      link = &o->next;
    } else {
      *link = o->next;
      obj_free(vm, o);
    }
  }
  vm->gc_cycles++;
  /* take the reserve back, unless we are building the error it was spent
   * on (a collection there would take back the memory the error needs) */
  if (!vm->reserve && !vm->reserve_spent) vm->reserve = vm->realloc_fn(NULL, VM_RESERVE, vm->alloc_ud);
  /* 1.75x, not 2x: a stop-the-world collector peaks at the full factor
   * (docs/internals.md, Garbage collector) */
  vm->next_gc = vm->bytes_allocated / 4 * 7;
  if (vm->next_gc < vm->bytes_allocated + GC_MIN_GROWTH) vm->next_gc = vm->bytes_allocated + GC_MIN_GROWTH;
  alloc_trim(vm, vm->bytes_allocated / 2 + ALLOC_KEEP_MIN);
  coro_pool_decay(CORO_DECAY_SECONDS);   /* fiber stacks unused for a while go back */
  vm->gc_paused--;
}
