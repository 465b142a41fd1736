#include "host/host_executor.h"

#include "common/install_layout.h"
#include "common/log.h"
#include "host/wire_messages.h"
#include "method/library_format.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <thread>

namespace eapscope {

namespace {

constexpr int kStartupMs = 10000;  // loading the tracer and libdw can take a moment
constexpr int kWineStartupMs =
    60000;  // Wine makes a new prefix on first use (~6 s here, more on a slow disk)
constexpr const char* kDefaultWine = "/usr/lib/wine/wine64";
constexpr int kWineStartAttempts = 3;
constexpr int kDyingGraceMs = 2000;  // a host that said Dying gets this long to finish dying
constexpr int kHungEventsMs = 500;   // a nudged hung host gets this long to send its events
constexpr std::uint32_t kFailedResult = 0xFFFFFFFFu;

std::uint64_t monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::uint64_t>(now.tv_sec) * 1000000000ull + static_cast<std::uint64_t>(now.tv_nsec);
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

/// Waits up to `ms` for the process to end by itself, then kills it.
void reapWithin(HostProcess& process, int ms)
{
    const std::int64_t deadline = nowMs() + ms;
    while (!process.reap(false) && nowMs() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!process.reap(false)) {
        ::kill(process.pid(), SIGKILL);
        process.reap(true);
    }
}

std::string windowsExceptionText(std::uint32_t code)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", code);
    return text;
}

/// The Wine (Z: drive) path of a Linux path: Wine maps Z: to the root of the file system.
std::string winePathOf(const std::string& path)
{
    std::string out = "Z:" + path;
    std::replace(out.begin(), out.end(), '/', '\\');
    return out;
}

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    for (std::size_t at = text.find(from); !from.empty() && at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// replaceAll in what a sentence shows as written (a path is a verbatim argument).
void replaceAll(MessageText& text, const std::string& from, const std::string& to)
{
    if (text.verbatim) {
        replaceAll(text.source, from, to);
    }
    for (MessageText& arg : text.args) {
        replaceAll(arg, from, to);
    }
}

std::string defaultWinePrefix()
{
    if (const char* prefix = std::getenv("WINEPREFIX"); prefix != nullptr && *prefix != '\0') {
        return prefix;
    }
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path base =
        cache != nullptr && *cache != '\0'
            ? std::filesystem::path(cache)
            : std::filesystem::path(home != nullptr ? home : "/tmp") / ".cache";
    return (base / "eapscope" / "wine").string();
}

/// Holds `<prefix>.lock` while one Wine client starts on the prefix. Debian's Wine names the
/// wineserver's directory (/tmp/wine-XXXXXX) in `<prefix>/wineserver` without any lock, so two
/// clients starting while no wineserver runs may each make one, and the loser ends at once
/// ("wine: chdir to /tmp/wine-…/server-…: No such file or directory"); the very first start
/// also makes the prefix itself (wineboot). Starting one host at a time on a prefix, from
/// spawn to handshake, leaves exactly one client to start the wineserver; the hosts started
/// after it find that server running. flock() on its own open file: it excludes other
/// executors of this process too, and dies with the process.
class WineStartLock {
public:
    WineStartLock(const std::string& prefix, int timeoutMs)
    {
        const std::string path = prefix + ".lock";
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) {
            error_ = "cannot open the Wine prefix lock " + path + ": " + std::strerror(errno);
            return;
        }
        const std::int64_t deadline = nowMs() + timeoutMs;
        while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) {
                error_ = "cannot lock the Wine prefix lock " + path + ": " + std::strerror(errno);
                return;
            }
            if (nowMs() >= deadline) {
                error_ = "another EapScope process has been starting Wine on the prefix " + prefix + " for " +
                         std::to_string(timeoutMs / 1000) + " s (lock " + path + ")";
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        locked_ = true;
    }
    ~WineStartLock()
    {
        if (fd_ >= 0) {
            ::close(fd_);  // releases the lock
        }
    }
    WineStartLock(const WineStartLock&) = delete;
    WineStartLock& operator=(const WineStartLock&) = delete;

    [[nodiscard]] bool locked() const { return locked_; }
    [[nodiscard]] const std::string& error() const { return error_; }

private:
    int fd_ = -1;
    bool locked_ = false;
    std::string error_;
};

/// The paused copy's connection from a CheckpointReply: its reply socket, then its request
/// socket (host_server_posix.cpp); nullopt, with every passed descriptor closed, unless both came.
std::optional<HostChannel> checkpointChannel(Frame& frame)
{
    std::vector<int> fds = std::move(frame.passedFds);
    if (fds.size() == 2) {
        return HostChannel(fds[0], fds[1]);
    }
    for (const int fd : fds) {
        ::close(fd);
    }
    return std::nullopt;
}

std::vector<std::uint8_t> endPayload(std::uint32_t contextTag, std::uint64_t workBuffer)
{
    wire::WireWriter out;
    out.u32(contextTag);
    out.u64(workBuffer);
    return std::move(out.buffer());
}

}  // namespace

