#include "eapol_test_runner.h"

#include <signal.h>

#include <fstream>
#include <regex>

namespace eapscope::interop {

std::string EapolTestConfig::render() const
{
    std::string out;
    for (const std::string& line : globalLines) {
        out += line + "\n";
    }
    out += "network={\n\tkey_mgmt=IEEE8021X\n\teap=" + eap + "\n\tidentity=\"" + identity + "\"\n";
    if (password) {
        out += "\tpassword=\"" + *password + "\"\n";
    }
    if (caCert) {
        out += "\tca_cert=\"" + caCert->string() + "\"\n";
    }
    if (clientCert) {
        out += "\tclient_cert=\"" + clientCert->string() + "\"\n";
    }
    if (privateKey) {
        out += "\tprivate_key=\"" + privateKey->string() + "\"\n";
    }
    if (domainSuffixMatch) {
        out += "\tdomain_suffix_match=\"" + *domainSuffixMatch + "\"\n";
    }
    if (phase1) {
        out += "\tphase1=\"" + *phase1 + "\"\n";
    }
    if (phase2) {
        out += "\tphase2=\"" + *phase2 + "\"\n";
    }
    for (const std::string& line : extraNetworkLines) {
        out += "\t" + line + "\n";
    }
    return out + "}\n";
}

Result<ChildProcess> EapolTestRunner::start(const EapolTestConfig& config, const EapolTestRun& run,
                                            const std::filesystem::path& dir, const std::string& name)
{
    const auto conf = dir / (name + ".conf");
    std::ofstream(conf) << config.render();
    std::vector<std::string> argv = {"/usr/bin/eapol_test",
                                     "-c",
                                     conf.string(),
                                     "-a",
                                     "127.0.0.1",
                                     "-p",
                                     std::to_string(run.port),
                                     "-s",
                                     run.secret,
                                     "-t",
                                     std::to_string(run.timeoutSeconds)};
    if (!run.expectKeys) {
        argv.emplace_back("-n");
    }
    if (run.reauthentications > 0) {
        argv.insert(argv.end(), {"-r", std::to_string(run.reauthentications)});
    }
    if (run.callingStationId) {
        argv.insert(argv.end(), {"-M", *run.callingStationId});
    }
    return ChildProcess::start(argv, dir / (name + ".log"));
}

EapolTestResult EapolTestRunner::result(int exitCode, std::string output)
{
    EapolTestResult r;
    r.exitCode = exitCode;
    r.output = std::move(output);
    // eapol_test prints "SUCCESS" alone on the last line when the run succeeded; "FAILURE" otherwise.
    r.success = r.output.find("\nSUCCESS") != std::string::npos;
    r.accessReject = r.output.find("Access-Reject") != std::string::npos ||
                     r.output.find("CTRL-EVENT-EAP-FAILURE") != std::string::npos;
    std::smatch m;
    static const std::regex mppe("MPPE keys OK: ([0-9]+)  mismatch: ([0-9]+)");
    if (std::regex_search(r.output, m, mppe)) {
        r.mppeOk = std::stoi(m[1]);
        r.mppeMismatch = std::stoi(m[2]);
    }
    return r;
}

EapolTestResult EapolTestRunner::run(const EapolTestConfig& config, const EapolTestRun& run,
                                     const std::filesystem::path& dir, const std::string& name)
{
    auto child = start(config, run, dir, name);
    if (!child) {
        return result(-1, child.error());
    }
    auto code = child->wait(std::chrono::seconds(run.timeoutSeconds + 10));
    if (!code) {
        child->stop(SIGKILL);
        return result(-1, child->output());
    }
    return result(*code, child->output());
}

}  // namespace eapscope::interop
