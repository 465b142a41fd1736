// The POSIX transport of HostChannel: AF_UNIX stream sockets (one per direction between the
// controller and a host), file descriptors passed alongside frames (SCM_RIGHTS), receive
// deadlines as the socket's SO_RCVTIMEO (poll() for a descriptor that is not a socket).
#include "host/host_channel.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace eapscope {

namespace {

template <typename PassedFd>
void collectFds(msghdr& message, std::uint64_t lastByte, std::vector<PassedFd>& into)
{
    for (cmsghdr* c = CMSG_FIRSTHDR(&message); c != nullptr; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) {
            continue;
        }
        const std::size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (std::size_t i = 0; i < n; ++i) {
            int fd = -1;
            std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            into.push_back(PassedFd{lastByte, fd});
        }
    }
}

}  // namespace

void HostChannel::close()
{
    if (writeFd_ >= 0 && writeFd_ != fd_) {
        ::close(writeFd_);
    }
    writeFd_ = -1;
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    for (const PassedFd& passed : passedFds_) {
        ::close(passed.fd);
    }
    passedFds_.clear();
    readTotal_ = parsedTotal_ = 0;
    socketTimeoutMs_ = 0;
    inbox_.clear();
    inboxStart_ = inboxEnd_ = 0;
}

Status HostChannel::send(wire::FrameType type, std::span<const std::uint8_t> payload,
                         std::span<const int> passFds)
{
    if (writeFd_ < 0) {
        return makeError("the host connection is closed");
    }
    const auto bodyLength = static_cast<std::uint32_t>(payload.size() + 1);
    std::uint8_t header[wire::kFrameHeaderSize + 1] = {
        static_cast<std::uint8_t>(bodyLength), static_cast<std::uint8_t>(bodyLength >> 8),
        static_cast<std::uint8_t>(bodyLength >> 16), static_cast<std::uint8_t>(bodyLength >> 24),
        static_cast<std::uint8_t>(type)};
    iovec parts[2] = {{header, sizeof header},
                      {const_cast<std::uint8_t*>(payload.data()), payload.size()}};  // NOLINT
    std::size_t total = sizeof header + payload.size();
    if (passFds.size() > kMaxPassedFds) {
        return makeError("a frame passes at most " + std::to_string(kMaxPassedFds) + " descriptors");
    }
    alignas(cmsghdr) char control[CMSG_SPACE(kMaxPassedFds * sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    if (!passFds.empty()) {
        message.msg_control = control;
        message.msg_controllen = CMSG_SPACE(passFds.size() * sizeof(int));
        cmsghdr* c = CMSG_FIRSTHDR(&message);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(passFds.size() * sizeof(int));
        std::memcpy(CMSG_DATA(c), passFds.data(), passFds.size() * sizeof(int));
    }
    while (total > 0) {
        const ssize_t sent = ::sendmsg(writeFd_, &message, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) {
                continue;
            }
            return makeError(std::string("cannot write to the host connection: ") + std::strerror(errno));
        }
        total -= static_cast<std::size_t>(sent);
        message.msg_control = nullptr;  // the fds went with the first byte
        message.msg_controllen = 0;
        auto left = static_cast<std::size_t>(sent);
        while (left > 0 && message.msg_iovlen > 0) {
            const std::size_t step = std::min(left, message.msg_iov->iov_len);
            message.msg_iov->iov_base = static_cast<std::uint8_t*>(message.msg_iov->iov_base) + step;
            message.msg_iov->iov_len -= step;
            left -= step;
            if (message.msg_iov->iov_len == 0) {
                ++message.msg_iov;
                --message.msg_iovlen;
            }
        }
    }
    return Ok{};
}

bool HostChannel::setSocketTimeout(int timeoutMs)
{
    if (socketTimeoutMs_ == kPollOnly) {
        return false;
    }
    if (socketTimeoutMs_ == timeoutMs) {
        return true;
    }
    const timeval limit{timeoutMs / 1000, static_cast<suseconds_t>(timeoutMs % 1000) * 1000};
    if (::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit) != 0) {
        socketTimeoutMs_ = kPollOnly;
        return false;
    }
    socketTimeoutMs_ = timeoutMs;
    return true;
}

Received::Status HostChannel::fill(int timeoutMs, std::string& error)
{
    // The deadline: none (a blocking read), 0 (MSG_DONTWAIT) or the socket's receive timeout
    // (SO_RCVTIMEO; 0 there means none); poll() only for a descriptor that is not a socket.
    int flags = MSG_CMSG_CLOEXEC;
    const bool socketDeadline = setSocketTimeout(timeoutMs > 0 ? timeoutMs : 0);
    if (timeoutMs >= 0 && !socketDeadline) {
        pollfd waitFor{fd_, POLLIN, 0};
        const int ready = ::poll(&waitFor, 1, timeoutMs);
        if (ready == 0) {
            return Received::Status::Timeout;
        }
        if (ready < 0) {
            return errno == EINTR ? Received::Status::Ok : Received::Status::Closed;
        }
    } else if (timeoutMs == 0) {
        flags |= MSG_DONTWAIT;
    }
    makeRoom();
    iovec part{inbox_.data() + inboxEnd_, inbox_.size() - inboxEnd_};
    alignas(cmsghdr) char control[CMSG_SPACE(kMaxPassedFds * sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = &part;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    const ssize_t got = ::recvmsg(fd_, &message, flags);
    if (got > 0) {
        inboxEnd_ += static_cast<std::size_t>(got);
        readTotal_ += static_cast<std::uint64_t>(got);
        collectFds(message, readTotal_ - 1, passedFds_);
        return Received::Status::Ok;
    }
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && timeoutMs >= 0 && socketDeadline) {
        return Received::Status::Timeout;  // SO_RCVTIMEO ran out, or nothing there for MSG_DONTWAIT
    }
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) {
        return Received::Status::Ok;
    }
    error = got == 0 ? "the host closed the connection" : std::string("read failed: ") + std::strerror(errno);
    return Received::Status::Closed;
}

}  // namespace eapscope
