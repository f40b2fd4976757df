/* proc.c — the proc library: child processes started with libuv's uv_spawn
 * on the VM's loop, their pipes as streams, wait/kill, and proc.run; over
 * include/gs.h alone.
 *
 * libuv forks, execs, resets the child's signal dispositions and mask, and
 * reaps it from its SIGCHLD handler; its exit callback writes to an eventfd
 * that a waiting fiber watches with gs_wait_fd, so a wait parks only its
 * fiber and honours cancel and every time limit like any descriptor wait.
 * A process object keeps itself alive (a handle to itself) until libuv has
 * reaped its child: children are never left as zombies, and never killed
 * by the collector. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>
#include "libs.h"
#include "proc_pipe.h"

#define PROC_TAG "proc.process"
#define SCRATCH_TAG "proc.scratch"

enum { STDIO_INHERIT, STDIO_PIPE, STDIO_NULL };
static const char *const stdio_names[3] = {"stdin", "stdout", "stderr"};

typedef struct {
  uv_process_t handle;      /* open from the spawn until the exit is reaped */
  gs_vm *vm;
  gs_handle *self;          /* this object, held while the handle is open */
  gs_handle *pipes[3];      /* the stream objects of "pipe" stdio, or NULL */
  int exit_fd;              /* readable once the child has exited; -1 once closed */
  bool exited;
  int64_t code;             /* exit status, or 128 + the signal number */
  int term_signal;          /* 0 after a normal exit */
  int pid;
  char prog[80];
} Proc;

/* What a spawn needs, in garbage-collected memory (a raise leaks nothing). */
typedef struct {
  char **argv;
  char **env;               /* NULL: the parent's */
  const char *cwd;
  char path[4096];          /* the program, looked up in the parent's PATH */
  int stdio[3];
  double timeout;           /* proc.run's option; < 0: none */
  bool feed;                /* proc.run's stdin option is given */
} Spawn;

/* ---- the process object -------------------------------------------------------- */

static void close_exit_fd(gs_vm *vm, Proc *p) {
  if (p->exit_fd < 0) return;
  gs_forget_fd(vm, p->exit_fd);   /* another waiter wakes, sees exited */
  close(p->exit_fd);
  p->exit_fd = -1;
}

static void proc_finalize(void *data) {
  Proc *p = data;
  close_exit_fd(p->vm, p);
  for (int i = 0; i < 3; i++) gs_release(p->vm, p->pipes[i]);
}

static void on_closed(uv_handle_t *h) {
  Proc *p = h->data;
  gs_handle *self = p->self;
  p->self = NULL;
  gs_release(p->vm, self);   /* p may be collected from here on */
}

static void child_exited(uv_process_t *h, int64_t status, int sig) {
  Proc *p = h->data;
  p->exited = true;
  p->term_signal = sig;
  p->code = sig ? 128 + sig : status;
  uint64_t one = 1;
  if (p->exit_fd >= 0 && write(p->exit_fd, &one, sizeof one) < 0) {
    /* an eventfd counter cannot overflow from one write: nothing to do */
  }
  uv_close((uv_handle_t *)h, on_closed);
}

static Proc *proc_self(gs_vm *vm, const char *op) {
  Proc *p = gs_get_userdata(vm, 0, PROC_TAG);
  if (!p) gs_error(vm, "%s() must be called on a process", op);
  return p;
}

/* The child has exited (its exit callback may not have run yet: waitid
 * with WNOWAIT looks without reaping, which stays libuv's job). */
