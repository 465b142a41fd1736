#include "radeapclient_runner.h"

#include <signal.h>

#include <fstream>
#include <regex>

namespace eapscope::interop {

namespace {

int summaryNumber(const std::string& output, const std::string& label)
{
    const std::regex pattern(label + R"(:\s+(\d+))");
    std::smatch match;
    return std::regex_search(output, match, pattern) ? std::stoi(match[1].str()) : -1;
}

}  // namespace

RadeapclientResult RadeapclientRunner::run(const RadeapclientRun& run, const std::filesystem::path& dir,
                                           const std::string& name)
{
    RadeapclientResult result;
    const auto requests = dir / (name + ".requests");
    {
        // One packet a block, blocks separated by a blank line (radclient's input format); the
        // EAP-* pseudo attributes make radeapclient build the Response/Identity and answer the
        // MD5 challenge with Cleartext-Password.
        std::ofstream out(requests);
        for (std::uint32_t i = 0; i < run.authentications; ++i) {
            out << "User-Name = \"" << run.identity << "\"\n"
                << "Cleartext-Password = \"" << run.password << "\"\n"
                << "NAS-IP-Address = 127.0.0.1\n"
                << "NAS-Port = " << i << "\n"
                << "EAP-Code = Response\n"
                << "EAP-Id = 1\n"
                << "EAP-Type-Identity = \"" << run.identity << "\"\n"
                << "Message-Authenticator = 0x00\n\n";
        }
        if (!out) {
            result.output = requests.string() + ": cannot write the request file";
            return result;
        }
    }
    auto child =
        ChildProcess::start({"/usr/bin/radeapclient", "-p", std::to_string(run.inFlight), "-s", "-f",
                             requests.string(), "127.0.0.1:" + std::to_string(run.port), "auth", run.secret},
                            dir / (name + ".log"));
    if (!child) {
        result.output = child.error();
        return result;
    }
    auto code = child->wait(std::chrono::seconds(run.timeoutSeconds));
    if (!code) {
        child->stop(SIGKILL);
    }
    result.exitCode = code ? *code : -1;
    result.output = child->output();
    result.approved = summaryNumber(result.output, "Total approved auths");
    result.denied = summaryNumber(result.output, "Total denied auths");
    return result;
}

}  // namespace eapscope::interop
