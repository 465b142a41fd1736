// The host's view of the preloaded heap tracer (host/tracer_api.h), found at run time
// with dlsym(RTLD_DEFAULT, …): absent when the host runs without LD_PRELOAD, and then every
// operation is a no-op and calls carry no heap events.
#pragma once

#include "method/call_types.h"

#include "host/tracer_api.h"

#include <cstdint>
#include <vector>

namespace eapscope {

class TracerLink {
public:
    TracerLink();

    [[nodiscard]] bool active() const { return drain_ != nullptr && setContext_ != nullptr; }
    void configure(bool stacks, bool quarantine) const;
    /// The tag the tracer attributes this thread's allocations to (EAPSCOPE_TRACER_OUTSIDE_CALL
    /// for host code, which is tracked but never recorded).
    void setContext(std::uint32_t tag) const;
    /// Right after RasEapEnd(tag) returned: the tracer reports the context's live blocks still
    /// reachable from the method's globals as RETAINED (kept by the instance, not leaked).
    void contextEnded(std::uint32_t tag) const;
    /// Appends every pending record as a HeapEvent (raw CLOCK_MONOTONIC times).
    void drainInto(std::vector<HeapEvent>& out) const;

    /// Raw access for the fatal-signal path, which must not allocate.
    std::size_t drainRaw(eapscope_heap_record* out, std::size_t max) const;
    [[nodiscard]] const char* site(std::uint32_t index) const;

    /// Kind → HeapEvent: 1 alloc, 2 free, 3/4 a free with DOUBLE_FREE/INVALID_FREE,
    /// 5 a free-side event with USE_AFTER_FREE (the quarantine saw the poison overwritten),
    /// 6 RETAINED (see contextEnded): the names HeapLedger (heapAuxFromAnomaly) reads.
    static const char* anomalyOf(std::uint8_t kind);

private:
    using SetContextFn = void (*)(std::uint32_t);
    using DrainFn = std::size_t (*)(eapscope_heap_record*, std::size_t);
    using SiteFn = const char* (*)(std::uint32_t);
    using ConfigureFn = void (*)(int, int);
    using ContextEndedFn = void (*)(std::uint32_t);

    SetContextFn setContext_ = nullptr;
    DrainFn drain_ = nullptr;
    SiteFn site_ = nullptr;
    ConfigureFn configure_ = nullptr;
    ContextEndedFn contextEnded_ = nullptr;
};

}  // namespace eapscope
