/* load_client.c — the load generator of `make bench-io`: drives a TCP echo
 * server over loopback with one epoll loop, checks every byte that comes
 * back, and reads the server's CPU time and resident memory from /proc.
 *
 *   load_client wait ADDR SECONDS          until ADDR accepts a connection
 *   load_client echo ADDR CONNS SECONDS PID [WARMUP]
 *       CONNS connections, each sending a 64-byte message and waiting for it
 *       to come back before sending the next (ping-pong); after WARMUP
 *       seconds (default 2), counts round trips for SECONDS: requests/s,
 *       p50/p99 latency, the server's CPU microseconds per request
 *   load_client idle ADDR CONNS PID
 *       opens CONNS connections, one round trip on each, then leaves them
 *       idle: the server's resident memory per connection
 *   load_client cpu PID                    the CPU microseconds PID has used
 *
 * Results are one line of key=value pairs on stdout (bench/io/run reads
 * them); a failure (a wrong byte, a closed connection, a stall) prints
 * `error=...` on stderr and exits 1. With LOAD_CLIENT_HISTOGRAM=1 in the
 * environment, `echo` also prints the latencies' percentiles and histogram
 * on stderr.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { MSG = 64, CONNECTS_IN_FLIGHT = 200, MAX_EVENTS = 1024 };
static const double STALL_S = 5.0;

typedef struct {
  int fd;
  int connected;   /* handshake finished */
  int got;         /* bytes of the current reply received so far */
  uint32_t seq;    /* messages sent on this connection */
  double sent_at;  /* when the current message was sent */
  unsigned char msg[MSG];
} Conn;

static struct sockaddr_in server;

static void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("error=", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void parse_addr(const char *addr) {
  char host[64];
  const char *colon = strrchr(addr, ':');
  if (!colon || (size_t)(colon - addr) >= sizeof host) fail("bad address %s (want IPV4:PORT)", addr);
  memcpy(host, addr, colon - addr);
  host[colon - addr] = 0;
  server.sin_family = AF_INET;
  server.sin_port = htons((uint16_t)atoi(colon + 1));
  if (inet_pton(AF_INET, host, &server.sin_addr) != 1) fail("bad address %s (want IPV4:PORT)", addr);
}

/* user + system CPU microseconds of a process, all its threads */
static double cpu_us(long pid) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%ld/stat", pid);
  FILE *f = fopen(path, "r");
  if (!f) fail("cannot read %s: %s", path, strerror(errno));
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  const char *p = strrchr(buf, ')'); /* the command name may hold spaces */
  unsigned long long utime, stime;
  if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
    fail("cannot parse %s", path);
  return (double)(utime + stime) * 1e6 / sysconf(_SC_CLK_TCK);
}

/* resident memory of a process in KiB */
static long rss_kib(long pid) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%ld/status", pid);
  FILE *f = fopen(path, "r");
  if (!f) fail("cannot read %s: %s", path, strerror(errno));
  long kib = -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "VmRSS: %ld", &kib) == 1) break;
  fclose(f);
  if (kib < 0) fail("no VmRSS in %s", path);
  return kib;
}

static double own_cpu_s(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* every descriptor we may use: the server side needs as many */
static void raise_fd_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
}

/* A non-blocking connect; -errno when it cannot even start. */
static int start_connect(void) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -errno;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&server, sizeof server) < 0 && errno != EINPROGRESS) {
    int e = errno;
    close(fd);
    return -e;
  }
  return fd;
}

/* The bytes of message `seq` on connection `id`: different on every
 * connection and every round, so a reply sent to the wrong connection or
 * repeated is caught. */
static void fill_message(Conn *c, int id) {
  uint32_t x = (uint32_t)id * 2654435761u ^ c->seq * 40503u;
  for (int k = 0; k < MSG; k++) {
    x = x * 1103515245u + 12345u;
    c->msg[k] = (unsigned char)(x >> 16);
  }
}

