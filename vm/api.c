/* api.c — the public embedding API of include/gs.h on top of the VM.
 *
 * A slot is stack[api_base + i] of the running fiber. A host native runs
 * through api_thunk, which points api_base at its arguments; host code
 * outside natives uses the main fiber with api_base 0 (the host's slots sit
 * below anything the VM pushes when it runs script). */
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include "gs.h"
#include "vm.h"
#include "fiber.h"
#include "run.h"
#include "compile.h"
#include "api_internal.h"
#include "arith.h"

/* ---- slots ------------------------------------------------------------ */

static Value *slot_ref(VM *vm, int slot) {
  Fiber *f = vm->fiber;
  int i = f->api_base + slot;
  if (slot < 0 || i >= f->top) vm_throw(vm, "API slot %d is out of range (%d slots)", slot, f->top - f->api_base);
  return &f->stack[i];
}
#define SLOT(i) (*slot_ref(vm, (i)))

void gs_ensure_slots(gs_vm *vm, int n) {
  Fiber *f = vm->fiber;
  int need = f->api_base + n;
  if (need > f->top) {
    fiber_grow_stack(vm, f, need + 1);
    for (int i = f->top; i < need; i++) f->stack[i] = NIL_VAL;
    f->top = need;
  }
}

int gs_slot_count(gs_vm *vm) { return vm->fiber->top - vm->fiber->api_base; }

gs_type gs_get_type(gs_vm *vm, int slot) {
  switch ((ValueTag)SLOT(slot).tag) {
    case V_NIL: return GS_NIL;
    case V_BOOL: return GS_BOOL;
    case V_INT: return GS_INT;
    case V_FLOAT: return GS_FLOAT;
    case V_STRING: return GS_STRING;
    case V_LIST: return GS_LIST;
    case V_MAP: return GS_MAP;
    case V_CLOSURE: case V_NATIVE: case V_BOUND: return GS_FUNCTION;
    case V_CLASS: return GS_CLASS;
    case V_INSTANCE: return GS_INSTANCE;
    case V_FIBER: return GS_FIBER;
    case V_CHANNEL: return GS_CHANNEL;
    case V_RANGE: return GS_RANGE;
    case V_USERDATA: return GS_USERDATA;
    case V_MODULE: return GS_MODULE;
    default: return GS_OTHER;
  }
}

const char *gs_type_name(gs_vm *vm, int slot) { return value_type_name(SLOT(slot)); }
bool gs_get_bool(gs_vm *vm, int slot) { return IS_TRUTHY(SLOT(slot)); }

int64_t gs_get_int(gs_vm *vm, int slot) {
  Value v = SLOT(slot);
  if (IS_INT(v)) return AS_INT(v);
  if (IS_FLOAT(v)) return arg_int(vm, "gs_get_int", &v, 0);
  vm_throw(vm, "expected an int, got %s", value_type_name(v));
}

double gs_get_float(gs_vm *vm, int slot) {
  Value v = SLOT(slot);
  if (IS_FLOAT(v)) return AS_FLOAT(v);
  if (IS_INT(v)) return (double)AS_INT(v);
  vm_throw(vm, "expected a number, got %s", value_type_name(v));
}

const char *gs_get_string(gs_vm *vm, int slot, size_t *len) {
  Value v = SLOT(slot);
  if (!IS_STRING(v)) vm_throw(vm, "expected a string, got %s", value_type_name(v));
  if (len) *len = AS_STRING(v)->len;
  return AS_CSTR(v);
}

void gs_to_string(gs_vm *vm, int slot, int dest) {
  ObjString *s = vm_tostring(vm, SLOT(slot));
  SLOT(dest) = STR_VAL(s);
}

void gs_set_nil(gs_vm *vm, int slot) { SLOT(slot) = NIL_VAL; }
void gs_set_bool(gs_vm *vm, int slot, bool v) { SLOT(slot) = BOOL_VAL(v); }
void gs_set_int(gs_vm *vm, int slot, int64_t v) { SLOT(slot) = INT_VAL(v); }
void gs_set_float(gs_vm *vm, int slot, double v) { SLOT(slot) = FLOAT_VAL(v); }
void gs_set_string(gs_vm *vm, int slot, const char *s, size_t len) {
  slot_ref(vm, slot);
  ObjString *str = str_new(vm, s, len);
  SLOT(slot) = STR_VAL(str);
}
void gs_set_cstring(gs_vm *vm, int slot, const char *s) { gs_set_string(vm, slot, s, strlen(s)); }
void gs_copy(gs_vm *vm, int from, int to) { SLOT(to) = SLOT(from); }

