/* The heap tracer: interposes the allocator in eapscope-host (issue 3 part 3, DESIGN.md
 * "Processes") and records alloc/free events tagged with the calling thread's context.
 *
 * Rules inside the hooks: no malloc of our own (tables are mmap'd), a thread-local guard so
 * the tracer's own work (dlsym, backtrace, symbolization) allocates straight through, and the
 * lock is never held while calling into the real allocator or the unwinder. */
#define _GNU_SOURCE
#include "tracer_internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#define EXPORT __attribute__((visibility("default")))
#define TLS __attribute__((tls_model("initial-exec")))

typedef void* (*malloc_fn)(size_t);
typedef void* (*calloc_fn)(size_t, size_t);
typedef void* (*realloc_fn)(void*, size_t);
typedef void (*free_fn)(void*);
typedef int (*posix_memalign_fn)(void**, size_t, size_t);
typedef void* (*aligned_fn)(size_t, size_t);

static struct {
    malloc_fn malloc;
    calloc_fn calloc;
    realloc_fn realloc;
    free_fn free;
    posix_memalign_fn posix_memalign;
    aligned_fn aligned_alloc;
    aligned_fn memalign;
    malloc_fn valloc;
    malloc_fn pvalloc;
} real;

static int g_ready; /* real functions resolved */
static int g_stacks, g_quarantine;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t g_init_lock = PTHREAD_MUTEX_INITIALIZER;

static __thread int t_guard TLS; /* > 0: inside tracer code, allocate through */
static __thread int t_in_init TLS;
static __thread uint32_t t_tag TLS = EAPSCOPE_TRACER_OUTSIDE_CALL;

/* ---- bootstrap arena: dlsym() calls calloc before the real one is known ---------------- */
static unsigned char g_arena[64 * 1024] __attribute__((aligned(64)));
static size_t g_arena_used;

static void* arena_alloc(size_t n)
{
    size_t start = (g_arena_used + 15) & ~(size_t)15;
    if (start + n > sizeof g_arena)
        return NULL;
    g_arena_used = start + n;
    return g_arena + start;
}

static int in_arena(const void* p)
{
    return (const unsigned char*)p >= g_arena && (const unsigned char*)p < g_arena + sizeof g_arena;
}

static void resolve_real(void)
{
    real.malloc = (malloc_fn)dlsym(RTLD_NEXT, "malloc");
    real.calloc = (calloc_fn)dlsym(RTLD_NEXT, "calloc");
    real.realloc = (realloc_fn)dlsym(RTLD_NEXT, "realloc");
    real.free = (free_fn)dlsym(RTLD_NEXT, "free");
    real.posix_memalign = (posix_memalign_fn)dlsym(RTLD_NEXT, "posix_memalign");
    real.aligned_alloc = (aligned_fn)dlsym(RTLD_NEXT, "aligned_alloc");
    real.memalign = (aligned_fn)dlsym(RTLD_NEXT, "memalign");
    real.valloc = (malloc_fn)dlsym(RTLD_NEXT, "valloc");
    real.pvalloc = (malloc_fn)dlsym(RTLD_NEXT, "pvalloc");
}

