/* test_api_natives.c — natives, modules, userdata, calls in both directions.
 * Covers: gs_register gs_register_module gs_module_set gs_return_nil
 * gs_return_bool gs_return_int gs_return_float gs_return_string
 * gs_return_cstring gs_return_slot gs_error gs_check_argc gs_new_userdata
 * gs_get_userdata gs_register_class gs_call (host and native), and the slot
 * API inside natives (raising errors there). */
#include <stdint.h>
#include "tap.h"

/* ---- plain natives ------------------------------------------------------------ */

static void n_add(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, gs_get_int(vm, 0) + gs_get_int(vm, 1));
}

static void n_describe(gs_vm *vm, int argc) {
  gs_check_argc(vm, "describe", argc, 0, 2);
  char buf[200];
  snprintf(buf, sizeof buf, "%d:%s:%s", argc, argc > 0 ? gs_type_name(vm, 0) : "-", argc > 1 ? gs_type_name(vm, 1) : "-");
  gs_return_cstring(vm, buf);
}

static void n_kinds(gs_vm *vm, int argc) {
  /* returns according to its argument: exercises every gs_return_* */
  const char *k = gs_get_string(vm, 0, NULL);
  if (!strcmp(k, "nil")) gs_return_nil(vm);
  else if (!strcmp(k, "bool")) gs_return_bool(vm, true);
  else if (!strcmp(k, "int")) gs_return_int(vm, -5);
  else if (!strcmp(k, "float")) gs_return_float(vm, 0.25);
  else if (!strcmp(k, "string")) gs_return_string(vm, "a\0b", 3);
  else if (!strcmp(k, "cstring")) gs_return_cstring(vm, "c");
  else if (!strcmp(k, "slot")) gs_return_slot(vm, argc - 1);
  else if (!strcmp(k, "twice")) { gs_return_int(vm, 1); gs_return_int(vm, 2); }
  /* "none": no return: nil */
}

static void n_fail(gs_vm *vm, int argc) {
  (void)argc;
  gs_error(vm, "failed with %d and %s", 42, "text");
}

/* map_sum(list, fn): calls fn(x) for each element from C and sums */
static void n_map_sum(gs_vm *vm, int argc) {
  gs_check_argc(vm, "map_sum", argc, 2, 2);
  gs_ensure_slots(vm, 5);
  int64_t n = gs_list_count(vm, 0), sum = 0;
  for (int64_t i = 0; i < n; i++) {
    gs_copy(vm, 1, 2);
    gs_list_get(vm, 0, i, 3);
    if (gs_call(vm, 2, 1) != GS_OK) {
      /* propagate the script's error with our own message */
      gs_error(vm, "map_sum: callback failed: %s", gs_error_message(vm));
    }
    sum += gs_get_int(vm, 2);
  }
  gs_return_int(vm, sum);
}

/* sets its return value, then calls back into script (which calls natives)
 * before returning: the return value must survive */
static void n_early_return(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_cstring(vm, "early value");
  gs_ensure_slots(vm, 3);
  gs_copy(vm, 0, 1);
  gs_call(vm, 1, 0);       /* fine */
  gs_copy(vm, 0, 1);
  gs_set_int(vm, 2, 1);
  gs_call(vm, 1, 1);       /* fails: wrong arity */
  gs_to_string(vm, 0, 2);
}

/* slot API misuse inside a native raises a script error */
static void n_misuse(gs_vm *vm, int argc) {
  (void)argc;
  const char *what = gs_get_string(vm, 0, NULL);
  if (!strcmp(what, "slot")) gs_get_type(vm, 5);
  else if (!strcmp(what, "int")) gs_get_int(vm, 0);
  else if (!strcmp(what, "list")) gs_list_count(vm, 0);
  else if (!strcmp(what, "argc")) gs_check_argc(vm, "misuse", argc, 3, -1);
  else if (!strcmp(what, "argc2")) gs_check_argc(vm, "misuse", argc, 2, 3);
  gs_return_cstring(vm, "no error");
}

