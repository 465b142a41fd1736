/* A tiny program run under LD_PRELOAD=libeapscope-heaptracer.so by tracer_test.cpp: it plays
 * one allocation scenario (argv[1]) and prints every drained record as
 * "kind address size tag site-text" (site text with newlines as '|'), then "survived". */
#define _GNU_SOURCE
#include "host/tracer_api.h"

#include <eapscope/raseap.h>

#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*set_context)(uint32_t);
static size_t (*drain)(struct eapscope_heap_record*, size_t);
static const char* (*site_text)(uint32_t);
static void (*configure)(int, int);
static void (*context_ended)(uint32_t);
void probe_keep(void* p); /* tracer_probe_globals.c */

static void print_records(void)
{
    struct eapscope_heap_record records[64];
    size_t n;
    do {
        n = drain(records, 64);
        for (size_t i = 0; i < n; ++i) {
            char text[2048];
            snprintf(text, sizeof text, "%s", records[i].site ? site_text(records[i].site) : "-");
            for (char* c = text; *c; ++c)
                if (*c == '\n')
                    *c = '|';
            printf("%u %llx %llu %u %s\n", records[i].kind, (unsigned long long)records[i].address,
                   (unsigned long long)records[i].size, records[i].context_tag, text);
        }
    } while (n == 64);
}

static void basic(void)
{
    set_context(3);
    char* a = malloc(100);
    char* b = calloc(2, 50);
    b = realloc(b, 300);
    void* c = NULL;
    if (posix_memalign(&c, 64, 40))
        return;
    void* d = aligned_alloc(64, 128);
    void* e = memalign(32, 48);
    void* f = valloc(16);
    free(a);
    free(b);
    free(c);
    free(d);
    free(e);
    free(f);
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
    free(malloc(77)); /* host code: tracked, not recorded */
    set_context(0);
    free(malloc(11)); /* instance-owned */
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
}

static void bad_frees(void)
{
    set_context(2);
    char* p = malloc(10);
    free(p);
    free(p); /* double free: must not reach glibc (it would abort) */
    char* q = malloc(24);
    free(q + 8); /* invalid free: not a block start */
    int local = 0;
    free(&local); /* invalid free: stack memory */
    free(q);
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
}

static void guard(void)
{
    configure(0, 1);
    set_context(5);
    volatile char* p = malloc(32);
    char* clean = malloc(16);
    free((void*)p);
    free(clean);
    set_context(6);
    p[3] = 1; /* write after free, caught by the poison check at drain */
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
}

__attribute__((noinline)) static void* probe_alloc_site(size_t n)
{
    void* p = malloc(n);
    __asm__ volatile("" ::: "memory"); /* no tail call: keep this frame on the stack */
    return p;
}

static void stacks(void)
{
    configure(1, 0);
    set_context(1);
    void* p = probe_alloc_site(55);
    void* q = probe_alloc_site(55);
    free(p);
    free(q);
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
}

struct node {
    struct node* next;
    char payload[24];
};

/* Blocks still live when context 4 ends: two reachable from a library global (one through the
 * other), one whose only pointer was dropped (a leak). Context 9's live block is not asked about. */
static void retained(void)
{
    set_context(9);
    void* other = malloc(8);
    set_context(4);
    struct node* kept = malloc(sizeof *kept);
    kept->next = malloc(sizeof *kept);
    kept->next->next = NULL;
    probe_keep(kept);
    struct node* lost = malloc(sizeof *lost);
    lost->next = other; /* pointing at something does not keep a block alive */
    lost = NULL;
    context_ended(4);
    context_ended(5); /* no live block: nothing to report */
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
}

/* A long session: 12,000 contexts, each allocating two blocks. Every third frees both, every
 * third keeps one reachable from a library global (a chain through all kept blocks) and every
 * third leaks one. Only the kept ones may come out RETAINED, each under its own tag, however
 * many contexts came before (the per-tag live counts grow, shrink and move as tags come and
 * go). Context 1 is asked again at the end: its block is still reachable. Only the RETAINED
 * records are printed. */
static void drain_silently(void)
{
    struct eapscope_heap_record records[256];
    while (drain(records, 256) == 256) {
    }
}

static void many_contexts(void)
{
    struct node* kept = NULL;
    for (uint32_t tag = 1; tag <= 12000; ++tag) {
        set_context(tag);
        struct node* a = malloc(sizeof *a);
        void* b = malloc(48);
        if (tag % 3 == 0) {
            free(a);
        } else if (tag % 3 == 1) {
            a->next = kept;
            kept = a;
            probe_keep(kept);
        }
        free(b);
        set_context(EAPSCOPE_TRACER_OUTSIDE_CALL); /* as the host: stdio's buffers are its own */
        drain_silently();
        context_ended(tag);
        print_records();
    }
    context_ended(1);
    print_records();
}

