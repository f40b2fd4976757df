/* test_native_docs.c — every native a fresh VM offers (builtins, module
 * functions, methods of the built-in types, of Error and of userdata
 * classes) carries a doc string help() can show: a signature line naming
 * the function, then a one-line description. */
#include <stdio.h>
#include <string.h>
#include "vm.h"
#include "../api/tap.h"

static int checked, missing;

/* "math.floor(x)\nThe largest ..." : a signature with the name and a '(',
 * then one non-empty line */
static void check_native(const char *where, Value v) {
  if (v.tag != V_NATIVE) return;
  ObjNative *n = AS_NATIVE(v);
  checked++;
  const char *doc = n->doc ? n->doc->chars : NULL;
  const char *nl = doc ? strchr(doc, '\n') : NULL;
  const char *name = n->name->chars;
  bool ok = nl && nl[1] && !strchr(nl + 1, '\n');
  if (ok) {
    const char *at = strstr(doc, name);
    const char *paren = strchr(doc, '(');
    if (strcmp(name, "init") == 0) at = doc;   /* Error's constructor shows as Error(message) */
    ok = at && at < nl && (n->is_getter || (paren && paren < nl));   /* a field: "match.text" */
  }
  if (!ok) {
    missing++;
    printf("# %s%s: doc %s\n", where, name, doc ? "is malformed" : "is missing");
  }
}

static void check_table(const char *where, const Table *t) {
  for (uint32_t i = 0; i < t->count; i++)
    if (table_key(t, i).tag != V_NIL) check_native(where, t->entries[i].value);
}

int main(void) {
  VM *vm = gs_new(NULL);
  for (int i = 0; i < vm->nglobals; i++) {
    Value g = vm->globals[i];
    char where[128];
    snprintf(where, sizeof where, "%s.", vm->global_names[i]->chars);
    if (g.tag == V_MODULE) {
      ObjModule *m = AS_MODULE(g);
      for (int j = 0; j < m->nvars; j++) check_native(where, m->vars[j]);
    } else if (g.tag == V_CLASS) {
      check_table(where, &AS_CLASS(g)->methods);
    } else {
      check_native("", g);
    }
  }
  check_table("string.", &vm->string_methods);
  check_table("list.", &vm->list_methods);
  check_table("map.", &vm->map_methods);
  check_table("fiber.", &vm->fiber_methods);
  check_table("channel.", &vm->channel_methods);
  check_table("range.", &vm->range_methods);
  const Table *ud = &vm->userdata_classes;
  for (uint32_t i = 0; i < ud->count; i++)
    if (ud->entries[i].value.tag == V_CLASS) check_table("userdata.", &AS_CLASS(ud->entries[i].value)->methods);
  CHECK(checked > 80, "found the natives (%d)", checked);
  CHECK(missing == 0, "every native has a doc string (%d of %d lack one)", missing, checked);
  gs_free(vm);
  return tap_done();
}
