/* embed.c — gs_new: a VM from the C API with the core library, the optional
 * libraries and the module loader, the one place that ties them together. */
#include "api.h"
#include "builtins.h"
#include "libs.h"
#include "embed.h"

static const struct {
  unsigned bit;
  const char *name;
  void (*open)(gs_vm *vm);
} optional_libs[] = {
  {GS_LIB_MATH, "math", lib_math_open},
  {GS_LIB_IO, "io", lib_io_open},
  {GS_LIB_OS, "os", lib_os_open},
  {GS_LIB_JSON, "json", lib_json_open},
  {GS_LIB_RE, "re", lib_re_open},
  {GS_LIB_NET, "net", lib_net_open},
  {GS_LIB_PROC, "proc", lib_proc_open},
  {GS_LIB_UTF8, "utf8", lib_utf8_open},
};

/* The openers use API slots on the running fiber: they get their own above
 * the caller's, and give them back, so a host keeps the slots it had. */
void gs_open_libs(gs_vm *vm, unsigned libs) {
  Fiber *f = vm->fiber;
  int top = f->top, base = f->api_base;
  f->api_base = top;
  for (size_t i = 0; i < sizeof optional_libs / sizeof *optional_libs; i++) {
    if (!(libs & optional_libs[i].bit)) continue;
    gs_ensure_slots(vm, 1);
    if (gs_get_global(vm, optional_libs[i].name, 0)) continue;
    optional_libs[i].open(vm);
  }
  f = vm->fiber;
  for (int i = top; i < f->top; i++) f->stack[i] = NIL_VAL;
  f->top = top;
  f->api_base = base;
}

static void open_all(VM *vm, const gs_config *config) {
  vm->import = vm_import;
  builtins_open(vm);
  gs_open_libs(vm, GS_LIB_ALL & ~config->skip_libs);
}

gs_vm *gs_new(const gs_config *config) {
  return api_new_vm(config, open_all);
}
