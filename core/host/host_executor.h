// MethodExecutor over an isolated eapscope-host process (DESIGN.md "Processes", issue 3).
//
// A method that crashes, aborts, exits, overflows its stack, runs out of memory or hangs ends
// only its host: the call returns a CallOutcome whose `failure` says how (Crash + signal,
// Exit + status, Hang after watchdogMs), with the heap events the host could still send.
// From then on alive() is false and every call fails at once; load() starts a fresh host.
// Checkpoints (step back) fork the host at a call boundary and keep the paused copy;
// restore() resumes one as the live host. Every process is killed and reaped by the
// destructor; none outlives the controller (the host also checks that it still exists).
// load() picks the host from the library's format: eapscope-host for ELF, eapscope-host.exe
// through Wine for a Windows x64 DLL (paths are handed over as Wine's Z: drive paths); the
// Windows host has no checkpoints and reports crashes as exception code + module+offset.
#pragma once

#include "host/checkpoint_store.h"
#include "host/host_process.h"
#include "host/wire_protocol.h"
#include "method/method_executor.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

struct HostOptions {
    std::string hostPath;  // empty = <exe dir>/eapscope-host
    std::uint32_t watchdogMs = 5000;
    bool heapTracking = true;  // LD_PRELOAD the tracer (<host dir>/../lib/…; EAPSCOPE_TRACER overrides)
    bool stacks = false;
    bool guard = false;  // tracer quarantine (the send-buffer and input guard pages are always on)
    // Additions beyond the agreed options:
    std::uint64_t addressSpaceLimit = 0;  // RLIMIT_AS for the host in bytes, 0 = none (OOM tests)
    std::size_t maxCheckpoints = 64;
    // Windows x64 DLLs run in eapscope-host.exe under Wine (DESIGN.md "Windows methods").
    std::string windowsHostPath;  // empty = <host dir>/eapscope-host.exe
    std::string winePath;         // empty = $EAPSCOPE_WINE, else /usr/lib/wine/wine64
    std::string winePrefix;       // empty = $WINEPREFIX, else ~/.cache/eapscope/wine
};

class HostExecutor : public MethodExecutor {
public:
    explicit HostExecutor(HostOptions options);
    ~HostExecutor() override;
    HostExecutor(const HostExecutor&) = delete;
    HostExecutor& operator=(const HostExecutor&) = delete;

    LoadReport load(const LoadRequest& request) override;
    CallOutcome initialize(bool initialize) override;
    CallOutcome begin(const BeginRequest& request) override;
    CallOutcome makeMessage(const MakeMessageRequest& request) override;
    CallOutcome end(std::uint32_t contextTag, std::uint64_t workBuffer) override;
    std::vector<HeapEvent> drainHeapEvents() override;
    void unload() override;
    [[nodiscard]] bool alive() const override { return alive_; }

    [[nodiscard]] bool supportsCheckpoints() const override;
    Result<std::uint32_t> checkpoint() override;
    Status restore(std::uint32_t checkpoint) override;

    /// Why supportsCheckpoints() is false ("the method started 2 threads…"), or empty.
    [[nodiscard]] std::string checkpointsUnavailableReason() const;
    [[nodiscard]] std::vector<std::uint32_t> checkpointIds() const { return checkpoints_.ids(); }
    [[nodiscard]] pid_t hostPid() const { return host_.pid(); }
    [[nodiscard]] bool tracerActive() const { return tracerActive_; }
    /// How the host ended, once it has.
    [[nodiscard]] const std::optional<HostFailure>& failure() const { return failure_; }
    /// The executable and the tracer this executor uses (after resolving defaults).
    [[nodiscard]] const std::string& hostPath() const { return hostPath_; }
    /// True while the running (or last) host is eapscope-host.exe.
    [[nodiscard]] bool windowsHost() const { return windows_; }
    [[nodiscard]] const std::string& tracerPath() const { return tracerPath_; }

private:
    struct Reply {
        bool ok = false;
        Frame frame;
        std::vector<HeapEvent> dyingEvents;
    };

    Status start();
    Status startWindows();
    Status handshake(const std::string& program, int timeoutMs, bool* closedEarly = nullptr);
    SpawnSpec windowsSpec() const;
    Status chooseHost(const LoadRequest& request);
    Result<std::uint32_t> replayPoint();
    Status replayTo(std::uint32_t id);
    Reply exchange(wire::FrameType type, const std::vector<std::uint8_t>& payload, wire::FrameType expected,
                   EntryPoint entry);
    Reply awaitReply(wire::FrameType expected, EntryPoint entry);
    void bury(HostFailure failure);
    void nudgeHungHost(Reply& reply);
    CallOutcome call(wire::FrameType type, const std::vector<std::uint8_t>& payload, EntryPoint entry);
    CallOutcome failedOutcome(EntryPoint entry, std::vector<HeapEvent> events) const;
    void rebase(std::vector<HeapEvent>& events) const;
    Status resume(HostProcess& copy);
    void dispose(std::vector<CheckpointStore::Entry> entries);
    void sweep(bool block);

    HostOptions options_;
    std::string hostPath_;
    std::string tracerPath_;
    HostProcess host_;
    pid_t group_ = -1;
    bool alive_ = false;
    bool tracerActive_ = false;
    std::uint32_t threads_ = 1;
    std::optional<HostFailure> failure_;
    std::optional<int> dyingSignal_;
    std::string dyingDetail_;  // the Windows host's crash description (ErrorReply while dying)
    bool windows_ = false;     // the live host is eapscope-host.exe
    // Step back in a Windows host (no fork): every request since the load, replayed into a fresh
    // host started with the same random seed (the method draws the same bytes again).
    std::string randomSeed_;
    std::vector<std::pair<wire::FrameType, std::vector<std::uint8_t>>> replayLog_;
    struct ReplayPoint {
        std::size_t requests = 0;
        std::uint64_t calls = 0;
    };
    std::map<std::uint32_t, ReplayPoint> replayPoints_;
    std::uint64_t epochNs_ = 0;
    std::uint64_t calls_ = 0;  // call boundaries passed: a checkpoint's position
    std::uint32_t nextCheckpoint_ = 1;
    CheckpointStore checkpoints_;
    std::vector<pid_t> graveyard_;  // killed copies another process may still have to reap
};

}  // namespace eapscope
