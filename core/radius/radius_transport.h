// How the session engine, as a NAS, reaches a RADIUS server: one datagram out, one datagram
// in (or nothing within the wait). UdpSocket is the real one; tests may give their own.
#pragma once

#include "common/result.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace eapscope::radius {

class RadiusTransport {
public:
    virtual ~RadiusTransport() = default;
    virtual Status send(std::span<const std::uint8_t> datagram) = 0;
    /// The next datagram from the server, or nothing after `wait`.
    virtual std::optional<std::vector<std::uint8_t>> receive(std::chrono::milliseconds wait) = 0;
};

}  // namespace eapscope::radius