static bool has_exited(Proc *p) {
  if (p->exited) return true;
  if (p->pid <= 0) return false;
  siginfo_t si;
  memset(&si, 0, sizeof si);
  return waitid(P_PID, (id_t)p->pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid != 0;
}

static bool error_kind_is(gs_vm *vm, int err, int tmp, const char *kind) {
  if (gs_get_type(vm, err) != GS_INSTANCE) return false;
  gs_get_field(vm, err, "kind", tmp);
  return gs_get_type(vm, tmp) == GS_STRING && strcmp(gs_get_string(vm, tmp, NULL), kind) == 0;
}

/* Park until the child of the process in `slot` has exited; raises
 * timeout after `limit` seconds (< 0: none). */
static void wait_exit(gs_vm *vm, int slot, double limit) {
  Proc *p = gs_get_userdata(vm, slot, PROC_TAG);
  while (!p->exited) {
    if (p->exit_fd < 0) gs_error(vm, "wait %s: the process was never started", p->prog);
    if (gs_fd_busy(vm, p->exit_fd, GS_READABLE))
      io_raise(vm, "busy", 0, "wait", p->prog, "another fiber is waiting for this process");
    if (gs_wait_fd(vm, p->exit_fd, GS_READABLE, limit) == 0) {
      char why[64];
      snprintf(why, sizeof why, "timed out after %g s", limit);
      io_raise(vm, "timeout", ETIMEDOUT, "wait", p->prog, why);
    }
  }
  close_exit_fd(vm, p);
}

static void p_wait(gs_vm *vm, int argc) {
  Proc *p = proc_self(vm, "wait");
  lib_argc(vm, "wait", argc - 1, 0, 1);
  double limit = -1;
  if (argc > 1 && gs_get_type(vm, 1) != GS_NIL) {
    limit = lib_num(vm, "wait", 1);
    if (isnan(limit)) gs_error(vm, "invalid timeout");
    if (limit < 0) limit = 0;
  }
  wait_exit(vm, 0, limit);
  gs_return_int(vm, p->code);
}

/* A signal given by name ("TERM", "SIGTERM") or number; raises if unknown. */
static int signal_arg(gs_vm *vm, const char *fname, int slot) {
  if (gs_get_type(vm, slot) == GS_INT) {
    int64_t n = gs_get_int(vm, slot);
    if (n < 1 || n >= NSIG) gs_error(vm, "%s(): no signal %lld", fname, (long long)n);
    return (int)n;
  }
  size_t len;
  const char *name = lib_str(vm, fname, slot, &len);
  int sig = lib_signal_number(name);
  if (sig < 0) gs_error(vm, "%s(): unknown signal '%s'", fname, name);
  return sig;
}

static void p_kill(gs_vm *vm, int argc) {
  Proc *p = proc_self(vm, "kill");
  lib_argc(vm, "kill", argc - 1, 0, 1);
  int sig = argc > 1 ? signal_arg(vm, "kill", 1) : SIGTERM;
  if (has_exited(p) || !p->self) {
    gs_return_bool(vm, false);   /* nothing to signal any more */
    return;
  }
  int rc = uv_process_kill(&p->handle, sig);
  if (rc == UV_ESRCH) {
    gs_return_bool(vm, false);
    return;
  }
  if (rc) io_raise(vm, NULL, -rc, "kill", p->prog, NULL);
  gs_return_bool(vm, true);
}

static void p_done(gs_vm *vm, int argc) {
  Proc *p = proc_self(vm, "done");
  lib_argc(vm, "done", argc - 1, 0, 0);
  gs_return_bool(vm, has_exited(p));
}

static void p_pid(gs_vm *vm, int argc) {
  (void)argc;
  gs_return_int(vm, proc_self(vm, "pid")->pid);
}

/* the exit code, nil while the child runs (or until wait saw its exit) */
static void p_code(gs_vm *vm, int argc) {
  (void)argc;
  Proc *p = proc_self(vm, "code");
  if (p->exited) gs_return_int(vm, p->code);
}

static void p_signal(gs_vm *vm, int argc) {
  (void)argc;
  Proc *p = proc_self(vm, "signal");
  if (p->exited && p->term_signal) gs_return_cstring(vm, lib_signal_name(p->term_signal));
}

static void return_pipe(gs_vm *vm, int which) {
  Proc *p = proc_self(vm, stdio_names[which]);
  if (!p->pipes[which]) return;
  gs_ensure_slots(vm, 2);
  gs_set_handle(vm, 1, p->pipes[which]);
  gs_return_slot(vm, 1);
}
static void p_stdin(gs_vm *vm, int argc) { (void)argc; return_pipe(vm, 0); }
static void p_stdout(gs_vm *vm, int argc) { (void)argc; return_pipe(vm, 1); }
static void p_stderr(gs_vm *vm, int argc) { (void)argc; return_pipe(vm, 2); }

static void p_str(gs_vm *vm, int argc) {
  (void)argc;
  Proc *p = proc_self(vm, "str");
  char buf[160];
  if (p->exited) snprintf(buf, sizeof buf, "<process %d %s (exited %lld)>", p->pid, p->prog, (long long)p->code);
  else snprintf(buf, sizeof buf, "<process %d %s>", p->pid, p->prog);
  gs_return_cstring(vm, buf);
}

/* ---- arguments and options ------------------------------------------------------- */

/* Garbage-collected scratch memory of `size` bytes into slot */
static void *scratch(gs_vm *vm, int slot, size_t size) {
  return gs_new_userdata(vm, slot, SCRATCH_TAG, size ? size : 1, NULL);
}

/* argv (a list of strings) as a NULL-terminated array; the strings stay
 * valid while the list is in its slot and nothing yields. */
static char **argv_array(gs_vm *vm, const char *fname, int list, int tmp, int keep) {
  if (gs_get_type(vm, list) != GS_LIST) lib_arg_error(vm, fname, list, "a list of strings");
  int64_t n = gs_list_count(vm, list);
  if (n == 0) gs_error(vm, "%s(): argv is empty", fname);
  if (n > 1000000) gs_error(vm, "%s(): argv is too long", fname);
  char **argv = scratch(vm, keep, sizeof(char *) * (size_t)(n + 1));
  for (int64_t i = 0; i < n; i++) {
    gs_list_get(vm, list, i, tmp);
    if (gs_get_type(vm, tmp) != GS_STRING) gs_error(vm, "%s(): argv[%lld] must be a string, not %s", fname, (long long)i, gs_type_name(vm, tmp));
    size_t len;
    const char *s = gs_get_string(vm, tmp, &len);
    if (strlen(s) != len) gs_error(vm, "%s(): argv[%lld] contains a NUL byte", fname, (long long)i);
    argv[i] = (char *)s;
  }
  argv[n] = NULL;
  return argv;
}

/* env (a map) as "K=V" strings in one scratch block, into slot keep */
static char **env_array(gs_vm *vm, const char *fname, int map, int k, int v, int keep) {
  if (gs_get_type(vm, map) != GS_MAP) gs_error(vm, "%s(): option 'env' must be a map", fname);
  int64_t n = gs_map_count(vm, map), pos = 0;
  size_t bytes = sizeof(char *) * (size_t)(n + 1);
  while (gs_map_next(vm, map, &pos, k, v)) {
    if (gs_get_type(vm, k) != GS_STRING) gs_error(vm, "%s(): env names must be strings", fname);
    if (gs_get_type(vm, v) != GS_STRING) gs_error(vm, "%s(): env value of '%s' must be a string", fname, gs_get_string(vm, k, NULL));
    size_t kl, vl;
    const char *ks = gs_get_string(vm, k, &kl);
    const char *vs = gs_get_string(vm, v, &vl);
    if (kl == 0 || strlen(ks) != kl || strchr(ks, '=') || strlen(vs) != vl)
      gs_error(vm, "%s(): bad environment variable name or value '%s'", fname, ks);
    bytes += kl + vl + 2;
  }
  char **env = scratch(vm, keep, bytes);
  char *out = (char *)(env + n + 1);
  int64_t i = 0;
  pos = 0;
  while (gs_map_next(vm, map, &pos, k, v)) {
    size_t kl, vl;
    const char *ks = gs_get_string(vm, k, &kl), *vs = gs_get_string(vm, v, &vl);
    env[i++] = out;
    memcpy(out, ks, kl);
    out[kl] = '=';
    memcpy(out + kl + 1, vs, vl);
    out[kl + 1 + vl] = '\0';
    out += kl + vl + 2;
  }
  env[i] = NULL;
  return env;
}

static int stdio_mode(gs_vm *vm, const char *fname, const char *name, int slot) {
  const char *m = gs_get_type(vm, slot) == GS_STRING ? gs_get_string(vm, slot, NULL) : "";
  if (strcmp(m, "pipe") == 0) return STDIO_PIPE;
  if (strcmp(m, "inherit") == 0) return STDIO_INHERIT;
  if (strcmp(m, "null") == 0) return STDIO_NULL;
  gs_error(vm, "%s(): option '%s' must be \"pipe\", \"inherit\" or \"null\"", fname, name);
}

/* Read opts (slot `opts`, may be nil) into sp; `run`: proc.run's options
 * (stdin is data to feed; timeout). Uses slots tmp..tmp+3. */
static void read_options(gs_vm *vm, const char *fname, int opts, int tmp, bool run, Spawn *sp) {
  sp->timeout = -1;
  if (gs_get_type(vm, opts) == GS_NIL) return;
  if (gs_get_type(vm, opts) != GS_MAP) lib_arg_error(vm, fname, opts, "a map of options");
  int64_t pos = 0;
  while (gs_map_next(vm, opts, &pos, tmp, tmp + 1)) {
    const char *key = gs_get_type(vm, tmp) == GS_STRING ? gs_get_string(vm, tmp, NULL) : "";
    bool is_nil = gs_get_type(vm, tmp + 1) == GS_NIL;
    if (strcmp(key, "cwd") == 0) {
      if (is_nil) continue;
      size_t len;
      if (gs_get_type(vm, tmp + 1) != GS_STRING) gs_error(vm, "%s(): option 'cwd' must be a string", fname);
      const char *cwd = gs_get_string(vm, tmp + 1, &len);
      if (strlen(cwd) != len) gs_error(vm, "%s(): option 'cwd' contains a NUL byte", fname);
      sp->cwd = cwd;   /* valid while opts is in its slot */
    } else if (strcmp(key, "env") == 0) {
      if (!is_nil) sp->env = env_array(vm, fname, tmp + 1, tmp + 2, tmp + 3, tmp + 4);
    } else if (run && strcmp(key, "timeout") == 0) {
      if (is_nil) continue;
      sp->timeout = lib_num(vm, fname, tmp + 1);
      if (isnan(sp->timeout)) gs_error(vm, "invalid timeout");
      if (sp->timeout < 0) sp->timeout = 0;
    } else if (run && strcmp(key, "stdin") == 0) {
      if (is_nil) continue;
      if (gs_get_type(vm, tmp + 1) != GS_STRING) gs_error(vm, "%s(): option 'stdin' must be a string to feed", fname);
      sp->feed = true;
    } else if (!run && (strcmp(key, "stdin") == 0 || strcmp(key, "stdout") == 0 || strcmp(key, "stderr") == 0)) {
      int which = key[3] == 'i' ? 0 : key[3] == 'o' ? 1 : 2;
      if (!is_nil) sp->stdio[which] = stdio_mode(vm, fname, key, tmp + 1);
    } else {
      gs_error(vm, "%s(): unknown option '%s'", fname, key);
    }
  }
}

/* The program as the parent's PATH finds it (even when env replaces the
 * child's environment), into sp->path; false if there is none. */
static bool look_path(const char *prog, Spawn *sp, int *err) {
  *err = ENOENT;
  if (strchr(prog, '/')) {
    snprintf(sp->path, sizeof sp->path, "%s", prog);
    return true;   /* exec says what is wrong with it */
  }
  const char *path = getenv("PATH");
  if (!path) path = "/usr/local/bin:/usr/bin:/bin";
  size_t plen = strlen(prog);
  for (const char *dir = path;;) {   /* an empty entry is the current directory */
    const char *end = strchr(dir, ':');
    size_t dl = end ? (size_t)(end - dir) : strlen(dir);
    const char *d = dl ? dir : ".";
    if (dl == 0) dl = 1;
    if (dl + plen + 2 <= sizeof sp->path) {
      memcpy(sp->path, d, dl);
      sp->path[dl] = '/';
      memcpy(sp->path + dl + 1, prog, plen + 1);
      struct stat st;
      if (stat(sp->path, &st) == 0 && S_ISREG(st.st_mode)) {
        if (access(sp->path, X_OK) == 0) return true;
        *err = EACCES;
      }
    }
    if (!end) break;
    dir = end + 1;
  }
  return false;
}

/* ---- spawning ---------------------------------------------------------------------- */

static void close_fds(int *fds, int n) {
  for (int i = 0; i < n; i++)
    if (fds[i] >= 0) close(fds[i]);
}

/* A socket pair for a pipe: ours (non-blocking) and the child's end, both
 * close-on-exec (libuv puts the child's on its 0, 1 or 2). One collection
 * and a retry when out of descriptors. */
static int make_pipe(gs_vm *vm, int sv[2]) {
  for (int attempt = 0;; attempt++) {
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) break;
    if ((errno != EMFILE && errno != ENFILE) || attempt > 0) return errno;
    gs_collect(vm);   /* streams the script dropped give their descriptors back */
  }
  fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
  return 0;
}

