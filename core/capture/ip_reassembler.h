// Reassembles IPv4 (RFC 791 §3.2) and IPv6 (RFC 8200 §4.5) fragments. Like Wireshark, the
// datagram is delivered on the frame that completes it; earlier fragments deliver nothing.
// Memory is bounded: at most kMaxPending datagrams in progress, oldest evicted first.
#pragma once

#include <cstdint>
#include <list>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

class IpReassembler {
public:
    struct Fragment {
        std::string key;           // addresses + identification + protocol, as bytes
        std::uint32_t offset = 0;  // bytes
        bool more = false;
        std::span<const std::uint8_t> payload;
    };

    /// Adds a fragment; returns the whole payload when this fragment completed its datagram.
    std::optional<std::vector<std::uint8_t>> add(const Fragment& fragment);

    /// Datagrams dropped incomplete so far (evicted or left at the end).
    [[nodiscard]] std::size_t incomplete() const { return evicted_ + pending_.size(); }

private:
    static constexpr std::size_t kMaxPending = 256;
    static constexpr std::uint32_t kMaxDatagram = 65535 + 8;

    struct Pending {
        std::string key;
        std::vector<std::uint8_t> data;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;  // [begin, end)
        std::optional<std::uint32_t> total;
    };

    static bool complete(Pending& pending);

    std::list<Pending> pending_;
    std::size_t evicted_ = 0;
};

}  // namespace eapscope