HostExecutor::HostExecutor(HostOptions options)
    : options_(std::move(options)), epochNs_(monotonicNs()), checkpoints_(options_.maxCheckpoints)
{
    hostPath_ = options_.hostPath.empty() ? hostExecutablePath().string() : options_.hostPath;
    tracerPath_ = heapTracerPath().string();
    if (options_.windowsHostPath.empty()) {
        options_.windowsHostPath =
            (std::filesystem::path(hostPath_).parent_path() / "eapscope-host.exe").string();
    }
    if (options_.winePath.empty()) {
        const char* wine = std::getenv("EAPSCOPE_WINE");
        options_.winePath = wine != nullptr && *wine != '\0' ? wine : kDefaultWine;
    }
    if (options_.winePrefix.empty()) {
        options_.winePrefix = defaultWinePrefix();
    }
    std::random_device entropy;
    char hex[9];
    for (int i = 0; i < 8; ++i) {
        std::snprintf(hex, sizeof hex, "%08x", entropy());
        randomSeed_ += hex;
    }
}

HostExecutor::~HostExecutor()
{
    if (group_ > 0) {
        ::kill(-group_, SIGKILL);
    }
    host_.kill();
    dispose(checkpoints_.takeAll());
    if (group_ > 0) {
        int status = 0;
        while (::waitpid(-group_, &status, 0) > 0 || errno == EINTR) {
        }
    }
    sweep(true);
}

Status HostExecutor::start()
{
    host_.kill();
    dispose(checkpoints_.takeAll());
    SpawnSpec spec;
    spec.hostPath = hostPath_;
    spec.arguments = {"--controller", std::to_string(::getpid())};
    if (options_.guard) {
        spec.arguments.emplace_back("--guard");
    }
    if (options_.stacks) {
        spec.arguments.emplace_back("--stacks");
    }
    if (options_.addressSpaceLimit > 0) {
        spec.arguments.insert(spec.arguments.end(),
                              {"--limit-as", std::to_string(options_.addressSpaceLimit)});
    }
    if (options_.heapTracking) {
        // Heap tracking was asked for: without the tracer there would be no heap events and
        // no heap finding, a silent downgrade. Name the file instead.
        if (::access(tracerPath_.c_str(), R_OK) != 0) {
            return makeError(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                               "the heap tracer %1 is missing or unreadable (it is "
                                               "installed with eapscope-host; set EAPSCOPE_TRACER "
                                               "to use another)"),
                       {verbatim(tracerPath_)}));
        }
        spec.preload = tracerPath_;
    }
    Result<HostProcess> spawned = HostProcess::spawn(spec);
    if (!spawned) {
        return spawned.failure();
    }
    host_ = std::move(*spawned);
    windows_ = false;
    return handshake(hostPath_, std::max<int>(kStartupMs, static_cast<int>(options_.watchdogMs)));
}

