/* Guard mode (--guard): freed blocks are filled with a poison byte and held in a bounded FIFO
 * instead of being freed, so the allocator cannot hand them out again and a later write into
 * one is seen when its poison is checked (at every drain and before the block is released). */
#include "tracer_internal.h"

#include <string.h>

#define QUARANTINE_SLOTS 8192u
#define QUARANTINE_MAX_BYTES (32u << 20)
#define QUARANTINE_MAX_BLOCK (1u << 20) /* bigger blocks are freed at once: poisoning costs */
#define POISON 0xFD

struct held {
    unsigned char* block;
    uint64_t size;
    uint32_t tag;      /* context that freed it */
    uint32_t reported; /* write after free already recorded */
};

static struct held* g_ring;
static size_t g_head, g_count; /* oldest at g_head */
static uint64_t g_bytes;

static int poison_intact(const struct held* h)
{
    for (uint64_t i = 0; i < h->size; ++i)
        if (h->block[i] != POISON)
            return 0;
    return 1;
}

static void check(struct held* h)
{
    if (h->reported || poison_intact(h))
        return;
    h->reported = 1;
    record_push(EAPSCOPE_HEAP_WRITE_AFTER_FREE, (uint64_t)(uintptr_t)h->block, h->size, h->tag, 0);
}

/* Checks and really frees the oldest block. The real free is called under the tracer lock:
 * glibc's free never calls back into malloc, so this cannot deadlock. */
static void evict_oldest(void)
{
    struct held* h = &g_ring[g_head];
    check(h);
    tracer_real_free(h->block);
    g_bytes -= h->size;
    g_head = (g_head + 1) % QUARANTINE_SLOTS;
    --g_count;
}

int quarantine_hold(void* block, uint64_t size, uint32_t tag)
{
    if (size > QUARANTINE_MAX_BLOCK)
        return 0;
    if (!g_ring && !(g_ring = tracer_map(QUARANTINE_SLOTS * sizeof *g_ring)))
        return 0;
    while (g_count == QUARANTINE_SLOTS || (g_count && g_bytes + size > QUARANTINE_MAX_BYTES))
        evict_oldest();
    memset(block, POISON, size);
    struct held* h = &g_ring[(g_head + g_count) % QUARANTINE_SLOTS];
    h->block = block;
    h->size = size;
    h->tag = tag;
    h->reported = 0;
    g_bytes += size;
    ++g_count;
    return 1;
}

void quarantine_check_all(void)
{
    for (size_t i = 0; i < g_count; ++i)
        check(&g_ring[(g_head + i) % QUARANTINE_SLOTS]);
}
