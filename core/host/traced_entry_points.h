// Wraps a method's PPP_EAP_INFO entry points so that exactly the method's own code runs under
// its context tag: the tracer records the method's allocations and not the CallRunner's
// bookkeeping around the call (the tracer tracks, but never records, host code). It also tells
// the fatal-signal handler whether a method call is in flight.
//
// One wrapped method per process (the host loads one method), so the state is static.
#pragma once

#include "host/tracer_link.h"

#include <eapscope/raseap.h>

#include <cstdint>

namespace eapscope {

class TracedEntryPoints {
public:
    /// Returns `info` with every non-NULL entry point replaced by a trampoline.
    static PPP_EAP_INFO wrap(const PPP_EAP_INFO& info, const TracerLink& tracer);
    /// The tag the next call runs under (ContextId + 1, 0 = instance-owned).
    static void setNextTag(std::uint32_t tag);
    /// True while the method's code runs (async-signal-safe).
    static bool inMethod();
};

}  // namespace eapscope
