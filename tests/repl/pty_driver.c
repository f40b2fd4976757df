/* pty_driver.c — run a program on a pseudo-terminal and drive it with a
 * small script, like a minimal `expect`. Used by the REPL tests.
 *
 *   pty_driver [-t SECONDS] [-d MS] [-o TRANSCRIPT] [-r RAW] -- program args... < script
 *
 * The program runs as a session leader with the pty as its controlling
 * terminal (80x24), so Ctrl-C typed as \x03 becomes SIGINT. Script lines:
 *
 *   send TEXT      type TEXT, one byte every -d MS milliseconds (default 2);
 *                  nothing if the program has closed the terminal.
 *                  Escapes: \n \r \t \e \\ \" \xHH (\r is the Enter key).
 *   expect TEXT    wait (at most -t seconds, default 10) until TEXT appears in
 *                  the cleaned output after the cursor; the cursor moves past
 *                  it. Same escapes as send.
 *   next TEXT      like expect, but TEXT must start right at the cursor:
 *                  the output in between is exactly what the lines say.
 *   absent TEXT    TEXT does not occur in the cleaned output read so far,
 *                  after the cursor.
 *   sleep SECONDS  keep reading output for that long.
 *   exit N         wait for the program to exit with status N.
 *   # ...          a comment; blank lines are ignored.
 *
 * The "cleaned" output has terminal escape sequences (ESC [ ... final, ESC
 * and one character), carriage returns, bells and backspaces removed, so
 * `expect "\n3\ngs> "` matches a value printed on a line of its own followed
 * by the next prompt. On failure the driver says which line failed and prints
 * the cleaned output; -o writes it to a file in any case, -r writes the raw
 * bytes as they arrive. Exit status: 0 when every line passed, 1 on a
 * failure, 2 on bad usage, 77 when no pseudo-terminal can be opened. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static pid_t child;
static int child_status = -1;       /* set once reaped */
static char *clean;                 /* cleaned output */
static size_t clean_len, clean_cap, cursor;
static int esc_state;               /* 0 none, 1 after ESC, 2 in CSI */
static const char *transcript_path;
static FILE *raw_file;              /* -r: every byte as received */
static int lineno;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_clean(char c) {
  if (clean_len + 2 > clean_cap) {
    clean_cap = clean_cap ? clean_cap * 2 : 4096;
    clean = realloc(clean, clean_cap);
    if (!clean) { perror("realloc"); exit(2); }
  }
  clean[clean_len++] = c;
  clean[clean_len] = 0;
}

static void feed(const char *buf, size_t n) {
  if (raw_file) { fwrite(buf, 1, n, raw_file); fflush(raw_file); }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    switch (esc_state) {
      case 1:
        esc_state = c == '[' ? 2 : 0;
        continue;
      case 2:
        if (c >= 0x40 && c <= 0x7e) esc_state = 0;
        continue;
    }
    if (c == 0x1b) { esc_state = 1; continue; }
    if (c == '\r' || c == '\a' || c == '\b') continue;
    add_clean((char)c);
  }
}

static void save_transcript(void) {
  if (!transcript_path) return;
  FILE *f = fopen(transcript_path, "w");
  if (!f) return;
  if (clean) fwrite(clean, 1, clean_len, f);
  fclose(f);
}

static _Noreturn void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "pty_driver: script line %d: ", lineno);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n---- output (cleaned) ----\n%s\n---- end ----\n", clean ? clean : "");
  va_end(ap);
  save_transcript();
  if (child_status < 0 && child > 0) {
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
  }
  exit(1);
}

/* Read whatever output arrives within `secs` (or until the child closes
 * the pty). Returns false once the pty is closed. */
static bool pump(double secs) {
  if (master < 0) return false;
  struct pollfd p = {.fd = master, .events = POLLIN};
  int ms = secs <= 0 ? 0 : (int)(secs * 1000);
  int r = poll(&p, 1, ms);
  if (r < 0) return errno == EINTR;
  if (r == 0) return true;
  char buf[4096];
  ssize_t k = read(master, buf, sizeof buf);
  if (k <= 0) {
    if (k < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    close(master);
    master = -1;
    return false;
  }
  feed(buf, (size_t)k);
  return true;
}

static size_t unescape(const char *s, char *out) {
  size_t n = 0;
  for (; *s; s++) {
    if (*s != '\\' || !s[1]) { out[n++] = *s; continue; }
    s++;
    switch (*s) {
      case 'n': out[n++] = '\n'; break;
      case 'r': out[n++] = '\r'; break;
      case 't': out[n++] = '\t'; break;
      case 'e': out[n++] = 0x1b; break;
      case '\\': out[n++] = '\\'; break;
      case '"': out[n++] = '"'; break;
      case 'x': {
        unsigned v = 0;
        int k = 0;
        while (k < 2 && s[1] && strchr("0123456789abcdefABCDEF", s[1])) {
          char ch = *++s;
          v = v * 16 + (unsigned)(ch <= '9' ? ch - '0' : (ch | 32) - 'a' + 10);
          k++;
        }
        out[n++] = (char)v;
        break;
      }
      default: out[n++] = '\\'; out[n++] = *s; break;
    }
  }
  out[n] = 0;
  return n;
}

static const char *find(const char *hay, size_t hlen, const char *needle, size_t nlen) {
  if (nlen == 0) return hay;
  if (hlen < nlen) return NULL;
  for (size_t i = 0; i + nlen <= hlen; i++)
    if (memcmp(hay + i, needle, nlen) == 0) return hay + i;
  return NULL;
}

static int delay_ms = 2;
static double timeout_s = 10;

static void do_send(const char *text, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (master < 0) return;   /* it exited: the next expect tells */
    ssize_t w = write(master, text + i, 1);
    if (w < 0 && errno != EINTR) fail("write: %s", strerror(errno));
    if (delay_ms > 0) {
      double until = now() + delay_ms / 1000.0;
      while (now() < until) pump(until - now());
    } else {
      pump(0);
    }
  }
}

