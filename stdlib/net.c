/* net.c — the net library: TCP and Unix-socket listeners and connections
 * over the VM's event loop, written against include/gs.h alone.
 *
 * Sockets are non-blocking; every call is tried first and the fiber parks
 * (gs_wait_fd) only when the kernel says EAGAIN. A connection is a
 * sock_stream (sock_stream.c: buffering, read_line, write back-pressure,
 * the same code as proc's pipes). Errors carry a kind (docs/io.md, Errors)
 * and the OS errno. */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "libs.h"
#include "sock_stream.h"

#define CONN_TAG "net.connection"
#define LISTENER_TAG "net.listener"
#define ADDR_LEN 128

typedef struct {
  SockStream s;             /* s.where: the remote address */
  char local[ADDR_LEN];
} Conn;

typedef struct {
  gs_vm *vm;
  int fd;
  bool closed;
  int port;
  char addr[ADDR_LEN];
  char path[sizeof(((struct sockaddr_un *)0)->sun_path)];   /* unix: removed at close */
} Listener;

/* ---- errors ------------------------------------------------------------------ */

static _Noreturn void os_error(gs_vm *vm, int err, const char *op, const char *where) {
  io_raise(vm, NULL, err, op, where, NULL);
}

static _Noreturn void closed_error(gs_vm *vm, const char *op, const char *where) {
  io_raise(vm, "closed", 0, op, where, "closed");
}

/* ---- arguments and options ----------------------------------------------------- */

/* opts[name] as seconds: < 0 when absent or nil */
static double opt_secs(gs_vm *vm, int opts, const char *fname, const char *name) {
  if (opts < 0 || gs_get_type(vm, opts) == GS_NIL) return -1;
  if (gs_get_type(vm, opts) != GS_MAP) lib_arg_error(vm, fname, opts, "a map of options");
  int slot = gs_slot_count(vm);
  gs_ensure_slots(vm, slot + 2);
  gs_set_cstring(vm, slot, name);
  if (!gs_map_get(vm, opts, slot, slot + 1) || gs_get_type(vm, slot + 1) == GS_NIL) return -1;
  gs_type t = gs_get_type(vm, slot + 1);
  if (t != GS_INT && t != GS_FLOAT) gs_error(vm, "%s(): option '%s' must be a number", fname, name);
  double v = gs_get_float(vm, slot + 1);
  if (isnan(v)) gs_error(vm, "invalid timeout");
  return v < 0 ? 0 : v;
}

/* ---- addresses ----------------------------------------------------------------- */

typedef struct {
  char host[256];
  int port;
  bool is_unix;
  char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
} Addr;

static _Noreturn void bad_address(gs_vm *vm, const char *op, const char *addr, const char *why) {
  io_raise(vm, "address_invalid", 0, op, addr, why);
}

/* "host:port", "[v6]:port", ":port", "unix:/path" */
static void parse_addr(gs_vm *vm, const char *op, const char *s, size_t len, Addr *a) {
  memset(a, 0, sizeof *a);
  if (strlen(s) != len) bad_address(vm, op, "?", "address contains a NUL byte");
  if (strncmp(s, "unix:", 5) == 0) {
    if (len - 5 == 0 || len - 5 >= sizeof a->path) bad_address(vm, op, s, "bad unix socket path");
    a->is_unix = true;
    memcpy(a->path, s + 5, len - 5);
    return;
  }
  const char *colon = strrchr(s, ':');
  if (!colon) bad_address(vm, op, s, "missing port");
  const char *h = s;
  size_t hl = (size_t)(colon - s);
  if (hl > 0 && s[0] == '[') {
    if (s[hl - 1] != ']') bad_address(vm, op, s, "bad IPv6 address");
    h++;
    hl -= 2;
  } else if (memchr(s, ':', hl)) {
    bad_address(vm, op, s, "too many colons (IPv6 addresses go in brackets)");
  }
  if (hl >= sizeof a->host) bad_address(vm, op, s, "host name too long");
  memcpy(a->host, h, hl);
  char *end;
  long port = strtol(colon + 1, &end, 10);
  if (colon[1] == 0 || *end || port < 0 || port > 65535) bad_address(vm, op, s, "bad port");
  a->port = (int)port;
}

