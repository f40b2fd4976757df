/* test_api_repl.c — what a host embedding a REPL gets from the library:
 * gs_complete (tab completion that never runs script), gs_help (help()'s
 * text, for host natives too through gs_reg's doc) and gs_show (results
 * colored and shortened). */
#include <sys/stat.h>
#include <unistd.h>
#include "tap.h"

static Capture cap;

/* The candidates of gs_complete joined with spaces ("" when none). */
static const char *complete(gs_vm *vm, const char *line, size_t *start) {
  static char joined[8192];
  gs_ensure_slots(vm, 3);
  int n = gs_complete(vm, line, strlen(line), start, 0);
  joined[0] = 0;
  for (int i = 0; i < n; i++) {
    gs_list_get(vm, 0, i, 1);
    if (i) strcat(joined, " ");
    if (strlen(joined) + 200 < sizeof joined) strcat(joined, gs_get_string(vm, 1, NULL));
  }
  return joined;
}

static void greet(gs_vm *vm, int argc) { (void)argc; gs_return_cstring(vm, "hi"); }

static const gs_reg geo_funcs[] = {
  {"area", greet, 2, "geo.area(w, h)\nThe area of a w by h rectangle."},
  {"perimeter", greet, 2, "Twice the sum of the sides."},
  {"volume", greet, 3, NULL},
  {NULL, NULL, 0, NULL},
};

static const char *help_of(gs_vm *vm, const char *expr) {
  static char text[8192];
  gs_ensure_slots(vm, 3);
  if (expr) {
    char src[256];
    snprintf(src, sizeof src, "__h = %s", expr);
    if (run(vm, src) != GS_OK) return "";
    gs_get_global(vm, "__h", 1);
    gs_help(vm, 1, 2);
  } else {
    gs_help(vm, -1, 2);
  }
  snprintf(text, sizeof text, "%s", gs_get_string(vm, 2, NULL));
  return text;
}

static const char *show(gs_vm *vm, const char *expr, int flags, size_t max) {
  static char text[8192];
  char src[256];
  snprintf(src, sizeof src, "__s = %s", expr);
  if (run(vm, src) != GS_OK) return "";
  gs_ensure_slots(vm, 3);
  gs_get_global(vm, "__s", 1);
  if (!gs_show(vm, 1, 2, flags, max)) return gs_error_message(vm);
  snprintf(text, sizeof text, "%s", gs_get_string(vm, 2, NULL));
  return text;
}

