/* embed.h — the embedding facade's internals: the module loader. */
#ifndef GS_EMBED_H
#define GS_EMBED_H

#include "vm.h"

/* `import "path"` from module `from` (vm->import points here). */
Value vm_import(VM *vm, ObjModule *from, ObjString *path);

#endif
