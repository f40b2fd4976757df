/* repl.h — what main.c and repl.c share inside cli/. */
#ifndef GS_CLI_REPL_H
#define GS_CLI_REPL_H

#include <stdbool.h>
#include <stddef.h>
#include "gs.h"

/* The REPL's writers into cfg (before gs_new): fiber output that arrives
 * while the prompt is up clears it first. */
void repl_config(gs_config *cfg);
/* The interactive loop on a VM made with repl_config; the exit status. */
int repl_main(gs_vm *vm, bool full);
/* The whole file in a malloc'ed buffer (NULL with errno set): main.c. */
char *cli_read_file(const char *path, size_t *len);

#endif
