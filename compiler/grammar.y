/* grammar.y — GreenScript grammar for the lemon parser generator.
 *
 * The lexer (lexer.re) does the context-sensitive work so that this grammar
 * stays LALR(1) with no conflicts:
 *   - newlines that do not end a statement are never sent (NEWLINE is only a
 *     statement separator);
 *   - `{` is sent as LBRACE when it opens a block and as LMAP when it opens a
 *     map literal (after a token that expects an operand: an operator, `(`,
 *     `[`, `,`, `=`, `:`, `=>`, return, yield, throw, in, ...);
 *   - strings with interpolation arrive as ISTR_BEGIN expr (ISTR_MID expr)*
 *     ISTR_END.
 * Statements ending in a block (fn, class, if, while, for, try, { }) need no
 * separator after their `}`; other statements end at NEWLINE, `;`, the `}`
 * of the enclosing block or the end of input.
 * Error recovery: the only rule with `error` is `error SYNC` at statement
 * level (blocks, class bodies, top level). SYNC is never produced by the
 * lexer; after a syntax error the driver (ast.c) skips tokens up to the next
 * statement boundary of the enclosing block and then pushes SYNC. BOF is
 * pushed first so that the top level is never the bottom of lemon's stack. */

%name GsParse
%token_prefix T_
%token_type {Tok}
%extra_argument {ParseCtx *ctx}
%stack_size 10000
%start_symbol program

%include {
#include <assert.h>
#include <string.h>
#include "lexer.h"

#define MK(k, t) gs_node(ctx, (k), (t).line, (t).col, 1)

static void parser_expected(void *parser, bool *tokens, int n);

static Node *mk_str(ParseCtx *ctx, const Tok *t) {
  Node *n = gs_node(ctx, E_STRING, t->line, t->col, 1);
  n->u.str.chars = t->v.str.s;
  n->u.str.len = t->v.str.len;
  return n;
}

static Node *mk_binary(ParseCtx *ctx, NodeKind k, int op, Node *l, Node *r) {
  int d = gs_depth(l) > gs_depth(r) ? gs_depth(l) : gs_depth(r);
  Node *n = gs_node(ctx, k, l->line, l->col, d + 1);
  n->u.binary.op = op;
  n->u.binary.left = l;
  n->u.binary.right = r;
  return n;
}

static Node *mk_unary(ParseCtx *ctx, const Tok *t, int op, Node *o) {
  Node *n = gs_node(ctx, E_UNARY, t->line, t->col, gs_depth(o) + 1);
  n->u.unary.op = op;
  n->u.unary.operand = o;
  return n;
}

static Node *mk_op1(ParseCtx *ctx, NodeKind k, const Tok *t, Node *o) {
  Node *n = gs_node(ctx, k, t->line, t->col, gs_depth(o) + 1);
  n->u.operand = o;
  return n;
}

static Node *mk_assign(ParseCtx *ctx, Node *target, int op, Node *v) {
  if (target->kind != E_NAME && target->kind != E_FIELD && target->kind != E_INDEX &&
      !(target->kind == E_LIST && op == A_ASSIGN))
    ast_error(ctx->errs, target->line, target->col, "invalid assignment target");
  int d = gs_depth(target) > gs_depth(v) ? gs_depth(target) : gs_depth(v);
  Node *n = gs_node(ctx, S_ASSIGN, target->line, target->col, d + 1);
  n->u.assign.target = target;
  n->u.assign.op = op;
  n->u.assign.value = v;
  return n;
}

static Node *mk_for(ParseCtx *ctx, const Tok *k, Node *iter, Node *body) {
  int d = gs_depth(iter) > gs_depth(body) ? gs_depth(iter) : gs_depth(body);
  Node *n = gs_node(ctx, S_FOR, k->line, k->col, d + 1);
  n->u.for_.iter = iter;
  n->u.for_.body = body;
  return n;
}

static Node *mk_catch(ParseCtx *ctx, const Tok *k, const Tok *name, Node *type, Node *body) {
  int d = gs_depth(body) > gs_depth(type) ? gs_depth(body) : gs_depth(type);
  Node *n = gs_node(ctx, S_CATCH, k->line, k->col, d + 1);
  n->u.catch_.name = name ? name->v.str.s : NULL;
  n->u.catch_.type = type;
  n->u.catch_.body = body;
  return n;
}

static Node *mk_block(ParseCtx *ctx, int line, int col, NVec *v) {
  Node *n = gs_node(ctx, S_BLOCK, line, col, (v ? v->depth : 0) + 1);
  if (v) n->u.list = gs_nvec_list(v);
  return n;
}

static NVec *vec_add(ParseCtx *ctx, NVec *v, Node *s) {
  if (!v) v = gs_nvec(ctx);
  if (s) gs_nvec_push(ctx, v, s);
  return v;
}

/* Fills a FnNode: params (checks the rest parameter is last) and body. */
static Node *mk_fn(ParseCtx *ctx, NodeKind k, const Tok *fntok, const Tok *name,
                   PVec *ps, Node *body, bool expr_body) {
  int d = gs_depth(body);
  if (ps && ps->depth > d) d = ps->depth;
  Node *n = gs_node(ctx, k, fntok->line, fntok->col, d + 1);
  FnNode *f = &n->u.fn;
  f->name = name ? name->v.str.s : NULL;
  if (ps) {
    f->params = ps->items;
    f->nparams = ps->count;
    if (ps->rest_at >= 0) {
      if (ps->rest_at != ps->count - 1) {
        Param *p = &ps->items[ps->rest_at];
        ast_error(ctx->errs, p->line, p->col, "rest parameter must be the last parameter");
      } else {
        f->has_rest = true;
      }
    }
  }
  f->expr_body = expr_body;
  f->body = body;
  return n;
}

/* `fn -()` is unary minus, named so that it cannot clash with `fn -(o)`;
 * each operator takes a fixed number of parameters */
static Node *mk_operator(ParseCtx *ctx, const Tok *k, Tok *op, PVec *ps, Node *body) {
  int n = ps ? ps->count : 0;
  if (strcmp(op->v.str.s, "-") == 0 && n == 0) op->v.str.s = "unary -";
  const char *name = op->v.str.s;
  int want = strcmp(name, "[]=") == 0 ? 2 : strcmp(name, "unary -") == 0 ? 0 : 1;
  if (n != want || (ps && ps->rest_at >= 0))
    ast_error(ctx->errs, op->line, op->col, "operator method '%s' takes %s", name,
              strcmp(name, "-") == 0 ? "no parameter (unary) or 1" : want == 2 ? "2 parameters" : "1 parameter");
  return mk_fn(ctx, S_FN, k, op, ps, body, false);
}

static Node *mk_postfix_slice(ParseCtx *ctx, Node *obj, Node *lo, Node *hi) {
  int d = gs_depth(obj);
  if (gs_depth(lo) > d) d = gs_depth(lo);
  if (gs_depth(hi) > d) d = gs_depth(hi);
  Node *n = gs_node(ctx, E_SLICE, obj->line, obj->col, d + 1);
  n->u.slice.object = obj;
  n->u.slice.lo = lo;
  n->u.slice.hi = hi;
  return n;
}
}

