/* minimal.c — the smallest useful GreenScript host.
 *
 * Registers a native function, runs a script that calls it, calls a script
 * function from C, and shows what an error looks like.
 *
 *   cc -Iinclude examples/embed/minimal.c build/libgs.a -luv -lpcre2-8 -lm -o minimal
 *   ./minimal            # or: ./minimal script.gs  (run a file instead)
 */
#include <stdio.h>
#include <string.h>
#include "gs.h"

/* greet(name, times = 1): "Hello, NAME!" (repeated). Arguments arrive in
 * slots 0..argc-1; the result goes out with gs_return_*. Errors raised here
 * (wrong type: gs_get_string raises) become script errors. */
static void greet(gs_vm *vm, int argc) {
  gs_check_argc(vm, "greet", argc, 1, 2);
  size_t len;
  const char *name = gs_get_string(vm, 0, &len);
  int64_t times = argc > 1 ? gs_get_int(vm, 1) : 1;
  if (times < 1 || times > 10) gs_error(vm, "greet: times must be 1..10, got %lld", (long long)times);
  char buf[1024] = "";
  for (int64_t i = 0; i < times; i++) {
    size_t used = strlen(buf);
    snprintf(buf + used, sizeof buf - used, "%sHello, %.*s!", i ? " " : "", (int)len, name);
  }
  gs_return_cstring(vm, buf);
}

static const char *script =
    "print(greet(\"world\"))\n"
    "print(greet(\"fiber\", 2))\n"
    "fn area(w, h) { return w * h }\n"
    "try { greet(42) } catch e { print(\"caught:\", e.message) }\n";

int main(int argc, char **argv) {
  gs_vm *vm = gs_new(NULL);   /* defaults: print goes to stdout */
  if (!vm) return 1;
  gs_register(vm, "greet", greet, -1);   /* -1: any argument count */

  gs_status st = argc > 1 ? gs_run_file(vm, argv[1]) : gs_run_string(vm, "minimal.gs", script, strlen(script));
  if (st == GS_OK) st = gs_run_fibers(vm);   /* anything the script spawned */
  if (st != GS_OK) {
    fprintf(stderr, "error: %s\n%s\n", gs_error_message(vm), gs_error_trace(vm));
    gs_free(vm);
    return 1;
  }
  if (argc > 1) {
    gs_free(vm);
    return 0;
  }

  /* Call area(6, 7) from C: function in slot 0, arguments after it; the
   * result replaces slot 0. */
  gs_ensure_slots(vm, 3);
  gs_get_global(vm, "area", 0);
  gs_set_int(vm, 1, 6);
  gs_set_int(vm, 2, 7);
  if (gs_call(vm, 0, 2) == GS_OK) printf("area(6, 7) = %lld\n", (long long)gs_get_int(vm, 0));

  /* An error from a call: status, message and traceback. */
  gs_get_global(vm, "area", 0);
  gs_set_cstring(vm, 1, "six");
  if (gs_call(vm, 0, 2) != GS_OK) printf("area(\"six\", 7) failed: %s [at %s]\n", gs_error_message(vm), gs_error_trace(vm));

  gs_free(vm);
  return 0;
}
