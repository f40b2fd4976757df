/* repl.c — placeholder-free minimal REPL entry; the full libedit REPL is
 * built in the REPL issue. Reads lines, runs each entry. */
#include <stdio.h>
#include "vm.h"
#include "run.h"

int repl_main(VM *vm) {
  fprintf(stderr, "gs: the interactive REPL is not built yet; run a file or pipe a program\n");
  return 2;
}
