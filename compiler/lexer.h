/* lexer.h — internal interface between the re2c lexer (lexer.re), the lemon
 * grammar (grammar.y) and the parse driver (ast.c). Not part of the public
 * API: only the parser sources include it. */
#ifndef GS_LEXER_H
#define GS_LEXER_H

#include "ast.h"

/* One token. `line`/`col` are 1-based (col counts bytes). `src`/`srclen`
 * span the token's text in the source (for error messages). The d0/d1/blk
 * fields describe the bracket stack around the token; the driver uses them
 * to resynchronise after a syntax error. */
typedef struct {
  int line, col;
  const char *src;
  int srclen;
  int d0, d1;       /* bracket depth before / after this token */
  int blk;          /* depth (stack length) of the innermost block brace before it, 0: top level */
  unsigned char closes_block;  /* a '}' that closed a block brace */
  unsigned char reported;      /* a lexical error was already reported for it */
  union {
    int64_t i;                             /* INT */
    double f;                              /* FLOAT */
    struct { const char *s; size_t len; } str;  /* STRING, ISTR_*, IDENT (s = name) */
  } v;
} Tok;

/* Kinds of entries on the lexer's bracket stack. */
enum { BR_PAREN = 1, BR_BRACKET, BR_MAP, BR_BLOCK, BR_INTERP };

typedef struct {
  unsigned char kind;
  int blk;                /* innermost block depth including this entry */
  int line, col;          /* for BR_INTERP: where the string started */
} BrEntry;

typedef struct {
  const unsigned char *buf, *cur, *lim, *tok;
  const unsigned char *line_start;
  int line;
  BrEntry *stk;
  int sp, cap;
  int last;               /* major of the last token handed to the parser (-1: none) */
  bool nl_pending;        /* a statement-ending newline was seen, not yet emitted */
  Tok nl_tok;
  bool have_held;         /* a token lexed after a pending newline, emitted next */
  int held_major;
  Tok held;
  bool eof_reported;      /* EOF follows an already reported lexical error */
  AstArena *arena;
  AstErrors *errs;
} Lexer;

void gs_lexer_init(Lexer *L, const char *buf, size_t len, AstArena *arena, AstErrors *errs);
void gs_lexer_free(Lexer *L);
/* Next token for the parser (newline rules applied). Returns the lemon token
 * number, 0 at end of input. */
int gs_lex(Lexer *L, Tok *t);

/* A list under construction (arena-backed, grows by doubling). */
typedef struct {
  Node **items;
  int count, cap;
  int depth;              /* max depth of the items */
  int line, col;          /* start of an interpolated string */
} NVec;

typedef struct {
  Param *items;
  int count, cap;
  int depth;
  int rest_at;            /* index of the first `...name` parameter, -1: none */
} PVec;

typedef struct {
  Param p;
  bool rest;
} PItem;

typedef struct {
  Node **keys, **values;
  int count, cap;
  int depth;
} MVec;

/* State shared by the driver and the grammar actions. */
typedef struct {
  AstArena *arena;
  AstErrors *errs;
  Lexer *lex;
  Node *root;
  bool syntax_error;      /* set by %syntax_error for the token just pushed */
  bool stop;              /* stop parsing (nesting too deep) */
  Tok cur;                /* the token being pushed */
  Tok prev;               /* and the one before it (prev_major 0: none) */
  int prev_major;
} ParseCtx;

/* Node construction helpers used by grammar actions (defined in ast.c). */
Node *gs_node(ParseCtx *c, NodeKind k, int line, int col, int depth);
int gs_depth(const Node *n);
NVec *gs_nvec(ParseCtx *c);
void gs_nvec_push(ParseCtx *c, NVec *v, Node *n);
NodeList gs_nvec_list(NVec *v);
PVec *gs_pvec(ParseCtx *c);
void gs_pvec_push(ParseCtx *c, PVec *v, PItem p);
MVec *gs_mvec(ParseCtx *c);
void gs_mvec_push(ParseCtx *c, MVec *v, Node *k, Node *val);
/* Room for every terminal's number (grammar.h numbers them from 1). */
#define GS_NTOKENS 96
/* A syntax error at token t; expected[i]: the parser would have taken
 * terminal i there. */
void gs_syntax_error(ParseCtx *c, int major, const Tok *t, const bool *expected);
void gs_stack_overflow(ParseCtx *c);

/* lemon push parser (grammar.y) */
void *GsParseAlloc(void *(*mallocProc)(size_t));
void GsParse(void *p, int major, Tok minor, ParseCtx *ctx);
void GsParseFree(void *p, void (*freeProc)(void *));
void GsParseResetErrors(void *p);

#endif
