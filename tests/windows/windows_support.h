// Shared helpers of the Windows-method tests: run the real eapscope-cli (which starts
// eapscope-host.exe under Wine for a .dll) and read its JSON.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace eapscope::windows_test {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
    nlohmann::json doc;
};

inline std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// `eapscope-cli <command> <args>` under `timeout`, stdout parsed as JSON when it is JSON.
inline CliRun cli(const std::string& arguments, const std::string& environment = "")
{
    const auto errFile =
        std::filesystem::temp_directory_path() / ("eapscope-windows-" + std::to_string(::getpid()) + ".err");
    const std::string command = environment + " timeout 180 " + std::string(EAPSCOPE_BIN_DIR) +
                                "/eapscope-cli " + arguments + " 2>" + errFile.string();
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return run;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        run.out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = slurp(errFile);
    std::filesystem::remove(errFile);
    run.doc = nlohmann::json::parse(run.out, nullptr, false);
    return run;
}

inline std::string describe(const CliRun& run)
{
    // stderr and the findings first: CI excerpts cut long output, and they say why.
    std::string findings;
    if (!run.doc.is_discarded() && run.doc.contains("findings")) {
        for (const auto& f : run.doc["findings"]) {
            findings += f.value("rule", "") + ": " + f.value("message", "") + "\n";
        }
    }
    return "exit " + std::to_string(run.exitCode) + "\nstderr:\n" + run.err.substr(0, 3000) +
           "\nfindings:\n" + findings + "stdout:\n" + run.out.substr(0, 6000);
}

/// Windows build of a bundled or training method (lib/eapscope/methods-windows/<name>.dll).
inline std::string windowsMethod(const std::string& name)
{
    return std::string(EAPSCOPE_BINARY_DIR) + "/lib/eapscope/methods-windows/" + name + ".dll";
}

inline std::string linuxMethod(const std::string& name)
{
    return std::string(EAPSCOPE_METHODS_DIR) + "/" + name + ".so";
}

inline std::string testMethod(const std::string& name, const char* extension)
{
    return std::string(EAPSCOPE_TEST_METHODS_DIR) + "/" + name + extension;
}

/// A method of the Linux-and-Windows sets: every training method, and the test methods that
/// break one rule each (the `LinuxAndWindowsBuilds` and `run --jobs` tests run them all).
struct BuildPair {
    std::string name;  // method name
    std::string side;  // the side it plays
    std::string extra;
    bool training = true;  // lib/eapscope/methods*/training-<name>, else tests/methods/broken-<name>
};

inline void PrintTo(const BuildPair& p, std::ostream* os)
{
    *os << p.name;
}

inline std::vector<BuildPair> trainingPairs()
{
    return {BuildPair{"heap-leak", "authenticator", "--contexts 2"},
            BuildPair{"workbuffer-not-freed", "peer", ""},
            BuildPair{"packet-overflow", "authenticator", ""},
            BuildPair{"crash-in-end", "peer", ""},
            BuildPair{"hang-in-makemessage", "authenticator", "--watchdog-ms 1500"},
            BuildPair{"cross-context-free", "authenticator", "--contexts 2 --interleave"},
            BuildPair{"reused-identifier", "authenticator", ""},
            BuildPair{"keeps-password-pointer", "peer", ""},
            BuildPair{"success-with-failure-code", "authenticator", ""},
            BuildPair{"resend-differs", "authenticator", "--drop-packet 3"}};
}

inline std::vector<BuildPair> rulePairs()
{
    return {BuildPair{"input-modified", "peer", "", false},
            BuildPair{"output-overrun", "peer", "", false},
            BuildPair{"packet-overflow", "peer", "", false},
            BuildPair{"begin-no-workbuffer", "peer", "", false},
            BuildPair{"packet-bad-id", "authenticator", "", false},
            BuildPair{"attributes-malformed", "authenticator", "", false},
            BuildPair{"load-no-getinfo", "peer", "", false},
            BuildPair{"load-type-mismatch", "peer", "", false},
            BuildPair{"load-info-overrun", "peer", "", false},
            BuildPair{"init-failed", "authenticator", "", false}};
}

inline std::string pairName(const ::testing::TestParamInfo<BuildPair>& param)
{
    std::string name = param.param.name;
    for (char& c : name) {
        c = c == '-' ? '_' : c;
    }
    return name;
}

/// (rule, side, context, call) of every finding: what must be the same for both builds.
using FindingKey = std::tuple<std::string, std::string, int, std::string>;

inline std::set<FindingKey> findingKeys(const CliRun& run)
{
    std::set<FindingKey> keys;
    if (run.doc.is_discarded() || !run.doc.contains("findings")) {
        return keys;
    }
    for (const auto& f : run.doc["findings"]) {
        keys.emplace(f.value("rule", ""), f.value("side", ""),
                     f["context"].is_number() ? f["context"].get<int>() : 0,
                     f["call"].is_string() ? f["call"].get<std::string>() : std::string());
    }
    return keys;
}

inline std::string keysText(const std::set<FindingKey>& keys)
{
    std::string text;
    for (const auto& [rule, side, context, call] : keys) {
        text += rule + " " + side + " #" + std::to_string(context) + " " + call + "\n";
    }
    return text.empty() ? "(none)\n" : text;
}

/// The findings of one rule.
inline std::vector<nlohmann::json> findingsOf(const CliRun& run, const std::string& rule)
{
    std::vector<nlohmann::json> out;
    if (run.doc.is_discarded() || !run.doc.contains("findings")) {
        return out;
    }
    for (const auto& f : run.doc["findings"]) {
        if (f.value("rule", "") == rule) {
            out.push_back(f);
        }
    }
    return out;
}

}  // namespace eapscope::windows_test
