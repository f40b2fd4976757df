/* page_cost.c — what a new page of memory costs on this machine, in µs per
 * 4 KiB page, so that bench/run's results can say how much of a program's
 * time is the price of the memory it touches first (every fiber's C stack
 * is at least one page of its own; a Lua coroutine is about a quarter of
 * one). Prints one line: fault populate first_touch retouch
 *   fault        first write to a fresh anonymous page (a page fault)
 *   populate     one madvise(MADV_POPULATE_WRITE) over the whole range,
 *                per page (0 where the kernel lacks it, before 5.14)
 *   first_touch  the first write to each page after that populate (small
 *                where nothing shadows the page tables; a virtual machine
 *                that shadows the guest's can charge most of a fault again)
 *   retouch      a write to a page already written (TLB and cache only)
 * Each is the median of 5 trials over 20 000 pages. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

enum { PAGES = 20000, TRIALS = 5 };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* µs per page for writing one byte into each of n pages from p */
static double touch(volatile char *p, size_t n, size_t page) {
  double t = now();
  for (size_t i = 0; i < n; i++) p[i * page] = 1;
  return (now() - t) / (double)n * 1e6;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v) {
  qsort(v, TRIALS, sizeof *v, cmp);
  return v[TRIALS / 2];
}

int main(void) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE), len = PAGES * page;
  double fault[TRIALS], pop[TRIALS], first[TRIALS], again[TRIALS];
  for (int t = 0; t < TRIALS; t++) {
    char *a = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *b = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a == MAP_FAILED || b == MAP_FAILED) { perror("page_cost: mmap"); return 1; }
    fault[t] = touch(a, PAGES, page);
    again[t] = touch(a + 64, PAGES, page);
    double s = now();
    int populated = madvise(b, len, MADV_POPULATE_WRITE) == 0;
    pop[t] = populated ? (now() - s) / PAGES * 1e6 : 0;
    first[t] = populated ? touch(b, PAGES, page) : 0;
    munmap(a, len);
    munmap(b, len);
  }
  printf("%.2f %.2f %.2f %.3f\n", median(fault), median(pop), median(first), median(again));
  return 0;
}
