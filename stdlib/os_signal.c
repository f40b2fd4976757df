/* os_signal.c — os.signal and os.signal_stop: signals delivered as names on
 * a channel, through libuv's uv_signal_t on the VM's loop; over
 * include/gs.h alone.
 *
 * libuv's handler only writes to its signal pipe; the watcher's callback,
 * run by the loop, offers the name to the channel (gs_channel_offer), and
 * drops it when 64 are already waiting. While a watcher is active the loop
 * is held (gs_loop_hold): a fiber blocked receiving is waiting for the
 * outside world, not deadlocked. When the last watcher of a signal stops,
 * the disposition the process had before (the gs command's Ctrl-C
 * interrupt, an inherited SIG_IGN) comes back. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <uv.h>
#include "libs.h"

#define WATCHER_TAG "os.signal_watcher"
#define QUEUE_MAX 64
#define MAX_SIGNALS 8

static const char *const allowed[] = {"INT", "TERM", "HUP", "USR1", "USR2", "WINCH", "CHLD", NULL};

typedef struct {
  gs_vm *vm;
  gs_handle *self;          /* this object, until every handle has closed */
  gs_handle *channel;
  gs_handle *names[MAX_SIGNALS];
  uv_signal_t sig[MAX_SIGNALS];
  int signum[MAX_SIGNALS];
  int n;                    /* handles started */
  int open;                 /* handles not closed yet */
  bool stopped;
} Watcher;

/* Process-wide: how many watchers (of every VM) take each signal, and
 * what its disposition was before the first. */
static pthread_mutex_t users_lock = PTHREAD_MUTEX_INITIALIZER;
static int users[NSIG];
static struct sigaction before[NSIG];

static void take_signal(int sig) {
  pthread_mutex_lock(&users_lock);
  if (users[sig]++ == 0) sigaction(sig, NULL, &before[sig]);
  pthread_mutex_unlock(&users_lock);
}

/* After libuv stopped its handle: once no watcher is left and libuv has let
 * the signal go (it still holds SIGCHLD while it watches children), the
 * old disposition comes back. */
static void give_signal_back(int sig) {
  pthread_mutex_lock(&users_lock);
  if (--users[sig] == 0) {
    struct sigaction now;
    if (sigaction(sig, NULL, &now) == 0 && now.sa_handler == SIG_DFL && !(now.sa_flags & SA_SIGINFO))
      sigaction(sig, &before[sig], NULL);
  }
  pthread_mutex_unlock(&users_lock);
}

static void stop_signals(Watcher *w) {
  if (w->stopped) return;
  w->stopped = true;
  for (int i = 0; i < w->n; i++) {
    if (!uv_is_closing((uv_handle_t *)&w->sig[i])) uv_signal_stop(&w->sig[i]);
    give_signal_back(w->signum[i]);
  }
}

static void watcher_finalize(void *data) {
  Watcher *w = data;
  stop_signals(w);   /* at gs_free the loop has closed the handles already */
  gs_release(w->vm, w->channel);
  for (int i = 0; i < w->n; i++) gs_release(w->vm, w->names[i]);
}

static void on_signal(uv_signal_t *h, int signum) {
  Watcher *w = h->data;
  for (int i = 0; i < w->n; i++)
    if (w->signum[i] == signum) gs_channel_offer(w->vm, w->channel, w->names[i]);   /* full: dropped */
}

static void on_closed(uv_handle_t *h) {
  Watcher *w = h->data;
  if (--w->open > 0) return;
  gs_handle *self = w->self;
  w->self = NULL;
  gs_release(w->vm, self);   /* w may be collected from here on */
}

