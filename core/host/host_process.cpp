#include "host/host_process.h"

#include "common/log.h"
#include "common/system_text.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace eapscope {

namespace {

/// The fds of the host's protocol sockets: it reads requests from `--fd 3` and writes replies
/// to `--write-fd 4`.
constexpr int kHostReadFd = 3;
constexpr int kHostWriteFd = 4;

/// The child's ends of the two sockets, kept above the fixed target fds so that dup2 always
/// really duplicates (and thereby clears close-on-exec) instead of being a no-op on an fd that
/// already has the target number.
struct ChildEnds {
    int requests = -1;  // the host reads
    int replies = -1;   // the host writes
};

std::vector<std::string> hostEnvironment(const SpawnSpec& spec)
{
    auto replaced = [&](const char* entry) {
        if (std::strncmp(entry, "LD_PRELOAD=", 11) == 0) {
            return true;
        }
        for (const std::string& mine : spec.environment) {
            const std::size_t nameLength = mine.find('=') + 1;
            if (std::strncmp(entry, mine.c_str(), nameLength) == 0) {
                return true;
            }
        }
        return false;
    };
    std::vector<std::string> env;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
        if (!replaced(*e)) {
            env.emplace_back(*e);
        }
    }
    for (const std::string& mine : spec.environment) {
        if (mine.back() != '=') {
            env.push_back(mine);
        }
    }
    if (!spec.preload.empty()) {
        env.push_back("LD_PRELOAD=" + spec.preload);
    }
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings)
{
    std::vector<char*> out;
    out.reserve(strings.size() + 1);
    for (std::string& s : strings) {
        out.push_back(s.data());
    }
    out.push_back(nullptr);
    return out;
}

Result<pid_t> spawnWithSockets(const SpawnSpec& spec, ChildEnds child)
{
    std::vector<std::string> args{spec.hostPath, "--fd", std::to_string(kHostReadFd), "--write-fd",
                                  std::to_string(kHostWriteFd)};
    if (spec.socketOnStdio) {
        args = {spec.launcher, spec.hostPath};
    }
    args.insert(args.end(), spec.arguments.begin(), spec.arguments.end());
    std::vector<std::string> env = hostEnvironment(spec);
    std::vector<char*> argv = pointers(args);
    std::vector<char*> envp = pointers(env);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (spec.socketOnStdio) {
        posix_spawn_file_actions_adddup2(&actions, child.requests, 0);
        posix_spawn_file_actions_adddup2(&actions, child.replies, 1);  // the host points its stdout at stderr
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, 2, 1);  // a method's printf must not reach our stdout
        posix_spawn_file_actions_adddup2(&actions, child.requests, kHostReadFd);
        posix_spawn_file_actions_adddup2(&actions, child.replies, kHostWriteFd);
    }
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes,
                             POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t all;
    sigfillset(&all);
    posix_spawnattr_setsigdefault(&attributes, &all);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);

    pid_t pid = -1;
    const std::string& program = spec.socketOnStdio ? spec.launcher : spec.hostPath;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                        "cannot start the method host %1: %2 (is "
                                                        "eapscope-host built next to this program?)"),
                                {verbatim(program), errnoText(rc)}));
    }
    return pid;
}

}  // namespace

HostProcess::~HostProcess()
{
    kill();
}

HostProcess::HostProcess(HostProcess&& other) noexcept
    : pid_(other.pid_), channel_(std::move(other.channel_)), status_(other.status_)
{
    other.pid_ = -1;
    other.status_.reset();
}

HostProcess& HostProcess::operator=(HostProcess&& other) noexcept
{
    if (this != &other) {
        kill();
        pid_ = other.pid_;
        channel_ = std::move(other.channel_);
        status_ = other.status_;
        other.pid_ = -1;
        other.status_.reset();
    }
    return *this;
}