/* ---- a module -------------------------------------------------------------- */

static void m_twice(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_float(vm, gs_get_float(vm, 0) * 2);
}
static void m_hello(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_cstring(vm, "hello");
}
static const gs_reg mod_funcs[] = {
    {"twice", m_twice, 1, "mod.twice(x)\nx doubled."},
    {"hello", m_hello, 0, "mod.hello()\nA greeting."},
    {NULL, NULL, 0, NULL},
};
static const gs_reg mod_more[] = {
    {"add", n_add, 2, "mod.add(a, b)\nThe sum."},
    {NULL, NULL, 0, NULL},
};

/* ---- userdata ---------------------------------------------------------------- */

typedef struct {
  int64_t value;
  int *finalized;
} Counter;

static int finalized_count;
static void counter_finalize(void *data) {
  Counter *c = data;
  (*c->finalized)++;
}

static void c_new(gs_vm *vm, int argc) {
  gs_ensure_slots(vm, argc + 1);
  Counter *c = gs_new_userdata(vm, argc, "counter", sizeof(Counter), counter_finalize);
  c->value = argc > 0 ? gs_get_int(vm, 0) : 0;
  c->finalized = &finalized_count;
  gs_return_slot(vm, argc);
}
static Counter *self_counter(gs_vm *vm) {
  Counter *c = gs_get_userdata(vm, 0, "counter");
  if (!c) gs_error(vm, "expected a counter, got %s", gs_type_name(vm, 0));
  return c;
}
static void c_inc(gs_vm *vm, int argc) {
  Counter *c = self_counter(vm);
  c->value += argc > 1 ? gs_get_int(vm, 1) : 1;
  gs_return_slot(vm, 0);   /* chainable */
}
static void c_get(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, self_counter(vm)->value);
}
static void c_argc(gs_vm *vm, int argc) { gs_return_int(vm, argc); }
static void c_str(gs_vm *vm, int argc) {
  (void)argc;
  char buf[64];
  snprintf(buf, sizeof buf, "Counter(%lld)", (long long)self_counter(vm)->value);
  gs_return_cstring(vm, buf);
}
static const gs_reg counter_methods[] = {
    {"inc", c_inc, -1, "counter.inc(n?)\nAdd n (default 1)."},
    {"get", c_get, 0, "counter.get()\nThe count."},
    {"nargs", c_argc, 2, "counter.nargs(a, b)\nThe number of arguments."},
    {"str", c_str, 0, "counter.str()\nHow it prints."},
    {NULL, NULL, 0, NULL},
};

static int child_gs_error_from_host(void) {
  gs_vm *vm = gs_new(NULL);
  gs_error(vm, "from the host %d", 1);   /* aborts */
  return 0;
}