/* os.signal(name, ...): slot 0 is the registry (channel -> watcher). */
static void os_signal(gs_vm *vm, int argc) {
  int n = argc - 1;
  if (n < 1) gs_error(vm, "os.signal() expects at least 1 argument, got 0");
  if (n > MAX_SIGNALS) gs_error(vm, "os.signal(): at most %d signals", MAX_SIGNALS);
  int sigs[MAX_SIGNALS];
  for (int i = 0; i < n; i++) {
    size_t len;
    const char *name = lib_str(vm, "os.signal", i + 1, &len);
    if (strncmp(name, "SIG", 3) == 0) name += 3;
    int ok = 0;
    for (int j = 0; allowed[j]; j++) ok |= strcmp(allowed[j], name) == 0;
    if (!ok) gs_error(vm, "os.signal(): cannot watch '%s' (INT, TERM, HUP, USR1, USR2, WINCH or CHLD)", name);
    sigs[i] = lib_signal_number(name);
    for (int j = 0; j < i; j++)
      if (sigs[j] == sigs[i]) gs_error(vm, "os.signal(): '%s' given twice", name);
  }
  int base = argc;
  gs_ensure_slots(vm, base + 4);
  if (!gs_get_global(vm, "chan", base)) gs_error(vm, "os.signal: no chan builtin");
  gs_set_int(vm, base + 1, QUEUE_MAX);
  if (gs_call(vm, base, 1) != GS_OK) gs_raise(vm, base);   /* base: the channel */
  Watcher *w = gs_new_userdata(vm, base + 1, WATCHER_TAG, sizeof(Watcher), watcher_finalize);
  w->vm = vm;
  w->channel = gs_get_handle(vm, base);
  for (int i = 0; i < n; i++) {
    gs_set_cstring(vm, base + 2, lib_signal_name(sigs[i]));
    w->names[i] = gs_get_handle(vm, base + 2);
  }
  uv_loop_t *loop = gs_uv_loop(vm);
  gs_map_set(vm, 0, base, base + 1);
  w->self = gs_get_handle(vm, base + 1);
  /* nothing raises from here on */
  for (int i = 0; i < n; i++) {
    uv_signal_init(loop, &w->sig[i]);
    w->sig[i].data = w;
    w->signum[i] = sigs[i];
    w->n = w->open = i + 1;
    take_signal(sigs[i]);
    uv_signal_start(&w->sig[i], on_signal, sigs[i]);
  }
  gs_loop_hold(vm, true);
  gs_return_slot(vm, base);
}

/* os.signal_stop(ch): slot 0 is the registry, slot 1 the channel. */
static void os_signal_stop(gs_vm *vm, int argc) {
  lib_argc(vm, "os.signal_stop", argc - 1, 1, 1);
  gs_ensure_slots(vm, 4);
  if (!gs_map_get(vm, 0, 1, 2)) return;   /* not a signal channel, or stopped already */
  gs_map_remove(vm, 0, 1);
  Watcher *w = gs_get_userdata(vm, 2, WATCHER_TAG);
  stop_signals(w);
  for (int i = 0; i < w->n; i++) uv_close((uv_handle_t *)&w->sig[i], on_closed);
  gs_loop_hold(vm, false);
  gs_get_field(vm, 1, "close", 3);
  if (gs_call(vm, 3, 0) != GS_OK) gs_raise(vm, 3);   /* a receiver gets nil, `for` ends */
}

void lib_os_signal_open(gs_vm *vm) {
  static const gs_reg signal_fn = {"signal", os_signal, -1,
    "os.signal(name, ...)\nA channel that receives \"INT\", \"TERM\", \"HUP\", \"USR1\", \"USR2\", \"WINCH\" or \"CHLD\" each time the signal comes (64 queued)."};
  static const gs_reg stop_fn = {"signal_stop", os_signal_stop, -1,
    "os.signal_stop(ch)\nStop the watcher of os.signal's channel ch, close ch and give the signal its old disposition."};
  int base = gs_slot_count(vm);
  gs_ensure_slots(vm, base + 2);
  gs_new_map(vm, base);   /* the registry both functions share */
  gs_new_function(vm, base + 1, &signal_fn, base);
  gs_module_set(vm, "os", "signal", base + 1);
  gs_new_function(vm, base + 1, &stop_fn, base);
  gs_module_set(vm, "os", "signal_stop", base + 1);
  gs_set_nil(vm, base);
  gs_set_nil(vm, base + 1);
}
