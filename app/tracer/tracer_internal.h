/* Internals shared by the tracer's translation units. Nothing here may allocate with malloc:
 * every table lives in mmap'd memory, and every function is called with the tracer lock held
 * unless its comment says otherwise. */
#ifndef EAPSCOPE_TRACER_INTERNAL_H
#define EAPSCOPE_TRACER_INTERNAL_H

#include "host/tracer_api.h"

#include <stddef.h>
#include <stdint.h>

#define TRACER_HIDDEN __attribute__((visibility("hidden")))

/* ---- mmap helpers -------------------------------------------------------------------- */
TRACER_HIDDEN void* tracer_map(size_t bytes);
TRACER_HIDDEN void tracer_unmap(void* p, size_t bytes);

/* ---- address table (tracer_table.c): every block the real allocator returned ----------- */
enum block_state { BLOCK_NONE = 0, BLOCK_LIVE = 1, BLOCK_FREED = 2 };

struct block_entry {
    uint64_t address;
    uint64_t size;
    uint32_t state;    /* enum block_state */
    uint32_t internal; /* allocated by host or tracer code: never recorded */
    uint32_t tag;      /* context tag the allocation was recorded under */
    uint32_t mark;     /* reachability scan epoch (tracer_reach.c) */
};

/* The entry for address, or NULL when the table never saw it (or dropped it). */
TRACER_HIDDEN struct block_entry* table_find(uint64_t address);
/* Marks address live with size (inserting it when new). */
TRACER_HIDDEN void table_set_live(uint64_t address, uint64_t size, int internal, uint32_t tag);
/* Live recorded blocks allocated under tag; (size_t)-1 when unknown (counter table full). */
TRACER_HIDDEN size_t table_live_for_tag(uint32_t tag);
/* Calls fn for every live recorded block allocated under tag. */
TRACER_HIDDEN void table_for_tag(uint32_t tag, void (*fn)(struct block_entry*, void*), void* arg);
TRACER_HIDDEN void table_mark_freed(struct block_entry* e);
TRACER_HIDDEN size_t table_live_count(void);

/* ---- record buffer (heap_tracer.c) ----------------------------------------------------- */
TRACER_HIDDEN void record_push(uint8_t kind, uint64_t address, uint64_t size, uint32_t tag, uint32_t site);
TRACER_HIDDEN uint64_t tracer_now_ns(void);

/* ---- stacks (tracer_stacks.c) ----------------------------------------------------------- */
#define TRACER_MAX_FRAMES 24
/* Captures the caller's stack; call WITHOUT the lock, with the reentrancy guard set. */
TRACER_HIDDEN int stacks_capture(void** frames, int max);
/* Interns a captured stack; returns its site index (>= 1), or 0 when the table is full. */
TRACER_HIDDEN uint32_t stacks_intern(void* const* frames, int depth);
/* Symbolizes every interned site not yet symbolized. WITHOUT the lock, guard set; takes the
 * lock itself around table access. */
TRACER_HIDDEN void stacks_symbolize_pending(void);
TRACER_HIDDEN const char* stacks_site_text(uint32_t site);
/* Loads the unwinder once, so the first captured stack does not dlopen inside malloc. */
TRACER_HIDDEN void stacks_warm_up(void);

/* ---- quarantine (tracer_quarantine.c) --------------------------------------------------- */
/* Holds a freed block (poisoned) instead of freeing it; may evict (really free) older ones.
 * Returns 0 when the block is not quarantined (too big) and the caller must free it. */
TRACER_HIDDEN int quarantine_hold(void* block, uint64_t size, uint32_t tag);
/* Checks every held block's poison and records kind 5 once per damaged block. */
TRACER_HIDDEN void quarantine_check_all(void);

/* ---- reachability (tracer_reach.c) ----------------------------------------------------- */
/* Records EAPSCOPE_HEAP_RETAINED for every live block of tag that global data still points to. */
TRACER_HIDDEN void reach_mark_retained(uint32_t tag);

/* The real free (resolved at init), for the quarantine's evictions. */
TRACER_HIDDEN void tracer_real_free(void* p);

#endif
