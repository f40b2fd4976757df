/* tap.h — a tiny TAP helper for the embedding API tests (tests/api/).
 * CHECK(cond, fmt, ...) prints "ok N - ..." or "not ok N - ... (file:line)";
 * tap_done() prints the plan and returns the exit status. */
#ifndef GS_TEST_TAP_H
#define GS_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include "gs.h"

#define TAP_FN static __attribute__((unused))

static int tap_n, tap_failed;

TAP_FN void tap_check(int ok, const char *file, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("%s %d - ", ok ? "ok" : "not ok", ++tap_n);
  vprintf(fmt, ap);
  if (!ok) printf("  (%s:%d)", file, line);
  printf("\n");
  va_end(ap);
  fflush(stdout);
  if (!ok) tap_failed++;
}
/* cond is evaluated first, in its own statement: the message arguments may
 * call gs_error_message() about what cond just did */
#define CHECK(cond, ...)                                \
  do {                                                  \
    int tap_ok_ = (cond) ? 1 : 0;                       \
    tap_check(tap_ok_, __FILE__, __LINE__, __VA_ARGS__); \
  } while (0)

TAP_FN void tap_diag(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("# ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  fflush(stdout);
}

TAP_FN int tap_done(void) {
  printf("1..%d\n", tap_n);
  if (tap_failed) printf("# %d of %d failed\n", tap_failed, tap_n);
  return tap_failed ? 1 : 0;
}

/* ---- capturing what a VM writes ------------------------------------------ */

typedef struct {
  char out[65536], err[65536];
  size_t nout, nerr;
} Capture;

TAP_FN void cap_add(char *buf, size_t *n, size_t cap, const char *s, size_t len) {
  if (*n + len >= cap) len = cap - 1 - *n;
  memcpy(buf + *n, s, len);
  *n += len;
  buf[*n] = '\0';
}
TAP_FN void cap_write(gs_vm *vm, const char *s, size_t len, void *ud) {
  (void)vm;
  Capture *c = ud;
  cap_add(c->out, &c->nout, sizeof c->out, s, len);
}
TAP_FN void cap_write_err(gs_vm *vm, const char *s, size_t len, void *ud) {
  (void)vm;
  Capture *c = ud;
  cap_add(c->err, &c->nerr, sizeof c->err, s, len);
}
TAP_FN void cap_reset(Capture *c) {
  c->nout = c->nerr = 0;
  c->out[0] = c->err[0] = '\0';
}

/* A VM whose output goes to *c (user_data = c). */
TAP_FN gs_vm *new_captured_vm(Capture *c) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.write = cap_write;
  cfg.write_error = cap_write_err;
  cfg.user_data = c;
  cap_reset(c);
  return gs_new(&cfg);
}

/* Run a chunk; on failure print the error as a diagnostic. */
TAP_FN gs_status run(gs_vm *vm, const char *src) {
  gs_status st = gs_run_string(vm, "test.gs", src, strlen(src));
  if (st != GS_OK) tap_diag("status %d: %s", (int)st, gs_error_message(vm));
  return st;
}

/* ---- pipes ----------------------------------------------------------------- */

/* Read all that a non-blocking descriptor holds now; returns how many bytes. */
TAP_FN long long drain_fd(int fd) {
  char buf[65536];
  long long total = 0;
  for (;;) {
    ssize_t k = read(fd, buf, sizeof buf);
    if (k <= 0) return total;
    total += k;
  }
}

/* ---- running a scenario that may crash in a child process --------------- */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* fn returns the child's exit status (0 = passed). Returns it, or 128+signal
 * if the child crashed. */
TAP_FN int in_child(int (*fn)(void)) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("/dev/null", 1);
    if (fd >= 0) { dup2(fd, 2); close(fd); }   /* a crash report would be noise */
    /* a runaway child is a failure; under GS_GC_STRESS every allocation
     * collects, so the same work takes many times longer */
    const char *stress = getenv("GS_GC_STRESS");
    alarm(stress && strcmp(stress, "0") != 0 ? 600 : 30);
    _exit(fn());
  }
  int st = 0;
  if (pid < 0 || waitpid(pid, &st, 0) < 0) return 255;
  if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
  return WEXITSTATUS(st);
}

#endif
