/* help.c — help(x): what a value is and how to call it, from the doc strings
 * natives are registered with and the doc comments the compiler keeps for
 * script functions; help() alone: how to use the REPL. Reading only: no
 * script runs (no calls, no str() methods). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "builtins.h"
#include "members.h"

typedef struct {
  char *data;
  size_t len, cap;
  bool failed;              /* out of memory: the text is cut short */
} Text;

static void put(Text *t, const char *s, size_t n) {
  if (t->failed) return;
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 512;
    while (cap < t->len + n + 1) cap *= 2;
    char *d = realloc(t->data, cap);
    if (!d) { t->failed = true; return; }
    t->data = d;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = 0;
}

static void puts_(Text *t, const char *s) { put(t, s, strlen(s)); }

static void putf(Text *t, const char *fmt, const char *a) {
  char buf[256];
  snprintf(buf, sizeof buf, fmt, a);
  puts_(t, buf);
}

/* ---- functions --------------------------------------------------------- */

/* A native's doc is "signature\ndescription"; without a newline it is the
 * description alone and the signature is made up from name and arity. */
static void native_signature(Text *t, ObjNative *n) {
  const char *doc = n->doc ? n->doc->chars : NULL;
  const char *nl = doc ? strchr(doc, '\n') : NULL;
  if (nl) { put(t, doc, (size_t)(nl - doc)); return; }
  puts_(t, n->name->chars);
  int arity = n->arity - (n->is_method && n->arity > 0 ? 1 : 0);
  if (arity < 0) { puts_(t, "(...)"); return; }
  puts_(t, "(");
  for (int i = 0; i < arity; i++) {
    char arg[16];
    snprintf(arg, sizeof arg, "%sarg%d", i ? ", " : "", i + 1);
    puts_(t, arg);
  }
  puts_(t, ")");
}

static const char *native_description(ObjNative *n) {
  if (!n->doc) return NULL;
  const char *nl = strchr(n->doc->chars, '\n');
  return nl ? nl + 1 : n->doc->chars;
}

/* The compiler's doc: "(params)" then one line per comment line. */
static void closure_signature(Text *t, ObjProto *p, const char *owner) {
  puts_(t, "fn ");
  if (owner) { puts_(t, owner); puts_(t, "."); }
  puts_(t, p->name->chars);
  const char *doc = p->doc ? p->doc->chars : "(...)";
  const char *nl = strchr(doc, '\n');
  put(t, doc, nl ? (size_t)(nl - doc) : strlen(doc));
}

static void indented(Text *t, const char *text, const char *indent) {
  while (text && *text) {
    const char *nl = strchr(text, '\n');
    size_t n = nl ? (size_t)(nl - text) : strlen(text);
    puts_(t, indent);
    put(t, text, n);
    puts_(t, "\n");
    text += n + (nl ? 1 : 0);
  }
}

static const char *closure_comment(ObjProto *p) {
  if (!p->doc) return NULL;
  const char *nl = strchr(p->doc->chars, '\n');
  return nl ? nl + 1 : NULL;
}

/* A function in full: signature, then its description indented. */
static void function_help(Text *t, Value fn, const char *owner) {
  if (fn.tag == V_NATIVE) {
    ObjNative *n = AS_NATIVE(fn);
    native_signature(t, n);
    puts_(t, "\n");
    const char *d = native_description(n);
    indented(t, d ? d : "(no description)", "  ");
  } else {
    ObjProto *p = AS_CLOSURE(fn)->p;
    closure_signature(t, p, owner);
    puts_(t, "\n");
    indented(t, closure_comment(p), "  ");
  }
}

/* One line in a listing: the signature and the first line of the
 * description. */
static void function_line(Text *t, Value fn, const char *owner) {
  puts_(t, "  ");
  const char *d;
  if (fn.tag == V_NATIVE) {
    native_signature(t, AS_NATIVE(fn));
    d = native_description(AS_NATIVE(fn));
  } else {
    closure_signature(t, AS_CLOSURE(fn)->p, owner);
    d = closure_comment(AS_CLOSURE(fn)->p);
  }
  if (d && *d) {
    puts_(t, " \xe2\x80\x94 ");
    const char *nl = strchr(d, '\n');
    put(t, d, nl ? (size_t)(nl - d) : strlen(d));
  }
  puts_(t, "\n");
}

