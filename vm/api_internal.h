/* api_internal.h — what the VM needs from the public-API layer (api/api.c):
 * host handles are GC roots. */
#ifndef GS_API_INTERNAL_H
#define GS_API_INTERNAL_H

#include "vm.h"

typedef struct Handle {
  struct Handle *prev, *next;
  Value value;
} Handle;

void api_mark_handles(VM *vm);
void api_free_handles(VM *vm);

#endif
