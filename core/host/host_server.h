// The loop inside eapscope-host and eapscope-host.exe: one method, loaded and called on request
// over the protocol socket (wire_protocol.h), each call answered with one CallReply frame
// carrying its whole outcome and heap events. Calls run through a CallRunner in
// GuardMode::Pages with the FaultHandler resolving guard-page faults; the method's entry
// points are wrapped so the tracer records only the method's own allocations.
//
// Checkpoints (step back, issue 5): on Checkpoint the host forks at this call boundary; the
// copy closes the live sockets, keeps a new pair (requests, replies) whose other ends ride back
// to the controller (SCM_RIGHTS) and waits on it. Resume makes it the live host. A method that started
// threads cannot be forked safely (only the calling thread survives fork), so the host refuses then.
// host_server.cpp is the protocol loop, host_server_posix.cpp / host_server_win.cpp the
// platform half (the Windows host has no fork: it refuses checkpoints, and the controller steps
// back by re-executing the recorded calls in a fresh host).
#pragma once

#include "host/host_channel.h"
#include "host/tracer_link.h"
#include "host/wire_protocol.h"
#include "method/call_runner.h"
#include "method/method_library.h"

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace eapscope {

struct HostServerOptions {
    int fd = -1;           // requests are read here
    int writeFd = -1;      // replies are written here; -1 = fd (one socket both ways)
    bool guard = false;    // tracer quarantine
    bool stacks = false;   // allocation stacks
    pid_t controller = 0;  // the host exits when this process is gone
};

class HostServer {
public:
    explicit HostServer(const HostServerOptions& options);
    /// Serves until Shutdown or the controller goes away; returns the exit code.
    int run();

    /// Threads of this process (entries in /proc/self/task on Linux).
    static std::uint32_t threadCount();
    /// This process's id as the controller knows it.
    static std::uint32_t processId();

private:
    bool handshake();
    bool serve(const Frame& request);
    void reply(wire::FrameType type, const std::vector<std::uint8_t>& payload);
    void load(const Frame& request);
    template <typename Call>
    void runCall(std::uint32_t tag, Call call);
    void handleCall(const Frame& request);
    void unload();
    /// Before the library is opened: instrumentation that must see its load-time code (Windows:
    /// patch its imports once they are bound, before DllMain runs).
    void prepareInstrumentation(const std::string& path);
    /// After a successful load: platform instrumentation of the method (Windows: its imports).
    void instrument();
    void checkpoint();
    void waitForResume();
    void reapCopies();
    [[nodiscard]] wire::HostStatus status() const;

    HostServerOptions options_;
    HostChannel channel_;
    TracerLink tracer_;
    MethodLibrary library_;
    std::unique_ptr<CallRunner> runner_;
    std::vector<pid_t> copies_;
};

}  // namespace eapscope
