/* module.c — `import "path"`: resolve relative to the importing file, then
 * GS_PATH; load each module once per program; detect cycles. */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <limits.h>
#include "vm.h"
#include "compile.h"
#include "fiber.h"
#include "embed.h"
#include "api.h"

static bool file_exists(const char *p) { return access(p, R_OK) == 0; }

/* dir of `file` joined with rel (+ ".gs" unless present) */
static void join_path(char *out, size_t n, const char *dir, size_t dirlen, const char *rel) {
  size_t rl = strlen(rel);
  bool has_ext = rl > 3 && strcmp(rel + rl - 3, ".gs") == 0;
  if (rel[0] == '/' || dirlen == 0) snprintf(out, n, "%s%s", rel, has_ext ? "" : ".gs");
  else snprintf(out, n, "%.*s/%s%s", (int)dirlen, dir, rel, has_ext ? "" : ".gs");
}

/* "import cycle: a.gs -> b.gs -> a.gs": the modules still loading, in the
 * order they started (the module table keeps insertion order), from the one
 * imported again (`key`; NIL_VAL: the main script, `main_file`). */
static _Noreturn void import_cycle(VM *vm, Value key, const char *main_file) {
  char msg[2048];
  size_t len = (size_t)snprintf(msg, sizeof msg, "import cycle: ");
  const char *again = main_file;
  bool started = main_file != NULL;
  if (main_file) len += (size_t)snprintf(msg + len, sizeof msg - len, "%s", main_file);
  Table *t = &vm->modules;
  for (uint32_t i = 0; i < t->count && len < sizeof msg - 8; i++) {
    if (IS_NIL(table_key(t, i))) continue;
    ObjModule *m = AS_MODULE(t->entries[i].value);
    if (!started && !IS_NIL(key) && value_key_eq(table_key(t, i), key)) {
      started = true;
      again = m->file->chars;
      len += (size_t)snprintf(msg + len, sizeof msg - len, "%s", again);
      continue;
    }
    if (started && !m->loaded) len += (size_t)snprintf(msg + len, sizeof msg - len, " -> %s", m->file->chars);
  }
  if (len < sizeof msg - 8 && again) snprintf(msg + len, sizeof msg - len, " -> %s", again);
  vm_throw(vm, "%s", msg);
}

/* vm_import's path buffers: on the heap, since a fiber's C stack may be
 * 16 KiB. The VM keeps one spare; an import takes it (or makes one) and
 * roots it on the fiber's stack, so nested imports and imports in other
 * fibers get their own. An error leaves it to the collector. */
typedef struct ImportBufs {
  char cand[PATH_MAX], real[PATH_MAX], main_real[PATH_MAX];
  char tried[8400];
} ImportBufs;

static ImportBufs *import_bufs_take(VM *vm) {
  ObjString *s = vm->import_scratch;
  vm->import_scratch = NULL;
  if (!s) s = str_alloc(vm, sizeof(ImportBufs));
  vm_push(vm, STR_VAL(s));
  return (ImportBufs *)(void *)s->chars;
}

/* the buffers are the top of the fiber's stack again: give them back */
static void import_bufs_give(VM *vm) {
  vm->import_scratch = AS_STRING(vm_pop(vm));
}

/* The main script imported (by its own path): it is a cycle while its top
 * level still runs, otherwise the main module itself. False: not the main
 * script. */
static bool import_main(VM *vm, const char *resolved, char *buf, Value *out) {
  ObjModule *mm = vm->main_module;
  if (!mm || !mm->file) return false;
  const char *real = realpath(mm->file->chars, buf);
  if (!real || strcmp(real, resolved) != 0) return false;
  if (vm->main_fiber->nframes > 0) import_cycle(vm, NIL_VAL, mm->file->chars);
  *out = OBJ_VAL(V_MODULE, mm);
  return true;
}

/* The module registered under key (rooted by the caller), or NULL. One
 * that is still loading is a cycle if this fiber is running its top level;
 * if another fiber is (it blocked or yielded in there), wait for it to
 * finish: then the module is loaded, or gone if its top level failed. */
static Value *known_module(VM *vm, Value key) {
  bool collected = false;
  for (;;) {
    Value *e = table_find(&vm->modules, key);
    if (!e || AS_MODULE(*e)->loaded) return e;
    ObjModule *m = AS_MODULE(*e);
    if (!m->loader || m->loader == vm->fiber) import_cycle(vm, key, NULL);
    if (!collected && m->loader->is_generator && m->loader->state == FIBER_SUSPENDED) {
      /* a generator stopped in that top level: if nothing holds it any
       * more, the collector frees it, which abandons the load */
      collected = true;
      gc_collect(vm);
      continue;
    }
    fiber_wait(vm, &m->waiters, WAIT_IMPORT);
  }
}

