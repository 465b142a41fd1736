// What a reassembled TLS message (one flight of EAP-TLS/PEAP/TTLS/FAST/TEAP, see
// tls_reassembler.h) says in the clear: handshake messages (RFC 5246 §7.4, RFC 8446 §4),
// ClientHello/ServerHello contents (versions, cipher suites, SNI, session id), the certificate
// chain as sent, and alerts (RFC 5246 §7.2). Records after the sender's ChangeCipherSpec are
// encrypted and only counted. Never throws; garbage gives what parsed before it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

/// A list of big-endian 16-bit values (cipher suites, versions) viewed in the bytes parsed.
class TlsUint16List {
public:
    class Iterator {
    public:
        using value_type = std::uint16_t;
        using difference_type = std::ptrdiff_t;
        Iterator() = default;
        explicit Iterator(const std::uint8_t* at) : at_(at) {}
        std::uint16_t operator*() const { return static_cast<std::uint16_t>((at_[0] << 8) | at_[1]); }
        Iterator& operator++()
        {
            at_ += 2;
            return *this;
        }
        Iterator operator++(int)
        {
            Iterator before = *this;
            at_ += 2;
            return before;
        }
        bool operator==(const Iterator&) const = default;

    private:
        const std::uint8_t* at_ = nullptr;
    };
    TlsUint16List() = default;
    explicit TlsUint16List(std::span<const std::uint8_t> bytes)
        : bytes_(bytes.first(bytes.size() & ~std::size_t(1)))
    {
    }
    [[nodiscard]] std::size_t size() const { return bytes_.size() / 2; }
    [[nodiscard]] bool empty() const { return bytes_.empty(); }
    [[nodiscard]] std::uint16_t operator[](std::size_t i) const { return *Iterator(bytes_.data() + 2 * i); }
    [[nodiscard]] std::uint16_t front() const { return (*this)[0]; }
    [[nodiscard]] Iterator begin() const { return Iterator(bytes_.data()); }
    [[nodiscard]] Iterator end() const { return Iterator(bytes_.data() + bytes_.size()); }
    [[nodiscard]] std::vector<std::uint16_t> toVector() const { return {begin(), end()}; }
    /// The big-endian bytes viewed.
    [[nodiscard]] std::span<const std::uint8_t> bytes() const { return bytes_; }

private:
    std::span<const std::uint8_t> bytes_;
};

// Views into the handshake bytes parsed (TlsFlight says how long they stay valid): a capture has
// a pair of Hellos in each of its conversations, and copying their lists into vectors was most of
// what parsing a flight cost.
struct TlsHello {
    bool client = true;
    std::uint16_t legacyVersion = 0;          // ProtocolVersion of the Hello body
    TlsUint16List supportedVersions;          // extension 43 (ClientHello: offered; ServerHello: chosen)
    std::span<const std::uint8_t> sessionId;  // legacy_session_id
    TlsUint16List cipherSuites;               // ClientHello: offered; ServerHello: the one chosen
    std::string_view serverName;              // SNI host_name (ClientHello), empty if none
    /// The version this Hello stands for: supported_versions when present, else legacyVersion.
    [[nodiscard]] std::uint16_t version() const;
};

struct TlsAlert {
    std::uint8_t level = 0;        // 1 warning, 2 fatal; 0 when encrypted
    std::uint8_t description = 0;  // RFC 5246 §7.2 / RFC 8446 §6 AlertDescription
    bool encrypted = false;        // sent after ChangeCipherSpec: level and description unknown
};

struct TlsFlight {
    // Moved, never copied: a copy of joinedHandshake would leave the views pointing at the
    // original's bytes (a moved vector keeps its buffer, and the views stay valid).
    TlsFlight() = default;
    TlsFlight(TlsFlight&&) noexcept = default;
    TlsFlight& operator=(TlsFlight&&) noexcept = default;
    TlsFlight(const TlsFlight&) = delete;
    TlsFlight& operator=(const TlsFlight&) = delete;

    std::vector<std::uint8_t> handshakeTypes;  // clear handshake messages, in order
    std::optional<TlsHello> clientHello, serverHello;
    // DER, as sent (leaf first). Like the Hellos' lists, views into the records parsed, not
    // copies (a flight's certificates are most of its bytes), or into joinedHandshake when the
    // handshake messages spanned records. Valid while those bytes are.
    std::vector<std::span<const std::uint8_t>> certificates;
    std::vector<std::uint8_t> joinedHandshake;
    bool certificateRequest = false;
    std::vector<TlsAlert> alerts;
    bool changeCipherSpec = false;
    std::uint32_t encryptedRecords = 0;  // handshake/alert records after ChangeCipherSpec
    std::uint32_t applicationData = 0;   // ApplicationData records
    bool malformed = false;              // a record or handshake message broke off
};

/// One TLS record (RFC 5246 §6.2.1: ContentType(1) ProtocolVersion(2) length(2) fragment).
struct TlsRecord {
    std::uint8_t content = 0;  // 20 ChangeCipherSpec, 21 Alert, 22 Handshake, 23 ApplicationData
    std::uint16_t version = 0;
    std::uint32_t offset = 0;                // of the header, in the bytes walked
    std::uint32_t length = 0;                // as the header declares it
    std::span<const std::uint8_t> fragment;  // the bytes present: fewer than length when cut off
    [[nodiscard]] bool truncated() const { return fragment.size() < length; }
};

/// The one walk over TLS records, for the decoder's listing (eap_tls_types.cpp) and for
/// parseTlsFlight: yields each record until the bytes end, a header does not look like TLS
/// (content type 20–23, version 3.0–3.4), a record runs past the end (yielded, truncated) or
/// kMaxRecords were read (bounds the work on garbage).
class TlsRecordWalker {
public:
    static constexpr int kMaxRecords = 64;
    explicit TlsRecordWalker(std::span<const std::uint8_t> data) : data_(data) {}
    std::optional<TlsRecord> next();
    /// True when the walk stopped on something other than the end of the bytes.
    [[nodiscard]] bool broken() const { return broken_; }

private:
    std::span<const std::uint8_t> data_;
    std::size_t at_ = 0;
    int count_ = 0;
    bool broken_ = false;
    bool stopped_ = false;
};

/// Parses the TLS records of one reassembled message.
TlsFlight parseTlsFlight(std::span<const std::uint8_t> records);
/// The same into `flight`, which is reset first and keeps its vectors' storage: a caller
/// parsing many flights (a capture's diagnosis) reuses them without allocating.
void parseTlsFlight(std::span<const std::uint8_t> records, TlsFlight& flight);

/// "ClientHello", "Certificate", … (RFC 8446 §4 HandshakeType), or "Handshake-N".
std::string tlsHandshakeName(std::uint8_t type);
/// "TLS 1.2", "TLS 1.3", "SSL 3.0", or "0xNNNN".
std::string tlsVersionName(std::uint16_t version);
/// IANA name ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256") of the common suites, else "0xNNNN".
std::string tlsCipherSuiteName(std::uint16_t suite);
/// "handshake_failure", "unknown_ca", … (IANA TLS Alert Registry), or "alert-N".
std::string tlsAlertDescriptionName(std::uint8_t description);
/// "warning", "fatal", or "level-N".
std::string tlsAlertLevelName(std::uint8_t level);

}  // namespace eapscope
