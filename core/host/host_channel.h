// One end of the host protocol's socket (wire_protocol.h): sends whole frames and receives
// them with a deadline, passing a file descriptor alongside a frame when asked (SCM_RIGHTS,
// used to hand a checkpoint's socket to the controller). Used by both the controller and the
// host; owns its fd. The framing lives in host_channel.cpp, the transport in
// host_channel_posix.cpp (a socket) and host_channel_win.cpp (eapscope-host.exe: the C
// runtime's descriptors of its standard input and output, no deadlines, no fd passing).
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
    explicit HostChannel(int fd) : fd_(fd), writeFd_(fd) {}
    /// Reads from one descriptor and writes to another (a pipe pair or stdin/stdout).
    HostChannel(int readFd, int writeFd) : fd_(readFd), writeFd_(writeFd) {}
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
    /// POSIX: makes SO_RCVTIMEO timeoutMs (0 = none) unless it is already; false when fd_ is
    /// not a socket.
    bool setSocketTimeout(int timeoutMs);
    void makeRoom();

    static constexpr std::size_t kReadChunk = 64 * 1024;

    int fd_ = -1;
    int writeFd_ = -1;
    std::vector<std::uint8_t> inbox_;  // bytes [inboxStart_, inboxEnd_) are unread
    std::size_t inboxStart_ = 0;
    std::size_t inboxEnd_ = 0;
    std::vector<int> passedFds_;
    // POSIX: the receive deadline is the socket's SO_RCVTIMEO, so a wait is one recvmsg() and
    // not poll() + recvmsg(); set only when it changes. 0 = none (blocks), kPollOnly = fd_ is
    // not a socket (a pipe): poll() then.
    static constexpr int kPollOnly = -1;
    int socketTimeoutMs_ = 0;
};

}  // namespace eapscope
