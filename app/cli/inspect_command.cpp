#include "inspect_command.h"

#include "cli_command.h"
#include "common/text_escape.h"
#include "input/input_kind.h"
#include "report/run_report.h"
#include "store/session_reader.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace eapscope::cli {

namespace {

CaptureInspector& captureInspector()
{
    static CaptureInspector inspector;
    return inspector;
}

void printText(const std::string& path, const Trace& trace, const std::string& outcome, std::ostream& out)
{
    out << "Session file: " << path
        << (sessionIsIncomplete(trace) ? " (INCOMPLETE: the recording was cut short)\n" : " (complete)\n");
    if (auto damaged = trace.option("damaged")) {
        out << "Damaged: " << *damaged << "\n";
    }
    out << "Events: " << trace.size() << ", packets: " << trace.packetCount()
        << ", contexts: " << trace.contexts().size() << ", findings: " << trace.findings().size() << "\n";
    for (const auto& [key, value] : trace.options()) {
        out << "  " << key << " = " << value << "\n";
    }
    out << runReportText(trace) << "Overall: " << outcome << "\n";
}

}  // namespace

void setCaptureInspector(CaptureInspector inspector)
{
    captureInspector() = std::move(inspector);
}

int inspectSessionFile(const std::string& path, bool json, std::ostream& out, std::ostream& err)
{
    auto trace = readSession(path);
    if (!trace) {
        if (json) {
            out << jsonText(nlohmann::json{{"error", trace.error()}, {"file", path}}) << "\n";
        }
        err << "eapscope-cli inspect: " << trace.error() << "\n";
        return kExitUsage;
    }
    nlohmann::json report = runReportJson(trace.value());
    const std::string outcome = overallOutcome(trace.value());
    if (json) {
        report["outcome"] = outcome;
        report["file"] = {
            {"path", path}, {"complete", !sessionIsIncomplete(trace.value())}, {"options", trace->options()}};
        out << jsonText(report) << "\n";
    } else {
        printText(path, trace.value(), outcome, out);
    }
    return sessionExitCode(trace.value());
}

void registerInspectCommand(CLI::App& app, CommandResult& result)
{
    auto request = std::make_shared<InspectRequest>();
    CLI::App* cmd =
        app.add_subcommand("inspect", "Print a recorded session (or a capture): summary, contexts, findings");
    cmd->add_option("file", request->path, "session file (.eapscope) or capture (pcap/pcapng)")->required();
    cmd->add_flag("--json", request->json, "print one JSON document, as run --json does");
    cmd->add_option("--report", request->report, "write a report of a capture for a ticket")
        ->check(CLI::IsMember({"html"}));
    cmd->add_option("-o,--output", request->output, "the report file (with --report)");
    cmd->add_flag("--redact-identities", request->redactIdentities,
                  "replace user identities in the report by identity-1, identity-2, ...");
    cmd->callback([request, &result] {
        const std::string& path = request->path;
        if (!request->report.empty() && request->output.empty()) {
            std::cerr << "eapscope-cli inspect: --report " << request->report << " needs -o FILE\n";
            result.exitCode = kExitUsage;
            return;
        }
        auto kind = sniffInputKind(path);
        if (!kind) {
            if (request->json) {
                std::cout << jsonText(nlohmann::json{{"error", kind.error()}, {"file", path}}) << "\n";
            }
            std::cerr << "eapscope-cli inspect: " << kind.error() << "\n";
            result.exitCode = kExitUsage;
            return;
        }
        if (*kind == InputKind::Capture) {
            if (captureInspector()) {
                result.exitCode = captureInspector()(*request);
                return;
            }
            std::cerr << "eapscope-cli inspect: " << path << ": a capture file; use eapscope-cli import\n";
            result.exitCode = kExitUsage;
            return;
        }
        if (!request->report.empty()) {
            std::cerr << "eapscope-cli inspect: " << path << ": --report is for captures (pcap/pcapng)\n";
            result.exitCode = kExitUsage;
            return;
        }
        result.exitCode = inspectSessionFile(path, request->json, std::cout, std::cerr);
    });
}

}  // namespace eapscope::cli
