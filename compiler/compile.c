/* compile.c — resolves names and generates register bytecode from the AST.
 *
 * One pass per function. Locals live in registers allocated in declaration
 * order; temporaries sit above them (`freereg`). Names resolve to a local
 * register, an upvalue, a module variable slot or a global (builtin) slot;
 * anything else is an error collected in AstErrors, and compilation goes on
 * so every such error is reported at once. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "compile.h"
#include "opcodes.h"

#define MAX_REGS 250
#define MAX_LOCALS 200
#define MAX_UPVALS 256

typedef struct {
  const char *name;
  int reg;
  int depth;
  bool captured;
} Local;

typedef struct {
  const char *name;
  uint8_t from_parent_local;
  uint8_t index;
} Upval;

/* A `try` with a `finally` around the code being compiled: a `return`,
 * `break` or `continue` that leaves it runs the finally block first. */
typedef struct TryScope {
  struct TryScope *outer;
  Node *finalizer;
  int depth;              /* try_depth of its TRY (its handler's level) */
} TryScope;

typedef struct Loop {
  struct Loop *prev;
  int scope_depth;        /* scope depth outside the loop's own scope */
  int try_depth;
  int first_jump;         /* its breaks and continues: fs->jumps[first_jump..] */
  int in_finally;
} Loop;

typedef struct FuncState {
  struct FuncState *parent;
  struct Compiler *C;
  ObjProto *p;
  uint32_t *code; int32_t *lines; uint16_t *cols; int ncode, capcode, caplines, capcols;
  Value *k; int nk, capk;
  Table kindex;               /* constant -> index (ints and strings) */
  ObjProto **protos; int nprotos, capprotos;
  int *jumps; int njumps, capjumps;   /* pending break (pc*2+1) / continue (pc*2) jumps */
  Local *locals; int nlocals;         /* MAX_LOCALS; on the heap, like the whole */
  Upval *upvals; int nupvals;         /* FuncState: nesting costs little C stack */
  int scope_depth;
  int freereg, maxregs;
  Loop *loop;
  int try_depth;
  TryScope *tries;            /* innermost try with a finally, NULL if none */
  int in_finally;             /* compiling a finally block (return is refused) */
  int ncaptured;              /* bumps whenever a local of this function is captured */
  bool is_method;
  bool is_main;               /* the module's top-level function */
  bool class_has_super;
  int line, col;               /* where the code being emitted comes from */
} FuncState;

typedef struct Compiler {
  VM *vm;
  ObjModule *module;
  AstErrors *errs;
  const CompileOptions *opt;
  /* module-level names: which are declared so far (top-level code may only
   * use a module variable after its declaration) */
  Table declared;             /* name -> true */
  Table added;                /* module names this compilation created */
  Table register_lets;        /* top-level lets kept in registers (script_locals) */
  const char *src;            /* the source text, for doc comments (NULL: none) */
  size_t src_len;
  Table in_functions, top_names;
  FuncState *fs;              /* the innermost function being compiled */
  bool too_deep;              /* "nesting too deep" reported: recurse no further */
} Compiler;

/* The compiler's scratch arrays (code being built, constants, jump lists)
 * come from the VM's allocator and belong to a FuncState, freed with it;
 * when an error (out of memory) unwinds the compilation, the chain of
 * FuncStates from C->fs is what gets freed. Grow one to hold one more
 * element; *cap changes only once that succeeded. */
static void *grow(FuncState *fs, void *p, int *cap, size_t elem, int first) {
  int nc = *cap ? *cap * 2 : first;
  p = vm_realloc(fs->C->vm, p, elem * (size_t)*cap, elem * (size_t)nc);
  *cap = nc;
  return p;
}

/* Before each level of recursion: stop at a nesting the C stack we run on
 * cannot take (a fiber's stack may be small), with a compile error. */
static bool deep_enough(FuncState *fs, int line, int col) {
  Compiler *C = fs->C;
  if (!C->too_deep && !vm_cstack_low(C->vm)) return false;
  if (!C->too_deep) ast_error(C->errs, line, col, "nesting too deep");
  C->too_deep = true;
  return true;
}

