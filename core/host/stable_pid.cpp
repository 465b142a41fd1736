#include "host/stable_pid.h"

#include <sys/syscall.h>
#include <unistd.h>

namespace {
pid_t g_frozen = 0;
}

extern "C" pid_t getpid() noexcept
{
    return g_frozen != 0 ? g_frozen : static_cast<pid_t>(::syscall(SYS_getpid));
}

namespace eapscope {

void StablePid::freeze()
{
    g_frozen = real();
}

pid_t StablePid::real()
{
    return static_cast<pid_t>(::syscall(SYS_getpid));
}

}  // namespace eapscope
