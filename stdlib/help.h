/* help.h — the text help() prints (stdlib/help.c), also behind gs_help. */
#ifndef GS_HELP_H
#define GS_HELP_H

#include "vm.h"

/* What v is and how to use it (usage_text: how to use the REPL instead). */
ObjString *help_text(VM *vm, Value v, bool usage_text);
void lib_help_open(VM *vm);

#endif