%code {
void GsParseResetErrors(void *p) {
  ((yyParser *)p)->yyerrcnt = -1;
}

/* Would the parser take terminal t next? Replays on a copy of the top of
 * the state stack the reductions t would cause, until t is shifted or
 * refused. */
static bool parser_accepts(yyParser *p, int t) {
  YYACTIONTYPE over[64];        /* states pushed by the replay */
  int nover = 0;
  int real = (int)(p->yytos - p->yystack) + 1;   /* entries of the real stack in use */
#define TOP() (nover ? over[nover - 1] : p->yystack[real - 1].stateno)
  YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)t, TOP());
  for (int steps = 0; steps < 1000; steps++) {
    if (act == YY_ERROR_ACTION || act == YY_NO_ACTION) return false;
    if (act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION) return true;
    int rule = act - YY_MIN_REDUCE;
    int pop = -yyRuleInfoNRhs[rule];
    while (pop > 0 && nover > 0) { nover--; pop--; }
    real -= pop;
    if (real < 1 || nover == 64) return false;
    YYACTIONTYPE g = yy_find_reduce_action(TOP(), yyRuleInfoLhs[rule]);
    over[nover++] = g;
    act = g >= YY_MIN_REDUCE ? g : yy_find_shift_action((YYCODETYPE)t, g);
  }
  return false;
#undef TOP
}

/* The terminals the parser would take now (tokens[i] set for each). */
static void parser_expected(void *parser, bool *tokens, int n) {
  for (int t = 1; t < n && t < YYNTOKEN; t++) tokens[t] = parser_accepts(parser, t);
}
}

