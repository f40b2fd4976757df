/* loop.h — the VM's event loop (libuv): the scheduler's idle wait, fibers
 * parked on descriptors and the thread pool, and host wake-ups.
 *
 * One uv_loop_t per VM, made on first use (a VM that never waits for I/O
 * has none and sleeps for its timers in nanosleep). The scheduler keeps its
 * own timer heap (fiber.c); while it waits in the loop, one uv_timer is
 * armed for the heap's first deadline (docs/io.md says why). */
#ifndef GS_LOOP_H
#define GS_LOOP_H

#include "vm.h"

/* Events of a descriptor wait (as GS_READABLE / GS_WRITABLE in gs.h) */
enum { LOOP_READABLE = 1, LOOP_WRITABLE = 2 };

/* Fibers wait for loop events (descriptors, pool work): they may wake, so
 * being stuck otherwise is not a deadlock. */
bool loop_has_waiters(VM *vm);
/* Only a library's hold (loop_hold) keeps the loop worth waiting in: it
 * wakes blocked fibers, so with none left there is nothing to wait for. */
bool loop_only_held(VM *vm);
/* The idle wait: block until a loop event or wait_ns nanoseconds (< 0: no
 * limit; only when loop_has_waiters). Without a loop, sleeps. */
void loop_idle(VM *vm, int64_t wait_ns);
/* Collect what is ready without blocking (busy fibers must not starve I/O;
 * a host's run-once step). */
void loop_poll(VM *vm);
/* Make a blocked loop wait return (async-signal-safe, any thread). */
void loop_wakeup(VM *vm);
/* The loop's pollable descriptor (making the loop if need be); -1 if it
 * cannot be made. */
int loop_backend_fd(VM *vm);
void loop_free(VM *vm);
/* The uv_loop_t itself (made if need be; raises if it cannot be), for
 * libraries that run handles of their own on it (gs_uv_loop). */
void *loop_uv(VM *vm);
/* A library holds (or lets go of) something on the loop that may wake a
 * fiber, such as a signal watcher: while held, the scheduler waits in the
 * loop rather than reporting a deadlock. */
void loop_hold(VM *vm, bool hold);

/* Park the running fiber until fd is ready for events (LOOP_READABLE |
 * LOOP_WRITABLE) or limit_at (CLOCK_MONOTONIC ns; < 0: none) passes.
 * Returns the ready events, 0 at the limit, -1 when loop_forget_fd(fd) ended
 * the wait. Raises a pending cancel or timeout (a wait point), and "busy"
 * when another fiber already waits for the same event on fd. */
int loop_wait_fd(VM *vm, int fd, int events, int64_t limit_at);
/* Another fiber already waits for one of these events on fd. */
bool loop_fd_busy(VM *vm, int fd, int events);
/* The descriptor is about to be closed: stop watching it; its waiters
 * return -1. */
void loop_forget_fd(VM *vm, int fd);
/* Run work(arg) on the thread pool, parking the running fiber until it is
 * done. A cancel or timeout that comes meanwhile is raised once the work
 * has finished or was taken off the queue before it started (so that arg
 * is never used after we return). False when the pool refused the work.
 * key (or NULL) names what the work uses, a FILE: while a job with that key
 * is queued or running, another raises kind "busy" (message "another fiber
 * is using it"). */
bool loop_run_blocking(VM *vm, const void *key, void (*work)(void *arg), void *arg);
/* A job with this key is queued or running. */
bool loop_key_busy(VM *vm, const void *key);
/* "read on descriptor 7" for the deadlock report */
void loop_describe_wait(void *on, char *buf, size_t size);

#endif
