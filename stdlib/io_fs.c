/* io_fs.c — the file-system functions of `io`: list_dir, stat, exists,
 * mkdir and remove_all, each run as one blocking call that only the calling
 * fiber waits for (io_job.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "io_job.h"

/* Raise for a job that failed at j->where (or j->path). */
static _Noreturn void io_job_error(gs_vm *vm, Job *j, const char *what) {
  io_os_error(vm, what, j->where ? j->where : j->path, j->err);
}

static void work_stat(void *arg) {
  Job *j = arg;
  j->err = stat(j->path, &j->st) == 0 ? 0 : errno;
}

static int by_bytes(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void work_list_dir(void *arg) {
  Job *j = arg;
  DIR *d = opendir(j->path);
  if (!d) { j->err = errno; return; }
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    size_t len = strlen(e->d_name) + 1;
    if (!job_grow(j, j->n + len)) { j->err = ENOMEM; break; }
    memcpy(j->buf + j->n, e->d_name, len);
    j->n += len;
    j->count++;
    errno = 0;
  }
  if (!j->err && errno) j->err = errno;
  closedir(d);
  if (j->err) return;
  j->names = malloc(sizeof *j->names * (j->count ? j->count : 1));
  if (!j->names) { j->err = ENOMEM; return; }
  char *p = j->buf;
  for (size_t i = 0; i < j->count; i++, p += strlen(p) + 1) j->names[i] = p;
  qsort(j->names, j->count, sizeof *j->names, by_bytes);
}

/* Check fname's arguments (a path, then up to max - 1 more) and make the
 * Job for the call in slot `max`, its path set; slots max + 1 .. max + 3
 * are free for the result. */
static Job *fs_job(gs_vm *vm, const char *fname, int argc, int max) {
  lib_argc(vm, fname, argc, 1, max);
  const char *path = io_path_arg(vm, fname, 0);
  gs_ensure_slots(vm, max + 4);
  Job *j = job_new(vm, max);
  j->path = path;
  return j;
}

/* io.list_dir(path): the names in the directory, sorted by bytes, without . and .. */
static void io_list_dir(gs_vm *vm, int argc) {
  Job *j = fs_job(vm, "io.list_dir", argc, 1);
  io_blocking(vm, NULL, work_list_dir, j);
  if (j->err) io_os_error(vm, "list directory", j->path, j->err);
  gs_new_list(vm, 2);
  for (size_t i = 0; i < j->count; i++) {
    gs_set_cstring(vm, 3, j->names[i]);
    gs_list_push(vm, 2, 3);
  }
  gs_return_slot(vm, 2);
}

static void io_map_put(gs_vm *vm, int map, const char *key, int value) {
  gs_set_cstring(vm, value + 1, key);
  gs_map_set(vm, map, value + 1, value);
}

/* io.stat(path): {size, mtime, is_dir, is_file, mode}, following links */
static void io_stat(gs_vm *vm, int argc) {
  Job *j = fs_job(vm, "io.stat", argc, 1);
  io_blocking(vm, NULL, work_stat, j);
  if (j->err) io_os_error(vm, "stat", j->path, j->err);
  gs_new_map(vm, 2);
  gs_set_int(vm, 3, (int64_t)j->st.st_size);
  io_map_put(vm, 2, "size", 3);
  gs_set_float(vm, 3, (double)j->st.st_mtim.tv_sec + (double)j->st.st_mtim.tv_nsec / 1e9);
  io_map_put(vm, 2, "mtime", 3);
  gs_set_bool(vm, 3, S_ISDIR(j->st.st_mode));
  io_map_put(vm, 2, "is_dir", 3);
  gs_set_bool(vm, 3, S_ISREG(j->st.st_mode));
  io_map_put(vm, 2, "is_file", 3);
  gs_set_int(vm, 3, (int64_t)(j->st.st_mode & 07777));
  io_map_put(vm, 2, "mode", 3);
  gs_return_slot(vm, 2);
}

/* io.exists(path): false when the path or a directory on it is missing;
 * other failures (no permission to look) raise */