static void error_at(FuncState *fs, int line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void error_at(FuncState *fs, int line, int col, const char *fmt, ...) {
  char msg[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ast_error(fs->C->errs, line, col, "%s", msg);
}

static ObjString *intern(FuncState *fs, const char *s) { return str_cstr(fs->C->vm, s); }

/* ---- emitting -------------------------------------------------------- */

static int emit(FuncState *fs, uint32_t ins) {
  if (fs->ncode == fs->capcode) fs->code = grow(fs, fs->code, &fs->capcode, sizeof(uint32_t), 64);
  if (fs->ncode == fs->caplines) fs->lines = grow(fs, fs->lines, &fs->caplines, sizeof(int32_t), 64);
  fs->code[fs->ncode] = ins;
  if (fs->ncode == fs->capcols) fs->cols = grow(fs, fs->cols, &fs->capcols, sizeof(uint16_t), 64);
  fs->lines[fs->ncode] = fs->line;
  fs->cols[fs->ncode] = (uint16_t)(fs->col > 65535 ? 65535 : fs->col);
  return fs->ncode++;
}
#define EMIT_ABC(fs, op, a, b, c) emit(fs, MK_ABC(OP_##op, a, b, c))
#define EMIT_ABX(fs, op, a, bx) emit(fs, MK_ABX(OP_##op, a, bx))

static int emit_jump(FuncState *fs) { return emit(fs, MK_ASBX(OP_JMP, 0, 0)); }

static void patch_to(FuncState *fs, int at, int target) {
  int off = target - (at + 1);
  if (off < SBX_MIN || off > SBX_MAX - 1) {
    error_at(fs, fs->line, 1, "function too large (jump out of range)");
    return;
  }
  uint32_t ins = fs->code[at];
  fs->code[at] = MK_ASBX(INS_OP(ins), INS_A(ins), off);
}
static void patch_here(FuncState *fs, int at) { patch_to(fs, at, fs->ncode); }
static void emit_loop_to(FuncState *fs, int target) {
  int j = emit_jump(fs);
  patch_to(fs, j, target);
}

static int add_const(FuncState *fs, Value v) {
  VM *vm = fs->C->vm;
  bool keyed = IS_STRING(v) || IS_INT(v);
  if (keyed) {
    Value *slot = table_find(&fs->kindex, v);
    if (slot) return (int)AS_INT(*slot);
  } else if (IS_FLOAT(v)) {
    for (int i = fs->nk - 1; i >= 0 && i >= fs->nk - 64; i--)
      if (IS_FLOAT(fs->k[i]) && memcmp(&fs->k[i].as.f, &v.as.f, sizeof(double)) == 0) return i;
  }
  if (fs->nk == fs->capk) fs->k = grow(fs, fs->k, &fs->capk, sizeof(Value), 16);
  fs->k[fs->nk] = v;
  if (keyed) table_set(vm, &fs->kindex, v, INT_VAL(fs->nk));
  return fs->nk++;
}

static int str_const(FuncState *fs, const char *s) { return add_const(fs, STR_VAL(intern(fs, s))); }

/* A constant index that must fit an 8-bit operand. */
static int name_const(FuncState *fs, const char *s, int line, int col) {
  int k = str_const(fs, s);
  if (k > 255) { error_at(fs, line, col, "too many constants in one function"); return 0; }
  return k;
}

static int alloc_reg(FuncState *fs, int n) {
  int r = fs->freereg;
  fs->freereg += n;
  if (fs->freereg > MAX_REGS) {
    error_at(fs, fs->line, 1, "function needs too many registers");
    fs->freereg = MAX_REGS - 10;
    r = fs->freereg - n;
    if (r < 0) r = 0;
  }
  if (fs->freereg > fs->maxregs) fs->maxregs = fs->freereg;
  return r;
}

/* ---- scopes and names ---------------------------------------------- */

static void begin_scope(FuncState *fs) { fs->scope_depth++; }

static void end_scope(FuncState *fs) {
  bool captured = false;
  int lowest = fs->freereg;
  while (fs->nlocals > 0 && fs->locals[fs->nlocals - 1].depth == fs->scope_depth) {
    Local *l = &fs->locals[--fs->nlocals];
    if (l->captured) captured = true;
    lowest = l->reg;
  }
  if (captured) EMIT_ABC(fs, CLOSE, lowest, 0, 0);
  fs->scope_depth--;
  fs->freereg = lowest;
}

static bool is_module_scope(FuncState *fs) { return fs->is_main && fs->scope_depth == 0; }

static int add_local(FuncState *fs, const char *name, int reg, int line, int col) {
  for (int i = fs->nlocals - 1; i >= 0 && fs->locals[i].depth == fs->scope_depth; i--) {
    if (strcmp(fs->locals[i].name, name) == 0) {
      error_at(fs, line, col, "variable '%s' is already declared in this block", name);
      break;
    }
  }
  if (fs->nlocals == MAX_LOCALS) {
    error_at(fs, line, col, "too many local variables in one function");
    return reg;
  }
  fs->locals[fs->nlocals++] = (Local){name, reg, fs->scope_depth, false};
  return reg;
}

typedef enum { N_LOCAL, N_UPVAL, N_MODULE, N_GLOBAL, N_NONE } NameKind;

static int find_local(FuncState *fs, const char *name) {
  for (int i = fs->nlocals - 1; i >= 0; i--)
    if (strcmp(fs->locals[i].name, name) == 0) return i;
  return -1;
}

static int add_upval(FuncState *fs, const char *name, bool local, int index) {
  for (int i = 0; i < fs->nupvals; i++)
    if (fs->upvals[i].from_parent_local == local && fs->upvals[i].index == index) return i;
  if (fs->nupvals == 255) {
    error_at(fs, fs->line, 1, "too many captured variables in one function");
    return 0;
  }
  fs->upvals[fs->nupvals] = (Upval){name, (uint8_t)local, (uint8_t)index};
  return fs->nupvals++;
}

static int resolve_upval(FuncState *fs, const char *name) {
  if (!fs->parent) return -1;
  int l = find_local(fs->parent, name);
  if (l >= 0) {
    fs->parent->locals[l].captured = true;
    fs->parent->ncaptured++;
    return add_upval(fs, name, true, fs->parent->locals[l].reg);
  }
  int u = resolve_upval(fs->parent, name);
  if (u >= 0) return add_upval(fs, name, false, u);
  return -1;
}

static NameKind resolve(FuncState *fs, const char *name, int *index) {
  int l = find_local(fs, name);
  if (l >= 0) { *index = fs->locals[l].reg; return N_LOCAL; }
  int u = resolve_upval(fs, name);
  if (u >= 0) { *index = u; return N_UPVAL; }
  VM *vm = fs->C->vm;
  ObjString *s = intern(fs, name);
  Value *slot = table_find_str(&fs->C->module->names, s);
  if (slot) {
    /* top-level code sees a module variable only after its declaration;
     * function bodies see all of them */
    bool top = true;
    for (FuncState *f = fs; f; f = f->parent) if (!f->is_main) top = false;
    if (!top || table_find_str(&fs->C->declared, s)) { *index = (int)AS_INT(*slot); return N_MODULE; }
  }
  Value *g = table_find_str(&vm->global_index, s);
  if (g) { *index = (int)AS_INT(*g); return N_GLOBAL; }
  return N_NONE;
}

static void declare_module_name(FuncState *fs, const char *name) {
  ObjString *s = intern(fs, name);
  table_set(fs->C->vm, &fs->C->declared, STR_VAL(s), BOOL_VAL(true));
}

/* ---- expressions ---------------------------------------------------- */

static void expr_into(FuncState *fs, Node *e, int dest);
static void compile_block(FuncState *fs, Node *block);
static void statement(FuncState *fs, Node *s);
static void leave_tries(FuncState *fs, int to);
static int function(FuncState *fs, FnNode *fn, bool is_method, int line, int col);

/* Evaluate e into some register, preferring not to move locals. */
static int expr_any(FuncState *fs, Node *e) {
  if (e->kind == E_NAME) {
    int l = find_local(fs, e->u.name);
    if (l >= 0) return fs->locals[l].reg;
  } else if (e->kind == E_SELF && fs->is_method) {
    return 0;
  }
  int r = alloc_reg(fs, 1);
  expr_into(fs, e, r);
  return r;
}

static bool is_small_int(Node *e, int lo, int hi) {
  return e->kind == E_INT && e->u.ival >= lo && e->u.ival <= hi;
}

static bool module_slot_ok(FuncState *fs, int slot, int line, int col);

static void load_name(FuncState *fs, Node *e, int dest) {
  int idx;
  switch (resolve(fs, e->u.name, &idx)) {
    case N_LOCAL: if (idx != dest) EMIT_ABC(fs, MOVE, dest, idx, 0); break;
    case N_UPVAL: EMIT_ABC(fs, GETUPVAL, dest, idx, 0); break;
    case N_MODULE: if (module_slot_ok(fs, idx, e->line, e->col)) EMIT_ABX(fs, GETMOD, dest, idx); break;
    case N_GLOBAL: EMIT_ABX(fs, GETGLOBAL, dest, idx); break;
    case N_NONE: error_at(fs, e->line, e->col, "undefined variable '%s'", e->u.name); break;
  }
}

static void load_self(FuncState *fs, Node *e, int dest) {
  int idx;
  NameKind k = N_NONE;
  /* `self` is register 0 of the nearest enclosing method */
  bool in_method = false;
  for (FuncState *f = fs; f; f = f->parent) if (f->is_method) in_method = true;
  if (in_method) k = resolve(fs, "self", &idx);
  if (k == N_LOCAL) { if (idx != dest) EMIT_ABC(fs, MOVE, dest, idx, 0); }
  else if (k == N_UPVAL) EMIT_ABC(fs, GETUPVAL, dest, idx, 0);
  else error_at(fs, e->line, e->col, "'self' used outside a method");
}

static bool super_ok(FuncState *fs, Node *e) {
  FuncState *m = NULL;
  for (FuncState *f = fs; f; f = f->parent) if (f->is_method) { m = f; break; }
  if (!m) { error_at(fs, e->line, e->col, "'super' used outside a method"); return false; }
  if (!m->class_has_super) { error_at(fs, e->line, e->col, "'super' used in a class with no superclass"); return false; }
  return true;
}

static void load_k(FuncState *fs, Value v, int dest) {
  int k = add_const(fs, v);
  if (k > 65535) { error_at(fs, fs->line, 1, "too many constants in one function"); return; }
  EMIT_ABX(fs, LOADK, dest, k);
}

static void load_int(FuncState *fs, int64_t v, int dest) {
  if (v >= SBX_MIN && v <= SBX_MAX - 1) emit(fs, MK_ASBX(OP_LOADI, dest, (int)v));
  else load_k(fs, INT_VAL(v), dest);
}

static bool has_spread(NodeList *l) {
  for (int i = 0; i < l->count; i++) if (l->items[i]->kind == E_SPREAD) return true;
  return false;
}

/* Build a list of call arguments (some spread) in register r. */
static void args_list(FuncState *fs, NodeList *args, int r) {
  EMIT_ABC(fs, NEWLIST, r, 0, 0);
  for (int i = 0; i < args->count; i++) {
    Node *a = args->items[i];
    int save = fs->freereg;
    if (a->kind == E_SPREAD) {
      int v = expr_any(fs, a->u.operand);
      EMIT_ABC(fs, LISTEXTEND, r, v, 0);
    } else {
      int v = expr_any(fs, a);
      EMIT_ABC(fs, LISTAPPEND, r, v, 0);
    }
    fs->freereg = save;
  }
}

/* Lay out arguments in consecutive registers from `first`. */
static int args_regs(FuncState *fs, NodeList *args, int first) {
  for (int i = 0; i < args->count; i++) {
    int r = alloc_reg(fs, 1);
    (void)first;
    expr_into(fs, args->items[i], r);
  }
  if (args->count > 200) error_at(fs, fs->line, 1, "too many arguments in one call");
  return args->count;
}

static void call_expr(FuncState *fs, Node *e, int dest, bool spawn) {
  int save = fs->freereg;
  Node *callee = e->u.call.callee;
  NodeList *args = &e->u.call.args;
  /* call in place when dest is the newest temporary: no MOVE afterwards */
  int base = dest == fs->freereg - 1 ? dest : alloc_reg(fs, 1);
  if (callee->kind == E_FIELD && !spawn && !has_spread(args)) {
    int recv = alloc_reg(fs, 1);
    expr_into(fs, callee->u.field.object, recv);
    int k = name_const(fs, callee->u.field.name, callee->line, callee->col);
    int n = args_regs(fs, args, recv + 1);
    fs->line = e->line; fs->col = e->col;
    EMIT_ABC(fs, INVOKE, base, n, k);
  } else {
    if (callee->kind == E_SUPER) {
      if (super_ok(fs, callee)) {
        int selfr = alloc_reg(fs, 1);
        load_self(fs, callee, selfr);
        EMIT_ABC(fs, GETSUPER, base, name_const(fs, callee->u.field.name, callee->line, callee->col), selfr);
        fs->freereg = base + 1;
      }
    } else {
      expr_into(fs, callee, base);
    }
    if (has_spread(args)) {
      int lr = alloc_reg(fs, 1);
      args_list(fs, args, lr);
      fs->line = e->line; fs->col = e->col;
      if (spawn) EMIT_ABC(fs, SPAWNV, base, lr, 0);
      else EMIT_ABC(fs, CALLV, base, lr, 0);
    } else {
      int n = args_regs(fs, args, base + 1);
      fs->line = e->line; fs->col = e->col;
      if (spawn) EMIT_ABC(fs, SPAWN, base, n, 0);
      else EMIT_ABC(fs, CALL, base, n, 0);
    }
  }
  if (dest != base) EMIT_ABC(fs, MOVE, dest, base, 0);
  fs->freereg = save;
}

/* Compile a condition; returns the jump to patch for "condition is false". */
static int cond_jump_false(FuncState *fs, Node *e) {
  int save = fs->freereg;
  if (e->kind == E_BINARY) {
    int op = e->u.binary.op;
    if (op == A_EQ || op == A_NE || op == A_LT || op == A_LE || op == A_GT || op == A_GE) {
      Node *l = e->u.binary.left, *r = e->u.binary.right;
      if ((op == A_EQ || op == A_NE) && (r->kind == E_STRING || r->kind == E_TRUE || r->kind == E_FALSE || r->kind == E_INT)) {
        Value kv = r->kind == E_STRING ? STR_VAL(str_new(fs->C->vm, r->u.str.chars, r->u.str.len))
                 : r->kind == E_INT ? INT_VAL(r->u.ival) : BOOL_VAL(r->kind == E_TRUE);
        int k = add_const(fs, kv);
        /* the left side is compiled only on the path that uses it: compiled
         * here and again below, a call in it would run twice */
        if (k <= 255) {
          int a = expr_any(fs, l);
          fs->line = e->line; fs->col = e->col;
          /* jump (to the false branch) when the comparison does not hold */
          EMIT_ABC(fs, JEQK, a, k, op == A_EQ ? 0 : 1);
          fs->freereg = save;
          return emit_jump(fs);
        }
      }
      if (op != A_EQ && op != A_NE && is_small_int(r, -128, 127)) {
        int a = expr_any(fs, l);
        fs->line = e->line; fs->col = e->col;
        OpCode jop = op == A_LT ? OP_JLTI : op == A_LE ? OP_JLEI : op == A_GT ? OP_JGTI : OP_JGEI;
        emit(fs, MK_ABC(jop, a, (uint8_t)(int8_t)r->u.ival, 0));
        fs->freereg = save;
        return emit_jump(fs);
      }
      if (op != A_EQ && op != A_NE && (r->kind == E_INT || r->kind == E_FLOAT)) {
        int k = add_const(fs, r->kind == E_INT ? INT_VAL(r->u.ival) : FLOAT_VAL(r->u.fval));
        if (k <= 255) {   /* a number constant: no register to load it into */
          int a = expr_any(fs, l);
          fs->line = e->line; fs->col = e->col;
          OpCode jop = op == A_LT ? OP_JLTK : op == A_LE ? OP_JLEK : op == A_GT ? OP_JGTK : OP_JGEK;
          emit(fs, MK_ABC(jop, a, k, 0));
          fs->freereg = save;
          return emit_jump(fs);
        }
      }
      int a, b;
      if (op == A_GT || op == A_GE) { a = expr_any(fs, l); b = expr_any(fs, r); int t = a; a = b; b = t; }
      else { a = expr_any(fs, l); b = expr_any(fs, r); }
      fs->line = e->line; fs->col = e->col;
      switch (op) {
        case A_EQ: EMIT_ABC(fs, JEQ, a, b, 0); break;
        case A_NE: EMIT_ABC(fs, JEQ, a, b, 1); break;
        case A_LT: case A_GT: EMIT_ABC(fs, JLT, a, b, 0); break;
        default: EMIT_ABC(fs, JLE, a, b, 0); break;
      }
      fs->freereg = save;
      return emit_jump(fs);
    }
  }
  if (e->kind == E_UNARY && e->u.unary.op == A_NOT) {
    int r = expr_any(fs, e->u.unary.operand);
    EMIT_ABC(fs, TEST, r, 0, 1);   /* jump to false branch when operand truthy */
    fs->freereg = save;
    return emit_jump(fs);
  }
  int r = expr_any(fs, e);
  EMIT_ABC(fs, TEST, r, 0, 0);     /* jump when falsy */
  fs->freereg = save;
  return emit_jump(fs);
}

static OpCode arith_op(int op) {
  switch (op) {
    case A_ADD: return OP_ADD; case A_SUB: return OP_SUB; case A_MUL: return OP_MUL;
    case A_DIV: return OP_DIV; case A_IDIV: return OP_IDIV; case A_MOD: return OP_MOD;
    case A_POW: return OP_POW; case A_BAND: return OP_BAND; case A_BOR: return OP_BOR;
    case A_BXOR: return OP_BXOR; case A_SHL: return OP_SHL; case A_SHR: return OP_SHR;
    default: return OP_NOP;
  }
}

static void binary_expr(FuncState *fs, Node *e, int dest) {
  int save = fs->freereg;
  int op = e->u.binary.op;
  Node *l = e->u.binary.left, *r = e->u.binary.right;
  if ((op == A_ADD || op == A_SUB) && is_small_int(r, -127, 127)) {
    int b = expr_any(fs, l);
    fs->line = e->line; fs->col = e->col;
    emit(fs, MK_ABC(op == A_ADD ? OP_ADDI : OP_SUBI, dest, b, (uint8_t)(int8_t)r->u.ival));
    fs->freereg = save;
    return;
  }
  bool bitop = op == A_BAND || op == A_BOR || op == A_BXOR || op == A_SHL || op == A_SHR;
  if (((op == A_ADD || op == A_SUB || op == A_MUL || op == A_DIV || op == A_IDIV || op == A_MOD) &&
       (r->kind == E_INT || r->kind == E_FLOAT)) || (bitop && r->kind == E_INT)) {
    int k = add_const(fs, r->kind == E_INT ? INT_VAL(r->u.ival) : FLOAT_VAL(r->u.fval));
    if (k <= 255) {
      int b = expr_any(fs, l);
      fs->line = e->line; fs->col = e->col;
      static const OpCode kops[] = {[A_ADD] = OP_ADDK, [A_SUB] = OP_SUBK, [A_MUL] = OP_MULK,
                                    [A_DIV] = OP_DIVK, [A_IDIV] = OP_IDIVK, [A_MOD] = OP_MODK,
                                    [A_BAND] = OP_BANDK, [A_BOR] = OP_BORK, [A_BXOR] = OP_BXORK,
                                    [A_SHL] = OP_SHLK, [A_SHR] = OP_SHRK};
      emit(fs, MK_ABC(kops[op], dest, b, k));
      fs->freereg = save;
      return;
    }
  }
  int b = expr_any(fs, l);
  int c = expr_any(fs, r);
  fs->line = e->line; fs->col = e->col;
  switch (op) {
    case A_EQ: EMIT_ABC(fs, EQ, dest, b, c); break;
    case A_NE: EMIT_ABC(fs, NE, dest, b, c); break;
    case A_LT: EMIT_ABC(fs, LT, dest, b, c); break;
    case A_LE: EMIT_ABC(fs, LE, dest, b, c); break;
    case A_GT: EMIT_ABC(fs, LT, dest, c, b); break;
    case A_GE: EMIT_ABC(fs, LE, dest, c, b); break;
    case A_RANGE: EMIT_ABC(fs, RANGE, dest, b, c); break;
    case A_IS: EMIT_ABC(fs, IS, dest, b, c); break;
    default: emit(fs, MK_ABC(arith_op(op), dest, b, c)); break;
  }
  fs->freereg = save;
}

/* A register safe to build into incrementally: dest itself when it is the
 * newest temporary, otherwise a fresh one (dest may be a live local that the
 * expression still reads). */
static int build_reg(FuncState *fs, int dest) {
  return dest == fs->freereg - 1 ? dest : alloc_reg(fs, 1);
}

static void expr_into(FuncState *fs, Node *e, int dest) {
  if (deep_enough(fs, e->line, e->col)) return;
  int save = fs->freereg;
  int line_save = fs->line, col_save = fs->col;
  fs->line = e->line; fs->col = e->col;
  switch (e->kind) {
    case E_NIL: EMIT_ABC(fs, LOADNIL, dest, 0, 0); break;
    case E_TRUE: EMIT_ABC(fs, LOADBOOL, dest, 1, 0); break;
    case E_FALSE: EMIT_ABC(fs, LOADBOOL, dest, 0, 0); break;
    case E_INT: load_int(fs, e->u.ival, dest); break;
    case E_FLOAT: load_k(fs, FLOAT_VAL(e->u.fval), dest); break;
    case E_STRING: load_k(fs, STR_VAL(str_new(fs->C->vm, e->u.str.chars, e->u.str.len)), dest); break;
    case E_NAME: load_name(fs, e, dest); break;
    case E_SELF: load_self(fs, e, dest); break;
    case E_SUPER:
      if (super_ok(fs, e)) {
        int selfr = alloc_reg(fs, 1);
        load_self(fs, e, selfr);
        EMIT_ABC(fs, GETSUPER, dest, name_const(fs, e->u.field.name, e->line, e->col), selfr);
      }
      break;
    case E_INTERP: {
      int n = e->u.list.count;
      int base = alloc_reg(fs, n);
      for (int i = 0; i < n; i++) expr_into(fs, e->u.list.items[i], base + i);
      fs->line = e->line; fs->col = e->col;
      if (n > 255) error_at(fs, e->line, e->col, "too many parts in one interpolated string");
      EMIT_ABC(fs, CONCAT, dest, base, n);
      break;
    }
    case E_LIST: {
      NodeList *l = &e->u.list;
      if (!has_spread(l) && l->count <= 100) {
        int base = alloc_reg(fs, l->count);
        for (int i = 0; i < l->count; i++) expr_into(fs, l->items[i], base + i);
        fs->line = e->line; fs->col = e->col;
        EMIT_ABC(fs, NEWLIST, dest, base, l->count);
      } else {
        int r = build_reg(fs, dest);
        args_list(fs, l, r);
        if (r != dest) EMIT_ABC(fs, MOVE, dest, r, 0);
      }
      break;
    }
    case E_MAP: {
      int n = e->u.map.count;
      if (n <= 60) {
        int base = alloc_reg(fs, n * 2);
        for (int i = 0; i < n; i++) {
          expr_into(fs, e->u.map.keys[i], base + 2 * i);
          expr_into(fs, e->u.map.values[i], base + 2 * i + 1);
        }
        fs->line = e->line; fs->col = e->col;
        EMIT_ABC(fs, NEWMAP, dest, base, n);
      } else {
        int r = build_reg(fs, dest);
        EMIT_ABC(fs, NEWMAP, r, 0, 0);
        for (int i = 0; i < n; i++) {
          int s2 = fs->freereg;
          int k = expr_any(fs, e->u.map.keys[i]);
          int v = expr_any(fs, e->u.map.values[i]);
          EMIT_ABC(fs, SETINDEX, r, k, v);
          fs->freereg = s2;
        }
        if (r != dest) EMIT_ABC(fs, MOVE, dest, r, 0);
      }
      break;
    }
    case E_UNARY: {
      Node *o = e->u.unary.operand;
      if (e->u.unary.op == A_NEG && o->kind == E_INT) { load_int(fs, (int64_t)(0ULL - (uint64_t)o->u.ival), dest); break; }
      if (e->u.unary.op == A_NEG && o->kind == E_FLOAT) { load_k(fs, FLOAT_VAL(-o->u.fval), dest); break; }
      int b = expr_any(fs, o);
      fs->line = e->line; fs->col = e->col;
      if (e->u.unary.op == A_NEG) EMIT_ABC(fs, UNM, dest, b, 0);
      else if (e->u.unary.op == A_BNOT) EMIT_ABC(fs, BNOT, dest, b, 0);
      else EMIT_ABC(fs, NOT, dest, b, 0);
      break;
    }
    case E_BINARY: binary_expr(fs, e, dest); break;
    case E_AND: case E_OR: {
      int r = build_reg(fs, dest);
      expr_into(fs, e->u.binary.left, r);
      EMIT_ABC(fs, TEST, r, 0, e->kind == E_AND ? 0 : 1);  /* short-circuit: keep left */
      int j = emit_jump(fs);
      expr_into(fs, e->u.binary.right, r);
      patch_here(fs, j);
      if (r != dest) EMIT_ABC(fs, MOVE, dest, r, 0);
      break;
    }
    case E_COND: {
      int r = build_reg(fs, dest);
      int jf = cond_jump_false(fs, e->u.if_.cond);
      expr_into(fs, e->u.if_.then, r);
      int jend = emit_jump(fs);
      patch_here(fs, jf);
      expr_into(fs, e->u.if_.else_, r);
      patch_here(fs, jend);
      if (r != dest) EMIT_ABC(fs, MOVE, dest, r, 0);
      break;
    }
    case E_CALL: call_expr(fs, e, dest, false); break;
    case E_INDEX: {
      int b = expr_any(fs, e->u.index.object);
      if (is_small_int(e->u.index.index, 0, 255)) {   /* `pair[0]`: no register for the index */
        fs->line = e->line; fs->col = e->col;
        EMIT_ABC(fs, GETINDEXI, dest, b, (int)e->u.index.index->u.ival);
        break;
      }
      int c = expr_any(fs, e->u.index.index);
      fs->line = e->line; fs->col = e->col;
      EMIT_ABC(fs, GETINDEX, dest, b, c);
      break;
    }
    case E_SLICE: {
      int b = expr_any(fs, e->u.slice.object);
      int lo = alloc_reg(fs, 2);
      if (e->u.slice.lo) expr_into(fs, e->u.slice.lo, lo); else EMIT_ABC(fs, LOADNIL, lo, 0, 0);
      if (e->u.slice.hi) expr_into(fs, e->u.slice.hi, lo + 1); else EMIT_ABC(fs, LOADNIL, lo + 1, 0, 0);
      fs->line = e->line; fs->col = e->col;
      EMIT_ABC(fs, SLICE, dest, b, lo);
      break;
    }
    case E_FIELD: {
      int b = expr_any(fs, e->u.field.object);
      fs->line = e->line; fs->col = e->col;
      EMIT_ABC(fs, GETFIELD, dest, b, name_const(fs, e->u.field.name, e->line, e->col));
      break;
    }
    case E_FN: {
      int idx = function(fs, &e->u.fn, false, e->line, e->col);
      EMIT_ABX(fs, CLOSURE, dest, idx);
      break;
    }
    case E_SPREAD:
      error_at(fs, e->line, e->col, "unexpected '...' outside a call or list");
      break;
    case E_YIELD: {
      int b;
      if (e->u.operand) b = expr_any(fs, e->u.operand);
      else { b = alloc_reg(fs, 1); EMIT_ABC(fs, LOADNIL, b, 0, 0); }
      fs->line = e->line; fs->col = e->col;
      EMIT_ABC(fs, YIELD, dest, b, 0);
      break;
    }
    case E_SPAWN: {
      Node *o = e->u.operand;
      if (o->kind == E_CALL) {
        call_expr(fs, o, dest, true);
      } else {
        FnNode fn = {0};
        fn.name = "<spawn>";
        fn.body = o;
        int base = alloc_reg(fs, 1);
        int idx = function(fs, &fn, false, e->line, e->col);
        EMIT_ABX(fs, CLOSURE, base, idx);
        EMIT_ABC(fs, SPAWN, base, 0, 0);
        if (base != dest) EMIT_ABC(fs, MOVE, dest, base, 0);
      }
      break;
    }
    default:
      error_at(fs, e->line, e->col, "expected an expression");
      break;
  }
  fs->freereg = save;
  fs->line = line_save;
  fs->col = col_save;
}

/* ---- functions ------------------------------------------------------- */

/* A function starts being compiled: it becomes C->fs. */
static FuncState *fs_new(FuncState *parent, Compiler *C, const char *name) {
  FuncState *fs = VM_ALLOC(C->vm, FuncState, 1);
  memset(fs, 0, sizeof *fs);
  fs->parent = parent;
  fs->C = C;
  table_init(&fs->kindex);
  C->fs = fs;
  fs->locals = VM_ALLOC(C->vm, Local, MAX_LOCALS);
  fs->upvals = VM_ALLOC(C->vm, Upval, MAX_UPVALS);
  fs->p = proto_new(C->vm);
  fs->p->module = C->module;
  fs->p->file = C->opt->file ? C->opt->file : C->module->file;
  fs->p->name = str_cstr(C->vm, name ? name : "anonymous");
  return fs;
}

/* Its scratch memory goes, and its parent is compiled again. */
static void fs_free(FuncState *fs) {
  VM *vm = fs->C->vm;
  fs->C->fs = fs->parent;
  VM_FREE(vm, uint32_t, fs->code, fs->capcode);
  VM_FREE(vm, int32_t, fs->lines, fs->caplines);
  VM_FREE(vm, uint16_t, fs->cols, fs->capcols);
  VM_FREE(vm, Value, fs->k, fs->capk);
  VM_FREE(vm, ObjProto *, fs->protos, fs->capprotos);
  VM_FREE(vm, int, fs->jumps, fs->capjumps);
  if (fs->locals) VM_FREE(vm, Local, fs->locals, MAX_LOCALS);
  if (fs->upvals) VM_FREE(vm, Upval, fs->upvals, MAX_UPVALS);
  table_free(vm, &fs->kindex);
  VM_FREE(vm, FuncState, fs, 1);
}

static ObjProto *fs_finish(FuncState *fs) {
  VM *vm = fs->C->vm;
  ObjProto *p = fs->p;
  p->code = vm_realloc(vm, NULL, 0, sizeof(uint32_t) * fs->ncode);
  memcpy(p->code, fs->code, sizeof(uint32_t) * fs->ncode);
  p->lines = vm_realloc(vm, NULL, 0, sizeof(int32_t) * fs->ncode);
  memcpy(p->lines, fs->lines, sizeof(int32_t) * fs->ncode);
  p->cols = vm_realloc(vm, NULL, 0, sizeof(uint16_t) * fs->ncode);
  memcpy(p->cols, fs->cols, sizeof(uint16_t) * fs->ncode);
  p->ncode = fs->ncode;
  p->k = vm_realloc(vm, NULL, 0, sizeof(Value) * fs->nk);
  if (fs->nk) memcpy(p->k, fs->k, sizeof(Value) * fs->nk);
  p->nk = fs->nk;
  p->protos = vm_realloc(vm, NULL, 0, sizeof(ObjProto *) * fs->nprotos);
  if (fs->nprotos) memcpy(p->protos, fs->protos, sizeof(ObjProto *) * fs->nprotos);
  p->nprotos = fs->nprotos;
  p->upvals = vm_realloc(vm, NULL, 0, sizeof(UpvalDesc) * fs->nupvals);
  for (int i = 0; i < fs->nupvals; i++) {
    p->upvals[i].from_parent_local = fs->upvals[i].from_parent_local;
    p->upvals[i].index = fs->upvals[i].index;
  }
  p->nupvals = fs->nupvals;
  p->maxregs = (uint8_t)(fs->maxregs + 1 > 255 ? 255 : fs->maxregs + 1);
  for (int i = 0; i < fs->ncode; i++) {
    OpCode op = INS_OP(fs->code[i]);
    if (op == OP_INVOKE || op == OP_GETFIELD || op == OP_SETFIELD) {
      p->ic = vm_realloc(vm, NULL, 0, sizeof(InlineCache) * fs->ncode);
      memset(p->ic, 0, sizeof(InlineCache) * fs->ncode);
      break;
    }
  }
  fs_free(fs);
  return p;
}

static int add_proto(FuncState *fs, ObjProto *p) {
  if (fs->nprotos == fs->capprotos) fs->protos = grow(fs, fs->protos, &fs->capprotos, sizeof(ObjProto *), 8);
  fs->protos[fs->nprotos] = p;
  if (fs->nprotos > 65535) error_at(fs, fs->line, 1, "too many nested functions");
  return fs->nprotos++;
}

/* help()'s text for a function: its parameter list as written, then for a
 * named function the comment lines (`# ...`) directly above the line of
 * its `fn`, without the `#` and one space. Longer text is cut short. */
typedef struct {
  char b[2048];
  size_t n;
} DocText;

static void doc_add(DocText *d, const char *s, size_t n) {
  if (n > sizeof d->b - d->n) n = sizeof d->b - d->n;
  memcpy(d->b + d->n, s, n);
  d->n += n;
}

static void doc_puts(DocText *d, const char *s) { doc_add(d, s, strlen(s)); }

static void doc_default(DocText *d, const Node *e) {
  char tmp[64];
  switch (e->kind) {
    case E_NIL: doc_puts(d, "nil"); return;
    case E_TRUE: doc_puts(d, "true"); return;
    case E_FALSE: doc_puts(d, "false"); return;
    case E_NAME: doc_puts(d, e->u.name); return;
    case E_INT: snprintf(tmp, sizeof tmp, "%lld", (long long)e->u.ival); doc_puts(d, tmp); return;
    case E_FLOAT: snprintf(tmp, sizeof tmp, "%.14g", e->u.fval); doc_puts(d, tmp); return;
    case E_STRING:
      if (e->u.str.len <= 20 && !memchr(e->u.str.chars, '"', e->u.str.len) &&
          !memchr(e->u.str.chars, '\\', e->u.str.len) && !memchr(e->u.str.chars, '\n', e->u.str.len)) {
        doc_puts(d, "\"");
        doc_add(d, e->u.str.chars, e->u.str.len);
        doc_puts(d, "\"");
        return;
      }
      break;
    default: break;
  }
  doc_puts(d, "\xe2\x80\xa6");   /* an expression: shown as an ellipsis */
}

static ObjString *fn_doc(Compiler *C, FnNode *fn, int line) {
  DocText d;
  d.n = 0;
  doc_puts(&d, "(");
  for (int i = 0; i < fn->nparams; i++) {
    if (i) doc_puts(&d, ", ");
    if (fn->has_rest && i == fn->nparams - 1) doc_puts(&d, "...");
    doc_puts(&d, fn->params[i].name);
    if (fn->params[i].def) {
      doc_puts(&d, " = ");
      doc_default(&d, fn->params[i].def);
    }
  }
  doc_puts(&d, ")");
  if (fn->name && C->src) {
    /* find where line `line` starts, then walk back over comment lines */
    const char *s = C->src, *end = s + C->src_len, *at = s;
    for (int l = 1; l < line && at < end; at++)
      if (*at == '\n') l++;
    const char *first = at;           /* start of the block of comment lines */
    while (first > s) {
      const char *prev = first - 1;   /* the '\n' that ends the line above */
      while (prev > s && prev[-1] != '\n') prev--;
      const char *p = prev;
      while (*p == ' ' || *p == '\t') p++;
      if (*p != '#' || (prev == s && p[1] == '!')) break;
      first = prev;
    }
    for (const char *p = first; p < at;) {
      const char *e = p;
      while (e < at && *e != '\n') e++;
      while (*p == ' ' || *p == '\t') p++;
      p++;                             /* the '#' */
      if (p < e && *p == ' ') p++;
      const char *t = e;
      while (t > p && (t[-1] == '\r' || t[-1] == ' ' || t[-1] == '\t')) t--;
      doc_puts(&d, "\n");
      doc_add(&d, p, (size_t)(t - p));
      p = e + 1;
    }
  }
  return str_new(C->vm, d.b, d.n);
}

static int function(FuncState *parent, FnNode *fn, bool is_method, int line, int col) {
  if (deep_enough(parent, line, col)) return 0;
  FuncState *fs = fs_new(parent, parent->C, fn->name);
  fs->is_method = is_method;
  fs->class_has_super = parent->class_has_super && is_method;
  fs->line = line;
  fs->col = col;
  fs->scope_depth = 1;
  ObjProto *p = fs->p;
  if (is_method) add_local(fs, "self", alloc_reg(fs, 1), line, col);
  for (int i = 0; i < fn->nparams; i++)
    add_local(fs, fn->params[i].name, alloc_reg(fs, 1), fn->params[i].line, fn->params[i].col);
  int nparams = fn->nparams + (is_method ? 1 : 0);
  if (nparams > 200) error_at(fs, line, col, "too many parameters");
  p->nparams = (uint8_t)nparams;
  p->is_method = is_method;
  p->has_rest = fn->has_rest;
  int nreq = is_method ? 1 : 0;
  bool seen_default = false;
  int nfixed = fn->nparams - (fn->has_rest ? 1 : 0);
  for (int i = 0; i < nfixed; i++) {
    Param *pa = &fn->params[i];
    if (pa->def) {
      seen_default = true;
      int reg = i + (is_method ? 1 : 0);
      fs->line = pa->line; fs->col = pa->col;
      int j = emit(fs, MK_ASBX(OP_TESTARG, reg, 0));
      expr_into(fs, pa->def, reg);
      patch_here(fs, j);
    } else if (!seen_default) {
      nreq = i + 1 + (is_method ? 1 : 0);
    } else {
      error_at(fs, pa->line, pa->col, "parameter '%s' without a default follows one with a default", pa->name);
    }
  }
  p->nrequired = (uint8_t)nreq;
  if (fn->expr_body) {
    int r = expr_any(fs, fn->body);
    EMIT_ABC(fs, RETURN, r, 1, 0);
  } else {
    Node *b = fn->body;
    for (int i = 0; i < b->u.list.count; i++) statement(fs, b->u.list.items[i]);
    EMIT_ABC(fs, RETURN, 0, 0, 0);
  }
  ObjProto *done = fs_finish(fs);
  done->doc = fn_doc(parent->C, fn, line);
  return add_proto(parent, done);
}

/* ---- statements ----------------------------------------------------- */

static void store_name(FuncState *fs, const char *name, int line, int col, int src) {
  int idx;
  switch (resolve(fs, name, &idx)) {
    case N_LOCAL: if (idx != src) EMIT_ABC(fs, MOVE, idx, src, 0); break;
    case N_UPVAL: EMIT_ABC(fs, SETUPVAL, src, idx, 0); break;
    case N_MODULE: if (module_slot_ok(fs, idx, line, col)) EMIT_ABX(fs, SETMOD, src, idx); break;
    case N_GLOBAL: error_at(fs, line, col, "cannot assign to builtin '%s'", name); break;
    case N_NONE: error_at(fs, line, col, "undefined variable '%s'", name); break;
  }
}

static int module_slot(FuncState *fs, const char *name) {
  ObjString *s = intern(fs, name);
  Value *v = table_find_str(&fs->C->module->names, s);
  if (v) return (int)AS_INT(*v);
  return module_add_var(fs->C->vm, fs->C->module, s);
}

/* GETMOD/SETMOD address 65 536 module variables */
static bool module_slot_ok(FuncState *fs, int slot, int line, int col) {
  if (slot <= 65535) return true;
  error_at(fs, line, col, "too many module variables (the limit is 65536)");
  return false;
}

/* A top-level `let` of a module variable: its slot (checked before the
 * value is compiled), then the store of register r, which declares it. */
static int let_module_slot(FuncState *fs, const char *name, int line, int col) {
  if (table_find_str(&fs->C->declared, intern(fs, name)) && !fs->C->opt->repl)
    error_at(fs, line, col, "variable '%s' is already declared in this block", name);
  return module_slot(fs, name);
}

static void let_module_store(FuncState *fs, const char *name, int slot, int line, int col, int r) {
  fs->line = line;
  fs->col = col;
  if (module_slot_ok(fs, slot, line, col)) EMIT_ABX(fs, SETMOD, r, slot);
  declare_module_name(fs, name);
}

/* ---- destructuring: `let [a, [b, c], ...rest] = v`, `[x, y] = [y, x]`,
 * `for [k, v] in pairs` ---------------------------------------------- */

enum { BIND_LOCAL, BIND_MODULE, BIND_ASSIGN };

typedef struct {
  int mode;
  int leafbase;   /* BIND_LOCAL: the registers of the names, in order */
  int nleaf;      /* names bound so far */
} Unpack;

static bool is_leaf(Node *e, int mode) {
  return e->kind == E_NAME || (mode == BIND_ASSIGN && (e->kind == E_FIELD || e->kind == E_INDEX));
}

/* Checks a pattern; returns how many names it binds (-1: reported). */
static int pattern_leaves(FuncState *fs, Node *pat, int mode) {
  int n = pat->u.list.count, leaves = 0;
  if (n == 0) { error_at(fs, pat->line, pat->col, "a destructuring pattern needs at least one name"); return -1; }
  if (n > 100) { error_at(fs, pat->line, pat->col, "too many names in one destructuring pattern"); return -1; }
  for (int i = 0; i < n; i++) {
    Node *e = pat->u.list.items[i];
    if (e->kind == E_SPREAD) {
      if (i != n - 1) { error_at(fs, e->line, e->col, "'...' must come last in a destructuring pattern"); return -1; }
      e = e->u.operand;
    } else if (e->kind == E_LIST) {
      int k = pattern_leaves(fs, e, mode);
      if (k < 0) return -1;
      leaves += k;
      continue;
    }
    if (!is_leaf(e, mode)) {
      error_at(fs, e->line, e->col, mode == BIND_ASSIGN ? "invalid assignment target in a destructuring pattern"
                                                        : "expected a name in a destructuring pattern");
      return -1;
    }
    leaves++;
  }
  return leaves;
}

/* Store register r into an assignment target (name, field or index). */
static void store_target(FuncState *fs, Node *t, int r) {
  int save = fs->freereg;
  if (t->kind == E_NAME) {
    store_name(fs, t->u.name, t->line, t->col, r);
  } else if (t->kind == E_FIELD) {
    int obj = expr_any(fs, t->u.field.object);
    fs->line = t->line; fs->col = t->col;
    EMIT_ABC(fs, SETFIELD, obj, name_const(fs, t->u.field.name, t->line, t->col), r);
  } else {
    int obj = expr_any(fs, t->u.index.object);
    int idx = expr_any(fs, t->u.index.index);
    fs->line = t->line; fs->col = t->col;
    EMIT_ABC(fs, SETINDEX, obj, idx, r);
  }
  fs->freereg = save;
}

static void bind_leaf(FuncState *fs, Unpack *u, Node *e, int from) {
  switch (u->mode) {
    case BIND_LOCAL: {
      int r = u->leafbase + u->nleaf;
      if (r != from) EMIT_ABC(fs, MOVE, r, from, 0);
      break;
    }
    case BIND_MODULE: {
      int slot = let_module_slot(fs, e->u.name, e->line, e->col);
      let_module_store(fs, e->u.name, slot, e->line, e->col, from);
      break;
    }
    default: store_target(fs, e, from); break;
  }
  u->nleaf++;
}

/* Unpack the list in register src by the pattern. A level made only of
 * names, bound to locals, is unpacked straight into their registers. */
static void unpack_pattern(FuncState *fs, Unpack *u, Node *pat, int src) {
  int n = pat->u.list.count;
  bool rest = pat->u.list.items[n - 1]->kind == E_SPREAD;
  bool flat = u->mode == BIND_LOCAL;
  for (int i = 0; i < n; i++) if (pat->u.list.items[i]->kind == E_LIST) flat = false;
  int dst = flat ? u->leafbase + u->nleaf : alloc_reg(fs, n);
  fs->line = pat->line; fs->col = pat->col;
  EMIT_ABC(fs, UNPACK, dst, src, (n - rest) | (rest ? 128 : 0));
  for (int i = 0; i < n; i++) {
    Node *e = pat->u.list.items[i];
    if (e->kind == E_SPREAD) e = e->u.operand;
    if (e->kind == E_LIST) unpack_pattern(fs, u, e, dst + i);
    else bind_leaf(fs, u, e, dst + i);
  }
}

/* Add the names of a pattern as locals, at registers from *reg on. */
static void declare_pattern_names(FuncState *fs, Node *pat, int *reg) {
  for (int i = 0; i < pat->u.list.count; i++) {
    Node *e = pat->u.list.items[i];
    if (e->kind == E_SPREAD) e = e->u.operand;
    if (e->kind == E_LIST) declare_pattern_names(fs, e, reg);
    else add_local(fs, e->u.name, (*reg)++, e->line, e->col);
  }
}

/* Unpack the list in register src into new locals at registers base..
 * (base + nleaves); src may be anywhere below the temporaries. */
static void unpack_locals(FuncState *fs, Node *pat, int src, int base, int nleaves) {
  Unpack u = {BIND_LOCAL, base, 0};
  unpack_pattern(fs, &u, pat, src);
  fs->freereg = base + nleaves;
  int r = base;
  declare_pattern_names(fs, pat, &r);
}

static void let_pattern(FuncState *fs, Node *s) {
  Node *pat = s->u.let.pattern;
  bool module = is_module_scope(fs);
  int nleaves = pattern_leaves(fs, pat, module ? BIND_MODULE : BIND_LOCAL);
  if (nleaves < 0) return;
  if (module) {
    int save = fs->freereg;
    int src = alloc_reg(fs, 1);
    expr_into(fs, s->u.let.value, src);
    Unpack u = {BIND_MODULE, 0, 0};
    unpack_pattern(fs, &u, pat, src);
    fs->freereg = save;
    return;
  }
  int base = alloc_reg(fs, nleaves);
  int src = alloc_reg(fs, 1);
  expr_into(fs, s->u.let.value, src);
  unpack_locals(fs, pat, src, base, nleaves);
}

static void let_stmt(FuncState *fs, Node *s) {
  if (s->u.let.pattern) { let_pattern(fs, s); return; }
  const char *name = s->u.let.name;
  if (is_module_scope(fs) && !table_find_str(&fs->C->register_lets, intern(fs, name))) {
    int slot = let_module_slot(fs, name, s->line, s->col);
    int save = fs->freereg;
    int r = alloc_reg(fs, 1);
    if (s->u.let.value) expr_into(fs, s->u.let.value, r); else EMIT_ABC(fs, LOADNIL, r, 0, 0);
    let_module_store(fs, name, slot, s->line, s->col, r);
    fs->freereg = save;
    return;
  }
  int r = alloc_reg(fs, 1);
  if (s->u.let.value) expr_into(fs, s->u.let.value, r); else EMIT_ABC(fs, LOADNIL, r, 0, 0);
  add_local(fs, name, r, s->line, s->col);
}

/* r = r op v, the update of a compound assignment */
static void compound_update(FuncState *fs, Node *s, int r, Node *v) {
  int op = s->u.assign.op;
  if ((op == A_ADD || op == A_SUB) && is_small_int(v, -127, 127)) {
    fs->line = s->line; fs->col = s->col;
    emit(fs, MK_ABC(op == A_ADD ? OP_ADDI : OP_SUBI, r, r, (uint8_t)(int8_t)v->u.ival));
    return;
  }
  int c = expr_any(fs, v);
  fs->line = s->line; fs->col = s->col;
  emit(fs, MK_ABC(arith_op(op), r, r, c));
}

static void assign_stmt(FuncState *fs, Node *s) {
  Node *t = s->u.assign.target, *v = s->u.assign.value;
  int op = s->u.assign.op;
  int save = fs->freereg;
  if (t->kind == E_NAME) {
    int idx;
    NameKind k = resolve(fs, t->u.name, &idx);
    if (k == N_LOCAL) {
      if (op == A_ASSIGN) {
        /* build into a temp when the value might read the variable midway */
        bool direct = v->kind == E_BINARY || v->kind == E_CALL || v->kind == E_INT || v->kind == E_STRING ||
                      v->kind == E_FLOAT || v->kind == E_NAME || v->kind == E_INDEX || v->kind == E_FIELD ||
                      v->kind == E_UNARY || v->kind == E_FN || v->kind == E_NIL || v->kind == E_TRUE || v->kind == E_FALSE ||
                      v->kind == E_YIELD;   /* YIELD reads its operand before it writes */
        if (direct) expr_into(fs, v, idx);
        else { int r = alloc_reg(fs, 1); expr_into(fs, v, r); EMIT_ABC(fs, MOVE, idx, r, 0); }
      } else {
        compound_update(fs, s, idx, v);
      }
    } else {
      int r = alloc_reg(fs, 1);
      if (op == A_ASSIGN) expr_into(fs, v, r);
      else {
        load_name(fs, t, r);
        compound_update(fs, s, r, v);
      }
      store_name(fs, t->u.name, t->line, t->col, r);
    }
  } else if (t->kind == E_FIELD || t->kind == E_INDEX) {
    /* the object (and index) are evaluated once, also for `op=` */
    bool field = t->kind == E_FIELD;
    int obj = expr_any(fs, field ? t->u.field.object : t->u.index.object);
    int key = field ? name_const(fs, t->u.field.name, t->line, t->col) : expr_any(fs, t->u.index.index);
    int r;
    if (op == A_ASSIGN) r = expr_any(fs, v);
    else {
      r = alloc_reg(fs, 1);
      fs->line = s->line; fs->col = s->col;
      emit(fs, MK_ABC(field ? OP_GETFIELD : OP_GETINDEX, r, obj, key));
      compound_update(fs, s, r, v);
    }
    fs->line = s->line; fs->col = s->col;
    emit(fs, MK_ABC(field ? OP_SETFIELD : OP_SETINDEX, obj, key, r));
  } else if (t->kind == E_LIST && pattern_leaves(fs, t, BIND_ASSIGN) >= 0) {
    /* the whole right side first: `[a, b] = [b, a]` swaps */
    int src = expr_any(fs, v);
    Unpack u = {BIND_ASSIGN, 0, 0};
    unpack_pattern(fs, &u, t, src);
  } else if (t->kind != E_LIST) {
    error_at(fs, t->line, t->col, "invalid assignment target");
  }
  fs->freereg = save;
}

static void push_loop(FuncState *fs, Loop *l) {
  memset(l, 0, sizeof *l);
  l->prev = fs->loop;
  l->scope_depth = fs->scope_depth;
  l->try_depth = fs->try_depth;
  l->first_jump = fs->njumps;
  l->in_finally = fs->in_finally;
  fs->loop = l;
}

static void add_jump(FuncState *fs, int j, bool is_break) {
  if (fs->njumps == fs->capjumps) fs->jumps = grow(fs, fs->jumps, &fs->capjumps, sizeof(int), 8);
  fs->jumps[fs->njumps++] = j * 2 + (is_break ? 1 : 0);
}

static void pop_loop(FuncState *fs, int cont_target, int break_target) {
  Loop *l = fs->loop;
  for (int i = l->first_jump; i < fs->njumps; i++)
    patch_to(fs, fs->jumps[i] / 2, fs->jumps[i] % 2 ? break_target : cont_target);
  fs->njumps = l->first_jump;
  fs->loop = l->prev;
}

/* `while c { body }` with the test after the body: JMP test; body; test: if c
 * jump to body. One jump an iteration instead of two (the test's and the
 * JMP back); the backward conditional jump checks for interrupts as JMP
 * does. `while true` needs no test. */
static void while_stmt(FuncState *fs, Node *s) {
  Loop loop;
  bool forever = s->u.while_.cond->kind == E_TRUE;
  int entry = forever ? -1 : emit_jump(fs);
  int body = fs->ncode;
  push_loop(fs, &loop);
  int captured_before = fs->ncaptured;
  int body_base = fs->freereg;
  compile_block(fs, s->u.while_.body);
  int cont = fs->ncode;
  bool captured = fs->ncaptured != captured_before;
  if (captured) EMIT_ABC(fs, CLOSE, body_base, 0, 0);
  if (forever) {
    emit_loop_to(fs, body);
  } else {
    patch_here(fs, entry);
    int j = cond_jump_false(fs, s->u.while_.cond);
    /* the test before the jump does it when its outcome equals its C
     * operand (opcodes.h): the flipped C jumps when the condition holds */
    fs->code[j - 1] ^= (uint32_t)1 << 24;
    patch_to(fs, j, body);
  }
  int brk = fs->ncode;
  if (captured) EMIT_ABC(fs, CLOSE, body_base, 0, 0);
  pop_loop(fs, cont, brk);
}

static void for_stmt(FuncState *fs, Node *s) {
  Node *it = s->u.for_.iter;
  int save = fs->freereg;
  Loop loop;
  begin_scope(fs);
  int captured_before = fs->ncaptured;
  Node *pat = s->u.for_.pat1 ? s->u.for_.pat1 : s->u.for_.pat2;
  bool two = s->u.for_.var2 || s->u.for_.pat2;
  if (it->kind == E_BINARY && it->u.binary.op == A_RANGE && !two && !pat) {
    int base = alloc_reg(fs, 3);
    expr_into(fs, it->u.binary.left, base);
    expr_into(fs, it->u.binary.right, base + 1);
    fs->line = s->line; fs->col = s->col;
    int prep = emit(fs, MK_ASBX(OP_FORPREP, base, 0));
    int body = fs->ncode;
    push_loop(fs, &loop);
    add_local(fs, s->u.for_.var1, base + 2, s->line, s->col);
    compile_block(fs, s->u.for_.body);
    int cont = fs->ncode;
    if (fs->ncaptured != captured_before) EMIT_ABC(fs, CLOSE, base + 2, 0, 0);
    fs->line = s->line; fs->col = s->col;
    int fl = emit(fs, MK_ASBX(OP_FORLOOP, base, 0));
    patch_to(fs, fl, body);
    patch_here(fs, prep);
    int brk = fs->ncode;
    if (fs->ncaptured != captured_before) EMIT_ABC(fs, CLOSE, base + 2, 0, 0);
    pop_loop(fs, cont, brk);
  } else {
    int base = alloc_reg(fs, 4);
    expr_into(fs, it, base);
    fs->line = s->line; fs->col = s->col;
    EMIT_ABC(fs, ITERPREP, base, two ? 1 : 0, 0);
    int next = emit(fs, MK_ASBX(two ? OP_ITERNEXT2 : OP_ITERNEXT, base, 0));
    push_loop(fs, &loop);
    if (s->u.for_.var1) add_local(fs, s->u.for_.var1, base + 2, s->line, s->col);
    if (s->u.for_.var2) add_local(fs, s->u.for_.var2, base + 3, s->u.for_.var2_line, s->u.for_.var2_col);
    int nleaves = pat ? pattern_leaves(fs, pat, BIND_LOCAL) : -1;
    if (nleaves > 0) unpack_locals(fs, pat, s->u.for_.pat1 ? base + 2 : base + 3, alloc_reg(fs, nleaves), nleaves);
    compile_block(fs, s->u.for_.body);
    int cont = fs->ncode;
    if (fs->ncaptured != captured_before) EMIT_ABC(fs, CLOSE, base + 2, 0, 0);
    emit_loop_to(fs, next);
    patch_here(fs, next);
    int brk = fs->ncode;
    if (fs->ncaptured != captured_before) EMIT_ABC(fs, CLOSE, base + 2, 0, 0);
    pop_loop(fs, cont, brk);
  }
  /* the loop's own scope: its locals were closed above */
  while (fs->nlocals > 0 && fs->locals[fs->nlocals - 1].depth == fs->scope_depth) fs->nlocals--;
  fs->scope_depth--;
  fs->freereg = save;
}

static void jump_out(FuncState *fs, Node *s, bool is_break) {
  if (!fs->loop) {
    error_at(fs, s->line, s->col, "'%s' outside a loop", is_break ? "break" : "continue");
    return;
  }
  if (fs->in_finally > fs->loop->in_finally) {
    error_at(fs, s->line, s->col, "'%s' cannot leave a finally block", is_break ? "break" : "continue");
    return;
  }
  leave_tries(fs, fs->loop->try_depth);
  int j = emit_jump(fs);
  add_jump(fs, j, is_break);
}

static void declare_fn(FuncState *fs, Node *s) {
  const char *name = s->u.fn.name;
  if (is_module_scope(fs)) {
    ObjString *str = intern(fs, name);
    if (table_find_str(&fs->C->declared, str) && !fs->C->opt->repl)
      error_at(fs, s->line, s->col, "variable '%s' is already declared in this block", name);
    int slot = module_slot(fs, name);
    declare_module_name(fs, name);
    int save = fs->freereg;
    int r = alloc_reg(fs, 1);
    int idx = function(fs, &s->u.fn, false, s->line, s->col);
    fs->line = s->line; fs->col = s->col;
    EMIT_ABX(fs, CLOSURE, r, idx);
    if (module_slot_ok(fs, slot, s->line, s->col)) EMIT_ABX(fs, SETMOD, r, slot);
    fs->freereg = save;
    return;
  }
  int r = alloc_reg(fs, 1);
  add_local(fs, name, r, s->line, s->col);   /* visible in its own body: recursion */
  int idx = function(fs, &s->u.fn, false, s->line, s->col);
  fs->line = s->line; fs->col = s->col;
  EMIT_ABX(fs, CLOSURE, r, idx);
}

static void class_stmt(FuncState *fs, Node *s) {
  const char *name = s->u.class_.name;
  bool module = is_module_scope(fs);
  int save = fs->freereg;
  int r;
  int slot = -1;
  if (module) {
    ObjString *str = intern(fs, name);
    if (table_find_str(&fs->C->declared, str) && !fs->C->opt->repl)
      error_at(fs, s->line, s->col, "variable '%s' is already declared in this block", name);
    slot = module_slot(fs, name);
    declare_module_name(fs, name);
    r = alloc_reg(fs, 1);
  } else {
    r = alloc_reg(fs, 1);
    add_local(fs, name, r, s->line, s->col);
    save = fs->freereg;
  }
  fs->line = s->line; fs->col = s->col;
  EMIT_ABX(fs, CLASS, r, str_const(fs, name));
  if (module && module_slot_ok(fs, slot, s->line, s->col)) EMIT_ABX(fs, SETMOD, r, slot);
  bool had_super = fs->class_has_super;
  if (s->u.class_.super_name) {
    Node sup = {.kind = E_NAME, .line = s->u.class_.super_line, .col = s->u.class_.super_col};
    sup.u.name = s->u.class_.super_name;
    if (strcmp(sup.u.name, name) == 0) error_at(fs, sup.line, sup.col, "a class cannot inherit from itself");
    int sr = expr_any(fs, &sup);
    fs->line = s->line; fs->col = s->col;
    EMIT_ABC(fs, INHERIT, r, sr, 0);
    fs->class_has_super = true;
  } else {
    fs->class_has_super = false;
  }
  for (int i = 0; i < s->u.class_.nmethods; i++) {
    Node *m = s->u.class_.methods[i];
    int mr = alloc_reg(fs, 1);
    int idx = function(fs, &m->u.fn, !m->u.fn.is_static, m->line, m->col);
    fs->line = m->line; fs->col = m->col;
    EMIT_ABX(fs, CLOSURE, mr, idx);
    EMIT_ABC(fs, METHOD, r, name_const(fs, m->u.fn.name, m->line, m->col), mr);
    fs->freereg = mr;
  }
  fs->class_has_super = had_super;
  fs->freereg = save;
}

static void compile_finally(FuncState *fs, Node *fin) {
  fs->in_finally++;
  compile_block(fs, fin);
  fs->in_finally--;
}

/* Pop the handlers of the try blocks down to depth `to`, running the
 * finally blocks met on the way (innermost first), as a jump or return
 * out of them does. */
static void leave_tries(FuncState *fs, int to) {
  TryScope *saved = fs->tries;
  int depth = fs->try_depth;
  TryScope *t = fs->tries;
  for (int i = depth - 1; i >= to; i--) {
    EMIT_ABC(fs, ENDTRY, 0, 0, 0);
    if (t && t->depth == i) {
      fs->try_depth = i;
      fs->tries = t->outer;
      compile_finally(fs, t->finalizer);
      t = t->outer;
    }
  }
  fs->try_depth = depth;
  fs->tries = saved;
}

/* try/catch: each catch clause in turn tests the error (in a register
 * below its locals) against its type; the first that matches runs with
 * the error in its name. An error no clause takes is thrown on. */
static void try_catch(FuncState *fs, Node *s) {
  int save = fs->freereg;
  int reg = alloc_reg(fs, 1);
  fs->freereg = save;
  int t = emit(fs, MK_ASBX(OP_TRY, reg, 0));
  fs->try_depth++;
  compile_block(fs, s->u.try_.body);
  fs->try_depth--;
  EMIT_ABC(fs, ENDTRY, 0, 0, 0);
  int skip = emit_jump(fs);
  patch_here(fs, t);
  int r = alloc_reg(fs, 1);
  NodeList *cs = &s->u.try_.catches;
  int ends[64], nends = 0;   /* the clauses' jumps to the end */
  if (cs->count > 64) error_at(fs, s->line, s->col, "too many catch clauses (the limit is 64)");
  bool caught_all = false;
  for (int i = 0; i < cs->count && !caught_all; i++) {
    Node *c = cs->items[i];
    int next = -1;
    fs->line = c->line; fs->col = c->col;
    if (c->u.catch_.type) {
      int tr = expr_any(fs, c->u.catch_.type);
      int test = alloc_reg(fs, 1);
      fs->line = c->u.catch_.type->line; fs->col = c->u.catch_.type->col;
      EMIT_ABC(fs, IS, test, r, tr);
      EMIT_ABC(fs, TEST, test, 0, 0);
      next = emit_jump(fs);
      fs->freereg = r + 1;
    } else {
      caught_all = true;
      if (i < cs->count - 1) error_at(fs, c->line, c->col, "a catch without a type must be the last clause");
    }
    begin_scope(fs);
    if (c->u.catch_.name) add_local(fs, c->u.catch_.name, r, c->line, c->col);
    compile_block(fs, c->u.catch_.body);
    end_scope(fs);
    fs->freereg = r + 1;
    if (!caught_all) {
      int j = emit_jump(fs);
      if (nends < 64) ends[nends++] = j;
      patch_here(fs, next);
    }
  }
  if (!caught_all) {
    fs->line = s->line; fs->col = s->col;
    EMIT_ABC(fs, THROW, r, 0, 0);
  }
  for (int i = 0; i < nends; i++) patch_here(fs, ends[i]);
  fs->freereg = save;
  patch_here(fs, skip);
}

/* try/finally (with or without catch): the finally block is compiled on
 * each way out — after the normal end, on the error path (then the error
 * is thrown again) and before each return/break/continue that leaves. */
static void try_stmt(FuncState *fs, Node *s) {
  Node *fin = s->u.try_.finalizer;
  if (!fin) { try_catch(fs, s); return; }
  int save = fs->freereg;
  int reg = alloc_reg(fs, 1);
  fs->freereg = save;
  int t = emit(fs, MK_ASBX(OP_TRY, reg, 0));
  TryScope ts = {fs->tries, fin, fs->try_depth};
  fs->tries = &ts;
  fs->try_depth++;
  if (s->u.try_.catches.count) try_catch(fs, s);
  else compile_block(fs, s->u.try_.body);
  fs->try_depth--;
  fs->tries = ts.outer;
  EMIT_ABC(fs, ENDTRY, 0, 0, 0);
  compile_finally(fs, fin);
  int skip = emit_jump(fs);
  patch_here(fs, t);
  int r = alloc_reg(fs, 1);   /* the pending error, written by the handler */
  compile_finally(fs, fin);
  fs->line = s->line; fs->col = s->col;
  EMIT_ABC(fs, THROW, r, 0, 0);
  fs->freereg = save;
  patch_here(fs, skip);
}

static const char *import_default_name(Compiler *C, const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".gs") == 0) n -= 3;
  ObjString *s = str_new(C->vm, base, n);
  return s->chars;  /* interned: lives while the VM does (GC is paused) */
}