static void format_addr(const struct sockaddr *sa, char *out, size_t size) {
  char ip[INET6_ADDRSTRLEN] = "?";
  if (sa->sa_family == AF_INET) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
    inet_ntop(AF_INET, &in->sin_addr, ip, sizeof ip);
    snprintf(out, size, "%s:%d", ip, ntohs(in->sin_port));
  } else if (sa->sa_family == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
    inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof ip);
    snprintf(out, size, "[%s]:%d", ip, ntohs(in6->sin6_port));
  } else if (sa->sa_family == AF_UNIX) {
    const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
    snprintf(out, size, "unix:%s", un->sun_path);
  } else {
    snprintf(out, size, "?");
  }
}

static void sock_name(int fd, bool peer, char *out, size_t size) {
  struct sockaddr_storage ss;
  socklen_t sl = sizeof ss;
  memset(&ss, 0, sizeof ss);
  if ((peer ? getpeername(fd, (struct sockaddr *)&ss, &sl) : getsockname(fd, (struct sockaddr *)&ss, &sl)) != 0) {
    snprintf(out, size, "?");
    return;
  }
  if (ss.ss_family == AF_UNIX && sl <= offsetof(struct sockaddr_un, sun_path)) {
    snprintf(out, size, "unix:");
    return;
  }
  format_addr((struct sockaddr *)&ss, out, size);
}

/* Name resolution on the worker pool (getaddrinfo blocks). */
typedef struct {
  const char *host;
  int port;
  int socktype;
  struct addrinfo *res;
  int rc;
} Lookup;

static void lookup_work(void *arg) {
  Lookup *l = arg;
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = l->socktype;
  hints.ai_flags = AI_ADDRCONFIG;
  char port[16];
  snprintf(port, sizeof port, "%d", l->port);
  l->rc = getaddrinfo(l->host, port, &hints, &l->res);
}

/* IPv4 answers first, then IPv6 (the spec's order for net.resolve) */
static struct addrinfo *ipv4_first(struct addrinfo *list) {
  struct addrinfo *v4 = NULL, **t4 = &v4, *v6 = NULL, **t6 = &v6;
  for (struct addrinfo *a = list; a;) {
    struct addrinfo *next = a->ai_next;
    a->ai_next = NULL;
    if (a->ai_family == AF_INET) { *t4 = a; t4 = &a->ai_next; }
    else { *t6 = a; t6 = &a->ai_next; }
    a = next;
  }
  *t4 = v6;
  return v4;
}

/* The addresses of a.host (numeric ones without the resolver); the caller
 * frees them with freeaddrinfo. Raises not_found / io. */
static struct addrinfo *resolve(gs_vm *vm, const char *op, const char *shown, const Addr *a, int socktype) {
  Lookup l = {a->host[0] ? a->host : NULL, a->port, socktype, NULL, 0};
  struct in_addr v4;
  struct in6_addr v6;
  if (!l.host || inet_pton(AF_INET, l.host, &v4) == 1 || inet_pton(AF_INET6, l.host, &v6) == 1) {
    lookup_work(&l);   /* numeric: no resolver, no thread */
  } else {
    gs_run_blocking(vm, lookup_work, &l);
  }
  if (l.rc == EAI_NONAME || l.rc == EAI_NODATA)
    io_raise(vm, "not_found", 0, op, shown, "no such host");
  if (l.rc == EAI_SYSTEM) os_error(vm, errno, op, shown);
  if (l.rc != 0) io_raise(vm, "io", 0, op, shown, gai_strerror(l.rc));
  return ipv4_first(l.res);
}

/* ---- connections ------------------------------------------------------------------- */

static void conn_finalize(void *data) {
  Conn *c = data;
  sock_release(&c->s);
}

