#include "host/host_channel.h"

#include <chrono>
#include <cstring>

namespace eapscope {

namespace {

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

HostChannel::~HostChannel()
{
    close();
}

HostChannel::HostChannel(HostChannel&& other) noexcept
    : fd_(other.fd_),
      writeFd_(other.writeFd_),
      inbox_(std::move(other.inbox_)),
      inboxStart_(other.inboxStart_),
      inboxEnd_(other.inboxEnd_),
      passedFds_(std::move(other.passedFds_)),
      readTotal_(other.readTotal_),
      parsedTotal_(other.parsedTotal_),
      socketTimeoutMs_(other.socketTimeoutMs_)
{
    other.fd_ = -1;
    other.writeFd_ = -1;
    other.inboxStart_ = other.inboxEnd_ = 0;
}

HostChannel& HostChannel::operator=(HostChannel&& other) noexcept
{
    if (this != &other) {
        close();
        fd_ = other.fd_;
        writeFd_ = other.writeFd_;
        inbox_ = std::move(other.inbox_);
        inboxStart_ = other.inboxStart_;
        inboxEnd_ = other.inboxEnd_;
        passedFds_ = std::move(other.passedFds_);
        readTotal_ = other.readTotal_;
        parsedTotal_ = other.parsedTotal_;
        socketTimeoutMs_ = other.socketTimeoutMs_;
        other.fd_ = -1;
        other.writeFd_ = -1;
        other.inboxStart_ = other.inboxEnd_ = 0;
    }
    return *this;
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
    const std::uint64_t frameEnd = parsedTotal_ + wire::kFrameHeaderSize + bodyLength;
    std::size_t taken = 0;
    for (; taken < passedFds_.size() && passedFds_[taken].offset < frameEnd; ++taken) {
        frame.passedFds.push_back(passedFds_[taken].fd);
    }
    passedFds_.erase(passedFds_.begin(), passedFds_.begin() + static_cast<std::ptrdiff_t>(taken));
    parsedTotal_ = frameEnd;
    inboxStart_ += wire::kFrameHeaderSize + bodyLength;
    if (inboxStart_ == inboxEnd_) {
        inboxStart_ = inboxEnd_ = 0;
    }
    return true;
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