/* ---- lists and maps ---------------------------------------------------- */

static ObjList *want_list(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (!IS_LIST(v)) vm_throw(vm, "expected a list, got %s", value_type_name(v));
  return AS_LIST(v);
}
static ObjMap *want_map(VM *vm, int slot) {
  Value v = SLOT(slot);
  if (!IS_MAP(v)) vm_throw(vm, "expected a map, got %s", value_type_name(v));
  return AS_MAP(v);
}

void gs_new_list(gs_vm *vm, int slot) {
  slot_ref(vm, slot);
  ObjList *l = list_new(vm, 0);
  SLOT(slot) = LIST_VAL(l);
}
int64_t gs_list_count(gs_vm *vm, int list) { return want_list(vm, list)->count; }
void gs_list_get(gs_vm *vm, int list, int64_t index, int dest) {
  Value r = vm_get_index(vm, LIST_VAL(want_list(vm, list)), INT_VAL(index));
  SLOT(dest) = r;
}
void gs_list_set(gs_vm *vm, int list, int64_t index, int value) {
  vm_set_index(vm, LIST_VAL(want_list(vm, list)), INT_VAL(index), SLOT(value));
}
void gs_list_push(gs_vm *vm, int list, int value) { list_push(vm, want_list(vm, list), SLOT(value)); }

void gs_new_map(gs_vm *vm, int slot) {
  slot_ref(vm, slot);
  ObjMap *m = map_new(vm);
  SLOT(slot) = MAP_VAL(m);
}
int64_t gs_map_count(gs_vm *vm, int map) { return want_map(vm, map)->t.live; }
bool gs_map_get(gs_vm *vm, int map, int key, int dest) {
  Value *v = table_find(&want_map(vm, map)->t, table_normalize_key(SLOT(key)));
  SLOT(dest) = v ? *v : NIL_VAL;
  return v != NULL;
}
void gs_map_set(gs_vm *vm, int map, int key, int value) {
  vm_set_index(vm, MAP_VAL(want_map(vm, map)), SLOT(key), SLOT(value));
}
bool gs_map_remove(gs_vm *vm, int map, int key) {
  return table_remove(&want_map(vm, map)->t, table_normalize_key(SLOT(key)));
}
bool gs_map_next(gs_vm *vm, int map, int64_t *pos, int key_dest, int value_dest) {
  Table *t = &want_map(vm, map)->t;
  int64_t i = *pos;
  while (i < (int64_t)t->count && IS_NIL(t->entries[i].key)) i++;
  if (i >= (int64_t)t->count) { *pos = i; return false; }
  SLOT(key_dest) = t->entries[i].key;
  SLOT(value_dest) = t->entries[i].value;
  *pos = i + 1;
  return true;
}

bool gs_get_global(gs_vm *vm, const char *name, int dest) {
  slot_ref(vm, dest);
  ObjString *s = str_cstr(vm, name);
  int g = vm_global_slot(vm, s, false);
  if (g >= 0) { SLOT(dest) = vm->globals[g]; return true; }
  if (vm->main_module) {
    Value *v = table_find_str(&vm->main_module->names, s);
    if (v) { SLOT(dest) = vm->main_module->vars[AS_INT(*v)]; return true; }
  }
  SLOT(dest) = NIL_VAL;
  return false;
}

void gs_set_global(gs_vm *vm, const char *name, int value) { vm_set_global(vm, name, SLOT(value)); }

/* ---- natives ----------------------------------------------------------- */

static Value api_thunk(VM *vm, int argc, Value *args) {
  ObjNative *n = vm->calling_native;
  gs_native fn = (gs_native)n->host_fn;
  Fiber *f = vm->fiber;
  int saved_base = f->api_base;
  f->api_base = (int)(args - f->stack);
  f->api_ret = NIL_VAL;
  fn(vm, argc);
  f = vm->fiber;
  Value r = f->api_ret;
  f->api_ret = NIL_VAL;
  f->api_base = saved_base;
  return r;
}

static ObjNative *host_native(VM *vm, const char *name, gs_native fn, int arity) {
  ObjNative *n = native_new(vm, api_thunk, name, arity);
  n->host_fn = (void *)fn;
  return n;
}

void gs_register(gs_vm *vm, const char *name, gs_native fn, int arity) {
  vm_set_global(vm, name, OBJ_VAL(V_NATIVE, host_native(vm, name, fn, arity)));
}