/* Compile and run a module's source (taking ownership of src) under `key`,
 * which the caller keeps rooted. Everything allocated here is rooted on the
 * fiber's stack before the next allocation (GS_GC_STRESS checks that). */
static Value load_source(VM *vm, ObjString *path, ObjString *key, const char *file, char *src, size_t len) {
  Value *existing = table_find(&vm->modules, STR_VAL(key));
  if (existing) {
    free(src);
    existing = known_module(vm, STR_VAL(key));
    if (!existing) vm_throw(vm, "import of '%s' failed in another fiber", path->chars);
    return *existing;
  }
  /* the module's name: the last path component without ".gs" */
  const char *base = strrchr(path->chars, '/');
  base = base ? base + 1 : path->chars;
  size_t blen = strlen(base);
  if (blen > 3 && strcmp(base + blen - 3, ".gs") == 0) blen -= 3;
  Fiber *f = vm->fiber;
  fiber_ensure_stack(vm, f, 3);   /* the pushes below cannot collect */
  ObjString *mname = str_new(vm, base, blen);
  vm_push(vm, STR_VAL(mname));
  ObjString *mfile = str_cstr(vm, file);
  vm_push(vm, STR_VAL(mfile));
  ObjModule *m = module_new(vm, mname, mfile);
  Value mv = OBJ_VAL(V_MODULE, m);
  f = vm->fiber;
  f->stack[f->top - 2] = mv;      /* m keeps its name and file */
  vm_pop(vm);
  table_set(vm, &vm->modules, STR_VAL(key), mv);
  m->loader = vm->fiber;
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
  vm_push(vm, OBJ_VAL(V_CLOSURE, cl));   /* room was reserved above */
  Value out;
  bool ok = vm_pcall(vm, OBJ_VAL(V_CLOSURE, cl), 0, NULL, &out);
  m->loader = NULL;
  fiber_wake_all(vm, &m->waiters);   /* fibers that imported it meanwhile */
  if (!ok) {
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
  if (vm->load_module) {
    /* the host may supply the source itself; its modules are keyed by the
     * path as written, and asked for once */
    Value *known = known_module(vm, STR_VAL(path));
    if (known) return *known;
    size_t hlen;
    char *hsrc = vm->load_module(vm, path->chars, &hlen, vm->user_data);
    if (hsrc) {
      fiber_ensure_stack(vm, vm->fiber, 1);
      ObjString *key = str_cstr(vm, path->chars);
      vm_push(vm, STR_VAL(key));
      Value r = load_source(vm, path, key, path->chars, hsrc, hlen);
      vm_pop(vm);
      return r;
    }
  }
  ImportBufs *b = import_bufs_take(vm);
  char *cand = b->cand, *tried = b->tried;
  const size_t cand_size = sizeof b->cand, tried_size = sizeof b->tried;
  const char *file = from && from->file ? from->file->chars : "";
  const char *slash = strrchr(file, '/');
  size_t dirlen = slash ? (size_t)(slash - file) : 0;
  if (!slash) { file = "."; dirlen = 1; }
  join_path(cand, cand_size, file, dirlen, path->chars);
  snprintf(tried, tried_size, "%s", cand);
  bool found = file_exists(cand);
  const char *gp = getenv("GS_PATH");
  if (!found && gp && path->chars[0] != '/') {
    const char *p = gp;
    while (*p && !found) {
      const char *c = strchr(p, ':');
      size_t l = c ? (size_t)(c - p) : strlen(p);
      if (l) {
        join_path(cand, cand_size, p, l, path->chars);
        size_t tl = strlen(tried);
        if (tl + strlen(cand) + 3 < tried_size) snprintf(tried + tl, tried_size - tl, ", %.4000s", cand);
        found = file_exists(cand);
      }
      p = c ? c + 1 : p + l;
    }
  }
  if (!found) vm_throw(vm, "cannot find module '%s' (tried %s)", path->chars, tried);
  const char *real = realpath(cand, b->real);
  Value main;
  if (real && import_main(vm, real, b->main_real, &main)) {
    import_bufs_give(vm);
    return main;
  }
  fiber_ensure_stack(vm, vm->fiber, 1);
  ObjString *key = str_cstr(vm, real ? real : cand);
  vm_push(vm, STR_VAL(key));
  Value *existing = known_module(vm, STR_VAL(key));
  Value r;
  if (existing) {
    r = *existing;
  } else {
    size_t len;
    char *src = gs_read_file(cand, &len);
    if (!src) vm_throw(vm, "cannot open module '%s': %s", cand, strerror(errno));
    r = load_source(vm, path, key, cand, src, len);
  }
  vm_pop(vm);
  import_bufs_give(vm);
  return r;
}
