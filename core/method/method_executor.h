// The one interface the session engine drives a method through: in-process (tests, benchmarks)
// or in an isolated eapscope-host process (everything interactive). DESIGN.md "Processes".
#pragma once

#include "common/result.h"
#include "method/call_types.h"

#include <cstdint>

namespace eapscope {

class MethodExecutor {
public:
    virtual ~MethodExecutor() = default;

    /// dlopen + RasEapGetInfo (+ type probing). Never calls RasEapInitialize.
    virtual LoadReport load(const LoadRequest& request) = 0;

    /// RasEapInitialize(TRUE/FALSE); a NULL pointer is honoured (result NO_ERROR, not called).
    virtual CallOutcome initialize(bool initialize) = 0;
    virtual CallOutcome begin(const BeginRequest& request) = 0;
    virtual CallOutcome makeMessage(const MakeMessageRequest& request) = 0;
    virtual CallOutcome end(std::uint32_t contextTag, std::uint64_t workBuffer) = 0;

    /// Heap events that happened outside calls since the last call (e.g. after unload).
    virtual std::vector<HeapEvent> drainHeapEvents() { return {}; }

    /// Unloads the library (after Initialize(FALSE)). Idempotent.
    virtual void unload() = 0;

    /// False once the process behind it died or was killed (isolated hosts).
    [[nodiscard]] virtual bool alive() const { return true; }

    // Step back (GUI issue): a checkpoint is the method's whole state at a call boundary.
    [[nodiscard]] virtual bool supportsCheckpoints() const { return false; }
    virtual Result<std::uint32_t> checkpoint() { return makeError("checkpoints are not supported by this executor"); }
    virtual Status restore(std::uint32_t /*checkpoint*/) { return makeError("checkpoints are not supported by this executor"); }
};

}  // namespace eapscope
