/* test_api_namespace.c — a host may use any name outside the gs_ API: this
 * one defines class_new, arg_count and alloc_init (names the VM uses inside)
 * with its own meanings, links libgs.a, and both sides keep their own. */
#include "tap.h"

static int host_calls;

/* The host's own functions: different signatures from the VM's namesakes,
 * so a call that crossed over would misbehave, not pass by luck. */
const char *class_new(const char *name) { host_calls++; return name; }
int arg_count(int a, int b) { host_calls++; return a + b; }
void alloc_init(void) { host_calls++; }

int main(void) {
  Capture c;
  gs_vm *vm = new_captured_vm(&c);
  CHECK(vm != NULL, "gs_new works beside the host's alloc_init");
  CHECK(host_calls == 0, "creating a VM calls none of the host's functions");
  CHECK(run(vm, "class P { fn init(x) { self.x = x } }\n"
                "print(P(3).x, len([1, 2]))\n") == GS_OK,
        "a script that makes a class and checks arguments runs");
  CHECK(strcmp(c.out, "3 2\n") == 0, "its output is right: '%s'", c.out);
  CHECK(host_calls == 0, "the VM called none of the host's functions (%d)", host_calls);
  alloc_init();
  CHECK(arg_count(2, 3) == 5 && strcmp(class_new("k"), "k") == 0 && host_calls == 3,
        "the host's own class_new, arg_count and alloc_init are the ones it calls");
  gs_free(vm);
  return tap_done();
}
