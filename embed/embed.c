/* embed.c — gs_new: a VM from the C API with the core library, the optional
 * libraries and the module loader, the one place that ties them together. */
#include "api.h"
#include "builtins.h"
#include "libs.h"
#include "embed.h"

static void open_all(VM *vm) {
  vm->import = vm_import;
  builtins_open(vm);
  lib_modules_open(vm);
}

gs_vm *gs_new(const gs_config *config) {
  return api_new_vm(config, open_all);
}
