// `eapscope-cli methods`: the bundled methods with the EAP types they answer for and the roles
// they can serve (issue 2 part 7).
#include "cli_command.h"

#include "eapscope/raseap.h"
#include "method/in_process_executor.h"
#include "method/method_resolver.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace eapscope::cli {

namespace {

struct MethodsOptions {
    bool json = false;
};

nlohmann::json describe(const BundledMethod& method)
{
    InProcessExecutor executor;
    const LoadReport report = executor.load(LoadRequest{method.path, method.name, std::nullopt});
    executor.unload();
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
    }
    return j;
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
    }
}

}  // namespace

void registerMethodsCommand(CLI::App& app, CommandResult& result)
{
    auto options = std::make_shared<MethodsOptions>();
    CLI::App* cmd = app.add_subcommand("methods", "List the bundled methods with their EAP types and roles");
    cmd->add_flag("--json", options->json, "print one JSON document");
    cmd->callback([options, &result] {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& method : listBundledMethods()) {
            list.push_back(describe(method));
        }
        if (options->json) {
            std::cout << nlohmann::json{{"methods", list}}.dump(2) << "\n";
        } else {
            printText(list);
        }
        result.exitCode = kExitOk;
    });
}

}  // namespace eapscope::cli
