#include "host/fault_handler.h"

#include "host/dying_frames.h"
#include "host/traced_entry_points.h"
#include "host/wire_protocol.h"
#include "method/call_runner.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace eapscope {

namespace {

constexpr std::size_t kAltStackBytes = 256 * 1024;
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};

std::atomic<int> g_fd{-1};
const TracerLink* g_tracer = nullptr;
std::atomic<CallRunner*> g_runner{nullptr};
std::atomic<bool> g_dying{false};

void writeAll(std::span<const std::uint8_t> bytes)
{
    const std::uint8_t* data = bytes.data();
    std::size_t size = bytes.size();
    const int fd = g_fd.load();
    while (size > 0 && fd >= 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void reportDying(int signal)
{
    if (g_dying.exchange(true)) {
        return;
    }
    std::uint8_t frame[9];
    writeAll(dying::signalFrame(static_cast<std::uint32_t>(signal), frame));
    writeAll(dying::eventsFrame(g_tracer));
}

bool resolveGuardFault(const siginfo_t* info)
{
    CallRunner* runner = g_runner.load();
    if (runner == nullptr || info == nullptr) {
        return false;
    }
    const void* address = info->si_addr;
    if (runner->sendGuardOffset(address)) {
        return runner->resumeSendOverflow(address);
    }
    if (runner->isPoisonedInput(address)) {
        return runner->unpoisonInput(address);
    }
    return false;
}

void onFatal(int signal, siginfo_t* info, void* /*context*/)
{
    if ((signal == SIGSEGV || signal == SIGBUS) && resolveGuardFault(info)) {
        return;  // the faulting access resumes on the opened page
    }
    reportDying(signal);
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    ::sigaction(signal, &fallback, nullptr);
    ::raise(signal);  // blocked until we return; a synchronous fault also re-faults
}

void onHangNudge(int /*signal*/)
{
    reportDying(SIGUSR2);
}

void onExit()
{
    if (TracedEntryPoints::inMethod()) {
        reportDying(0);  // exit() from inside a method; the wait status carries its code
    }
}

void installAltStack()
{
    void* stack = ::mmap(nullptr, kAltStackBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (stack == MAP_FAILED) {
        return;
    }
    stack_t alt{};
    alt.ss_sp = stack;
    alt.ss_size = kAltStackBytes;
    ::sigaltstack(&alt, nullptr);
}

}  // namespace

void FaultHandler::install(int fd, const TracerLink& tracer)
{
    g_fd.store(fd);
    g_tracer = &tracer;
    installAltStack();
    struct sigaction action {};
    action.sa_sigaction = onFatal;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (const int signal : kFatalSignals) {
        ::sigaction(signal, &action, nullptr);
    }
    struct sigaction nudge {};
    nudge.sa_handler = onHangNudge;
    nudge.sa_flags = SA_ONSTACK | SA_RESTART;
    sigemptyset(&nudge.sa_mask);
    ::sigaction(SIGUSR2, &nudge, nullptr);
    std::atexit(onExit);
}

void FaultHandler::setFd(int fd)
{
    g_fd.store(fd);
}

void FaultHandler::setRunner(CallRunner* runner)
{
    g_runner.store(runner);
}

}  // namespace eapscope
