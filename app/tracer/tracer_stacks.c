/* Allocation call stacks: captured with backtrace() at allocation (cheap: return addresses
 * only), interned by their addresses, and symbolized lazily at drain time with libdw
 * (elfutils) into "function (file:line)" lines — no hand-written DWARF parsing. */
#define _GNU_SOURCE
#include "tracer_internal.h"

#include <dlfcn.h>
#include <elfutils/libdwfl.h>
#include <execinfo.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SITES_MAX (1u << 16)
#define SITE_LINES 6 /* frames shown per site: enough to reach the method's entry point */

struct site {
    uint64_t hash;
    uint32_t depth;
    void* frames[TRACER_MAX_FRAMES];
    const char* text; /* NULL until symbolized */
};

static struct site* g_sites;   /* index 0 unused: site 0 means "none" */
static uint32_t g_site_count;  /* next free index - 1 */
static uint32_t* g_site_index; /* open addressing: hash slot → site index, 0 empty */
static uint32_t g_symbolized;  /* sites [1, g_symbolized] have text */
static pthread_mutex_t g_sym_lock = PTHREAD_MUTEX_INITIALIZER;
static Dwfl* g_dwfl;

void stacks_warm_up(void)
{
    void* frames[4];
    backtrace(frames, 4); /* loads libgcc_s now rather than inside a hook */
}

int stacks_capture(void** frames, int max)
{
    return backtrace(frames, max);
}

static uint64_t hash_frames(void* const* frames, int depth)
{
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < depth; ++i)
        h = (h ^ (uint64_t)(uintptr_t)frames[i]) * 1099511628211ull;
    return h | 1;
}

static int ensure_tables(void)
{
    if (g_sites)
        return 1;
    g_sites = tracer_map((SITES_MAX + 1) * sizeof *g_sites);
    g_site_index = tracer_map(2 * SITES_MAX * sizeof *g_site_index);
    return g_sites && g_site_index;
}

uint32_t stacks_intern(void* const* frames, int depth)
{
    if (!ensure_tables())
        return 0;
    uint64_t h = hash_frames(frames, depth);
    size_t mask = 2 * SITES_MAX - 1, slot = (size_t)h & mask;
    for (; g_site_index[slot]; slot = (slot + 1) & mask) {
        struct site* s = &g_sites[g_site_index[slot]];
        if (s->hash == h && s->depth == (uint32_t)depth &&
            !memcmp(s->frames, frames, (size_t)depth * sizeof *frames))
            return g_site_index[slot];
    }
    if (g_site_count == SITES_MAX)
        return 0;
    uint32_t index = ++g_site_count;
    struct site* s = &g_sites[index];
    s->hash = h;
    s->depth = (uint32_t)depth;
    memcpy(s->frames, frames, (size_t)depth * sizeof *frames);
    g_site_index[slot] = index;
    return index;
}

/* ---- symbolization (runs outside the hooks; may allocate through the guard) ------------- */
static const Dwfl_Callbacks g_callbacks = {
    .find_elf = dwfl_linux_proc_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
};

/* (Re)reads /proc/self/maps so modules loaded since the last drain (the method) are known. */
static void refresh_modules(void)
{
    if (!g_dwfl)
        g_dwfl = dwfl_begin(&g_callbacks);
    if (!g_dwfl)
        return;
    dwfl_report_begin_add(g_dwfl);
    dwfl_linux_proc_report(g_dwfl, getpid());
    dwfl_report_end(g_dwfl, NULL, NULL);
}

static int is_tracer_frame(uintptr_t pc)
{
    Dl_info self, here;
    if (!dladdr((void*)&stacks_capture, &self) || !dladdr((void*)pc, &here))
        return 0;
    return self.dli_fbase == here.dli_fbase;
}

static char* demangled(const char* name)
{
    typedef char* (*demangle_fn)(const char*, char*, size_t*, int*);
    static demangle_fn fn;
    static int looked;
    if (!looked) {
        fn = (demangle_fn)dlsym(RTLD_DEFAULT, "__cxa_demangle");
        looked = 1;
    }
    int status = -1;
    char* out = fn && name && name[0] == '_' && name[1] == 'Z' ? fn(name, NULL, NULL, &status) : NULL;
    return status == 0 ? out : NULL;
}

