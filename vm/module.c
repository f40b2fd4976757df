/* module.c — `import "path"`: resolve relative to the importing file, then
 * GS_PATH; load each module once per program; detect cycles. */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include "vm.h"
#include "compile.h"

char *gs_read_file(const char *path, size_t *len);

static bool file_exists(const char *p) { return access(p, R_OK) == 0; }

/* dir of `file` joined with rel (+ ".gs" unless present) */
static void join_path(char *out, size_t n, const char *dir, size_t dirlen, const char *rel) {
  size_t rl = strlen(rel);
  bool has_ext = rl > 3 && strcmp(rel + rl - 3, ".gs") == 0;
  if (rel[0] == '/' || dirlen == 0) snprintf(out, n, "%s%s", rel, has_ext ? "" : ".gs");
  else snprintf(out, n, "%.*s/%s%s", (int)dirlen, dir, rel, has_ext ? "" : ".gs");
}

/* Compile and run a module's source (taking ownership of src) under `key`. */
static Value load_source(VM *vm, ObjString *path, ObjString *key, const char *file, char *src, size_t len) {
  vm_push(vm, STR_VAL(key));
  Value *existing = table_find(&vm->modules, STR_VAL(key));
  if (existing) {
    free(src);
    ObjModule *m = AS_MODULE(*existing);
    if (!m->loaded) vm_throw(vm, "import cycle: '%s' is already being imported", path->chars);
    vm_pop(vm);
    return *existing;
  }
  const char *base = strrchr(path->chars, '/');
  base = base ? base + 1 : path->chars;
  ObjString *mname = str_cstr(vm, base);
  vm_push(vm, STR_VAL(mname));
  ObjString *mfile = str_cstr(vm, file);
  vm_push(vm, STR_VAL(mfile));
  ObjModule *m = module_new(vm, mname, mfile);
  vm_pop(vm);
  vm_pop(vm);
  Value mv = OBJ_VAL(V_MODULE, m);
  table_set(vm, &vm->modules, STR_VAL(key), mv);
  AstErrors errs;
  memset(&errs, 0, sizeof errs);
  ObjClosure *cl = gs_compile_source(vm, m, src, len, NULL, &errs);
  free(src);
  if (!cl) {
    table_remove(&vm->modules, STR_VAL(key));
    AstError *e = &errs.errors[0];
    vm_throw(vm, "%s:%d:%d: %s%s", file, e->line, e->col, e->message,
             errs.total > 1 ? " (and more errors)" : "");
  }
  vm_push(vm, OBJ_VAL(V_CLOSURE, cl));
  Value out;
  if (!vm_pcall(vm, OBJ_VAL(V_CLOSURE, cl), 0, NULL, &out)) {
    /* a module that failed is not left half-loaded */
    table_remove(&vm->modules, STR_VAL(key));
    vm_throw_value(vm, out);
  }
  vm_pop(vm);
  m->loaded = true;
  vm_pop(vm);
  return mv;
}

Value vm_import(VM *vm, ObjModule *from, ObjString *path) {
  char tried[8400], cand[4096];
  if (vm->load_module) {
    /* the host may supply the source itself */
    size_t hlen;
    char *hsrc = vm->load_module(vm, path->chars, &hlen, vm->user_data);
    if (hsrc) return load_source(vm, path, str_cstr(vm, path->chars), path->chars, hsrc, hlen);
  }
  const char *file = from && from->file ? from->file->chars : "";
  const char *slash = strrchr(file, '/');
  size_t dirlen = slash ? (size_t)(slash - file) : 0;
  if (!slash) { file = "."; dirlen = 1; }
  join_path(cand, sizeof cand, file, dirlen, path->chars);
  snprintf(tried, sizeof tried, "%s", cand);
  bool found = file_exists(cand);
  const char *gp = getenv("GS_PATH");
  if (!found && gp && path->chars[0] != '/') {
    const char *p = gp;
    while (*p && !found) {
      const char *c = strchr(p, ':');
      size_t l = c ? (size_t)(c - p) : strlen(p);
      if (l) {
        join_path(cand, sizeof cand, p, l, path->chars);
        size_t tl = strlen(tried);
        if (tl + strlen(cand) + 3 < sizeof tried) snprintf(tried + tl, sizeof tried - tl, ", %.4000s", cand);
        found = file_exists(cand);
      }
      p = c ? c + 1 : p + l;
    }
  }
  if (!found) vm_throw(vm, "cannot find module '%s' (tried %s)", path->chars, tried);
  char *real = realpath(cand, NULL);
  ObjString *key = str_cstr(vm, real ? real : cand);
  free(real);
  vm_push(vm, STR_VAL(key));
  Value *existing = table_find(&vm->modules, STR_VAL(key));
  if (existing) {
    ObjModule *m = AS_MODULE(*existing);
    if (!m->loaded) vm_throw(vm, "import cycle: '%s' is already being imported", path->chars);
    vm_pop(vm);
    return *existing;
  }
  size_t len;
  char *src = gs_read_file(cand, &len);
  if (!src) vm_throw(vm, "cannot open module '%s': %s", cand, strerror(errno));
  vm_pop(vm);
  return load_source(vm, path, key, cand, src, len);
}
