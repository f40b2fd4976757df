/* complete.c — tab completion for REPLs (gs_complete): what may follow the
 * text before the cursor. Reads the VM's tables and the file system only:
 * it never calls a function or a str() method, so completing cannot run
 * user code. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "complete.h"
#include "members.h"

/* The language's keywords (compiler/lexer.re); tests/api/test_api_repl.c
 * checks that every keyword of the lexer is here. */
static const char *const keywords[] = {
  "and", "as", "break", "catch", "class", "continue", "else", "false", "finally", "fn",
  "for", "if", "import", "in", "is", "let", "nil", "not", "or", "return", "self",
  "spawn", "static", "super", "throw", "true", "try", "while", "yield",
};

typedef struct {
  VM *vm;
  ObjList *out;             /* rooted in the caller's destination slot */
  const char *prefix;
  size_t prefix_len;
  bool identifiers_only;    /* map keys: only those usable after a dot */
} Candidates;

static bool ident_char(char c) { return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80; }

static bool is_identifier(const char *s, size_t n) {
  if (n == 0 || isdigit((unsigned char)s[0])) return false;
  for (size_t i = 0; i < n; i++)
    if (!ident_char(s[i])) return false;
  return true;
}

static bool matches(const Candidates *c, const char *s, size_t n) {
  return n >= c->prefix_len && memcmp(s, c->prefix, c->prefix_len) == 0;
}

/* s must be reachable (a table key) or on the VM stack: list_push may collect */
static void add(Candidates *c, ObjString *s) {
  if (!matches(c, s->chars, s->len)) return;
  if (c->identifiers_only && !is_identifier(s->chars, s->len)) return;
  list_push(c->vm, c->out, STR_VAL(s));
}

static void add_member(void *ud, ObjString *name, Value v, bool is_method) {
  Candidates *c = ud;
  add(c, name);
}

static void add_table_keys(Candidates *c, const Table *t) {
  for (uint32_t i = 0; i < t->count; i++)
    if (IS_STRING(table_key(t, i))) add(c, AS_STRING(table_key(t, i)));
}

static void add_cstr(Candidates *c, const char *s, size_t n) {
  if (!matches(c, s, n)) return;
  ObjString *str = str_new(c->vm, s, n);
  vm_push(c->vm, STR_VAL(str));
  list_push(c->vm, c->out, STR_VAL(str));
  vm_pop(c->vm);
}

/* ---- names ----------------------------------------------------------------- */

static void complete_name(Candidates *c) {
  VM *vm = c->vm;
  for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++) add_cstr(c, keywords[i], strlen(keywords[i]));
  for (int i = 0; i < vm->nglobals; i++) add(c, vm->global_names[i]);
  if (vm->main_module) add_table_keys(c, &vm->main_module->names);
}

/* ---- members ------------------------------------------------------------- */

/* The value of `a.b.c` (text[from..to)), reading variables and fields only. */
static bool chain_value(VM *vm, const char *text, size_t from, size_t to, Value *out) {
  char part[256];
  bool first = true;
  Value v = NIL_VAL;
  size_t i = from;
  while (i < to) {
    size_t j = i;
    while (j < to && text[j] != '.') j++;
    if (!is_identifier(text + i, j - i) || j - i >= sizeof part) return false;
    memcpy(part, text + i, j - i);
    part[j - i] = 0;
    if (first) {
      for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++)
        if (strcmp(keywords[k], part) == 0) return false;   /* self, nil... */
      if (!members_lookup_name(vm, part, &v)) return false;
    } else if (!members_get(vm, v, part, &v)) {
      return false;
    }
    first = false;
    i = j + 1;
  }
  *out = v;
  return !first;
}

/* position of the bracket that opens the one closing at text[close] */
static long matching_open(const char *text, long close) {
  char want = text[close] == ']' ? '[' : text[close] == ')' ? '(' : '{';
  int depth = 0;
  for (long i = close; i >= 0; i--) {
    char ch = text[i];
    if (ch == ']' || ch == ')' || ch == '}') depth++;
    else if (ch == '[' || ch == '(' || ch == '{') {
      if (--depth == 0) return ch == want ? i : -1;
    }
  }
  return -1;
}

/* After `RECEIVER.`, where dot is the position of the dot. */
static void complete_member(Candidates *c, const char *text, size_t dot) {
  VM *vm = c->vm;
  if (dot == 0) return;
  char last = text[dot - 1];
  if (last == '"' || last == '\'') {                   /* "s".st */
    add_table_keys(c, &vm->string_methods);
    return;
  }
  if (last == ']' || last == '}') {                    /* [1, 2].ma, {}.ke */
    long open = matching_open(text, (long)dot - 1);
    if (open < 0) return;
    long before = open - 1;
    while (before >= 0 && (text[before] == ' ' || text[before] == '\t')) before--;
    /* xs[0]. indexes a value (and f(x){...} is no literal): reading it
     * could mean running code, so offer nothing */
    if (before >= 0 && (ident_char(text[before]) || strchr(")]}\"'", text[before]))) return;
    add_table_keys(c, last == ']' ? &vm->list_methods : &vm->map_methods);
    return;
  }
  if (!ident_char(last)) return;
  size_t from = dot;
  while (from > 0 && (ident_char(text[from - 1]) || text[from - 1] == '.')) from--;
  if (from > 0 && strchr(")]}\"'", text[from - 1])) return;   /* f().x. : a call */
  if (text[from] == '.') return;                                 /* ..x: a range */
  Value v;
  if (!chain_value(vm, text, from, dot, &v)) return;
  vm_push(vm, v);
  c->identifiers_only = true;
  members_each(vm, v, add_member, c);
  vm_pop(vm);
}

