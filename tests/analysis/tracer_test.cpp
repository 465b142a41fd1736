// The preloaded heap tracer, end to end: tracer_probe plays an allocation scenario under
// LD_PRELOAD=libeapscope-heaptracer.so and prints what eapscope_tracer_drain() returned.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Record {
    int kind = 0;
    std::uint64_t address = 0, size = 0;
    std::uint32_t tag = 0;
    std::string site;
};

struct ProbeRun {
    std::vector<Record> records;
    bool survived = false;
};

ProbeRun runProbe(const std::string& scenario)
{
    const std::string command = "LD_PRELOAD=" TRACER_LIB " " TRACER_PROBE " " + scenario + " 2>&1";
    ProbeRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return run;
    char line[4096];
    while (fgets(line, sizeof line, pipe)) {
        std::string text(line);
        if (text.rfind("kept ", 0) == 0)
            continue;
        if (text.rfind("survived", 0) == 0) {
            run.survived = true;
            continue;
        }
        std::istringstream in(text);
        Record r;
        in >> r.kind >> std::hex >> r.address >> std::dec >> r.size >> r.tag >> std::ws;
        std::getline(in, r.site);
        if (!r.site.empty())
            run.records.push_back(r);
    }
    pclose(pipe);
    return run;
}

std::vector<int> kinds(const ProbeRun& run)
{
    std::vector<int> k;
    for (const auto& r : run.records)
        k.push_back(r.kind);
    return k;
}

TEST(HeapTracer, EveryAllocatorEntryIsRecordedWithTheCurrentContextTag)
{
    ProbeRun run = runProbe("basic");
    ASSERT_TRUE(run.survived);
    // malloc, calloc, realloc (free old + alloc new), posix_memalign, aligned_alloc, memalign,
    // valloc, then six frees, then one instance-owned (tag 0) malloc/free pair. The malloc/free
    // made with EAPSCOPE_TRACER_OUTSIDE_CALL is not recorded.
    EXPECT_EQ(kinds(run), (std::vector<int>{1, 1, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 1, 2}));
    std::vector<std::uint64_t> sizes;
    for (std::size_t i = 0; i < 8; ++i)
        sizes.push_back(run.records[i].size);
    EXPECT_EQ(sizes, (std::vector<std::uint64_t>{100, 100, 100, 300, 40, 128, 48, 16}));
    for (std::size_t i = 0; i < 14; ++i)
        EXPECT_EQ(run.records[i].tag, 3u) << i;
    EXPECT_EQ(run.records[14].tag, 0u);
    EXPECT_EQ(run.records[14].size, 11u);
    // Every alloc is matched by a free of the same address with the same size.
    std::map<std::uint64_t, std::uint64_t> live;
    for (const auto& r : run.records) {
        if (r.kind == 1)
            live[r.address] = r.size;
        if (r.kind == 2) {
            ASSERT_TRUE(live.count(r.address)) << std::hex << r.address;
            EXPECT_EQ(live[r.address], r.size);
            live.erase(r.address);
        }
    }
    EXPECT_TRUE(live.empty());
}

TEST(HeapTracer, DoubleAndInvalidFrees_AreReportedAndNotPassedOn)
{
    ProbeRun run = runProbe("bad-frees");
    ASSERT_TRUE(run.survived);  // glibc would have aborted on either free
    EXPECT_EQ(kinds(run), (std::vector<int>{1, 2, 3, 1, 4, 4, 2}));
    EXPECT_EQ(run.records[2].address, run.records[0].address);
    EXPECT_EQ(run.records[4].address, run.records[3].address + 8);
    for (const auto& r : run.records)
        EXPECT_EQ(r.tag, 2u);
}

TEST(HeapTracer, Quarantine_CatchesAWriteAfterFreeWithTheFreeingContext)
{
    ProbeRun run = runProbe("guard");
    ASSERT_TRUE(run.survived);
    ASSERT_EQ(kinds(run), (std::vector<int>{1, 1, 2, 2, 5}));
    EXPECT_EQ(run.records[4].address, run.records[0].address);  // only the block written to
    EXPECT_EQ(run.records[4].size, 32u);
    EXPECT_EQ(run.records[4].tag, 5u);
}

TEST(HeapTracer, Stacks_AreSymbolizedToFunctionFileAndLine)
{
    ProbeRun run = runProbe("stacks");
    ASSERT_TRUE(run.survived);
    ASSERT_EQ(kinds(run), (std::vector<int>{1, 1, 2, 2}));
    const std::string& site = run.records[0].site;
    EXPECT_EQ(site.rfind("probe_alloc_site (tracer_probe.c:", 0), 0u) << site;
    EXPECT_NE(site.find("|main (tracer_probe.c:"), std::string::npos) << site;
    EXPECT_EQ(site.find("heap_tracer"), std::string::npos) << "tracer frames must be skipped: " << site;
    EXPECT_NE(run.records[1].site, site) << "different call lines are different sites";
    EXPECT_EQ(site.find(".constprop"), std::string::npos) << "compiler clone suffixes are dropped: " << site;
    EXPECT_EQ(run.records[2].site, "-");
}