%syntax_error {
  bool expected[GS_NTOKENS] = {false};
  parser_expected(yypParser, expected, GS_NTOKENS);
  gs_syntax_error(ctx, yymajor, &TOKEN, expected);
}

%stack_overflow {
  gs_stack_overflow(ctx);
}

/* Token numbering (fixed order; BOF/SYNC/ILLEGAL are driver tokens). */
%token BOF SYNC ILLEGAL NEWLINE SEMI
  IDENT INT FLOAT STRING ISTR_BEGIN ISTR_MID ISTR_END
  LET FN RETURN IF ELSE WHILE FOR IN BREAK CONTINUE NIL TRUE FALSE AND OR NOT
  CLASS SELF SUPER SPAWN YIELD TRY CATCH THROW IMPORT AS
  PLUS MINUS STAR SLASH DSLASH PERCENT POW
  EQ NE LT LE GT GE
  ASSIGN PLUSEQ MINUSEQ STAREQ SLASHEQ
  AMP PIPE CARET TILDE SHL SHR DOTDOT ELLIPSIS
  LPAREN RPAREN LBRACKET RBRACKET LBRACE LMAP RBRACE
  COMMA DOT COLON ARROW FINALLY
  QUESTION DSLASHEQ PERCENTEQ POWEQ AMPEQ PIPEEQ CARETEQ SHLEQ SHREQ IS STATIC.

/* ---- program and statement lists -------------------------------------- */

program ::= BOF(B).                      { ctx->root = mk_block(ctx, B.line, B.col, NULL); }
program ::= BOF(B) items(L).             { ctx->root = mk_block(ctx, B.line, B.col, L); }
program ::= BOF(B) items(L) stmt(S).     { ctx->root = mk_block(ctx, B.line, B.col, vec_add(ctx, L, S)); }
program ::= BOF(B) stmt(S).              { ctx->root = mk_block(ctx, B.line, B.col, vec_add(ctx, NULL, S)); }

%type items {NVec *}
%type item {Node *}
items(A) ::= item(I).                    { A = vec_add(ctx, NULL, I); }
items(A) ::= items(L) item(I).           { A = vec_add(ctx, L, I); }
item(A) ::= sep.                         { A = NULL; }
item(A) ::= stmt(S) sep.                 { A = S; }
item(A) ::= cstmt(S).                    { A = S; }   /* ends with `}`: no separator needed */
item(A) ::= error SYNC.                  { A = NULL; }

sep ::= NEWLINE.
sep ::= SEMI.

%type block {Node *}
block(A) ::= LBRACE(B) RBRACE.                 { A = mk_block(ctx, B.line, B.col, NULL); }
block(A) ::= LBRACE(B) items(L) RBRACE.        { A = mk_block(ctx, B.line, B.col, L); }
block(A) ::= LBRACE(B) items(L) stmt(S) RBRACE. { A = mk_block(ctx, B.line, B.col, vec_add(ctx, L, S)); }
block(A) ::= LBRACE(B) stmt(S) RBRACE.         { A = mk_block(ctx, B.line, B.col, vec_add(ctx, NULL, S)); }

/* ---- statements ------------------------------------------------------- */

%type stmt {Node *}
stmt(A) ::= expr(E).                     { A = gs_node(ctx, S_EXPR, E->line, E->col, gs_depth(E) + 1); A->u.operand = E; }
stmt(A) ::= expr(T) ASSIGN expr(V).      { A = mk_assign(ctx, T, A_ASSIGN, V); }
stmt(A) ::= expr(T) compound(O) expr(V). { A = mk_assign(ctx, T, O, V); }

/* the operator of a compound assignment (`x op= v`) */
%type compound {int}
compound(A) ::= PLUSEQ.                  { A = A_ADD; }
compound(A) ::= MINUSEQ.                 { A = A_SUB; }
compound(A) ::= STAREQ.                  { A = A_MUL; }
compound(A) ::= SLASHEQ.                 { A = A_DIV; }
compound(A) ::= DSLASHEQ.                { A = A_IDIV; }
compound(A) ::= PERCENTEQ.               { A = A_MOD; }
compound(A) ::= POWEQ.                   { A = A_POW; }
compound(A) ::= AMPEQ.                   { A = A_BAND; }
compound(A) ::= PIPEEQ.                  { A = A_BOR; }
compound(A) ::= CARETEQ.                 { A = A_BXOR; }
compound(A) ::= SHLEQ.                   { A = A_SHL; }
compound(A) ::= SHREQ.                   { A = A_SHR; }