static void do_expect(const char *text, size_t n) {
  double deadline = now() + timeout_s;
  for (;;) {
    const char *hit = clean ? find(clean + cursor, clean_len - cursor, text, n) : NULL;
    if (hit) { cursor = (size_t)(hit - clean) + n; return; }
    double left = deadline - now();
    if (left <= 0) fail("timed out waiting for \"%s\"", text);
    if (!pump(left)) {
      hit = clean ? find(clean + cursor, clean_len - cursor, text, n) : NULL;
      if (hit) { cursor = (size_t)(hit - clean) + n; return; }
      fail("program closed the terminal before \"%s\" appeared", text);
    }
  }
}

static void do_next(const char *text, size_t n) {
  double deadline = now() + timeout_s;
  while (clean_len - cursor < n) {
    double left = deadline - now();
    if (clean_len > cursor && memcmp(clean + cursor, text, clean_len - cursor) != 0) break;
    if (left <= 0) fail("timed out waiting for \"%s\" right after the cursor", text);
    if (!pump(left)) break;
  }
  if (clean_len - cursor < n || memcmp(clean + cursor, text, n) != 0) {
    char got[200];
    size_t k = clean_len - cursor < sizeof got - 1 ? clean_len - cursor : sizeof got - 1;
    memcpy(got, clean ? clean + cursor : "", k);
    got[k] = 0;
    fail("expected \"%s\" right after the cursor, got \"%s\"", text, got);
  }
  cursor += n;
}

static void do_exit(int want) {
  double deadline = now() + timeout_s;
  while (child_status < 0) {
    while (pump(0.02)) {
      if (now() > deadline) break;
      pid_t r = waitpid(child, &child_status, WNOHANG);
      if (r == child) break;
      child_status = -1;
    }
    if (child_status >= 0) break;
    pid_t r = waitpid(child, &child_status, WNOHANG);
    if (r == child) break;
    child_status = -1;
    if (now() > deadline) fail("program did not exit");
    usleep(20000);
  }
  while (pump(0.05)) {}
  int got = WIFEXITED(child_status) ? WEXITSTATUS(child_status) : 128 + WTERMSIG(child_status);
  if (got != want) fail("exit status %d, expected %d", got, want);
}

int main(int argc, char **argv) {
  int i = 1;
  for (; i < argc; i++) {
    if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) timeout_s = atof(argv[++i]);
    else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) delay_ms = atoi(argv[++i]);
    else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) transcript_path = argv[++i];
    else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
      raw_file = fopen(argv[++i], "w");
      if (!raw_file) { perror(argv[i]); return 2; }
    }
    else if (strcmp(argv[i], "--") == 0) { i++; break; }
    else break;
  }
  if (i >= argc) {
    fprintf(stderr, "usage: pty_driver [-t SECONDS] [-d MS] [-o FILE] [-r RAWFILE] -- program args... < script\n");
    return 2;
  }

  master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
    perror("pty_driver: posix_openpt");
    return 77;                      /* no pseudo-terminals here */
  }
  const char *sname = ptsname(master);
  if (!sname) { perror("ptsname"); return 2; }
  child = fork();
  if (child < 0) { perror("fork"); return 2; }
  if (child == 0) {
    setsid();
    int slave = open(sname, O_RDWR);
    if (slave < 0) { perror("open slave"); _exit(127); }
    ioctl(slave, TIOCSCTTY, 0);
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    ioctl(slave, TIOCSWINSZ, &ws);
    dup2(slave, 0);
    dup2(slave, 1);
    dup2(slave, 2);
    if (slave > 2) close(slave);
    close(master);
    signal(SIGINT, SIG_DFL);
    execvp(argv[i], argv + i);
    perror("exec");
    _exit(127);
  }

  char line[8192], text[8192];
  while (fgets(line, sizeof line, stdin)) {
    lineno++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    if (!*p || *p == '#') continue;
    char *arg = strchr(p, ' ');
    if (arg) *arg++ = 0; else arg = p + strlen(p);
    /* an argument may be quoted to keep leading/trailing spaces */
    size_t al = strlen(arg);
    if (al >= 2 && arg[0] == '"' && arg[al - 1] == '"') { arg[al - 1] = 0; arg++; }
    if (strcmp(p, "send") == 0) {
      size_t tn = unescape(arg, text);
      do_send(text, tn);
    } else if (strcmp(p, "expect") == 0) {
      size_t tn = unescape(arg, text);
      do_expect(text, tn);
    } else if (strcmp(p, "next") == 0) {
      size_t tn = unescape(arg, text);
      do_next(text, tn);
    } else if (strcmp(p, "absent") == 0) {
      size_t tn = unescape(arg, text);
      pump(0);
      if (clean && find(clean + cursor, clean_len - cursor, text, tn)) fail("\"%s\" should not appear", arg);
    } else if (strcmp(p, "sleep") == 0) {
      double until = now() + atof(arg);
      while (now() < until && pump(until - now())) {}
      while (now() < until) usleep(10000);
    } else if (strcmp(p, "exit") == 0) {
      do_exit(atoi(arg));
    } else {
      fail("unknown command '%s'", p);
    }
  }
  save_transcript();
  if (child_status < 0) {
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
  }
  return 0;
}