static void statement(FuncState *fs, Node *s) {
  if (deep_enough(fs, s->line, s->col)) return;
  fs->line = s->line; fs->col = s->col;
  int save = fs->freereg;
  switch (s->kind) {
    case S_EXPR: {
      Node *e = s->u.operand;
      int r = alloc_reg(fs, 1);
      expr_into(fs, e, r);
      break;
    }
    case S_LET: let_stmt(fs, s); return;        /* keeps its register */
    case S_ASSIGN: assign_stmt(fs, s); break;
    case S_BLOCK: compile_block(fs, s); break;
    case S_IF: {
      int jf = cond_jump_false(fs, s->u.if_.cond);
      compile_block(fs, s->u.if_.then);
      if (s->u.if_.else_) {
        int jend = emit_jump(fs);
        patch_here(fs, jf);
        if (s->u.if_.else_->kind == S_IF) statement(fs, s->u.if_.else_);
        else compile_block(fs, s->u.if_.else_);
        patch_here(fs, jend);
      } else {
        patch_here(fs, jf);
      }
      break;
    }
    case S_WHILE: while_stmt(fs, s); break;
    case S_FOR: for_stmt(fs, s); break;
    case S_BREAK: jump_out(fs, s, true); break;
    case S_CONTINUE: jump_out(fs, s, false); break;
    case S_RETURN: {
      if (fs->in_finally) {
        error_at(fs, s->line, s->col, "'return' inside a finally block");
        break;
      }
      if (fs->tries) {
        /* the value first, then the finally blocks, then return it */
        int ret_save = fs->freereg;
        int r = alloc_reg(fs, 1);
        if (s->u.operand) expr_into(fs, s->u.operand, r);
        else EMIT_ABC(fs, LOADNIL, r, 0, 0);
        leave_tries(fs, 0);
        fs->line = s->line; fs->col = s->col;
        EMIT_ABC(fs, RETURN, r, 1, 0);
        fs->freereg = ret_save;
        break;
      }
      if (s->u.operand) {
        int r = expr_any(fs, s->u.operand);
        fs->line = s->line; fs->col = s->col;
        EMIT_ABC(fs, RETURN, r, 1, 0);
      } else {
        EMIT_ABC(fs, RETURN, 0, 0, 0);
      }
      break;
    }
    case S_FN: declare_fn(fs, s); if (!is_module_scope(fs)) return; break;
    case S_CLASS: class_stmt(fs, s); if (!is_module_scope(fs)) return; break;
    case S_TRY: try_stmt(fs, s); break;
    case S_THROW: {
      int r = expr_any(fs, s->u.operand);
      fs->line = s->line; fs->col = s->col;
      EMIT_ABC(fs, THROW, r, 0, 0);
      break;
    }
    case S_IMPORT: {
      const char *alias = s->u.import.alias ? s->u.import.alias : import_default_name(fs->C, s->u.import.path);
      int r = alloc_reg(fs, 1);
      EMIT_ABX(fs, IMPORT, r, add_const(fs, STR_VAL(str_new(fs->C->vm, s->u.import.path, s->u.import.path_len))));
      if (is_module_scope(fs)) {
        int slot = module_slot(fs, alias);
        declare_module_name(fs, alias);
        if (module_slot_ok(fs, slot, s->line, s->col)) EMIT_ABX(fs, SETMOD, r, slot);
      } else {
        add_local(fs, alias, r, s->line, s->col);
        return;
      }
      break;
    }
    default: {
      /* an expression node used as a statement */
      int r = alloc_reg(fs, 1);
      expr_into(fs, s, r);
      break;
    }
  }
  fs->freereg = save;
}

