/* main.c — the `gs` command: run a file, `-e code`, standard input, or the
 * REPL when standard input is a terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include "gs.h"
#include "vm.h"
#include "run.h"
#include "coro.h"

#define GS_VERSION "0.1.0"

int repl_main(VM *vm, bool full);

static VM *volatile running_vm;
static volatile sig_atomic_t sigint_count;

static void on_sigint(int sig) {
  (void)sig;
  /* a second Ctrl-C while the first is not yet handled ends the process */
  if (++sigint_count > 1 || !running_vm) { signal(SIGINT, SIG_DFL); raise(SIGINT); return; }
  running_vm->interrupted = 1;
}

/* SIGQUIT (Ctrl-\\): print every fiber's state and traceback, keep running */
static void on_sigquit(int sig) {
  (void)sig;
  if (running_vm) gs_dump_fibers(running_vm);
}

static void usage(FILE *out) {
  fprintf(out,
    "usage: gs [options] [script.gs | -e code | -] [args...]\n"
    "  (no script)        start the REPL (or run standard input when it is not a terminal)\n"
    "  -e code            run code given on the command line\n"
    "  -                  run standard input\n"
    "  --dis              print the bytecode instead of running\n"
    "  --repl-full        the REPL shows long results in full (see :full)\n"
    "  --stack-size=N     C stack per fiber, e.g. 64k, 1m (default %zuk)\n"
    "  --heap-limit=N     raise 'out of memory' past N bytes of heap, e.g. 512m\n"
    "  --max-fibers=N     raise 'too many fibers' past N live fibers\n"
    "  --help, --version\n", coro_default_stack_size() / 1024);
}

static bool parse_size(const char *s, size_t *out) {
  char *end;
  double v = strtod(s, &end);
  if (end == s || v <= 0) return false;
  switch (*end) {
    case 'k': case 'K': v *= 1024; end++; break;
    case 'm': case 'M': v *= 1024 * 1024; end++; break;
    case 'g': case 'G': v *= 1024.0 * 1024 * 1024; end++; break;
    case '\0': break;
    default: return false;
  }
  if (*end) return false;
  *out = (size_t)v;
  return true;
}

static char *read_all_stdin(size_t *len) {
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  size_t r;
  while ((r = fread(buf + n, 1, cap - n, stdin)) > 0) {
    n += r;
    if (feof(stdin) || ferror(stdin)) break;   /* a terminal's Ctrl-D: once is enough */
    if (n == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); return NULL; }
      buf = nb;
      cap *= 2;
    }
  }
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  RunOptions opt = {0};
  size_t heap_limit = 0;
  int max_fibers = 0;
  const char *code = NULL, *file = NULL;
  bool from_stdin = false, repl_full = false;
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); return 0; }
    if (strcmp(a, "--version") == 0) { printf("GreenScript %s\n", GS_VERSION); return 0; }
    if (strcmp(a, "--dis") == 0) { opt.disassemble = true; continue; }
    if (strcmp(a, "--repl-full") == 0) { repl_full = true; continue; }
    if (strncmp(a, "--stack-size=", 13) == 0) {
      size_t sz;
      if (!parse_size(a + 13, &sz)) { fprintf(stderr, "gs: bad stack size '%s'\n", a + 13); return 2; }
      coro_set_default_stack_size(sz);
      continue;
    }
    if (strncmp(a, "--heap-limit=", 13) == 0) {
      if (!parse_size(a + 13, &heap_limit)) { fprintf(stderr, "gs: bad heap limit '%s'\n", a + 13); return 2; }
      continue;
    }
    if (strncmp(a, "--max-fibers=", 13) == 0) {
      size_t n;
      if (!parse_size(a + 13, &n) || n > 100000000) { fprintf(stderr, "gs: bad fiber limit '%s'\n", a + 13); return 2; }
      max_fibers = (int)n;
      continue;
    }
    if (strcmp(a, "-e") == 0) {
      if (i + 1 >= argc) { fprintf(stderr, "gs: -e needs an argument\n"); usage(stderr); return 2; }
      code = argv[++i];
      i++;
      break;
    }
    if (strcmp(a, "-") == 0) { from_stdin = true; i++; break; }
    if (a[0] == '-' && a[1]) { fprintf(stderr, "gs: unknown option '%s'\n", a); usage(stderr); return 2; }
    file = a;
    i++;
    break;
  }
  coro_install_overflow_handler();
  VM *vm = gs_new(NULL);
  if (!vm) { fprintf(stderr, "gs: out of memory\n"); return 1; }
  gs_set_args(vm, argc - i, (const char *const *)argv + i);
  vm->heap_limit = heap_limit;
  vm->max_fibers = max_fibers;
  int status;
  if (code || file || from_stdin || !isatty(0)) {
    /* Ctrl-C stops a running script with an `interrupted` error and its
     * traceback (the REPL installs its own handler) */
    running_vm = vm;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_sigquit;
    sigaction(SIGQUIT, &sa, NULL);
  }
  if (code) {
    status = run_source(vm, "<-e>", code, strlen(code), &opt);
  } else if (file) {
    vm->script_path = file;
    status = run_file(vm, file, &opt);
  } else if (from_stdin || !isatty(0)) {
    size_t len;
    char *src = read_all_stdin(&len);
    if (!src) { fprintf(stderr, "gs: cannot read standard input\n"); gs_free(vm); return 1; }
    status = run_source(vm, "<stdin>", src, len, &opt);
    free(src);
  } else {
    status = repl_main(vm, repl_full);
  }
  int out_err = gs_output_error(vm);
  if (out_err) {
    /* like coreutils: the output is lost, so the run failed */
    fprintf(stderr, "gs: write error on standard output: %s\n", strerror(out_err));
    status = 1;
  }
  gs_free(vm);
  coro_pool_trim();
  return status;
}
