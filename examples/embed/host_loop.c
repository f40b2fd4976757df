/* host_loop.c — a host that owns its event loop (poll() with a frame timer,
 * as a game or GUI would) and folds the VM's event loop into it.
 *
 * The script talks over one end of a socketpair with natives that park the
 * calling fiber until the socket is ready (gs_wait_fd), so they never block
 * the host. The host holds the other end: once per frame it sends a line,
 * and it prints the replies. Its poll() watches its own socket and the VM's
 * loop descriptor (gs_loop_fd), with the earlier of its next frame and the
 * VM's next timer (gs_next_timer_ns) as the timeout; whenever anything
 * fired it runs one slice (gs_run_ready), which first collects the VM's I/O
 * without blocking.
 *
 *   cc -Iinclude examples/embed/host_loop.c build/libgs.a -luv -lpcre2-8 -lm -o host_loop
 *   ./host_loop [lines]        (default 5)
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "gs.h"

#define FRAME_NS 2000000   /* the host's frame: 2 ms */

typedef struct {
  int fd;                  /* the script's end of the socketpair */
  char buf[4096];          /* what recv_line has read and not returned */
  size_t have;
} ScriptEnd;

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* recv_line() -> the next line without "\n", or nil at end of stream */
static void nat_recv_line(gs_vm *vm, int argc) {
  (void)argc;
  ScriptEnd *s = gs_user_data(vm);
  for (;;) {
    char *nl = memchr(s->buf, '\n', s->have);
    if (nl) {
      size_t len = (size_t)(nl - s->buf);
      gs_return_string(vm, s->buf, len);
      s->have -= len + 1;
      memmove(s->buf, nl + 1, s->have);
      return;
    }
    if (s->have == sizeof s->buf) gs_error(vm, "recv_line: line too long");
    ssize_t n = read(s->fd, s->buf + s->have, sizeof s->buf - s->have);
    if (n > 0) {
      s->have += (size_t)n;
    } else if (n == 0) {
      return;   /* end of stream: nil */
    } else if (errno == EAGAIN) {
      gs_wait_fd(vm, s->fd, GS_READABLE, -1);   /* only this fiber waits */
    } else if (errno != EINTR) {
      gs_error(vm, "recv_line: %s", strerror(errno));
    }
  }
}

/* send(text): every byte written, waiting while the socket is full */
static void nat_send(gs_vm *vm, int argc) {
  (void)argc;
  ScriptEnd *s = gs_user_data(vm);
  size_t len;
  const char *text = gs_get_string(vm, 0, &len);
  while (len > 0) {
    ssize_t n = write(s->fd, text, len);
    if (n >= 0) {
      text += n;
      len -= (size_t)n;
    } else if (errno == EAGAIN) {
      gs_wait_fd(vm, s->fd, GS_WRITABLE, -1);
    } else if (errno != EINTR) {
      gs_error(vm, "send: %s", strerror(errno));
    }
  }
}

static const char *script =
    "let served = 0\n"
    "spawn {\n"
    "  while true {\n"
    "    let line = recv_line()\n"
    "    if line == nil { break }\n"
    "    sleep(0.001)                  # the VM's own timer, in the same loop\n"
    "    send(\"echo \" + line + \"\\n\")\n"
    "    served += 1\n"
    "  }\n"
    "}\n";

int main(int argc, char **argv) {
  int nlines = argc > 1 ? atoi(argv[1]) : 5;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
    perror("socketpair");
    return 1;
  }
  ScriptEnd end = {sv[1], {0}, 0};
  fcntl(end.fd, F_SETFL, fcntl(end.fd, F_GETFL) | O_NONBLOCK);
  int host_fd = sv[0];

  gs_config cfg;
  gs_config_init(&cfg);
  cfg.user_data = &end;
  gs_vm *vm = gs_new(&cfg);
  if (!vm) return 1;
  gs_register(vm, "recv_line", nat_recv_line, 0);
  gs_register(vm, "send", nat_send, 1);
  if (gs_run_string(vm, "host_loop.gs", script, strlen(script)) != GS_OK) {
    fprintf(stderr, "error: %s\n", gs_error_message(vm));
    return 1;
  }
  int loop_fd = gs_loop_fd(vm);
  if (loop_fd < 0) {
    fprintf(stderr, "no event loop\n");
    return 1;
  }

  int sent = 0, replies = 0, frames = 0;
  int64_t next_frame = now_ns();
  char in[4096];
  size_t have = 0;
  for (;;) {
    int live = gs_run_ready(vm);
    if (live < 0) {
      fprintf(stderr, "%s\n", gs_error_message(vm));
      break;
    }
    if (live == 0 && replies == nlines) break;
    /* the host's own work, once per frame */
    if (now_ns() >= next_frame) {
      frames++;
      next_frame += FRAME_NS;
      if (sent < nlines) {
        char line[64];
        int len = snprintf(line, sizeof line, "line %d\n", ++sent);
        if (write(host_fd, line, (size_t)len) != len) perror("write");
        if (sent == nlines) shutdown(host_fd, SHUT_WR);   /* the script reads nil */
      }
    }
    /* sleep until the host's frame, the VM's next timer or I/O */
    int64_t wait = next_frame - now_ns(), vm_wait = gs_next_timer_ns(vm);
    if (vm_wait >= 0 && vm_wait < wait) wait = vm_wait;
    if (wait < 0) wait = 0;
    struct pollfd p[2] = {{host_fd, POLLIN, 0}, {loop_fd, POLLIN, 0}};
    if (poll(p, 2, (int)((wait + 999999) / 1000000)) < 0 && errno != EINTR) {
      perror("poll");
      break;
    }
    if (p[0].revents & POLLIN) {
      ssize_t n = read(host_fd, in + have, sizeof in - 1 - have);
      if (n > 0) have += (size_t)n;
      char *nl;
      while ((nl = memchr(in, '\n', have))) {
        *nl = '\0';
        printf("host got: %s\n", in);
        replies++;
        have -= (size_t)(nl - in) + 1;
        memmove(in, nl + 1, have);
      }
    }
  }
  gs_ensure_slots(vm, 1);
  gs_get_global(vm, "served", 0);
  printf("script served %lld lines\n", (long long)gs_get_int(vm, 0));
  fprintf(stderr, "(%d frames)\n", frames);
  gs_forget_fd(vm, end.fd);
  gs_free(vm);
  close(sv[0]);
  close(sv[1]);
  return 0;
}