static void compile_block(FuncState *fs, Node *block) {
  begin_scope(fs);
  for (int i = 0; i < block->u.list.count; i++) statement(fs, block->u.list.items[i]);
  end_scope(fs);
}

/* ---- top-level variables that can live in registers ------------------- */

/* Record every name used inside a function body (over-approximating: a name
 * shadowed by a local still counts). Bounded by the parser's depth limit. */
static void refs_in_functions(Compiler *C, Node *n, bool in_fn, Table *out) {
  if (!n) return;
  VM *vm = C->vm;
  if (C->too_deep || vm_cstack_low(vm)) {
    if (!C->too_deep) ast_error(C->errs, n->line, n->col, "nesting too deep");
    C->too_deep = true;
    return;
  }
  switch (n->kind) {
    case E_NAME:
      if (in_fn) table_set(vm, out, STR_VAL(str_cstr(vm, n->u.name)), BOOL_VAL(true));
      return;
    case E_INTERP: case E_LIST: case S_BLOCK:
      for (int i = 0; i < n->u.list.count; i++) refs_in_functions(C, n->u.list.items[i], in_fn, out);
      return;
    case E_MAP:
      for (int i = 0; i < n->u.map.count; i++) {
        refs_in_functions(C, n->u.map.keys[i], in_fn, out);
        refs_in_functions(C, n->u.map.values[i], in_fn, out);
      }
      return;
    case E_UNARY: refs_in_functions(C, n->u.unary.operand, in_fn, out); return;
    case E_BINARY: case E_AND: case E_OR:
      refs_in_functions(C, n->u.binary.left, in_fn, out);
      refs_in_functions(C, n->u.binary.right, in_fn, out);
      return;
    case E_CALL:
      refs_in_functions(C, n->u.call.callee, in_fn, out);
      for (int i = 0; i < n->u.call.args.count; i++) refs_in_functions(C, n->u.call.args.items[i], in_fn, out);
      return;
    case E_INDEX:
      refs_in_functions(C, n->u.index.object, in_fn, out);
      refs_in_functions(C, n->u.index.index, in_fn, out);
      return;
    case E_SLICE:
      refs_in_functions(C, n->u.slice.object, in_fn, out);
      refs_in_functions(C, n->u.slice.lo, in_fn, out);
      refs_in_functions(C, n->u.slice.hi, in_fn, out);
      return;
    case E_FIELD: refs_in_functions(C, n->u.field.object, in_fn, out); return;
    case E_FN: case S_FN:
      for (int i = 0; i < n->u.fn.nparams; i++) refs_in_functions(C, n->u.fn.params[i].def, true, out);
      refs_in_functions(C, n->u.fn.body, true, out);
      return;
    case E_SPREAD: case E_YIELD: case S_EXPR: case S_RETURN: case S_THROW:
      refs_in_functions(C, n->u.operand, in_fn, out);
      return;
    case E_SPAWN:
      /* a spawned block is a function body */
      refs_in_functions(C, n->u.operand, in_fn || n->u.operand->kind == S_BLOCK, out);
      return;
    case S_LET: refs_in_functions(C, n->u.let.value, in_fn, out); return;
    case S_ASSIGN:
      refs_in_functions(C, n->u.assign.target, in_fn, out);
      refs_in_functions(C, n->u.assign.value, in_fn, out);
      return;
    case S_IF: case E_COND:
      refs_in_functions(C, n->u.if_.cond, in_fn, out);
      refs_in_functions(C, n->u.if_.then, in_fn, out);
      refs_in_functions(C, n->u.if_.else_, in_fn, out);
      return;
    case S_WHILE:
      refs_in_functions(C, n->u.while_.cond, in_fn, out);
      refs_in_functions(C, n->u.while_.body, in_fn, out);
      return;
    case S_FOR:
      refs_in_functions(C, n->u.for_.iter, in_fn, out);
      refs_in_functions(C, n->u.for_.body, in_fn, out);
      return;
    case S_CLASS:
      for (int i = 0; i < n->u.class_.nmethods; i++) refs_in_functions(C, n->u.class_.methods[i], true, out);
      return;
    case S_TRY:
      refs_in_functions(C, n->u.try_.body, in_fn, out);
      for (int i = 0; i < n->u.try_.catches.count; i++) refs_in_functions(C, n->u.try_.catches.items[i], in_fn, out);
      if (n->u.try_.finalizer) refs_in_functions(C, n->u.try_.finalizer, in_fn, out);
      return;
    case S_CATCH:
      refs_in_functions(C, n->u.catch_.type, in_fn, out);
      refs_in_functions(C, n->u.catch_.body, in_fn, out);
      return;
    default: return;
  }
}

