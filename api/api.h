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
/* gs_run_string with a choice (flags) of how the chunk is compiled: as a
 * REPL entry (its last expression's value to slot dest; GS_INCOMPLETE),
 * as a program (top-level lets in registers), or only disassembled. */
enum { API_RUN_REPL = 1, API_RUN_PROGRAM = 2, API_RUN_DISASSEMBLE = 4 };
gs_status api_run_chunk(VM *vm, const char *name, const char *source, size_t len, int flags, int dest);
/* The whole file in a malloc'ed buffer (NULL with errno set on failure). */
char *gs_read_file(const char *path, size_t *len);
/* The module every chunk of the main program shares (created on first use,
 * named `name`). */
ObjModule *run_main_module(VM *vm, const char *name);

#endif
