/* test_api_raise.c — a native raises any value (gs_raise, like lua_error),
 * and re-raises the error a failed gs_call left unchanged: same value (class
 * and fields), same position and traceback. With only gs_error(fmt) a script
 * used to catch "apply: file.gs:2: <MyErr instance>".
 * Covers: gs_raise. */
#include "tap.h"

/* apply(fn, x): fn(x) from C; an error is passed on as it is */
static void n_apply(gs_vm *vm, int argc) {
  (void)argc;
  if (gs_call(vm, 0, 1) != GS_OK) gs_raise(vm, 0);
  gs_return_slot(vm, 0);
}

/* throw_int(n): raises the int n */
static void n_throw_int(gs_vm *vm, int argc) {
  (void)argc;
  gs_raise(vm, 0);
}

/* throw_new(): raises a map it builds */
static void n_throw_new(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 3);
  gs_new_map(vm, 0);
  gs_set_cstring(vm, 1, "code");
  gs_set_int(vm, 2, 42);
  gs_map_set(vm, 0, 1, 2);
  gs_raise(vm, 0);
}

int main(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "apply", n_apply, 2);
  gs_register(vm, "throw_int", n_throw_int, 1);
  gs_register(vm, "throw_new", n_throw_new, 0);
  const char *src =
    "class MyErr { fn init(code) { self.code = code } }\n"
    "fn bad(x) { throw MyErr(x) }\n"
    "try { apply(bad, 7) } catch e { print(type(e), e, e.code) }\n"
    "try { throw_int(5) } catch e { print(e + 1) }\n"
    "try { throw_new() } catch e { print(e[\"code\"]) }\n"
    "try { apply(fn(x) => error(\"plain \" + str(x)), 1) } catch e { print(e.message) }\n";
  gs_status st = gs_run_string(vm, "file.gs", src, strlen(src));
  CHECK(st == GS_OK, "the script runs (%s)", gs_error_message(vm));
  CHECK(strcmp(cap.out, "instance <MyErr instance> 7\n6\n42\nplain 1\n") == 0,
        "script catches the very values: the instance with its class and fields, an int, a map, an Error: %s", cap.out);

  /* uncaught, the re-raised error reports where it first went wrong, once */
  const char *uncaught = "fn bad2(x) {\n  throw MyErr(x)\n}\napply(bad2, 1)\n";
  st = gs_run_string(vm, "up.gs", uncaught, strlen(uncaught));
  CHECK(st == GS_RUNTIME_ERROR, "uncaught: GS_RUNTIME_ERROR");
  CHECK(strncmp(gs_error_message(vm), "up.gs:2:3: ", 11) == 0 && !strstr(gs_error_message(vm), "apply"),
        "the message is the original one, position once: %s", gs_error_message(vm));
  CHECK(strncmp(gs_error_trace(vm), "up.gs:2 in bad2", 15) == 0, "the traceback starts where it was thrown: %s", gs_error_trace(vm));

  /* from host code gs_call leaves the error in its slot, as it was thrown */
  gs_ensure_slots(vm, 2);
  gs_get_global(vm, "bad", 0);
  gs_set_int(vm, 1, 9);
  CHECK(gs_call(vm, 0, 1) == GS_RUNTIME_ERROR && gs_get_type(vm, 0) == GS_INSTANCE, "the error value is in the slot");
  gs_get_field(vm, 0, "code", 1);
  CHECK(gs_get_int(vm, 1) == 9, "with its fields");
  gs_free(vm);
  return tap_done();
}