static void io_exists(gs_vm *vm, int argc) {
  Job *j = fs_job(vm, "io.exists", argc, 1);
  io_blocking(vm, NULL, work_stat, j);
  if (j->err && j->err != ENOENT && j->err != ENOTDIR) io_os_error(vm, "stat", j->path, j->err);
  gs_return_bool(vm, j->err == 0);
}

/* mkdir -p: each missing directory on the path, from the top */
static void work_mkdir(void *arg) {
  Job *j = arg;
  if (mkdir(j->path, 0777) == 0) return;
  j->err = errno;
  if (!j->parents) return;
  struct stat st;
  if (j->err == EEXIST) {
    j->err = stat(j->path, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : EEXIST;
    return;
  }
  if (j->err != ENOENT) return;
  char *p = strdup(j->path);
  if (!p) { j->err = ENOMEM; return; }
  j->err = 0;
  for (char *s = p + 1; ; s++) {
    bool end = *s == 0;
    if (!end && *s != '/') continue;
    *s = 0;
    if (mkdir(p, 0777) != 0 && errno != EEXIST) {
      j->err = errno;
      j->where = p;   /* the directory that could not be made */
      return;
    }
    if (end) break;
    *s = '/';
  }
  free(p);
  if (stat(j->path, &st) != 0) j->err = errno;
  else if (!S_ISDIR(st.st_mode)) j->err = EEXIST;   /* the last name is a file */
}

/* io.mkdir(path, opts?): opts.parents makes the missing parents and
 * accepts a directory that exists */
static void io_mkdir(gs_vm *vm, int argc) {
  Job *j = fs_job(vm, "io.mkdir", argc, 2);
  if (argc > 1 && gs_get_type(vm, 1) != GS_NIL) {
    if (gs_get_type(vm, 1) != GS_MAP) lib_arg_error(vm, "io.mkdir", 1, "a map of options");
    gs_set_cstring(vm, 3, "parents");
    if (gs_map_get(vm, 1, 3, 4)) j->parents = gs_get_type(vm, 4) == GS_BOOL ? gs_get_bool(vm, 4) : gs_get_type(vm, 4) != GS_NIL;
  }
  io_blocking(vm, NULL, work_mkdir, j);
  if (j->err) io_job_error(vm, j, "create directory");
}

/* remove_all: nftw has no argument for its callback */
static __thread Job *removing;

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st;
  (void)type;
  (void)ftw;
  if (remove(path) == 0 || errno == ENOENT) return 0;
  removing->err = errno;
  removing->where = strdup(path);
  return 1;
}

static void work_remove_all(void *arg) {
  Job *j = arg;
  struct stat st;
  if (lstat(j->path, &st) != 0) {
    j->err = errno == ENOENT ? 0 : errno;
    return;
  }
  removing = j;
  if (nftw(j->path, remove_entry, 32, FTW_DEPTH | FTW_PHYS) < 0 && !j->err) j->err = errno;
  removing = NULL;
}

/* io.remove_all(path): the file, or the directory and everything in it;
 * symbolic links are removed, not followed; a missing path is fine */
static void io_remove_all(gs_vm *vm, int argc) {
  Job *j = fs_job(vm, "io.remove_all", argc, 1);
  io_blocking(vm, NULL, work_remove_all, j);
  if (j->err) io_job_error(vm, j, "remove");
}

static const gs_reg fs_funcs[] = {
  {"list_dir", io_list_dir, -1, "io.list_dir(path)\nThe names in the directory, sorted, without \".\" and \"..\"."},
  {"stat", io_stat, -1, "io.stat(path)\nA map {size, mtime, is_dir, is_file, mode}; raises not_found for a missing path."},
  {"exists", io_exists, -1, "io.exists(path)\nWhether the path exists (a link: whether what it points to does)."},
  {"mkdir", io_mkdir, -1, "io.mkdir(path, opts?)\nMake a directory; {\"parents\": true} also makes missing parents and accepts one that exists."},
  {"remove_all", io_remove_all, -1, "io.remove_all(path)\nRemove the file or the directory with everything in it; a missing path is fine."},
  {NULL, NULL, 0, NULL},
};

void lib_io_fs_open(gs_vm *vm) { gs_register_module(vm, "io", fs_funcs); }
