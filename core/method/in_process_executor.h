// The method loaded into this process (tests, benchmarks, the engine's fast path): the
// loader is MethodLibrary, every call goes through CallRunner with canary guards. A crash of
// the method is a crash of this process — interactive use goes through HostExecutor instead.
#pragma once

#include "method/call_runner.h"
#include "method/method_executor.h"
#include "method/method_library.h"

#include <memory>

namespace eapscope {

class InProcessExecutor : public MethodExecutor {
public:
    InProcessExecutor() = default;
    explicit InProcessExecutor(GuardMode mode) : mode_(mode) {}
    ~InProcessExecutor() override;

    LoadReport load(const LoadRequest& request) override;
    CallOutcome initialize(bool initialize) override;
    CallOutcome begin(const BeginRequest& request) override;
    CallOutcome makeMessage(const MakeMessageRequest& request) override;
    CallOutcome end(std::uint32_t contextTag, std::uint64_t workBuffer) override;
    void unload() override;

    /// The runner of the loaded library (nullptr before load), for hosts handling faults.
    [[nodiscard]] CallRunner* runner() { return runner_.get(); }

private:
    CallOutcome notLoaded(EntryPoint entry) const;

    GuardMode mode_ = GuardMode::Canary;
    MethodLibrary library_;
    std::unique_ptr<CallRunner> runner_;
};

}  // namespace eapscope
