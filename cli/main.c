/* main.c — the `gs` command: run a file, `-e code`, standard input, or the
 * REPL when standard input is a terminal. Over include/gs.h alone, like a
 * host (lua.c is the model). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include "gs.h"
#include "repl.h"

#define GS_VERSION "0.1.0"

static gs_vm *volatile running_vm;
static volatile sig_atomic_t sigint_count;

static void on_sigint(int sig) {
  (void)sig;
  /* a second Ctrl-C while the first is not yet handled ends the process */
  if (++sigint_count > 1 || !running_vm) { signal(SIGINT, SIG_DFL); raise(SIGINT); return; }
  gs_interrupt(running_vm);
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
    "  --help, --version\n", GS_DEFAULT_FIBER_STACK / 1024);
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

/* Everything left in `in` (NULL with errno set on failure). */
static char *read_all(FILE *in, size_t *len) {
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  size_t r;
  while ((r = fread(buf + n, 1, cap - n, in)) > 0) {
    n += r;
    if (feof(in) || ferror(in)) break;   /* a terminal's Ctrl-D: once is enough */
    if (n == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); return NULL; }
      buf = nb;
      cap *= 2;
    }
  }
  if (ferror(in)) {
    int e = errno ? errno : EIO;
    free(buf);
    errno = e;
    return NULL;
  }
  *len = n;
  return buf;
}

char *cli_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *src = read_all(f, len);
  int e = errno;
  fclose(f);
  errno = e;
  return src;
}

/* Run (or with --dis list) a whole program; the exit status. */
static int run_program(gs_vm *vm, const char *name, const char *src, size_t len, bool dis) {
  if (dis) {
    if (gs_disassemble_source(vm, name, src, len) == GS_OK) return 0;
    gs_report_error(vm);
    return 1;
  }
  return gs_run_program(vm, name, src, len) == GS_OK ? 0 : 1;
}

int main(int argc, char **argv) {
  gs_config cfg;
  gs_config_init(&cfg);
  const char *code = NULL, *file = NULL;
  bool from_stdin = false, repl_full = false, dis = false;
  size_t heap_limit = 0;   /* for the script: set once the VM is made */
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); return 0; }
    if (strcmp(a, "--version") == 0) { printf("GreenScript %s\n", GS_VERSION); return 0; }
    if (strcmp(a, "--dis") == 0) { dis = true; continue; }
    if (strcmp(a, "--repl-full") == 0) { repl_full = true; continue; }
    if (strncmp(a, "--stack-size=", 13) == 0) {
      size_t sz;
      if (!parse_size(a + 13, &sz)) { fprintf(stderr, "gs: bad stack size '%s'\n", a + 13); return 2; }
      cfg.fiber_stack_size = sz;
      continue;
    }
    if (strncmp(a, "--heap-limit=", 13) == 0) {
      if (!parse_size(a + 13, &heap_limit)) { fprintf(stderr, "gs: bad heap limit '%s'\n", a + 13); return 2; }
      continue;
    }
    if (strncmp(a, "--max-fibers=", 13) == 0) {
      size_t n;
      if (!parse_size(a + 13, &n) || n > 100000000) { fprintf(stderr, "gs: bad fiber limit '%s'\n", a + 13); return 2; }
      cfg.max_fibers = (int)n;
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
  gs_handle_stack_overflow();
  bool interactive = !code && !file && !from_stdin && isatty(0);
  if (interactive) repl_config(&cfg);
  gs_vm *vm = gs_new(&cfg);
  if (!vm) { fprintf(stderr, "gs: out of memory\n"); return 1; }
  gs_set_args(vm, argc - i, (const char *const *)argv + i);
  gs_set_heap_limit(vm, heap_limit);
  int status;
  if (!interactive) {
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
    status = run_program(vm, "<-e>", code, strlen(code), dis);
  } else if (file) {
    size_t len;
    char *src = cli_read_file(file, &len);
    if (src) {
      status = run_program(vm, file, src, len, dis);
      free(src);
    } else {
      fprintf(stderr, "gs: cannot open '%s': %s\n", file, strerror(errno));
      status = 1;
    }
  } else if (!interactive) {
    size_t len;
    char *src = read_all(stdin, &len);
    if (!src) { fprintf(stderr, "gs: cannot read standard input\n"); gs_free(vm); return 1; }
    status = run_program(vm, "<stdin>", src, len, dis);
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
  return status;
}
