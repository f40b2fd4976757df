/* test_api_values.c — values across the boundary, from host code.
 * Covers: gs_ensure_slots gs_slot_count gs_get_type gs_type_name gs_get_bool
 * gs_get_int gs_get_float gs_get_string gs_to_string gs_set_nil gs_set_bool
 * gs_set_int gs_set_float gs_set_string gs_set_cstring gs_copy gs_new_list
 * gs_list_count gs_list_get gs_list_set gs_list_push gs_new_map gs_map_count
 * gs_map_get gs_map_set gs_map_remove gs_map_next gs_get_global
 * gs_set_global gs_get_field gs_set_field gs_get_handle gs_set_handle
 * gs_release, and what a host-side misuse does (records, never aborts). */
#include <math.h>
#include <stdint.h>
#include "tap.h"

int main(void) {
  Capture c;
  gs_vm *vm = new_captured_vm(&c);

  /* slots */
  CHECK(gs_slot_count(vm) == 0, "a new VM has no host slots");
  gs_ensure_slots(vm, 4);
  CHECK(gs_slot_count(vm) == 4, "gs_ensure_slots(4) gives 4 slots");
  CHECK(gs_get_type(vm, 3) == GS_NIL, "new slots are nil");
  gs_ensure_slots(vm, 2);
  CHECK(gs_slot_count(vm) == 4, "gs_ensure_slots never shrinks");
  gs_ensure_slots(vm, 16);

  /* scalars */
  gs_set_nil(vm, 0);
  gs_set_bool(vm, 1, true);
  gs_set_int(vm, 2, INT64_MIN);
  gs_set_float(vm, 3, 2.5);
  CHECK(gs_get_type(vm, 0) == GS_NIL && strcmp(gs_type_name(vm, 0), "nil") == 0, "nil");
  CHECK(gs_get_type(vm, 1) == GS_BOOL && gs_get_bool(vm, 1) && strcmp(gs_type_name(vm, 1), "bool") == 0, "bool");
  CHECK(gs_get_type(vm, 2) == GS_INT && gs_get_int(vm, 2) == INT64_MIN, "full 64-bit ints");
  CHECK(gs_get_type(vm, 3) == GS_FLOAT && gs_get_float(vm, 3) == 2.5 && strcmp(gs_type_name(vm, 3), "float") == 0, "float");
  CHECK(gs_get_float(vm, 2) == (double)INT64_MIN, "gs_get_float converts an int");
  gs_set_float(vm, 4, 7.0);
  CHECK(gs_get_int(vm, 4) == 7, "gs_get_int converts an integral float");
  CHECK(!gs_get_bool(vm, 0) && gs_get_bool(vm, 2), "gs_get_bool is truthiness (nil false, 0 true)");
  gs_set_bool(vm, 5, false);
  CHECK(!gs_get_bool(vm, 5), "false");

  /* strings: NUL-safe, copied */
  {
    char buf[] = {'a', '\0', 'b', 'c'};
    gs_set_string(vm, 5, buf, 4);
    buf[0] = 'X';
    size_t len = 0;
    const char *s = gs_get_string(vm, 5, &len);
    CHECK(gs_get_type(vm, 5) == GS_STRING && len == 4 && memcmp(s, "a\0bc", 4) == 0 && s[4] == '\0',
          "gs_set_string copies bytes with NULs; gs_get_string gives length and a terminator");
    gs_set_cstring(vm, 6, "hello");
    CHECK(strcmp(gs_get_string(vm, 6, NULL), "hello") == 0, "gs_set_cstring; len may be NULL");
    gs_set_string(vm, 7, "", 0);
    CHECK(gs_get_string(vm, 7, &len) != NULL && len == 0, "empty string");
    static char long_s[5000];
    memset(long_s, 'z', sizeof long_s - 1);
    gs_set_cstring(vm, 7, long_s);
    CHECK(strlen(gs_get_string(vm, 7, &len)) == 4999 && len == 4999, "long string");
  }

  /* gs_copy, gs_to_string */
  gs_copy(vm, 6, 8);
  CHECK(strcmp(gs_get_string(vm, 8, NULL), "hello") == 0, "gs_copy");
  gs_to_string(vm, 3, 9);
  CHECK(strcmp(gs_get_string(vm, 9, NULL), "2.5") == 0, "gs_to_string of a float");
  gs_to_string(vm, 0, 9);
  CHECK(strcmp(gs_get_string(vm, 9, NULL), "nil") == 0, "gs_to_string of nil");

  /* lists */
  gs_new_list(vm, 10);
  CHECK(gs_get_type(vm, 10) == GS_LIST && gs_list_count(vm, 10) == 0, "gs_new_list");
  for (int i = 0; i < 5; i++) {
    gs_set_int(vm, 11, i * 10);
    gs_list_push(vm, 10, 11);
  }
  gs_list_push(vm, 10, 6);
  CHECK(gs_list_count(vm, 10) == 6, "gs_list_push x6");
  gs_list_get(vm, 10, 2, 11);
  CHECK(gs_get_int(vm, 11) == 20, "gs_list_get");
  gs_list_get(vm, 10, -1, 11);
  CHECK(strcmp(gs_get_string(vm, 11, NULL), "hello") == 0, "gs_list_get with a negative index");
  gs_set_float(vm, 11, 0.5);
  gs_list_set(vm, 10, 0, 11);
  gs_list_set(vm, 10, -2, 11);
  gs_to_string(vm, 10, 12);
  CHECK(strcmp(gs_get_string(vm, 12, NULL), "[0.5, 10, 20, 30, 0.5, \"hello\"]") == 0, "gs_list_set (%s)",
        gs_get_string(vm, 12, NULL));

  /* maps */
  gs_new_map(vm, 10);
  CHECK(gs_get_type(vm, 10) == GS_MAP && gs_map_count(vm, 10) == 0, "gs_new_map");
  const char *keys[] = {"b", "a", "c"};
  for (int i = 0; i < 3; i++) {
    gs_set_cstring(vm, 11, keys[i]);
    gs_set_int(vm, 12, i);
    gs_map_set(vm, 10, 11, 12);
  }
  gs_set_int(vm, 11, 1);
  gs_set_cstring(vm, 12, "one");
  gs_map_set(vm, 10, 11, 12);
  CHECK(gs_map_count(vm, 10) == 4, "gs_map_set x4");
  gs_set_float(vm, 11, 1.0);
  CHECK(gs_map_get(vm, 10, 11, 13) && strcmp(gs_get_string(vm, 13, NULL), "one") == 0, "gs_map_get: 1.0 and 1 are one key");
  gs_set_cstring(vm, 11, "zz");
  gs_set_int(vm, 13, 99);
  CHECK(!gs_map_get(vm, 10, 11, 13) && gs_get_type(vm, 13) == GS_NIL, "gs_map_get of a missing key: false and nil");
  gs_set_nil(vm, 11);
  CHECK(!gs_map_get(vm, 10, 11, 13), "gs_map_get of nil: false");
  CHECK(!gs_map_remove(vm, 10, 11), "gs_map_remove of nil: false");
  gs_set_cstring(vm, 11, "a");
  CHECK(gs_map_remove(vm, 10, 11) && gs_map_count(vm, 10) == 3, "gs_map_remove");
  CHECK(!gs_map_remove(vm, 10, 11), "gs_map_remove again: false");
  {
    char order[64] = "";
    int64_t pos = 0;
    while (gs_map_next(vm, 10, &pos, 11, 12)) {
      gs_to_string(vm, 11, 13);
      gs_to_string(vm, 12, 14);
      strcat(order, gs_get_string(vm, 13, NULL));
      strcat(order, "=");
      strcat(order, gs_get_string(vm, 14, NULL));
      strcat(order, ";");
    }
    CHECK(strcmp(order, "b=0;c=2;1=one;") == 0, "gs_map_next iterates in insertion order, skipping removed keys (%s)", order);
    CHECK(!gs_map_next(vm, 10, &pos, 11, 12), "gs_map_next stays done");
  }
  gs_set_nil(vm, 11);
  gs_map_set(vm, 10, 11, 12);
  CHECK(strstr(gs_error_message(vm), "map key cannot be nil") != NULL, "gs_map_set with a nil key records an error (%s)",
        gs_error_message(vm));
  gs_set_float(vm, 11, NAN);
  gs_map_set(vm, 10, 11, 12);
  CHECK(strstr(gs_error_message(vm), "NaN") != NULL && gs_map_count(vm, 10) == 3, "... and a NaN key");

  /* globals */
  run(vm, "let answer = 42\nfn add(a, b) { return a + b }\nclass P { fn init(x) { self.x = x } }\n");
  CHECK(gs_get_global(vm, "answer", 0) && gs_get_int(vm, 0) == 42, "gs_get_global reads a main-module variable");
  CHECK(gs_get_global(vm, "print", 0) && gs_get_type(vm, 0) == GS_FUNCTION, "gs_get_global reads a builtin");
  CHECK(strcmp(gs_type_name(vm, 0), "function") == 0, "gs_type_name of a function");
  CHECK(gs_get_global(vm, "math", 0) && gs_get_type(vm, 0) == GS_MODULE, "a module");
  gs_set_int(vm, 0, 5);
  CHECK(!gs_get_global(vm, "nope_not_defined", 0) && gs_get_type(vm, 0) == GS_NIL, "gs_get_global of an unknown name: false, nil");
  gs_set_cstring(vm, 0, "from the host");
  gs_set_global(vm, "host_value", 0);
  CHECK(run(vm, "print(host_value)") == GS_OK && strcmp(c.out, "from the host\n") == 0, "gs_set_global defines a global");
  gs_set_int(vm, 0, 7);
  gs_set_global(vm, "host_value", 0);
  cap_reset(&c);
  CHECK(run(vm, "print(host_value)") == GS_OK && strcmp(c.out, "7\n") == 0, "gs_set_global replaces it");

  /* fields */
  run(vm, "let p = P(3)\nlet m = {\"k\": 1}\n");
  gs_get_global(vm, "p", 0);
  CHECK(gs_get_type(vm, 0) == GS_INSTANCE && strcmp(gs_type_name(vm, 0), "instance") == 0, "an instance");
  gs_get_field(vm, 0, "x", 1);
  CHECK(gs_get_int(vm, 1) == 3, "gs_get_field of an instance field");
  gs_set_cstring(vm, 1, "new");
  gs_set_field(vm, 0, "y", 1);
  cap_reset(&c);
  CHECK(run(vm, "print(p.y)") == GS_OK && strcmp(c.out, "new\n") == 0, "gs_set_field on an instance");
  gs_get_global(vm, "m", 0);
  gs_get_field(vm, 0, "k", 1);
  CHECK(gs_get_int(vm, 1) == 1, "gs_get_field of a map key");
  gs_get_field(vm, 0, "missing", 1);
  CHECK(gs_get_type(vm, 1) == GS_NIL, "a missing map key reads nil");
  gs_set_int(vm, 1, 9);
  gs_set_field(vm, 0, "k2", 1);
  gs_get_field(vm, 0, "k2", 2);
  CHECK(gs_get_int(vm, 2) == 9, "gs_set_field on a map");
  gs_get_global(vm, "math", 0);
  gs_get_field(vm, 0, "pi", 1);
  CHECK(fabs(gs_get_float(vm, 1) - 3.14159265358979) < 1e-12, "gs_get_field of a module variable");
  gs_get_field(vm, 0, "floor", 1);
  gs_set_float(vm, 2, 2.7);
  CHECK(gs_call(vm, 1, 1) == GS_OK && gs_get_int(vm, 1) == 2, "a module function read with gs_get_field, called");
  gs_new_list(vm, 0);
  gs_get_field(vm, 0, "push", 1);
  gs_set_int(vm, 2, 11);
  CHECK(gs_call(vm, 1, 1) == GS_OK && gs_list_count(vm, 0) == 1, "a list's push method, bound by gs_get_field");
  gs_get_global(vm, "p", 0);
  gs_set_int(vm, 5, 1);
  gs_get_field(vm, 0, "nope", 5);
  CHECK(gs_get_int(vm, 5) == 1 && strstr(gs_error_message(vm), "P instance has no field 'nope'"),
        "gs_get_field of a missing field records an error, dest unchanged (%s)", gs_error_message(vm));
  gs_set_int(vm, 0, 1);
  gs_set_field(vm, 0, "x", 1);
  CHECK(strstr(gs_error_message(vm), "cannot set field 'x' on int") != NULL, "gs_set_field on an int records an error");
  gs_get_global(vm, "math", 0);
  gs_set_field(vm, 0, "nope", 1);
  CHECK(strstr(gs_error_message(vm), "no variable 'nope'") != NULL, "gs_set_field of an unknown module variable (%s)",
        gs_error_message(vm));
  gs_set_float(vm, 1, 3.0);
  gs_set_field(vm, 0, "pi", 1);
  cap_reset(&c);
  CHECK(run(vm, "print(math.pi)") == GS_OK && strcmp(c.out, "3.0\n") == 0, "gs_set_field of a module variable");

  /* handles: keep values alive across collections, in no slot */
  {
    gs_new_list(vm, 0);
    gs_set_cstring(vm, 1, "kept");
    gs_list_push(vm, 0, 1);
    gs_handle *h = gs_get_handle(vm, 0);
    gs_handle *h2 = gs_get_handle(vm, 1);
    gs_set_nil(vm, 0);
    gs_set_nil(vm, 1);
    run(vm, "for i in 0..200000 { let g = [i, str(i)] }");   /* plenty of garbage: collections */
    gs_set_handle(vm, 2, h);
    CHECK(gs_get_type(vm, 2) == GS_LIST && gs_list_count(vm, 2) == 1, "a handle keeps a list alive");
    gs_list_get(vm, 2, 0, 3);
    CHECK(strcmp(gs_get_string(vm, 3, NULL), "kept") == 0, "... and what it holds");
    gs_set_handle(vm, 4, h2);
    CHECK(strcmp(gs_get_string(vm, 4, NULL), "kept") == 0, "two handles");
    gs_release(vm, h);
    gs_release(vm, h2);
    gs_release(vm, NULL);
    gs_set_handle(vm, 4, NULL);
    CHECK(gs_get_type(vm, 4) == GS_NIL, "gs_set_handle(NULL) gives nil; gs_release(NULL) is harmless");
    gs_handle *many[100];
    for (int i = 0; i < 100; i++) {
      gs_set_int(vm, 0, i);
      many[i] = gs_get_handle(vm, 0);
    }
    for (int i = 0; i < 100; i += 2) gs_release(vm, many[i]);
    int ok = 1;
    for (int i = 1; i < 100; i += 2) {
      gs_set_handle(vm, 0, many[i]);
      ok &= gs_get_int(vm, 0) == i;
    }
    CHECK(ok, "releasing handles in any order");
    for (int i = 1; i < 100; i += 50) gs_release(vm, many[i]);
    /* the rest are freed by gs_free */
  }

  /* types of other values */
  run(vm, "let f = spawn {}\nlet ch = chan()\nlet r = 0..3\nlet k = P\n");
  gs_get_global(vm, "f", 0);
  gs_get_global(vm, "ch", 1);
  gs_get_global(vm, "r", 2);
  gs_get_global(vm, "k", 3);
  CHECK(gs_get_type(vm, 0) == GS_FIBER && gs_get_type(vm, 1) == GS_CHANNEL && gs_get_type(vm, 2) == GS_RANGE &&
            gs_get_type(vm, 3) == GS_CLASS,
        "fiber, channel, range, class types");
  CHECK(strcmp(gs_type_name(vm, 0), "fiber") == 0 && strcmp(gs_type_name(vm, 2), "range") == 0, "their names");
  gs_run_fibers(vm);

  /* misuse from host code: recorded, a neutral result, no abort */
  {
    int n = gs_slot_count(vm);
    CHECK(gs_get_type(vm, n) == GS_NIL && strstr(gs_error_message(vm), "out of range"),
          "a slot out of range records an error (%s)", gs_error_message(vm));
    CHECK(gs_get_type(vm, -1) == GS_NIL, "negative slot");
    gs_set_cstring(vm, 0, "text");
    CHECK(gs_get_int(vm, 0) == 0 && strcmp(gs_error_message(vm), "expected an int, got string") == 0,
          "gs_get_int of a string: 0 and a message (%s)", gs_error_message(vm));
    gs_set_float(vm, 1, 1.5);
    CHECK(gs_get_int(vm, 1) == 0 && strstr(gs_error_message(vm), "expected an int"), "gs_get_int of 1.5");
    CHECK(gs_get_float(vm, 0) == 0.0 && strstr(gs_error_message(vm), "expected a number, got string"), "gs_get_float of a string");
    size_t len = 77;
    CHECK(gs_get_string(vm, 1, &len) == NULL && len == 0 && strstr(gs_error_message(vm), "expected a string, got float"),
          "gs_get_string of a float: NULL");
    CHECK(gs_list_count(vm, 0) == 0 && strstr(gs_error_message(vm), "expected a list, got string"), "gs_list_count of a string");
    CHECK(gs_map_count(vm, 0) == 0 && strstr(gs_error_message(vm), "expected a map, got string"), "gs_map_count of a string");
    gs_new_list(vm, 2);
    gs_set_int(vm, 3, 5);
    gs_list_get(vm, 2, 0, 3);
    CHECK(gs_get_int(vm, 3) == 5 && strstr(gs_error_message(vm), "index out of range"), "gs_list_get out of range: dest unchanged");
    gs_list_set(vm, 2, 3, 3);
    CHECK(strstr(gs_error_message(vm), "index out of range") != NULL, "gs_list_set out of range");
    gs_list_push(vm, 0, 3);
    CHECK(strstr(gs_error_message(vm), "expected a list") != NULL, "gs_list_push on a string");
    int64_t pos = 0;
    CHECK(!gs_map_next(vm, 2, &pos, 3, 4) && strstr(gs_error_message(vm), "expected a map"), "gs_map_next on a list");
    CHECK(!gs_map_get(vm, 2, 0, 3) && !gs_map_remove(vm, 2, 0), "gs_map_get/remove on a list: false");
    gs_ensure_slots(vm, -1);
    CHECK(strstr(gs_error_message(vm), "negative") != NULL, "gs_ensure_slots(-1)");
    gs_ensure_slots(vm, 2000000000);
    CHECK(strstr(gs_error_message(vm), "stack overflow") != NULL && gs_slot_count(vm) == n, "gs_ensure_slots(huge): stack overflow");
    gs_copy(vm, 0, n + 5);
    CHECK(strstr(gs_error_message(vm), "out of range") != NULL, "gs_copy out of range");
    gs_set_int(vm, n + 1, 1);
    gs_set_nil(vm, n + 1);
    gs_set_bool(vm, n + 1, 1);
    gs_set_float(vm, n + 1, 1);
    gs_set_cstring(vm, n + 1, "x");
    gs_new_list(vm, n + 1);
    gs_new_map(vm, n + 1);
    gs_to_string(vm, 0, n + 1);
    gs_get_global(vm, "print", n + 1);
    CHECK(gs_slot_count(vm) == n && strstr(gs_error_message(vm), "out of range"), "setters out of range do nothing");
    gs_set_handle(vm, n + 1, NULL);
    CHECK(gs_get_handle(vm, n + 2) == NULL, "gs_get_handle out of range: NULL");
    CHECK(gs_get_bool(vm, n + 3) == false && strcmp(gs_type_name(vm, n + 3), "nil") == 0, "gs_get_bool/gs_type_name out of range");
  }

  /* str() of an instance runs its str() method */
  run(vm, "class S { fn str() { return \"<S!>\" } }\nlet s = S()\nclass Bad { fn str() { return 1 } }\nlet b = Bad()");
  gs_get_global(vm, "s", 0);
  gs_to_string(vm, 0, 1);
  CHECK(strcmp(gs_get_string(vm, 1, NULL), "<S!>") == 0, "gs_to_string calls str()");
  gs_get_global(vm, "b", 0);
  gs_set_int(vm, 1, 0);
  gs_to_string(vm, 0, 1);
  CHECK(gs_get_int(vm, 1) == 0 && strstr(gs_error_message(vm), "str() must return a string"),
        "a failing str(): recorded, dest unchanged (%s)", gs_error_message(vm));

  gs_free(vm);
  return tap_done();
}
