// `eapscope-cli export FILE --format json|csv [--output OUT]` (issue 4 part 5): the events of a
// session file as text, so sessions can be diffed and scripted.
#include "cli_command.h"

#include "store/session_export.h"
#include "store/session_reader.h"

#include <fstream>
#include <iostream>
#include <memory>

namespace eapscope::cli {

namespace {

struct ExportOptions {
    std::string path;
    std::string format = "json";
    std::string output;  // empty = stdout
};

int exportCommand(const ExportOptions& o)
{
    auto format = parseExportFormat(o.format);
    if (!format) {
        std::cerr << "eapscope-cli export: " << format.error() << "\n";
        return kExitUsage;
    }
    auto trace = readSession(o.path);
    if (!trace) {
        std::cerr << "eapscope-cli export: " << trace.error() << "\n";
        return kExitUsage;
    }
    if (o.output.empty()) {
        exportEvents(trace.value(), format.value(), std::cout);
        return std::cout ? kExitOk : kExitInternal;
    }
    std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
    if (!out) {
        std::cerr << "eapscope-cli export: " << o.output << ": cannot write\n";
        return kExitUsage;
    }
    exportEvents(trace.value(), format.value(), out);
    return out ? kExitOk : kExitInternal;
}

}  // namespace

void registerExportCommand(CLI::App& app, CommandResult& result)
{
    auto options = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "Write the events of a session file as JSON or CSV");
    cmd->add_option("file", options->path, "session file (.eapscope)")->required();
    cmd->add_option("--format", options->format, "json or csv")->capture_default_str();
    cmd->add_option("--output,-o", options->output, "write to this file instead of standard output");
    cmd->callback([options, &result] { result.exitCode = exportCommand(*options); });
}

}  // namespace eapscope::cli