/* A connection object in slot `slot` that owns no socket yet: whatever
 * raises between making a socket and returning it (a cancelled connect, out
 * of memory) leaves the socket to the finalizer. */
static Conn *conn_alloc(gs_vm *vm, int slot) {
  Conn *c = gs_new_userdata(vm, slot, CONN_TAG, sizeof(Conn), conn_finalize);
  sock_init(vm, &c->s);
  return c;
}

/* c owns the connected socket fd from now on */
static void conn_adopt(Conn *c, int fd) {
  sock_adopt(&c->s, fd);
  sock_name(fd, false, c->local, sizeof c->local);
  sock_name(fd, true, c->s.where, sizeof c->s.where);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);   /* fails harmlessly on unix sockets */
}

static SockStream *conn_self(gs_vm *vm, const char *op) { return sock_self(vm, 0, CONN_TAG, "connection", op); }

static void conn_read(gs_vm *vm, int argc) { sock_read(vm, conn_self(vm, "read"), argc); }
static void conn_read_line(gs_vm *vm, int argc) { sock_read_line(vm, conn_self(vm, "read_line"), argc); }
static void conn_read_exactly(gs_vm *vm, int argc) { sock_read_exactly(vm, conn_self(vm, "read_exactly"), argc); }
static void conn_set_timeout(gs_vm *vm, int argc) { sock_set_timeout(vm, conn_self(vm, "set_timeout"), argc); }

static void conn_write(gs_vm *vm, int argc) {
  SockStream *s = conn_self(vm, "write");
  lib_argc(vm, "write", argc - 1, 1, 1);
  lib_str(vm, "write", 1, NULL);
  sock_write(vm, s, 1);
}

static void conn_close_write(gs_vm *vm, int argc) {
  SockStream *s = conn_self(vm, "close_write");
  lib_argc(vm, "close_write", argc - 1, 0, 0);
  if (shutdown(s->fd, SHUT_WR) != 0 && errno != ENOTCONN) os_error(vm, errno, "close_write", s->where);
}

static void conn_close(gs_vm *vm, int argc) {
  Conn *c = gs_get_userdata(vm, 0, CONN_TAG);
  lib_argc(vm, "close", argc - 1, 0, 0);
  if (c) sock_close(vm, &c->s);
}

static void lines_step(gs_vm *vm, int argc) {
  (void)argc;
  sock_lines_step(vm, CONN_TAG);
}
static const gs_reg lines_fn = {"lines", lines_step, 0, NULL};

static void conn_lines(gs_vm *vm, int argc) {
  conn_self(vm, "lines");
  lib_argc(vm, "lines", argc - 1, 0, 0);
  sock_return_generator(vm, &lines_fn, "net");
}

static void conn_local_addr(gs_vm *vm, int argc) {
  (void)argc;
  Conn *c = gs_get_userdata(vm, 0, CONN_TAG);
  gs_return_cstring(vm, c->local);
}
static void conn_remote_addr(gs_vm *vm, int argc) {
  (void)argc;
  Conn *c = gs_get_userdata(vm, 0, CONN_TAG);
  gs_return_cstring(vm, c->s.where);
}
static void conn_str(gs_vm *vm, int argc) {
  (void)argc;
  Conn *c = gs_get_userdata(vm, 0, CONN_TAG);
  char buf[320];
  snprintf(buf, sizeof buf, "<connection %s -> %s%s>", c->local, c->s.where, c->s.closed ? " (closed)" : "");
  gs_return_cstring(vm, buf);
}

/* ---- connect -------------------------------------------------------------------- */

