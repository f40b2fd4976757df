/* What the gs command (cli/, over gs.h alone) needs: running a whole
 * program with its errors reported, a bytecode listing, REPL entries with
 * their value, and the error report itself. */
#include "tap.h"

static gs_status program(gs_vm *vm, const char *src) {
  return gs_run_program(vm, "prog.gs", src, strlen(src));
}

static void test_program(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  CHECK(program(vm, "spawn { print(\"fiber\") }\nprint(\"main\")\n") == GS_OK, "a program runs");
  CHECK(strcmp(cap.out, "main\nfiber\n") == 0, "then its fibers, to the end: [%s]", cap.out);
  gs_free(vm);

  vm = new_captured_vm(&cap);
  CHECK(program(vm, "fn f() {\n  error(\"boom\")\n}\nf()\n") == GS_RUNTIME_ERROR, "an uncaught error");
  CHECK(strcmp(cap.err, "prog.gs:2:3: boom\n    2 |   error(\"boom\")\n      |   ^\n"
                        "traceback:\n  prog.gs:2 in f\n  prog.gs:4 in <script>\n") == 0,
        "is reported as gs shows it: [%s]", cap.err);
  gs_free(vm);

  vm = new_captured_vm(&cap);
  CHECK(program(vm, "spawn { error(\"x\") }\nsleep(0.01)\nprint(\"after\")\n") == GS_RUNTIME_ERROR, "a fiber nobody joined failed");
  CHECK(strstr(cap.err, "error in fiber 1: prog.gs:1:9: x") && strstr(cap.out, "after"), "reported, and the program went on: [%s]", cap.err);
  gs_free(vm);

  vm = new_captured_vm(&cap);
  CHECK(program(vm, "let x = ") == GS_COMPILE_ERROR && strcmp(cap.err, "prog.gs:1:9: unexpected end of input after '='; expected an expression\n"
                                                                     "    1 | let x = \n      |         ^\n") == 0,
        "compile errors: [%s]", cap.err);
  gs_free(vm);

  vm = new_captured_vm(&cap);
  CHECK(program(vm, "spawn { chan().send(1) }\n") == GS_DEADLOCK && strstr(cap.err, "deadlock: 1 fiber blocked"),
        "a deadlock: [%s]", cap.err);
  gs_free(vm);

  /* a program's top-level lets that no function uses live in registers */
  vm = new_captured_vm(&cap);
  gs_ensure_slots(vm, 1);
  program(vm, "let hidden = 1\nlet seen = 2\nfn f() { return seen }\n");
  CHECK(!gs_get_global(vm, "hidden", 0) && gs_get_global(vm, "seen", 0), "top-level lets in registers, unless a function uses them");
  gs_free(vm);
}

static void test_disassemble(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  CHECK(gs_disassemble_source(vm, "d.gs", "print(\"hi\")", 11) == GS_OK, "gs_disassemble_source");
  CHECK(strstr(cap.out, "GETGLOBAL") && strstr(cap.out, "CALL") && !strstr(cap.out, "hi\n"),
        "writes the listing where print writes, runs nothing: [%s]", cap.out);
  CHECK(gs_disassemble_source(vm, "d.gs", "let = 1", 7) == GS_COMPILE_ERROR && strstr(gs_error_message(vm), "d.gs:1:5"),
        "compile errors recorded: %s", gs_error_message(vm));
  gs_free(vm);
}

static gs_status entry(gs_vm *vm, const char *src) {
  return gs_run_repl(vm, "<repl>", src, strlen(src), 0);
}

static void test_repl(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_ensure_slots(vm, 1);
  CHECK(entry(vm, "1 + 2") == GS_OK && gs_get_type(vm, 0) == GS_INT && gs_get_int(vm, 0) == 3, "an expression's value goes to dest");
  CHECK(entry(vm, "let a = 1") == GS_OK && gs_get_type(vm, 0) == GS_NIL, "a statement: nil");
  CHECK(entry(vm, "let a = 2") == GS_OK, "a top-level let may declare a name again");
  CHECK(entry(vm, "print(\"x\")\na * 10") == GS_OK && gs_get_int(vm, 0) == 20 && strcmp(cap.out, "x\n") == 0,
        "the last statement's value; the state persists");
  CHECK(entry(vm, "fn f() {") == GS_INCOMPLETE && strstr(gs_error_message(vm), "<repl>:1:"), "an open block: GS_INCOMPLETE, and why: %s", gs_error_message(vm));
  CHECK(entry(vm, "let s = \"abc") == GS_INCOMPLETE && entry(vm, "1 +") == GS_INCOMPLETE, "an open string, a trailing operator");
  CHECK(entry(vm, "fn f() {\n  return 7\n}\nf()") == GS_OK && gs_get_int(vm, 0) == 7, "the complete entry runs");
  CHECK(entry(vm, "1 +* 2") == GS_COMPILE_ERROR, "a real syntax error");
  CHECK(entry(vm, "nosuch()") == GS_COMPILE_ERROR, "an undefined name");
  cap_reset(&cap);
  CHECK(entry(vm, "error(\"bad\")") == GS_RUNTIME_ERROR, "a runtime error");
  gs_report_error(vm);
  CHECK(strcmp(cap.err, "<repl>:1:1: bad\ntraceback:\n  <repl>:1 in <script>\n") == 0, "gs_report_error: [%s]", cap.err);
  CHECK(gs_run_repl(vm, "<repl>", "1", 1, 5) == GS_RUNTIME_ERROR, "a dest out of range is refused");
  CHECK(gs_run_repl(vm, "<repl>", "spawn { print(\"later\") }\n2", 26, -1) == GS_OK && !strstr(cap.out, "later"),
        "dest -1; spawned fibers wait");
  CHECK(gs_run_ready(vm) == 0 && strstr(cap.out, "later"), "for gs_run_ready");
  cap_reset(&cap);
  CHECK(entry(vm, "let x = ") == GS_INCOMPLETE, "given up on");
  gs_report_error(vm);
  CHECK(strcmp(cap.err, "<repl>:1:9: unexpected end of input after '='; expected an expression\n") == 0,
        "the report says why: [%s]", cap.err);
  gs_free(vm);
}

/* what gs_run_ready reports, as the REPL prompt relies on */
static void test_slice_reports(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  CHECK(gs_run_string(vm, "s.gs", "spawn { error(\"late\") }", 23) == GS_OK, "a fiber that will fail");
  gs_run_ready(vm);
  CHECK(strstr(cap.err, "error in fiber 1: s.gs:1:9: late") != NULL, "gs_run_ready reports it at the end of the slice: [%s]", cap.err);
  gs_free(vm);
}

int main(void) {
  test_program();
  test_disassemble();
  test_repl();
  test_slice_reports();
  return tap_done();
}
