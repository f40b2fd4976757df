/* api.h — what the embedding facade (embed/) uses inside the C API besides
 * include/gs.h: creating a VM, and the main module and file reading that
 * gs_run_* share with the run driver. */
#ifndef GS_API_H
#define GS_API_H

#include "gs.h"
#include "vm.h"

/* gs_new without its libraries: open(vm, config) registers them while the
 * new VM is still the current one. */
VM *api_new_vm(const gs_config *config, void (*open)(VM *vm, const gs_config *config));
/* The whole file in a malloc'ed buffer (NULL with errno set on failure). */
char *gs_read_file(const char *path, size_t *len);
/* The module every chunk of the main program shares (created on first use,
 * named `name`). */
ObjModule *run_main_module(VM *vm, const char *name);

#endif