/* After a failed spawn: "cwd /x: no such file or directory" when the
 * directory is what is missing. */
static _Noreturn void spawn_error(gs_vm *vm, const char *op, const char *prog, const Spawn *sp, int err) {
  struct stat st;
  if (sp->cwd && (stat(sp->cwd, &st) != 0 || !S_ISDIR(st.st_mode))) {
    int cerr = stat(sp->cwd, &st) == 0 ? ENOTDIR : errno;
    char where[700];
    snprintf(where, sizeof where, "%s: cwd %s", prog, sp->cwd);
    io_raise(vm, NULL, cerr, op, where, NULL);
  }
  io_raise(vm, NULL, err, op, prog, NULL);
}

/* Start argv (slot argvs) with the options of sp; the process object goes
 * to slot dest, its streams to dest+1..dest+3 (nil where not piped). Uses
 * slots up to dest+5. */
static Proc *start_child(gs_vm *vm, const char *op, char **argv, Spawn *sp, int dest) {
  const char *prog = argv[0];
  int err;
  if (!look_path(prog, sp, &err))
    io_raise(vm, NULL, err, op, prog, err == ENOENT ? "program not found" : NULL);
  Proc *p = gs_new_userdata(vm, dest, PROC_TAG, sizeof(Proc), proc_finalize);
  p->vm = vm;
  p->exit_fd = -1;
  p->handle.data = p;
  snprintf(p->prog, sizeof p->prog, "%s", prog);
  for (int i = 0; i < 3; i++) {
    gs_set_nil(vm, dest + 1 + i);
    if (sp->stdio[i] != STDIO_PIPE) continue;
    char name[120];
    snprintf(name, sizeof name, "%s %s", p->prog, stdio_names[i]);
    pipe_new(vm, dest + 1 + i, name);
    p->pipes[i] = gs_get_handle(vm, dest + 1 + i);
  }
  uv_loop_t *loop = gs_uv_loop(vm);
  if (sp->stdio[1] == STDIO_INHERIT || sp->stdio[2] == STDIO_INHERIT)
    gs_flush(vm, false);   /* what print() wrote comes before what the child writes */
  gs_handle *self = gs_get_handle(vm, dest);
  /* from here to the spawn nothing raises: descriptors are ours to close */
  int child_end[3] = {-1, -1, -1};
  p->exit_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (p->exit_fd < 0 && (errno == EMFILE || errno == ENFILE)) {
    gs_collect(vm);   /* streams the script dropped give their descriptors back */
    p->exit_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  }
  err = p->exit_fd < 0 ? errno : 0;
  for (int i = 0; i < 3 && !err; i++) {
    if (sp->stdio[i] != STDIO_PIPE) continue;
    int sv[2];
    if ((err = make_pipe(vm, sv)) != 0) break;
    pipe_adopt(vm, dest + 1 + i, sv[0]);
    child_end[i] = sv[1];
  }
  if (err) {
    close_fds(child_end, 3);
    gs_release(vm, self);
    io_raise(vm, NULL, err, op, prog, NULL);
  }
  /* descriptors the process opened without close-on-exec (inherited ones,
   * a host's) must not reach the child: it gets 0, 1, 2 and nothing else */
  if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
    for (int fd = 3; fd < 1024; fd++) {
      int fl = fcntl(fd, F_GETFD);
      if (fl >= 0 && !(fl & FD_CLOEXEC)) fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
    }
  }
  uv_stdio_container_t stdio[3];
  for (int i = 0; i < 3; i++) {
    if (sp->stdio[i] == STDIO_PIPE) {
      stdio[i].flags = UV_INHERIT_FD;
      stdio[i].data.fd = child_end[i];
    } else if (sp->stdio[i] == STDIO_NULL) {
      stdio[i].flags = UV_IGNORE;   /* libuv opens /dev/null in the child */
    } else {
      stdio[i].flags = UV_INHERIT_FD;
      stdio[i].data.fd = i;
    }
  }
  uv_process_options_t o;
  memset(&o, 0, sizeof o);
  o.exit_cb = child_exited;
  o.file = sp->path;
  o.args = argv;
  o.env = sp->env;
  o.cwd = sp->cwd;
  o.stdio_count = 3;
  o.stdio = stdio;
  p->self = self;
  int rc = uv_spawn(loop, &p->handle, &o);
  close_fds(child_end, 3);
  if (rc != 0) {
    uv_close((uv_handle_t *)&p->handle, on_closed);   /* libuv wants it closed even so */
    for (int i = 0; i < 3; i++) pipe_close(vm, dest + 1 + i);
    spawn_error(vm, op, prog, sp, -rc);
  }
  p->pid = p->handle.pid;
  return p;
}

