#include "host/host_channel.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace eapscope {

namespace {

constexpr std::size_t kReadChunk = 64 * 1024;

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void collectFds(msghdr& message, std::vector<int>& into)
{
    for (cmsghdr* c = CMSG_FIRSTHDR(&message); c != nullptr; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) {
            continue;
        }
        const std::size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (std::size_t i = 0; i < n; ++i) {
            int fd = -1;
            std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            into.push_back(fd);
        }
    }
}

}  // namespace

HostChannel::~HostChannel()
{
    close();
}

HostChannel::HostChannel(HostChannel&& other) noexcept
    : fd_(other.fd_),
      inbox_(std::move(other.inbox_)),
      inboxStart_(other.inboxStart_),
      inboxEnd_(other.inboxEnd_),
      passedFds_(std::move(other.passedFds_))
{
    other.fd_ = -1;
    other.inboxStart_ = other.inboxEnd_ = 0;
}

HostChannel& HostChannel::operator=(HostChannel&& other) noexcept
{
    if (this != &other) {
        close();
        fd_ = other.fd_;
        inbox_ = std::move(other.inbox_);
        inboxStart_ = other.inboxStart_;
        inboxEnd_ = other.inboxEnd_;
        passedFds_ = std::move(other.passedFds_);
        other.fd_ = -1;
        other.inboxStart_ = other.inboxEnd_ = 0;
    }
    return *this;
}

void HostChannel::close()
{
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    for (const int fd : passedFds_) {
        ::close(fd);
    }
    passedFds_.clear();
    inbox_.clear();
    inboxStart_ = inboxEnd_ = 0;
}

int HostChannel::release()
{
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

Status HostChannel::send(wire::FrameType type, std::span<const std::uint8_t> payload, int passFd)
{
    if (fd_ < 0) {
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
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    if (passFd >= 0) {
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        cmsghdr* c = CMSG_FIRSTHDR(&message);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(c), &passFd, sizeof(int));
    }
    while (total > 0) {
        const ssize_t sent = ::sendmsg(fd_, &message, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) {
                continue;
            }
            return makeError(std::string("cannot write to the host connection: ") + std::strerror(errno));
        }
        total -= static_cast<std::size_t>(sent);
        message.msg_control = nullptr;  // the fd went with the first byte
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

bool HostChannel::parseBuffered(Frame& frame, std::string& error)
{
    const std::size_t available = inboxEnd_ - inboxStart_;
    if (available < wire::kFrameHeaderSize) {
        return false;
    }
    const std::uint8_t* p = inbox_.data() + inboxStart_;
    const std::uint32_t bodyLength =
        static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
        (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    if (bodyLength == 0 || bodyLength > wire::kMaxFrameBody) {
        error = "frame length " + std::to_string(bodyLength) + " out of range";
        return false;
    }
    if (available < wire::kFrameHeaderSize + bodyLength) {
        return false;
    }
    frame.type = static_cast<wire::FrameType>(p[wire::kFrameHeaderSize]);
    frame.payload.assign(p + wire::kFrameHeaderSize + 1, p + wire::kFrameHeaderSize + bodyLength);
    inboxStart_ += wire::kFrameHeaderSize + bodyLength;
    if (inboxStart_ == inboxEnd_) {
        inboxStart_ = inboxEnd_ = 0;
    }
    if (!passedFds_.empty()) {
        frame.passedFd = passedFds_.front();
        passedFds_.erase(passedFds_.begin());
    }
    return true;
}

Received::Status HostChannel::fill(int timeoutMs, std::string& error)
{
    if (timeoutMs >= 0) {  // without a deadline the blocking read below is the wait
        pollfd waitFor{fd_, POLLIN, 0};
        const int ready = ::poll(&waitFor, 1, timeoutMs);
        if (ready == 0) {
            return Received::Status::Timeout;
        }
        if (ready < 0) {
            return errno == EINTR ? Received::Status::Ok : Received::Status::Closed;
        }
    }
    makeRoom();
    iovec part{inbox_.data() + inboxEnd_, inbox_.size() - inboxEnd_};
    alignas(cmsghdr) char control[CMSG_SPACE(4 * sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = &part;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    const ssize_t got = ::recvmsg(fd_, &message, MSG_CMSG_CLOEXEC);
    if (got > 0) {
        inboxEnd_ += static_cast<std::size_t>(got);
        collectFds(message, passedFds_);
        return Received::Status::Ok;
    }
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) {
        return Received::Status::Ok;
    }
    error = got == 0 ? "the host closed the connection" : std::string("read failed: ") + std::strerror(errno);
    return Received::Status::Closed;
}

void HostChannel::makeRoom()
{
    if (inboxStart_ > 0) {  // keep unread bytes at the front
        std::memmove(inbox_.data(), inbox_.data() + inboxStart_, inboxEnd_ - inboxStart_);
        inboxEnd_ -= inboxStart_;
        inboxStart_ = 0;
    }
    if (inbox_.size() - inboxEnd_ < kReadChunk) {
        inbox_.resize(inboxEnd_ + kReadChunk);
    }
}

Received HostChannel::receive(int timeoutMs)
{
    Received result;
    if (fd_ < 0) {
        result.error = "the host connection is closed";
        return result;
    }
    const std::int64_t deadline = timeoutMs < 0 ? -1 : nowMs() + timeoutMs;
    for (;;) {
        std::string error;
        if (parseBuffered(result.frame, error)) {
            result.status = Received::Status::Ok;
            return result;
        }
        if (!error.empty()) {
            result.status = Received::Status::Corrupt;
            result.error = error;
            return result;
        }
        const int left = deadline < 0 ? -1 : static_cast<int>(std::max<std::int64_t>(0, deadline - nowMs()));
        result.status = fill(left, result.error);
        if (result.status != Received::Status::Ok) {
            if (result.status == Received::Status::Closed && inboxEnd_ > inboxStart_) {
                result.status = Received::Status::Corrupt;
                result.error = "the host stream ended inside a frame";
            }
            return result;
        }
    }
}

}  // namespace eapscope
