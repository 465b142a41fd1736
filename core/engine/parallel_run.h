// `eapscope-cli run --jobs N` (issue 13, "Scale past one process"): the contexts of one run
// spread over N shards, each its own SessionEngine on its own executors (one isolated host
// pair per shard, Windows DLLs each their own Wine host), driven by a thread of this process;
// the shards' traces are merged in context order into the caller's trace (ShardMerger), so the
// report, the exit code and the session file are those of one run, with the findings a
// `--jobs 1` run gives (same rule, side, context number, call and message).
//
// What stays per run, and therefore refuses a split:
//   --interleave   interleaved contexts run against each other's memory (CROSS_CONTEXT_FREE);
//                  they must share one host pair.
//   --in-process   one process loads a library once: the shards would share its globals.
//   --drop-packet  counts packets over the whole run, which no shard knows.
//   --radius       one NAS and its socket per run.
// A host that dies (CRASH, HANG) ends a `--jobs 1` run: no later context starts. The merge
// keeps the same: shards after the one whose host died are dropped.
#pragma once

#include "common/result.h"
#include "engine/session_runner.h"

#include <cstdint>

namespace eapscope {

/// The contexts each of `jobs` shards runs: contiguous, in order, sizes differing by at most
/// one; fewer shards than `jobs` when there are fewer contexts.
std::vector<std::uint32_t> shardSizes(std::uint32_t contexts, std::uint32_t jobs);

/// Why `options` cannot run on options.jobs shards, or success. Jobs 0 is refused.
Status checkJobs(const RunOptions& options);

/// runSession() over options.jobs shards. `factory` is called from the shards' threads, under a lock;
/// hooks.afterStep sees the merged trace after each shard is merged (a recording grows shard by
/// shard). One shard is exactly runSession().
Result<RunSummary> runSessionJobs(const RunOptions& options, Trace& trace, const ExecutorFactory& factory,
                                  const RunHooks& hooks = {});

}  // namespace eapscope
