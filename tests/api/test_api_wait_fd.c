/* test_api_wait_fd.c — natives that park their fiber on a descriptor and on
 * the thread pool; the VM's event loop under gs_run_fibers and under a host's
 * own poll loop.
 * Covers: gs_wait_fd gs_forget_fd gs_run_blocking gs_loop_fd gs_new_error,
 * gs_run_ready / gs_next_timer_ns with I/O waiters. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

static int pipe_rd = -1, pipe_wr = -1;

/* pipe_read(timeout?) -> the bytes available, "timeout" or "closed" */
static void n_pipe_read(gs_vm *vm, int argc) {
  double limit = argc > 0 ? gs_get_float(vm, 0) : -1;
  char buf[256];
  for (;;) {
    ssize_t n = read(pipe_rd, buf, sizeof buf);
    if (n >= 0) {
      gs_return_string(vm, buf, (size_t)n);
      return;
    }
    if (errno != EAGAIN) gs_error(vm, "read: %s", strerror(errno));
    int r = gs_wait_fd(vm, pipe_rd, GS_READABLE, limit);
    if (r == 0) { gs_return_cstring(vm, "timeout"); return; }
    if (r == GS_WAIT_CLOSED) { gs_return_cstring(vm, "closed"); return; }
  }
}

static void n_pipe_write(gs_vm *vm, int argc) {
  (void)argc;
  size_t len;
  const char *s = gs_get_string(vm, 0, &len);
  if (write(pipe_wr, s, len) != (ssize_t)len) gs_error(vm, "write failed");
}

static void n_pipe_forget(gs_vm *vm, int argc) {
  (void)argc;
  gs_forget_fd(vm, pipe_rd);
}

/* work on the pool: sleeps (ms > 0) or waits until pool_release() is
 * called (ms = 0), then stores a number */
typedef struct { int ms; int64_t result; } Job;
static sem_t pool_released;
static void job_work(void *arg) {
  Job *j = arg;
  if (j->ms > 0) {
    struct timespec ts = {0, (long)j->ms * 1000000L};
    nanosleep(&ts, NULL);
  } else {
    while (sem_wait(&pool_released) != 0) {}
  }
  j->result = j->ms * 2;
}
static void n_pool_release(gs_vm *vm, int argc) {
  (void)vm;
  (void)argc;
  sem_post(&pool_released);
}
static void n_pool(gs_vm *vm, int argc) {
  (void)argc;
  Job j = {(int)gs_get_int(vm, 0), -1};
  gs_run_blocking(vm, job_work, &j);
  gs_return_int(vm, j.result);
}

static void n_fail_io(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  gs_new_error(vm, 0, "refused", ECONNREFUSED, "connect %s: %s", "127.0.0.1:9", strerror(ECONNREFUSED));
  gs_set_int(vm, 1, 17);
  gs_set_field(vm, 0, "partial", 1);
  gs_raise(vm, 0);
}

static gs_status run_all(gs_vm *vm, const char *src) {
  gs_status st = run(vm, src);
  if (st == GS_OK) st = gs_run_fibers(vm);
  if (st != GS_OK) tap_diag("status %d: %s", (int)st, gs_error_message(vm));
  return st;
}

static const char *get_str(gs_vm *vm, const char *name) {
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, name, 0);
  return gs_get_type(vm, 0) == GS_STRING ? gs_get_string(vm, 0, NULL) : "(not a string)";
}

static void drain(void) {
  char buf[256];
  while (read(pipe_rd, buf, sizeof buf) > 0) {}
}