/* The name a top-level statement declares (let, fn, class), or NULL. */
static const char *top_decl_name(Node *s) {
  switch (s->kind) {
    case S_LET: return s->u.let.name;
    case S_FN: return s->u.fn.name;
    case S_CLASS: return s->u.class_.name;
    default: return NULL;
  }
}

/* The names of a top-level destructuring `let` are module variables from
 * the start, like other top-level declarations. */
static void declare_pattern_module_vars(Compiler *C, Node *pat, bool count_only) {
  for (int i = 0; i < pat->u.list.count; i++) {
    Node *e = pat->u.list.items[i];
    if (e->kind == E_SPREAD) e = e->u.operand;
    if (e->kind == E_LIST) { declare_pattern_module_vars(C, e, count_only); continue; }
    if (e->kind != E_NAME) continue;   /* reported when it is compiled */
    Value name = STR_VAL(str_cstr(C->vm, e->u.name));
    if (count_only) {   /* a name declared twice stays a module variable */
      Value *seen = table_find(&C->top_names, name);
      table_set(C->vm, &C->top_names, name, INT_VAL(seen ? AS_INT(*seen) + 1 : 2));
      continue;
    }
    if (table_find(&C->module->names, name)) continue;
    module_add_var(C->vm, C->module, AS_STRING(name));
    table_set(C->vm, &C->added, name, BOOL_VAL(true));
  }
}

