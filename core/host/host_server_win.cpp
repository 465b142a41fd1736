// The Windows half of HostServer (eapscope-host.exe): the method's imports are patched for
// heap, random and process-ending calls (app/host/windows/import_hooks.cpp), threads are
// counted with a Toolhelp snapshot, and checkpoints are refused: there is no fork on Windows,
// so the controller steps back by re-executing the recorded calls in a fresh host.
#include "host/host_server.h"

#include "host/fault_handler.h"
#include "host/import_hooks.h"
#include "host/wire_messages.h"

#include <windows.h>
// tlhelp32.h needs windows.h first.
#include <tlhelp32.h>

namespace eapscope {

HostServer::HostServer(const HostServerOptions& options)
    : options_(options), channel_(options.fd, options.writeFd < 0 ? options.fd : options.writeFd)
{
    tracer_.configure(options.stacks, options.guard);
    FaultHandler::install(options.writeFd < 0 ? options.fd : options.writeFd, tracer_);
}

std::uint32_t HostServer::processId()
{
    return static_cast<std::uint32_t>(GetCurrentProcessId());
}

void HostServer::prepareInstrumentation(const std::string& path)
{
    ImportHooks::patchWhileLoading(path);
}

void HostServer::instrument()
{
    ImportHooks::patch(library_.library().nativeHandle());
}

std::uint32_t HostServer::threadCount()
{
    HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
    if (snapshot == INVALID_HANDLE_VALUE) {
        return 1;
    }
    const DWORD self = GetCurrentProcessId();
    std::uint32_t count = 0;
    THREADENTRY32 entry{};
    entry.dwSize = sizeof entry;
    for (BOOL more = Thread32First(snapshot, &entry); more; more = Thread32Next(snapshot, &entry)) {
        count += entry.th32OwnerProcessID == self ? 1 : 0;
    }
    CloseHandle(snapshot);
    return count == 0 ? 1 : count;
}

void HostServer::checkpoint()
{
    wire::CheckpointResult result;
    result.message =
        "a Windows host cannot fork a checkpoint; step back re-executes the recorded calls in a fresh host";
    reply(wire::FrameType::CheckpointReply, wire::encodePayload(result));
}

void HostServer::waitForResume()
{
}

void HostServer::reapCopies()
{
}

}  // namespace eapscope