/* ---- file names in import "..." ----------------------------------------------- */

/* Entries of the directory part of `partial` whose names start with its
 * last component: directories with a '/', *.gs files without ".gs" (the
 * form import takes). The prefix is the last component only. */
static void complete_import(Candidates *c, const char *partial, size_t len) {
  const char *slash = NULL;
  for (size_t i = 0; i < len; i++)
    if (partial[i] == '/') slash = partial + i;
  char dir[1024];
  if (slash) {
    size_t n = (size_t)(slash - partial) + 1;
    if (n >= sizeof dir) return;
    memcpy(dir, partial, n);
    dir[n] = 0;
  } else {
    strcpy(dir, ".");
  }
  c->prefix = slash ? slash + 1 : partial;
  c->prefix_len = len - (size_t)(c->prefix - partial);
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char name[512];
  while ((e = readdir(d)) != NULL) {
    const char *n = e->d_name;
    size_t nl = strlen(n);
    if (n[0] == '.' && (c->prefix_len == 0 || c->prefix[0] != '.')) continue;
    if (nl + 2 > sizeof name) continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      DIR *sub;
      char path[1600];
      snprintf(path, sizeof path, "%s/%s", dir, n);
      if ((sub = opendir(path)) != NULL) { closedir(sub); is_dir = true; }
    }
    if (is_dir) {
      memcpy(name, n, nl);
      name[nl++] = '/';
    } else if (nl > 3 && strcmp(n + nl - 3, ".gs") == 0) {
      nl -= 3;
      memcpy(name, n, nl);
    } else {
      continue;
    }
    add_cstr(c, name, nl);
  }
  closedir(d);
}

/* ---- the entry point ----------------------------------------------------------- */

static int compare_strings(const void *a, const void *b) {
  const ObjString *x = AS_STRING(*(const Value *)a), *y = AS_STRING(*(const Value *)b);
  size_t n = x->len < y->len ? x->len : y->len;
  int r = memcmp(x->chars, y->chars, n);
  return r ? r : (x->len > y->len) - (x->len < y->len);
}

/* Where the cursor is: in a string (where it started), a comment, or code. */
typedef enum { IN_CODE, IN_STRING, IN_COMMENT } Context;

static Context context_at(const char *text, size_t cursor, size_t *string_start) {
  char quote = 0;
  for (size_t i = 0; i < cursor; i++) {
    char ch = text[i];
    if (quote) {
      if (ch == '\\' && i + 1 < cursor) i++;
      else if (ch == quote) quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
      *string_start = i;
    } else if (ch == '#') {
      return IN_COMMENT;
    }
  }
  return quote ? IN_STRING : IN_CODE;
}

/* `import` right before position `at` (spaces between) */
static bool after_import(const char *text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) at--;
  if (at < 6 || memcmp(text + at - 6, "import", 6) != 0) return false;
  return at == 6 || !ident_char(text[at - 7]);
}

ObjList *complete_line(VM *vm, const char *text, size_t cursor, size_t *start, Value *dest) {
  ObjList *out = list_new(vm, 0);
  *dest = LIST_VAL(out);      /* rooted from here on */
  Candidates c = {.vm = vm, .out = out};
  size_t str_at = 0;
  Context ctx = context_at(text, cursor, &str_at);
  *start = cursor;
  if (ctx == IN_COMMENT) return out;
  if (ctx == IN_STRING) {
    if (text[str_at] == '"' && after_import(text, str_at)) {
      complete_import(&c, text + str_at + 1, cursor - str_at - 1);
      *start = (size_t)(c.prefix - text);
    }
  } else {
    size_t ws = cursor;
    while (ws > 0 && ident_char(text[ws - 1])) ws--;
    *start = ws;
    c.prefix = text + ws;
    c.prefix_len = cursor - ws;
    if (c.prefix_len && isdigit((unsigned char)text[ws])) return out;   /* a number */
    if (ws > 0 && text[ws - 1] == '.') {
      if (ws > 1 && text[ws - 2] == '.') return out;                     /* a..b */
      complete_member(&c, text, ws - 1);
    } else {
      complete_name(&c);
    }
  }
  /* sorted, without duplicates (a name may be a global and a module variable) */
  if (out->count < 2) return out;        /* (an empty list has no item array) */
  qsort(out->items, out->count, sizeof(Value), compare_strings);
  uint32_t n = 0;
  for (uint32_t i = 0; i < out->count; i++)
    if (n == 0 || compare_strings(&out->items[n - 1], &out->items[i]) != 0) out->items[n++] = out->items[i];
  out->count = n;
  return out;
}
