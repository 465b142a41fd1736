#include "eapscope_cli.h"

#include <signal.h>

namespace eapscope::interop {

std::string binary(const std::string& name)
{
    return std::string(EAPSCOPE_BIN_DIR) + "/" + name;
}

CliRun runCli(const std::vector<std::string>& args, const std::filesystem::path& dir, const std::string& name,
              std::chrono::seconds limit)
{
    std::vector<std::string> argv = {binary("eapscope-cli")};
    argv.insert(argv.end(), args.begin(), args.end());
    CliRun run;
    auto child = ChildProcess::start(argv, dir / (name + ".log"));
    if (!child) {
        run.output = child.error();
        return run;
    }
    auto code = child->wait(limit);
    if (!code) {
        child->stop(SIGKILL);
        run.output = "killed: " + code.error() + "\n" + child->output();
        return run;
    }
    run.exitCode = *code;
    run.output = child->output();
    return run;
}

Result<ChildProcess> startServe(std::vector<std::string> args, std::uint16_t port,
                                const std::filesystem::path& dir, const std::string& name)
{
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    std::vector<std::string> argv = {binary("eapscope-cli"), "serve", "--listen", listen};
    argv.insert(argv.end(), args.begin(), args.end());
    auto child = ChildProcess::start(argv, dir / (name + ".log"));
    if (!child) {
        return child;
    }
    auto ready = child->waitFor(
        [&](const std::string& out) {
            return out.find("listening on " + listen) != std::string::npos && udpPortBound(port);
        },
        std::chrono::seconds(30));
    if (!ready) {
        return makeError("eapscope-cli serve did not start: " + ready.error());
    }
    return child;
}

}  // namespace eapscope::interop
