#include "engine/parallel_run.h"

#include "engine/shard_merger.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <thread>

namespace eapscope {

std::vector<std::uint32_t> shardSizes(std::uint32_t contexts, std::uint32_t jobs)
{
    const std::uint32_t shards = std::max<std::uint32_t>(1, std::min(contexts, jobs));
    std::vector<std::uint32_t> sizes(shards, contexts / shards);
    for (std::uint32_t k = 0; k < contexts % shards; ++k) {
        ++sizes[k];
    }
    return sizes;
}

Status checkJobs(const RunOptions& options)
{
    const std::uint32_t jobs = options.jobs;
    if (jobs == 0) {
        return makeError("--jobs must be at least 1 (the number of host pairs to run contexts on)");
    }
    if (jobs == 1) {
        return Ok{};
    }
    const std::string n = "--jobs " + std::to_string(jobs);
    if (options.interleave) {
        return makeError(n +
                         " cannot be combined with --interleave: interleaved contexts run against "
                         "each other's memory (CROSS_CONTEXT_FREE), so they must share one host pair; "
                         "use --jobs 1 or drop --interleave");
    }
    if (options.inProcess) {
        return makeError(n +
                         " cannot be combined with --in-process: this process loads a library once, "
                         "so the shards would share its global state; drop --in-process to give each "
                         "shard its own isolated host pair");
    }
    if (options.dropPacket) {
        return makeError(n +
                         " cannot be combined with --drop-packet: the Nth packet is counted over the "
                         "whole run, which no shard sees; use --jobs 1");
    }
    if (options.radius) {
        return makeError(n +
                         " cannot be combined with --radius: the run has one NAS talking to the "
                         "server; use --jobs 1");
    }
    return Ok{};
}

namespace {

struct Shard {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    Trace trace;
    std::optional<Result<RunSummary>> summary;
};

void mergeSummary(RunSummary& into, const RunSummary& shard, std::uint32_t contextBase)
{
    into.loadFailed = into.loadFailed || shard.loadFailed;
    into.hostDied = into.hostDied || shard.hostDied;
    for (SideOutcome outcome : shard.outcomes) {
        outcome.context = ContextId(outcome.context.value() + contextBase);
        into.outcomes.push_back(std::move(outcome));
    }
}

}  // namespace

Result<RunSummary> runSessionJobs(const RunOptions& options, Trace& trace, const ExecutorFactory& factory,
                                  const RunHooks& hooks)
{
    if (Status allowed = checkJobs(options); !allowed) {
        return allowed.failure();
    }
    const std::vector<std::uint32_t> sizes =
        shardSizes(std::max<std::uint32_t>(1, options.contexts), options.jobs);
    if (sizes.size() == 1) {
        return runSession(options, trace, factory, hooks);
    }
    std::vector<Shard> shards(sizes.size());
    for (std::size_t k = 0, first = 0; k < sizes.size(); first += sizes[k], ++k) {
        shards[k].first = static_cast<std::uint32_t>(first);
        shards[k].count = sizes[k];
    }
    std::mutex factoryLock;
    const ExecutorFactory locked = [&](Side side) {
        const std::lock_guard lock(factoryLock);
        return factory(side);
    };
    // Each thread owns its shard's engine, executors and trace; nothing else is shared. Shards are
    // merged in order as they end, so a recording grows while later shards still run.
    std::vector<std::jthread> threads;
    for (Shard& shard : shards) {
        threads.emplace_back([&shard, &options, &locked] {
            shard.summary = runContextRange(options, shard.first, shard.count, shard.trace, locked);
        });
    }
    ShardMerger merger(trace);
    RunSummary summary;
    for (std::size_t k = 0; k < shards.size(); ++k) {
        threads[k].join();
        const Shard& shard = shards[k];
        if (!*shard.summary) {
            return makeError(shard.summary->error());
        }
        merger.append(shard.trace);
        mergeSummary(summary, **shard.summary, merger.lastContextBase());
        if (k == 0) {  // the run's options, as every shard has them, for the whole run
            for (const auto& [key, value] : shard.trace.options()) {
                trace.setOption(key, value);
            }
            trace.setOption("contexts", std::to_string(options.contexts));
            trace.setOption("jobs", std::to_string(sizes.size()));
        }
        if (hooks.afterStep) {
            hooks.afterStep(trace);
        }
        // A `--jobs 1` run starts no context after a host died or a method did not load.
        if (shard.summary->value().hostDied || shard.summary->value().loadFailed) {
            break;
        }
    }
    summary.settleOverall();
    return summary;
}

}  // namespace eapscope
