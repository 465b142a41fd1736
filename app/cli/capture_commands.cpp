// Capture commands (issue 6 parts 4, 5): `import CAPTURE -o FILE.eapscope`, `replay CAPTURE
// --conversation N --as peer|authenticator --method SPEC`, and the capture side of
// `inspect CAPTURE [--json]` (inspect_command.cpp dispatches on the file's magic).
#include "cli_command.h"
#include "inspect_command.h"

#include "capture/capture_importer.h"
#include "capture/capture_trace.h"
#include "common/text_escape.h"
#include "diagnosis/capture_diagnosis.h"
#include "replay/replay_batch.h"
#include "replay/replay_report.h"
#include "replay/replay_session.h"
#include "report/capture_report.h"
#include "store/session_writer.h"

#include <algorithm>
#include <iostream>
#include <memory>

namespace eapscope::cli {
namespace {

int inspectCapture(const InspectRequest& request)
{
    const std::string& path = request.path;
    auto capture = importCapture(path);
    if (!capture) {
        std::cerr << "eapscope-cli inspect: " << capture.error() << "\n";
        return kExitUsage;
    }
    CaptureDiagnosis diagnosis = diagnoseCapture(*capture);
    if (!request.report.empty()) {
        HtmlReportOptions options;
        options.redactIdentities = request.redactIdentities;
        if (Status written = writeCaptureReportHtml(request.output, *capture, diagnosis, options); !written) {
            std::cerr << "eapscope-cli inspect: " << written.error() << "\n";
            return kExitUsage;
        }
        std::cout << "Report of " << capture->conversations.size() << " conversation(s) written to '"
                  << request.output << "'\n";
        return kExitOk;
    }
    if (request.json) {
        std::cout << captureInspectJson(*capture, diagnosis) << "\n";
    } else {
        std::cout << captureInspectText(*capture, diagnosis);
        if (capture->packets.empty()) {
            std::cout << "No EAP packets in '" << path << "' (" << capture->frames << " frames read).\n";
        }
    }
    return kExitOk;
}

struct ImportOptionsCli {
    std::string capture, output;
    bool keepSecrets = false;
};

int importCommand(const ImportOptionsCli& o)
{
    auto capture = importCapture(o.capture);
    if (!capture) {
        std::cerr << "eapscope-cli import: " << capture.error() << "\n";
        return kExitUsage;
    }
    Trace trace = captureToTrace(*capture);
    auto writer = SessionWriter::create(o.output, o.keepSecrets);
    if (!writer) {
        std::cerr << "eapscope-cli import: " << writer.error() << "\n";
        return kExitUsage;
    }
    if (Status status = (*writer)->finish(trace); !status) {
        std::cerr << "eapscope-cli import: " << status.error() << "\n";
        return kExitInternal;
    }
    std::cout << "Imported " << capture->conversations.size() << " conversation(s), "
              << capture->packets.size() << " EAP packet(s) from '" << o.capture << "' (" << capture->frames
              << " frames) into '" << o.output << "'\n";
    for (const EapAnomaly& anomaly : capture->anomalies) {
        std::cout << "  " << toString(anomaly.severity) << " " << anomaly.id << ": " << anomaly.message
                  << "\n";
    }
    return kExitOk;
}

struct ReplayOptionsCli {
    std::string capture, role = "peer", method;
    std::string conversations = "1";
    std::optional<std::string> password;
    std::optional<std::uint32_t> type;
    std::optional<std::uint32_t> jobs;  // given: every conversation in its own isolated host
    bool json = false;
};

void printReplays(const ReplayOptionsCli& o, const std::vector<ConversationReplay>& replays)
{
    if (replays.size() == 1) {
        const ConversationReplay& r = replays.front();
        if (o.json) {
            std::cout << jsonText(replayReportJson(o.capture, r.request, r.result, r.trace)) << "\n";
        } else {
            std::cout << replayReportText(r.result, r.trace);
        }
        return;
    }
    if (o.json) {
        std::cout << jsonText(replayBatchJson(o.capture, replays)) << "\n";
        return;
    }
    for (const ConversationReplay& r : replays) {
        std::cout << "Conversation " << r.request.conversation << ":\n"
                  << replayReportText(r.result, r.trace);
    }
}

int replayCommand(const ReplayOptionsCli& o)
{
    auto capture = importCapture(o.capture);
    if (!capture) {
        std::cerr << "eapscope-cli replay: " << capture.error() << "\n";
        return kExitUsage;
    }
    auto conversations = parseConversationList(o.conversations, capture->conversations.size());
    if (!conversations) {
        std::cerr << "eapscope-cli replay: " << conversations.error() << "\n";
        return kExitUsage;
    }
    const ReplayRequest request{0, o.role == "peer" ? Side::Peer : Side::Authenticator, o.method, o.password,
                                o.type};
    const bool isolated = o.jobs.has_value();
    auto replays = replayConversations(*capture, request, *conversations, o.jobs.value_or(1),
                                       [&o, isolated] { return replayExecutor(o.method, isolated); });
    if (!replays) {
        std::cerr << "eapscope-cli replay: " << replays.error() << "\n";
        return kExitUsage;
    }
    printReplays(o, *replays);
    int exitCode = kExitOk;
    for (const ConversationReplay& r : *replays) {
        exitCode = std::max(exitCode, static_cast<int>(sessionExitCode(r.trace)));
    }
    return exitCode;
}

}  // namespace

void registerCaptureCommands(CLI::App& app, CommandResult& result)
{
    setCaptureInspector(inspectCapture);

    auto importOptions = std::make_shared<ImportOptionsCli>();
    CLI::App* importCmd =
        app.add_subcommand("import", "import a pcap/pcapng capture (optionally .gz) as a session file");
    importCmd->add_option("capture", importOptions->capture, "the capture file")->required();
    importCmd->add_option("-o,--output", importOptions->output, "the session file to write (.eapscope)")
        ->required();
    importCmd->add_flag("--keep-secrets", importOptions->keepSecrets,
                        "do not redact secrets in the session file");
    importCmd->callback([importOptions, &result] { result.exitCode = importCommand(*importOptions); });

    auto replayOptions = std::make_shared<ReplayOptionsCli>();
    CLI::App* replay =
        app.add_subcommand("replay", "replay captured conversations through a method and compare");
    replay->add_option("capture", replayOptions->capture, "the capture file")->required();
    replay
        ->add_option("--conversation", replayOptions->conversations,
                     "conversation numbers as inspect lists them: N, a list 1,3,5, a range 2-6, or all")
        ->type_name("N|LIST|all")
        ->capture_default_str();
    replay->add_option("--as", replayOptions->role, "the role the method plays")
        ->check(CLI::IsMember({"peer", "authenticator"}))
        ->capture_default_str();
    replay->add_option("--method", replayOptions->method, "bundled method name or library path")->required();
    replay->add_option("--password", replayOptions->password, "the password the role needs");
    replay->add_option("--type", replayOptions->type, "EAP type to load (default: probe)");
    replay
        ->add_option("--jobs", replayOptions->jobs,
                     "replay the conversations N at a time, each in its own isolated host (heap tracking "
                     "on); without it a .so method runs in this process, one conversation after another")
        ->type_name("N")
        ->check(jobsValidator());
    replay->add_flag("--json", replayOptions->json, "print one JSON document");
    replay->callback([replayOptions, &result] { result.exitCode = replayCommand(*replayOptions); });
}

}  // namespace eapscope::cli
