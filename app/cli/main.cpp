// eapscope-cli: everything the GUI runs, for scripts and method developers' CI (DESIGN.md
// "Command line"). A thin main(): each subcommand lives in its own *_command.cpp.
#include "cli_command.h"

#include "common/log.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    using namespace eapscope::cli;
    CLI::App app{"EapScope command line: run and inspect RAS EAP methods", "eapscope-cli"};
    app.require_subcommand(1);
    CommandResult result;
    std::string logLevel = "warn";
    app.add_option("--log-level", logLevel, "trace, debug, info, warn, error or off")->capture_default_str();
    app.parse_complete_callback([&logLevel] { eapscope::setLogLevel(logLevel); });
    registerMethodsCommand(app, result);
    registerRunCommand(app, result);
    registerInspectCommand(app, result);
    registerExportCommand(app, result);
    registerCaptureCommands(app, result);
    registerLessonCommand(app, result);
    registerServeCommand(app, result);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "eapscope-cli: internal error: " << e.what() << "\n";
        return kExitInternal;
    }
    return result.exitCode;
}