SpawnSpec HostExecutor::windowsSpec() const
{
    SpawnSpec spec;
    spec.launcher = options_.winePath;
    spec.hostPath = options_.windowsHostPath;
    spec.socketOnStdio = true;
    spec.arguments = {"--controller", std::to_string(::getpid())};
    if (options_.stacks) {
        spec.arguments.emplace_back("--stacks");
    }
    spec.arguments.insert(spec.arguments.end(), {"--random-seed", randomSeed_});
    // A private prefix, no debug chatter, no Mono/Gecko installers (they would ask on a
    // display), no menu builder (it writes desktop entries and empty menu folders into the
    // user's HOME on every start), and no display at all: the host never shows a window.
    spec.environment = {
        "WINEPREFIX=" + options_.winePrefix,
        "WINEDEBUG=" + std::string(std::getenv("WINEDEBUG") != nullptr ? std::getenv("WINEDEBUG") : "-all"),
        "WINEDLLOVERRIDES=mscoree,mshtml=;winemenubuilder.exe=d", "DISPLAY=", "WAYLAND_DISPLAY="};
    return spec;
}

Status HostExecutor::startWindows()
{
    host_.kill();
    dispose(checkpoints_.takeAll());
    if (::access(options_.winePath.c_str(), X_OK) != 0) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "running a Windows DLL needs Wine, and %1 is not there: "
                                           "install Debian's wine64 package (apt-get install "
                                           "wine64), or set EAPSCOPE_WINE to a wine64 program"),
                   {verbatim(options_.winePath)}));
    }
    if (::access(options_.windowsHostPath.c_str(), R_OK) != 0) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "the Windows method host %1 is missing: build EapScope "
                                           "with MinGW-w64 installed (g++-mingw-w64-x86-64)"),
                   {verbatim(options_.windowsHostPath)}));
    }
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(options_.winePrefix).parent_path(), ignored);
    const int startupMs = std::max<int>(kWineStartupMs, static_cast<int>(options_.watchdogMs));
    const WineStartLock lock(options_.winePrefix, startupMs);
    if (!lock.locked()) {
        return makeError(lock.error());
    }
    // Wine can fail to start for a moment even one client at a time: a wineserver that is
    // shutting down (3 s after its last client) as the next client connects leaves that client
    // without a server directory, and it exits at once. A host that closed the connection
    // before its handshake is started again, a few times; one that never answers is not (a
    // hang is a hang), and every attempt's failure is logged.
    const std::string program = options_.windowsHostPath + " (under " + options_.winePath + ")";
    Status started =
        makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 was not started"), {verbatim(program)}));
    for (int attempt = 1; attempt <= kWineStartAttempts; ++attempt) {
        Result<HostProcess> spawned = HostProcess::spawn(windowsSpec());
        if (!spawned) {
            return spawned.failure();
        }
        host_ = std::move(*spawned);
        windows_ = true;
        bool closedEarly = false;
        started = handshake(program, startupMs, &closedEarly);
        if (started || !closedEarly) {
            return started;
        }
        moduleLogger("core.host")
            ->warn("Wine start {} of {} ended before the handshake: {}", attempt, kWineStartAttempts,
                   started.error());
        std::this_thread::sleep_for(std::chrono::milliseconds(250 * attempt));
    }
    return started;
}

