/* members.c — list the members of a value for help() and completion,
 * reading tables only (no str(), no calls, no allocation). */
#include <stddef.h>
#include <string.h>
#include "members.h"

static void each_in(const Table *t, MemberFn fn, void *ud, bool is_method) {
  for (uint32_t i = 0; i < t->count; i++) {
    Value k = table_key(t, i);
    if (IS_STRING(k)) fn(ud, AS_STRING(k), t->entries[i].value, is_method);
  }
}

void members_each(VM *vm, Value v, MemberFn fn, void *ud) {
  switch (v.tag) {
    case V_INSTANCE:
      each_in(&AS_INSTANCE(v)->fields, fn, ud, false);
      each_in(&AS_INSTANCE(v)->klass->methods, fn, ud, true);
      return;
    case V_CLASS: each_in(&AS_CLASS(v)->methods, fn, ud, true); return;
    case V_MODULE: {
      ObjModule *m = AS_MODULE(v);
      for (uint32_t i = 0; i < m->names.count; i++) {
        Value k = table_key(&m->names, i);
        if (IS_STRING(k)) fn(ud, AS_STRING(k), m->vars[AS_INT(m->names.entries[i].value)], false);
      }
      return;
    }
    case V_MAP:
      each_in(&AS_MAP(v)->t, fn, ud, false);
      each_in(&vm->map_methods, fn, ud, true);
      return;
    case V_USERDATA:
      if (AS_USERDATA(v)->klass) each_in(&AS_USERDATA(v)->klass->methods, fn, ud, true);
      return;
    default: {
      Table *t = builtin_methods(vm, v);
      if (t) each_in(t, fn, ud, true);
      return;
    }
  }
}

Table *members_of_type(VM *vm, const char *type_name) {
  static const struct { const char *name; size_t offset; } types[] = {
    {"string", offsetof(VM, string_methods)}, {"list", offsetof(VM, list_methods)},
    {"map", offsetof(VM, map_methods)}, {"fiber", offsetof(VM, fiber_methods)},
    {"channel", offsetof(VM, channel_methods)},
    {"range", offsetof(VM, range_methods)},
  };
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (strcmp(types[i].name, type_name) == 0) return (Table *)((char *)vm + types[i].offset);
  return NULL;
}

bool members_lookup_name(VM *vm, const char *name, Value *out) {
  ObjString *s = str_cstr(vm, name);
  if (vm->main_module) {
    Value *v = table_find_str(&vm->main_module->names, s);
    if (v) { *out = vm->main_module->vars[AS_INT(*v)]; return true; }
  }
  int g = vm_global_slot(vm, s, false);
  if (g < 0) return false;
  *out = vm->globals[g];
  return true;
}

bool members_get(VM *vm, Value v, const char *name, Value *out) {
  bool is_field;
  return vm_lookup_method(vm, v, str_cstr(vm, name), out, &is_field);
}
