// One end of the host protocol's connection (wire_protocol.h): sends whole frames and receives
// them with a deadline, passing file descriptors alongside a frame when asked (SCM_RIGHTS, used
// to hand a checkpoint's sockets to the controller). Used by both the controller and the host;
// owns its fds. A connection is one socket per direction (HostChannel(readFd, writeFd)): with
// one socket for both, every read of a frame signals "write space" on the queue the other end
// sleeps on while it waits for its next frame, a wake-up with nothing to read per frame.
// The framing lives in host_channel.cpp, the transport in host_channel_posix.cpp (sockets) and
// host_channel_win.cpp (eapscope-host.exe: the C runtime's descriptors of its standard input
// and output, no deadlines, no fd passing).
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
    std::vector<int> passedFds;  // owned by the receiver
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

    /// The descriptor frames are read from.
    [[nodiscard]] int fd() const { return fd_; }
    /// The descriptor frames are written to (fd() when one socket carries both directions).
    [[nodiscard]] int writeFd() const { return writeFd_; }
    [[nodiscard]] bool open() const { return fd_ >= 0; }
    void close();

    /// Sends one frame; `passFds` travel with it (POSIX only).
    Status send(wire::FrameType type, std::span<const std::uint8_t> payload,
                std::span<const int> passFds = {});
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
    static constexpr std::size_t kMaxPassedFds = 4;  // per frame

    int fd_ = -1;
    int writeFd_ = -1;
    std::vector<std::uint8_t> inbox_;  // bytes [inboxStart_, inboxEnd_) are unread
    std::size_t inboxStart_ = 0;
    std::size_t inboxEnd_ = 0;
    // Received descriptors with the stream offset of the last byte read alongside them: the
    // kernel ends a read right after the segment that carried descriptors (the first segment of
    // the frame they were sent with), so they belong to the frame holding that byte; the same
    // read may begin with earlier frames that carried none.
    struct PassedFd {
        std::uint64_t offset = 0;
        int fd = -1;
    };
    std::vector<PassedFd> passedFds_;
    std::uint64_t readTotal_ = 0;    // stream bytes read so far
    std::uint64_t parsedTotal_ = 0;  // stream offset of inbox_[inboxStart_]
    // POSIX: the receive deadline is the socket's SO_RCVTIMEO, so a wait is one recvmsg() and
    // not poll() + recvmsg(); set only when it changes. 0 = none (blocks), kPollOnly = fd_ is
    // not a socket (a pipe): poll() then.
    static constexpr int kPollOnly = -1;
    int socketTimeoutMs_ = 0;
};

}  // namespace eapscope