/* One context of a real method (argv[2]) per role under context tag 3 (authenticator: first
 * challenge; peer: answers a challenge, then Success), then RasEapEnd and the reachability scan,
 * as the host does. Lazy library initialisation (OpenSSL) must come out RETAINED, not leaked. */
static void run_method(const char* path, BOOL authenticator)
{
    void* lib = dlopen(path, RTLD_NOW);
    PRASEAPGETINFO get_info = lib ? (PRASEAPGETINFO)dlsym(lib, "RasEapGetInfo") : NULL;
    PPP_EAP_INFO info;
    memset(&info, 0, sizeof info);
    if (!get_info || get_info(EAPTYPE_MD5Challenge, &info) != NO_ERROR)
        return;
    static WCHAR identity[] = {'a', 'l', 'i', 'c', 'e', 0}, password[] = {'s', 'e', 'c', 'r', 'e', 't', 0};
    PPP_EAP_INPUT in;
    memset(&in, 0, sizeof in);
    in.dwSizeInBytes = PPP_EAP_INPUT_SIZE_CLASSIC;
    in.fAuthenticator = authenticator;
    in.pwszIdentity = identity;
    in.pwszPassword = authenticator ? NULL : password;
    in.bInitialId = 2;
    BYTE send[1400];
    PPP_EAP_OUTPUT out;
    void* work = NULL;
    set_context(3);
    info.RasEapBegin(&work, &in);
    BYTE challenge[22] = {EAPCODE_Request,
                          2,
                          0,
                          22,
                          EAPTYPE_MD5Challenge,
                          16,
                          1,
                          2,
                          3,
                          4,
                          5,
                          6,
                          7,
                          8,
                          9,
                          10,
                          11,
                          12,
                          13,
                          14,
                          15,
                          16};
    BYTE success[4] = {EAPCODE_Success, 2, 0, 4};
    memset(&out, 0, sizeof out);
    info.RasEapMakeMessage(work, authenticator ? NULL : (PPP_EAP_PACKET*)challenge, (PPP_EAP_PACKET*)send,
                           sizeof send, &out, &in);
    if (!authenticator) {
        memset(&out, 0, sizeof out);
        info.RasEapMakeMessage(work, (PPP_EAP_PACKET*)success, (PPP_EAP_PACKET*)send, sizeof send, &out, &in);
    }
    info.RasEapEnd(work);
    context_ended(3);
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
}

static void* thread_body(void* arg)
{
    uint32_t tag = (uint32_t)(uintptr_t)arg;
    set_context(tag);
    for (int i = 0; i < 500; ++i)
        free(malloc((size_t)(16 + i)));
    set_context(EAPSCOPE_TRACER_OUTSIDE_CALL);
    return NULL;
}

static void threads(void)
{
    pthread_t t1, t2;
    pthread_create(&t1, NULL, thread_body, (void*)(uintptr_t)7);
    pthread_create(&t2, NULL, thread_body, (void*)(uintptr_t)8);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
}

int main(int argc, char** argv)
{
    set_context = (void (*)(uint32_t))dlsym(RTLD_DEFAULT, "eapscope_tracer_set_context");
    drain = (size_t(*)(struct eapscope_heap_record*, size_t))dlsym(RTLD_DEFAULT, "eapscope_tracer_drain");
    site_text = (const char* (*)(uint32_t))dlsym(RTLD_DEFAULT, "eapscope_tracer_site");
    configure = (void (*)(int, int))dlsym(RTLD_DEFAULT, "eapscope_tracer_configure");
    context_ended = (void (*)(uint32_t))dlsym(RTLD_DEFAULT, "eapscope_tracer_context_ended");
    if (!set_context || !drain || !site_text || !configure || !context_ended || argc < 2) {
        puts("no tracer");
        return 2;
    }
    const char* s = argv[1];
    if (!strcmp(s, "basic"))
        basic();
    else if (!strcmp(s, "bad-frees"))
        bad_frees();
    else if (!strcmp(s, "guard"))
        guard();
    else if (!strcmp(s, "stacks"))
        stacks();
    else if (!strcmp(s, "retained"))
        retained();
    else if (!strcmp(s, "many-contexts"))
        many_contexts();
    else if (!strcmp(s, "method-peer") && argc > 2)
        run_method(argv[2], FALSE);
    else if (!strcmp(s, "method-authenticator") && argc > 2)
        run_method(argv[2], TRUE);
    else if (!strcmp(s, "threads"))
        threads();
    else
        return 2;
    print_records();
    puts("survived");
    return 0;
}