int main(void) {
  gs_vm *vm = new_captured_vm(&cap);
  gs_register_module(vm, "geo", geo_funcs);
  run(vm, "let __h = nil\nlet __s = nil");
  size_t start = 99;

  /* names: globals, keywords, what earlier chunks declared */
  CHECK(strcmp(complete(vm, "pri", &start), "print") == 0 && start == 0, "pri -> print");
  CHECK(strcmp(complete(vm, "let x = wh", &start), "while") == 0 && start == 8, "keywords complete");
  run(vm, "let counter_total = 1\nfn counter_reset() { counter_total = 0 }\nclass Point { fn init(x, y) { self.x = x; self.y = y } fn dist(o) { return 0 } }");
  CHECK(strcmp(complete(vm, "counter_", &start), "counter_reset counter_total") == 0, "names declared by earlier chunks, sorted");
  CHECK(strstr(complete(vm, "", &start), "assert") != NULL, "an empty word offers everything");

  /* members */
  CHECK(strcmp(complete(vm, "math.fl", &start), "floor") == 0 && start == 5, "math.fl -> floor (start after the dot)");
  CHECK(strcmp(complete(vm, "x = geo.", &start), "area perimeter volume") == 0, "members of a host module");
  run(vm, "let xs = [1, 2, 3]\nlet p = Point(1, 2)\nlet m = {\"alpha\": 1, \"two words\": 2}\nlet nest = {\"inner\": p}");
  CHECK(strcmp(complete(vm, "xs.ma", &start), "map max") == 0, "xs.ma -> map max");
  CHECK(strcmp(complete(vm, "\"s\".st", &start), "starts_with strip") == 0, "\"s\".st -> starts_with strip");
  CHECK(strcmp(complete(vm, "'s'.tr", &start), "trim") == 0, "single-quoted literal");
  CHECK(strcmp(complete(vm, "[1, 2].re", &start), "reduce remove reverse") == 0, "list literal");
  CHECK(strcmp(complete(vm, "{}.ke", &start), "keys") == 0, "map literal");
  CHECK(strcmp(complete(vm, "p.", &start), "dist init x y") == 0, "fields and methods of an instance");
  CHECK(strcmp(complete(vm, "m.al", &start), "alpha") == 0, "map keys usable after a dot");
  CHECK(strstr(complete(vm, "m.", &start), "two words") == NULL, "map keys that are not names are left out");
  CHECK(strcmp(complete(vm, "nest.inner.d", &start), "dist") == 0, "a chain of fields");
  CHECK(strcmp(complete(vm, "(1..3).li", &start), "") == 0, "nothing after a parenthesis (could be a call)");
  CHECK(strcmp(complete(vm, "xs[0].", &start), "") == 0, "nothing after an index");
  CHECK(strcmp(complete(vm, "nosuch.", &start), "") == 0, "nothing for an unknown name");
  CHECK(strcmp(complete(vm, "print(\"pri", &start), "") == 0, "nothing inside a string");
  CHECK(strcmp(complete(vm, "1 # pri", &start), "") == 0, "nothing inside a comment");
  CHECK(strcmp(complete(vm, "xs.map(fn(v) => v).fi", &start), "") == 0, "nothing after a call");
  CHECK(strcmp(complete(vm, "pri", &start), "print") == 0 && start == 0, "cursor at the end");
  gs_ensure_slots(vm, 1);
  CHECK(gs_complete(vm, "math.flXYZ", 7, &start, 0) == 1, "only the text before the cursor counts");

  /* every keyword of the lexer (tests run from the repository root) */
  FILE *lex = fopen("compiler/lexer.re", "r");
  int keywords = 0, missing = 0;
  char row[512], word[64];
  while (lex && fgets(row, sizeof row, lex)) {
    if (sscanf(row, " \"%63[a-z_]\" { return kw(", word) != 1 || !strstr(row, "return kw(")) continue;
    keywords++;
    const char *got = complete(vm, word, &start);
    bool found = false;
    for (const char *p = got; (p = strstr(p, word)) != NULL; p++)
      if ((p == got || p[-1] == ' ') && (p[strlen(word)] == ' ' || !p[strlen(word)])) found = true;
    if (!found) { missing++; tap_diag("keyword '%s' is not completed", word); }
  }
  if (lex) fclose(lex);
  CHECK(keywords > 20 && missing == 0, "every keyword of compiler/lexer.re completes (%d)", keywords);

  /* completion runs nothing: a getter-like str() would print */
  run(vm, "class Loud { fn str() { print(\"RAN\"); return \"loud\" } }\nlet loud = Loud()\nlet calls = 0\nfn bump() { calls += 1; return xs }");
  cap_reset(&cap);
  complete(vm, "loud.", &start);
  complete(vm, "bump().", &start);
  complete(vm, "loud.str().", &start);
  gs_ensure_slots(vm, 2);
  gs_get_global(vm, "calls", 1);
  CHECK(cap.nout == 0 && gs_get_int(vm, 1) == 0, "completion calls no function and no str()");

  /* file names after import " */
  char dir[] = "/tmp/gs-complete-XXXXXX";
  char cwd[4096];
  if (mkdtemp(dir) && getcwd(cwd, sizeof cwd) && chdir(dir) == 0) {
    mkdir("lib", 0700);
    fclose(fopen("lib/util.gs", "w"));
    fclose(fopen("lib/useful.gs", "w"));
    fclose(fopen("lib/notes.txt", "w"));
    fclose(fopen("main.gs", "w"));
    CHECK(strcmp(complete(vm, "import \"", &start), "lib/ main") == 0 && start == 8, "import \": directories and .gs files");
    CHECK(strcmp(complete(vm, "import \"lib/u", &start), "useful util") == 0 && start == 12, "import \"lib/u: inside a directory");
    CHECK(strcmp(complete(vm, "x = \"lib/u", &start), "") == 0, "a plain string is not a path");
    unlink("lib/util.gs"); unlink("lib/useful.gs"); unlink("lib/notes.txt"); unlink("main.gs");
    rmdir("lib");
    if (chdir(cwd) != 0) tap_diag("cannot go back to %s", cwd);
    rmdir(dir);
  } else {
    CHECK(0, "cannot make a temporary directory");
  }

  /* help */
  CHECK(strcmp(help_of(vm, "math.floor"), "math.floor(x)\n  The largest int not greater than x.\n") == 0, "help of a library function");
  CHECK(strcmp(help_of(vm, "geo.area"), "geo.area(w, h)\n  The area of a w by h rectangle.\n") == 0, "help of a host native with a doc");
  CHECK(strcmp(help_of(vm, "geo.perimeter"), "perimeter(arg1, arg2)\n  Twice the sum of the sides.\n") == 0, "a doc without a signature line");
  CHECK(strcmp(help_of(vm, "geo.volume"), "volume(arg1, arg2, arg3)\n  (no description)\n") == 0, "no doc");
  CHECK(strcmp(help_of(vm, "\"geo.area\""), "geo.area(w, h)\n  The area of a w by h rectangle.\n") == 0, "help by name");
  CHECK(strcmp(help_of(vm, "counter_reset"), "fn counter_reset()\n") == 0, "help of a script function");
  CHECK(strncmp(help_of(vm, NULL), "GreenScript REPL\n", 17) == 0, "slot -1: how to use the REPL");
  cap_reset(&cap);
  help_of(vm, "loud");
  CHECK(cap.nout == 0, "help runs no str()");

  /* show */
  CHECK(strcmp(show(vm, "[1, \"a\", nil]", 0, 0), "[1, \"a\", nil]") == 0, "plain");
  CHECK(strcmp(show(vm, "[1, \"a\", nil, true, 2.5]", GS_SHOW_COLOR, 0),
                "[\033[33m1\033[0m, \033[32m\"a\"\033[0m, \033[35mnil\033[0m, \033[35mtrue\033[0m, \033[33m2.5\033[0m]") == 0,
        "colors: numbers, strings, nil and booleans");
  CHECK(strcmp(show(vm, "range(1000000).list()", 0, 8), "[0, 1, 2, \xe2\x80\xa6 999 997 more]") == 0, "a long list is shortened");
  CHECK(strcmp(show(vm, "{\"a\": 1, \"b\": 2, \"c\": 3}", 0, 12), "{\"a\": 1, \"b\": 2, \xe2\x80\xa6 1 more}") == 0, "a long map is shortened");
  CHECK(strcmp(show(vm, "\"x\".repeat(10000)", 0, 20),
                "\"xxxxxxxxxxxxxxxxxxxx\xe2\x80\xa6\" (9 980 more bytes)") == 0, "a long string is shortened");
  CHECK(strlen(show(vm, "range(1000).list()", 0, 0)) > 4000, "max_chars 0: everything");
  CHECK(strcmp(show(vm, "loud", 0, 0), "loud") == 0, "instances through str()");
  run(vm, "class Bad { fn str() { error(\"bad str\") } }");
  CHECK(strstr(show(vm, "Bad()", 0, 0), "bad str") != NULL, "a str() that raises: false and the error recorded");

  gs_free(vm);
  return tap_done();
}