stmt(A) ::= LET(K) IDENT(N).             { A = MK(S_LET, K); A->u.let.name = N.v.str.s; }
stmt(A) ::= LET(K) IDENT(N) ASSIGN expr(V). {
  A = gs_node(ctx, S_LET, K.line, K.col, gs_depth(V) + 1);
  A->u.let.name = N.v.str.s;
  A->u.let.value = V;
}

stmt(A) ::= LET(K) pattern(P) ASSIGN expr(V). {
  A = gs_node(ctx, S_LET, K.line, K.col, (gs_depth(P) > gs_depth(V) ? gs_depth(P) : gs_depth(V)) + 1);
  A->u.let.pattern = P;
  A->u.let.value = V;
}

/* `[a, [b, c], ...rest]`: checked by the compiler */
%type pattern {Node *}
pattern(A) ::= LBRACKET(T) elems(L) RBRACKET. {
  A = gs_node(ctx, E_LIST, T.line, T.col, (L ? L->depth : 0) + 1);
  if (L) A->u.list = gs_nvec_list(L);
}

%type cstmt {Node *}
cstmt(A) ::= fndecl(F).                  { A = F; }
%type fndecl {Node *}
fndecl(A) ::= FN(K) IDENT(N) LPAREN params(P) RPAREN block(B). {
  A = mk_fn(ctx, S_FN, &K, &N, P, B, false);
}

cstmt(A) ::= block(B).                   { A = B; }
cstmt(A) ::= ifstmt(I).                  { A = I; }

%type ifstmt {Node *}
ifstmt(A) ::= IF(K) expr(C) block(T). {
  int d = gs_depth(C) > gs_depth(T) ? gs_depth(C) : gs_depth(T);
  A = gs_node(ctx, S_IF, K.line, K.col, d + 1);
  A->u.if_.cond = C; A->u.if_.then = T;
}
ifstmt(A) ::= IF(K) expr(C) block(T) ELSE block(E). {
  int d = gs_depth(C) > gs_depth(T) ? gs_depth(C) : gs_depth(T);
  if (gs_depth(E) > d) d = gs_depth(E);
  A = gs_node(ctx, S_IF, K.line, K.col, d + 1);
  A->u.if_.cond = C; A->u.if_.then = T; A->u.if_.else_ = E;
}
ifstmt(A) ::= IF(K) expr(C) block(T) ELSE ifstmt(E). {
  int d = gs_depth(C) > gs_depth(T) ? gs_depth(C) : gs_depth(T);
  if (gs_depth(E) > d) d = gs_depth(E);
  A = gs_node(ctx, S_IF, K.line, K.col, d + 1);
  A->u.if_.cond = C; A->u.if_.then = T; A->u.if_.else_ = E;
}

cstmt(A) ::= WHILE(K) expr(C) block(B). {
  int d = gs_depth(C) > gs_depth(B) ? gs_depth(C) : gs_depth(B);
  A = gs_node(ctx, S_WHILE, K.line, K.col, d + 1);
  A->u.while_.cond = C; A->u.while_.body = B;
}

cstmt(A) ::= FOR(K) IDENT(V) IN expr(E) block(B). {
  int d = gs_depth(E) > gs_depth(B) ? gs_depth(E) : gs_depth(B);
  A = gs_node(ctx, S_FOR, K.line, K.col, d + 1);
  A->u.for_.var1 = V.v.str.s; A->u.for_.iter = E; A->u.for_.body = B;
}
cstmt(A) ::= FOR(K) pattern(P) IN expr(E) block(B). {
  A = mk_for(ctx, &K, E, B);
  A->u.for_.pat1 = P;
}
cstmt(A) ::= FOR(K) IDENT(V) COMMA pattern(P) IN expr(E) block(B). {
  A = mk_for(ctx, &K, E, B);
  A->u.for_.var1 = V.v.str.s; A->u.for_.pat2 = P;
}
cstmt(A) ::= FOR(K) IDENT(V) COMMA IDENT(W) IN expr(E) block(B). {
  int d = gs_depth(E) > gs_depth(B) ? gs_depth(E) : gs_depth(B);
  A = gs_node(ctx, S_FOR, K.line, K.col, d + 1);
  A->u.for_.var1 = V.v.str.s; A->u.for_.var2 = W.v.str.s;
  A->u.for_.var2_line = W.line; A->u.for_.var2_col = W.col;
  A->u.for_.iter = E; A->u.for_.body = B;
}

