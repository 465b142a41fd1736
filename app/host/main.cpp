// eapscope-host: loads one EAP method and runs its calls for the controller (issue 3 part 1).
// Started by HostExecutor, never by hand:
//   eapscope-host --fd N --write-fd M [--controller PID] [--guard] [--stacks] [--limit-as BYTES]
// (requests are read from fd N, replies written to fd M: one socket per direction)
#include "host/host_server.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

bool parse(int argc, char** argv, eapscope::HostServerOptions& options, unsigned long long& limitAs)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--fd" && hasValue) {
            options.fd = std::atoi(argv[++i]);
        } else if (arg == "--write-fd" && hasValue) {
            options.writeFd = std::atoi(argv[++i]);
        } else if (arg == "--controller" && hasValue) {
            options.controller = static_cast<pid_t>(std::atol(argv[++i]));
        } else if (arg == "--limit-as" && hasValue) {
            limitAs = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--guard") {
            options.guard = true;
        } else if (arg == "--stacks") {
            options.stacks = true;
        } else {
            return false;
        }
    }
    return options.fd >= 0 && options.writeFd >= 0;
}

}  // namespace

int main(int argc, char** argv)
{
    eapscope::HostServerOptions options;
    unsigned long long limitAs = 0;
    if (!parse(argc, argv, options, limitAs)) {
        std::fprintf(stderr,
                     "eapscope-host: started by EapScope only (--fd N --write-fd M [--controller PID] "
                     "[--guard] [--stacks] [--limit-as BYTES])\n");
        return 2;
    }
    const rlimit noCore{0, 0};  // a crashing method must not leave core files behind
    ::setrlimit(RLIMIT_CORE, &noCore);
    if (limitAs > 0) {
        const rlimit addressSpace{limitAs, limitAs};
        ::setrlimit(RLIMIT_AS, &addressSpace);
    }
    eapscope::HostServer server(options);
    return server.run();
}
