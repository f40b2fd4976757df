/* complete.h — tab completion candidates for a line of REPL input
 * (api/complete.c, behind gs_complete). */
#ifndef GS_COMPLETE_H
#define GS_COMPLETE_H

#include "vm.h"

/* The candidates for the text before `cursor`, a sorted list without
 * duplicates stored in *dest (a VM stack slot, so the list is rooted), each
 * to replace the bytes from *start to the cursor. */
ObjList *complete_line(VM *vm, const char *text, size_t cursor, size_t *start, Value *dest);

#endif