static void proc_start(gs_vm *vm, int argc) {
  lib_argc(vm, "proc.start", argc, 1, 2);
  gs_ensure_slots(vm, 16);
  Spawn *sp = scratch(vm, 2, sizeof(Spawn));
  char **argv = argv_array(vm, "proc.start", 0, 3, 4);
  read_options(vm, "proc.start", argc > 1 ? 1 : 5, 6, false, sp);
  start_child(vm, "start", argv, sp, 11);
  gs_return_slot(vm, 11);
}

/* ---- proc.run ------------------------------------------------------------------------ */

/* The state of one proc.run, a list: [process, stdout, stderr, stdin or nil,
 * data to feed or nil, feeder fiber or nil, stderr reader fiber or nil] */
enum { R_PROC, R_OUT, R_ERR, R_IN, R_DATA, R_FEEDER, R_READER, R_COUNT };

static void feed_fn(gs_vm *vm, int argc) {
  (void)argc;   /* slot 0: the stdin stream; slot 1: the data */
  pipe_write_close(vm, 0, 1);
}

static void read_all_fn(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  pipe_read_all(vm, 0, 1);
  gs_return_slot(vm, 1);
}

/* Spawn fn bound to state[bound] (with state[arg] as its argument if arg
 * >= 0), as state[into]. Uses slots s..s+2. */
