// `eapscope-cli serve`: a RADIUS server whose EAP is the authenticator method under test, for
// real supplicants (eapol_test, wpa_supplicant behind a NAS). The serving lives in
// core/engine/radius_serve.h; this file reads the options, runs the loop until Ctrl+C, SIGTERM
// or --max-conversations, and reports like `run`.
#include "cli_command.h"
#include "run_executors.h"

#include "engine/method_data.h"
#include "engine/radius_serve.h"
#include "method/method_resolver.h"
#include "report/run_report.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>

namespace eapscope::cli {

namespace {

struct ServeOptions {
    RunOptions run;  // --auth, --type, --identity/--password, executor and record options
    std::string listen;
    std::string usersFile;
    std::uint32_t maxConversations = 0;
    std::uint32_t idleMs = 30000;
    bool identityGiven = false;
};

volatile std::sig_atomic_t stopRequested = 0;

void onStopSignal(int)
{
    stopRequested = 1;
}

// Without SA_RESTART, so the socket's poll() returns at once and the loop sees the request.
void catchStopSignals()
{
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

Result<std::vector<std::pair<std::string, std::string>>> users(const ServeOptions& o)
{
    std::vector<std::pair<std::string, std::string>> out;
    if (!o.usersFile.empty()) {
        auto file = readUsersFile(o.usersFile);
        if (!file) {
            return makeError("--users: " + file.error());
        }
        out = std::move(*file);
    }
    if (o.identityGiven || o.usersFile.empty()) {
        out.emplace_back(o.run.identity, o.run.password);
    }
    return out;
}

int exitCodeOf(const Trace& trace, const SessionEngine& engine)
{
    if (engine.loadFailed()) {
        return kExitUsage;
    }
    for (const auto& f : trace.findings()) {
        if (f.severity == Severity::Error) {
            return kExitFindings;
        }
    }
    return kExitOk;
}

int serveCommand(ServeOptions& o)
{
    auto path = resolveMethodSpec(o.run.authSpec);
    if (!path) {
        std::cerr << "eapscope-cli serve: --auth: " << path.error() << "\n";
        return kExitUsage;
    }
    auto table = users(o);
    if (!table) {
        std::cerr << "eapscope-cli serve: " << table.error() << "\n";
        return kExitUsage;
    }
    std::unique_ptr<MethodExecutor> executor = executorFactory(o.run)(Side::Authenticator);
    const bool isPath = o.run.authSpec.find('/') != std::string::npos;
    ServeConfig config;
    config.authenticator = {
        executor.get(),
        LoadRequest{*path, isPath ? std::filesystem::path(*path).filename().string() : o.run.authSpec,
                    o.run.type}};
    config.listen = o.listen;
    config.secret = o.run.secret;
    config.users = std::move(*table);
    config.maxConversations = o.maxConversations;
    config.idleMs = o.idleMs;
    config.slowCallMs = o.run.slowMs;
    // RasEapBegin's connection data for the method (e.g. EAP-TLS's certificates, methods/tls/README.md).
    auto connection = readMethodData("--auth-connection-data", o.run.authConnectionData);
    if (!connection) {
        std::cerr << "eapscope-cli serve: " << connection.error() << "\n";
        return kExitUsage;
    }
    config.authenticator.connectionData = std::move(*connection);
    Trace trace;
    trace.setOption("auth", o.run.authSpec);
    auto serve = RadiusServe::create(std::move(config), trace);
    if (!serve) {
        std::cerr << "eapscope-cli serve: " << serve.error() << "\n";
        return kExitUsage;
    }
    RunHooks hooks = runHooks(o.run);
    catchStopSignals();
    (*serve)->start();
    if (!(*serve)->finished()) {
        std::cout << "eapscope-cli serve: listening on " << (*serve)->local().text() << std::endl;
    }
    while (!(*serve)->finished() && !stopRequested && !(*serve)->done()) {
        (*serve)->poll(std::chrono::milliseconds(200));
        if (hooks.afterStep) {
            hooks.afterStep(trace);
        }
    }
    (*serve)->stop();
    finishHooks(o.run, trace);
    if (o.run.json) {
        nlohmann::json report = runReportJson(trace);
        report["conversations"] = (*serve)->conversationsEnded();
        std::cout << report.dump(2) << "\n";
    } else {
        std::cout << runReportText(trace) << "Conversations: " << (*serve)->conversationsEnded() << "\n";
    }
    return exitCodeOf(trace, (*serve)->engine());
}

}  // namespace

void registerServeCommand(CLI::App& app, CommandResult& result)
{
    auto o = std::make_shared<ServeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "serve", "Serve real supplicants as a RADIUS server whose EAP is the authenticator method (--auth)");
    cmd->add_option("--auth", o->run.authSpec, "authenticator method: bundled name or library path")
        ->capture_default_str();
    cmd->add_option("--type", o->run.type, "EAP type to ask RasEapGetInfo for (default: probe 1..254)")
        ->check(CLI::Range(1, 254));
    cmd->add_option("--auth-connection-data", o->run.authConnectionData,
                    "the method's RasEapBegin connection data: FILE or key=value text")
        ->type_name("FILE|TEXT");
    cmd->add_option("--listen", o->listen, "the UDP address to serve on")->type_name("HOST:PORT")->required();
    cmd->add_option("--secret", o->run.secret, "the shared secret of the NASes")
        ->type_name("SECRET")
        ->required();
    cmd->add_option("--users", o->usersFile, "the back end's users: 'identity password' a line, # comments")
        ->type_name("FILE");
    auto* identity =
        cmd->add_option("--identity", o->run.identity, "a single back-end user (with --password)");
    cmd->add_option("--password", o->run.password, "that user's password")->capture_default_str();
    cmd->add_option("--max-conversations", o->maxConversations, "stop after N conversations ended (0: never)")
        ->capture_default_str();
    cmd->add_option("--idle-ms", o->idleMs, "abandon a conversation whose NAS is silent this long")
        ->capture_default_str();
    cmd->add_flag("--json", o->run.json, "print one JSON document at the end");
    addExecutorOptions(cmd, o->run);
    cmd->callback([o, identity, &result] {
        o->identityGiven = identity->count() > 0;
        result.exitCode = serveCommand(*o);
    });
}

}  // namespace eapscope::cli