/* Writes name without GCC clone suffixes (".constprop.0", ".isra.0", ".part.0", ".cold"). */
static void put_name(FILE* out, const char* name)
{
    static const char* const suffixes[] = {".constprop", ".isra", ".part", ".cold", ".lto_priv"};
    size_t len = strlen(name);
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; ++i) {
        const char* at = strstr(name, suffixes[i]);
        if (at && (size_t)(at - name) < len)
            len = (size_t)(at - name);
    }
    fwrite(name, 1, len, out);
}

/* Appends "function (file:line)" or "function (module+0xoff)" for one return address. */
static void format_frame(FILE* out, uintptr_t pc)
{
    uintptr_t at = pc - 1; /* a return address points after the call */
    Dwfl_Module* mod = g_dwfl ? dwfl_addrmodule(g_dwfl, at) : NULL;
    const char* name = mod ? dwfl_module_addrname(mod, at) : NULL;
    char* pretty = demangled(name);
    put_name(out, pretty ? pretty : (name ? name : "??"));
    free(pretty);
    Dwfl_Line* line = mod ? dwfl_module_getsrc(mod, at) : NULL;
    int lineno = 0;
    const char* file = line ? dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL) : NULL;
    if (file) {
        const char* base = strrchr(file, '/');
        fprintf(out, " (%s:%d)", base ? base + 1 : file, lineno);
        return;
    }
    Dwarf_Addr start = 0;
    const char* module = mod ? dwfl_module_info(mod, NULL, &start, NULL, NULL, NULL, NULL, NULL) : NULL;
    const char* base = module ? strrchr(module, '/') : NULL;
    fprintf(out, " (%s+0x%lx)", base ? base + 1 : (module ? module : "?"), (unsigned long)(at - start));
}

/* The executable's load address: in eapscope-host, frames there are the host calling the method. */
static int first_object(struct dl_phdr_info* info, size_t size, void* arg)
{
    (void)size;
    *(uintptr_t*)arg = info->dlpi_addr;
    return 1;
}

static int in_executable(uintptr_t pc)
{
    static uintptr_t base = 1;
    if (base == 1)
        dl_iterate_phdr(first_object, &base);
    Dl_info here;
    return dladdr((void*)pc, &here) && (uintptr_t)here.dli_fbase == base;
}

/* Frames from the allocation up to where the executable takes over again: once a library frame
 * (the method, or what it called) was shown, the host's own frames below it are noise. */
static const char* symbolize(const struct site* s)
{
    char* text = NULL;
    size_t len = 0;
    FILE* out = open_memstream(&text, &len);
    if (!out)
        return "";
    int lines = 0, library_seen = 0;
    for (uint32_t i = 0; i < s->depth && lines < SITE_LINES; ++i) {
        uintptr_t pc = (uintptr_t)s->frames[i];
        if (is_tracer_frame(pc))
            continue;
        int executable = in_executable(pc);
        if (executable && library_seen)
            break;
        library_seen |= !executable;
        if (lines++)
            fputc('\n', out);
        format_frame(out, pc);
    }
    fclose(out);
    return text ? text : ""; /* kept for the life of the process */
}

void stacks_symbolize_pending(void)
{
    pthread_mutex_lock(&g_sym_lock);
    uint32_t count = __atomic_load_n(&g_site_count, __ATOMIC_ACQUIRE);
    if (g_symbolized < count)
        refresh_modules();
    while (g_symbolized < count) {
        struct site* s = &g_sites[g_symbolized + 1];
        s->text = symbolize(s);
        ++g_symbolized;
    }
    pthread_mutex_unlock(&g_sym_lock);
}

const char* stacks_site_text(uint32_t site)
{
    if (site == 0 || site > g_symbolized || !g_sites[site].text)
        return "";
    return g_sites[site].text;
}