/* Connect the connection in slot `slot` to sa; false (and *err) if it fails. */
static bool connect_one(gs_vm *vm, int slot, const struct sockaddr *sa, socklen_t sl, double timeout,
                        const char *shown, int *err) {
  Conn *c = conn_alloc(vm, slot);
  int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0 && (errno == EMFILE || errno == ENFILE)) {
    gs_collect(vm);   /* connections the script dropped give their descriptors back */
    fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  }
  if (fd < 0) os_error(vm, errno, "connect", shown);
  sock_adopt(&c->s, fd);   /* the finalizer closes it if a wait below raises */
  *err = 0;
  if (connect(fd, sa, sl) != 0) {
    *err = errno;
    if (*err == EINPROGRESS || *err == EAGAIN) {
      int r = gs_wait_fd(vm, fd, GS_WRITABLE, timeout);
      if (r == 0) {
        sock_close(vm, &c->s);
        sock_timeout_error(vm, "connect", shown, timeout);
      }
      socklen_t el = sizeof *err;
      if (getsockopt(fd, SOL_SOCKET, SO_ERROR, err, &el) != 0) *err = errno;
    }
  }
  if (*err) {
    sock_close(vm, &c->s);
    return false;
  }
  conn_adopt(c, fd);
  return true;
}

static void net_connect(gs_vm *vm, int argc) {
  lib_argc(vm, "net.connect", argc, 1, 2);
  size_t len;
  const char *s = lib_str(vm, "net.connect", 0, &len);
  double timeout = opt_secs(vm, argc > 1 ? 1 : -1, "net.connect", "timeout");
  Addr a;
  parse_addr(vm, "connect", s, len, &a);
  gs_ensure_slots(vm, 3);
  int err = ECONNREFUSED;
  if (a.is_unix) {
    struct sockaddr_un un;
    memset(&un, 0, sizeof un);
    un.sun_family = AF_UNIX;
    memcpy(un.sun_path, a.path, strlen(a.path));
    if (!connect_one(vm, 2, (struct sockaddr *)&un, sizeof un, timeout, s, &err)) os_error(vm, err, "connect", s);
    gs_return_slot(vm, 2);
    return;
  }
  if (!a.host[0]) strcpy(a.host, "127.0.0.1");   /* ":port" dials this machine */
  struct addrinfo *list = resolve(vm, "connect", s, &a, SOCK_STREAM);
  bool ok = false;
  /* a raise below (cancel, timeout) would leak the list: copy the addresses first */
  struct sockaddr_storage addrs[8];
  socklen_t lens[8];
  int n = 0;
  for (struct addrinfo *ai = list; ai && n < 8; ai = ai->ai_next) {
    memcpy(&addrs[n], ai->ai_addr, ai->ai_addrlen);
    lens[n++] = ai->ai_addrlen;
  }
  freeaddrinfo(list);
  for (int i = 0; i < n && !ok; i++) ok = connect_one(vm, 2, (struct sockaddr *)&addrs[i], lens[i], timeout, s, &err);
  if (!ok) os_error(vm, err, "connect", s);
  gs_return_slot(vm, 2);
}

/* ---- listeners ------------------------------------------------------------------ */

static void listener_close_now(gs_vm *vm, Listener *l) {
  if (l->closed) return;
  l->closed = true;
  gs_forget_fd(vm, l->fd);   /* a blocked accept raises closed */
  close(l->fd);
  if (l->path[0]) unlink(l->path);
}

static void listener_finalize(void *data) {
  Listener *l = data;
  listener_close_now(l->vm, l);
}