stmt(A) ::= BREAK(K).                    { A = MK(S_BREAK, K); }
stmt(A) ::= CONTINUE(K).                 { A = MK(S_CONTINUE, K); }
stmt(A) ::= RETURN(K).                   { A = MK(S_RETURN, K); }
stmt(A) ::= RETURN(K) expr(E).           { A = mk_op1(ctx, S_RETURN, &K, E); }
stmt(A) ::= THROW(K) expr(E).            { A = mk_op1(ctx, S_THROW, &K, E); }

cstmt(A) ::= TRY(K) block(B) catches(H). {
  int d = gs_depth(B) > H->depth ? gs_depth(B) : H->depth;
  A = gs_node(ctx, S_TRY, K.line, K.col, d + 1);
  A->u.try_.body = B; A->u.try_.catches = gs_nvec_list(H);
}
cstmt(A) ::= TRY(K) block(B) FINALLY block(F). {
  int d = gs_depth(B) > gs_depth(F) ? gs_depth(B) : gs_depth(F);
  A = gs_node(ctx, S_TRY, K.line, K.col, d + 1);
  A->u.try_.body = B; A->u.try_.finalizer = F;
}
cstmt(A) ::= TRY(K) block(B) catches(H) FINALLY block(F). {
  int d = gs_depth(B) > H->depth ? gs_depth(B) : H->depth;
  if (gs_depth(F) > d) d = gs_depth(F);
  A = gs_node(ctx, S_TRY, K.line, K.col, d + 1);
  A->u.try_.body = B; A->u.try_.catches = gs_nvec_list(H); A->u.try_.finalizer = F;
}

/* `catch { }`, `catch e { }`, `catch e is Type { }`: tried in order */
%type catches {NVec *}
%type catch {Node *}
catches(A) ::= catch(C).                 { A = vec_add(ctx, NULL, C); }
catches(A) ::= catches(L) catch(C).      { A = vec_add(ctx, L, C); }
catch(A) ::= CATCH(K) block(H).          { A = mk_catch(ctx, &K, NULL, NULL, H); }
catch(A) ::= CATCH(K) IDENT(N) block(H). { A = mk_catch(ctx, &K, &N, NULL, H); }
catch(A) ::= CATCH(K) IDENT(N) IS postfix(T) block(H). { A = mk_catch(ctx, &K, &N, T, H); }

stmt(A) ::= IMPORT(K) STRING(S). {
  A = MK(S_IMPORT, K);
  A->u.import.path = S.v.str.s; A->u.import.path_len = S.v.str.len;
}
stmt(A) ::= IMPORT(K) STRING(S) AS IDENT(N). {
  A = MK(S_IMPORT, K);
  A->u.import.path = S.v.str.s; A->u.import.path_len = S.v.str.len;
  A->u.import.alias = N.v.str.s;
}

cstmt(A) ::= CLASS(K) IDENT(N) classbody(M). {
  A = gs_node(ctx, S_CLASS, K.line, K.col, (M ? M->depth : 0) + 1);
  A->u.class_.name = N.v.str.s;
  if (M) { A->u.class_.methods = M->items; A->u.class_.nmethods = M->count; }
}
cstmt(A) ::= CLASS(K) IDENT(N) COLON IDENT(S) classbody(M). {
  A = gs_node(ctx, S_CLASS, K.line, K.col, (M ? M->depth : 0) + 1);
  A->u.class_.name = N.v.str.s;
  A->u.class_.super_name = S.v.str.s;
  A->u.class_.super_line = S.line; A->u.class_.super_col = S.col;
  if (M) { A->u.class_.methods = M->items; A->u.class_.nmethods = M->count; }
}

%type classbody {NVec *}
%type members {NVec *}
%type member {Node *}
classbody(A) ::= LBRACE RBRACE.          { A = NULL; }
classbody(A) ::= LBRACE members(L) RBRACE. { A = L; }
members(A) ::= member(M).                { A = vec_add(ctx, NULL, M); }
members(A) ::= members(L) member(M).     { A = vec_add(ctx, L, M); }
member(A) ::= sep.                       { A = NULL; }
member(A) ::= fndecl(F).                 { A = F; }
member(A) ::= STATIC fndecl(F).          { A = F; A->u.fn.is_static = true; }
member(A) ::= FN(K) opname(O) LPAREN params(P) RPAREN block(B). { A = mk_operator(ctx, &K, &O, P, B); }