static void spawn_helper(gs_vm *vm, int state, const gs_reg *fn, int bound, int arg, int into, int s) {
  gs_list_get(vm, state, bound, s + 2);
  gs_new_function(vm, s, fn, s + 2);
  int n = 0;
  if (arg >= 0) {
    gs_list_get(vm, state, arg, s + 1);
    n = 1;
  }
  gs_spawn(vm, s, n);
  gs_list_set(vm, state, into, s);
}

/* Join state[which] into slot dest; false (the error in dest) if it failed. */
static bool join_helper(gs_vm *vm, int state, int which, int dest) {
  gs_list_get(vm, state, which, dest);
  if (gs_get_type(vm, dest) == GS_NIL) return true;
  return gs_fiber_join(vm, dest, dest) == GS_OK;
}

/* The body of proc.run (slot 0: the state list): feed stdin and read
 * stderr in fibers of their own, stdout here, then wait for the exit. */
static void run_body(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 12);
  static const gs_reg feed = {"feed", feed_fn, 1, NULL};
  static const gs_reg reader = {"read_all", read_all_fn, 0, NULL};
  gs_list_get(vm, 0, R_DATA, 1);
  if (gs_get_type(vm, 1) != GS_NIL) spawn_helper(vm, 0, &feed, R_IN, R_DATA, R_FEEDER, 2);
  spawn_helper(vm, 0, &reader, R_ERR, -1, R_READER, 2);
  gs_list_get(vm, 0, R_OUT, 5);
  pipe_read_all(vm, 5, 6);   /* slot 6: stdout */
  if (!join_helper(vm, 0, R_READER, 7)) gs_raise(vm, 7);   /* slot 7: stderr */
  /* a child that exits without reading all its input is no error */
  if (!join_helper(vm, 0, R_FEEDER, 8) && !error_kind_is(vm, 8, 9, "reset") && !error_kind_is(vm, 8, 9, "closed"))
    gs_raise(vm, 8);
  gs_list_get(vm, 0, R_PROC, 8);
  Proc *p = gs_get_userdata(vm, 8, PROC_TAG);
  wait_exit(vm, 8, -1);
  for (int i = R_OUT; i <= R_IN; i++) {
    gs_list_get(vm, 0, i, 9);
    pipe_close(vm, 9);
  }
  gs_new_map(vm, 9);
  gs_set_int(vm, 11, p->code);
  gs_set_cstring(vm, 10, "code");
  gs_map_set(vm, 9, 10, 11);
  if (p->term_signal) gs_set_cstring(vm, 11, lib_signal_name(p->term_signal));
  else gs_set_nil(vm, 11);
  gs_set_cstring(vm, 10, "signal");
  gs_map_set(vm, 9, 10, 11);
  gs_set_cstring(vm, 10, "stdout");
  gs_map_set(vm, 9, 10, 6);
  gs_set_cstring(vm, 10, "stderr");
  gs_map_set(vm, 9, 10, 7);
  gs_return_slot(vm, 9);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* proc.run failed (error in slot err): kill the child, stop the helpers. */