Status HostExecutor::handshake(const std::string& program, int timeoutMs, bool* closedEarly)
{
    group_ = host_.pid();
    const Received hello = host_.channel().receive(timeoutMs);
    if (closedEarly != nullptr) {
        *closedEarly = hello.status == Received::Status::Closed;
    }
    wire::Hello theirs;
    if (hello.status != Received::Status::Ok || hello.frame.type != wire::FrameType::Hello ||
        !wire::decodePayload(hello.frame.payload, theirs) || theirs.magic != wire::kMagic ||
        theirs.version != wire::kVersion) {
        host_.kill();
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                    "the method host %1 did not answer the protocol handshake (%2)"),
            {verbatim(program), hello.error.empty()
                                    ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "wrong magic or version"))
                                    : verbatim(hello.error)}));
    }
    tracerActive_ = theirs.tracerActive;
    if (!host_.channel().send(wire::FrameType::Hello, wire::encodePayload(wire::Hello{}))) {
        host_.kill();
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "the method host %1 closed the connection during the handshake"),
                   {verbatim(program)}));
    }
    alive_ = true;
    failure_.reset();
    dyingSignal_.reset();
    dyingDetail_.clear();
    threads_ = 1;
    calls_ = 0;
    return Ok{};
}

void HostExecutor::bury(HostFailure failure)
{
    if (host_.running()) {
        ::kill(host_.pid(), SIGKILL);
        host_.reap(true);
    }
    host_.channel().close();
    alive_ = false;
    failure_ = std::move(failure);
    moduleLogger("core.host")->info("method host {} ended: {}", host_.pid(), failure_->detail);
}

void HostExecutor::nudgeHungHost(Reply& reply)
{
    ::kill(host_.pid(), SIGUSR2);
    const std::int64_t deadline = nowMs() + kHungEventsMs;
    for (std::int64_t left = kHungEventsMs; left > 0; left = deadline - nowMs()) {
        Received got = host_.channel().receive(static_cast<int>(left));
        if (got.status != Received::Status::Ok) {
            return;
        }
        if (got.frame.type == wire::FrameType::DyingEvents) {
            wire::decodePayload(got.frame.payload, reply.dyingEvents);
            return;
        }
    }
}

HostExecutor::Reply HostExecutor::awaitReply(wire::FrameType expected, EntryPoint entry)
{
    Reply reply;
    const MessageText what = entry == EntryPoint::None
                                 ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the host request"))
                                 : verbatim(std::string(entryPointName(entry)));
    std::int64_t deadline = nowMs() + options_.watchdogMs;
    for (;;) {
        Received got =
            host_.channel().receive(static_cast<int>(std::max<std::int64_t>(0, deadline - nowMs())));
        if (got.status == Received::Status::Ok && got.frame.type == expected) {
            reply.ok = true;
            reply.frame = std::move(got.frame);
            return reply;
        }
        if (got.status == Received::Status::Ok && got.frame.type == wire::FrameType::Dying) {
            wire::WireReader in(got.frame.payload);
            dyingSignal_ = static_cast<int>(in.u32());
            deadline = std::min(deadline, nowMs() + kDyingGraceMs);
            continue;
        }
        if (got.status == Received::Status::Ok && got.frame.type == wire::FrameType::DyingEvents) {
            wire::decodePayload(got.frame.payload, reply.dyingEvents);
            continue;
        }
        if (got.status == Received::Status::Ok && got.frame.type == wire::FrameType::ErrorReply &&
            dyingSignal_) {
            wire::decodePayload(got.frame.payload, dyingDetail_);  // the Windows host's crash text
            continue;
        }
        if (got.status == Received::Status::Timeout && !dyingSignal_) {
            if (!windows_) {
                nudgeHungHost(reply);  // a Wine process has no use for SIGUSR2
            }
            HostFailure hang;
            hang.kind = HostFailure::Kind::Hang;
            hang.describe(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                               "%1 did not return within %2 ms; the method host was killed"),
                       {what, verbatim(static_cast<std::uint64_t>(options_.watchdogMs))}));
            bury(std::move(hang));
            return reply;
        }
        if (got.status == Received::Status::Ok) {
            got.error = "unexpected frame type " + std::to_string(static_cast<int>(got.frame.type));
            ::kill(host_.pid(), SIGKILL);
        } else if (got.status == Received::Status::Corrupt) {
            ::kill(host_.pid(), SIGKILL);
        }
        reapWithin(host_, kDyingGraceMs);
        HostFailure failure = host_.failure();
        const bool windowsException = windows_ && dyingSignal_ && *dyingSignal_ != 0;
        if (windowsException) {  // no signal, no exit status: the exception code is in the detail
            failure.kind = HostFailure::Kind::Crash;
            failure.signal.reset();
            failure.exitStatus.reset();
            failure.exceptionCode = static_cast<std::uint32_t>(*dyingSignal_);
        } else if (dyingSignal_ && *dyingSignal_ > 0) {
            failure.kind = HostFailure::Kind::Crash;
            failure.signal = *dyingSignal_;
            failure.exitStatus.reset();
        }
        if (windowsException) {
            const auto code = static_cast<std::uint32_t>(*dyingSignal_);
            failure.describe(phrase(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 crashed the Windows method host: %2"),
                {what, dyingDetail_.empty() ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "exception %1"),
                                                     {verbatim(windowsExceptionText(code))})
                                            : verbatim(dyingDetail_)}));
        } else if (failure.kind == HostFailure::Kind::Crash && failure.signal) {
            failure.describe(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 crashed the method host: %2"),
                                    {what, signalText(*failure.signal)}));
        } else if (failure.kind == HostFailure::Kind::Exit && failure.exitStatus) {
            failure.describe(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 ended the method host with exit status %2"),
                       {what, verbatim(static_cast<std::uint64_t>(*failure.exitStatus))}));
        }
        if (got.status == Received::Status::Corrupt || got.status == Received::Status::Ok) {
            failure.describe(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 (broken host stream: %2)"),
                                    {failure.sentence(), verbatim(got.error)}));
        }
        bury(std::move(failure));
        return reply;
    }
}

