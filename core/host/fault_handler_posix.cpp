#include "host/fault_handler.h"

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
constexpr std::size_t kDyingRecords = 8192;
constexpr std::size_t kDyingBuffer = 4u << 20;
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};

std::atomic<int> g_fd{-1};
const TracerLink* g_tracer = nullptr;
std::atomic<CallRunner*> g_runner{nullptr};
std::atomic<bool> g_dying{false};
eapscope_heap_record g_records[kDyingRecords];
std::uint8_t g_buffer[kDyingBuffer];

/// A bump encoder over g_buffer: the dying path must not allocate.
class FixedWriter {
public:
    void u8(std::uint8_t v)
    {
        if (pos_ < kDyingBuffer) {
            g_buffer[pos_++] = v;
        }
    }
    void little(std::uint64_t v, int width)
    {
        for (int i = 0; i < width; ++i) {
            u8(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }
    void text(const char* s)
    {
        const std::size_t n = std::strlen(s);
        little(n, 4);
        for (std::size_t i = 0; i < n; ++i) {
            u8(static_cast<std::uint8_t>(s[i]));
        }
    }
    void patch32(std::size_t at, std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i) {
            g_buffer[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
        }
    }
    [[nodiscard]] std::size_t pos() const { return pos_; }
    [[nodiscard]] bool room(std::size_t n) const { return kDyingBuffer - pos_ > n; }

private:
    std::size_t pos_ = 0;
};

void writeAll(const std::uint8_t* data, std::size_t size)
{
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

void sendDyingSignal(int signal)
{
    std::uint8_t frame[] = {
        5, 0, 0, 0, static_cast<std::uint8_t>(wire::FrameType::Dying), static_cast<std::uint8_t>(signal),
        0, 0, 0};
    writeAll(frame, sizeof frame);
}

/// Encodes what the tracer still holds as one DyingEvents frame (no sites: symbolizing may
/// allocate, and the crash may have happened inside the allocator).
void sendDyingEvents()
{
    FixedWriter out;
    out.little(0, 4);  // body length, patched below
    out.u8(static_cast<std::uint8_t>(wire::FrameType::DyingEvents));
    const std::size_t countAt = out.pos();
    out.little(0, 4);
    std::uint32_t count = 0;
    std::size_t n = 0;
    constexpr std::size_t kEventBytes = 1 + 8 + 8 + 4 + 8 + 4 + 4 + 16;
    do {
        n = g_tracer != nullptr ? g_tracer->drainRaw(g_records, kDyingRecords) : 0;
        for (std::size_t i = 0; i < n && out.room(kEventBytes); ++i, ++count) {
            const eapscope_heap_record& r = g_records[i];
            out.u8(r.kind == EAPSCOPE_HEAP_ALLOC ? 1 : 0);
            out.little(r.address, 8);
            out.little(r.size, 8);
            out.little(r.context_tag, 4);
            out.little(r.time_ns, 8);
            out.text("");
            out.text(TracerLink::anomalyOf(r.kind));
        }
    } while (n == kDyingRecords && out.room(kDyingRecords));
    out.patch32(countAt, count);
    out.patch32(0, static_cast<std::uint32_t>(out.pos() - wire::kFrameHeaderSize));
    writeAll(g_buffer, out.pos());
}

void reportDying(int signal)
{
    if (g_dying.exchange(true)) {
        return;
    }
    sendDyingSignal(signal);
    sendDyingEvents();
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