static void net_listen(gs_vm *vm, int argc) {
  lib_argc(vm, "net.listen", argc, 1, 2);
  size_t len;
  const char *s = lib_str(vm, "net.listen", 0, &len);
  int backlog = 511;
  if (argc > 1 && gs_get_type(vm, 1) != GS_NIL) {
    double b = opt_secs(vm, 1, "net.listen", "backlog");
    if (b >= 0) backlog = b > 65535 ? 65535 : (int)b;
  }
  Addr a;
  parse_addr(vm, "listen", s, len, &a);
  gs_ensure_slots(vm, 3);
  Listener *l = gs_new_userdata(vm, 2, LISTENER_TAG, sizeof(Listener), listener_finalize);
  l->vm = vm;
  l->closed = true;   /* until it has a socket */
  int fd = -1;
  if (a.is_unix) {
    struct sockaddr_un un;
    memset(&un, 0, sizeof un);
    un.sun_family = AF_UNIX;
    memcpy(un.sun_path, a.path, strlen(a.path));
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) os_error(vm, errno, "listen", s);
    if (bind(fd, (struct sockaddr *)&un, sizeof un) != 0) {
      int err = errno;
      close(fd);
      os_error(vm, err, "listen", s);
    }
    snprintf(l->path, sizeof l->path, "%s", a.path);
  } else {
    struct addrinfo *list = resolve(vm, "listen", s, &a, SOCK_STREAM);
    int err = EADDRNOTAVAIL;
    for (struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
      fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      if (fd < 0) { err = errno; continue; }
      int one = 1;
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
      if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        err = errno;
        close(fd);
        fd = -1;
      }
    }
    freeaddrinfo(list);
    if (fd < 0) os_error(vm, err, "listen", s);
  }
  if (listen(fd, backlog) != 0) {
    int err = errno;
    close(fd);
    if (l->path[0]) unlink(l->path);
    os_error(vm, err, "listen", s);
  }
  l->fd = fd;
  l->closed = false;
  sock_name(fd, false, l->addr, sizeof l->addr);
  if (a.is_unix) snprintf(l->addr, sizeof l->addr, "unix:%s", a.path);
  struct sockaddr_storage ss;
  socklen_t sl = sizeof ss;
  if (!a.is_unix && getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
    l->port = ntohs(ss.ss_family == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port : ((struct sockaddr_in6 *)&ss)->sin6_port);
  gs_return_slot(vm, 2);
}

static Listener *listener_self(gs_vm *vm, const char *op) {
  Listener *l = gs_get_userdata(vm, 0, LISTENER_TAG);
  if (!l) gs_error(vm, "%s() must be called on a listener", op);
  return l;
}

/* Accept one connection into slot dest; false when the listener is (or
 * gets) closed. Raises too_many_files when out of descriptors even after a
 * collection. */
static bool accept_into(gs_vm *vm, Listener *l, int dest) {
  bool collected = false;
  Conn *c = conn_alloc(vm, dest);
  for (;;) {
    if (l->closed) return false;
    int fd = accept4(l->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      conn_adopt(c, fd);
      return true;
    }
    int err = errno;
    if (err == EINTR || err == ECONNABORTED) continue;
    if (err == EMFILE || err == ENFILE) {
      if (!collected) {
        collected = true;
        gs_collect(vm);   /* dropped connections give their descriptors back */
        continue;
      }
      os_error(vm, err, "accept", l->addr);
    }
    if (err != EAGAIN && err != EWOULDBLOCK) os_error(vm, err, "accept", l->addr);
    sock_check_busy(vm, l->fd, GS_READABLE, "accept", l->addr);
    if (gs_wait_fd(vm, l->fd, GS_READABLE, -1) == GS_WAIT_CLOSED) return false;
  }
}

static void listener_accept(gs_vm *vm, int argc) {
  Listener *l = listener_self(vm, "accept");
  lib_argc(vm, "accept", argc - 1, 0, 0);
  gs_ensure_slots(vm, 2);
  if (!accept_into(vm, l, 1)) closed_error(vm, "accept", l->addr);
  gs_return_slot(vm, 1);
}

static void accept_step(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  for (;;) {
    Listener *l = gs_get_userdata(vm, 0, LISTENER_TAG);
    if (!accept_into(vm, l, 1)) return;   /* closed: the loop ends quietly */
    gs_yield_value(vm, 1, -1);
  }
}
static const gs_reg accept_fn = {"accept", accept_step, 0, NULL};

static void listener_iter(gs_vm *vm, int argc) {
  listener_self(vm, "iter");
  lib_argc(vm, "iter", argc - 1, 0, 0);
  sock_return_generator(vm, &accept_fn, "net");
}

static void listener_close(gs_vm *vm, int argc) {
  Listener *l = listener_self(vm, "close");
  lib_argc(vm, "close", argc - 1, 0, 0);
  listener_close_now(vm, l);
}