static bool is_function(Value v) { return v.tag == V_NATIVE || IS_CLOSURE(v); }

/* ---- members ------------------------------------------------------------ */

typedef struct {
  Text *t;
  VM *vm;
  const char *owner;        /* class name for script methods */
  bool methods;             /* list methods (true) or fields (false) */
  bool count_only;
  int count;
} Listing;

/* a short, safe rendering: scalars and short strings, else the type */
static void value_brief(Text *t, Value v) {
  char buf[64];
  switch (v.tag) {
    case V_NIL: puts_(t, "nil"); return;
    case V_BOOL: puts_(t, AS_BOOL(v) ? "true" : "false"); return;
    case V_INT: snprintf(buf, sizeof buf, "%lld", (long long)AS_INT(v)); puts_(t, buf); return;
    case V_FLOAT: format_float(AS_FLOAT(v), buf, sizeof buf); puts_(t, buf); return;
    case V_STRING:
      if (AS_STRING(v)->len <= 40 && !memchr(AS_CSTR(v), '\n', AS_STRING(v)->len)) {
        putf(t, "\"%s\"", AS_CSTR(v));
        return;
      }
      puts_(t, "a string");
      return;
    case V_CLASS: putf(t, "class %s", AS_CLASS(v)->name->chars); return;
    case V_MODULE: putf(t, "module %s", AS_MODULE(v)->name->chars); return;
    case V_INSTANCE: putf(t, "a %s instance", AS_INSTANCE(v)->klass->name->chars); return;
    default: putf(t, "a %s", value_type_name(v)); return;
  }
}

static void list_member(void *ud, ObjString *name, Value v, bool is_method) {
  Listing *l = ud;
  if (is_method != l->methods) return;
  if (is_method && name == l->vm->s_init) return;   /* shown as the constructor */
  l->count++;
  if (l->count_only) return;
  if (is_function(v)) {
    function_line(l->t, v, is_method ? l->owner : NULL);
    return;
  }
  puts_(l->t, "  ");
  puts_(l->t, name->chars);
  puts_(l->t, " = ");
  value_brief(l->t, v);
  puts_(l->t, "\n");
}

/* fields (or module variables), then "methods:" and the methods */
static void members_help(Text *t, VM *vm, Value v, const char *owner) {
  Listing fields = {t, vm, owner, false, false, 0};
  members_each(vm, v, list_member, &fields);
  Listing methods = {t, vm, owner, true, true, 0};
  members_each(vm, v, list_member, &methods);
  if (methods.count == 0) return;
  if (fields.count) puts_(t, "methods:\n");
  methods.count_only = false;
  members_each(vm, v, list_member, &methods);
}

static void methods_of_table(Text *t, const Table *tab) {
  for (uint32_t i = 0; i < tab->count; i++)
    if (IS_STRING(table_key(tab, i))) function_line(t, tab->entries[i].value, NULL);
}

/* ---- by kind ------------------------------------------------------------ */

static void class_help(Text *t, VM *vm, ObjClass *k) {
  putf(t, "class %s", k->name->chars);
  if (k->super) putf(t, " (a subclass of %s)", k->super->name->chars);
  puts_(t, "\n");
  if (IS_CLOSURE(k->init)) {
    ObjProto *p = AS_CLOSURE(k->init)->p;
    puts_(t, "  ");
    puts_(t, k->name->chars);
    const char *doc = p->doc ? p->doc->chars : "(...)";
    const char *nl = strchr(doc, '\n');
    put(t, doc, nl ? (size_t)(nl - doc) : strlen(doc));
    puts_(t, "\n");
    indented(t, closure_comment(p), "    ");
  } else if (k->init.tag == V_NATIVE) {
    function_line(t, k->init, NULL);
  }
  Listing l = {t, vm, k->name->chars, true, false, 0};
  members_each(vm, OBJ_VAL(V_CLASS, k), list_member, &l);
}

static void module_help(Text *t, VM *vm, ObjModule *m) {
  putf(t, "module %s\n", m->name->chars);
  Listing l = {t, vm, NULL, false, false, 0};
  members_each(vm, OBJ_VAL(V_MODULE, m), list_member, &l);
}

static void type_help(Text *t, const char *type, const Table *methods) {
  putf(t, "%s methods:\n", type);
  methods_of_table(t, methods);
}

static void value_help(Text *t, VM *vm, Value v);

