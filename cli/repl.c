/* repl.c — the interactive REPL (`gs` on a terminal). See docs/repl.md.
 *
 * Line editing and history come from libedit's native API (<histedit.h>).
 * libedit reads characters through our own read function (EL_GETCFN), which
 * waits with poll() on standard input and, while fibers are alive, the VM's
 * event loop (gs_loop_fd), with a timeout taken from the fiber scheduler's
 * next timer: while the prompt sits idle, due timers fire, I/O wakes the
 * fibers that wait for it (a server started at the prompt keeps serving) and
 * ready fibers run (gs_run_ready). Their output goes through the VM's
 * writers, which are ours (repl_config): the first write clears the prompt
 * and the partial input from the screen, and once the fibers are idle again
 * libedit redraws them (EL_REFRESH).
 *
 * Completeness of an entry is decided by the parser: gs_run_repl compiles
 * the accumulated text, and when it stops inside a statement (an open
 * block, bracket or string, a trailing operator: GS_INCOMPLETE) another
 * line is read with the `... ` prompt.
 *
 * Ctrl-C is SIGINT: while script code runs it calls gs_interrupt (the
 * interpreter raises `interrupted`); at the prompt our read function turns it
 * into a key bound to "gs-cancel", which throws away the entry.
 *
 * Like main.c, this file uses nothing but include/gs.h.
 *
 * Tab completion, help() and how results look come from the library
 * (gs_complete, help, gs_show in gs.h): here they are only wired to libedit
 * and the terminal. */
#define _GNU_SOURCE 1  /* wcwidth */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <histedit.h>

#include "gs.h"
#include "repl.h"

#define REPL_NAME "<repl>"
#define PROMPT "gs> "
#define PROMPT_CONT "... "
#define HIST_MAX 1000
#define SHOW_LIMIT 1000     /* characters of a result before it is shortened */
#define COMPLETE_SLOT 0     /* host slots used by completion: the list, an item */
#define RESULT_SLOT 0       /* host slots used by an entry: its value, how it shows */

typedef struct {
  char *data;
  size_t len, cap;
} Text;

static struct {
  gs_vm *vm;
  EditLine *el;
  History *hist;
  char *hist_path;          /* NULL: history is not saved */
  bool cont;                /* reading a continuation line */
  bool cancelled;           /* gs-cancel ran during this el_gets */
  bool in_read;             /* the prompt and input are on the screen */
  bool cleared;             /* ... and were wiped for fiber output */
  bool at_bol;              /* the last thing written ended a line */
  bool ansi;                /* the terminal understands ANSI cursor moves */
  FILE *term;               /* where prompts go: stdout, or stderr if stdout
                               is not the terminal */
  bool ctrl_c_newline;      /* after_echoed_ctrl_c() did its newline */
  bool color_out, color_err;/* ANSI colors on standard output / error */
  bool full;                /* show long results in full (:full) */
  int live;                 /* fibers alive after the last gs_run_ready */
} R;

static struct termios saved_tty;        /* the terminal as we found it */
static bool tty_saved;

static volatile sig_atomic_t evaluating;   /* script code is running */
static volatile sig_atomic_t got_sigint, got_sigwinch, got_sigcont;

/* ---- text buffer ---------------------------------------------------- */

static void text_add(Text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t nc = t->cap ? t->cap : 256;
    while (nc < t->len + n + 1) nc *= 2;
    char *d = realloc(t->data, nc);
    if (!d) { fprintf(stderr, "gs: out of memory\n"); exit(1); }
    t->data = d;
    t->cap = nc;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = 0;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return false;
  return true;
}

/* ---- signals -------------------------------------------------------- */

static void on_signal(int sig) {
  if (sig == SIGINT) {
    got_sigint = 1;
    if (evaluating && R.vm) gs_interrupt(R.vm);
  } else if (sig == SIGWINCH) {
    got_sigwinch = 1;
  } else if (sig == SIGCONT) {
    got_sigcont = 1;
  }
}