int main(void) {
  Capture c;
  gs_vm *vm = new_captured_vm(&c);
  gs_register(vm, "add", n_add, 2);
  gs_register(vm, "describe", n_describe, -1);
  gs_register(vm, "kinds", n_kinds, -1);
  gs_register(vm, "fail", n_fail, 0);
  gs_register(vm, "map_sum", n_map_sum, -1);
  gs_register(vm, "early_return", n_early_return, 1);
  gs_register(vm, "misuse", n_misuse, -1);
  gs_register(vm, "new_counter", c_new, -1);
  gs_register_module(vm, "mymod", mod_funcs);
  gs_register_module(vm, "mymod", mod_more);
  gs_ensure_slots(vm, 4);
  gs_set_int(vm, 0, 1234);
  gs_module_set(vm, "mymod", "answer", 0);
  gs_set_cstring(vm, 0, "v1");
  gs_module_set(vm, "newmod", "version", 0);
  gs_register_class(vm, "counter", counter_methods);

  /* gs_register: arity and arguments */
  CHECK(run(vm, "print(add(2, 3), describe(), describe(1, \"x\"))") == GS_OK && strcmp(c.out, "5 0:-:- 2:int:string\n") == 0,
        "gs_register: natives with fixed and any arity (%s)", c.out);
  gs_status st = gs_run_string(vm, "t.gs", "add(1)", 6);
  CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "t.gs:1:1: add() expects 2 arguments, got 1") == 0,
        "the arity is checked before the native runs (%s)", gs_error_message(vm));
  st = gs_run_string(vm, "t.gs", "describe(1, 2, 3)", 17);
  CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "t.gs:1:1: describe() expects 0 to 2 arguments, got 3") == 0,
        "gs_check_argc (%s)", gs_error_message(vm));

  /* every gs_return_* */
  cap_reset(&c);
  CHECK(run(vm,
            "let r = [kinds(\"nil\"), kinds(\"bool\"), kinds(\"int\"), kinds(\"float\"), kinds(\"string\"),\n"
            "         kinds(\"cstring\"), kinds(\"slot\", [1]), kinds(\"none\"), kinds(\"twice\")]\n"
            "print(r, len(r[4]))") == GS_OK &&
            strcmp(c.out, "[nil, true, -5, 0.25, \"a\\0b\", \"c\", [1], nil, 2] 3\n") == 0,
        "gs_return_nil/bool/int/float/string/cstring/slot, none, twice (%s)", c.out);

  /* gs_error */
  st = gs_run_string(vm, "t.gs", "fail()", 6);
  CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "t.gs:1:1: failed with 42 and text") == 0,
        "gs_error raises a formatted message (%s)", gs_error_message(vm));
  cap_reset(&c);
  cap_reset(&c);
  CHECK(run(vm, "try { fail() } catch e { print(type(e), e.message, len(e.trace)) }") == GS_OK &&
            strcmp(c.out, "instance failed with 42 and text 1\n") == 0,
        "a gs_error is catchable, an Error instance with a trace (%s)", c.out);
  {
    int st = in_child(child_gs_error_from_host);
    CHECK(st == 128 + 6, "gs_error from host code aborts (status %d)", st);
  }

  /* misuse inside natives raises catchable errors */
  cap_reset(&c);
  CHECK(run(vm,
            "for w in [\"slot\", \"int\", \"list\", \"argc\", \"argc2\", \"ok\"] {\n"
            "  try { print(misuse(w)) } catch e { print(e.message) }\n"
            "}") == GS_OK &&
            strcmp(c.out,
                   "API slot 5 is out of range (1 slots)\n"
                   "expected an int, got string\n"
                   "expected a list, got string\n"
                   "misuse() expects at least 3 arguments, got 1\n"
                   "misuse() expects 2 to 3 arguments, got 1\n"
                   "no error\n") == 0,
        "slot API misuse in a native raises (%s)", c.out);

  /* modules */
  cap_reset(&c);
  CHECK(run(vm, "print(mymod.twice(2), mymod.hello(), mymod.add(1, 2), mymod.answer, newmod.version, type(mymod))") == GS_OK &&
            strcmp(c.out, "4.0 hello 3 1234 v1 module\n") == 0,
        "gs_register_module (twice adds), gs_module_set (%s)", c.out);
  st = gs_run_string(vm, "t.gs", "mymod.twice()", 13);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "twice() expects 1 argument, got 0"), "module function arity (%s)",
        gs_error_message(vm));

  /* script -> C -> script callbacks, errors through them */
  cap_reset(&c);
  CHECK(run(vm, "print(map_sum([1, 2, 3], fn(x) => x * 10))") == GS_OK && strcmp(c.out, "60\n") == 0,
        "a native calling back into script with gs_call");
  st = gs_run_string(vm, "cb.gs", "map_sum([1, 2], fn(x) { error(\"inner\") })", 41);
  CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "cb.gs:1:1: map_sum: callback failed: cb.gs:1:25: inner") == 0,
        "gs_call inside a native catches the callback's error (%s)", gs_error_message(vm));
  cap_reset(&c);
  CHECK(run(vm, "fn cb(...a) { return add(1, 2) }\nprint(early_return(cb))") == GS_OK && strcmp(c.out, "early value\n") == 0,
        "a return value set before calling back into script survives (%s)", c.out);
  cap_reset(&c);
  CHECK(run(vm,
            "fn bad() { return misuse(\"int\") }\n"
            "print(map_sum([1], fn(x) { try { bad() } catch e { return 5 } }), add(1, 1))") == GS_OK &&
            strcmp(c.out, "5 2\n") == 0,
        "a native's slots survive a caught error in a nested native (%s)", c.out);

  /* gs_call from host code */
  gs_get_global(vm, "add", 0);
  gs_set_int(vm, 1, 40);
  gs_set_int(vm, 2, 2);
  CHECK(gs_call(vm, 0, 2) == GS_OK && gs_get_int(vm, 0) == 42 && gs_get_int(vm, 1) == 40, "gs_call of a native from the host");
  run(vm, "fn greet(name, punct = \"!\") { return \"hi \" + name + punct }\nclass K { fn init(a) { self.a = a } }\n");
  gs_ensure_slots(vm, 6);
  gs_get_global(vm, "greet", 3);
  gs_set_cstring(vm, 4, "bob");
  CHECK(gs_call(vm, 3, 1) == GS_OK && strcmp(gs_get_string(vm, 3, NULL), "hi bob!") == 0, "gs_call of a script function");
  gs_get_global(vm, "K", 3);
  gs_set_int(vm, 4, 8);
  CHECK(gs_call(vm, 3, 1) == GS_OK && gs_get_type(vm, 3) == GS_INSTANCE, "gs_call of a class constructs");
  gs_get_field(vm, 3, "a", 4);
  CHECK(gs_get_int(vm, 4) == 8, "... with init run");
  gs_get_global(vm, "greet", 3);
  st = gs_call(vm, 3, 0);
  CHECK(st == GS_RUNTIME_ERROR && gs_get_type(vm, 3) == GS_INSTANCE &&
            strcmp(gs_error_message(vm), "greet() expects 1 to 2 arguments, got 0") == 0,
        "a failing gs_call: error value in the slot, message recorded (%s)", gs_error_message(vm));
  gs_get_field(vm, 3, "message", 4);
  CHECK(strcmp(gs_get_string(vm, 4, NULL), "greet() expects 1 to 2 arguments, got 0") == 0, "the error value is the Error");
  gs_set_int(vm, 3, 5);
  st = gs_call(vm, 3, 0);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "cannot call int"), "gs_call of an int (%s)", gs_error_message(vm));
  st = gs_call(vm, 3, 10);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "gs_call: slots 3..13 are out of range"),
        "gs_call with too few slots (%s)", gs_error_message(vm));
  st = gs_call(vm, -1, 0);
  CHECK(st == GS_RUNTIME_ERROR, "gs_call of slot -1");
  gs_get_global(vm, "fail", 5);
  st = gs_call(vm, 5, 0);
  CHECK(st == GS_RUNTIME_ERROR && strcmp(gs_error_message(vm), "failed with 42 and text") == 0 && strcmp(gs_error_trace(vm), "") == 0,
        "gs_call of a native that raises: no script frame (%s)", gs_error_message(vm));
  /* a host function called many times: the host's slots do not grow */
  {
    int before = gs_slot_count(vm);
    int ok = 1;
    for (int i = 0; i < 1000; i++) {
      gs_get_global(vm, "add", 0);
      gs_set_int(vm, 1, i);
      gs_set_int(vm, 2, 1);
      ok &= gs_call(vm, 0, 2) == GS_OK && gs_get_int(vm, 0) == i + 1;
    }
    CHECK(ok && gs_slot_count(vm) == before, "1000 calls, slot count unchanged");
  }

  /* gs_return_* in host code: recorded, not raised */
  gs_return_int(vm, 1);
  CHECK(strstr(gs_error_message(vm), "outside a native") != NULL, "gs_return_int from host code records an error");
  gs_return_cstring(vm, "x");
  gs_return_string(vm, "x", 1);
  gs_return_slot(vm, 0);
  gs_return_nil(vm);
  gs_return_bool(vm, true);
  gs_return_float(vm, 1);
  CHECK(strstr(gs_error_message(vm), "outside a native") != NULL, "... all of them");
  gs_check_argc(vm, "host", 1, 2, 2);
  CHECK(strstr(gs_error_message(vm), "host() expects 2 arguments, got 1") != NULL, "gs_check_argc in host code records");

  /* userdata */
  finalized_count = 0;
  cap_reset(&c);
  CHECK(run(vm,
            "let k = new_counter(5)\n"
            "k.inc().inc(10)\n"
            "print(k.get(), type(k), k, k.nargs(1, 2))\n"
            "let bound = k.get\n"
            "print(bound())\n") == GS_OK &&
            strcmp(c.out, "16 userdata Counter(16) 3\n16\n") == 0,
        "userdata: methods (self in slot 0, argc counts it), bound methods (%s)", c.out);
  cap_reset(&c);
  run(vm, "print(str(k))");
  CHECK(strcmp(c.out, "Counter(16)\n") == 0, "a userdata class's str method is used by str()/print (%s)", c.out);
  run(vm, "let plain = new_counter(1)");
  gs_ensure_slots(vm, 1);
  gs_new_userdata(vm, 0, "no-class", 8, NULL);
  gs_to_string(vm, 0, 0);
  CHECK(strcmp(gs_get_string(vm, 0, NULL), "<no-class userdata>") == 0, "without a str method: <TAG userdata>");
  st = gs_run_string(vm, "t.gs", "k.get(1)", 8);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "get() expects 0 arguments, got 1"),
        "method arity excludes self (%s)", gs_error_message(vm));
  st = gs_run_string(vm, "t.gs", "k.nope()", 8);
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "has no field 'nope'"), "unknown method (%s)", gs_error_message(vm));
  gs_get_global(vm, "k", 0);
  Counter *cp = gs_get_userdata(vm, 0, "counter");
  CHECK(cp && cp->value == 16, "gs_get_userdata with the right tag");
  CHECK(gs_get_userdata(vm, 0, NULL) == cp, "gs_get_userdata with NULL accepts any tag");
  CHECK(gs_get_userdata(vm, 0, "other") == NULL, "gs_get_userdata with another tag: NULL");
  gs_set_int(vm, 1, 3);
  CHECK(gs_get_userdata(vm, 1, NULL) == NULL, "gs_get_userdata of an int: NULL");
  CHECK(gs_get_type(vm, 0) == GS_USERDATA && strcmp(gs_type_name(vm, 0), "userdata") == 0, "GS_USERDATA");
  /* userdata made before its class is registered picks the methods up */
  void *blk = gs_new_userdata(vm, 1, "late", 24, NULL);
  CHECK(blk && ((char *)blk)[0] == 0 && ((char *)blk)[23] == 0 && ((uintptr_t)blk % 16) == 0, "a new block is zeroed and aligned");
  gs_set_global(vm, "late_obj", 1);
  static const gs_reg late_methods[] = {{"nargs", c_argc, -1, NULL}, {NULL, NULL, 0, NULL}};
  gs_register_class(vm, "late", late_methods);
  cap_reset(&c);
  CHECK(run(vm, "print(late_obj.nargs(1, 2, 3))") == GS_OK && strcmp(c.out, "4\n") == 0, "methods registered later apply");
  /* finalizers */
  run(vm, "k = nil\nfor i in 0..100 { new_counter(i) }\nfor i in 0..300000 { let g = [i] }\n");
  CHECK(finalized_count >= 50, "finalizers run when userdata becomes garbage (%d of 101)", finalized_count);
  run(vm, "let keep = new_counter(1)");
  int before_free = finalized_count;
  gs_free(vm);
  CHECK(finalized_count >= before_free + 1 && finalized_count == 103, "gs_free runs the remaining finalizers (%d)", finalized_count);

  return tap_done();
}