/* Sends connection id's next message; 0, or -errno. */
static int send_message(Conn *c, int id) {
  fill_message(c, id);
  c->seq++;
  c->got = 0;
  c->sent_at = now_s();
  size_t off = 0;
  while (off < MSG) { /* 64 bytes fit an empty socket buffer: a short write is rare */
    ssize_t n = send(c->fd, c->msg + off, MSG - off, MSG_NOSIGNAL);
    if (n > 0) {
      off += (size_t)n;
    } else if (n < 0 && errno == EAGAIN) {
      struct pollfd p = {.fd = c->fd, .events = POLLOUT};
      if (poll(&p, 1, (int)(STALL_S * 1000)) <= 0) return -ETIMEDOUT;
    } else if (n < 0 && errno != EINTR) {
      return -errno;
    }
  }
  return 0;
}

/* Reads what has come for c and checks it against what was sent: 1 when
 * the whole reply is in, 0 when more is to come, -errno on failure
 * (-EPIPE: the server closed the connection). */
static int receive_reply(Conn *c, int id) {
  unsigned char buf[MSG];
  ssize_t n = recv(c->fd, buf, MSG - c->got, 0);
  if (n == 0) return -EPIPE;
  if (n < 0) return errno == EAGAIN || errno == EINTR ? 0 : -errno;
  for (ssize_t k = 0; k < n; k++)
    if (buf[k] != c->msg[c->got + k])
      fail("connection %d, message %u, byte %d: got 0x%02x, sent 0x%02x", id + 1, c->seq, c->got + (int)k, buf[k],
           c->msg[c->got + k]);
  c->got += (int)n;
  return c->got == MSG;
}

static int epoll_add(int ep, int fd, uint32_t events, int id) {
  struct epoll_event ev = {.events = events, .data.u32 = (uint32_t)id};
  return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

static void epoll_change(int ep, int fd, uint32_t events, int id) {
  struct epoll_event ev = {.events = events, .data.u32 = (uint32_t)id};
  if (epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev) < 0) fail("epoll_ctl: %s", strerror(errno));
}

static char why_stopped[256];

/* Keeps the first reason only: later failures are its consequences. */
static void stop_because(const char **why, const char *fmt, ...) {
  if (*why) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why_stopped, sizeof why_stopped, fmt, ap);
  va_end(ap);
  *why = why_stopped;
}

/* Connects up to n connections, CONNECTS_IN_FLIGHT at a time (more would
 * overflow the servers' accept backlogs and wait for SYN retransmissions).
 * With `round_trip`, each connection also does one ping-pong before it
 * counts. Returns how many made it, first in conns; stops early, with *why
 * set, when the system or the server refuses more. */
