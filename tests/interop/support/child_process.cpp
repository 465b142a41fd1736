#include "child_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

extern char** environ;

namespace eapscope::interop {

namespace {

int exitCodeOf(int status)
{
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

}  // namespace

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), status_(other.status_), log_(std::move(other.log_))
{
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept
{
    if (this != &other) {
        if (pid_ > 0) {
            stop(SIGKILL);
        }
        pid_ = std::exchange(other.pid_, -1);
        status_ = other.status_;
        log_ = std::move(other.log_);
    }
    return *this;
}

ChildProcess::~ChildProcess()
{
    if (pid_ > 0) {
        stop(SIGTERM, std::chrono::seconds(3));
    }
}

Result<ChildProcess> ChildProcess::start(const std::vector<std::string>& argv,
                                         const std::filesystem::path& log)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return makeError("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    ChildProcess child;
    child.pid_ = pid;
    child.log_ = log;
    return child;
}

bool ChildProcess::reap(bool block)
{
    if (pid_ <= 0) {
        return true;
    }
    int status = 0;
    const pid_t r = waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (r == pid_) {
        status_ = exitCodeOf(status);
        pid_ = -1;
        return true;
    }
    return false;
}

bool ChildProcess::running()
{
    return !reap(false);
}

std::string ChildProcess::output() const
{
    std::ifstream in(log_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Status ChildProcess::waitFor(const std::function<bool(const std::string&)>& ready,
                             std::chrono::milliseconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready(output())) {
            return Ok{};
        }
        if (!running()) {
            return makeError(log_.filename().string() + ": the process exited (code " +
                             std::to_string(status_) + ") before it was ready:\n" + output());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return makeError(log_.filename().string() + ": not ready after " + std::to_string(limit.count()) +
                     " ms:\n" + output());
}

Result<int> ChildProcess::wait(std::chrono::milliseconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return makeError("still running after " + std::to_string(limit.count()) + " ms");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return status_;
}

int ChildProcess::stop(int signal, std::chrono::milliseconds limit)
{
    if (pid_ <= 0) {
        return status_;
    }
    const pid_t pid = pid_;
    kill(pid, signal);
    if (!wait(limit)) {
        kill(pid, SIGKILL);
        reap(true);
    }
    return status_;
}

bool processGone(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) {
        return true;
    }
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');  // the command name may hold spaces and parentheses
    return close == std::string::npos || close + 2 >= line.size() || line[close + 2] == 'Z';
}

std::uint16_t freeUdpPort()
{
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    close(fd);
    return ntohs(address.sin_port);
}

bool udpPortBound(std::uint16_t port)
{
    std::ifstream udp("/proc/net/udp");
    std::string line;
    std::getline(udp, line);  // header
    char wanted[8];
    std::snprintf(wanted, sizeof wanted, ":%04X", port);
    while (std::getline(udp, line)) {
        // "  sl  local_address rem_address ...": the local address is the second field.
        std::istringstream fields(line);
        std::string slot, local;
        fields >> slot >> local;
        if (local.size() == 13 && local.substr(8) == wanted &&
            (local.starts_with("0100007F") || local.starts_with("00000000"))) {
            return true;
        }
    }
    return false;
}

std::filesystem::path makeTempDir(const std::string& label)
{
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/eapscope-" + label + "-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
        return {};
    }
    return pattern;
}

}  // namespace eapscope::interop
