// eapscope-host.exe: the method host for Windows x64 DLLs, started by HostExecutor (through
// Wine on Linux): the wire protocol travels over standard input and output.
//   eapscope-host.exe [--controller PID] [--guard] [--stacks] [--random-seed HEX64]
#include "host/host_server.h"
#include "host/import_hooks.h"

#include <windows.h>
// io.h and fcntl.h after windows.h: the C runtime's descriptor calls.
#include <fcntl.h>
#include <io.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

bool parse(int argc, char** argv, eapscope::HostServerOptions& options)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--controller" && i + 1 < argc) {
            options.controller = static_cast<pid_t>(std::atol(argv[++i]));
        } else if (arg == "--guard") {
            options.guard = true;
        } else if (arg == "--stacks") {
            options.stacks = true;
        } else if (arg == "--random-seed" && i + 1 < argc) {
            eapscope::ImportHooks::setRandomSeed(argv[++i]);
        } else {
            return false;
        }
    }
    return true;
}

/// Keeps the channel on private descriptors and points the process's standard output at its
/// standard error, so that a method that prints cannot corrupt the protocol stream.
bool takeStandardStreams(eapscope::HostServerOptions& options)
{
    options.fd = _dup(0);
    options.writeFd = _dup(1);
    if (options.fd < 0 || options.writeFd < 0) {
        return false;
    }
    _setmode(options.fd, _O_BINARY);
    _setmode(options.writeFd, _O_BINARY);
    std::fflush(stdout);
    _dup2(2, 1);
    SetStdHandle(STD_OUTPUT_HANDLE, GetStdHandle(STD_ERROR_HANDLE));
    const int nothing = _open("NUL", _O_RDONLY);
    if (nothing >= 0) {
        _dup2(nothing, 0);
        _close(nothing);
        SetStdHandle(STD_INPUT_HANDLE, reinterpret_cast<HANDLE>(_get_osfhandle(0)));
    }
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    eapscope::HostServerOptions options;
    if (!parse(argc, argv, options)) {
        std::fprintf(
            stderr,
            "eapscope-host.exe: started by EapScope only ([--controller PID] [--guard] [--stacks])\n");
        return 2;
    }
    if (!takeStandardStreams(options)) {
        std::fprintf(stderr,
                     "eapscope-host.exe: standard input and output must be the controller's channel\n");
        return 2;
    }
    eapscope::HostServer server(options);
    return server.run();
}
