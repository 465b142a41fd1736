// The heap tracer of eapscope-host.exe: the same C API and record kinds as the preloaded Linux
// tracer (host/tracer_api.h), fed by the method DLL's patched imports instead of interposition.
// Blocks are tracked always; records are made only inside a method call (the context tag is
// not EAPSCOPE_TRACER_OUTSIDE_CALL). Frees of addresses never seen are passed on silently: the
// DLL's own start-up code allocated before its imports were patched.
#include "host/heap_tracer_win.h"

#include "host/import_hooks.h"
#include "host/tracer_api.h"

#include <windows.h>

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace eapscope::heaptrace {

namespace {

constexpr std::size_t kStackFrames = 8;

struct Block {
    std::size_t size = 0;
    std::uint32_t tag = 0;
};

SRWLOCK g_lock = SRWLOCK_INIT;
std::uint32_t g_tag = EAPSCOPE_TRACER_OUTSIDE_CALL;
bool g_stacks = false;
std::map<std::uintptr_t, Block> g_live;  // ordered: the reachability pass looks up interior words
std::unordered_set<std::uintptr_t> g_freed;
std::vector<eapscope_heap_record> g_pending;
std::deque<std::string> g_sites{std::string()};  // index 0 = no site; deque: c_str() stays valid

class Locked {
public:
    Locked() { AcquireSRWLockExclusive(&g_lock); }
    ~Locked() { ReleaseSRWLockExclusive(&g_lock); }
    Locked(const Locked&) = delete;
    Locked& operator=(const Locked&) = delete;
};

std::uint64_t nowNs()
{
    static const std::uint64_t frequency = [] {
        LARGE_INTEGER f{};
        QueryPerformanceFrequency(&f);
        return static_cast<std::uint64_t>(f.QuadPart);
    }();
    LARGE_INTEGER counter{};
    QueryPerformanceCounter(&counter);
    const auto ticks = static_cast<std::uint64_t>(counter.QuadPart);
    return ticks / frequency * 1000000000ull + ticks % frequency * 1000000000ull / frequency;
}

std::uint32_t captureSite()
{
    if (!g_stacks) {
        return 0;
    }
    void* frames[kStackFrames] = {};
    const USHORT count = RtlCaptureStackBackTrace(3, kStackFrames, frames, nullptr);
    std::string site;
    for (USHORT i = 0; i < count; ++i) {
        site += (i ? "\n" : "") + ImportHooks::describeAddress(frames[i]);
    }
    g_sites.push_back(std::move(site));
    return static_cast<std::uint32_t>(g_sites.size() - 1);
}

void record(std::uint8_t kind, std::uintptr_t address, std::size_t size, std::uint32_t tag,
            std::uint32_t site)
{
    if (g_tag == EAPSCOPE_TRACER_OUTSIDE_CALL) {
        return;
    }
    g_pending.push_back(eapscope_heap_record{kind, address, size, tag, nowNs(), site});
}

/// Marks every live block a word of [begin, end) points to (its start, as the Linux tracer).
void scanRange(std::uintptr_t begin, std::uintptr_t end, std::unordered_set<std::uintptr_t>& marked,
               std::vector<std::uintptr_t>& work)
{
    begin = (begin + sizeof(std::uintptr_t) - 1) & ~(sizeof(std::uintptr_t) - 1);
    for (std::uintptr_t at = begin; at + sizeof(std::uintptr_t) <= end; at += sizeof(std::uintptr_t)) {
        const std::uintptr_t value = *reinterpret_cast<const std::uintptr_t*>(at);
        if (value >= 4096 && g_live.count(value) != 0 && marked.insert(value).second) {
            work.push_back(value);
        }
    }
}

}  // namespace

void allocated(const void* address, std::size_t size)
{
    if (address == nullptr) {
        return;
    }
    Locked lock;
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    g_freed.erase(at);
    g_live[at] = Block{size, g_tag};
    record(EAPSCOPE_HEAP_ALLOC, at, size, g_tag, captureSite());
}

bool freeing(const void* address)
{
    if (address == nullptr) {
        return true;
    }
    Locked lock;
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    const auto it = g_live.find(at);
    if (it != g_live.end()) {
        record(EAPSCOPE_HEAP_FREE, at, it->second.size, g_tag, 0);
        g_live.erase(it);
        g_freed.insert(at);
        return true;
    }
    if (g_freed.count(at) != 0) {
        record(EAPSCOPE_HEAP_DOUBLE_FREE, at, 0, g_tag, 0);
        return false;
    }
    return true;
}

}  // namespace eapscope::heaptrace

using namespace eapscope::heaptrace;

extern "C" {

__declspec(dllexport) void eapscope_tracer_set_context(uint32_t context_tag)
{
    Locked lock;
    g_tag = context_tag;
}

__declspec(dllexport) size_t eapscope_tracer_drain(struct eapscope_heap_record* out, size_t max)
{
    Locked lock;
    const std::size_t n = std::min(max, g_pending.size());
    std::copy_n(g_pending.begin(), n, out);
    g_pending.erase(g_pending.begin(), g_pending.begin() + static_cast<std::ptrdiff_t>(n));
    return n;
}

__declspec(dllexport) const char* eapscope_tracer_site(uint32_t site)
{
    Locked lock;
    return site < g_sites.size() ? g_sites[site].c_str() : "";
}

__declspec(dllexport) void eapscope_tracer_configure(int stacks, int /*quarantine*/)
{
    Locked lock;
    g_stacks = stacks != 0;
}

// Roots: the method DLL's writable sections; the closure follows block starts through every
// live block, as the Linux tracer does (tracer_reach.c).
__declspec(dllexport) void eapscope_tracer_context_ended(uint32_t context_tag)
{
    Locked lock;
    const bool any = std::any_of(g_live.begin(), g_live.end(),
                                 [&](const auto& entry) { return entry.second.tag == context_tag; });
    if (!any) {
        return;
    }
    std::unordered_set<std::uintptr_t> marked;
    std::vector<std::uintptr_t> work;
    for (const auto& [begin, end] : eapscope::ImportHooks::writableRanges()) {
        scanRange(begin, end, marked, work);
    }
    for (std::size_t i = 0; i < work.size(); ++i) {
        const Block& block = g_live[work[i]];
        scanRange(work[i], work[i] + block.size, marked, work);
    }
    const std::uint32_t saved = g_tag;
    g_tag = context_tag;
    for (const auto& [address, block] : g_live) {
        if (block.tag == context_tag && marked.count(address) != 0) {
            record(EAPSCOPE_HEAP_RETAINED, address, block.size, block.tag, 0);
        }
    }
    g_tag = saved;
}

__declspec(dllexport) uint64_t eapscope_tracer_dropped(void)
{
    return 0;
}

__declspec(dllexport) int eapscope_tracer_active(void)
{
    return 1;
}

}  // extern "C"
