// `eapscope-cli methods`: the bundled methods with the EAP types they answer for and the roles
// they can serve (issue 2 part 7); `methods LIBRARY…` describes the given libraries instead,
// each loaded in its own method host chosen by its format (a .so in eapscope-host, a Windows
// x64 DLL in eapscope-host.exe under Wine), so a crash while loading ends only that host.
#include "cli_command.h"

#include "eapscope/raseap.h"
#include "host/host_executor.h"
#include "method/in_process_executor.h"
#include "method/method_resolver.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace eapscope::cli {

namespace {

struct MethodsOptions {
    bool json = false;
    std::vector<std::string> libraries;
};

nlohmann::json describe(const BundledMethod& method, const LoadReport& report)
{
    nlohmann::json roles = nlohmann::json::array();
    // RolesSupported is a registry value on Windows (RASEAP.md §2.5); on Linux the SDK's optional
    // RasEapRolesSupported export stands in for it, and its absence means both roles.
    if (report.hasMakeMessage) {
        if ((report.roles & RAS_EAP_ROLE_AUTHENTICATOR) != 0) {
            roles.push_back("authenticator");
        }
        if ((report.roles & RAS_EAP_ROLE_AUTHENTICATEE) != 0) {
            roles.push_back("peer");
        }
    }
    nlohmann::json j = {
        {"name", method.name}, {"path", method.path}, {"types", report.answeredTypes}, {"roles", roles}};
    if (!report.ok && report.answeredTypes.empty()) {
        j["error"] = report.error;
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& finding : report.findings) {
            findings.push_back({{"rule", finding.rule}, {"message", finding.message}});
        }
        j["findings"] = findings;
    }
    return j;
}

nlohmann::json describeBundled(const BundledMethod& method)
{
    InProcessExecutor executor;
    const LoadReport report = executor.load(LoadRequest{method.path, method.name, std::nullopt});
    executor.unload();
    return describe(method, report);
}

/// A library named on the command line: loaded in a method host, whose RasEapGetInfo answers
/// are listed like a bundled method's. Empty "path" when the spec names no file.
nlohmann::json describeLibrary(const std::string& spec)
{
    const Result<std::string> path = resolveMethodSpec(spec);
    if (!path) {
        return {{"name", spec},
                {"path", ""},
                {"types", nlohmann::json::array()},
                {"roles", nlohmann::json::array()},
                {"error", path.error()}};
    }
    const std::string name = std::filesystem::path(*path).stem().string();
    HostExecutor executor{HostOptions{}};
    const LoadReport report = executor.load(LoadRequest{*path, name, std::nullopt});
    if (executor.alive()) {
        executor.unload();
    }
    return describe(BundledMethod{name, *path}, report);
}

void printText(const nlohmann::json& list)
{
    for (const auto& m : list) {
        std::cout << m["name"].get<std::string>() << "\ttypes:";
        for (const auto& t : m["types"]) {
            std::cout << " " << t.get<std::uint32_t>();
        }
        std::cout << "\troles:";
        for (const auto& r : m["roles"]) {
            std::cout << " " << r.get<std::string>();
        }
        std::cout << "\t" << m["path"].get<std::string>() << "\n";
        if (m.contains("error")) {
            std::cerr << "eapscope-cli methods: " << m["error"].get<std::string>() << "\n";
        }
    }
}

}  // namespace

void registerMethodsCommand(CLI::App& app, CommandResult& result)
{
    auto options = std::make_shared<MethodsOptions>();
    CLI::App* cmd = app.add_subcommand(
        "methods", "List the bundled methods, or the given method libraries, with their EAP types and roles");
    cmd->add_flag("--json", options->json, "print one JSON document");
    cmd->add_option("library", options->libraries,
                    "method libraries to describe instead (a .so, or a Windows x64 .dll run under Wine)");
    cmd->callback([options, &result] {
        nlohmann::json list = nlohmann::json::array();
        bool failed = false;
        if (options->libraries.empty()) {
            for (const auto& method : listBundledMethods()) {
                list.push_back(describeBundled(method));
            }
        }
        for (const std::string& library : options->libraries) {
            list.push_back(describeLibrary(library));
            failed = failed || list.back().contains("error");
        }
        if (options->json) {
            std::cout << nlohmann::json{{"methods", list}}.dump(2) << "\n";
        } else {
            printText(list);
        }
        // A library that cannot be described is a load error (exit 2), its message on stderr.
        result.exitCode = failed ? kExitUsage : kExitOk;
    });
}

}  // namespace eapscope::cli