static void install_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_signal;
  sa.sa_flags = 0;            /* SIGINT breaks poll/read/nanosleep */
  sigaction(SIGINT, &sa, NULL);
  sa.sa_flags = SA_RESTART;   /* a resize must not break a script's input() */
  sigaction(SIGWINCH, &sa, NULL);
  sigaction(SIGCONT, &sa, NULL);
}

/* os.exit() from a fiber that runs while the prompt is up would leave the
 * terminal in libedit's raw mode */
static void restore_tty(void) {
  if (tty_saved) tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_tty);
}

/* ---- output: the VM's writers while the REPL runs --------------------- */

static int term_cols(void) {
  struct winsize ws;
  if (ioctl(fileno(R.term), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

/* Wipe the prompt and the partial input (which may span several rows) so
 * that fiber output starts at the prompt's first column. */
static void clear_input_area(void) {
  R.cleared = true;
  if (!R.ansi) {
    fputc('\n', R.term);
    fflush(R.term);
    return;
  }
  const LineInfoW *li = el_wline(R.el);
  int cols = term_cols();
  int rows = 0;
  long col = (long)strlen(R.cont ? PROMPT_CONT : PROMPT);
  for (const wchar_t *p = li->buffer; p < li->cursor; p++) {
    if (*p == L'\n') { rows += (int)(col / cols); rows++; col = 0; continue; }
    int w = wcwidth(*p);
    col += w > 0 ? w : (*p < 0x20 ? 2 : 0);   /* libedit shows ^X for controls */
  }
  rows += (int)(col / cols);
  fputc('\r', R.term);
  if (rows > 0) fprintf(R.term, "\033[%dA", rows);
  fputs("\033[J", R.term);
  fflush(R.term);
}

/* Ctrl-C while script code runs: the terminal (in cooked mode) echoed ^C
 * where the cursor was; start the next output on a line of its own. */
static void after_echoed_ctrl_c(void) {
  if (got_sigint && evaluating && !R.in_read && !R.ctrl_c_newline) {
    fputc('\n', R.term);
    fflush(R.term);
    R.ctrl_c_newline = true;
    R.at_bol = true;
  }
}

static void emit(FILE *f, const char *s, size_t n) {
  if (n == 0) return;
  if (R.in_read && !R.cleared) clear_input_area();
  after_echoed_ctrl_c();
  fflush(f == stdout ? stderr : stdout);
  fwrite(s, 1, n, f);
  fflush(f);
  R.at_bol = s[n - 1] == '\n';
}

static void repl_write_out(gs_vm *vm, const char *s, size_t n, void *ud) { emit(stdout, s, n); }
static void repl_write_err(gs_vm *vm, const char *s, size_t n, void *ud) { emit(stderr, s, n); }

void repl_config(gs_config *cfg) {
  cfg->write = repl_write_out;
  cfg->write_error = repl_write_err;
}

static void ensure_bol(void) {
  after_echoed_ctrl_c();
  if (!R.at_bol) {
    fputc('\n', R.term);
    fflush(R.term);
    R.at_bol = true;
  }
}

/* ---- running fibers while the prompt is idle ------------------------ */

static void idle_tick(void) {
  R.in_read = true;
  R.cleared = false;
  evaluating = 1;
  R.live = gs_run_ready(R.vm);
  evaluating = 0;
  gs_clear_interrupt(R.vm);
  R.in_read = false;
  if (R.cleared) {
    ensure_bol();
    el_set(R.el, EL_REFRESH);   /* prompt + partial input, cursor in place */
    R.cleared = false;
  }
}

/* libedit's character source: standard input, polled with the scheduler's
 * next timer as the timeout, together with the event loop's descriptor
 * while fibers are alive (a REPL that never spawns makes no loop). */
static int repl_getc(EditLine *el, wchar_t *wc) {
  char buf[MB_LEN_MAX];
  size_t nb = 0;
  for (;;) {
    if (got_sigint) {
      got_sigint = 0;
      *wc = 3;                  /* Ctrl-C: bound to gs-cancel */
      return 1;
    }
    if (got_sigwinch) {
      got_sigwinch = 0;
      el_resize(el);
    }
    if (got_sigcont) {          /* back from Ctrl-Z: the tty may be cooked */
      got_sigcont = 0;
      el_set(el, EL_PREP_TERM, 0);
      el_set(el, EL_PREP_TERM, 1);
      el_set(el, EL_REFRESH);
    }
    int timeout = -1;
    int64_t ns = gs_next_timer_ns(R.vm);
    if (ns >= 0) {
      int64_t ms = (ns + 999999) / 1000000;
      timeout = ms > INT_MAX ? INT_MAX : (int)ms;
    }
    struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = -1, .events = POLLIN}};
    if (R.live != 0) p[1].fd = gs_loop_fd(R.vm);
    int r = poll(p, p[1].fd >= 0 ? 2 : 1, timeout);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0 || !(p[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      idle_tick();
      continue;
    }
    ssize_t k = read(STDIN_FILENO, buf + nb, 1);
    if (k < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    if (k == 0) {
      *wc = 0;
      return 0;
    }
    nb++;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t c = mbrtowc(wc, buf, nb, &st);
    if (c == (size_t)-2) {      /* incomplete sequence */
      if (nb < sizeof buf) continue;
      nb = 0;
      continue;
    }
    if (c == (size_t)-1) {      /* invalid: drop it */
      nb = 0;
      continue;
    }
    return 1;
  }
}

static const char *prompt_fn(EditLine *el) { return R.cont ? PROMPT_CONT : PROMPT; }

/* Ctrl-C at the prompt: show ^C at the end of the input, then end the line
 * (through ed-newline, so the cursor moves below the whole entry). The main
 * loop sees `cancelled` and throws the text away. */
static unsigned char cancel_fn(EditLine *el, int ch) {
  R.cancelled = true;
  const LineInfoW *li = el_wline(el);
  el_cursor(el, (int)(li->lastchar - li->cursor));
  el_winsertstr(el, L"^C");
  el_wpush(el, L"\n");
  return CC_REFRESH;
}

/* ---- tab completion (gs_complete) ------------------------------------- */

/* slot+1 := item i of the candidate list in `slot`; its bytes */
static const char *candidate(int i, size_t *len) {
  gs_list_get(R.vm, COMPLETE_SLOT, i, COMPLETE_SLOT + 1);
  return gs_get_string(R.vm, COMPLETE_SLOT + 1, len);
}

/* The candidates under the input in columns, sorted down each column, the
 * way libedit lists file names; libedit then redraws the prompt below. */
static void list_candidates(int n) {
  size_t width = 0, len;
  for (int i = 0; i < n; i++) {
    candidate(i, &len);
    if (len > width) width = len;
  }
  width += 2;
  int cols = (int)((size_t)term_cols() / width);
  if (cols < 1) cols = 1;
  int rows = (n + cols - 1) / cols;
  fputc('\n', R.term);
  for (int r = 0; r < rows; r++) {
    for (int c = 0; c < cols && c * rows + r < n; c++) {
      fputs(candidate(c * rows + r, &len), R.term);
      if ((c + 1) * rows + r < n) fprintf(R.term, "%*s", (int)(width - len), "");
    }
    fputc('\n', R.term);
  }
  fflush(R.term);
}

/* Tab: at the start of a line (only blanks before the cursor) it indents;
 * else it inserts what all candidates share beyond the typed word (the
 * whole candidate when there is one), or lists them when that is nothing,
 * or inserts a tab when there are none. */
static unsigned char complete_fn(EditLine *el, int ch) {
  const LineInfo *li = el_line(el);
  size_t cursor = (size_t)(li->cursor - li->buffer);
  if (blank(li->buffer, cursor)) {
    el_insertstr(el, "\t");
    return CC_REFRESH;
  }
  char *line = strndup(li->buffer, cursor);
  if (!line) return CC_ERROR;
  gs_ensure_slots(R.vm, COMPLETE_SLOT + 2);
  size_t start = cursor, len;
  int n = gs_complete(R.vm, line, cursor, &start, COMPLETE_SLOT);
  free(line);
  if (n <= 0) {
    /* nothing to complete (in a string, a comment, a number...): a tab is
     * what a pasted line meant there */
    el_insertstr(el, "\t");
    return CC_REFRESH;
  }
  size_t typed = cursor - start;
  const char *first = candidate(0, &len);
  char *common = strndup(first, len);
  if (!common) return CC_ERROR;
  size_t shared = len;
  for (int i = 1; i < n; i++) {
    const char *c = candidate(i, &len);
    size_t k = 0;
    while (k < shared && k < len && c[k] == common[k]) k++;
    shared = k;
  }
  common[shared] = 0;
  unsigned char r = CC_REFRESH;
  if (shared > typed) el_insertstr(el, common + typed);
  else if (n > 1) { list_candidates(n); r = CC_REDISPLAY; }
  free(common);
  return r;
}

/* ---- history -------------------------------------------------------- */

/* ~/.gs_history: one entry per line; a newline inside an entry is written
 * as "\r\n", so a multi-line entry reads back as one item and the file
 * still looks like plain source. */

static void hist_enter(const char *s) {
  HistEvent ev;
  history(R.hist, &ev, H_ENTER, s);
}

static void hist_write_entry(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '\n') fputc('\r', f);
    fputc(*s, f);
  }
  fputc('\n', f);
}

static void hist_load(void) {
  size_t len;
  char *src = cli_read_file(R.hist_path, &len);
  if (!src) return;
  Text e = {0};
  int n = 0;
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && src[j] != '\n') j++;
    size_t end = j;
    bool more = end > i && src[end - 1] == '\r';
    if (more) end--;
    text_add(&e, src + i, end - i);
    if (more) {
      text_add(&e, "\n", 1);
    } else {
      if (e.len && !blank(e.data, e.len)) { hist_enter(e.data); n++; }
      e.len = 0;
    }
    i = j + 1;
  }
  if (e.len && !blank(e.data, e.len)) { hist_enter(e.data); n++; }
  free(e.data);
  free(src);
  if (n > 2 * HIST_MAX) {
    /* trim the file to what we keep in memory, oldest first */
    char *tmp = malloc(strlen(R.hist_path) + 8);
    if (!tmp) return;
    sprintf(tmp, "%s.tmp", R.hist_path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (f) {
      HistEvent ev;
      bool ok = true;
      if (history(R.hist, &ev, H_LAST) == 0) {
        do hist_write_entry(f, ev.str);
        while (history(R.hist, &ev, H_PREV) == 0);
      }
      if (fclose(f) != 0) ok = false;
      if (ok) rename(tmp, R.hist_path); else unlink(tmp);
    } else if (fd >= 0) {
      close(fd);
    }
    free(tmp);
  }
}