HostExecutor::Reply HostExecutor::exchange(wire::FrameType type, const std::vector<std::uint8_t>& payload,
                                           wire::FrameType expected, EntryPoint entry)
{
    if (!alive_) {
        return {};
    }
    // A failed send means the host died between calls: awaitReply reads what it left and its
    // wait status, which explain why.
    (void)host_.channel().send(type, payload);
    return awaitReply(expected, entry);
}

void HostExecutor::rebase(std::vector<HeapEvent>& events) const
{
    for (HeapEvent& event : events) {
        event.timeNs = event.timeNs >= epochNs_ ? event.timeNs - epochNs_ : 0;
    }
}

CallOutcome HostExecutor::failedOutcome(EntryPoint entry, std::vector<HeapEvent> events) const
{
    CallOutcome outcome;
    outcome.entry = entry;
    outcome.result = kFailedResult;
    outcome.heap = std::move(events);
    rebase(outcome.heap);
    if (failure_) {
        outcome.failure = *failure_;
    } else {
        outcome.failure.emplace();
        outcome.failure->describe(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method host is not running")));
    }
    return outcome;
}

CallOutcome HostExecutor::call(wire::FrameType type, const std::vector<std::uint8_t>& payload,
                               EntryPoint entry)
{
    if (!alive_) {
        return failedOutcome(entry, {});
    }
    Reply reply = exchange(type, payload, wire::FrameType::CallReply, entry);
    if (!reply.ok) {
        return failedOutcome(entry, std::move(reply.dyingEvents));
    }
    CallOutcome outcome;
    wire::HostStatus status;
    wire::WireReader in(reply.frame.payload);
    if (!wire::decode(in, outcome) || !wire::decode(in, status) || !in.complete()) {
        HostFailure malformed;
        malformed.describe(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: the method host sent a malformed reply"),
                   {verbatim(std::string(entryPointName(entry)))}));
        bury(std::move(malformed));
        return failedOutcome(entry, {});
    }
    rebase(outcome.heap);
    threads_ = status.threads;
    ++calls_;
    if (windows_) {
        replayLog_.emplace_back(type, payload);
    }
    return outcome;
}