int main(void) {
  int fds[2];
  if (pipe(fds) != 0) return 1;
  pipe_rd = fds[0];
  pipe_wr = fds[1];
  fcntl(pipe_rd, F_SETFL, fcntl(pipe_rd, F_GETFL) | O_NONBLOCK);   /* read first, wait on EAGAIN */
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "pipe_read", n_pipe_read, -1);
  gs_register(vm, "pipe_write", n_pipe_write, 1);
  gs_register(vm, "pipe_forget", n_pipe_forget, 0);
  gs_register(vm, "pool", n_pool, 1);
  gs_register(vm, "pool_release", n_pool_release, 0);
  sem_init(&pool_released, 0, 0);
  gs_register(vm, "fail_io", n_fail_io, 0);

  /* a fiber parked on a descriptor is not a deadlock; data wakes it */
  CHECK(run_all(vm, "let got = nil\nspawn { got = pipe_read() }\nspawn { sleep(0.02); pipe_write(\"hi\") }\n") == GS_OK,
        "a reader parked on a pipe is not a deadlock");
  CHECK(strcmp(get_str(vm, "got"), "hi") == 0, "the reader got what the writer wrote (%s)", get_str(vm, "got"));

  /* the main fiber may wait too */
  CHECK(run_all(vm, "spawn { sleep(0.01); pipe_write(\"main\") }\nlet got2 = pipe_read()\n") == GS_OK &&
            strcmp(get_str(vm, "got2"), "main") == 0, "the main fiber waits on a descriptor while others run");

  /* a time limit */
  CHECK(run_all(vm, "let t = pipe_read(0.03)\n") == GS_OK && strcmp(get_str(vm, "t"), "timeout") == 0,
        "gs_wait_fd returns 0 when its time limit passes");

  /* cancel and timeout() raise out of the wait */
  CHECK(run_all(vm, "let k = nil\nlet f = spawn { try { pipe_read() } catch e { k = e.kind } }\n"
                    "spawn { sleep(0.01); f.cancel() }\n") == GS_OK && strcmp(get_str(vm, "k"), "cancelled") == 0,
        "f.cancel() wakes a fiber parked on a descriptor with kind cancelled");
  CHECK(run_all(vm, "let k2 = nil\ntry { timeout(0.02, fn() { return pipe_read() }) } catch e { k2 = e.kind }\n") == GS_OK &&
            strcmp(get_str(vm, "k2"), "timeout") == 0, "timeout() ends a descriptor wait with kind timeout");
  {
    ssize_t w = write(pipe_wr, "late", 4);
    CHECK(w == 4 && run_all(vm, "let after = pipe_read()\n") == GS_OK && strcmp(get_str(vm, "after"), "late") == 0,
          "after a cancelled wait the descriptor works again");
  }

  /* gs_forget_fd wakes the waiter */
  CHECK(run_all(vm, "let c = nil\nspawn { c = pipe_read() }\nspawn { sleep(0.01); pipe_forget() }\n") == GS_OK &&
            strcmp(get_str(vm, "c"), "closed") == 0, "gs_forget_fd ends the wait with GS_WAIT_CLOSED");

  /* one reader at a time */
  CHECK(run_all(vm, "let b = nil\nlet r1 = spawn pipe_read()\n"
                    "spawn { try { pipe_read() } catch e { b = e.kind }\n pipe_write(\"x\") }\n") == GS_OK &&
            strcmp(get_str(vm, "b"), "busy") == 0, "a second reader of the same descriptor raises kind busy");
  drain();

  /* busy fibers cannot starve I/O: this one yields forever until the reader got its data */
  CHECK(write(pipe_wr, "spin", 4) == 4, "data waiting");
  CHECK(run_all(vm, "let done = false\nlet spins = 0\nspawn { while not done { spins += 1; yield } }\n"
                    "spawn { let s = pipe_read(); done = true }\n") == GS_OK,
        "a fiber that only yields does not keep a reader from its data");

  /* the thread pool */
  CHECK(run_all(vm, "let ticks = 0\nlet res = nil\nspawn { res = pool(30) }\n"
                    "spawn { for i in 0..5 { sleep(0.002); ticks += 1 } }\n") == GS_OK,
        "gs_run_blocking parks only its fiber");
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, "res", 0);
  int64_t res = gs_get_int(vm, 0);
  gs_get_global(vm, "ticks", 0);
  CHECK(res == 60 && gs_get_int(vm, 0) == 5, "its result (%lld) and the other fiber's ticks (%lld)", (long long)res,
        (long long)gs_get_int(vm, 0));
  /* the work ends only after the cancel, however slow the machine */
  CHECK(run_all(vm, "let pk = nil\nlet pf = spawn { try { pool(0) } catch e { pk = e.kind } }\n"
                    "spawn { sleep(0.01); pf.cancel(); pool_release() }\n") == GS_OK && strcmp(get_str(vm, "pk"), "cancelled") == 0,
        "a cancel during pool work is raised once the work is done");

  /* gs_new_error */
  CHECK(run(vm, "let em = nil\ntry { fail_io() } catch e { em = \"${e.kind} ${e.errno} ${e.partial} ${e.message}\" }\n") == GS_OK,
        "gs_new_error + gs_raise");
  char want[200];
  snprintf(want, sizeof want, "refused %d 17 connect 127.0.0.1:9: %s", ECONNREFUSED, strerror(ECONNREFUSED));
  CHECK(strcmp(get_str(vm, "em"), want) == 0, "kind, errno, an extra field and the message (%s)", get_str(vm, "em"));

  /* a host with its own loop: poll gs_loop_fd, then gs_run_ready */
  int lfd = gs_loop_fd(vm);
  CHECK(lfd >= 0, "gs_loop_fd gives a descriptor (%d)", lfd);
  CHECK(run(vm, "let hostgot = nil\nspawn { hostgot = pipe_read() }\n") == GS_OK, "a reader spawned");
  CHECK(gs_run_ready(vm) == 1 && gs_next_timer_ns(vm) == -1, "after a slice it waits on I/O: no timer, nothing ready");
  struct pollfd p = {lfd, POLLIN, 0};
  CHECK(poll(&p, 1, 0) == 0, "the loop descriptor is quiet while nothing came");
  CHECK(write(pipe_wr, "host", 4) == 4, "the host writes");
  CHECK(poll(&p, 1, 2000) == 1, "the loop descriptor becomes readable");
  int live = gs_run_ready(vm);
  if (live > 0 && gs_next_timer_ns(vm) == 0) live = gs_run_ready(vm);
  CHECK(live == 0 && strcmp(get_str(vm, "hostgot"), "host") == 0, "gs_run_ready runs the woken reader (%d live, %s)", live,
        get_str(vm, "hostgot"));

  gs_free(vm);
  close(pipe_rd);
  close(pipe_wr);
  return tap_done();
}
