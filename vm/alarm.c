/* alarm.c — a thread that raises VM_INTERRUPT_ALARM when a deadline passes,
 * so a fiber in a CPU loop meets its timeout at the interpreter's existing
 * interrupt check (backward jumps and calls) and the hot path pays nothing.
 *
 * The thread only sleeps and sets one bit; it never touches the VM
 * otherwise. It is started by the first timeout(): a program without one
 * has no thread. */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "alarm.h"

struct Alarm {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int64_t at;               /* when to raise the flag; INT64_MAX: not armed */
  bool quit;
  volatile int *flag;
  int bit;
};

static void *alarm_main(void *arg) {
  Alarm *a = arg;
  pthread_mutex_lock(&a->mu);
  while (!a->quit) {
    if (a->at == INT64_MAX) {
      pthread_cond_wait(&a->cv, &a->mu);
      continue;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int64_t now_ns = (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
    if (now_ns >= a->at) {
      a->at = INT64_MAX;
      __atomic_fetch_or(a->flag, a->bit, __ATOMIC_RELEASE);
      continue;
    }
    struct timespec until = {a->at / 1000000000LL, a->at % 1000000000LL};
    pthread_cond_timedwait(&a->cv, &a->mu, &until);
  }
  pthread_mutex_unlock(&a->mu);
  return NULL;
}

Alarm *alarm_new(volatile int *flag, int bit) {
  Alarm *a = calloc(1, sizeof(Alarm));
  if (!a) return NULL;
  a->at = INT64_MAX;
  a->flag = flag;
  a->bit = bit;
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  bool ok = pthread_mutex_init(&a->mu, NULL) == 0 && pthread_cond_init(&a->cv, &ca) == 0;
  pthread_condattr_destroy(&ca);
  if (!ok || pthread_create(&a->thread, NULL, alarm_main, a) != 0) {
    free(a);
    return NULL;
  }
  return a;
}

void alarm_set(Alarm *a, int64_t at) {
  pthread_mutex_lock(&a->mu);
  if (at < a->at) {
    a->at = at;
    pthread_cond_signal(&a->cv);
  }
  pthread_mutex_unlock(&a->mu);
}

void alarm_free(Alarm *a) {
  if (!a) return;
  pthread_mutex_lock(&a->mu);
  a->quit = true;
  pthread_cond_signal(&a->cv);
  pthread_mutex_unlock(&a->mu);
  pthread_join(a->thread, NULL);
  pthread_cond_destroy(&a->cv);
  pthread_mutex_destroy(&a->mu);
  free(a);
}
