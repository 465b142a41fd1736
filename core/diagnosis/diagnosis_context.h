// Shared by the diagnosis passes (internal to core/diagnosis): the conversation under study,
// its packets in order with who sent each, and how a pass adds a reason.
#pragma once

#include "diagnosis/capture_diagnosis.h"

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eapscope::diagnosis_detail {

/// Decoded certificates by their DER bytes: a capture sends the same server chain in every
/// conversation, and OpenSSL's decoding is most of what a diagnosis would otherwise cost.
/// Looked up by the bytes in place (no copy of the DER for a certificate already decoded).
class CertificateCache {
public:
    struct Entry {
        std::shared_ptr<const CertificateDetails> details;  // null when OpenSSL cannot parse it
        bool weak = false;                                  // certificateWeakness() is not empty
    };
    const Entry& decode(std::span<const std::uint8_t> der);

private:
    struct Hash {
        using is_transparent = void;
        // A DER certificate ends with its signature: hashing those bytes tells certificates
        // apart as well as hashing all of them, at a fraction of the cost (equality still
        // compares every byte).
        std::size_t operator()(std::string_view der) const
        {
            return std::hash<std::string_view>{}(
                       der.substr(der.size() - std::min<std::size_t>(der.size(), 32))) ^
                   der.size();
        }
    };
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> decoded_;
};

/// ClientHello offers (TlsSummary::offered) by their contents: a supplicant offers the same
/// versions, suites and server name in every conversation.
class OfferCache {
public:
    std::shared_ptr<const TlsOffer> offer(const TlsHello& client);

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    std::string key_;  // reused: the offer's contents, each list after its length
    std::unordered_map<std::string, std::shared_ptr<const TlsOffer>, Hash, std::equal_to<>> offers_;
};

/// One side's TLS message as parsed for the diagnosis.
struct Flight {
    std::uint32_t packet = kNoPacket;  // the packet that completed the message
    Sender sender = Sender::Server;
    TlsFlight tls;
};

/// What the passes reuse from one conversation to the next instead of allocating it again.
struct DiagnosisScratch {
    CertificateCache certificates;
    OfferCache offers;
    // diagnoseTls's flights: parsed into in place (parseTlsFlight keeps their storage); only the
    // first `used` belong to the conversation under study.
    std::vector<Flight> flights;
    // certificates()'s list of the conversation's distinct certificates before they are kept.
    std::vector<std::pair<const Flight*, const CertificateCache::Entry*>> sent;
    // captureEventOf's hint: conversations come in the order of their first frame.
    std::size_t controlHint = 0;
};

struct ConversationView {
    const CaptureImport& capture;
    const CaptureConversation& conversation;
    std::uint32_t index = 0;
    const DiagnosisOptions& options;
    CertificateCache& certificates;
    std::vector<Flight>& flights;  // DiagnosisScratch::flights
    OfferCache& offers;
    std::vector<std::pair<const Flight*, const CertificateCache::Entry*>>& sent;  // DiagnosisScratch::sent
    std::size_t& controlHint;  // DiagnosisScratch::controlHint

    /// The EAP bytes of a packet, cut at its Length field.
    [[nodiscard]] std::span<const std::uint8_t> eap(std::uint32_t packet) const;
    [[nodiscard]] const CapturedPacket& packet(std::uint32_t packet) const { return capture.packets[packet]; }
    /// Who sent it (sentByPeer, capture_types.h).
    [[nodiscard]] Sender sender(std::uint32_t packet) const;
    /// Seconds since the epoch at which the packet was captured.
    [[nodiscard]] std::int64_t captureTime(std::uint32_t packet) const;
    /// The conversation's method: negotiated, else the last one proposed, else 0.
    [[nodiscard]] std::uint8_t method() const;
    /// "alice", or "(none)" when the peer sent no identity.
    [[nodiscard]] std::string identity() const;
    /// captureEventOf(capture, packet), remembering the last answer: a certificate and the
    /// reasons about it point at the same packet.
    [[nodiscard]] EventId event(std::uint32_t packet) const;

    // event()'s memory (left out of the braces that build a view).
    mutable std::uint32_t eventPacket_ = kNoPacket;
    mutable EventId event_;
};

/// "server" / "device": how a reason sentence names a side.
std::string sideName(Sender sender);

/// Adds a catalogue reason proven by `packet` (kNoPacket: none), filling text and advice.
Reason& addReason(ConversationDiagnosis& out, const ConversationView& view, std::string_view id,
                  std::uint32_t packet, ReasonDetails details);

bool hasReason(const ConversationDiagnosis& out, std::string_view id);

/// TLS-based methods: flights, certificates, TLS summary and the TLS reasons
/// (TLS_ALERT_*, TLS_HANDSHAKE_REJECTED, INNER_AUTH_FAILED, CERTIFICATE_*, TLS_RESUMED).
void diagnoseTls(const ConversationView& view, ConversationDiagnosis& out);

/// Seconds as "3.2".
std::string formatSeconds(std::uint64_t ns);

}  // namespace eapscope::diagnosis_detail
