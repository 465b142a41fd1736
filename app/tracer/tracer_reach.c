/* Reachability of an ended context's live blocks, in the manner of LeakSanitizer: the roots are
 * the writable data of every loaded library except the host executable and the tracer (the
 * host keeps work-buffer addresses of its own), minus RELRO (relocated code/data pointers only);
 * the scan follows pointers (exact block starts) through every live block — also the host's
 * untracked ones: OpenSSL's global state may have been set up by the host (hashing the library)
 * and then extended by the method.
 * Runs with the tracer lock held, allocates only with mmap. */
#define _GNU_SOURCE
#include "tracer_internal.h"

#include <dlfcn.h>
#include <link.h>
#include <string.h>

struct worklist {
    struct block_entry** items;
    size_t len, cap;
    int lost; /* a push found no memory: some marked blocks are not in items */
};

static uint32_t g_epoch;

static int push(struct worklist* w, struct block_entry* e)
{
    if (w->len == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 4096;
        struct block_entry** fresh = tracer_map(cap * sizeof *fresh);
        if (!fresh) {
            w->lost = 1;
            return 0;
        }
        if (w->items)
            memcpy(fresh, w->items, w->len * sizeof *fresh);
        tracer_unmap(w->items, w->cap * sizeof *w->items);
        w->items = fresh;
        w->cap = cap;
    }
    w->items[w->len++] = e;
    return 1;
}

/* Marks every recorded live block that a word of [begin, end) points to. */
static void scan_range(struct worklist* w, uintptr_t begin, uintptr_t end)
{
    begin = (begin + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
    for (uintptr_t at = begin; at + sizeof(uintptr_t) <= end; at += sizeof(uintptr_t)) {
        uint64_t value = *(const uintptr_t*)at;
        if (value < 4096)
            continue;
        struct block_entry* e = table_find(value);
        if (!e || e->state != BLOCK_LIVE || e->mark == g_epoch)
            continue;
        e->mark = g_epoch;
        push(w, e);
    }
}

struct roots {
    struct worklist* work;
    uintptr_t skip_base; /* the tracer's own load address */
};

/* This thread's TLS block of the object (libraries keep per-thread caches there). */
static void scan_tls(struct worklist* w, const struct dl_phdr_info* info)
{
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)* ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_TLS && info->dlpi_tls_data)
            scan_range(w, (uintptr_t)info->dlpi_tls_data, (uintptr_t)info->dlpi_tls_data + ph->p_memsz);
    }
}

static int scan_object(struct dl_phdr_info* info, size_t size, void* arg)
{
    (void)size;
    struct roots* r = arg;
    if (!info->dlpi_name || !info->dlpi_name[0] || info->dlpi_addr == r->skip_base)
        return 0; /* host exe, tracer */
    scan_tls(r->work, info);
    uintptr_t relro_begin = 0, relro_end = 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)* ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_GNU_RELRO) {
            relro_begin = info->dlpi_addr + ph->p_vaddr;
            relro_end = relro_begin + ph->p_memsz;
        }
    }
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)* ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
            continue;
        uintptr_t begin = info->dlpi_addr + ph->p_vaddr, end = begin + ph->p_memsz;
        if (relro_begin <= begin && begin < relro_end)
            begin = relro_end < end ? relro_end : end;
        scan_range(r->work, begin, end);
    }
    return 0;
}

static void report_if_marked(struct block_entry* e, void* arg)
{
    (void)arg;
    if (e->mark == g_epoch)
        record_push(EAPSCOPE_HEAP_RETAINED, e->address, e->size, e->tag, 0);
}

/* Heapsort by entry address, which is the block table's slot order (no malloc here). */
static void sift_down(struct block_entry** a, size_t root, size_t n)
{
    for (size_t child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && a[child + 1] > a[child])
            ++child;
        if (a[root] >= a[child])
            return;
        struct block_entry* t = a[root];
        a[root] = a[child];
        a[child] = t;
    }
}

static void sort_entries(struct block_entry** a, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(a, i, n);
    for (size_t end = n; end > 1; --end) {
        struct block_entry* t = a[0];
        a[0] = a[end - 1];
        a[end - 1] = t;
        sift_down(a, 0, end - 1);
    }
}

/* The thread descriptor: pthread_setspecific() values of the first 32 keys live in it
 * (glibc x86_64: struct pthread at the thread pointer, specific_1stblock at +0x310). OpenSSL
 * keeps its per-thread state behind such keys. */
#define THREAD_DESCRIPTOR_SCAN 0x600

static void scan_thread_descriptor(struct worklist* w)
{
#if defined(__x86_64__)
    uintptr_t tp;
    __asm__("mov %%fs:0, %0" : "=r"(tp));
    scan_range(w, tp, tp + THREAD_DESCRIPTOR_SCAN);
#else
    (void)w;
#endif
}

void reach_mark_retained(uint32_t tag)
{
    if (++g_epoch == 0)
        ++g_epoch; /* 0 means "never marked" */
    struct worklist work = {0};
    Dl_info self;
    struct roots roots = {&work, dladdr((void*)&reach_mark_retained, &self) ? (uintptr_t)self.dli_fbase : 0};
    dl_iterate_phdr(scan_object, &roots);
    scan_thread_descriptor(&work);
    for (size_t i = 0; i < work.len; ++i) /* work grows while scanning: breadth-first closure */
        scan_range(&work, (uintptr_t)work.items[i]->address,
                   (uintptr_t)(work.items[i]->address + work.items[i]->size));
    /* The marked blocks are exactly the worklist: report tag's own ones from there, in table
     * order as a scan of the whole table would, at a cost that does not grow with the table
     * (every block the session ever saw, freed ones included). Out of memory for the worklist,
     * the whole table is scanned for marks instead. */
    if (work.lost) {
        table_for_tag(tag, report_if_marked, NULL);
        tracer_unmap(work.items, work.cap * sizeof *work.items);
        return;
    }
    size_t mine = 0;
    for (size_t i = 0; i < work.len; ++i) {
        struct block_entry* e = work.items[i];
        if (e->state == BLOCK_LIVE && !e->internal && e->tag == tag)
            work.items[mine++] = e;
    }
    sort_entries(work.items, mine);
    for (size_t i = 0; i < mine; ++i)
        record_push(EAPSCOPE_HEAP_RETAINED, work.items[i]->address, work.items[i]->size, tag, 0);
    tracer_unmap(work.items, work.cap * sizeof *work.items);
}