static void run_cleanup(gs_vm *vm, int state, int tmp) {
  gs_list_get(vm, state, R_PROC, tmp);
  Proc *p = gs_get_userdata(vm, tmp, PROC_TAG);
  if (!has_exited(p) && p->self) uv_process_kill(&p->handle, SIGKILL);
  for (int i = R_FEEDER; i <= R_READER; i++) {
    gs_list_get(vm, state, i, tmp);
    if (gs_get_type(vm, tmp) == GS_NIL) continue;
    gs_fiber_cancel(vm, tmp);
    gs_fiber_join(vm, tmp, tmp + 1);   /* it ends at once: its error is dropped */
  }
  for (int i = R_OUT; i <= R_IN; i++) {
    gs_list_get(vm, state, i, tmp);
    pipe_close(vm, tmp);
  }
}

static void proc_run(gs_vm *vm, int argc) {
  lib_argc(vm, "proc.run", argc, 1, 2);
  gs_ensure_slots(vm, 24);
  Spawn *sp = scratch(vm, 2, sizeof(Spawn));
  char **argv = argv_array(vm, "proc.run", 0, 3, 4);
  read_options(vm, "proc.run", argc > 1 ? 1 : 5, 6, true, sp);
  sp->stdio[0] = sp->feed ? STDIO_PIPE : STDIO_NULL;
  sp->stdio[1] = sp->stdio[2] = STDIO_PIPE;
  start_child(vm, "run", argv, sp, 11);   /* 11: process, 12..14: stdin, stdout, stderr */
  int state = 15;
  gs_new_list(vm, state);
  gs_set_nil(vm, 16);
  for (int i = 0; i < R_COUNT; i++) gs_list_push(vm, state, 16);
  gs_list_set(vm, state, R_PROC, 11);
  gs_list_set(vm, state, R_IN, 12);
  gs_list_set(vm, state, R_OUT, 13);
  gs_list_set(vm, state, R_ERR, 14);
  if (sp->feed) {
    gs_set_cstring(vm, 16, "stdin");
    gs_map_get(vm, 1, 16, 17);
    gs_list_set(vm, state, R_DATA, 17);
  }
  static const gs_reg body = {"run", run_body, 0, NULL};
  double started = now_s();
  int call = 18;
  gs_status st;
  if (sp->timeout >= 0) {
    if (!gs_get_global(vm, "timeout", call)) gs_error(vm, "proc: no timeout builtin");
    gs_set_float(vm, call + 1, sp->timeout);
    gs_new_function(vm, call + 2, &body, state);
    st = gs_call(vm, call, 2);
  } else {
    gs_new_function(vm, call, &body, state);
    st = gs_call(vm, call, 0);
  }
  if (st == GS_OK) {
    gs_return_slot(vm, call);
    return;
  }
  run_cleanup(vm, state, 21);
  if (sp->timeout >= 0 && now_s() - started >= sp->timeout && error_kind_is(vm, call, 21, "timeout")) {
    char why[64];
    snprintf(why, sizeof why, "timed out after %g s (killed)", sp->timeout);
    const Proc *p = gs_get_userdata(vm, 11, PROC_TAG);   /* argv may have changed meanwhile */
    io_raise(vm, "timeout", ETIMEDOUT, "run", p->prog, why);
  }
  gs_raise(vm, call);
}

