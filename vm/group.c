/* group.c — group(fn): structured concurrency (CONCURRENCY.md "Groups").
 *
 * The group's state lives in the C frame of the group() call, like a
 * timeout's deadline: the call does not return before every child has
 * finished, so no child outlives it. The script sees a userdata `g` whose
 * only method is spawn; once group() has returned, g points at nothing and
 * g.spawn raises `group is closed`. */
#include <string.h>
#include "vm.h"
#include "fiber.h"

struct Group {
  Fiber *owner;             /* the fiber inside group() */
  int children_slot;        /* stack slot of the owner holding the list of children */
  Value first_error;        /* the error group() raises (kept in a slot too) */
  int error_slot;
  bool in_body;             /* fn(g) has not returned yet */
  bool cancelled_owner;     /* we cancelled the owner's body because a child failed */
};

Fiber *group_owner(Group *g) { return g->owner; }

static ObjList *children(VM *vm, Group *g) { return AS_LIST(g->owner->stack[g->children_slot]); }

/* The first error wins: cancel every child still running, and the body. */
static void fail(VM *vm, Group *g, Value err) {
  if (!IS_NIL(g->first_error)) return;
  g->first_error = err;
  g->owner->stack[g->error_slot] = err;
  ObjList *l = children(vm, g);
  for (uint32_t i = 0; i < l->count; i++) fiber_interrupt(vm, AS_FIBER(l->items[i]), PENDING_CANCEL, NIL_VAL);
  if (g->in_body && !(g->owner->pending & PENDING_CANCEL)) {
    g->cancelled_owner = true;
    fiber_interrupt(vm, g->owner, PENDING_CANCEL, NIL_VAL);
  }
}

void group_child_finished(VM *vm, Fiber *child, bool ok, Value result) {
  Group *g = child->group;
  child->group = NULL;
  /* a child's own cancelled error is not "first" */
  if (!ok && !vm_error_is_kind(vm, result, "cancelled")) fail(vm, g, result);
}

static Group **group_ref(VM *vm, Value *args, const char *fname) {
  if (args[0].tag != V_USERDATA || strcmp(AS_USERDATA(args[0])->type_tag, "group") != 0)
    vm_arg_error(vm, fname, 0, "a group", args[0]);
  return AS_USERDATA(args[0])->data;
}

/* g.spawn(f, args...) */
static Value group_spawn(VM *vm, int argc, Value *args) {
  if (argc < 2) vm_throw(vm, "spawn() expects at least 1 argument, got %d", argc - 1);
  Group *g = *group_ref(vm, args, "spawn");
  if (!g) vm_throw(vm, "group is closed");
  Value fv = fiber_spawn(vm, args[1], argc - 2, args + 2);
  Fiber *f = AS_FIBER(fv);
  f->joined = true;          /* its error is the group's, never "error in fiber" */
  f->group = g;
  vm_push(vm, fv);
  list_push(vm, children(vm, g), fv);
  vm_pop(vm);
  if (!IS_NIL(g->first_error)) fiber_interrupt(vm, f, PENDING_CANCEL, NIL_VAL);   /* failing already */
  return fv;
}

/* group(fn) */
static Value nat_group(VM *vm, int argc, Value *args) {
  Fiber *self = vm->fiber;
  Group g = {self, 0, NIL_VAL, 0, true, false};
  /* slots: the children, the first error, g itself */
  g.children_slot = self->top;
  vm_push(vm, LIST_VAL(list_new(vm, 0)));
  g.error_slot = self->top;
  vm_push(vm, NIL_VAL);
  ObjString *tag = str_cstr(vm, "group");
  vm_push(vm, STR_VAL(tag));
  Value *k = table_find(&vm->userdata_classes, STR_VAL(tag));
  ObjUserdata *u = obj_alloc(vm, sizeof(ObjUserdata) + sizeof(Group *), V_USERDATA);
  u->tag = tag;
  u->type_tag = tag->chars;
  u->size = sizeof(Group *);
  u->data = (char *)u + sizeof(ObjUserdata);
  u->klass = k ? AS_CLASS(*k) : NULL;
  *(Group **)u->data = &g;
  Value gv = OBJ_VAL(V_USERDATA, u);
  int gslot = self->top - 1;
  self->stack[gslot] = gv;

  Value out;
  self->ngroups++;
  bool ok = vm_pcall(vm, args[0], 1, &gv, &out);
  self = vm->fiber;
  g.in_body = false;
  if (!ok && !(g.cancelled_owner && vm_error_is_kind(vm, out, "cancelled"))) fail(vm, &g, out);
  if (g.cancelled_owner) self->pending &= (uint8_t)~PENDING_CANCEL;   /* ours, not raised */

  /* wait for every child; a cancel or timeout of this fiber meanwhile
   * cancels them and becomes the error (unless one came first) */
  for (uint32_t i = 0; i < children(vm, &g)->count; i++) {
    Fiber *c = AS_FIBER(children(vm, &g)->items[i]);
    Value err;
    while (!fiber_wait_done(vm, c, &err)) fail(vm, &g, err);
  }
  *(Group **)AS_USERDATA(self->stack[gslot])->data = NULL;   /* closed */
  self->ngroups--;
  if (!IS_NIL(g.first_error)) vm_throw_value(vm, self->stack[g.error_slot]);
  ObjList *l = children(vm, &g);
  for (uint32_t i = 0; i < l->count; i++) {
    Fiber *c = AS_FIBER(l->items[i]);
    l->items[i] = c->state == FIBER_DONE ? c->result : NIL_VAL;
  }
  return self->stack[g.children_slot];
}

void lib_group_open(VM *vm) {
  vm_define_native(vm, "group", nat_group, 1, "group(fn)\nfn(g) with a group g; g.spawn(f, args...) starts children. Returns their results in spawn order once all finished; the first error cancels the rest and is raised.");
  ObjString *tag = str_cstr(vm, "group");
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = class_new(vm, tag);
  vm_push(vm, OBJ_VAL(V_CLASS, k));
  table_set(vm, &vm->userdata_classes, STR_VAL(tag), OBJ_VAL(V_CLASS, k));
  vm_define_method(vm, &k->methods, "spawn", group_spawn, -1, "group.spawn(f, args...)\nStart f(args...) as a fiber owned by the group; returns the fiber.");
  vm_pop(vm);
  vm_pop(vm);
}