/* Add a finished entry (without its last newline) to the history and
 * append it to the file right away, so nothing is lost if the process
 * dies. */
static void hist_add(const char *s, size_t n) {
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
  if (blank(s, n)) return;
  char *e = malloc(n + 1);
  if (!e) return;
  memcpy(e, s, n);
  e[n] = 0;
  HistEvent ev;
  bool same = history(R.hist, &ev, H_FIRST) == 0 && strcmp(ev.str, e) == 0;
  hist_enter(e);
  if (R.hist_path && !same) {
    int fd = open(R.hist_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "a") : NULL;
    if (f) { hist_write_entry(f, e); fclose(f); }
    else if (fd >= 0) close(fd);
  }
  free(e);
}

static char *history_path(void) {
  const char *p = getenv("GS_HISTORY");
  if (p) return *p ? strdup(p) : NULL;   /* GS_HISTORY= turns it off */
  const char *home = getenv("HOME");
  if (!home || !*home) return NULL;
  size_t n = strlen(home);
  char *s = malloc(n + 16);
  if (!s) return NULL;
  sprintf(s, "%s%s.gs_history", home, home[n - 1] == '/' ? "" : "/");
  return s;
}

/* ---- evaluating an entry -------------------------------------------- */

/* errors in red on a color terminal (an escape sequence does not move the
 * cursor: where the last line ended stays as it was) */
