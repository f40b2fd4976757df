/* handles.c — values the host holds across calls (gs.h handles) are GC
 * roots kept in a doubly linked list. */
#include <stdlib.h>
#include "api_internal.h"

void api_mark_handles(VM *vm) {
  for (Handle *h = vm->handles; h; h = h->next) gc_mark_value(vm, h->value);
}

void api_free_handles(VM *vm) {
  Handle *h = vm->handles;
  while (h) {
    Handle *n = h->next;
    free(h);
    h = n;
  }
  vm->handles = NULL;
}