static ObjModule *native_module(VM *vm, const char *name) {
  ObjString *s = str_cstr(vm, name);
  int g = vm_global_slot(vm, s, false);
  if (g >= 0 && vm->globals[g].tag == V_MODULE) return AS_MODULE(vm->globals[g]);
  vm_push(vm, STR_VAL(s));
  ObjString *file = str_cstr(vm, "<native>");
  vm_push(vm, STR_VAL(file));
  ObjModule *m = module_new(vm, s, file);
  vm_pop(vm);
  vm_pop(vm);
  m->loaded = true;
  vm_set_global(vm, name, OBJ_VAL(V_MODULE, m));
  return m;
}

static void module_put(VM *vm, ObjModule *m, const char *name, Value v) {
  vm_push(vm, v);
  ObjString *s = str_cstr(vm, name);
  Value *slot = table_find_str(&m->names, s);
  int i = slot ? (int)AS_INT(*slot) : module_add_var(vm, m, s);
  m->vars[i] = v;
  vm_pop(vm);
}

void gs_register_module(gs_vm *vm, const char *name, const gs_reg *regs) {
  ObjModule *m = native_module(vm, name);
  for (const gs_reg *r = regs; r && r->name; r++)
    module_put(vm, m, r->name, OBJ_VAL(V_NATIVE, host_native(vm, r->name, r->fn, r->arity)));
}

void gs_module_set(gs_vm *vm, const char *module, const char *name, int value) {
  module_put(vm, native_module(vm, module), name, SLOT(value));
}

void gs_return_nil(gs_vm *vm) { vm->fiber->api_ret = NIL_VAL; }
void gs_return_bool(gs_vm *vm, bool v) { vm->fiber->api_ret = BOOL_VAL(v); }
void gs_return_int(gs_vm *vm, int64_t v) { vm->fiber->api_ret = INT_VAL(v); }
void gs_return_float(gs_vm *vm, double v) { vm->fiber->api_ret = FLOAT_VAL(v); }
void gs_return_string(gs_vm *vm, const char *s, size_t len) { vm->fiber->api_ret = STR_VAL(str_new(vm, s, len)); }
void gs_return_cstring(gs_vm *vm, const char *s) { gs_return_string(vm, s, strlen(s)); }
void gs_return_slot(gs_vm *vm, int slot) { vm->fiber->api_ret = SLOT(slot); }

_Noreturn void gs_error(gs_vm *vm, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  vm_throw(vm, "%s", buf);
}

void gs_check_argc(gs_vm *vm, const char *name, int argc, int min, int max) { arg_count(vm, name, argc, min, max); }

/* ---- userdata ---------------------------------------------------------- */

static ObjClass *userdata_class(VM *vm, ObjString *tag, bool create) {
  Value *v = table_find_str(&vm->userdata_classes, tag);
  if (v) return AS_CLASS(*v);
  if (!create) return NULL;
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = class_new(vm, tag);
  vm_push(vm, OBJ_VAL(V_CLASS, k));
  table_set(vm, &vm->userdata_classes, STR_VAL(tag), OBJ_VAL(V_CLASS, k));
  vm_pop(vm);
  vm_pop(vm);
  return k;
}

void *gs_new_userdata(gs_vm *vm, int slot, const char *type_tag, size_t size, void (*finalize)(void *data)) {
  slot_ref(vm, slot);
  ObjString *tag = str_cstr(vm, type_tag);
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = userdata_class(vm, tag, false);
  ObjUserdata *u = obj_alloc(vm, sizeof(ObjUserdata) + size, V_USERDATA);
  vm_pop(vm);
  u->tag = tag;
  u->type_tag = tag->chars;
  u->size = size;
  u->data = (char *)u + sizeof(ObjUserdata);
  u->finalize = finalize;
  u->klass = k;
  SLOT(slot) = OBJ_VAL(V_USERDATA, u);
  return u->data;
}

void *gs_get_userdata(gs_vm *vm, int slot, const char *type_tag) {
  Value v = SLOT(slot);
  if (v.tag != V_USERDATA) return NULL;
  ObjUserdata *u = AS_USERDATA(v);
  if (type_tag && strcmp(u->type_tag, type_tag) != 0) return NULL;
  return u->data;
}

