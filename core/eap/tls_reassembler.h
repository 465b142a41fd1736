// Reassembles the TLS message carried in EAP-TLS/TTLS/PEAP/FAST fragments sent by one side of a
// conversation (RFC 5216 §3.1: L = TLS Message Length present, M = more fragments follow; each
// fragment is its own EAP packet acknowledged by an empty Response). Like Wireshark, the result
// is reported on the last fragment.
#pragma once

#include "eap/eap_decoder.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace eapscope {

struct TlsMessage {
    std::uint32_t fragments = 0;
    std::uint32_t length = 0;  // bytes reassembled
    // The TLS records (at most kMaxBytes of them; see below): joined from several fragments, or,
    // for a message that came in one fragment (most of them), a view into the packet fed, which
    // is not copied.
    std::vector<std::uint8_t> joined;
    std::span<const std::uint8_t> inPlace;
    [[nodiscard]] std::span<const std::uint8_t> data() const
    {
        return joined.empty() ? inPlace : std::span<const std::uint8_t>(joined);
    }
    /// "Handshake(ClientHello) ChangeCipherSpec …": named when asked (the import keeps the bytes
    /// and names them only when a packet is shown).
    [[nodiscard]] std::string records() const;
};

class TlsReassembler {
public:
    /// Feeds one EAP packet of a TLS-family type from this side. Returns the message when this
    /// packet completed it (a one-fragment message views `eap`: keep those bytes alive while it
    /// is used); anomalies (incomplete or overrun reassembly) go to `anomalies`.
    std::optional<TlsMessage> feed(std::span<const std::uint8_t> eap, std::vector<EapAnomaly>& anomalies);

    /// Reports a message still in progress (e.g. at the end of a conversation) as incomplete.
    void finish(std::vector<EapAnomaly>& anomalies);

private:
    // A TLS flight is a few kB; certificates chains reach tens of kB. Beyond this, keep counting
    // fragments but stop copying, so a hostile capture cannot grow memory.
    static constexpr std::size_t kMaxBytes = 1u << 20;

    TlsMessage complete();
    void checkOverrun(std::vector<EapAnomaly>& anomalies) const;

    std::vector<std::uint8_t> buffer_;
    std::optional<std::uint32_t> expected_;
    std::uint32_t fragments_ = 0;
    std::uint32_t received_ = 0;
    bool inProgress_ = false;
};

}  // namespace eapscope