/* the operators a class may define (`fn +(other)`, `fn [](i)`, ...) */
%type opname {Tok}
opname(A) ::= PLUS(T).                   { A = T; A.v.str.s = "+"; }
opname(A) ::= MINUS(T).                  { A = T; A.v.str.s = "-"; }
opname(A) ::= STAR(T).                   { A = T; A.v.str.s = "*"; }
opname(A) ::= SLASH(T).                  { A = T; A.v.str.s = "/"; }
opname(A) ::= DSLASH(T).                 { A = T; A.v.str.s = "//"; }
opname(A) ::= PERCENT(T).                { A = T; A.v.str.s = "%"; }
opname(A) ::= POW(T).                    { A = T; A.v.str.s = "**"; }
opname(A) ::= EQ(T).                     { A = T; A.v.str.s = "=="; }
opname(A) ::= LT(T).                     { A = T; A.v.str.s = "<"; }
opname(A) ::= LBRACKET(T) RBRACKET.      { A = T; A.v.str.s = "[]"; }
opname(A) ::= LBRACKET(T) RBRACKET ASSIGN. { A = T; A.v.str.s = "[]="; }
member(A) ::= error SYNC.                { A = NULL; }

/* ---- expressions ------------------------------------------------------ */

%type expr {Node *}
expr(A) ::= YIELD(K).                    { A = MK(E_YIELD, K); }
expr(A) ::= YIELD(K) expr(E).            { A = mk_op1(ctx, E_YIELD, &K, E); }
expr(A) ::= FN(K) LPAREN params(P) RPAREN ARROW expr(E). { A = mk_fn(ctx, E_FN, &K, NULL, P, E, true); }
expr(A) ::= orx(E).                      { A = E; }
/* `c ? a : b`, looser than `or`; the else branch is an expr: right-associative */
expr(A) ::= orx(C) QUESTION expr(T) COLON expr(F). {
  int d = gs_depth(C) > gs_depth(T) ? gs_depth(C) : gs_depth(T);
  if (gs_depth(F) > d) d = gs_depth(F);
  A = gs_node(ctx, E_COND, C->line, C->col, d + 1);
  A->u.if_.cond = C; A->u.if_.then = T; A->u.if_.else_ = F;
}

%type orx {Node *}
%type andx {Node *}
%type notx {Node *}
%type cmp {Node *}
%type bor {Node *}
%type bxor {Node *}
%type band {Node *}
%type shift {Node *}
%type range {Node *}
%type add {Node *}
%type mul {Node *}
%type unary {Node *}
%type power {Node *}
%type postfix {Node *}
%type primary {Node *}

orx(A) ::= orx(L) OR andx(R).            { A = mk_binary(ctx, E_OR, 0, L, R); }
orx(A) ::= andx(E).                      { A = E; }
andx(A) ::= andx(L) AND notx(R).         { A = mk_binary(ctx, E_AND, 0, L, R); }
andx(A) ::= notx(E).                     { A = E; }
notx(A) ::= NOT(K) notx(E).              { A = mk_unary(ctx, &K, A_NOT, E); }
notx(A) ::= cmp(E).                      { A = E; }

cmp(A) ::= cmp(L) EQ bor(R).             { A = mk_binary(ctx, E_BINARY, A_EQ, L, R); }
cmp(A) ::= cmp(L) NE bor(R).             { A = mk_binary(ctx, E_BINARY, A_NE, L, R); }
cmp(A) ::= cmp(L) LT bor(R).             { A = mk_binary(ctx, E_BINARY, A_LT, L, R); }
cmp(A) ::= cmp(L) LE bor(R).             { A = mk_binary(ctx, E_BINARY, A_LE, L, R); }
cmp(A) ::= cmp(L) GT bor(R).             { A = mk_binary(ctx, E_BINARY, A_GT, L, R); }
cmp(A) ::= cmp(L) GE bor(R).             { A = mk_binary(ctx, E_BINARY, A_GE, L, R); }
cmp(A) ::= cmp(L) IS bor(R).             { A = mk_binary(ctx, E_BINARY, A_IS, L, R); }
cmp(A) ::= bor(E).                       { A = E; }