/* ---- entry ---------------------------------------------------------- */

/* The module's main function into *out (NULL when errors were reported).
 * Runs protected: everything it allocates is reachable from C. */
typedef struct { Compiler *C; Node *ast; ObjClosure *out; } ModuleJob;

static void compile_module(VM *vm, void *ud) {
  ModuleJob *job = ud;
  Compiler *C = job->C;
  Node *ast = job->ast;
  ObjModule *module = C->module;
  AstErrors *errs = C->errs;
  int before = errs->count, before_total = errs->total;
  /* names already in the module (REPL state) are declared */
  for (uint32_t i = 0; i < module->names.count; i++)
    if (!IS_NIL(table_key(&module->names, i)))
      table_set(vm, &C->declared, table_key(&module->names, i), BOOL_VAL(true));
  if (C->opt->script_locals && !C->opt->repl) refs_in_functions(C, ast, false, &C->in_functions);
  int nregister_lets = 0;
  /* a name declared twice at the top level stays a module variable, where
   * the redeclaration is reported */
  for (int i = 0; i < ast->u.list.count; i++) {
    Node *s = ast->u.list.items[i];
    if (s->kind == S_LET && s->u.let.pattern) declare_pattern_module_vars(C, s->u.let.pattern, true);
    const char *name = top_decl_name(s);
    if (!name) continue;
    Value key = STR_VAL(str_cstr(vm, name));
    Value *seen = table_find(&C->top_names, key);
    table_set(vm, &C->top_names, key, INT_VAL(seen ? AS_INT(*seen) + 1 : 1));
  }
  /* top-level declarations exist from the start, so function bodies can use
   * names declared later in the file */
  for (int i = 0; i < ast->u.list.count; i++) {
    Node *s = ast->u.list.items[i];
    const char *name = NULL;
    if (s->kind == S_LET && s->u.let.pattern) {
      declare_pattern_module_vars(C, s->u.let.pattern, false);
      continue;
    }
    if (s->kind == S_LET && C->opt->script_locals && !C->opt->repl && nregister_lets < 100 &&
        !table_find_str(&C->in_functions, str_cstr(vm, s->u.let.name)) &&
        AS_INT(*table_find_str(&C->top_names, str_cstr(vm, s->u.let.name))) == 1 &&
        !table_find_str(&module->names, str_cstr(vm, s->u.let.name))) {
      table_set(vm, &C->register_lets, STR_VAL(str_cstr(vm, s->u.let.name)), BOOL_VAL(true));
      nregister_lets++;
      continue;
    }
    name = top_decl_name(s);
    if (name && !table_find_str(&module->names, str_cstr(vm, name))) {
      module_add_var(vm, module, str_cstr(vm, name));
      table_set(vm, &C->added, STR_VAL(str_cstr(vm, name)), BOOL_VAL(true));
    }
  }
  FuncState *fs = fs_new(NULL, C, "<script>");
  fs->is_main = true;
  int n = ast->u.list.count;
  for (int i = 0; i < n; i++) {
    Node *s = ast->u.list.items[i];
    if (C->opt->repl && i == n - 1 && s->kind == S_EXPR) {
      int r = alloc_reg(fs, 1);
      fs->line = s->line; fs->col = s->col;
      expr_into(fs, s->u.operand, r);
      EMIT_ABC(fs, RETURN, r, 1, 0);
      continue;
    }
    statement(fs, s);
  }
  EMIT_ABC(fs, RETURN, 0, 0, 0);
  ObjProto *p = fs_finish(fs);
  if (errs->count > before || errs->total > before_total) return;
  job->out = closure_new(vm, p);
}

