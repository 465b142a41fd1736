// getpid() as the method sees it inside eapscope-host: the pid of the host as first started,
// also in every checkpoint copy. OpenSSL (3.x) reseeds its DRBG whenever getpid() changes, to
// protect forked children; for step back that protection is exactly wrong: a restored copy must
// draw the same "random" challenge the original drew, or the replay diverges (issue 5).
// The executable's definition of getpid wins over libc's for every library it loads.
#pragma once

#include <sys/types.h>

namespace eapscope {

class StablePid {
public:
    /// Freezes getpid() at the current real pid (once, at host start).
    static void freeze();
    /// The kernel's pid of this process (never the frozen one).
    static pid_t real();
};

}  // namespace eapscope
