/* opcodes.h — the register bytecode.
 *
 * An instruction is 32 bits: op(8) A(8) B(8) C(8), or op(8) A(8) Bx(16).
 * sBx is Bx biased by 32767 (jump offsets, small ints). R[x] is register x of
 * the current frame, K[x] constant x of the current function. */
#ifndef GS_OPCODES_H
#define GS_OPCODES_H

#include <stdint.h>

#define OPCODES(X) \
  X(MOVE)       /* R[A] = R[B] */ \
  X(LOADK)      /* R[A] = K[Bx] */ \
  X(LOADI)      /* R[A] = sBx */ \
  X(LOADNIL)    /* R[A..A+B] = nil */ \
  X(LOADBOOL)   /* R[A] = (bool)B */ \
  X(GETUPVAL)   /* R[A] = Up[B] */ \
  X(SETUPVAL)   /* Up[B] = R[A] */ \
  X(GETMOD)     /* R[A] = module var Bx */ \
  X(SETMOD)     /* module var Bx = R[A] */ \
  X(GETGLOBAL)  /* R[A] = builtin/global Bx */ \
  X(NEWLIST)    /* R[A] = [R[B] .. R[B+C-1]] */ \
  X(NEWMAP)     /* R[A] = {R[B]: R[B+1], ...} with C pairs */ \
  X(LISTAPPEND) /* R[A].push(R[B]) */ \
  X(LISTEXTEND) /* R[A].push(...R[B]) */ \
  X(GETINDEX)   /* R[A] = R[B][R[C]] */ \
  X(GETINDEXI)  /* R[A] = R[B][C] (C a constant index 0..255) */ \
  X(SETINDEX)   /* R[A][R[B]] = R[C] */ \
  X(GETFIELD)   /* R[A] = R[B].K[C] */ \
  X(SETFIELD)   /* R[A].K[B] = R[C] */ \
  X(SLICE)      /* R[A] = R[B][R[C] : R[C+1]] */ \
  X(ADD) X(SUB) X(MUL) X(DIV) X(IDIV) X(MOD) X(POW) \
  X(BAND) X(BOR) X(BXOR) X(SHL) X(SHR) /* R[A] = R[B] op R[C] */ \
  X(ADDI)       /* R[A] = R[B] + (int8)C */ \
  X(SUBI)       /* R[A] = R[B] - (int8)C (its own op: errors and operators say "subtract") */ \
  X(ADDK) X(SUBK) X(MULK) X(DIVK) X(IDIVK) X(MODK) /* R[A] = R[B] op K[C] */ \
  X(BANDK) X(BORK) X(BXORK) X(SHLK) X(SHRK) /* R[A] = R[B] op K[C] (K an int) */ \
  X(UNM) X(BNOT) X(NOT) /* R[A] = op R[B] */ \
  X(EQ) X(NE) X(LT) X(LE) /* R[A] = R[B] op R[C] */ \
  X(JEQ) X(JLT) X(JLE)  /* if (R[A] op R[B]) == C then do the next JMP else skip it */ \
  X(JEQK)       /* if (R[A] == K[B]) == C then do the next JMP else skip it */ \
  X(JLTI) X(JLEI) X(JGTI) X(JGEI) /* if (R[A] op (int8)B) == C then do the next JMP else skip it */ \
  X(JLTK) X(JLEK) X(JGTK) X(JGEK) /* if (R[A] op K[B]) == C then do the next JMP else skip it (K a number) */ \
  X(TEST)       /* if truthy(R[A]) == C then do the next JMP else skip it */ \
  X(JMP)        /* pc += sBx */ \
  X(CALL)       /* R[A] = R[A](R[A+1] .. R[A+B]) */ \
  X(CALLV)      /* R[A] = R[A](...R[B]) (arguments from a list) */ \
  X(INVOKE)     /* R[A] = R[A+1].K[C](R[A+2] .. R[A+1+B]) */ \
  X(RETURN)     /* return R[A] (B=1) or nil (B=0) */ \
  X(CLOSURE)    /* R[A] = closure of nested proto Bx */ \
  X(CLOSE)      /* close upvalues >= R[A] */ \
  X(FORPREP)    /* R[A]=start R[A+1]=end; if empty pc += sBx */ \
  X(FORLOOP)    /* R[A]++; if R[A] < R[A+1] { R[A+2] = R[A]; pc += sBx } */ \
  X(ITERPREP)   /* R[A] = iterable, R[A+1] = state; checks iterability */ \
  X(ITERNEXT)   /* advance: R[A+2] = next; if done pc += sBx */ \
  X(ITERNEXT2)  /* advance: R[A+2], R[A+3] = index/key, value; if done pc += sBx */ \
  X(CLASS)      /* R[A] = new class named K[Bx] */ \
  X(INHERIT)    /* R[A] inherits from R[B] (error if not a class) */ \
  X(METHOD)     /* R[A].methods[K[B]] = R[C] */ \
  X(GETSUPER)   /* R[A] = super.K[B] bound to R[0] */ \
  X(TRY)        /* push handler: catch at pc + sBx, value into R[A] */ \
  X(ENDTRY)     /* pop handler */ \
  X(THROW)      /* throw R[A] */ \
  X(CONCAT)     /* R[A] = str(R[B]) .. str(R[B+C-1]) */ \
  X(RANGE)      /* R[A] = R[B]..R[C] */ \
  X(TESTARG)    /* if argument A was passed, pc += sBx */ \
  X(SPAWN)      /* R[A] = spawn R[A](R[A+1] .. R[A+B]) */ \
  X(SPAWNV)     /* R[A] = spawn R[A](...R[B]) */ \
  X(YIELD)      /* R[A] = yield R[B] */ \
  X(IMPORT)     /* R[A] = module at path K[Bx] */ \
  X(IS)         /* R[A] = R[B] is an instance of class R[C] (or of a subclass) */ \
  X(UNPACK)     /* R[A..A+n) = the n items of list R[B] (n = C & 127); C & 128: R[A+n] = the rest */ \
  X(NOP)

typedef enum {
#define X(name) OP_##name,
  OPCODES(X)
#undef X
  OP__COUNT
} OpCode;

extern const char *const op_names[];

#define INS_OP(i)   ((OpCode)((i) & 0xff))
#define INS_A(i)    (((i) >> 8) & 0xff)
#define INS_B(i)    (((i) >> 16) & 0xff)
#define INS_C(i)    (((i) >> 24) & 0xff)
#define INS_BX(i)   ((i) >> 16)
#define INS_SBX(i)  ((int)((i) >> 16) - 32767)
#define SBX_MAX     32768
#define SBX_MIN     (-32767)

#define MK_ABC(op, a, b, c) ((uint32_t)(op) | ((uint32_t)(a) << 8) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 24))
#define MK_ABX(op, a, bx)   ((uint32_t)(op) | ((uint32_t)(a) << 8) | ((uint32_t)(bx) << 16))
#define MK_ASBX(op, a, s)   MK_ABX(op, a, (uint32_t)((s) + 32767))

#endif
