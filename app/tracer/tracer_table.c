/* Open-addressing hash table of block addresses, in mmap'd memory (no malloc: it runs inside
 * malloc). Freed entries stay (state FREED) so a second free of the same address is told apart
 * from a free of an address never returned; a later allocation at the address makes it live. */
#include "tracer_internal.h"

#include <sys/mman.h>

#define TABLE_MIN_CAPACITY (1u << 16)
/* Above this many entries, a rehash forgets freed addresses (double frees of very old blocks
 * are then reported as invalid frees, which still keeps them from the real free). */
#define TABLE_FORGET_FREED_ABOVE (1u << 22)

static struct block_entry* g_entries;
static size_t g_capacity; /* power of two */
static size_t g_used;     /* entries with state != NONE */
static size_t g_live;

void* tracer_map(size_t bytes)
{
    void* p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void tracer_unmap(void* p, size_t bytes)
{
    if (p)
        munmap(p, bytes);
}

static size_t slot_of(uint64_t address, size_t capacity)
{
    uint64_t h = address * 0x9E3779B97F4A7C15ull; /* Fibonacci hashing: spreads aligned addresses */
    return (size_t)(h >> 17) & (capacity - 1);
}

static struct block_entry* probe(struct block_entry* entries, size_t capacity, uint64_t address)
{
    size_t i = slot_of(address, capacity);
    while (entries[i].state != BLOCK_NONE && entries[i].address != address)
        i = (i + 1) & (capacity - 1);
    return &entries[i];
}

static int rehash(size_t capacity)
{
    struct block_entry* fresh = tracer_map(capacity * sizeof *fresh);
    if (!fresh)
        return 0;
    int forget_freed = g_used > TABLE_FORGET_FREED_ABOVE;
    size_t used = 0;
    for (size_t i = 0; i < g_capacity; ++i) {
        const struct block_entry* e = &g_entries[i];
        if (e->state == BLOCK_NONE || (forget_freed && e->state == BLOCK_FREED))
            continue;
        *probe(fresh, capacity, e->address) = *e;
        ++used;
    }
    tracer_unmap(g_entries, g_capacity * sizeof *g_entries);
    g_entries = fresh;
    g_capacity = capacity;
    g_used = used;
    return 1;
}

static int ensure_room(void)
{
    if (!g_entries)
        return rehash(TABLE_MIN_CAPACITY);
    if ((g_used + 1) * 2 <= g_capacity)
        return 1;
    size_t target = g_capacity * 2;
    if (g_used > TABLE_FORGET_FREED_ABOVE && g_live * 4 < g_capacity)
        target = g_capacity; /* compact */
    return rehash(target);
}

struct block_entry* table_find(uint64_t address)
{
    if (!g_entries)
        return NULL;
    struct block_entry* e = probe(g_entries, g_capacity, address);
    return e->state == BLOCK_NONE ? NULL : e;
}

/* ---- live blocks per tag: lets the End-of-context scan skip contexts that freed everything.
 * Open addressing with linear probing; a tag leaves the table when its last live block is freed
 * (backward-shift deletion), so the table holds only the tags that still own blocks (leaks) and
 * a long session's lookups cost the same as a short one's. Grows by doubling at half load. */
#define TAG_MIN_SLOTS 1024u

struct tag_count {
    uint32_t tag;
    uint32_t used;
    uint64_t live;
};

static struct tag_count* g_tags;
static size_t g_tag_slots; /* power of two */
static size_t g_tags_used;
static int g_tags_overflow; /* the table could not grow: counts are no longer trustworthy */

static size_t tag_home(uint32_t tag, size_t slots)
{
    return (size_t)(tag * 2654435761u) & (slots - 1);
}

static int tags_resize(size_t slots)
{
    struct tag_count* fresh = tracer_map(slots * sizeof *fresh);
    if (!fresh)
        return 0;
    for (size_t i = 0; i < g_tag_slots; ++i) {
        if (!g_tags[i].used)
            continue;
        size_t j = tag_home(g_tags[i].tag, slots);
        while (fresh[j].used)
            j = (j + 1) & (slots - 1);
        fresh[j] = g_tags[i];
    }
    tracer_unmap(g_tags, g_tag_slots * sizeof *g_tags);
    g_tags = fresh;
    g_tag_slots = slots;
    return 1;
}

static struct tag_count* tag_slot(uint32_t tag, int create)
{
    if (create && (g_tags_used + 1) * 2 > g_tag_slots &&
        !tags_resize(g_tag_slots ? g_tag_slots * 2 : TAG_MIN_SLOTS)) {
        g_tags_overflow = 1;
        return NULL;
    }
    if (!g_tags)
        return NULL;
    for (size_t i = tag_home(tag, g_tag_slots);; i = (i + 1) & (g_tag_slots - 1)) {
        if (g_tags[i].used && g_tags[i].tag == tag)
            return &g_tags[i];
        if (!g_tags[i].used) {
            if (!create)
                return NULL;
            g_tags[i].used = 1;
            g_tags[i].tag = tag;
            g_tags[i].live = 0;
            ++g_tags_used;
            return &g_tags[i];
        }
    }
}

/* Backward-shift deletion: later entries of the probe run move into the hole, so lookups never
 * need tombstones. */
static void tag_remove(struct tag_count* t)
{
    size_t mask = g_tag_slots - 1;
    size_t hole = (size_t)(t - g_tags);
    for (size_t i = (hole + 1) & mask; g_tags[i].used; i = (i + 1) & mask) {
        size_t home = tag_home(g_tags[i].tag, g_tag_slots);
        /* the entry at i may fill the hole when its home is not in (hole, i] (cyclically) */
        if (((i - home) & mask) >= ((i - hole) & mask)) {
            g_tags[hole] = g_tags[i];
            hole = i;
        }
    }
    g_tags[hole].used = 0;
    g_tags[hole].live = 0;
    --g_tags_used;
}

static void count_tag(const struct block_entry* e, int delta)
{
    if (e->internal)
        return;
    struct tag_count* t = tag_slot(e->tag, delta > 0);
    if (!t)
        return;
    t->live += (uint64_t)(int64_t)delta;
    if (t->live == 0)
        tag_remove(t);
}

size_t table_live_for_tag(uint32_t tag)
{
    struct tag_count* t = tag_slot(tag, 0);
    if (t)
        return (size_t)t->live;
    return g_tags_overflow ? (size_t)-1 : 0;
}

void table_for_tag(uint32_t tag, void (*fn)(struct block_entry*, void*), void* arg)
{
    for (size_t i = 0; i < g_capacity; ++i) {
        struct block_entry* e = &g_entries[i];
        if (e->state == BLOCK_LIVE && !e->internal && e->tag == tag)
            fn(e, arg);
    }
}

void table_set_live(uint64_t address, uint64_t size, int internal, uint32_t tag)
{
    if (!ensure_room())
        return; /* out of address space: the block goes untracked */
    struct block_entry* e = probe(g_entries, g_capacity, address);
    if (e->state == BLOCK_NONE)
        ++g_used;
    if (e->state == BLOCK_LIVE)
        count_tag(e, -1); /* a missed free: the new block replaces the old one */
    else
        ++g_live;
    e->address = address;
    e->size = size;
    e->state = BLOCK_LIVE;
    e->internal = (uint32_t)internal;
    e->tag = tag;
    e->mark = 0;
    count_tag(e, +1);
}

size_t table_live_count(void)
{
    return g_live;
}

void table_mark_freed(struct block_entry* e)
{
    if (e->state == BLOCK_LIVE) {
        --g_live;
        count_tag(e, -1);
    }
    e->state = BLOCK_FREED;
}