/* Returns 1 when the real allocator is usable; 0 while this thread is resolving it. */
static int ensure_ready(void)
{
    if (__atomic_load_n(&g_ready, __ATOMIC_ACQUIRE))
        return 1;
    if (t_in_init)
        return 0;
    pthread_mutex_lock(&g_init_lock);
    if (!g_ready) {
        t_in_init = 1;
        resolve_real();
        t_in_init = 0;
        __atomic_store_n(&g_ready, real.malloc && real.free && real.calloc && real.realloc, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&g_init_lock);
    return g_ready;
}

void tracer_real_free(void* p)
{
    real.free(p);
}

/* ---- record buffer ---------------------------------------------------------------------- */
#define RECORDS_MIN (1u << 14)
#define RECORDS_MAX (1u << 24) /* beyond this a host that never drains loses records */

static struct eapscope_heap_record* g_records;
static size_t g_records_cap, g_records_len;
static uint64_t g_dropped;

/* The coarse clock: same time base as CLOCK_MONOTONIC at tick resolution, read from the vDSO
 * page without touching the clock source. Under kvm-clock a precise CLOCK_MONOTONIC read costs
 * ~350 ns, twice per malloc/free pair; record order already gives the order within a call. */
uint64_t tracer_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int records_grow(void)
{
    size_t cap = g_records_cap ? g_records_cap * 2 : RECORDS_MIN;
    if (cap > RECORDS_MAX)
        return 0;
    struct eapscope_heap_record* fresh = tracer_map(cap * sizeof *fresh);
    if (!fresh)
        return 0;
    if (g_records)
        memcpy(fresh, g_records, g_records_len * sizeof *fresh);
    tracer_unmap(g_records, g_records_cap * sizeof *g_records);
    g_records = fresh;
    g_records_cap = cap;
    return 1;
}

void record_push(uint8_t kind, uint64_t address, uint64_t size, uint32_t tag, uint32_t site)
{
    if (g_records_len == g_records_cap && !records_grow()) {
        ++g_dropped;
        return;
    }
    struct eapscope_heap_record* r = &g_records[g_records_len++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->address = address;
    r->size = size;
    r->context_tag = tag;
    r->time_ns = tracer_now_ns();
    r->site = site;
}

/* ---- the bookkeeping behind every hook -------------------------------------------------- */
static int recording(void)
{
    return t_guard == 0 && t_tag != EAPSCOPE_TRACER_OUTSIDE_CALL;
}

static void note_alloc(void* p, size_t size)
{
    if (!p)
        return;
    void* frames[TRACER_MAX_FRAMES];
    int depth = 0;
    int rec = recording();
    if (rec && g_stacks) {
        ++t_guard;
        depth = stacks_capture(frames, TRACER_MAX_FRAMES);
        --t_guard;
    }
    pthread_mutex_lock(&g_lock);
    table_set_live((uint64_t)(uintptr_t)p, size, !rec, t_tag);
    if (rec)
        record_push(EAPSCOPE_HEAP_ALLOC, (uint64_t)(uintptr_t)p, size, t_tag,
                    depth ? stacks_intern(frames, depth) : 0);
    pthread_mutex_unlock(&g_lock);
}

enum free_verdict { FREE_PASS, FREE_HELD, FREE_REJECT };

/* Decides what to do with free(p): pass it on, hold it in quarantine, or reject it (double or
 * invalid free, which would abort the host if passed on). Marks the entry freed. */
static enum free_verdict note_free(void* p, uint64_t* size_out)
{
    uint64_t address = (uint64_t)(uintptr_t)p;
    int rec = recording();
    pthread_mutex_lock(&g_lock);
    struct block_entry* e = table_find(address);
    enum free_verdict verdict = FREE_PASS;
    if (!e && !rec) {
        /* Host or tracer code freeing an address never seen: a block from before tracking
         * started, most likely; glibc is the better judge. */
        verdict = FREE_PASS;
    } else if (!e || e->state != BLOCK_LIVE) {
        if (rec)
            record_push(e ? EAPSCOPE_HEAP_DOUBLE_FREE : EAPSCOPE_HEAP_INVALID_FREE, address, 0, t_tag, 0);
        verdict = FREE_REJECT;
    } else {
        *size_out = e->size;
        int internal = (int)e->internal;
        table_mark_freed(e);
        if (rec && !internal)
            record_push(EAPSCOPE_HEAP_FREE, address, e->size, t_tag, 0);
        if (rec && g_quarantine && quarantine_hold(p, e->size, t_tag))
            verdict = FREE_HELD;
    }
    pthread_mutex_unlock(&g_lock);
    return verdict;
}

/* ---- the interposed allocator ----------------------------------------------------------- */
EXPORT void* malloc(size_t size)
{
    if (!ensure_ready())
        return arena_alloc(size);
    void* p = real.malloc(size);
    note_alloc(p, size);
    return p;
}

EXPORT void* calloc(size_t count, size_t size)
{
    if (!ensure_ready()) {
        size_t bytes;
        if (__builtin_mul_overflow(count, size, &bytes))
            return NULL;
        return arena_alloc(bytes); /* static storage: already zero */
    }
    void* p = real.calloc(count, size);
    note_alloc(p, count * size);
    return p;
}

EXPORT void free(void* p)
{
    if (!p || in_arena(p))
        return;
    if (!ensure_ready())
        return;
    uint64_t size = 0;
    if (note_free(p, &size) == FREE_PASS)
        real.free(p);
}

/* Quarantine mode: the old block must stay put (poisoned), so realloc becomes malloc+copy+free. */
static void* realloc_by_copy(void* p, size_t size, uint64_t old_size)
{
    void* q = malloc(size);
    if (!q)
        return NULL;
    memcpy(q, p, old_size < size ? old_size : size);
    free(p);
    return q;
}

EXPORT void* realloc(void* p, size_t size)
{
    if (!p)
        return malloc(size);
    if (in_arena(p) || !ensure_ready()) {
        void* q = malloc(size);
        if (q && in_arena(p)) {
            size_t room = (size_t)(g_arena + sizeof g_arena - (unsigned char*)p);
            memcpy(q, p, size < room ? size : room);
        }
        return q;
    }
    pthread_mutex_lock(&g_lock);
    struct block_entry* e = table_find((uint64_t)(uintptr_t)p);
    int live = e && e->state == BLOCK_LIVE;
    int unknown = !e && !recording(); /* see note_free: not ours to judge */
    uint64_t old_size = live ? e->size : 0;
    pthread_mutex_unlock(&g_lock);
    if (unknown) {
        void* q = real.realloc(p, size);
        note_alloc(q, size);
        return q;
    }
    if (!live || (g_quarantine && recording())) {
        if (!live) {
            uint64_t ignored;
            note_free(p, &ignored); /* records the double or invalid free, rejects it */
            return NULL;
        }
        return size ? realloc_by_copy(p, size, old_size) : (free(p), NULL);
    }
    uint64_t ignored;
    note_free(p, &ignored);
    void* q = real.realloc(p, size);
    if (!q && size) { /* failed: p is still the caller's, live again */
        pthread_mutex_lock(&g_lock);
        table_set_live((uint64_t)(uintptr_t)p, old_size, !recording(), t_tag);
        pthread_mutex_unlock(&g_lock);
        return NULL;
    }
    note_alloc(q, size);
    return q;
}

EXPORT void* reallocarray(void* p, size_t count, size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, bytes);
}

EXPORT int posix_memalign(void** out, size_t alignment, size_t size)
{
    if (!ensure_ready() || !real.posix_memalign)
        return ENOMEM;
    int rc = real.posix_memalign(out, alignment, size);
    if (rc == 0)
        note_alloc(*out, size);
    return rc;
}

static void* aligned_common(aligned_fn fn, size_t alignment, size_t size)
{
    if (!ensure_ready() || !fn)
        return NULL;
    void* p = fn(alignment, size);
    note_alloc(p, size);
    return p;
}

EXPORT void* aligned_alloc(size_t alignment, size_t size)
{
    return aligned_common(real.aligned_alloc, alignment, size);
}
EXPORT void* memalign(size_t alignment, size_t size)
{
    return aligned_common(real.memalign, alignment, size);
}

EXPORT void* valloc(size_t size)
{
    if (!ensure_ready() || !real.valloc)
        return NULL;
    void* p = real.valloc(size);
    note_alloc(p, size);
    return p;
}

EXPORT void* pvalloc(size_t size)
{
    if (!ensure_ready() || !real.pvalloc)
        return NULL;
    void* p = real.pvalloc(size);
    note_alloc(p, size);
    return p;
}

/* ---- fork: the child must not inherit a held lock (the host forks for checkpoints) ------ */
static void before_fork(void)
{
    pthread_mutex_lock(&g_lock);
}
static void after_fork(void)
{
    pthread_mutex_unlock(&g_lock);
}

__attribute__((constructor)) static void tracer_init(void)
{
    ensure_ready();
    pthread_atfork(before_fork, after_fork, after_fork);
}

/* ---- the C API (tracer_api.h) ----------------------------------------------------------- */
EXPORT void eapscope_tracer_set_context(uint32_t context_tag)
{
    t_tag = context_tag;
}

EXPORT void eapscope_tracer_configure(int stacks, int quarantine)
{
    if (stacks) {
        ++t_guard;
        stacks_warm_up();
        --t_guard;
    }
    pthread_mutex_lock(&g_lock);
    g_stacks = stacks != 0;
    g_quarantine = quarantine != 0;
    pthread_mutex_unlock(&g_lock);
}

EXPORT size_t eapscope_tracer_drain(struct eapscope_heap_record* out, size_t max)
{
    pthread_mutex_lock(&g_lock);
    if (g_quarantine)
        quarantine_check_all();
    size_t n = g_records_len < max ? g_records_len : max;
    memcpy(out, g_records, n * sizeof *out);
    memmove(g_records, g_records + n, (g_records_len - n) * sizeof *g_records);
    g_records_len -= n;
    pthread_mutex_unlock(&g_lock);
    if (g_stacks) {
        ++t_guard;
        stacks_symbolize_pending();
        --t_guard;
    }
    return n;
}

EXPORT const char* eapscope_tracer_site(uint32_t site)
{
    ++t_guard;
    stacks_symbolize_pending();
    --t_guard;
    return stacks_site_text(site);
}

EXPORT void eapscope_tracer_context_ended(uint32_t context_tag)
{
    pthread_mutex_lock(&g_lock);
    if (table_live_for_tag(context_tag) != 0)
        reach_mark_retained(context_tag);
    pthread_mutex_unlock(&g_lock);
}

EXPORT uint64_t eapscope_tracer_dropped(void)
{
    pthread_mutex_lock(&g_lock);
    uint64_t n = g_dropped;
    g_dropped = 0;
    pthread_mutex_unlock(&g_lock);
    return n;
}

EXPORT int eapscope_tracer_active(void)
{
    return g_ready;
}
