/* io_job.c — what the io functions share: path arguments, OS errors with
 * kind and errno, and blocking calls that only the calling fiber waits for
 * (on the worker pool, through a Job a userdata owns). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "io_job.h"

#define JOB_TAG "io.job"

/* ---- errors ------------------------------------------------------------- */

const char *io_path_arg(gs_vm *vm, const char *fname, int slot) {
  size_t len;
  const char *p = lib_str(vm, fname, slot, &len);
  if (strlen(p) != len) gs_error(vm, "%s: path contains a NUL byte", fname);
  return p;
}

/* "cannot open 'nope.txt': No such file or directory", with e.kind
 * ("not_found") and e.errno */
_Noreturn void io_os_error(gs_vm *vm, const char *what, const char *path, int err) {
  int slot = gs_slot_count(vm);
  gs_ensure_slots(vm, slot + 1);
  gs_new_error(vm, slot, gs_errno_kind(err), err, "cannot %s '%s': %s", what, path, strerror(err));
  gs_raise(vm, slot);
}

/* ---- blocking calls: only the calling fiber waits -------------------------
 * File system calls run on the worker pool; when no other fiber exists
 * they run right here, which is the same to the script and much cheaper
 * (docs/io.md, Files). Work on a file object is keyed by its FILE, so two
 * fibers never use one FILE at once: the second raises "busy". */

void io_blocking(gs_vm *vm, const void *key, void (*work)(void *), void *arg) {
  if (gs_alone(vm)) work(arg);
  else gs_run_blocking_on(vm, key, work, arg);
}

void job_finalize(void *data) {
  Job *j = data;
  if (j->fp) fclose(j->fp);
  if (j->fd >= 0) close(j->fd);
  free(j->buf);
  free(j->names);
  free(j->where);
  j->fp = NULL;
  j->fd = -1;
  j->where = NULL;
  j->names = NULL;
  j->buf = NULL;
}

Job *job_new(gs_vm *vm, int slot) {
  Job *j = gs_new_userdata(vm, slot, JOB_TAG, sizeof(Job), job_finalize);
  memset(j, 0, sizeof *j);
  j->fd = -1;
  return j;
}

bool job_grow(Job *j, size_t need) {
  if (need <= j->cap) return true;
  size_t nc = j->cap ? j->cap : 8192;
  while (nc < need) nc *= 2;
  char *nb = realloc(j->buf, nc);
  if (!nb) return false;
  j->buf = nb;
  j->cap = nc;
  return true;
}
