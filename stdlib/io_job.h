/* io_job.h — shared by the io module's files (io.c: files and standard
 * input; io_fs.c: the file system): path arguments, OS errors, and calls
 * that block only the calling fiber. Over include/gs.h alone. */
#ifndef GS_IO_JOB_H
#define GS_IO_JOB_H

#include <stdio.h>
#include <sys/stat.h>
#include "libs.h"

/* What a pool call needs and makes. Whatever it makes (an open FILE, a
 * buffer) belongs to a userdata, so a cancel raised once it has finished
 * leaves nothing behind: the collector's finalizer frees it. */
typedef struct {
  const char *path, *mode;   /* strings held in the native's slots */
  const char *data;
  size_t len;
  bool parents;
  FILE *fp;
  int fd;                    /* read_file / write_file's descriptor, or -1 */
  int flags;                 /* open(2) flags */
  bool opened;               /* the open succeeded: a later error is the transfer's */
  char *buf;                 /* read_file's bytes; list_dir's names, NUL-separated */
  char **names;              /* list_dir: the names in buf, sorted */
  size_t n, cap, count;
  struct stat st;
  int err;
  char *where;               /* the path that failed, when not `path` (malloc'ed) */
} Job;

/* The path in `slot` (a string without NUL bytes) */
const char *io_path_arg(gs_vm *vm, const char *fname, int slot);
/* Raise "cannot WHAT 'PATH': OS reason" with e.kind and e.errno */
_Noreturn void io_os_error(gs_vm *vm, const char *what, const char *path, int err);
/* Run work(arg) so that only this fiber waits: on the worker pool, or right
 * here when no other fiber exists. key: the FILE it uses, or NULL. */
void io_blocking(gs_vm *vm, const void *key, void (*work)(void *), void *arg);
/* A new Job in `slot` (owned by the userdata there) */
Job *job_new(gs_vm *vm, int slot);
/* Free what the job holds now (its finalizer, run early) */
void job_finalize(void *data);
/* Make j->buf hold at least `need` bytes; false when out of memory */
bool job_grow(Job *j, size_t need);

/* io.list_dir, io.stat, io.exists, io.mkdir, io.remove_all (io_fs.c) */
void lib_io_fs_open(gs_vm *vm);

#endif