static void error_color(bool on) {
  if (!R.color_err) return;
  bool at_bol = R.at_bol;
  gs_write_error(R.vm, on ? "\033[31m" : "\033[0m", on ? 5 : 4);
  R.at_bol = at_bol;
}

/* the last error: the entry's, compile errors included */
static void report_error(void) {
  error_color(true);
  gs_report_error(R.vm);
  error_color(false);
}

static void finish_run(void) {
  gs_vm *vm = R.vm;
  /* fibers spawned by the entry run until they block */
  R.live = gs_run_ready(vm);
  after_echoed_ctrl_c();
  evaluating = 0;
  gs_clear_interrupt(vm);
  got_sigint = 0;
  clearerr(stdin);
  gs_flush(vm, false);
}

/* The entry's value, as a REPL shows it (gs_show may run a class's str(),
 * which may throw). */
static void show_result(void) {
  gs_vm *vm = R.vm;
  if (gs_get_type(vm, RESULT_SLOT) == GS_NIL) return;
  if (!gs_show(vm, RESULT_SLOT, RESULT_SLOT + 1, R.color_out ? GS_SHOW_COLOR : 0, R.full ? 0 : SHOW_LIMIT)) {
    report_error();
    return;
  }
  size_t len;
  const char *s = gs_get_string(vm, RESULT_SLOT + 1, &len);
  gs_write(vm, s, len);
  gs_write(vm, "\n", 1);
}