LoadReport HostExecutor::load(const LoadRequest& request)
{
    LoadReport report;
    report.path = request.path;
    report.name = request.displayName;
    if (Status chosen = chooseHost(request); !chosen) {
        report.error = chosen.error();
        report.findings.push_back({"LOAD_LIBRARY_FAILED", report.error, chosen.errorText()});
        return report;
    }
    LoadRequest sent = request;
    if (windows_) {
        sent.path = winePathOf(request.path);
    }
    Reply reply = exchange(wire::FrameType::Load, wire::encodePayload(sent), wire::FrameType::LoadReply,
                           EntryPoint::GetInfo);
    wire::HostStatus status;
    wire::WireReader in(reply.frame.payload);
    if (!reply.ok || !wire::decode(in, report) || !wire::decode(in, status) || !in.complete()) {
        report.ok = false;
        report.path = request.path;
        report.name = request.displayName;
        MessageText why =
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "loading %1 failed in the method host: %2"),
                   {verbatim(request.path),
                    failure_ ? failure_->sentence()
                             : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "malformed reply"))});
        report.error = why.english();
        // The library's initialisers or RasEapGetInfo crashed, exited or hung the host: CRASH
        // (HANG) on RasEapGetInfo, its signal or exit status in the message.
        const bool hung = failure_ && failure_->kind == HostFailure::Kind::Hang;
        report.findings.push_back({hung ? "HANG" : "CRASH", report.error, std::move(why)});
        return report;
    }
    threads_ = status.threads;
    if (windows_) {
        replayLog_.assign(1, {wire::FrameType::Load, wire::encodePayload(sent)});
        replayPoints_.clear();
        // The report speaks of the file by the name the user gave, not Wine's Z: path.
        report.path = request.path;
        replaceAll(report.error, sent.path, request.path);
        for (auto& finding : report.findings) {
            replaceAll(finding.message, sent.path, request.path);
            replaceAll(finding.text, sent.path, request.path);
        }
    }
    return report;
}

// A Windows x64 DLL goes to eapscope-host.exe, anything else to eapscope-host (whose loader
// explains what it cannot load); a DLL no host of EapScope can load is refused here.
Status HostExecutor::chooseHost(const LoadRequest& request)
{
    const LibraryFormat format = detectLibraryFormat(request.path);
    if (format.kind == LibraryFormat::Kind::Windows32) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "%1 is a 32-bit Windows DLL (PE32, machine %2); EapScope "
                                           "loads 64-bit methods: build it for x64 (PE32+)"),
                   {verbatim(request.path), verbatim(format.machine)}));
    }
    if (format.kind == LibraryFormat::Kind::WindowsOther) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                        "%1 is a Windows DLL for machine %2; EapScope runs "
                                                        "Windows methods built for x64: build it for x64"),
                                {verbatim(request.path), verbatim(format.machine)}));
    }
    const bool wantWindows = format.kind == LibraryFormat::Kind::WindowsX64;
    if (alive_ && wantWindows == windows_) {
        return Ok{};
    }
    if (wantWindows) {
        if (Status started = startWindows(); !started) {
            return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 is a Windows x64 DLL; %2"),
                                    {verbatim(request.path), started.errorText()}));
        }
        return Ok{};
    }
    return start();
}

CallOutcome HostExecutor::initialize(bool initialize)
{
    wire::WireWriter out;
    out.boolean(initialize);
    return call(wire::FrameType::Initialize, out.buffer(),
                initialize ? EntryPoint::Initialize : EntryPoint::Uninitialize);
}

CallOutcome HostExecutor::begin(const BeginRequest& request)
{
    return call(wire::FrameType::Begin, wire::encodePayload(request), EntryPoint::Begin);
}

CallOutcome HostExecutor::makeMessage(const MakeMessageRequest& request)
{
    return call(wire::FrameType::MakeMessage, wire::encodePayload(request), EntryPoint::MakeMessage);
}

