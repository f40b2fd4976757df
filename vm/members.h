/* members.h — what `value.name` can name, listed without running any script:
 * shared by help() and tab completion. */
#ifndef GS_MEMBERS_H
#define GS_MEMBERS_H

#include "vm.h"

/* Called once per member: its name and value (a method is the unbound
 * native or closure; is_method tells it from a field or module variable). */
typedef void (*MemberFn)(void *ud, ObjString *name, Value v, bool is_method);

/* Instance fields then class methods, a module's variables, a map's string
 * keys then the map methods, the methods of a class, of a userdata class or
 * of a built-in type (string, list, map, fiber, channel, range). */
void members_each(VM *vm, Value v, MemberFn fn, void *ud);

/* The methods of a built-in type named as type() names it ("list",
 * "string", "channel"...), or NULL. */
Table *members_of_type(VM *vm, const char *type_name);

/* A name as script code at the top of the main module sees it: a variable
 * of the main module, else a global. */
bool members_lookup_name(VM *vm, const char *name, Value *out);
/* `v.name` as script reads it, but a method stays unbound: false when
 * there is no such member. (Interns name: may collect garbage, so v must be
 * reachable.) */
bool members_get(VM *vm, Value v, const char *name, Value *out);

#endif