/* the entry is `word` alone, blanks around it aside */
static bool is_word(const char *s, size_t n, const char *word) {
  while (n && (s[0] == ' ' || s[0] == '\t')) { s++; n--; }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
  return strlen(word) == n && memcmp(word, s, n) == 0;
}

/* `exit` or `quit` typed on its own (an undefined name, unless the user
 * defined one): say how to leave. */
static bool is_exit_word(const char *s, size_t n) {
  static const char *const words[] = {"exit", "quit", "exit()", "quit()"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (is_word(s, n, words[i])) return true;
  return false;
}

/* Compile and run the accumulated text. Returns true when the entry is
 * finished (run or reported), false when it needs another line. */
static bool try_entry(Text *acc) {
  gs_vm *vm = R.vm;
  gs_ensure_slots(vm, RESULT_SLOT + 2);
  /* a Ctrl-C that came after Enter (the prompt consumes its own) is meant
   * for this entry */
  R.ctrl_c_newline = false;
  evaluating = 1;
  if (got_sigint) gs_interrupt(vm);
  else gs_clear_interrupt(vm);
  gs_status st = gs_run_repl(vm, REPL_NAME, acc->data, acc->len, RESULT_SLOT);
  if (st == GS_INCOMPLETE) {
    evaluating = 0;
    return false;
  }
  hist_add(acc->data, acc->len);
  if (st == GS_COMPILE_ERROR) {
    report_error();
    if (is_exit_word(acc->data, acc->len)) {
      static const char hint[] = "(to leave the REPL press Ctrl-D, or call os.exit())\n";
      gs_write_error(vm, hint, sizeof hint - 1);
    }
  } else if (st != GS_OK) {
    ensure_bol();
    report_error();
  } else {
    show_result();
  }
  gs_set_nil(vm, RESULT_SLOT);
  gs_set_nil(vm, RESULT_SLOT + 1);
  finish_run();
  return true;
}

/* ---- setup and the main loop ---------------------------------------- */

static void setup_locale(void) {
  setlocale(LC_CTYPE, "");
  const char *cs = nl_langinfo(CODESET);
  if (!cs || strcmp(cs, "UTF-8") != 0) {
    if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "C");
  }
}