CallOutcome HostExecutor::end(std::uint32_t contextTag, std::uint64_t workBuffer)
{
    return call(wire::FrameType::End, endPayload(contextTag, workBuffer), EntryPoint::End);
}

std::vector<HeapEvent> HostExecutor::drainHeapEvents()
{
    Reply reply = exchange(wire::FrameType::DrainHeap, {}, wire::FrameType::HeapReply, EntryPoint::None);
    std::vector<HeapEvent> events;
    if (reply.ok && !wire::decodePayload(reply.frame.payload, events)) {
        events.clear();
    }
    if (!reply.ok) {
        events = std::move(reply.dyingEvents);
    }
    rebase(events);
    return events;
}

void HostExecutor::unload()
{
    exchange(wire::FrameType::Unload, {}, wire::FrameType::Ack, EntryPoint::None);
}

bool HostExecutor::supportsCheckpoints() const
{
    if (windows_) {
        return !replayLog_.empty();
    }
    return threads_ <= 1 && (alive_ || checkpoints_.size() > 0);
}

std::string HostExecutor::checkpointsUnavailableReason() const
{
    if (windows_) {
        return replayLog_.empty() ? "step back is unavailable: no method is loaded in the Windows host" : "";
    }
    if (threads_ > 1) {
        return "step back is unavailable: the method started " + std::to_string(threads_ - 1) +
               " thread(s), and a forked checkpoint would keep only one";
    }
    if (!alive_ && checkpoints_.size() == 0) {
        return "step back is unavailable: the method host is not running";
    }
    return {};
}

// A Windows host cannot fork: a checkpoint is a position in the request log.
Result<std::uint32_t> HostExecutor::replayPoint()
{
    if (!alive_ || replayLog_.empty()) {
        return makeError("step back is unavailable: the Windows method host is not running");
    }
    const std::uint32_t id = nextCheckpoint_++;
    replayPoints_[id] = ReplayPoint{replayLog_.size(), calls_};
    return id;
}

// A fresh host with the same random seed gets the logged requests again, up to the point.
Status HostExecutor::replayTo(std::uint32_t id)
{
    const auto point = replayPoints_.find(id);
    if (point == replayPoints_.end()) {
        return makeError("checkpoint " + std::to_string(id) + " is not kept; restart instead");
    }
    const ReplayPoint target = point->second;
    std::erase_if(replayPoints_, [&](const auto& entry) { return entry.second.requests > target.requests; });
    std::vector<std::pair<wire::FrameType, std::vector<std::uint8_t>>> log = std::move(replayLog_);
    log.resize(target.requests);
    if (Status started = startWindows(); !started) {
        return started;
    }
    for (std::size_t i = 0; i < log.size(); ++i) {
        const auto& [type, payload] = log[i];
        const wire::FrameType expected =
            type == wire::FrameType::Load ? wire::FrameType::LoadReply : wire::FrameType::CallReply;
        const Reply reply = exchange(type, payload, expected, EntryPoint::None);
        if (!reply.ok) {
            alive_ = false;
            return makeError("step back: replaying request " + std::to_string(i + 1) + " of " +
                             std::to_string(log.size()) + " in a fresh Windows host failed" +
                             (failure_ ? ": " + failure_->detail : std::string()));
        }
    }
    replayLog_ = std::move(log);
    calls_ = target.calls;
    return Ok{};
}

