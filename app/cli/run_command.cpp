// `eapscope-cli run`: a loopback session between an authenticator and a peer method, printed
// as text or one JSON document (issue 2 part 7; options in core/engine/run_options.h).
#include "cli_command.h"
#include "run_executors.h"

#include "common/log.h"
#include "engine/parallel_run.h"
#include "report/run_report.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace eapscope::cli {

namespace {

void addOptions(CLI::App* cmd, RunOptions& o)
{
    cmd->add_option("--auth", o.authSpec, "authenticator method: bundled name or library path")
        ->capture_default_str();
    cmd->add_option("--peer", o.peerSpec, "peer method: bundled name or library path")->capture_default_str();
    cmd->add_option("--type", o.type, "EAP type to ask RasEapGetInfo for (default: probe 1..254)")
        ->check(CLI::Range(1, 254));
    cmd->add_option("--identity", o.identity, "the peer's identity")->capture_default_str();
    cmd->add_option("--password", o.password, "the peer's password")->capture_default_str();
    cmd->add_option("--auth-password", o.authPassword,
                    "the back end's password for the identity (default: --password)");
    cmd->add_option("--contexts", o.contexts, "contexts per side, on the same loaded instances")
        ->check(CLI::Range(1u, 100000u))
        ->capture_default_str();
    cmd->add_flag("--interleave", o.interleave, "run the contexts interleaved instead of one after another");
    cmd->add_option("--jobs", o.jobs,
                    "spread the contexts over N isolated host pairs run at once; the report, exit code "
                    "and --record file are those of one run (not with --interleave, --in-process, "
                    "--drop-packet or --radius)")
        ->type_name("N")
        ->check(jobsValidator())
        ->capture_default_str();
    cmd->add_flag("--json", o.json, "print one JSON document");
    cmd->add_option("--expect", o.expect, "exit 4 unless every side ends this way")
        ->check(CLI::IsMember({"success", "failure"}));
    cmd->add_option("--drop-packet", o.dropPacket, "fault injection: lose the Nth packet on the wire");
    cmd->add_option("--auth-connection-data", o.authConnectionData,
                    "the authenticator's RasEapBegin connection data: FILE or key=value text")
        ->type_name("FILE|TEXT");
    cmd->add_option("--peer-connection-data", o.peerConnectionData,
                    "the peer's RasEapBegin connection data: FILE or key=value text")
        ->type_name("FILE|TEXT");
    cmd->add_option("--peer-user-data", o.peerUserData,
                    "the peer's RasEapBegin user data: FILE or key=value text")
        ->type_name("FILE|TEXT");
    cmd->add_option("--radius", o.radius,
                    "counterpart: a real RADIUS server at HOST:PORT; EapScope is the NAS and --peer meets it "
                    "(--auth is not used)")
        ->type_name("HOST:PORT");
    cmd->add_option("--secret", o.secret, "the shared secret with the --radius server")->type_name("SECRET");
    cmd->add_option("--radius-timeout-ms", o.radiusTimeoutMs, "wait this long for each answer of the server")
        ->check(CLI::Range(1u, 600000u))
        ->capture_default_str();
    cmd->add_option("--radius-retries", o.radiusRetries, "retransmissions of an unanswered Access-Request")
        ->check(CLI::Range(0u, 20u))
        ->capture_default_str();
    addExecutorOptions(cmd, o);
}

int runCommand(const RunOptions& o)
{
    Trace trace;
    // Refused option combinations leave no --record file behind.
    const Status jobs = checkJobs(o);
    RunHooks hooks = jobs ? runHooks(o) : RunHooks{};
    auto summary =
        jobs ? runSessionJobs(o, trace, executorFactory(o), hooks) : Result<RunSummary>(jobs.failure());
    if (!summary) {
        if (o.json) {
            std::cout << nlohmann::json{{"error", summary.error()},
                                        {"sessions", nlohmann::json::array()},
                                        {"findings", nlohmann::json::array()},
                                        {"events", 0}}
                             .dump(2)
                      << "\n";
        }
        std::cerr << "eapscope-cli run: " << summary.error() << "\n";
        return kExitUsage;
    }
    finishHooks(o, trace);
    if (o.json) {
        nlohmann::json report = runReportJson(trace);
        report["outcome"] = summary->overall;
        std::cout << report.dump(2) << "\n";
    } else {
        std::cout << runReportText(trace) << "Overall: " << summary->overall << "\n";
    }
    return summary->loadFailed ? kExitUsage : sessionExitCode(trace, summary->overall, o.expect);
}

}  // namespace

CLI::Validator jobsValidator()
{
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 3 &&
                                text.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || std::stoul(text) < 1 || std::stoul(text) > 256) {
                return "'" + text + "' is not a number of jobs: give a whole number from 1 to 256";
            }
            return {};
        },
        "1..256");
}

void registerRunCommand(CLI::App& app, CommandResult& result)
{
    auto options = std::make_shared<RunOptions>();
    CLI::App* cmd =
        app.add_subcommand("run",
                           "Run a session: an authenticator and a peer method in loopback, or a peer "
                           "method against a RADIUS server (--radius)");
    addOptions(cmd, *options);
    cmd->callback([options, &result] { result.exitCode = runCommand(*options); });
}

}  // namespace eapscope::cli