static void listener_addr(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_cstring(vm, listener_self(vm, "addr")->addr);
}
static void listener_port(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, listener_self(vm, "port")->port);
}
static void listener_str(gs_vm *vm, int argc) {
  (void)argc;
  Listener *l = listener_self(vm, "str");
  char buf[200];
  snprintf(buf, sizeof buf, "<listener %s%s>", l->addr, l->closed ? " (closed)" : "");
  gs_return_cstring(vm, buf);
}

/* ---- UDP ------------------------------------------------------------------------- */

#define UDP_TAG "net.udp"

typedef struct {
  gs_vm *vm;
  int fd;
  bool closed;
  char addr[ADDR_LEN];
} Udp;

static void udp_finalize(void *data) {
  Udp *u = data;
  if (!u->closed) {
    gs_forget_fd(u->vm, u->fd);
    close(u->fd);
  }
}

static Udp *udp_self(gs_vm *vm, const char *op) {
  Udp *u = gs_get_userdata(vm, 0, UDP_TAG);
  if (!u) gs_error(vm, "%s() must be called on a UDP socket", op);
  if (u->closed) closed_error(vm, op, u->addr);
  return u;
}

/* The first address of addr (resolved), into *ss */
static socklen_t udp_target(gs_vm *vm, const char *op, const char *s, size_t len, struct sockaddr_storage *ss) {
  Addr a;
  parse_addr(vm, op, s, len, &a);
  if (a.is_unix) bad_address(vm, op, s, "UDP needs a host and a port");
  if (!a.host[0]) strcpy(a.host, "127.0.0.1");
  struct addrinfo *list = resolve(vm, op, s, &a, SOCK_DGRAM);
  socklen_t sl = list->ai_addrlen;
  memcpy(ss, list->ai_addr, sl);
  freeaddrinfo(list);
  return sl;
}

static void net_udp(gs_vm *vm, int argc) {
  lib_argc(vm, "net.udp", argc, 0, 1);
  const char *s = "0.0.0.0:0";
  size_t len = strlen(s);
  if (argc > 0) s = lib_str(vm, "net.udp", 0, &len);
  Addr a;
  parse_addr(vm, "udp", s, len, &a);
  if (a.is_unix) bad_address(vm, "udp", s, "UDP needs a host and a port");
  if (!a.host[0]) strcpy(a.host, "0.0.0.0");
  gs_ensure_slots(vm, 2);
  Udp *u = gs_new_userdata(vm, 1, UDP_TAG, sizeof(Udp), udp_finalize);
  u->vm = vm;
  u->closed = true;
  struct addrinfo *list = resolve(vm, "udp", s, &a, SOCK_DGRAM);
  struct sockaddr_storage ss;
  socklen_t sl = list->ai_addrlen;
  memcpy(&ss, list->ai_addr, sl);
  freeaddrinfo(list);
  int fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) os_error(vm, errno, "udp", s);
  if (bind(fd, (struct sockaddr *)&ss, sl) != 0) {
    int err = errno;
    close(fd);
    os_error(vm, err, "udp", s);
  }
  u->fd = fd;
  u->closed = false;
  sock_name(fd, false, u->addr, sizeof u->addr);
  gs_return_slot(vm, 1);
}

static void udp_send_to(gs_vm *vm, int argc) {
  Udp *u = udp_self(vm, "send_to");
  lib_argc(vm, "send_to", argc - 1, 2, 2);
  size_t len, alen;
  lib_str(vm, "send_to", 1, &len);
  const char *to = lib_str(vm, "send_to", 2, &alen);
  struct sockaddr_storage ss;
  socklen_t sl = udp_target(vm, "send_to", to, alen, &ss);
  for (;;) {
    const char *data = gs_get_string(vm, 1, &len);
    ssize_t n = sendto(u->fd, data, len, MSG_NOSIGNAL, (struct sockaddr *)&ss, sl);
    if (n >= 0) return;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) os_error(vm, errno, "send_to", gs_get_string(vm, 2, NULL));
    if (gs_wait_fd(vm, u->fd, GS_WRITABLE, -1) == GS_WAIT_CLOSED || u->closed) closed_error(vm, "send_to", u->addr);
  }
}

