/* prefault.h — bulk mapping of new heap pages for the default allocator. */
#ifndef GS_PREFAULT_H
#define GS_PREFAULT_H

#include <stdbool.h>
#include <stddef.h>
#include "coro.h"

/* New blocks from this size on are populated whole; a grown block's spare
 * tail is never populated. */
#define PREFAULT_BLOCK_MIN ((size_t)64 * 1024)
/* A smaller request populates the stretch of heap it made, up to this,
 * once the heap has grown by PREFAULT_HEAP_MIN. */
#define PREFAULT_STRETCH_MAX ((size_t)1024 * 1024)
#define PREFAULT_HEAP_MIN ((size_t)1024 * 1024)

/* After realloc returned p (size bytes): grown is false for a new block. */
void prefault_after(bool grown, void *p, size_t size);

/* The next block the default allocator hands out on this thread may stay
 * mostly unwritten for long (a channel's buffer, written as it fills): it
 * is not populated, whatever its size. The mark is dropped at the next
 * prefault_after; a block that comes from the small-block lists instead
 * leaves it for the next one, which only costs that block its bulk map. */
void prefault_sparse_next(void);

#endif
