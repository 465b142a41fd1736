// The real eapscope-cli as interop tests run it: `run … --radius` to completion, and `serve`
// in the background until it listens (it prints "listening on HOST:PORT" once its socket is
// bound), stopped with SIGTERM so it finishes its recording.
#pragma once

#include "child_process.h"

#include <string>
#include <vector>

namespace eapscope::interop {

struct CliRun {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

/// Runs eapscope-cli with `args` to its end (at most `limit`); output in dir/name.log.
CliRun runCli(const std::vector<std::string>& args, const std::filesystem::path& dir,
              const std::string& name = "eapscope-cli",
              std::chrono::seconds limit = std::chrono::seconds(120));

/// Starts `eapscope-cli serve ARGS --listen 127.0.0.1:PORT` and waits until it listens.
Result<ChildProcess> startServe(std::vector<std::string> args, std::uint16_t port,
                                const std::filesystem::path& dir, const std::string& name = "serve");

/// Path of a built binary in build/…/bin.
std::string binary(const std::string& name);

}  // namespace eapscope::interop
