/* poll_vs_stream.c — how a socket wait should be built on libuv: readiness
 * (uv_poll_t, then our own read/write) against libuv's stream API
 * (uv_read_start / uv_write). Two ends of a socketpair ping-pong a 64-byte
 * message in one loop; prints CPU nanoseconds per round trip for each (docs/io.md).
 *
 *   cc -O2 bench/io/poll_vs_stream.c -luv -o poll_vs_stream && ./poll_vs_stream [round trips]
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

static long rounds, left;
static char msg[64];

/* CPU seconds (user + system): the machine may be shared */
static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- readiness: uv_poll_t, kept armed, our own read/write ---------------- */
typedef struct { uv_poll_t p; int fd; int is_client; } End;

static void on_ready(uv_poll_t *h, int status, int events) {
  End *e = (End *)h;
  char buf[64];
  ssize_t n = read(e->fd, buf, sizeof buf);
  if (n != 64) return;
  if (e->is_client && --left == 0) { uv_poll_stop(h); return; }
  if (write(e->fd, buf, 64) != 64) abort();
}

static double run_poll(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  uv_loop_t loop;
  uv_loop_init(&loop);
  End a = {.fd = sv[0], .is_client = 1}, b = {.fd = sv[1]};
  uv_poll_init(&loop, &a.p, a.fd);
  uv_poll_init(&loop, &b.p, b.fd);
  uv_poll_start(&a.p, UV_READABLE, on_ready);
  uv_poll_start(&b.p, UV_READABLE, on_ready);
  left = rounds;
  double t = now_s();
  if (write(a.fd, msg, 64) != 64) abort();
  while (left > 0) uv_run(&loop, UV_RUN_ONCE);
  t = now_s() - t;
  uv_close((uv_handle_t *)&a.p, NULL);
  uv_close((uv_handle_t *)&b.p, NULL);
  uv_run(&loop, UV_RUN_DEFAULT);
  uv_loop_close(&loop);
  close(sv[0]);
  close(sv[1]);
  return t;
}

/* ---- libuv streams ------------------------------------------------------------ */
typedef struct { uv_pipe_t s; int is_client; char buf[65536]; } SEnd;
typedef struct { uv_write_t w; char data[64]; } Wr;

static void alloc_cb(uv_handle_t *h, size_t hint, uv_buf_t *b) {
  SEnd *e = (SEnd *)h;
  *b = uv_buf_init(e->buf, sizeof e->buf);
}
static void write_done(uv_write_t *w, int status) { free(w); }
static void send64(SEnd *e, const char *data) {
  Wr *w = malloc(sizeof *w);
  memcpy(w->data, data, 64);
  uv_buf_t b = uv_buf_init(w->data, 64);
  uv_write(&w->w, (uv_stream_t *)&e->s, &b, 1, write_done);
}
static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *b) {
  SEnd *e = (SEnd *)s;
  if (n != 64) return;
  if (e->is_client && --left == 0) { uv_read_stop(s); return; }
  send64(e, b->base);
}

static double run_stream(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  uv_loop_t loop;
  uv_loop_init(&loop);
  static SEnd a, b;
  a.is_client = 1;
  uv_pipe_init(&loop, &a.s, 0);
  uv_pipe_init(&loop, &b.s, 0);
  uv_pipe_open(&a.s, sv[0]);
  uv_pipe_open(&b.s, sv[1]);
  uv_read_start((uv_stream_t *)&a.s, alloc_cb, read_cb);
  uv_read_start((uv_stream_t *)&b.s, alloc_cb, read_cb);
  left = rounds;
  double t = now_s();
  send64(&a, msg);
  while (left > 0) uv_run(&loop, UV_RUN_ONCE);
  t = now_s() - t;
  uv_read_stop((uv_stream_t *)&b.s);
  uv_close((uv_handle_t *)&a.s, NULL);
  uv_close((uv_handle_t *)&b.s, NULL);
  uv_run(&loop, UV_RUN_DEFAULT);
  uv_loop_close(&loop);
  return t;
}

int main(int argc, char **argv) {
  rounds = argc > 1 ? atol(argv[1]) : 200000;
  memset(msg, 'x', sizeof msg);
  for (int i = 0; i < 3; i++) {
    double p = run_poll(), s = run_stream();
    printf("uv_poll_t + read/write: %.0f ns CPU per round trip   uv_stream: %.0f ns CPU per round trip\n", p / rounds * 1e9,
           s / rounds * 1e9);
  }
  return 0;
}
