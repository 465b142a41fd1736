// eapscope-host.exe's fault handling. Guard pages (send buffer overflow, Begin-only input used
// later) are resolved in a vectored exception handler, which sees the access violation first:
// the page is opened and the access resumes, exactly as the POSIX SIGSEGV handler does. Every
// other exception is left to the method's own handlers; one that nobody handles reaches the
// unhandled-exception filter, which reports it and ends the process with its code.
#include "host/fault_handler.h"

#include "host/dying_frames.h"
#include "host/import_hooks.h"
#include "method/call_runner.h"

#include <windows.h>
// io.h after windows.h: _get_osfhandle.
#include <io.h>

#include <atomic>
#include <cstdio>

namespace eapscope {

namespace {

constexpr DWORD kAbortCode = 0x40000015;  // STATUS_FATAL_APP_EXIT, what abort() ends with on Windows

std::atomic<HANDLE> g_out{INVALID_HANDLE_VALUE};
const TracerLink* g_tracer = nullptr;
std::atomic<CallRunner*> g_runner{nullptr};
std::atomic<bool> g_dying{false};

void writeAll(std::span<const std::uint8_t> bytes)
{
    HANDLE out = g_out.load();
    std::size_t done = 0;
    while (done < bytes.size() && out != INVALID_HANDLE_VALUE) {
        DWORD wrote = 0;
        if (!WriteFile(out, bytes.data() + done, static_cast<DWORD>(bytes.size() - done), &wrote, nullptr) ||
            wrote == 0) {
            return;
        }
        done += wrote;
    }
}

void reportDying(DWORD code, const char* detail)
{
    if (g_dying.exchange(true)) {
        return;
    }
    std::uint8_t frame[9];
    writeAll(dying::signalFrame(code, frame));
    writeAll(dying::eventsFrame(g_tracer));
    if (detail != nullptr) {
        writeAll(dying::textFrame(detail));
    }
}

const char* exceptionName(DWORD code)
{
    switch (code) {
        case EXCEPTION_ACCESS_VIOLATION:
            return "access violation";
        case EXCEPTION_STACK_OVERFLOW:
            return "stack overflow";
        case EXCEPTION_ILLEGAL_INSTRUCTION:
            return "illegal instruction";
        case EXCEPTION_INT_DIVIDE_BY_ZERO:
            return "integer division by zero";
        case EXCEPTION_PRIV_INSTRUCTION:
            return "privileged instruction";
        case EXCEPTION_IN_PAGE_ERROR:
            return "in-page error";
        case EXCEPTION_BREAKPOINT:
            return "breakpoint";
        case 0xC0000409:
            return "stack buffer overrun (fail fast)";
        case 0xE06D7363:
            return "unhandled C++ exception";
        case kAbortCode:
            return "abort()";
        default:
            return "exception";
    }
}

LONG CALLBACK onFirstChance(EXCEPTION_POINTERS* info)
{
    const EXCEPTION_RECORD* record = info->ExceptionRecord;
    CallRunner* runner = g_runner.load();
    if (record->ExceptionCode != EXCEPTION_ACCESS_VIOLATION || runner == nullptr ||
        record->NumberParameters < 2) {
        return EXCEPTION_CONTINUE_SEARCH;
    }
    const auto* address = reinterpret_cast<const void*>(record->ExceptionInformation[1]);
    if (runner->sendGuardOffset(address)) {
        return runner->resumeSendOverflow(address) ? EXCEPTION_CONTINUE_EXECUTION : EXCEPTION_CONTINUE_SEARCH;
    }
    if (runner->isPoisonedInput(address)) {
        return runner->unpoisonInput(address) ? EXCEPTION_CONTINUE_EXECUTION : EXCEPTION_CONTINUE_SEARCH;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

LONG WINAPI onUnhandled(EXCEPTION_POINTERS* info)
{
    const EXCEPTION_RECORD* record = info->ExceptionRecord;
    static char detail[512];
    const std::string where = ImportHooks::describeAddress(record->ExceptionAddress);
    int used = std::snprintf(detail, sizeof detail, "exception 0x%08lX (%s) at %s",
                             static_cast<unsigned long>(record->ExceptionCode),
                             exceptionName(record->ExceptionCode), where.c_str());
    if (record->ExceptionCode == EXCEPTION_ACCESS_VIOLATION && record->NumberParameters >= 2 && used > 0) {
        const ULONG_PTR kind = record->ExceptionInformation[0];
        std::snprintf(detail + used, sizeof detail - static_cast<std::size_t>(used), ", %s address 0x%llx",
                      kind == 1 ? "writing" : (kind == 8 ? "executing" : "reading"),
                      static_cast<unsigned long long>(record->ExceptionInformation[1]));
    }
    reportDying(record->ExceptionCode, detail);
    TerminateProcess(GetCurrentProcess(), record->ExceptionCode);
    return EXCEPTION_EXECUTE_HANDLER;
}

}  // namespace

void FaultHandler::install(int fd, const TracerLink& tracer)
{
    setFd(fd);
    g_tracer = &tracer;
    // No error dialogs: a crash must end the host, not wait for a click.
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
    ULONG reserve = 64 * 1024;  // room for the filter after a stack overflow
    SetThreadStackGuarantee(&reserve);
    AddVectoredExceptionHandler(1, onFirstChance);
    SetUnhandledExceptionFilter(onUnhandled);
}

void FaultHandler::setFd(int fd)
{
    g_out.store(reinterpret_cast<HANDLE>(_get_osfhandle(fd)));
}

void FaultHandler::setRunner(CallRunner* runner)
{
    g_runner.store(runner);
}

void FaultHandler::reportExit()
{
    reportDying(0, nullptr);
}

void FaultHandler::reportAbort()
{
    reportDying(kAbortCode, "abort() called by the method");
}

}  // namespace eapscope