void gs_register_class(gs_vm *vm, const char *type_tag, const gs_reg *methods) {
  ObjString *tag = str_cstr(vm, type_tag);
  vm_push(vm, STR_VAL(tag));
  ObjClass *k = userdata_class(vm, tag, true);
  for (const gs_reg *r = methods; r && r->name; r++) {
    ObjNative *n = host_native(vm, r->name, r->fn, r->arity < 0 ? -1 : r->arity + 1);
    n->is_method = true;
    vm_push(vm, OBJ_VAL(V_NATIVE, n));
    table_set(vm, &k->methods, STR_VAL(n->name), OBJ_VAL(V_NATIVE, n));
    if (n->name == vm->s_str) k->str = OBJ_VAL(V_NATIVE, n);
    vm_pop(vm);
  }
  /* existing objects of this tag pick the class up lazily */
  for (Obj *o = vm->objects; o; o = o->next)
    if (o->tag == V_USERDATA && ((ObjUserdata *)o)->tag == tag) ((ObjUserdata *)o)->klass = k;
  vm_pop(vm);
}

/* ---- handles ------------------------------------------------------------ */

struct gs_handle { Handle h; };

gs_handle *gs_get_handle(gs_vm *vm, int slot) {
  Handle *h = malloc(sizeof(Handle));
  if (!h) vm_throw(vm, "out of memory");
  h->value = SLOT(slot);
  h->prev = NULL;
  h->next = vm->handles;
  if (vm->handles) vm->handles->prev = h;
  vm->handles = h;
  return (gs_handle *)h;
}

void gs_set_handle(gs_vm *vm, int slot, gs_handle *h) { SLOT(slot) = h->h.value; }

void gs_release(gs_vm *vm, gs_handle *gh) {
  if (!gh) return;
  Handle *h = &gh->h;
  if (h->prev) h->prev->next = h->next;
  else vm->handles = h->next;
  if (h->next) h->next->prev = h->prev;
  free(h);
}

/* ---- running ------------------------------------------------------------ */

static void set_last_error(VM *vm, const char *msg, const char *trace) {
  free(vm->last_error);
  free(vm->last_trace);
  vm->last_error = strdup(msg ? msg : "");
  vm->last_trace = strdup(trace ? trace : "");
}

/* Record the error being handled: message "file:line: message" + trace. */
static void record_error(VM *vm, Value err) {
  Value trace = vm->fiber->error_trace;
  vm_push(vm, err);
  ObjString *rep = vm_error_report(vm, err, trace);
  const char *nl = memchr(rep->chars, '\n', rep->len);
  size_t first = nl ? (size_t)(nl - rep->chars) : rep->len;
  char *msg = strndup(rep->chars, first);
  const char *tr = nl ? strstr(nl, "traceback:\n") : NULL;
  char *trace_s = NULL;
  if (tr) {
    /* the lines after the header, without their indentation */
    const char *p = tr + 11;
    size_t cap = strlen(p) + 1, len = 0;
    trace_s = malloc(cap);
    while (*p && trace_s) {
      while (*p == ' ') p++;
      const char *e = strchr(p, '\n');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      if (len && n) trace_s[len++] = '\n';
      memcpy(trace_s + len, p, n);
      len += n;
      p = e ? e + 1 : p + n;
    }
    if (trace_s) trace_s[len] = '\0';
  }
  set_last_error(vm, msg, trace_s);
  free(msg);
  free(trace_s);
  vm_pop(vm);
}

const char *gs_error_message(gs_vm *vm) { return vm->last_error ? vm->last_error : ""; }
const char *gs_error_trace(gs_vm *vm) { return vm->last_trace ? vm->last_trace : ""; }

static gs_status run_closure(VM *vm, ObjClosure *cl) {
  Fiber *f = vm->fiber;
  int saved_base = f->api_base;
  Value out;
  vm_push(vm, OBJ_VAL(V_CLOSURE, cl));
  bool ok = vm_pcall(vm, OBJ_VAL(V_CLOSURE, cl), 0, NULL, &out);
  vm_pop(vm);
  vm->fatal_error = false;
  vm->fiber->api_base = saved_base;
  if (!ok) { record_error(vm, out); return GS_RUNTIME_ERROR; }
  return GS_OK;
}

gs_status gs_run_string(gs_vm *vm, const char *name, const char *source, size_t len) {
  ObjModule *m = run_main_module(vm, name ? name : "<string>");
  AstErrors errs;
  memset(&errs, 0, sizeof errs);
  ObjClosure *cl = gs_compile_source(vm, m, source, len, NULL, &errs);
  if (!cl) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s:%d:%d: %s", name ? name : "<string>", errs.errors[0].line, errs.errors[0].col, errs.errors[0].message);
    set_last_error(vm, buf, "");
    return GS_COMPILE_ERROR;
  }
  return run_closure(vm, cl);
}