static void udp_recv_from(gs_vm *vm, int argc) {
  Udp *u = udp_self(vm, "recv_from");
  lib_argc(vm, "recv_from", argc - 1, 0, 1);
  int64_t max = argc > 1 ? lib_int(vm, "recv_from", 1) : SOCK_READ_DEFAULT;
  if (max <= 0) gs_error(vm, "recv_from(): max must be positive, got %lld", (long long)max);
  for (;;) {
    /* the datagram's size first, so that no buffer is held while waiting */
    ssize_t size = recv(u->fd, NULL, 0, MSG_PEEK | MSG_TRUNC);
    if (size >= 0) {
      size_t want = (size_t)size < (size_t)max ? (size_t)size : (size_t)max;
      char *buf = malloc(want ? want : 1);
      if (!buf) gs_error(vm, "out of memory");
      struct sockaddr_storage ss;
      socklen_t sl = sizeof ss;
      ssize_t n = recvfrom(u->fd, buf, want, 0, (struct sockaddr *)&ss, &sl);
      if (n < 0) {
        free(buf);
        continue;
      }
      char from[ADDR_LEN];
      format_addr((struct sockaddr *)&ss, from, sizeof from);
      gs_ensure_slots(vm, 4);
      gs_set_string(vm, 2, buf, (size_t)n);
      free(buf);
      gs_new_list(vm, 1);
      gs_list_push(vm, 1, 2);
      gs_set_cstring(vm, 2, from);
      gs_list_push(vm, 1, 2);
      gs_return_slot(vm, 1);
      return;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) os_error(vm, errno, "recv_from", u->addr);
    if (gs_wait_fd(vm, u->fd, GS_READABLE, -1) == GS_WAIT_CLOSED || u->closed) closed_error(vm, "recv_from", u->addr);
  }
}

static void udp_close(gs_vm *vm, int argc) {
  Udp *u = gs_get_userdata(vm, 0, UDP_TAG);
  lib_argc(vm, "close", argc - 1, 0, 0);
  if (!u || u->closed) return;
  u->closed = true;
  gs_forget_fd(vm, u->fd);
  close(u->fd);
}

static void udp_addr(gs_vm *vm, int argc) {
  (void)argc;
  Udp *u = gs_get_userdata(vm, 0, UDP_TAG);
  gs_return_cstring(vm, u->addr);
}

static const gs_reg udp_methods[] = {
  {"send_to", udp_send_to, -1, "udp.send_to(data, addr)\nSend one datagram to addr."},
  {"recv_from", udp_recv_from, -1, "udp.recv_from(max?)\n[data, sender address] of the next datagram (at most max bytes, 65536)."},
  {"close", udp_close, -1, "udp.close()\nClose it (idempotent); a fiber blocked on it raises closed."},
  {"addr", udp_addr, GS_GETTER, "udp.addr\nThe bound address."},
  {NULL, NULL, 0, NULL},
};

/* ---- resolve -------------------------------------------------------------------- */