static ObjClosure *compile_tree(VM *vm, ObjModule *module, Node *ast, const CompileOptions *opt,
                                AstErrors *errs, const char *src, size_t src_len) {
  static const CompileOptions defaults = {0};
  Compiler *C = calloc(1, sizeof *C);   /* outside the protected call: plain memory */
  if (!C) { ast_error(errs, 1, 1, "out of memory"); return NULL; }
  C->vm = vm;
  C->module = module;
  C->errs = errs;
  C->opt = opt ? opt : &defaults;
  C->src = src;
  C->src_len = src_len;
  table_init(&C->declared);
  table_init(&C->added);
  table_init(&C->register_lets);
  table_init(&C->in_functions);
  table_init(&C->top_names);
  ModuleJob job = {C, ast, NULL};
  Value err;
  if (!vm_protect(vm, compile_module, &job, &err)) {
    /* out of memory (the only error compiling raises): a compile error
     * where it happened, and the functions under way are dropped */
    int line = C->fs ? C->fs->line : 1;
    ast_error(errs, line, 1, "%s", vm_error_message(vm, err)->chars);
    while (C->fs) fs_free(C->fs);
    job.out = NULL;
  }
  if (!job.out) {
    /* a failed entry (at the REPL) must not leave its names behind; the
     * slots stay allocated but nothing can name them */
    for (uint32_t i = 0; i < C->added.count; i++)
      if (!IS_NIL(table_key(&C->added, i))) table_remove(&module->names, table_key(&C->added, i));
  }
  table_free(vm, &C->declared);
  table_free(vm, &C->added);
  table_free(vm, &C->register_lets);
  table_free(vm, &C->in_functions);
  table_free(vm, &C->top_names);
  free(C);
  return job.out;
}

ObjClosure *gs_compile(VM *vm, ObjModule *module, Node *ast, const CompileOptions *opt, AstErrors *errs) {
  return compile_tree(vm, module, ast, opt, errs, NULL, 0);
}

ObjClosure *gs_compile_source(VM *vm, ObjModule *module, const char *src, size_t len,
                              const CompileOptions *opt, AstErrors *errs) {
  AstArena arena = {0};
  vm->gc_paused++;
  Node *ast = gs_parse(&arena, src, len, errs);
  ObjClosure *cl = NULL;
  if (ast) cl = compile_tree(vm, module, ast, opt, errs, src, len);
  ast_arena_free(&arena);
  vm->gc_paused--;
  ObjString *file = opt && opt->file ? opt->file : module->file;
  /* REPL inputs share one name, and a huge generated source is not worth
   * a second copy: no excerpts for those */
  if (cl && file && !(opt && opt->repl) && len <= 8u << 20) {
    vm_push(vm, OBJ_VAL(V_CLOSURE, cl));
    vm_remember_source(vm, file, src, len);
    vm_pop(vm);
  }
  return cl;
}
