// The Windows transport of HostChannel, for eapscope-host.exe: frames travel over the C
// runtime's descriptors of the process's standard input and output, which the controller
// (through Wine, or a Windows parent) connects to its end of the channel. The host only ever
// waits without a deadline and passes no descriptors, so neither is implemented here.
#include "host/host_channel.h"

#include <io.h>

#include <cerrno>
#include <cstring>

namespace eapscope {

void HostChannel::close()
{
    if (writeFd_ >= 0 && writeFd_ != fd_) {
        ::_close(writeFd_);
    }
    writeFd_ = -1;
    if (fd_ >= 0) {
        ::_close(fd_);
        fd_ = -1;
    }
    inbox_.clear();
    inboxStart_ = inboxEnd_ = 0;
}

Status HostChannel::send(wire::FrameType type, std::span<const std::uint8_t> payload,
                         std::span<const int> passFds)
{
    if (writeFd_ < 0 || !passFds.empty()) {
        return makeError(!passFds.empty() ? "descriptor passing is not available on Windows"
                                          : "the host connection is closed");
    }
    const auto bodyLength = static_cast<std::uint32_t>(payload.size() + 1);
    std::vector<std::uint8_t> frame(wire::kFrameHeaderSize + bodyLength);
    for (std::size_t i = 0; i < wire::kFrameHeaderSize; ++i) {
        frame[i] = static_cast<std::uint8_t>(bodyLength >> (8 * i));
    }
    frame[wire::kFrameHeaderSize] = static_cast<std::uint8_t>(type);
    if (!payload.empty()) {
        std::memcpy(frame.data() + wire::kFrameHeaderSize + 1, payload.data(), payload.size());
    }
    std::size_t done = 0;
    while (done < frame.size()) {
        const int wrote = ::_write(writeFd_, frame.data() + done, static_cast<unsigned>(frame.size() - done));
        if (wrote <= 0) {
            return makeError(std::string("cannot write to the host connection: ") + std::strerror(errno));
        }
        done += static_cast<std::size_t>(wrote);
    }
    return Ok{};
}

Received::Status HostChannel::fill(int /*timeoutMs*/, std::string& error)
{
    makeRoom();
    const int got = ::_read(fd_, inbox_.data() + inboxEnd_, static_cast<unsigned>(inbox_.size() - inboxEnd_));
    if (got > 0) {
        inboxEnd_ += static_cast<std::size_t>(got);
        return Received::Status::Ok;
    }
    error = got == 0 ? "the controller closed the connection"
                     : std::string("read failed: ") + std::strerror(errno);
    return Received::Status::Closed;
}

}  // namespace eapscope