gs_status gs_run_file(gs_vm *vm, const char *path) {
  size_t len;
  char *src = gs_read_file(path, &len);
  if (!src) {
    char buf[512];
    snprintf(buf, sizeof buf, "cannot open '%s'", path);
    set_last_error(vm, buf, "");
    return GS_COMPILE_ERROR;
  }
  gs_status st = gs_run_string(vm, path, src, len);
  free(src);
  return st;
}

gs_status gs_run_fibers(gs_vm *vm) {
  return sched_run_all(vm) ? GS_OK : GS_DEADLOCK;
}

int gs_run_ready(gs_vm *vm) {
  sched_run_ready(vm);
  return sched_live_count(vm);
}

int64_t gs_next_timer_ns(gs_vm *vm) { return sched_next_timer_ns(vm); }

gs_status gs_call(gs_vm *vm, int fn, int argc) {
  Fiber *f = vm->fiber;
  int base = f->api_base;
  slot_ref(vm, fn + argc);
  Value out;
  bool ok = vm_pcall(vm, f->stack[base + fn], argc, &f->stack[base + fn + 1], &out);
  f = vm->fiber;
  f->api_base = base;
  f->stack[base + fn] = out;
  if (!ok) { record_error(vm, out); return GS_RUNTIME_ERROR; }
  return GS_OK;
}

void gs_spawn(gs_vm *vm, int fn, int argc) {
  Fiber *f = vm->fiber;
  int base = f->api_base;
  slot_ref(vm, fn + argc);
  Value r = fiber_spawn(vm, f->stack[base + fn], argc, &f->stack[base + fn + 1]);
  vm->fiber->stack[base + fn] = r;
}

void gs_yield(gs_vm *vm) { fiber_yield(vm, NIL_VAL); }

gs_handle *gs_current_fiber(gs_vm *vm) {
  Fiber *f = vm->fiber;
  Handle *h = malloc(sizeof(Handle));
  if (!h) vm_throw(vm, "out of memory");
  h->value = OBJ_VAL(V_FIBER, f);
  h->prev = NULL;
  h->next = vm->handles;
  if (vm->handles) vm->handles->prev = h;
  vm->handles = h;
  return (gs_handle *)h;
}

void gs_park(gs_vm *vm, int dest) {
  slot_ref(vm, dest);
  Value v = fiber_park(vm);
  SLOT(dest) = v;
}

bool gs_wake(gs_vm *vm, gs_handle *fiber, int value) {
  Value fv = fiber->h.value;
  if (!IS_FIBER(fv)) return false;
  Fiber *f = AS_FIBER(fv);
  if (f->state != FIBER_BLOCKED || f->nparked == 0) return false;
  fiber_wake(vm, f, value >= 0 ? SLOT(value) : NIL_VAL);
  return true;
}

/* ---- lifecycle ------------------------------------------------------------ */

void gs_config_init(gs_config *c) { memset(c, 0, sizeof *c); }

typedef struct {
  gs_config cfg;
} HostConfig;

static void host_write(VM *vm, const char *s, size_t n, void *ud) {
  HostConfig *hc = vm->host;
  hc->cfg.write(vm, s, n, hc->cfg.user_data);
}
static void host_write_err(VM *vm, const char *s, size_t n, void *ud) {
  HostConfig *hc = vm->host;
  hc->cfg.write_error(vm, s, n, hc->cfg.user_data);
}

gs_vm *gs_new(const gs_config *config) {
  VM *vm = vm_new_with(config ? config->reallocate : NULL, config ? config->user_data : NULL);
  if (!vm) return NULL;
  if (config) {
    HostConfig *hc = malloc(sizeof *hc);
    if (!hc) { vm_free(vm); return NULL; }
    hc->cfg = *config;
    vm->host = hc;
    if (config->write) vm->write_out = host_write;
    if (config->write_error) vm->write_err = host_write_err;
    vm->fiber_stack_size = config->fiber_stack_size;
    vm->heap_limit = config->heap_limit;
    vm->user_data = config->user_data;
    vm->load_module = config->load_module;
  }
  return vm;
}

void gs_free(gs_vm *vm) {
  if (!vm) return;
  void *host = vm->host;
  vm_free(vm);
  free(host);
}

void *gs_user_data(gs_vm *vm) { return vm->user_data; }

void gs_set_args(gs_vm *vm, int argc, const char *const *argv) {
  ObjList *l = list_new(vm, 0);
  vm->args = LIST_VAL(l);
  for (int i = 0; i < argc; i++) {
    ObjString *s = str_cstr(vm, argv[i]);
    list_push(vm, l, STR_VAL(s));
  }
}
