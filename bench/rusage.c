/* rusage.c — run a command, report its wall time and peak RSS.
 *
 *   rusage [-t SECONDS] OUTFILE cmd args...
 *
 * Runs cmd (stdin, stdout and stderr are inherited), waits for it with
 * wait4() and writes one line to OUTFILE:
 *
 *   <wall seconds> <peak RSS KiB> <exit status> <CPU seconds (user + system)>
 *
 * The exit status is the child's, 128+signal if it was killed by a signal,
 * or 124 if it ran longer than -t SECONDS (it is then killed with SIGKILL).
 * rusage itself exits with that status. Only libc is needed: bench/run
 * compiles this with `cc -O2` into build/bench/rusage when it is missing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static volatile pid_t child;

static void on_alarm(int sig) {
  (void)sig;
  timed_out = 1;
  if (child > 0) kill(child, SIGKILL);
}

int main(int argc, char **argv) {
  int i = 1;
  unsigned timeout = 0;
  if (i < argc && strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
    timeout = (unsigned)strtoul(argv[i + 1], NULL, 10);
    i += 2;
  }
  if (argc - i < 2) {
    fprintf(stderr, "usage: rusage [-t SECONDS] OUTFILE cmd [args...]\n");
    return 2;
  }
  const char *out = argv[i];
  char **cmd = argv + i + 1;

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) { perror("rusage: fork"); return 2; }
  if (pid == 0) {
    execvp(cmd[0], cmd);
    fprintf(stderr, "rusage: cannot run %s: %s\n", cmd[0], strerror(errno));
    _exit(127);
  }
  child = pid;
  if (timeout) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    alarm(timeout);
  }
  int status = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) { perror("rusage: wait4"); return 2; }
  }
  alarm(0);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int code = timed_out ? 124
           : WIFEXITED(status) ? WEXITSTATUS(status)
           : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
  FILE *f = fopen(out, "w");
  if (!f) { perror("rusage: output file"); return 2; }
  double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  /* ru_maxrss is KiB on Linux */
  fprintf(f, "%.4f %ld %d %.4f\n", wall, ru.ru_maxrss, code, cpu);
  fclose(f);
  return code;
}
