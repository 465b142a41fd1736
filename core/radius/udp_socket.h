// A UDP socket for RADIUS over IPv4: connected (EapScope as NAS, `run --radius HOST:PORT`) or
// bound (EapScope as server, `serve --listen HOST:PORT`). RAII over the descriptor.
#pragma once

#include "radius/radius_transport.h"

#include <netinet/in.h>

#include <string>
#include <string_view>

namespace eapscope::radius {

struct Endpoint {
    sockaddr_in address{};

    [[nodiscard]] std::string text() const;  // "127.0.0.1:1812"
    bool operator==(const Endpoint& other) const;
};

/// "HOST:PORT" (a dotted IPv4 address or a name that resolves to one); the error names the text.
Result<Endpoint> parseEndpoint(std::string_view text);

struct Datagram {
    std::vector<std::uint8_t> bytes;
    Endpoint from;
};

class UdpSocket final : public RadiusTransport {
public:
    static Result<UdpSocket> connect(const Endpoint& server);
    static Result<UdpSocket> bind(const Endpoint& local);

    UdpSocket(UdpSocket&& other) noexcept;
    UdpSocket& operator=(UdpSocket&& other) noexcept;
    UdpSocket(const UdpSocket&) = delete;
    UdpSocket& operator=(const UdpSocket&) = delete;
    ~UdpSocket() override;

    Status send(std::span<const std::uint8_t> datagram) override;
    std::optional<std::vector<std::uint8_t>> receive(std::chrono::milliseconds wait) override;

    Status sendTo(std::span<const std::uint8_t> datagram, const Endpoint& to);
    /// The next datagram and its sender, or nothing after `wait` (or when interrupted by a signal).
    std::optional<Datagram> receiveFrom(std::chrono::milliseconds wait);
    [[nodiscard]] Endpoint local() const;
    [[nodiscard]] int descriptor() const { return fd_; }

private:
    explicit UdpSocket(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace eapscope::radius