static bool setup_editline(void) {
  R.el = el_init("gs", stdin, R.term, stderr);
  if (!R.el) return false;
  R.hist = history_init();
  if (!R.hist) return false;
  HistEvent ev;
  history(R.hist, &ev, H_SETSIZE, HIST_MAX);
  history(R.hist, &ev, H_SETUNIQUE, 1);
  el_set(R.el, EL_EDITOR, "emacs");
  el_set(R.el, EL_SIGNAL, 0);
  el_set(R.el, EL_PROMPT, prompt_fn);
  el_set(R.el, EL_HIST, history, R.hist);
  el_set(R.el, EL_GETCFN, repl_getc);
  /* the wide call: el_set's EL_ADDFN leaks copies of the two strings */
  el_wset(R.el, EL_ADDFN, L"gs-cancel", L"Discard the current entry", cancel_fn);
  el_set(R.el, EL_BIND, "^C", "gs-cancel", NULL);
  el_wset(R.el, EL_ADDFN, L"gs-complete", L"Complete the word before the cursor", complete_fn);
  el_set(R.el, EL_BIND, "^I", "gs-complete", NULL);
  el_set(R.el, EL_BIND, "\\e[1;5D", "ed-prev-word", NULL);  /* ctrl-left */
  el_set(R.el, EL_BIND, "\\e[1;5C", "em-next-word", NULL);  /* ctrl-right */
  el_set(R.el, EL_BIND, "\\e[3~", "ed-delete-next-char", NULL);
  static const char *const home[] = {"\\e[H", "\\eOH", "\\e[1~", "\\e[7~"};
  static const char *const end[] = {"\\e[F", "\\eOF", "\\e[4~", "\\e[8~"};
  for (int i = 0; i < 4; i++) {
    el_set(R.el, EL_BIND, home[i], "ed-move-to-beg", NULL);
    el_set(R.el, EL_BIND, end[i], "ed-move-to-end", NULL);
  }
  el_source(R.el, NULL);      /* ~/.editrc, if any */
  return true;
}

int repl_main(gs_vm *vm, bool full) {
  memset(&R, 0, sizeof R);
  R.vm = vm;
  R.at_bol = true;
  R.full = full;
  const char *term = getenv("TERM");
  R.ansi = term && *term && strcmp(term, "dumb") != 0;
  const char *no_color = getenv("NO_COLOR");
  bool color = R.ansi && !(no_color && *no_color);
  R.color_out = color && isatty(STDOUT_FILENO);
  R.color_err = color && isatty(STDERR_FILENO);
  R.term = isatty(STDOUT_FILENO) ? stdout : stderr;
  setup_locale();
  if (!setup_editline()) {
    fprintf(stderr, "gs: cannot initialise line editing\n");
    if (R.el) el_end(R.el);
    if (R.hist) history_end(R.hist);
    return 1;
  }
  R.hist_path = history_path();
  if (R.hist_path) hist_load();
  install_signals();
  if (tcgetattr(STDIN_FILENO, &saved_tty) == 0) {
    tty_saved = true;
    atexit(restore_tty);
  }

  Text acc = {0};
  for (;;) {
    if (!R.cont) ensure_bol();
    R.cancelled = false;
    int count = 0;
    /* raw mode before the prompt shows: el_gets would switch only after
     * printing it, and keys typed in between would be echoed twice */
    el_set(R.el, EL_PREP_TERM, 1);
    const char *line = el_gets(R.el, &count);
    R.at_bol = true;
    if (!line) {
      if (count < 0 && errno == EINTR) continue;
      /* Ctrl-D on an empty line, or the terminal went away */
      fputc('\n', R.term);
      fflush(R.term);
      break;
    }
    if (R.cancelled) {
      acc.len = 0;
      R.cont = false;
      continue;
    }
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    if (blank(line, n)) {
      if (R.cont) {
        /* an empty line ends an unfinished entry: report why */
        hist_add(acc.data, acc.len);
        report_error();   /* the entry's compile errors, from gs_run_repl */
        acc.len = 0;
        R.cont = false;
      }
      continue;
    }
    if (!R.cont && is_word(line, n, ":full")) {
      hist_add(line, n);
      R.full = !R.full;
      static const char on[] = "(results are shown in full)\n", off[] = "(long results are shortened)\n";
      gs_write(vm, R.full ? on : off, R.full ? sizeof on - 1 : sizeof off - 1);
      gs_flush(vm, false);
      continue;
    }
    text_add(&acc, line, n);
    text_add(&acc, "\n", 1);
    if (!try_entry(&acc)) {
      R.cont = true;
      continue;
    }
    acc.len = 0;
    R.cont = false;
  }

  free(acc.data);
  gs_flush(vm, false);
  el_end(R.el);
  history_end(R.hist);
  free(R.hist_path);
  tty_saved = false;
  signal(SIGINT, SIG_DFL);
  signal(SIGWINCH, SIG_DFL);
  signal(SIGCONT, SIG_DFL);
  return 0;
}
