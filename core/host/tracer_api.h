/* The heap tracer's C API (DESIGN.md "Processes", issue 3 part 3).
 *
 * libeapscope-heaptracer.so is preloaded into eapscope-host (LD_PRELOAD). It interposes the
 * allocator (malloc, calloc, realloc, free, posix_memalign, aligned_alloc, memalign, valloc,
 * and operator new/delete) and records one eapscope_heap_record per event, attributed to the
 * calling thread's current context tag. The host finds these functions with
 * dlsym(RTLD_DEFAULT, "eapscope_tracer_…"); when they are absent there are no heap events.
 *
 * Protocol, from the host:
 *   eapscope_tracer_configure(stacks, quarantine)   once, before loading the method
 *   eapscope_tracer_set_context(tag)                before each call (tag = ContextId + 1,
 *                                                   0 = instance-owned: Initialize, ctors)
 *   … the call …
 *   eapscope_tracer_set_context(EAPSCOPE_TRACER_OUTSIDE_CALL)   after it
 *   n = eapscope_tracer_drain(buf, max)             repeat until n < max
 *   eapscope_tracer_site(r.site)                    for each record with site != 0
 *
 * Frees the tracer rejects (kinds 3 and 4) are NOT passed to the real free(), so the host keeps
 * running. Only the host links or preloads this library; it depends on no EapScope library.
 *
 * eapscope-host.exe (Windows methods) implements the same API itself and exports it from the
 * executable (host/heap_tracer_win.cpp), fed by the method DLL's patched import table.
 */
#ifndef EAPSCOPE_TRACER_API_H
#define EAPSCOPE_TRACER_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum eapscope_heap_kind {
    EAPSCOPE_HEAP_ALLOC = 1,
    EAPSCOPE_HEAP_FREE = 2,
    EAPSCOPE_HEAP_DOUBLE_FREE = 3,      /* free of an address freed before and not reallocated */
    EAPSCOPE_HEAP_INVALID_FREE = 4,     /* free of an address the allocator never returned */
    EAPSCOPE_HEAP_WRITE_AFTER_FREE = 5, /* quarantine: a freed block's poison was overwritten */
    EAPSCOPE_HEAP_RETAINED = 6          /* eapscope_tracer_context_ended(): this live block of the
                                           ended context is still pointed to from global data (a
                                           cache or lazy library initialisation, not a leak) */
};

struct eapscope_heap_record {
    uint8_t kind; /* enum eapscope_heap_kind */
    uint64_t address, size;
    uint32_t context_tag; /* the tag current on the thread that made the event; for kind 5 the
                             tag of the context that freed the block */
    uint64_t time_ns;     /* CLOCK_MONOTONIC time base, at CLOCK_MONOTONIC_COARSE resolution */
    uint32_t site;        /* index for eapscope_tracer_site(); 0 none */
};

/* The tag every thread starts with: outside any method call. Blocks are still tracked (so their
 * frees are not mistaken for invalid ones) but no record is made. The host sets it again right
 * after each call. */
#define EAPSCOPE_TRACER_OUTSIDE_CALL 0xFFFFFFFFu

/* Sets the calling thread's context tag (ContextId + 1; 0 = instance-owned call such as
 * Initialize or the library's constructors; EAPSCOPE_TRACER_OUTSIDE_CALL = host code). */
void eapscope_tracer_set_context(uint32_t context_tag);

/* Moves up to max pending records (oldest first) into out; returns how many. Also checks the
 * quarantine's poison first, so a write after free shows up in the same drain. */
size_t eapscope_tracer_drain(struct eapscope_heap_record* out, size_t max);

/* "func (file:line)\nfunc (file:line)…" for a site index from a drained record; "" for 0 or an
 * unknown index. The string stays valid for the life of the process. */
const char* eapscope_tracer_site(uint32_t site);

/* stacks != 0: capture the call stack at each allocation (symbolized at drain time).
 * quarantine != 0: poison freed blocks and hold them in a bounded FIFO instead of freeing. */
void eapscope_tracer_configure(int stacks, int quarantine);

/* Additions beyond the agreed API. */

/* Called by the host right after RasEapEnd(tag) returned, before the drain: every block
 * allocated under tag that is still live and reachable from the loaded libraries' writable data
 * (directly or through other method blocks; the host's own globals and heap are not roots) gets
 * an EAPSCOPE_HEAP_RETAINED record, so the analysis tells "kept by the method instance" (e.g.
 * OpenSSL initialising itself on first use) from "leaked" (nothing points to it any more),
 * as LeakSanitizer does. Costs nothing when the context freed everything. */
void eapscope_tracer_context_ended(uint32_t context_tag);

/* Records dropped because the buffer was full since the last call (then reset to 0). */
uint64_t eapscope_tracer_dropped(void);

/* 1 when the tracer is active (interposition resolved); lets the host print a diagnostic. */
int eapscope_tracer_active(void);

#ifdef __cplusplus
}
#endif

#endif /* EAPSCOPE_TRACER_API_H */
