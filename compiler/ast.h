/* ast.h — the syntax tree the parser builds and the compiler consumes.
 *
 * Every node lives in one arena owned by the compilation; nothing here is
 * freed piecemeal. Lists are arena arrays (items + count). Positions are
 * 1-based line and column of the node's first token. */
#ifndef GS_AST_H
#define GS_AST_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ---- arena ---------------------------------------------------------- */

typedef struct AstArenaBlock AstArenaBlock;
typedef struct {
  AstArenaBlock *head;
  jmp_buf *oom;   /* while gs_parse runs: where running out of memory goes */
} AstArena;

void *ast_alloc(AstArena *a, size_t size);              /* zeroed memory */
char *ast_strdup(AstArena *a, const char *s, size_t n); /* NUL-terminated copy */
void ast_arena_free(AstArena *a);
_Noreturn void ast_out_of_memory(AstArena *a);

/* ---- nodes ---------------------------------------------------------- */

typedef enum {
  /* expressions */
  E_NIL, E_TRUE, E_FALSE,
  E_INT,        /* u.ival */
  E_FLOAT,      /* u.fval */
  E_STRING,     /* u.str (bytes, may contain NUL: use len) */
  E_INTERP,     /* u.list: parts, each E_STRING or any expression, in order */
  E_NAME,       /* u.name */
  E_SELF,
  E_SUPER,      /* super.NAME : u.field.name (object unused) */
  E_LIST,       /* u.list: elements (E_SPREAD allowed) */
  E_MAP,        /* u.map: keys[i] -> values[i] */
  E_UNARY,      /* u.unary: op is A_NEG / A_BNOT / A_NOT */
  E_BINARY,     /* u.binary: arithmetic/comparison/bitwise, '..' (op A_RANGE) */
  E_AND, E_OR,  /* u.binary (op unused) */
  E_CALL,       /* u.call: callee + args (E_SPREAD allowed in args) */
  E_INDEX,      /* u.index: object[index] */
  E_SLICE,      /* u.slice: object[lo:hi], lo/hi may be NULL */
  E_FIELD,      /* u.field: object.name */
  E_FN,         /* u.fn: function literal */
  E_SPREAD,     /* u.operand: ...expr (only inside call args / list literal) */
  E_YIELD,      /* u.operand: value or NULL */
  E_SPAWN,      /* u.operand: an E_CALL expression or an S_BLOCK statement */
  E_COND,       /* u.if_: cond ? then : else_ */

  /* statements */
  S_EXPR,       /* u.operand */
  S_LET,        /* u.let: name, value (may be NULL); or pattern (E_LIST) and value */
  S_ASSIGN,     /* u.assign: target (E_NAME/E_FIELD/E_INDEX, or an E_LIST pattern for `=`), op, value */
  S_BLOCK,      /* u.list: statements */
  S_IF,         /* u.if_: cond, then (S_BLOCK), else_ (S_BLOCK, S_IF or NULL) */
  S_WHILE,      /* u.while_: cond, body */
  S_FOR,        /* u.for_: var1, var2 (NULL unless `for a, b in`), iter, body */
  S_BREAK, S_CONTINUE,
  S_RETURN,     /* u.operand: value or NULL */
  S_FN,         /* u.fn: named function declaration */
  S_CLASS,      /* u.class_ */
  S_TRY,        /* u.try_: body, catches (S_CATCH, in order; may be empty) and finalizer (may be NULL) */
  S_CATCH,      /* u.catch_: name of the caught value and type (either may be NULL), body */
  S_THROW,      /* u.operand */
  S_IMPORT,     /* u.import: path string, alias (NULL: last path component) */
} NodeKind;

/* Operators, for E_UNARY / E_BINARY / S_ASSIGN (independent of the token
 * numbers lemon assigns). */
typedef enum {
  A_ADD, A_SUB, A_MUL, A_DIV, A_IDIV, A_MOD, A_POW,
  A_BAND, A_BOR, A_BXOR, A_SHL, A_SHR,
  A_EQ, A_NE, A_LT, A_LE, A_GT, A_GE,
  A_RANGE,          /* a..b */
  A_IS,             /* x is Class */
  A_NEG, A_BNOT, A_NOT,   /* unary */
  A_ASSIGN          /* plain `=` in S_ASSIGN; compound ones use A_ADD.. A_SHR */
} AstOp;

typedef struct Node Node;

typedef struct {
  Node **items;
  int count;
} NodeList;

typedef struct {
  const char *name;   /* parameter name */
  Node *def;          /* default value expression, or NULL */
  int line, col;
} Param;

typedef struct {
  const char *name;   /* NULL for an anonymous literal */
  Param *params;
  int nparams;
  bool has_rest;      /* last param is `...name` (then params[nparams-1] is it) */
  bool expr_body;     /* `=> expr`: body is the expression itself */
  bool is_static;     /* `static fn` in a class: no self */
  Node *body;         /* S_BLOCK, or an expression when expr_body */
} FnNode;

struct Node {
  NodeKind kind;
  int line, col;
  union {
    int64_t ival;
    double fval;
    struct { const char *chars; size_t len; } str;
    const char *name;
    Node *operand;
    NodeList list;
    struct { Node **keys; Node **values; int count; } map;
    struct { int op; Node *operand; } unary;
    struct { int op; Node *left, *right; } binary;
    struct { Node *callee; NodeList args; } call;
    struct { Node *object, *index; } index;
    struct { Node *object, *lo, *hi; } slice;
    struct { Node *object; const char *name; } field;
    FnNode fn;
    struct { const char *name; Node *value; Node *pattern; } let;  /* pattern: E_LIST, name NULL */
    struct { Node *target; int op; Node *value; } assign; /* op: A_ASSIGN, or the binary operator of a compound assignment */
    struct { Node *cond, *then, *else_; } if_;
    struct { Node *cond, *body; } while_;
    struct { const char *var1, *var2; Node *iter, *body; int var2_line, var2_col;
             Node *pat1, *pat2; } for_;   /* pat1/pat2: an E_LIST pattern instead of var1/var2 */
    struct { const char *name; const char *super_name; int super_line, super_col;
             Node **methods; int nmethods; } class_;  /* methods are S_FN */
    struct { Node *body; NodeList catches; Node *finalizer; } try_;
    struct { const char *name; Node *type; Node *body; } catch_;
    struct { const char *path; size_t path_len; const char *alias; } import;
  } u;
};

/* ---- parsing -------------------------------------------------------- */

#define AST_MAX_ERRORS 20

/* The parser rejects a tree deeper than this ("nesting too deep"), so a
 * recursive walk over the AST never goes deeper than AST_MAX_DEPTH nodes. */
#define AST_MAX_DEPTH 2000

typedef struct {
  int line, col;
  char message[200];
} AstError;

typedef struct {
  AstError errors[AST_MAX_ERRORS];
  int count;           /* errors recorded (at most AST_MAX_ERRORS) */
  int total;           /* errors found, may exceed count */
  bool at_eof;         /* the first syntax error was "unexpected end of input"
                          (the REPL reads another line when this is the only
                          kind of error) */
} AstErrors;

/* Parse a whole module. Returns an S_BLOCK of the top-level statements, or
 * NULL when there were syntax errors (then errs->count > 0; running out of
 * memory is the error "out of memory"). Never aborts on bad input. `src`
 * need not be NUL-terminated. */
Node *gs_parse(AstArena *arena, const char *src, size_t len, AstErrors *errs);

/* Append an error (used by the parser and by the compiler's resolver). */
void ast_error(AstErrors *errs, int line, int col, const char *fmt, ...);

#endif
