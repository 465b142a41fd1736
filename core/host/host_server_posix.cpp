// The POSIX half of HostServer: the controller watch, OpenSSL's random state shared with
// checkpoint copies, thread counting through procfs, and checkpoints by fork().
#include "host/host_server.h"

#include "host/fault_handler.h"
#include "host/stable_pid.h"
#include "host/wire_messages.h"

#include <openssl/rand.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace eapscope {

namespace {

pid_t g_controller = 0;

void onWatchTick(int /*signal*/)
{
    if (g_controller > 0 && ::kill(g_controller, 0) != 0 && errno == ESRCH) {
        ::_exit(0);  // the controller is gone: never outlive it (no orphans)
    }
}

/// A once-a-second check that the controller still exists, so a host stuck in a hung method
/// does not outlive a controller that was killed. Timers are not inherited by fork, so a
/// resumed checkpoint copy starts its own.
void watchController(pid_t controller)
{
    g_controller = controller;
    if (controller <= 0) {
        return;
    }
    const int signal = SIGRTMIN + 3;
    struct sigaction action {};
    action.sa_handler = onWatchTick;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
    sigevent event{};
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = signal;
    timer_t timer{};
    if (::timer_create(CLOCK_MONOTONIC, &event, &timer) != 0) {
        return;
    }
    itimerspec every{};
    every.it_interval.tv_sec = 1;
    every.it_value.tv_sec = 1;
    ::timer_settime(timer, 0, &every, nullptr);
}

/// Instantiates OpenSSL's DRBGs now, in the process every checkpoint copy descends from, so
/// a copy inherits their state (with the frozen pid, see stable_pid.h) instead of seeding its
/// own from the kernel: a restored copy then draws the very bytes the original drew.
void warmRandom()
{
    unsigned char sink[1];
    (void)RAND_bytes(sink, sizeof sink);
    (void)RAND_priv_bytes(sink, sizeof sink);
}

}  // namespace

HostServer::HostServer(const HostServerOptions& options)
    : options_(options), channel_(options.fd, options.writeFd < 0 ? options.fd : options.writeFd)
{
    StablePid::freeze();
    warmRandom();
    tracer_.configure(options.stacks, options.guard);
    FaultHandler::install(channel_.writeFd(), tracer_);
    watchController(options.controller);
}

std::uint32_t HostServer::processId()
{
    return static_cast<std::uint32_t>(StablePid::real());
}

// The preloaded tracer sees the library's constructors already (they run outside any call:
// tracked, not recorded).
void HostServer::prepareInstrumentation(const std::string& /*path*/)
{
}

void HostServer::instrument()
{
    // The preloaded heap tracer interposes the allocator for the whole process already.
}

namespace {

// /proc/self/task opened once: fstat() on it counts the threads at the time of the call (procfs
// computes the link count then) without a path walk per call. A forked copy (checkpoint) holds
// its parent's directory and opens its own on first use.
int g_taskDir = -1;

void forgetTaskDir()
{
    if (g_taskDir >= 0) {
        ::close(g_taskDir);
        g_taskDir = -1;
    }
}

}  // namespace

std::uint32_t HostServer::threadCount()
{
    static const bool forkHandled = ::pthread_atfork(nullptr, nullptr, forgetTaskDir) == 0;
    if (g_taskDir < 0 && forkHandled) {
        g_taskDir = ::open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    // procfs gives the task directory one link per thread plus two.
    struct stat task {};
    const int got = g_taskDir >= 0 ? ::fstat(g_taskDir, &task) : ::stat("/proc/self/task", &task);
    if (got != 0 || task.st_nlink < 3) {
        return 1;
    }
    return static_cast<std::uint32_t>(task.st_nlink - 2);
}

void HostServer::checkpoint()
{
    wire::CheckpointResult result;
    const std::uint32_t threads = threadCount();
    if (threads > 1) {
        result.message = "step back is unavailable: the method started " + std::to_string(threads - 1) +
                         " thread(s), and a forked copy would keep only one";
        reply(wire::FrameType::CheckpointReply, wire::encodePayload(result));
        return;
    }
    // The copy's connection, one socket per direction like the live host's: it reads requests
    // from requests[1] and writes replies to replies[1]; the controller gets the other ends.
    int requests[2] = {-1, -1};
    int replies[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, requests) != 0 ||
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, replies) != 0) {
        result.message = std::string("cannot create a checkpoint socket: ") + std::strerror(errno);
        for (const int fd : {requests[0], requests[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        reply(wire::FrameType::CheckpointReply, wire::encodePayload(result));
        return;
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(requests[0]);
        ::close(replies[0]);
        channel_ = HostChannel(requests[1], replies[1]);
        FaultHandler::setFd(replies[1]);
        copies_.clear();
        waitForResume();
        return;
    }
    ::close(requests[1]);
    ::close(replies[1]);
    result.ok = pid > 0;
    result.pid = static_cast<std::uint32_t>(pid > 0 ? pid : 0);
    if (pid < 0) {
        result.message = std::string("fork failed: ") + std::strerror(errno);
    } else {
        copies_.push_back(pid);
    }
    // The controller reads the copy's replies from the first and sends it requests on the second.
    const int theirs[2] = {replies[0], requests[0]};
    if (!channel_.send(wire::FrameType::CheckpointReply, wire::encodePayload(result), theirs)) {
        ::_exit(0);
    }
    ::close(replies[0]);
    ::close(requests[0]);
}

void HostServer::waitForResume()
{
    for (;;) {
        const Received request = channel_.receive(-1);
        if (request.status != Received::Status::Ok) {
            ::_exit(0);  // dropped (thinned, or the controller ended): nothing to clean up
        }
        if (request.frame.type == wire::FrameType::Resume) {
            wire::WireReader in(request.frame.payload);
            const auto controller = static_cast<pid_t>(in.u32());
            watchController(in.complete() ? controller : 0);
            reply(wire::FrameType::Ack, {});
            return;
        }
        reply(wire::FrameType::ErrorReply,
              wire::encodePayload(std::string("paused checkpoint: only Resume")));
    }
}

void HostServer::reapCopies()
{
    std::erase_if(copies_, [](pid_t pid) {
        int status = 0;
        const pid_t got = ::waitpid(pid, &status, WNOHANG);
        return got == pid || (got < 0 && errno == ECHILD);
    });
}

}  // namespace eapscope
