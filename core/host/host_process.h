// One eapscope-host process seen from the controller: its pid, its sockets, and how it ended.
// Spawned with posix_spawn in its own process group (so every checkpoint copy it forks can be
// killed with the group), stdin from /dev/null, stdout pointed at stderr, the protocol's request
// socket on fd 3 and its reply socket on fd 4 — or, for the Windows host under Wine, requests on
// stdin and replies on stdout. Also stands for a paused checkpoint copy once it is resumed as
// the live host.
#pragma once

#include "common/result.h"
#include "host/host_channel.h"
#include "method/call_types.h"

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace eapscope {

/// A signal as a person reads it: "SIGSEGV (Segmentation fault)", glibc's description translated
/// in the GUI when it is one a method dies of.
MessageText signalText(int signal);

struct SpawnSpec {
    std::string hostPath;
    std::vector<std::string> arguments;  // after the host path and "--fd 3 --write-fd 4"
    std::string preload;                 // LD_PRELOAD value, empty = none
    // eapscope-host.exe: started as `launcher hostPath arguments…` (Wine), the sockets on its
    // standard input and output instead of fds 3 and 4; `environment` entries replace inherited ones
    // ("NAME=value"; "NAME=" alone removes NAME).
    std::string launcher;
    bool socketOnStdio = false;
    std::vector<std::string> environment;
};

class HostProcess {
public:
    HostProcess() = default;
    HostProcess(pid_t pid, HostChannel channel) : pid_(pid), channel_(std::move(channel)) {}
    ~HostProcess();
    HostProcess(HostProcess&& other) noexcept;
    HostProcess& operator=(HostProcess&& other) noexcept;
    HostProcess(const HostProcess&) = delete;
    HostProcess& operator=(const HostProcess&) = delete;

    static Result<HostProcess> spawn(const SpawnSpec& spec);

    [[nodiscard]] pid_t pid() const { return pid_; }
    [[nodiscard]] bool running() const { return pid_ > 0 && !status_; }
    HostChannel& channel() { return channel_; }

    /// SIGKILL and reap (blocking; SIGKILL cannot be ignored). Safe to repeat.
    void kill();
    /// Reaps the process when it has ended (or waits for it when `block`), returning the raw
    /// wait status; nullopt while it runs or when it is not this process's child.
    std::optional<int> reap(bool block);
    /// How the ended process went away, as a HostFailure (Crash with signal, Exit with status).
    [[nodiscard]] HostFailure failure() const;
    /// Forgets the process without killing it (its owner took over its pid).
    void detach();

private:
    pid_t pid_ = -1;
    HostChannel channel_;
    std::optional<int> status_;
};

}  // namespace eapscope