bor(A) ::= bor(L) PIPE bxor(R).          { A = mk_binary(ctx, E_BINARY, A_BOR, L, R); }
bor(A) ::= bxor(E).                      { A = E; }
bxor(A) ::= bxor(L) CARET band(R).       { A = mk_binary(ctx, E_BINARY, A_BXOR, L, R); }
bxor(A) ::= band(E).                     { A = E; }
band(A) ::= band(L) AMP shift(R).        { A = mk_binary(ctx, E_BINARY, A_BAND, L, R); }
band(A) ::= shift(E).                    { A = E; }
shift(A) ::= shift(L) SHL range(R).      { A = mk_binary(ctx, E_BINARY, A_SHL, L, R); }
shift(A) ::= shift(L) SHR range(R).      { A = mk_binary(ctx, E_BINARY, A_SHR, L, R); }
shift(A) ::= range(E).                   { A = E; }
range(A) ::= add(L) DOTDOT add(R).       { A = mk_binary(ctx, E_BINARY, A_RANGE, L, R); }
range(A) ::= add(E).                     { A = E; }
add(A) ::= add(L) PLUS mul(R).           { A = mk_binary(ctx, E_BINARY, A_ADD, L, R); }
add(A) ::= add(L) MINUS mul(R).          { A = mk_binary(ctx, E_BINARY, A_SUB, L, R); }
add(A) ::= mul(E).                       { A = E; }
mul(A) ::= mul(L) STAR unary(R).         { A = mk_binary(ctx, E_BINARY, A_MUL, L, R); }
mul(A) ::= mul(L) SLASH unary(R).        { A = mk_binary(ctx, E_BINARY, A_DIV, L, R); }
mul(A) ::= mul(L) DSLASH unary(R).       { A = mk_binary(ctx, E_BINARY, A_IDIV, L, R); }
mul(A) ::= mul(L) PERCENT unary(R).      { A = mk_binary(ctx, E_BINARY, A_MOD, L, R); }
mul(A) ::= unary(E).                     { A = E; }

unary(A) ::= MINUS(K) unary(E).          { A = mk_unary(ctx, &K, A_NEG, E); }
unary(A) ::= TILDE(K) unary(E).          { A = mk_unary(ctx, &K, A_BNOT, E); }
unary(A) ::= SPAWN(K) postfix(E). {
  if (E->kind != E_CALL)
    ast_error(ctx->errs, E->line, E->col, "spawn expects a call or a block");
  A = mk_op1(ctx, E_SPAWN, &K, E);
}
unary(A) ::= SPAWN(K) block(B).          { A = mk_op1(ctx, E_SPAWN, &K, B); }
unary(A) ::= power(E).                   { A = E; }

power(A) ::= postfix(E).                 { A = E; }
power(A) ::= postfix(L) POW unary(R).    { A = mk_binary(ctx, E_BINARY, A_POW, L, R); }

postfix(A) ::= primary(E).               { A = E; }
postfix(A) ::= postfix(F) LPAREN args(L) RPAREN. {
  A = gs_node(ctx, E_CALL, F->line, F->col, (gs_depth(F) > (L ? L->depth : 0) ? gs_depth(F) : L->depth) + 1);
  A->u.call.callee = F;
  if (L) A->u.call.args = gs_nvec_list(L);
}
postfix(A) ::= postfix(O) LBRACKET expr(I) RBRACKET. {
  A = gs_node(ctx, E_INDEX, O->line, O->col, (gs_depth(O) > gs_depth(I) ? gs_depth(O) : gs_depth(I)) + 1);
  A->u.index.object = O; A->u.index.index = I;
}
postfix(A) ::= postfix(O) LBRACKET optexpr(L) COLON optexpr(H) RBRACKET. {
  A = mk_postfix_slice(ctx, O, L, H);
}
postfix(A) ::= postfix(O) DOT IDENT(N). {
  A = gs_node(ctx, E_FIELD, O->line, O->col, gs_depth(O) + 1);
  A->u.field.object = O; A->u.field.name = N.v.str.s;
}

%type optexpr {Node *}
optexpr(A) ::= .                         { A = NULL; }
optexpr(A) ::= expr(E).                  { A = E; }

