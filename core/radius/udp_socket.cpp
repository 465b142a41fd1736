#include "radius/udp_socket.h"

#include "common/system_text.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

namespace eapscope::radius {

namespace {

MessageText systemError(MessageText what)
{
    return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: %2"), {std::move(what), errnoText(errno)});
}

}  // namespace

std::string Endpoint::text() const
{
    char host[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &address.sin_addr, host, sizeof host);
    return std::string(host) + ":" + std::to_string(ntohs(address.sin_port));
}

bool Endpoint::operator==(const Endpoint& other) const
{
    return address.sin_addr.s_addr == other.address.sin_addr.s_addr &&
           address.sin_port == other.address.sin_port;
}

Result<Endpoint> parseEndpoint(std::string_view text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not HOST:PORT"),
                                {verbatim(std::string(text))}));
    }
    const std::string_view portText = text.substr(colon + 1);
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (ec != std::errc() || end != portText.data() + portText.size() || port > 65535) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1': the port must be a number 0..65535"),
                   {verbatim(std::string(text))}));
    }
    const std::string host(text.substr(0, colon));
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1': '%2' is not an IPv4 address or known host name"),
            {verbatim(std::string(text)), verbatim(host)}));
    }
    Endpoint endpoint;
    std::memcpy(&endpoint.address, found->ai_addr, sizeof endpoint.address);
    freeaddrinfo(found);
    endpoint.address.sin_port = htons(static_cast<std::uint16_t>(port));
    return endpoint;
}

Result<UdpSocket> UdpSocket::connect(const Endpoint& server)
{
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return makeError(
            systemError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot open a UDP socket"))));
    }
    UdpSocket s(fd);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&server.address), sizeof server.address) != 0) {
        return makeError(
            systemError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot address RADIUS server %1"),
                               {verbatim(server.text())})));
    }
    return s;
}

Result<UdpSocket> UdpSocket::bind(const Endpoint& local)
{
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return makeError(
            systemError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot open a UDP socket"))));
    }
    UdpSocket s(fd);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&local.address), sizeof local.address) != 0) {
        return makeError(systemError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot listen on %1"), {verbatim(local.text())})));
    }
    return s;
}

UdpSocket::UdpSocket(UdpSocket&& other) noexcept : fd_(std::exchange(other.fd_, -1))
{
}

UdpSocket& UdpSocket::operator=(UdpSocket&& other) noexcept
{
    if (this != &other) {
        if (fd_ >= 0) {
            close(fd_);
        }
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

UdpSocket::~UdpSocket()
{
    if (fd_ >= 0) {
        close(fd_);
    }
}

Status UdpSocket::send(std::span<const std::uint8_t> datagram)
{
    if (::send(fd_, datagram.data(), datagram.size(), 0) < 0) {
        return makeError(
            systemError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot send to the RADIUS server"))));
    }
    return Ok{};
}

Status UdpSocket::sendTo(std::span<const std::uint8_t> datagram, const Endpoint& to)
{
    if (::sendto(fd_, datagram.data(), datagram.size(), 0, reinterpret_cast<const sockaddr*>(&to.address),
                 sizeof to.address) < 0) {
        return makeError(systemError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot send to %1"), {verbatim(to.text())})));
    }
    return Ok{};
}

std::optional<std::vector<std::uint8_t>> UdpSocket::receive(std::chrono::milliseconds wait)
{
    auto datagram = receiveFrom(wait);
    if (!datagram) {
        return std::nullopt;
    }
    return std::move(datagram->bytes);
}

std::optional<Datagram> UdpSocket::receiveFrom(std::chrono::milliseconds wait)
{
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(std::max<std::int64_t>(0, left.count()))) != 1) {
            return std::nullopt;  // the wait is over, or a signal (serve's Ctrl+C) cut it short
        }
        Datagram d;
        d.bytes.resize(65536);
        socklen_t size = sizeof d.from.address;
        const ssize_t n = recvfrom(fd_, d.bytes.data(), d.bytes.size(), 0,
                                   reinterpret_cast<sockaddr*>(&d.from.address), &size);
        if (n >= 0) {
            d.bytes.resize(static_cast<std::size_t>(n));
            return d;
        }
        // ECONNREFUSED (ICMP port unreachable for an earlier send) says nothing listens there:
        // to the NAS that is the same as silence, so keep waiting out the time.
        if (errno != ECONNREFUSED || left.count() <= 0) {
            return std::nullopt;
        }
    }
}

Endpoint UdpSocket::local() const
{
    Endpoint e;
    socklen_t size = sizeof e.address;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&e.address), &size);
    return e;
}

}  // namespace eapscope::radius
