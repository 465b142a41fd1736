#include "method/in_process_executor.h"

#include "method/library_format.h"

#include <eapscope/raseap.h>

namespace eapscope {

InProcessExecutor::~InProcessExecutor()
{
    unload();
}

namespace {

bool isWindowsDll(const std::string& path)
{
    const LibraryFormat::Kind kind = detectLibraryFormat(path).kind;
    return kind == LibraryFormat::Kind::WindowsX64 || kind == LibraryFormat::Kind::Windows32 ||
           kind == LibraryFormat::Kind::WindowsOther;
}

LoadReport refuseWindowsDll(const LoadRequest& request)
{
    LoadReport refused;
    refused.path = request.path;
    refused.name = request.displayName;
    refused.error =
        request.path +
        " is a Windows DLL, which only the Windows method host (eapscope-host.exe under Wine) loads: "
        "run it without --in-process";
    refused.findings.push_back({"LOAD_LIBRARY_FAILED", refused.error});
    return refused;
}

}  // namespace

LoadReport InProcessExecutor::load(const LoadRequest& request)
{
    unload();
    if (isWindowsDll(request.path)) {
        return refuseWindowsDll(request);
    }
    LoadReport report = library_.open(request);
    if (report.ok) {
        runner_ = std::make_unique<CallRunner>(library_.info(), mode_);
    }
    return report;
}

// Calling before a successful load is a host bug; answer like an entry point that failed.
CallOutcome InProcessExecutor::notLoaded(EntryPoint entry) const
{
    CallOutcome outcome;
    outcome.entry = entry;
    outcome.result = ERROR_DLL_INIT_FAILED;
    outcome.skipped = true;
    return outcome;
}

CallOutcome InProcessExecutor::initialize(bool initialize)
{
    if (!runner_) {
        return notLoaded(initialize ? EntryPoint::Initialize : EntryPoint::Uninitialize);
    }
    return runner_->initialize(initialize);
}

CallOutcome InProcessExecutor::begin(const BeginRequest& request)
{
    return runner_ ? runner_->begin(request) : notLoaded(EntryPoint::Begin);
}

CallOutcome InProcessExecutor::makeMessage(const MakeMessageRequest& request)
{
    return runner_ ? runner_->makeMessage(request) : notLoaded(EntryPoint::MakeMessage);
}

CallOutcome InProcessExecutor::end(std::uint32_t contextTag, std::uint64_t workBuffer)
{
    return runner_ ? runner_->end(contextTag, workBuffer) : notLoaded(EntryPoint::End);
}

void InProcessExecutor::unload()
{
    runner_.reset();
    library_.close();
}

}  // namespace eapscope
