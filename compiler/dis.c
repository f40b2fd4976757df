/* dis.c — `gs --dis`: print the bytecode of every function. */
#include <stdio.h>
#include "compile.h"
#include "opcodes.h"

const char *const op_names[] = {
#define X(name) #name,
  OPCODES(X)
#undef X
};

static void print_const(VM *vm, Value v, FILE *out) {
  ObjString *s = vm_repr(vm, v);
  fprintf(out, "%.*s", (int)(s->len > 40 ? 40 : s->len), s->chars);
}

void gs_disassemble(VM *vm, ObjProto *p, FILE *out) {
  fprintf(out, "function %s (%d params%s, %d registers, %d constants, %d upvalues)\n",
          p->name->chars, p->nparams, p->has_rest ? " + rest" : "", p->maxregs, p->nk, p->nupvals);
  for (int i = 0; i < p->ncode; i++) {
    uint32_t ins = p->code[i];
    OpCode op = INS_OP(ins);
    fprintf(out, "  %4d  [%3d]  %-10s", i, p->lines[i], op_names[op]);
    switch (op) {
      case OP_LOADK: case OP_CLASS: case OP_IMPORT:
        fprintf(out, " %d K%d  ; ", INS_A(ins), INS_BX(ins));
        print_const(vm, p->k[INS_BX(ins)], out);
        break;
      case OP_GETMOD: case OP_SETMOD: case OP_GETGLOBAL: case OP_CLOSURE:
        fprintf(out, " %d %d", INS_A(ins), INS_BX(ins));
        if (op == OP_GETGLOBAL && (int)INS_BX(ins) < vm->nglobals) fprintf(out, "  ; %s", vm->global_names[INS_BX(ins)]->chars);
        break;
      case OP_LOADI: fprintf(out, " %d %d", INS_A(ins), INS_SBX(ins)); break;
      case OP_JMP: case OP_FORPREP: case OP_FORLOOP: case OP_ITERNEXT: case OP_ITERNEXT2: case OP_TRY: case OP_TESTARG:
        fprintf(out, " %d -> %d", INS_A(ins), i + 1 + INS_SBX(ins));
        break;
      case OP_GETFIELD: case OP_INVOKE:
        fprintf(out, " %d %d %d  ; ", INS_A(ins), INS_B(ins), INS_C(ins));
        print_const(vm, p->k[INS_C(ins)], out);
        break;
      case OP_SETFIELD: case OP_METHOD: case OP_GETSUPER: case OP_JEQK:
      case OP_JLTK: case OP_JLEK: case OP_JGTK: case OP_JGEK:
        fprintf(out, " %d %d %d  ; ", INS_A(ins), INS_B(ins), INS_C(ins));
        print_const(vm, p->k[INS_B(ins)], out);
        break;
      case OP_ADDI: case OP_SUBI: fprintf(out, " %d %d %d", INS_A(ins), INS_B(ins), (int8_t)INS_C(ins)); break;
      case OP_JLTI: case OP_JLEI: case OP_JGTI: case OP_JGEI:
        fprintf(out, " %d %d %d", INS_A(ins), (int8_t)INS_B(ins), INS_C(ins));
        break;
      case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_DIVK: case OP_IDIVK: case OP_MODK:
      case OP_BANDK: case OP_BORK: case OP_BXORK: case OP_SHLK: case OP_SHRK:
        fprintf(out, " %d %d K%d  ; ", INS_A(ins), INS_B(ins), INS_C(ins));
        print_const(vm, p->k[INS_C(ins)], out);
        break;
      default: fprintf(out, " %d %d %d", INS_A(ins), INS_B(ins), INS_C(ins)); break;
    }
    fputc('\n', out);
  }
  for (int i = 0; i < p->nprotos; i++) {
    fputc('\n', out);
    gs_disassemble(vm, p->protos[i], out);
  }
}