TEST(HeapTracer, ContextEnded_ReportsOnlyBlocksGlobalDataStillReaches)
{
    ProbeRun run = runProbe("retained");
    ASSERT_TRUE(run.survived);
    ASSERT_EQ(kinds(run), (std::vector<int>{1, 1, 1, 1, 6, 6}))
        << "alloc other, kept, kept->next, lost; 2 retained";
    std::vector<std::uint64_t> retained{run.records[4].address, run.records[5].address};
    std::sort(retained.begin(), retained.end());
    std::vector<std::uint64_t> kept{run.records[1].address, run.records[2].address};
    std::sort(kept.begin(), kept.end());
    EXPECT_EQ(retained, kept) << "the lost block and context 9's block are not retained";
    EXPECT_EQ(run.records[4].tag, 4u);
    EXPECT_EQ(run.records[5].tag, 4u);
}

// Past the old fixed table of 8192 per-tag counters (and through its growth and deletions):
// every context's answer at RasEapEnd is still exactly its own reachable blocks.
TEST(HeapTracer, ContextEnded_StaysExactAfterThousandsOfContexts)
{
    ProbeRun run = runProbe("many-contexts");
    ASSERT_TRUE(run.survived);
    std::map<std::uint32_t, int> retainedByTag;
    for (const auto& r : run.records) {
        EXPECT_EQ(r.kind, 6) << "only RETAINED records are printed";
        ++retainedByTag[r.tag];
    }
    ASSERT_EQ(retainedByTag.size(), 4000u) << "one per kept context (tags 1, 4, 7, …)";
    for (const auto& [tag, count] : retainedByTag) {
        EXPECT_EQ(tag % 3, 1u) << "tag " << tag << " freed or lost its blocks";
        EXPECT_EQ(count, tag == 1 ? 2 : 1) << "tag " << tag;
    }
}

// The bundled md5 uses OpenSSL, which initialises itself on first use inside the method's
// calls: what stays live after RasEapEnd must be exactly what the scan reports as retained.
void expectLiveBlocksAreAllRetained(const std::string& role)
{
    ProbeRun run = runProbe("method-" + role + " " EAPSCOPE_METHODS_DIR "/md5.so");
    ASSERT_TRUE(run.survived);
    std::set<std::uint64_t> live, retained;
    int allocs = 0;
    for (const auto& r : run.records) {
        EXPECT_EQ(r.tag, 3u);
        if (r.kind == 1) {
            live.insert(r.address);
            ++allocs;
        }
        if (r.kind == 2)
            live.erase(r.address);
        if (r.kind == 6)
            retained.insert(r.address);
        EXPECT_TRUE(r.kind == 1 || r.kind == 2 || r.kind == 6) << r.kind;
    }
    EXPECT_GT(allocs, 2) << "work buffer, identity, password at least";
    EXPECT_EQ(retained, live) << role;
}

TEST(HeapTracer, Md5Peer_OpenSslLazyInitIsRetainedNotLeaked)
{
    expectLiveBlocksAreAllRetained("peer");
}

TEST(HeapTracer, Md5Authenticator_OpenSslLazyInitIsRetainedNotLeaked)
{
    expectLiveBlocksAreAllRetained("authenticator");
}

TEST(HeapTracer, TrainingHeapLeak_TheLeakedNoteIsNotRetained)
{
    ProbeRun run = runProbe("method-authenticator " EAPSCOPE_METHODS_DIR "/training-heap-leak.so");
    ASSERT_TRUE(run.survived);
    std::map<std::uint64_t, std::uint64_t> live;
    std::set<std::uint64_t> retained;
    for (const auto& r : run.records) {
        if (r.kind == 1)
            live[r.address] = r.size;
        if (r.kind == 2)
            live.erase(r.address);
        if (r.kind == 6)
            retained.insert(r.address);
    }
    std::vector<std::uint64_t> leakedSizes;
    for (const auto& [address, size] : live)
        if (!retained.count(address))
            leakedSizes.push_back(size);
    EXPECT_EQ(leakedSizes, std::vector<std::uint64_t>{64}) << "only the 64-byte note is unreachable";
}

TEST(HeapTracer, Threads_KeepTheirOwnContextTags)
{
    ProbeRun run = runProbe("threads");
    ASSERT_TRUE(run.survived);
    std::map<std::pair<int, std::uint32_t>, int> counts;
    for (const auto& r : run.records)
        ++counts[{r.kind, r.tag}];
    EXPECT_EQ(counts, (std::map<std::pair<int, std::uint32_t>, int>{
                          {{1, 7}, 500}, {{1, 8}, 500}, {{2, 7}, 500}, {{2, 8}, 500}}));
}

}  // namespace
