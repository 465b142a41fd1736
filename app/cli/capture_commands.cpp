// Capture commands (issue 6 parts 4, 5): `import CAPTURE -o FILE.eapscope`, `replay CAPTURE
// --conversation N --as peer|authenticator --method SPEC`, and the capture side of
// `inspect CAPTURE [--json]` (inspect_command.cpp dispatches on the file's magic).
#include "cli_command.h"
#include "inspect_command.h"

#include "capture/capture_importer.h"
#include "capture/capture_trace.h"
#include "common/text_escape.h"
#include "diagnosis/capture_diagnosis.h"
#include "host/host_executor.h"
#include "method/in_process_executor.h"
#include "method/library_format.h"
#include "method/method_resolver.h"
#include "replay/replay_report.h"
#include "replay/replay_session.h"
#include "report/capture_report.h"
#include "store/session_writer.h"

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
    std::uint32_t conversation = 1;
    std::optional<std::string> password;
    std::optional<std::uint32_t> type;
    bool json = false;
};

/// A Windows x64 DLL runs only in eapscope-host.exe (under Wine); other methods in this process.
std::unique_ptr<MethodExecutor> replayExecutor(const std::string& spec)
{
    const Result<std::string> path = resolveMethodSpec(spec);
    if (path && detectLibraryFormat(*path).kind == LibraryFormat::Kind::WindowsX64) {
        return std::make_unique<HostExecutor>(HostOptions{});
    }
    return std::make_unique<InProcessExecutor>();
}

int replayCommand(const ReplayOptionsCli& o)
{
    auto capture = importCapture(o.capture);
    if (!capture) {
        std::cerr << "eapscope-cli replay: " << capture.error() << "\n";
        return kExitUsage;
    }
    Trace trace;
    const std::unique_ptr<MethodExecutor> executor = replayExecutor(o.method);
    ReplayRequest request{o.conversation, o.role == "peer" ? Side::Peer : Side::Authenticator, o.method,
                          o.password, o.type};
    auto result = replayConversation(*capture, request, *executor, trace);
    if (!result) {
        std::cerr << "eapscope-cli replay: " << result.error() << "\n";
        return kExitUsage;
    }
    if (o.json) {
        std::cout << jsonText(replayReportJson(o.capture, request, *result, trace)) << "\n";
    } else {
        std::cout << replayReportText(*result, trace);
    }
    return sessionExitCode(trace);
}

}  // namespace

void registerCaptureCommands(CLI::App& app, CommandResult& result)
{
    setCaptureInspector(inspectCapture);

    auto importOptions = std::make_shared<ImportOptionsCli>();
    CLI::App* import =
        app.add_subcommand("import", "import a pcap/pcapng capture (optionally .gz) as a session file");
    import->add_option("capture", importOptions->capture, "the capture file")->required();
    import->add_option("-o,--output", importOptions->output, "the session file to write (.eapscope)")
        ->required();
    import->add_flag("--keep-secrets", importOptions->keepSecrets,
                     "do not redact secrets in the session file");
    import->callback([importOptions, &result] { result.exitCode = importCommand(*importOptions);
});

auto replayOptions = std::make_shared<ReplayOptionsCli>();
CLI::App* replay =
    app.add_subcommand("replay", "replay a captured conversation through a method and compare");
replay->add_option("capture", replayOptions->capture, "the capture file")->required();
replay
    ->add_option("--conversation", replayOptions->conversation, "conversation number, as inspect lists them")
    ->capture_default_str();
replay->add_option("--as", replayOptions->role, "the role the method plays")
    ->check(CLI::IsMember({"peer", "authenticator"}))
    ->capture_default_str();
replay->add_option("--method", replayOptions->method, "bundled method name or library path")->required();
replay->add_option("--password", replayOptions->password, "the password the role needs");
replay->add_option("--type", replayOptions->type, "EAP type to load (default: probe)");
replay->add_flag("--json", replayOptions->json, "print one JSON document");
replay->callback([replayOptions, &result] { result.exitCode = replayCommand(*replayOptions); });
}  // namespace eapscope::cli

}  // namespace eapscope::cli
