// One end of the host protocol's socket (wire_protocol.h): sends whole frames and receives
// them with a deadline, passing a file descriptor alongside a frame when asked (SCM_RIGHTS,
// used to hand a checkpoint's socket to the controller). Used by both the controller and the
// host; owns its fd.
#pragma once

#include "common/result.h"
#include "host/wire_protocol.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

struct Frame {
    wire::FrameType type = wire::FrameType::Ack;
    std::vector<std::uint8_t> payload;
    int passedFd = -1;  // owned by the receiver when >= 0
};

struct Received {
    enum class Status : std::uint8_t { Ok, Timeout, Closed, Corrupt };
    Status status = Status::Closed;
    Frame frame;
    std::string error;
};

class HostChannel {
public:
    HostChannel() = default;
    explicit HostChannel(int fd) : fd_(fd) {}
    ~HostChannel();
    HostChannel(HostChannel&& other) noexcept;
    HostChannel& operator=(HostChannel&& other) noexcept;
    HostChannel(const HostChannel&) = delete;
    HostChannel& operator=(const HostChannel&) = delete;

    [[nodiscard]] int fd() const { return fd_; }
    [[nodiscard]] bool open() const { return fd_ >= 0; }
    void close();
    /// Gives up ownership of the fd without closing it.
    int release();

    Status send(wire::FrameType type, std::span<const std::uint8_t> payload, int passFd = -1);
    /// Waits at most timeoutMs (negative = forever) for one whole frame.
    Received receive(int timeoutMs);

private:
    bool parseBuffered(Frame& frame, std::string& error);
    Received::Status fill(int timeoutMs, std::string& error);
    void makeRoom();

    int fd_ = -1;
    std::vector<std::uint8_t> inbox_;  // bytes [inboxStart_, inboxEnd_) are unread
    std::size_t inboxStart_ = 0;
    std::size_t inboxEnd_ = 0;
    std::vector<int> passedFds_;
};

}  // namespace eapscope
