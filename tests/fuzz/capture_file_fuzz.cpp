// libFuzzer target: a whole capture file through libpcap and the importer (issue 6 part 7).
// The bytes go to a memfd so the importer opens them by path, exactly as a user's file.
#include "capture/capture_importer.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const int fd = memfd_create("eapscope-capture-fuzz", 0);
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
        return 0;
    }
    auto imported = eapscope::importCapture("/proc/self/fd/" + std::to_string(fd));
    (void)imported;
    return 0;
}