static int open_connections(int ep, Conn *conns, int n, int round_trip, const char **why) {
  int started = 0, done = 0, in_flight = 0;
  double last_progress = now_s();
  struct epoll_event evs[MAX_EVENTS];
  *why = NULL;
  while (done < n && !(*why && in_flight == 0)) {
    while (!*why && started < n && in_flight < CONNECTS_IN_FLIGHT) {
      int fd = start_connect();
      if (fd < 0) {
        stop_because(why, "connection %d: %s", started + 1, strerror(-fd));
        break;
      }
      conns[started] = (Conn){.fd = fd};
      if (epoll_add(ep, fd, EPOLLOUT, started) < 0) fail("epoll_ctl: %s", strerror(errno));
      started++;
      in_flight++;
    }
    int k = epoll_wait(ep, evs, MAX_EVENTS, 100);
    if (k < 0 && errno != EINTR) fail("epoll_wait: %s", strerror(errno));
    for (int i = 0; i < k; i++) {
      int id = (int)evs[i].data.u32;
      Conn *c = &conns[id];
      int r = 0;
      if (c->fd < 0 || (c->connected && (!round_trip || c->got == MSG))) continue;   /* closed, or done */
      if (!c->connected) {
        socklen_t len = sizeof r;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &r, &len);
        r = -r;
        if (r == 0) {
          c->connected = 1;
          epoll_change(ep, c->fd, EPOLLIN, id);
          r = round_trip ? send_message(c, id) : 1;
        }
      } else {
        r = receive_reply(c, id);
        if (r == -EPIPE) r = -ECONNRESET;
      }
      if (r < 0) {
        stop_because(why, "connection %d: %s", id + 1, strerror(-r));
        close(c->fd);
        c->fd = -1;
      }
      if (r != 0) in_flight--;
      if (r == 1) done++, last_progress = now_s();
    }
    if (in_flight > 0 && now_s() - last_progress > STALL_S)
      stop_because(why, "%d connections got no %s in %.0f s (out of descriptors, or the backlog is full?)", in_flight,
              round_trip ? "answer" : "handshake", STALL_S);
    if (*why && now_s() - last_progress > STALL_S) break;
  }
  int kept = 0;
  for (int i = 0; i < started; i++) {
    if (conns[i].fd < 0) continue;
    if (conns[i].connected && (!round_trip || conns[i].got == MSG))
      conns[kept++] = conns[i];
    else
      close(conns[i].fd);
  }
  return kept;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* LOAD_CLIENT_HISTOGRAM=1: the latencies' distribution on stderr, in
 * buckets of a tenth of the median, to see whether a tail is a few
 * connections waiting an extra round (a second hump at twice the median)
 * or a smooth spread. */
static void print_histogram(const uint32_t *sorted_ns, size_t n) {
  double median = sorted_ns[n / 2], width = median / 10 > 1 ? median / 10 : 1;
  static const double at[] = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999};
  fprintf(stderr, "percentiles (us):");
  for (size_t i = 0; i < sizeof at / sizeof *at; i++) fprintf(stderr, " p%g=%.0f", at[i] * 100, sorted_ns[(size_t)(n * at[i])] / 1e3);
  fprintf(stderr, " max=%.0f\n", sorted_ns[n - 1] / 1e3);
  size_t i = 0;
  while (i < n) {
    size_t bucket = (size_t)(sorted_ns[i] / width), j = i;
    while (j < n && (size_t)(sorted_ns[j] / width) == bucket) j++;
    if ((j - i) * 1000 >= n) /* buckets holding at least 0.1% */
      fprintf(stderr, "  %8.0f us  %6.2f%%\n", bucket * width / 1e3, (j - i) * 100.0 / n);
    i = j;
  }
}

