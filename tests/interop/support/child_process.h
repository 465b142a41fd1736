// A program a test starts and owns: started with posix_spawn, its stdout and stderr in a file,
// stopped by its own pid (never by name, TEAM.md), reaped, and checked gone through
// /proc/PID/stat (a process whose parent exited can linger as a zombie, where kill(pid, 0)
// still succeeds).
#pragma once

#include "common/result.h"

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace eapscope::interop {

class ChildProcess {
public:
    ChildProcess() = default;
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    /// Starts argv[0] (a path) with its output (stdout and stderr) going to `log`.
    static Result<ChildProcess> start(const std::vector<std::string>& argv, const std::filesystem::path& log);

    [[nodiscard]] pid_t pid() const { return pid_; }
    [[nodiscard]] bool running();
    /// The output so far.
    [[nodiscard]] std::string output() const;
    [[nodiscard]] const std::filesystem::path& logPath() const { return log_; }

    /// Polls until `ready(output)` holds; error when the process exits or `limit` passes first.
    Status waitFor(const std::function<bool(const std::string&)>& ready, std::chrono::milliseconds limit);
    /// Waits for the process to exit by itself; its exit code, or error after `limit`.
    Result<int> wait(std::chrono::milliseconds limit);
    /// Sends `signal`, waits up to `limit` for the exit (then SIGKILL), and returns the exit code
    /// (128 + signal when a signal ended it).
    int stop(int signal, std::chrono::milliseconds limit = std::chrono::seconds(5));

private:
    bool reap(bool block);

    pid_t pid_ = -1;
    int status_ = -1;  // the exit code once reaped
    std::filesystem::path log_;
};

/// True when no process `pid` exists or it is a zombie (state Z in /proc/PID/stat).
bool processGone(pid_t pid);

/// A UDP port on 127.0.0.1 that was free a moment ago.
std::uint16_t freeUdpPort();

/// True when something has bound UDP 127.0.0.1:port (or *:port) — /proc/net/udp.
bool udpPortBound(std::uint16_t port);

/// A fresh folder under $TMPDIR (or /tmp) that the test removes; `label` names its purpose.
std::filesystem::path makeTempDir(const std::string& label);

/// makeTempDir's folder, removed with everything in it when the object goes.
class ScopedTempDir {
public:
    explicit ScopedTempDir(const std::string& label) : path_(makeTempDir(label)) {}
    ~ScopedTempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScopedTempDir(const ScopedTempDir&) = delete;
    ScopedTempDir& operator=(const ScopedTempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace eapscope::interop