Result<std::uint32_t> HostExecutor::checkpoint()
{
    if (windows_) {
        return replayPoint();
    }
    if (!alive_ || threads_ > 1) {
        const std::string reason = checkpointsUnavailableReason();
        return makeError(reason.empty() ? "step back is unavailable" : reason);
    }
    // Paused copies are children of the host; when a restore kills the host they must become
    // ours, so we can reap them and read the wait status of the one resumed.
    static const bool subreaper = ::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
    (void)subreaper;
    Reply reply =
        exchange(wire::FrameType::Checkpoint, {}, wire::FrameType::CheckpointReply, EntryPoint::None);
    wire::CheckpointResult result;
    std::optional<HostChannel> copyChannel = checkpointChannel(reply.frame);
    if (!reply.ok || !wire::decodePayload(reply.frame.payload, result) || !result.ok || !copyChannel) {
        if (result.message.find("thread") != std::string::npos) {
            threads_ = std::max<std::uint32_t>(threads_, 2);
        }
        return makeError(result.message.empty() ? "the method host could not make a checkpoint"
                                                : result.message);
    }
    const std::uint32_t id = nextCheckpoint_++;
    CheckpointStore::Entry entry{id, calls_,
                                 HostProcess(static_cast<pid_t>(result.pid), std::move(*copyChannel))};
    dispose(checkpoints_.add(std::move(entry)));
    return id;
}

Status HostExecutor::resume(HostProcess& copy)
{
    wire::WireWriter out;
    out.u32(static_cast<std::uint32_t>(::getpid()));
    if (!copy.channel().send(wire::FrameType::Resume, out.buffer())) {
        return makeError("the checkpoint's host copy is gone");
    }
    const Received ack = copy.channel().receive(static_cast<int>(options_.watchdogMs));
    if (ack.status != Received::Status::Ok || ack.frame.type != wire::FrameType::Ack) {
        return makeError("the checkpoint's host copy did not resume: " + ack.error);
    }
    return Ok{};
}

Status HostExecutor::restore(std::uint32_t id)
{
    if (windows_) {
        return replayTo(id);
    }
    std::optional<CheckpointStore::Entry> entry = checkpoints_.take(id);
    if (!entry) {
        return makeError("checkpoint " + std::to_string(id) +
                         " is no longer kept (older checkpoints are thinned out); restart instead");
    }
    dispose(checkpoints_.dropAfter(entry->position));  // that future no longer happens
    host_.kill();                                      // reaped, so its paused copies are now our children
    sweep(false);
    if (Status resumed = resume(entry->process); !resumed) {
        alive_ = false;
        return resumed;
    }
    host_ = std::move(entry->process);
    alive_ = true;
    failure_.reset();
    dyingSignal_.reset();
    threads_ = 1;
    calls_ = entry->position;
    // Keep the same id restorable again (step back twice to one boundary).
    Reply reply =
        exchange(wire::FrameType::Checkpoint, {}, wire::FrameType::CheckpointReply, EntryPoint::None);
    wire::CheckpointResult result;
    std::optional<HostChannel> copyChannel = checkpointChannel(reply.frame);
    if (reply.ok && wire::decodePayload(reply.frame.payload, result) && result.ok && copyChannel) {
        dispose(checkpoints_.add(CheckpointStore::Entry{
            id, calls_, HostProcess(static_cast<pid_t>(result.pid), std::move(*copyChannel))}));
    }
    return Ok{};
}

void HostExecutor::dispose(std::vector<CheckpointStore::Entry> entries)
{
    for (CheckpointStore::Entry& entry : entries) {
        const pid_t pid = entry.process.pid();
        entry.process.detach();  // closes its socket: a paused copy also exits on EOF
        if (pid <= 0) {
            continue;
        }
        ::kill(pid, SIGKILL);
        int status = 0;
        pid_t got = -1;
        do {
            got = ::waitpid(pid, &status, 0);
        } while (got < 0 && errno == EINTR);
        if (got != pid) {
            graveyard_.push_back(pid);  // its parent (the live host) reaps it, or we do later
        }
    }
}

void HostExecutor::sweep(bool block)
{
    std::erase_if(graveyard_, [block](pid_t pid) {
        int status = 0;
        const pid_t got = ::waitpid(pid, &status, block ? 0 : WNOHANG);
        if (got == pid) {
            return true;
        }
        return got < 0 && errno == ECHILD && ::kill(pid, 0) != 0 && errno == ESRCH;
    });
}

}  // namespace eapscope