Result<HostProcess> HostProcess::spawn(const SpawnSpec& spec)
{
    // One socket per direction (host_channel.h says why).
    int requests[2] = {-1, -1};
    int replies[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, requests) != 0 ||
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, replies) != 0) {
        const std::string error = std::strerror(errno);
        for (const int fd : {requests[0], requests[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        return makeError("cannot create the host sockets: " + error);
    }
    const ChildEnds child{::fcntl(requests[1], F_DUPFD_CLOEXEC, 10),
                          ::fcntl(replies[1], F_DUPFD_CLOEXEC, 10)};
    ::close(requests[1]);
    ::close(replies[1]);
    Result<pid_t> pid =
        child.requests >= 0 && child.replies >= 0
            ? spawnWithSockets(spec, child)
            : Result<pid_t>(makeError(std::string("cannot place the host sockets: ") + std::strerror(errno)));
    for (const int fd : {child.requests, child.replies}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
    if (!pid) {
        ::close(requests[0]);
        ::close(replies[0]);
        return pid.failure();
    }
    return HostProcess(*pid, HostChannel(replies[0], requests[0]));
}

void HostProcess::kill()
{
    channel_.close();
    if (pid_ <= 0) {
        return;
    }
    if (!status_) {
        ::kill(pid_, SIGKILL);
        reap(true);
    }
    pid_ = -1;
    status_.reset();
}

std::optional<int> HostProcess::reap(bool block)
{
    if (status_ || pid_ <= 0) {
        return status_;
    }
    int status = 0;
    pid_t got = -1;
    do {
        got = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
    } while (got < 0 && errno == EINTR);
    if (got == pid_) {
        status_ = status;
    } else if (got < 0 && errno == ECHILD) {
        // Not our child (a checkpoint copy whose parent still lives): its parent reaps it.
        status_ = 0;
    }
    return status_;
}

namespace {

// glibc's descriptions (sigdescr_np) of the signals a process can end by, marked so the GUI
// shows them translated; another description is shown as glibc wrote it.
constexpr const char* kSignalDescriptions[] = {
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Segmentation fault"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Aborted"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Bus error"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Floating point exception"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Illegal instruction"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Killed"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Terminated"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Trace/breakpoint trap"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Bad system call"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Broken pipe"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "CPU time limit exceeded"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "File size limit exceeded"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Hangup"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Interrupt"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Quit"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Alarm clock"),
};

MessageText signalDescription(int signal)
{
    const char* description = sigdescr_np(signal);
    if (description == nullptr) {
        return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "unknown signal"));
    }
    for (const char* known : kSignalDescriptions) {
        if (std::strcmp(known, description) == 0) {
            return phrase(known);
        }
    }
    return verbatim(std::string(description));
}

}  // namespace

MessageText signalText(int signal)
{
    const char* abbrev = sigabbrev_np(signal);
    return phrase("SIG%1 (%2)", {verbatim(abbrev != nullptr ? std::string(abbrev) : std::to_string(signal)),
                                 signalDescription(signal)});
}

HostFailure HostProcess::failure() const
{
    HostFailure failure;
    if (!status_) {
        failure.describe(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method host is still running")));
        return failure;
    }
    const int status = *status_;
    if (WIFSIGNALED(status)) {
        failure.kind = HostFailure::Kind::Crash;
        failure.signal = WTERMSIG(status);
        failure.describe(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method host was killed by signal %1 (%2)"),
            {verbatim(static_cast<std::uint64_t>(WTERMSIG(status))), signalDescription(WTERMSIG(status))}));
    } else if (WIFEXITED(status)) {
        failure.kind = HostFailure::Kind::Exit;
        failure.exitStatus = WEXITSTATUS(status);
        failure.describe(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method exited the host process with status %1"),
                   {verbatim(static_cast<std::uint64_t>(WEXITSTATUS(status)))}));
    }
    return failure;
}

void HostProcess::detach()
{
    channel_.close();
    pid_ = -1;
    status_.reset();
}

}  // namespace eapscope
