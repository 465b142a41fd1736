// Appends the traces of a `run --jobs N` run's shards (engine/parallel_run.h) to one trace, in
// context order, so that reports, exit codes and the session file see one run.
//
// Each shard ran its own engine with its own host pair, numbering its contexts after the
// previous shard's (EngineConfig::firstContextNumber), so finding texts need no rewriting; the
// merger only renumbers row references: events, contexts, packets and strings. Times of a
// shard are moved to start where the previous shard ended, because shards ran at the same time
// and a trace's times never go backwards (Trace::lowerBound()).
//
// Per-host work happens once per shard: every host loads the library, asks RasEapGetInfo and
// calls RasEapInitialize/Uninitialize. Their events are kept (each host did that work), but a
// finding about no context (load, initialisation, instance heap) that an earlier shard already
// reported with the same rule, side, call and message is dropped with its Finding event: the run
// has that fault once, as a `--jobs 1` run reports it.
#pragma once

#include "trace/trace.h"

#include <set>
#include <string>
#include <tuple>

namespace eapscope {

class ShardMerger {
public:
    explicit ShardMerger(Trace& into) : into_(into) {}

    /// Appends every event, context, finding and method of `shard`, renumbered.
    void append(const Trace& shard);

    /// Context ids of the last appended shard are its own ids plus this.
    [[nodiscard]] std::uint32_t lastContextBase() const { return contextBase_; }

private:
    bool repeatsRunFinding(const FindingRecord& finding);
    void addMethods(const Trace& shard);

    Trace& into_;
    std::uint32_t contextBase_ = 0;
    std::set<std::tuple<std::string, Side, EntryPoint, std::string>> runFindings_;
};

}  // namespace eapscope