/* help("math.floor"), help("list"): look the name up without running
 * anything (globals and the main module, then fields along the dots). */
static bool name_help(Text *t, VM *vm, const char *name) {
  Table *type = members_of_type(vm, name);
  if (type) { type_help(t, name, type); return true; }
  char part[128];
  const char *p = name;
  Value v = NIL_VAL;
  bool first = true;
  while (*p) {
    const char *dot = strchr(p, '.');
    size_t n = dot ? (size_t)(dot - p) : strlen(p);
    if (n == 0 || n >= sizeof part) return false;
    memcpy(part, p, n);
    part[n] = 0;
    Value next;
    if (first) {
      if (!members_lookup_name(vm, part, &next)) return false;
    } else if (!members_get(vm, v, part, &next)) {
      return false;
    }
    v = next;
    first = false;
    p += n + (dot ? 1 : 0);
    if (dot && !*p) return false;
  }
  if (first) return false;
  value_help(t, vm, v);
  return true;
}

static void value_help(Text *t, VM *vm, Value v) {
  switch (v.tag) {
    case V_NATIVE: case V_CLOSURE: function_help(t, v, NULL); return;
    case V_BOUND: {
      ObjBound *b = AS_BOUND(v);
      const char *owner = IS_INSTANCE(b->receiver) ? AS_INSTANCE(b->receiver)->klass->name->chars : NULL;
      function_help(t, b->method, owner);
      return;
    }
    case V_CLASS: class_help(t, vm, AS_CLASS(v)); return;
    case V_MODULE: module_help(t, vm, AS_MODULE(v)); return;
    case V_INSTANCE: {
      ObjClass *k = AS_INSTANCE(v)->klass;
      putf(t, "a %s instance\n", k->name->chars);
      members_help(t, vm, v, k->name->chars);
      return;
    }
    case V_USERDATA: {
      ObjUserdata *u = AS_USERDATA(v);
      putf(t, "a %s userdata\n", u->type_tag ? u->type_tag : "");
      if (u->klass) methods_of_table(t, &u->klass->methods);
      return;
    }
    case V_STRING:
      if (!name_help(t, vm, AS_CSTR(v)))
        putf(t, "no help for \"%s\" (help(\"string\") lists the string methods)\n", AS_CSTR(v));
      return;
    case V_MAP:
      puts_(t, "a map\n");
      members_help(t, vm, v, NULL);
      return;
    default: {
      Table *methods = builtin_methods(vm, v);
      value_brief(t, v);
      putf(t, " is %s\n", v.tag == V_INT ? "an int" : value_type_name(v));
      if (methods) {
        puts_(t, "methods:\n");
        methods_of_table(t, methods);
      }
      return;
    }
  }
}

static const char usage[] =
  "GreenScript REPL\n"
  "  Type an expression to see its value, or any statement; an unfinished\n"
  "  entry (an open bracket or string, a trailing operator) continues on\n"
  "  the next line.\n"
  "  help(x)        what x is: a function's signature and description, the\n"
  "                 members of a module, class or value\n"
  "  help(\"name\")   the same by name: help(\"math.floor\"), help(\"list\")\n"
  "  Tab            complete names, keywords, module members, fields and\n"
  "                 methods, and file names in import \"...\"\n"
  "  :full          show long results in full, or shortened again (gs --repl-full)\n"
  "  Ctrl-C         discard the entry, or stop running code\n"
  "  Ctrl-D         leave (or os.exit(code))\n"
  "  # comment lines right above `fn name(...)` are what help(name) shows.\n";

ObjString *help_text(VM *vm, Value v, bool usage_text) {
  Text t = {0};
  if (usage_text) puts_(&t, usage);
  else value_help(&t, vm, v);
  if (t.failed) { free(t.data); vm_throw(vm, "out of memory"); }
  ObjString *s = str_new(vm, t.data ? t.data : "", t.len);
  free(t.data);
  return s;
}

static Value core_help(VM *vm, int argc, Value *args) {
  arg_count(vm, "help", argc, 0, 1);
  ObjString *s = help_text(vm, argc ? args[0] : NIL_VAL, argc == 0);
  vm_write_out(vm, s->chars, s->len);
  return NIL_VAL;
}

void lib_help_open(VM *vm) {
  vm_define_native(vm, "help", core_help, -1,
                   "help(x?)\nPrint what x is and how to use it; help() alone: how to use the REPL.");
}