primary(A) ::= INT(T).                   { A = MK(E_INT, T); A->u.ival = T.v.i; }
primary(A) ::= FLOAT(T).                 { A = MK(E_FLOAT, T); A->u.fval = T.v.f; }
primary(A) ::= STRING(T).                { A = mk_str(ctx, &T); }
primary(A) ::= NIL(T).                   { A = MK(E_NIL, T); }
primary(A) ::= TRUE(T).                  { A = MK(E_TRUE, T); }
primary(A) ::= FALSE(T).                 { A = MK(E_FALSE, T); }
primary(A) ::= SELF(T).                  { A = MK(E_SELF, T); }
primary(A) ::= IDENT(T).                 { A = MK(E_NAME, T); A->u.name = T.v.str.s; }
primary(A) ::= SUPER(T) DOT IDENT(N).    { A = MK(E_SUPER, T); A->u.field.name = N.v.str.s; }
primary(A) ::= LPAREN expr(E) RPAREN.    { A = E; }
primary(A) ::= LBRACKET(T) elems(L) RBRACKET. {
  A = gs_node(ctx, E_LIST, T.line, T.col, (L ? L->depth : 0) + 1);
  if (L) A->u.list = gs_nvec_list(L);
}
primary(A) ::= LMAP(T) entries(M) RBRACE. {
  A = gs_node(ctx, E_MAP, T.line, T.col, (M ? M->depth : 0) + 1);
  if (M) { A->u.map.keys = M->keys; A->u.map.values = M->values; A->u.map.count = M->count; }
}
primary(A) ::= FN(K) LPAREN params(P) RPAREN block(B). { A = mk_fn(ctx, E_FN, &K, NULL, P, B, false); }
primary(A) ::= interp(L) ISTR_END(E). {
  if (E.v.str.len) gs_nvec_push(ctx, L, mk_str(ctx, &E));
  A = gs_node(ctx, E_INTERP, L->line, L->col, L->depth + 1);
  A->u.list = gs_nvec_list(L);
}

/* "a${x}b${y}c": ISTR_BEGIN("a") x ISTR_MID("b") y ISTR_END("c"); empty
 * pieces are left out of the parts list */
%type interp {NVec *}
interp(A) ::= ISTR_BEGIN(B) expr(E). {
  A = gs_nvec(ctx);
  A->line = B.line;
  A->col = B.col;
  if (B.v.str.len) gs_nvec_push(ctx, A, mk_str(ctx, &B));
  gs_nvec_push(ctx, A, E);
}
interp(A) ::= interp(L) ISTR_MID(M) expr(E). {
  A = L;
  if (M.v.str.len) gs_nvec_push(ctx, A, mk_str(ctx, &M));
  gs_nvec_push(ctx, A, E);
}

/* ---- argument, element, entry and parameter lists ---------------------- */

%type args {NVec *}
%type arglist {NVec *}
%type arg {Node *}
args(A) ::= .                            { A = NULL; }
args(A) ::= arglist(L).                  { A = L; }
args(A) ::= arglist(L) COMMA.            { A = L; }
arglist(A) ::= arg(E).                   { A = vec_add(ctx, NULL, E); }
arglist(A) ::= arglist(L) COMMA arg(E).  { A = vec_add(ctx, L, E); }
arg(A) ::= expr(E).                      { A = E; }
arg(A) ::= ELLIPSIS(K) expr(E).          { A = mk_op1(ctx, E_SPREAD, &K, E); }

%type elems {NVec *}
elems(A) ::= args(L).                    { A = L; }

%type entries {MVec *}
%type entlist {MVec *}
entries(A) ::= .                         { A = NULL; }
entries(A) ::= entlist(L).               { A = L; }
entries(A) ::= entlist(L) COMMA.         { A = L; }
entlist(A) ::= expr(K) COLON expr(V).    { A = gs_mvec(ctx); gs_mvec_push(ctx, A, K, V); }
entlist(A) ::= entlist(L) COMMA expr(K) COLON expr(V). { A = L; gs_mvec_push(ctx, A, K, V); }

%type params {PVec *}
%type plist {PVec *}
params(A) ::= .                          { A = NULL; }
params(A) ::= plist(L).                  { A = L; }
params(A) ::= plist(L) COMMA.            { A = L; }
plist(A) ::= param(P).                   { A = gs_pvec(ctx); gs_pvec_push(ctx, A, P); }
plist(A) ::= plist(L) COMMA param(P).    { A = L; gs_pvec_push(ctx, A, P); }

%type param {PItem}
param(A) ::= IDENT(N).                   { A.p.name = N.v.str.s; A.p.def = NULL; A.p.line = N.line; A.p.col = N.col; A.rest = false; }
param(A) ::= IDENT(N) ASSIGN expr(E).    { A.p.name = N.v.str.s; A.p.def = E; A.p.line = N.line; A.p.col = N.col; A.rest = false; }
param(A) ::= ELLIPSIS IDENT(N).          { A.p.name = N.v.str.s; A.p.def = NULL; A.p.line = N.line; A.p.col = N.col; A.rest = true; }
