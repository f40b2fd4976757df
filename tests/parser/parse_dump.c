/* parse_dump — parser test driver.
 *   parse_dump FILE        parse FILE ('-' = stdin)
 *   parse_dump -e SOURCE   parse SOURCE
 * Prints the AST as an S-expression, or the errors as LINE:COL: message
 * (then "at_eof" if set, and "total N"). Exit status 0 when parsed, 1 on
 * errors. -q: print nothing on success (for timing). -p: include positions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ast.h"

static bool show_pos;

static const char *opname(int op) {
  static const char *n[] = {"+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>",
                            "==", "!=", "<", "<=", ">", ">=", "..", "neg", "~", "not", "="};
  return op >= 0 && op <= A_ASSIGN ? n[op] : "?";
}

static void pstr(const char *s, size_t n) {
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c == '\n') printf("\\n");
    else if (c < 0x20 || c >= 0x7f) printf("\\x%02x", c);
    else putchar(c);
  }
  putchar('"');
}

static void dump(const Node *n);

static void dlist(const NodeList *l) {
  for (int i = 0; i < l->count; i++) { putchar(' '); dump(l->items[i]); }
}

static void dfn(const FnNode *f) {
  printf(" %s (", f->name ? f->name : "_");
  for (int i = 0; i < f->nparams; i++) {
    if (i) putchar(' ');
    if (f->has_rest && i == f->nparams - 1) printf("...");
    printf("%s", f->params[i].name);
    if (show_pos) printf("@%d:%d", f->params[i].line, f->params[i].col);
    if (f->params[i].def) { printf("="); dump(f->params[i].def); }
  }
  printf(")%s ", f->expr_body ? " =>" : "");
  dump(f->body);
}

static void dump(const Node *n) {
  if (!n) { printf("null"); return; }
  if (show_pos) printf("@%d:%d", n->line, n->col);
  switch (n->kind) {
    case E_NIL: printf("nil"); break;
    case E_TRUE: printf("true"); break;
    case E_FALSE: printf("false"); break;
    case E_INT: printf("%lld", (long long)n->u.ival); break;
    case E_FLOAT: printf("%.17g", n->u.fval); if (n->u.fval == (long long)n->u.fval) printf(".0"); break;
    case E_STRING: pstr(n->u.str.chars, n->u.str.len); break;
    case E_INTERP: printf("(interp"); dlist(&n->u.list); printf(")"); break;
    case E_NAME: printf("%s", n->u.name); break;
    case E_SELF: printf("self"); break;
    case E_SUPER: printf("(super %s)", n->u.field.name); break;
    case E_LIST: printf("(list"); dlist(&n->u.list); printf(")"); break;
    case E_MAP:
      printf("(map");
      for (int i = 0; i < n->u.map.count; i++) {
        printf(" ("); dump(n->u.map.keys[i]); printf(" : "); dump(n->u.map.values[i]); printf(")");
      }
      printf(")");
      break;
    case E_UNARY: printf("(%s ", opname(n->u.unary.op)); dump(n->u.unary.operand); printf(")"); break;
    case E_BINARY:
      printf("(%s ", opname(n->u.binary.op)); dump(n->u.binary.left); putchar(' ');
      dump(n->u.binary.right); printf(")");
      break;
    case E_AND: case E_OR:
      printf("(%s ", n->kind == E_AND ? "and" : "or"); dump(n->u.binary.left); putchar(' ');
      dump(n->u.binary.right); printf(")");
      break;
    case E_CALL: printf("(call "); dump(n->u.call.callee); dlist(&n->u.call.args); printf(")"); break;
    case E_INDEX: printf("(index "); dump(n->u.index.object); putchar(' '); dump(n->u.index.index); printf(")"); break;
    case E_SLICE:
      printf("(slice "); dump(n->u.slice.object); putchar(' '); dump(n->u.slice.lo); putchar(' ');
      dump(n->u.slice.hi); printf(")");
      break;
    case E_FIELD: printf("(field "); dump(n->u.field.object); printf(" %s)", n->u.field.name); break;
    case E_FN: printf("(fn"); dfn(&n->u.fn); printf(")"); break;
    case E_SPREAD: printf("(spread "); dump(n->u.operand); printf(")"); break;
    case E_YIELD: printf("(yield"); if (n->u.operand) { putchar(' '); dump(n->u.operand); } printf(")"); break;
    case E_SPAWN: printf("(spawn "); dump(n->u.operand); printf(")"); break;
    case S_EXPR: printf("(expr "); dump(n->u.operand); printf(")"); break;
    case S_LET:
      printf("(let %s", n->u.let.name);
      if (n->u.let.value) { putchar(' '); dump(n->u.let.value); }
      printf(")");
      break;
    case S_ASSIGN:
      printf("(set%s ", n->u.assign.op == A_ASSIGN ? "" : opname(n->u.assign.op));
      dump(n->u.assign.target); putchar(' '); dump(n->u.assign.value); printf(")");
      break;
    case S_BLOCK: printf("(block"); dlist(&n->u.list); printf(")"); break;
    case S_IF:
      printf("(if "); dump(n->u.if_.cond); putchar(' '); dump(n->u.if_.then);
      if (n->u.if_.else_) { putchar(' '); dump(n->u.if_.else_); }
      printf(")");
      break;
    case S_WHILE: printf("(while "); dump(n->u.while_.cond); putchar(' '); dump(n->u.while_.body); printf(")"); break;
    case S_FOR:
      printf("(for %s", n->u.for_.var1);
      if (n->u.for_.var2) {
        printf(" %s", n->u.for_.var2);
        if (show_pos) printf("@%d:%d", n->u.for_.var2_line, n->u.for_.var2_col);
      }
      printf(" "); dump(n->u.for_.iter); putchar(' '); dump(n->u.for_.body); printf(")");
      break;
    case S_BREAK: printf("(break)"); break;
    case S_CONTINUE: printf("(continue)"); break;
    case S_RETURN: printf("(return"); if (n->u.operand) { putchar(' '); dump(n->u.operand); } printf(")"); break;
    case S_FN: printf("(fndecl"); dfn(&n->u.fn); printf(")"); break;
    case S_CLASS:
      printf("(class %s", n->u.class_.name);
      if (n->u.class_.super_name) {
        printf(" : %s", n->u.class_.super_name);
        if (show_pos) printf("@%d:%d", n->u.class_.super_line, n->u.class_.super_col);
      }
      for (int i = 0; i < n->u.class_.nmethods; i++) { putchar(' '); dump(n->u.class_.methods[i]); }
      printf(")");
      break;
    case S_TRY:
      printf("(try "); dump(n->u.try_.body); printf(" %s ", n->u.try_.name ? n->u.try_.name : "_");
      dump(n->u.try_.handler); printf(")");
      break;
    case S_THROW: printf("(throw "); dump(n->u.operand); printf(")"); break;
    case S_IMPORT:
      printf("(import "); pstr(n->u.import.path, n->u.import.path_len);
      if (n->u.import.alias) printf(" as %s", n->u.import.alias);
      printf(")");
      break;
    default: printf("(?%d)", n->kind);
  }
}

int main(int argc, char **argv) {
  const char *src = NULL;
  size_t len = 0;
  bool quiet = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (!strcmp(argv[i], "-q")) quiet = true;
    else if (!strcmp(argv[i], "-p")) show_pos = true;
    else if (!strcmp(argv[i], "-e") && i + 1 < argc) { src = argv[++i]; len = strlen(src); }
    else { fprintf(stderr, "usage: parse_dump [-q] [-p] FILE | -e SRC\n"); return 2; }
  }
  char *data = NULL;
  if (!src) {
    if (i >= argc) { fprintf(stderr, "usage: parse_dump [-q] [-p] FILE | -e SRC\n"); return 2; }
    FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "rb") : stdin;
    if (!f) { perror(argv[i]); return 2; }
    size_t cap = 1 << 16;
    data = malloc(cap);
    size_t k;
    while ((k = fread(data + len, 1, cap - len, f)) > 0) {
      len += k;
      if (len == cap) data = realloc(data, cap *= 2);
    }
    if (f != stdin) fclose(f);
    /* no NUL terminator on purpose: the parser must not need one */
    data = realloc(data, len ? len : 1);
    src = data;
  }
  AstArena arena = {0};
  AstErrors errs;
  Node *root = gs_parse(&arena, src, len, &errs);
  int rc = 0;
  if (root) {
    if (!quiet) { dump(root); putchar('\n'); }
  } else {
    for (int e = 0; e < errs.count; e++) printf("%d:%d: %s\n", errs.errors[e].line, errs.errors[e].col, errs.errors[e].message);
    if (errs.at_eof) printf("at_eof\n");
    if (errs.total != errs.count) printf("total %d\n", errs.total);
    rc = 1;
  }
  ast_arena_free(&arena);
  free(data);
  return rc;
}