static void net_resolve(gs_vm *vm, int argc) {
  lib_argc(vm, "net.resolve", argc, 1, 1);
  size_t len;
  const char *host = lib_str(vm, "net.resolve", 0, &len);
  Addr a;
  memset(&a, 0, sizeof a);
  if (len == 0 || len >= sizeof a.host || strlen(host) != len) bad_address(vm, "resolve", host, "bad host name");
  memcpy(a.host, host, len);
  struct addrinfo *list = resolve(vm, "resolve", host, &a, SOCK_STREAM);
  gs_ensure_slots(vm, 3);
  gs_new_list(vm, 1);
  for (struct addrinfo *ai = list; ai; ai = ai->ai_next) {
    char ip[INET6_ADDRSTRLEN];
    const void *src = ai->ai_family == AF_INET ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
                                               : (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
    if (!inet_ntop(ai->ai_family, src, ip, sizeof ip)) continue;
    bool seen = false;   /* one entry per address (getaddrinfo may repeat them) */
    for (int i = 0, n = gs_list_count(vm, 1); i < n && !seen; i++) {
      gs_list_get(vm, 1, i, 2);
      seen = strcmp(gs_get_string(vm, 2, NULL), ip) == 0;
    }
    if (seen) continue;
    gs_set_cstring(vm, 2, ip);
    gs_list_push(vm, 1, 2);
  }
  freeaddrinfo(list);
  gs_return_slot(vm, 1);
}

/* ---- the module ----------------------------------------------------------------- */

static const gs_reg net_funcs[] = {
  {"listen", net_listen, -1, "net.listen(addr, opts?)\nA listening socket: \"127.0.0.1:0\", \"[::1]:8080\", \":0\", \"unix:/path\"; opts.backlog (511)."},
  {"connect", net_connect, -1, "net.connect(addr, opts?)\nA connection to addr; opts.timeout in seconds. Host names are resolved without blocking other fibers."},
  {"udp", net_udp, -1, "net.udp(addr?)\nA UDP socket bound to addr (\"0.0.0.0:0\")."},
  {"resolve", net_resolve, -1, "net.resolve(host)\nThe host's addresses as strings, IPv4 first; raises not_found."},
  {NULL, NULL, 0, NULL},
};

static const gs_reg conn_methods[] = {
  {"read", conn_read, -1, "connection.read(max?)\n1..max bytes (65536) as soon as any are there; nil at end of stream."},
  {"read_line", conn_read_line, -1, "connection.read_line()\nThe next line without \"\\n\" or \"\\r\\n\"; nil at end of stream."},
  {"read_exactly", conn_read_exactly, -1, "connection.read_exactly(n)\nExactly n bytes; raises closed (e.partial) if the stream ends first."},
  {"lines", conn_lines, -1, "connection.lines()\nA generator of read_line() until end of stream."},
  {"write", conn_write, -1, "connection.write(data)\nReturns once the kernel has taken every byte (back-pressure)."},
  {"close_write", conn_close_write, -1, "connection.close_write()\nThe peer reads end of stream; reading still works."},
  {"close", conn_close, -1, "connection.close()\nClose it (idempotent); a fiber blocked on it raises closed."},
  {"set_timeout", conn_set_timeout, -1, "connection.set_timeout(secs)\nTime limit of every later read and write (nil: none)."},
  {"local_addr", conn_local_addr, GS_GETTER, "connection.local_addr\nThe local address, \"127.0.0.1:5000\"."},
  {"remote_addr", conn_remote_addr, GS_GETTER, "connection.remote_addr\nThe peer's address."},
  {"str", conn_str, 0, "connection.str()\nHow it prints: <connection local -> remote>."},
  {NULL, NULL, 0, NULL},
};

static const gs_reg listener_methods[] = {
  {"accept", listener_accept, -1, "listener.accept()\nThe next connection; raises closed once the listener is closed."},
  {"close", listener_close, -1, "listener.close()\nStop listening; a blocked accept raises closed (a unix socket file is removed)."},
  {"iter", listener_iter, -1, "listener.iter()\nfor conn in listener: accepts until the listener is closed."},
  {"addr", listener_addr, GS_GETTER, "listener.addr\nThe bound address, with the port the system chose for :0."},
  {"port", listener_port, GS_GETTER, "listener.port\nThe bound port (an int)."},
  {"str", listener_str, 0, "listener.str()\nHow it prints: <listener addr>."},
  {NULL, NULL, 0, NULL},
};

void lib_net_open(gs_vm *vm) {
  gs_register_module(vm, "net", net_funcs);
  gs_register_class(vm, CONN_TAG, conn_methods);
  gs_register_class(vm, LISTENER_TAG, listener_methods);
  gs_register_class(vm, UDP_TAG, udp_methods);
}
