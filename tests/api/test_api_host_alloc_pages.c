/* test_api_host_alloc_pages.c — memory from a host's allocator (config
 * reallocate) is used as given: the VM does not map in pages of it that the
 * script never wrote (the default allocator maps new heap pages in bulk;
 * that is its own business, never a host's). */
#include <stdint.h>
#include <sys/mman.h>
#include "tap.h"

#define PAGE ((size_t)4096)
#define BIG ((size_t)64 * 1024)

/* Big blocks get their own mapping, small ones come from malloc; either way
 * a header right in front of the block says which and how big (telling
 * them apart by the block's alignment failed under ASan, whose malloc can
 * hand out a block that ends up page-aligned). */
typedef union { struct { size_t size; bool mapped; } h; max_align_t align; } Header;

static void *biggest;
static size_t biggest_size;

static size_t size_of(void *p, bool *mapped) {
  Header *h = (Header *)p - 1;
  *mapped = h->h.mapped;
  return h->h.size;
}

static void *host_new(size_t size) {
  if (size < BIG) {
    Header *h = malloc(sizeof(Header) + size);
    if (!h) return NULL;
    h->h.size = size;
    h->h.mapped = false;
    return h + 1;
  }
  char *base = mmap(NULL, size + PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return NULL;
  Header *h = (Header *)(base + PAGE) - 1;
  h->h.size = size;
  h->h.mapped = true;
  if (size > biggest_size) biggest = base + PAGE, biggest_size = size;
  return base + PAGE;
}

static void host_free(void *p) {
  bool mapped;
  size_t size = size_of(p, &mapped);
  if (p == biggest) biggest = NULL, biggest_size = 0;
  if (mapped) munmap((char *)p - PAGE, size + PAGE);
  else free((Header *)p - 1);
}

static void *host_realloc(void *ptr, size_t size, void *ud) {
  (void)ud;
  if (size == 0) {
    if (ptr) host_free(ptr);
    return NULL;
  }
  void *n = host_new(size);
  if (n && ptr) {
    bool mapped;
    size_t old = size_of(ptr, &mapped);
    memcpy(n, ptr, old < size ? old : size);
    host_free(ptr);
  }
  return n;
}

static size_t resident_pages(void *p, size_t size) {
  size_t n = (size + PAGE - 1) / PAGE, count = 0;
  unsigned char *vec = malloc(n);
  if (!vec || mincore(p, size, vec) != 0) {
    free(vec);
    return (size_t)-1;
  }
  for (size_t i = 0; i < n; i++) count += vec[i] & 1;
  free(vec);
  return count;
}

int main(void) {
  gs_config cfg;
  gs_config_init(&cfg);
  cfg.reallocate = host_realloc;
  gs_vm *vm = gs_new(&cfg);
  CHECK(vm != NULL, "a VM on the host's allocator");
  if (!vm) return tap_done();

  /* a channel's buffer is allocated at its full capacity and written only
   * as values are sent */
  const char *src = "let c = chan(200000)\nc.send(1)\n";
  CHECK(gs_run_string(vm, "chan.gs", src, strlen(src)) == GS_OK, "a channel with room for 200000 values");
  size_t pages = (biggest_size + PAGE - 1) / PAGE;
  CHECK(biggest && biggest_size >= 200000 * 8, "its buffer is a big block of the host's (%zu bytes)", biggest_size);
  size_t resident = biggest ? resident_pages(biggest, biggest_size) : 0;
  CHECK(resident <= 2, "%zu of its %zu pages are resident: only what the script wrote", resident, pages);

  const char *grow = "let l = []\nfor i in 0..100000 { l.push(str(i)) }\nlet s = l.join(\",\")\n";
  CHECK(gs_run_string(vm, "grow.gs", grow, strlen(grow)) == GS_OK, "a list and a string grow on the host's blocks");
  gs_free(vm);
  return tap_done();
}