/* ---- the module ----------------------------------------------------------------- */

static const gs_reg proc_funcs[] = {
  {"run", proc_run, -1, "proc.run(argv, opts?)\nRun a program to its end: {code, signal, stdout, stderr}; opts stdin (data), cwd, env, timeout."},
  {"start", proc_start, -1, "proc.start(argv, opts?)\nStart a program: a process; opts stdin/stdout/stderr (\"pipe\", \"inherit\", \"null\"), cwd, env."},
  {NULL, NULL, 0, NULL},
};

static const gs_reg proc_methods[] = {
  {"wait", p_wait, -1, "process.wait(timeout?)\nPark until the child exits: its exit code (128 + N when killed by signal N)."},
  {"kill", p_kill, -1, "process.kill(sig?)\nSend a signal (\"TERM\"); false if the child had already exited."},
  {"done", p_done, -1, "process.done()\nWhether the child has exited."},
  {"pid", p_pid, GS_GETTER, "process.pid\nThe child's process id."},
  {"code", p_code, GS_GETTER, "process.code\nThe exit code once wait() has seen the exit, else nil."},
  {"signal", p_signal, GS_GETTER, "process.signal\nThe name of the signal that killed the child (\"KILL\"), else nil."},
  {"stdin", p_stdin, GS_GETTER, "process.stdin\nThe stream to the child's standard input (with \"pipe\"), else nil."},
  {"stdout", p_stdout, GS_GETTER, "process.stdout\nThe stream of the child's standard output (with \"pipe\"), else nil."},
  {"stderr", p_stderr, GS_GETTER, "process.stderr\nThe stream of the child's standard error (with \"pipe\"), else nil."},
  {"str", p_str, 0, "process.str()\nHow it prints: <process PID PROGRAM>."},
  {NULL, NULL, 0, NULL},
};

void lib_proc_open(gs_vm *vm) {
  gs_register_module(vm, "proc", proc_funcs);
  gs_register_class(vm, PROC_TAG, proc_methods);
  lib_pipe_open(vm);
}
