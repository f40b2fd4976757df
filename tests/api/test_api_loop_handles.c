/* test_api_loop_handles.c — a library's own libuv handles on the VM's loop:
 * a uv_timer_t whose callback hands values to script through a channel,
 * the loop hold that keeps a receiver from being a deadlock, and handles
 * that finalizers release.
 * Covers: gs_uv_loop gs_loop_hold gs_channel_offer, gs_release in a
 * finalizer (mid-run and at gs_free). */
#include <uv.h>
#include "tap.h"

/* ticker(ch, n): n ints on ch from a libuv timer, one every 5 ms */
typedef struct {
  uv_timer_t timer;
  gs_vm *vm;
  gs_handle *channel;
  gs_handle *values[8];
  int n, sent;
  bool full_seen;
} Ticker;

static Ticker ticker;
static int ticker_closed;

static void ticker_closed_cb(uv_handle_t *h) {
  Ticker *t = h->data;
  gs_release(t->vm, t->channel);
  for (int i = 0; i < t->n; i++) gs_release(t->vm, t->values[i]);
  ticker_closed++;
}

static void tick(uv_timer_t *h) {
  Ticker *t = h->data;
  if (!gs_channel_offer(t->vm, t->channel, t->values[t->sent])) {
    t->full_seen = true;   /* nobody took the last one yet: try again next tick */
    return;
  }
  if (++t->sent < t->n) return;
  uv_close((uv_handle_t *)h, ticker_closed_cb);
  gs_loop_hold(t->vm, false);
}

static void n_ticker(gs_vm *vm, int argc) {
  (void)argc;
  Ticker *t = &ticker;
  memset(t, 0, sizeof *t);
  t->vm = vm;
  t->n = (int)gs_get_int(vm, 1);
  t->channel = gs_get_handle(vm, 0);
  gs_ensure_slots(vm, 3);
  for (int i = 0; i < t->n; i++) {
    gs_set_int(vm, 2, (i + 1) * 10);
    t->values[i] = gs_get_handle(vm, 2);
  }
  uv_loop_t *loop = gs_uv_loop(vm);
  uv_timer_init(loop, &t->timer);
  t->timer.data = t;
  uv_timer_start(&t->timer, tick, 5, 5);
  gs_loop_hold(vm, true);
}

/* holder(v): a userdata whose block keeps a handle to v */
typedef struct { gs_vm *vm; gs_handle *held; } Holder;
static int holders_finalized;
static void holder_finalize(void *data) {
  Holder *h = data;
  gs_release(h->vm, h->held);
  holders_finalized++;
}
static void n_holder(gs_vm *vm, int argc) {
  (void)argc;
  gs_ensure_slots(vm, 2);
  Holder *h = gs_new_userdata(vm, 1, "holder", sizeof(Holder), holder_finalize);
  h->vm = vm;
  h->held = gs_get_handle(vm, 0);
  gs_return_slot(vm, 1);
}

/* offer(ch, v) from a native: what gs_channel_offer says */
static void n_offer(gs_vm *vm, int argc) {
  (void)argc;
  gs_handle *ch = gs_get_handle(vm, 0), *v = gs_get_handle(vm, 1);
  gs_return_bool(vm, gs_channel_offer(vm, ch, v));
  gs_release(vm, ch);
  gs_release(vm, v);
}

int main(void) {
  Capture cap;
  gs_vm *vm = new_captured_vm(&cap);
  gs_register(vm, "ticker", n_ticker, 2);
  gs_register(vm, "holder", n_holder, 1);
  gs_register(vm, "offer", n_offer, 2);

  void *loop = gs_uv_loop(vm);
  CHECK(loop != NULL && gs_uv_loop(vm) == loop, "gs_uv_loop gives the VM's one loop");

  /* the main fiber blocks on the channel with nothing else alive: the hold
   * makes the scheduler wait in the loop, where the timer feeds it */
  gs_status st = run(vm, "let ch = chan()\nticker(ch, 3)\nsleep(0.03)\nlet got = [ch.recv(), ch.recv(), ch.recv()]\n");
  CHECK(st == GS_OK, "a receiver fed by a libuv callback is not a deadlock (%s)", gs_error_message(vm));
  gs_ensure_slots(vm, 2);
  gs_get_global(vm, "got", 0);
  bool ok = gs_get_type(vm, 0) == GS_LIST && gs_list_count(vm, 0) == 3;
  for (int i = 0; ok && i < 3; i++) {
    gs_list_get(vm, 0, i, 1);
    ok = gs_get_int(vm, 1) == (i + 1) * 10;
  }
  CHECK(ok, "the values offered arrive in order: [10, 20, 30]");
  CHECK(ticker.full_seen, "gs_channel_offer is false while an unbuffered channel has no receiver");
  CHECK(gs_run_fibers(vm) == GS_OK, "nothing left");
  for (int i = 0; i < 20 && !ticker_closed; i++) gs_run_ready(vm);
  CHECK(ticker_closed == 1, "the library's close callback ran");

  /* offers into a buffer, then refusals */
  st = run(vm, "let b = chan(1)\nlet r1 = offer(b, 1)\nlet r2 = offer(b, 2)\nlet r3 = offer(5, 1)\n"
               "let first = b.recv()\nb.close()\nlet r4 = offer(b, 3)\n");
  const char *names[] = {"r1", "r2", "r3", "r4"};
  bool want[] = {true, false, false, false};
  for (int i = 0; i < 4; i++) {
    gs_get_global(vm, names[i], 0);
    CHECK(st == GS_OK && gs_get_bool(vm, 0) == want[i], "offer %s is %s", names[i], want[i] ? "true" : "false");
  }
  gs_get_global(vm, "first", 0);
  CHECK(gs_get_int(vm, 0) == 1, "the buffered value is received");

  /* without the hold, the same wait is a deadlock */
  st = run(vm, "let lonely = chan()\nlonely.recv()\n");
  CHECK(st == GS_RUNTIME_ERROR && strstr(gs_error_message(vm), "deadlock"), "no hold: a lone receiver is a deadlock (%s)",
        gs_error_message(vm));

  /* finalizers release the handles their blocks hold */
  st = run(vm, "for i in 0..50 { holder([i]) }\n");
  gs_collect(vm);
  CHECK(st == GS_OK && holders_finalized == 50, "50 garbage holders released their handles (%d)", holders_finalized);
  st = run(vm, "let kept = holder(\"kept\")\n");
  gs_free(vm);
  CHECK(st == GS_OK && holders_finalized == 51, "at gs_free a finalizer's gs_release does nothing harmful");
  return tap_done();
}
