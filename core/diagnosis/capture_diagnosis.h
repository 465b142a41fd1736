// Why a captured conversation succeeded or failed (DESIGN.md "Diagnosis of captured
// conversations"): a verdict per conversation, reasons from the catalogue (reason_catalogue.h)
// each pointing at the frame that proves it, the certificates sent in clear TLS handshakes and
// a TLS summary. A pure function of an imported capture (capture_importer.h); no Qt.
//
// Frames and events: Reason::frame is the capture's frame number (as Wireshark counts),
// Reason::packet the index into CaptureImport::packets, and Reason::event the row of that packet
// in captureToTrace(capture) (capture_trace.h) — what the GUI selects when a reason is clicked.
#pragma once

#include "capture/capture_types.h"
#include "common/strong_id.h"
#include "diagnosis/reason_catalogue.h"
#include "eap/tls_certificate.h"
#include "eap/tls_handshake.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

enum class Verdict : std::uint8_t { Success, Failure, Incomplete };

/// "success", "failure", "incomplete" (the JSON and report spelling).
std::string_view toString(Verdict verdict);

inline constexpr std::uint32_t kNoPacket = UINT32_MAX;

/// Which side of the conversation sent something, as the JSON spells it.
enum class Sender : std::uint8_t { Server, Peer };
std::string_view toString(Sender sender);  // "server", "peer"

struct Reason {
    // The catalogue id (reason_catalogue.h), viewing the catalogue's own text: most ids are
    // longer than a short string holds, and a capture has a reason in most conversations.
    std::string_view id;
    Severity severity = Severity::Error;
    std::uint32_t frame = 0;           // the frame that proves it (0: none, e.g. a capture that stops)
    std::uint32_t packet = kNoPacket;  // index into CaptureImport::packets
    EventId event;                     // row in captureToTrace(capture); invalid without a packet
    ReasonDetails facts;               // the values the finder gave (read them through details())
    // CERTIFICATE_* reasons: the certificate they are about, who sent it and the capture's time
    // at `frame`.
    std::shared_ptr<const CertificateDetails> certificate;
    Sender certificateSender = Sender::Server;
    std::int64_t captureTime = 0;

    // Placeholder values and details (JSON keys): for a certificate, its sender ("sender",
    // "sender_name"); `facts`; then the certificate's subject, fingerprint, validity and the
    // capture time, formatted here. Like text() and advice(), built
    // when shown or written: a capture has reasons in most conversations (the same certificate
    // weak or expired in each of them) and few are ever looked at.
    [[nodiscard]] ReasonDetails details() const;
    // The catalogue sentence and advice filled with details() (English).
    [[nodiscard]] std::string text() const;
    [[nodiscard]] std::string advice() const;
};

/// What makes a certificate weak enough for CERTIFICATE_WEAK, joined ("SHA-1 signature (…), RSA
/// key of 1024 bits"); empty when nothing does. A root's own signature is never checked, so a
/// self-signed certificate's signature algorithm does not count.
std::string certificateWeakness(const CertificateDetails& certificate);
/// The same weaknesses as sentences, for the GUI to show translated (certificateWeakness() joins
/// their English with ", ").
std::vector<MessageText> certificateWeaknessTexts(const CertificateDetails& certificate);

struct CapturedCertificate {
    Sender sender = Sender::Server;
    std::uint32_t frame = 0;  // the frame completing the TLS message that carried it
    std::uint32_t packet = kNoPacket;
    EventId event;
    std::uint32_t chainIndex = 0;  // 0 = the sender's own certificate, then the chain as sent
    // Never null. Shared: a capture sends the same chain in each of its conversations, and one
    // decoded copy serves them all (diagnosis adds at most 10% to an import, capture_bench).
    std::shared_ptr<const CertificateDetails> details;
    bool expired = false, notYetValid = false;  // against the capture's time at `frame`
    std::int64_t captureTime = 0;               // that time, seconds since the epoch
};

struct TlsAlertSeen {
    Sender sender = Sender::Server;
    std::uint32_t frame = 0;
    std::uint32_t packet = kNoPacket;
    EventId event;
    TlsAlert alert;
    std::string stage;  // the last clear handshake message before it: "ServerHelloDone", "ClientHello"
};

/// What a ClientHello offered. Versions and suites are kept as numbers (GREASE left out) and named
/// where shown, by tlsVersionName and tlsCipherSuiteName: a ClientHello offers dozens.
struct TlsOffer {
    std::vector<std::uint16_t> versions;  // supported_versions, else the Hello's own version
    std::vector<std::uint16_t> cipherSuites;
    std::string serverName;  // SNI
};

struct TlsSummary {
    std::string version;  // negotiated ("TLS 1.2"), empty before a ServerHello
    // Null without a ClientHello. Shared: a supplicant offers the same in each of its
    // conversations, and one copy serves them all (allocating the lists for every conversation
    // cost a twelfth of a diagnosis).
    std::shared_ptr<const TlsOffer> offered;
    std::optional<std::uint16_t> cipherSuite;  // chosen, none before a ServerHello
    bool resumed = false;                      // abbreviated handshake (session id or ticket echoed)
    bool certificatesEncrypted = false;        // TLS 1.3: certificates travel encrypted
    std::vector<TlsAlertSeen> alerts;

    /// The offer's lists and name, empty without a ClientHello.
    [[nodiscard]] std::span<const std::uint16_t> versionsOffered() const;
    [[nodiscard]] std::span<const std::uint16_t> cipherSuitesOffered() const;
    [[nodiscard]] std::string_view serverName() const;
};

struct ConversationDiagnosis {
    std::uint32_t conversation = 0;  // index into CaptureImport::conversations
    Verdict verdict = Verdict::Incomplete;
    std::vector<Reason> reasons;  // most important first: errors, then warnings, then info
    std::vector<CapturedCertificate> certificates;
    std::optional<TlsSummary> tls;  // when the conversation used a TLS-based method

    /// The reason to show in one line (the first), or nullptr when there is none.
    [[nodiscard]] const Reason* mainReason() const { return reasons.empty() ? nullptr : &reasons.front(); }
};

struct CaptureDiagnosis {
    std::vector<ConversationDiagnosis> conversations;  // one per CaptureImport::conversations, same order
};

struct DiagnosisOptions {
    // A response (or the next request) later than this is SLOW_ROUND_TRIP. Authenticators
    // retransmit after 3–30 s and RADIUS clients after ~5 s, so 3 s is already felt by users.
    std::uint64_t slowRoundTripNs = 3'000'000'000ull;
};

/// Diagnoses every conversation of an import.
CaptureDiagnosis diagnoseCapture(const CaptureImport& capture, const DiagnosisOptions& options = {});

/// Diagnoses one conversation (index into capture.conversations).
ConversationDiagnosis diagnoseConversation(const CaptureImport& capture, std::uint32_t conversation,
                                           const DiagnosisOptions& options = {});

}  // namespace eapscope