static int run_echo(int nconns, double seconds, long pid, double warmup) {
  Conn *conns = calloc((size_t)nconns, sizeof *conns);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  const char *why;
  if (open_connections(ep, conns, nconns, 0, &why) < nconns) fail("%s", why);

  size_t cap = 1 << 20, nlat = 0;
  uint32_t *lat_ns = malloc(cap * sizeof *lat_ns);
  double start = now_s(), window_start = start + warmup, end = window_start + seconds;
  double last_reply = start, cpu0 = 0, own0 = 0;
  int measuring = 0;
  for (int i = 0; i < nconns; i++) {
    int r = send_message(&conns[i], i);
    if (r < 0) fail("send on connection %d: %s", i + 1, strerror(-r));
  }
  struct epoll_event evs[MAX_EVENTS];
  for (;;) {
    double t = now_s();
    if (!measuring && t >= window_start) measuring = 1, window_start = t, cpu0 = cpu_us(pid), own0 = own_cpu_s();
    if (t >= end) break;
    if (t - last_reply > STALL_S) fail("no reply for %.0f s", STALL_S);
    int k = epoll_wait(ep, evs, MAX_EVENTS, 100);
    if (k < 0 && errno != EINTR) fail("epoll_wait: %s", strerror(errno));
    for (int i = 0; i < k; i++) {
      int id = (int)evs[i].data.u32;
      Conn *c = &conns[id];
      int r = receive_reply(c, id);
      if (r < 0) fail("connection %d: %s", id + 1, r == -EPIPE ? "closed by the server" : strerror(-r));
      if (r == 0) continue;
      double done_at = now_s();
      last_reply = done_at;
      if (measuring && done_at < end) {
        if (nlat == cap) lat_ns = realloc(lat_ns, (cap *= 2) * sizeof *lat_ns);
        double ns = (done_at - c->sent_at) * 1e9;
        lat_ns[nlat++] = ns > 4e9 ? 4000000000u : (uint32_t)ns;
      }
      if ((r = send_message(c, id)) < 0) fail("send on connection %d: %s", id + 1, strerror(-r));
    }
  }
  double elapsed = now_s() - window_start, cpu = cpu_us(pid) - cpu0, own = own_cpu_s() - own0;
  for (int i = 0; i < nconns; i++) close(conns[i].fd);
  if (nlat == 0) fail("no round trip completed in %.1f s", seconds);
  qsort(lat_ns, nlat, sizeof *lat_ns, cmp_u32);
  printf("conns=%d requests=%zu seconds=%.2f rps=%.0f p50_us=%.1f p99_us=%.1f cpu_us_per_req=%.2f server_cpu_pct=%.0f "
         "client_cpu_pct=%.0f\n",
         nconns, nlat, elapsed, nlat / elapsed, lat_ns[nlat / 2] / 1e3, lat_ns[(size_t)(nlat * 0.99)] / 1e3,
         cpu / nlat, cpu / 1e4 / elapsed, own * 100 / elapsed);
  if (getenv("LOAD_CLIENT_HISTOGRAM")) print_histogram(lat_ns, nlat);
  free(lat_ns);
  free(conns);
  return 0;
}

static int run_idle(int nconns, long pid) {
  Conn *conns = calloc((size_t)nconns, sizeof *conns);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  long before = rss_kib(pid);
  const char *why;
  int got = open_connections(ep, conns, nconns, 1, &why);
  /* let the server finish what the last round trips started (a collector
   * cycle, freeing buffers) before reading its memory */
  long after = rss_kib(pid);
  for (int i = 0; i < 10; i++) {
    usleep(200 * 1000);
    after = rss_kib(pid);
  }
  printf("conns=%d rss_before_kib=%ld rss_after_kib=%ld", got, before, after);
  if (got > 0) printf(" bytes_per_conn=%.0f", (after - before) * 1024.0 / got);
  if (got < nconns) printf(" short=\"%d of %d: %s\"", got, nconns, why);
  printf("\n");
  for (int i = 0; i < got; i++) close(conns[i].fd);
  free(conns);
  return 0;
}

static int run_wait(double seconds) {
  double give_up = now_s() + seconds;
  for (;;) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail("socket: %s", strerror(errno));
    int ok = connect(fd, (struct sockaddr *)&server, sizeof server) == 0;
    close(fd);
    if (ok) return 0;
    if (now_s() > give_up) fail("nothing accepts on port %d after %.0f s", ntohs(server.sin_port), seconds);
    usleep(20 * 1000);
  }
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  raise_fd_limit();
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (!strcmp(mode, "cpu") && argc == 3) {
    printf("%.0f\n", cpu_us(atol(argv[2])));
    return 0;
  }
  if (!strcmp(mode, "wait") && argc == 4) return parse_addr(argv[2]), run_wait(atof(argv[3]));
  if (!strcmp(mode, "echo") && (argc == 6 || argc == 7))
    return parse_addr(argv[2]), run_echo(atoi(argv[3]), atof(argv[4]), atol(argv[5]), argc == 7 ? atof(argv[6]) : 2);
  if (!strcmp(mode, "idle") && argc == 5) return parse_addr(argv[2]), run_idle(atoi(argv[3]), atol(argv[4]));
  fprintf(stderr,
          "usage: load_client wait ADDR SECONDS\n"
          "       load_client echo ADDR CONNS SECONDS SERVER_PID [WARMUP]\n"
          "       load_client idle ADDR CONNS SERVER_PID\n"
          "       load_client cpu PID\n");
  return 2;
}
