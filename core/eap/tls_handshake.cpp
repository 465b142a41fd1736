#include "eap/tls_handshake.h"

#include <algorithm>
#include <cstdio>

namespace eapscope {
namespace {

constexpr std::uint8_t kChangeCipherSpec = 20, kAlert = 21, kHandshake = 22, kApplicationData = 23;
constexpr std::uint8_t kClientHello = 1, kServerHello = 2, kCertificate = 11, kCertificateRequest = 13;
constexpr std::uint16_t kExtServerName = 0, kExtSupportedVersions = 43;
constexpr std::size_t kMaxCertificates = 16;

// Bounds-checked big-endian reads over one span; a read past the end sets `failed`.
struct Reader {
    std::span<const std::uint8_t> data;
    std::size_t at = 0;
    bool failed = false;

    bool has(std::size_t n) const { return !failed && n <= data.size() - at; }
    std::uint32_t uint(std::size_t n)
    {
        if (!has(n)) {
            failed = true;
            return 0;
        }
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < n; ++i)
            value = (value << 8) | data[at + i];
        at += n;
        return value;
    }
    std::span<const std::uint8_t> bytes(std::size_t n)
    {
        if (!has(n)) {
            failed = true;
            return {};
        }
        auto out = data.subspan(at, n);
        at += n;
        return out;
    }
    // A vector with a length prefix of `lengthBytes`.
    Reader sub(std::size_t lengthBytes)
    {
        std::size_t n = uint(lengthBytes);
        return Reader{bytes(n), 0, failed};
    }
    bool done() const { return failed || at >= data.size(); }
};

// RFC 6066 §3: server_name_list of (name_type, HostName); type 0 is host_name.
std::string_view serverName(Reader extension)
{
    Reader list = extension.sub(2);
    while (!list.done()) {
        std::uint32_t type = list.uint(1);
        auto name = list.sub(2).data;
        if (list.failed)
            break;
        if (type == 0)
            return {reinterpret_cast<const char*>(name.data()), name.size()};
    }
    return {};
}

void helloExtensions(Reader& r, TlsHello& hello)
{
    if (r.done())
        return;  // extensions are optional before TLS 1.3
    Reader extensions = r.sub(2);
    while (!extensions.done()) {
        auto type = static_cast<std::uint16_t>(extensions.uint(2));
        Reader body = extensions.sub(2);
        if (extensions.failed)
            break;
        if (type == kExtServerName && hello.client) {
            hello.serverName = serverName(body);
        } else if (type == kExtSupportedVersions) {
            // RFC 8446 §4.2.1: a list (1-byte length) in ClientHello, one version in ServerHello.
            hello.supportedVersions = TlsUint16List(hello.client ? body.sub(1).data : body.data);
        }
    }
}

// RFC 5246 §7.4.1.2 / §7.4.1.3, RFC 8446 §4.1.2 / §4.1.3.
std::optional<TlsHello> parseHello(std::span<const std::uint8_t> body, bool client)
{
    Reader r{body};
    TlsHello hello;
    hello.client = client;
    hello.legacyVersion = static_cast<std::uint16_t>(r.uint(2));
    r.bytes(32);  // random
    hello.sessionId = r.sub(1).data;
    if (client) {
        hello.cipherSuites = TlsUint16List(r.sub(2).data);
        r.sub(1);  // compression methods
    } else {
        hello.cipherSuites = TlsUint16List(r.bytes(2));
        r.uint(1);  // compression method
    }
    if (r.failed)
        return std::nullopt;
    helloExtensions(r, hello);
    return hello;
}

// RFC 5246 §7.4.2: certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>. (TLS 1.3's form has a
// context and per-entry extensions, but is always encrypted in EAP and never reaches here.)
void parseCertificates(std::span<const std::uint8_t> body, TlsFlight& flight)
{
    Reader r{body};
    Reader list = r.sub(3);
    flight.certificates.reserve(4);  // a chain rarely has more: one allocation, not three
    while (!list.done() && flight.certificates.size() < kMaxCertificates) {
        auto der = list.sub(3).data;
        if (list.failed) {
            flight.malformed = true;
            break;
        }
        flight.certificates.push_back(der);
    }
    if (r.failed)
        flight.malformed = true;
}

void parseHandshakeMessages(std::span<const std::uint8_t> stream, TlsFlight& flight)
{
    Reader r{stream};
    if (!r.done())
        flight.handshakeTypes.reserve(8);  // a flight has up to five or six: one allocation, not four
    while (!r.done()) {
        auto type = static_cast<std::uint8_t>(r.uint(1));
        auto body = r.sub(3).data;
        if (r.failed) {
            flight.malformed = true;
            break;
        }
        flight.handshakeTypes.push_back(type);
        if (type == kClientHello && !flight.clientHello) {
            flight.clientHello = parseHello(body, true);
            flight.malformed |= !flight.clientHello;
        } else if (type == kServerHello && !flight.serverHello) {
            flight.serverHello = parseHello(body, false);
            flight.malformed |= !flight.serverHello;
        } else if (type == kCertificate && flight.certificates.empty()) {
            parseCertificates(body, flight);
        } else if (type == kCertificateRequest) {
            flight.certificateRequest = true;
        }
    }
}

}  // namespace

std::uint16_t TlsHello::version() const
{
    if (supportedVersions.empty())
        return legacyVersion;
    if (!client)
        return supportedVersions.front();
    std::uint16_t best = 0;
    for (std::uint16_t v : supportedVersions) {
        if ((v & 0x0F0F) == 0x0A0A)
            continue;  // GREASE (RFC 8701)
        best = std::max(best, v);
    }
    return best ? best : legacyVersion;
}

std::optional<TlsRecord> TlsRecordWalker::next()
{
    if (stopped_ || at_ >= data_.size()) {
        return std::nullopt;
    }
    const std::size_t left = data_.size() - at_;
    const std::uint8_t* h = data_.data() + at_;
    if (count_ >= kMaxRecords || left < 5 || h[0] < kChangeCipherSpec || h[0] > kApplicationData ||
        h[1] != 3 || h[2] > 4) {
        stopped_ = broken_ = true;
        return std::nullopt;
    }
    ++count_;
    TlsRecord record;
    record.content = h[0];
    record.version = static_cast<std::uint16_t>((h[1] << 8) | h[2]);
    record.offset = static_cast<std::uint32_t>(at_);
    record.length = static_cast<std::uint32_t>((h[3] << 8) | h[4]);
    record.fragment = data_.subspan(at_ + 5, std::min<std::size_t>(record.length, left - 5));
    if (record.truncated()) {
        stopped_ = broken_ = true;
    }
    at_ += 5 + record.fragment.size();
    return record;
}

namespace {

// Whether `bytes` is a run of whole handshake messages: each header's length ends within them.
bool wholeMessages(std::span<const std::uint8_t> bytes)
{
    std::size_t at = 0;
    while (bytes.size() - at >= 4) {
        const std::size_t length = (std::size_t(bytes[at + 1]) << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
        if (length > bytes.size() - at - 4)
            return false;
        at += 4 + length;
    }
    return at == bytes.size();
}

}  // namespace

// Handshake messages may span records, so the clear handshake bytes are joined before they are
// split into messages. Most stacks end every message with its record (OpenSSL sends the server's
// Hello, Certificate and HelloDone in one record each): those records are parsed in place, and
// only a message that runs on into the next record is copied.
TlsFlight parseTlsFlight(std::span<const std::uint8_t> records)
{
    TlsFlight flight;
    parseTlsFlight(records, flight);
    return flight;
}

void parseTlsFlight(std::span<const std::uint8_t> records, TlsFlight& flight)
{
    flight.handshakeTypes.clear();
    flight.clientHello.reset();
    flight.serverHello.reset();
    flight.certificates.clear();
    flight.joinedHandshake.clear();  // keeps its storage for the next flight joined
    flight.certificateRequest = false;
    flight.alerts.clear();
    flight.changeCipherSpec = false;
    flight.encryptedRecords = 0;
    flight.applicationData = 0;
    flight.malformed = false;
    std::vector<std::uint8_t>& joined = flight.joinedHandshake;
    std::span<const std::uint8_t> handshake;
    TlsRecordWalker walk(records);
    while (auto record = walk.next()) {
        if (record->truncated()) {
            break;
        }
        const std::uint8_t content = record->content;
        const std::span<const std::uint8_t> fragment = record->fragment;
        if (content == kChangeCipherSpec) {
            flight.changeCipherSpec = true;
        } else if (content == kApplicationData) {
            ++flight.applicationData;
        } else if (flight.changeCipherSpec) {
            ++flight.encryptedRecords;  // Finished or alerts under the new keys
            if (content == kAlert)
                flight.alerts.push_back(TlsAlert{0, 0, true});
        } else if (content == kAlert) {
            for (std::size_t i = 0; i + 2 <= fragment.size(); i += 2)
                flight.alerts.push_back(TlsAlert{fragment[i], fragment[i + 1], false});
        } else if (content == kHandshake) {
            if (joined.empty() && (handshake.empty() || wholeMessages(handshake))) {
                parseHandshakeMessages(handshake, flight);
                handshake = fragment;
            } else {
                if (joined.empty()) {
                    joined.reserve(records.size());  // bounds the handshake bytes: one allocation
                    joined.assign(handshake.begin(), handshake.end());
                }
                joined.insert(joined.end(), fragment.begin(), fragment.end());
                handshake = joined;
            }
        }
    }
    flight.malformed |= walk.broken();
    parseHandshakeMessages(handshake, flight);
}

std::string tlsHandshakeName(std::uint8_t type)
{
    switch (type) {
        case 0:
            return "HelloRequest";
        case 1:
            return "ClientHello";
        case 2:
            return "ServerHello";
        case 4:
            return "NewSessionTicket";
        case 5:
            return "EndOfEarlyData";
        case 8:
            return "EncryptedExtensions";
        case 11:
            return "Certificate";
        case 12:
            return "ServerKeyExchange";
        case 13:
            return "CertificateRequest";
        case 14:
            return "ServerHelloDone";
        case 15:
            return "CertificateVerify";
        case 16:
            return "ClientKeyExchange";
        case 20:
            return "Finished";
        case 22:
            return "CertificateStatus";
        default:
            return "Handshake-" + std::to_string(type);
    }
}

std::string tlsVersionName(std::uint16_t version)
{
    switch (version) {
        case 0x0300:
            return "SSL 3.0";
        case 0x0301:
            return "TLS 1.0";
        case 0x0302:
            return "TLS 1.1";
        case 0x0303:
            return "TLS 1.2";
        case 0x0304:
            return "TLS 1.3";
        default: {
            char text[8];
            std::snprintf(text, sizeof text, "0x%04X", version);
            return text;
        }
    }
}

std::string tlsCipherSuiteName(std::uint16_t suite)
{
    // IANA "TLS Cipher Suites": the suites FreeRADIUS, hostapd and Windows offer in practice.
    switch (suite) {
        case 0x0004:
            return "TLS_RSA_WITH_RC4_128_MD5";
        case 0x0005:
            return "TLS_RSA_WITH_RC4_128_SHA";
        case 0x000A:
            return "TLS_RSA_WITH_3DES_EDE_CBC_SHA";
        case 0x0016:
            return "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA";
        case 0x002F:
            return "TLS_RSA_WITH_AES_128_CBC_SHA";
        case 0x0033:
            return "TLS_DHE_RSA_WITH_AES_128_CBC_SHA";
        case 0x0035:
            return "TLS_RSA_WITH_AES_256_CBC_SHA";
        case 0x0039:
            return "TLS_DHE_RSA_WITH_AES_256_CBC_SHA";
        case 0x003C:
            return "TLS_RSA_WITH_AES_128_CBC_SHA256";
        case 0x003D:
            return "TLS_RSA_WITH_AES_256_CBC_SHA256";
        case 0x0067:
            return "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256";
        case 0x006B:
            return "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256";
        case 0x009C:
            return "TLS_RSA_WITH_AES_128_GCM_SHA256";
        case 0x009D:
            return "TLS_RSA_WITH_AES_256_GCM_SHA384";
        case 0x009E:
            return "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256";
        case 0x009F:
            return "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";
        case 0x00FF:
            return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
        case 0x1301:
            return "TLS_AES_128_GCM_SHA256";
        case 0x1302:
            return "TLS_AES_256_GCM_SHA384";
        case 0x1303:
            return "TLS_CHACHA20_POLY1305_SHA256";
        case 0x5600:
            return "TLS_FALLBACK_SCSV";
        case 0xC009:
            return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";
        case 0xC00A:
            return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA";
        case 0xC013:
            return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
        case 0xC014:
            return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA";
        case 0xC023:
            return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
        case 0xC024:
            return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384";
        case 0xC027:
            return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";
        case 0xC028:
            return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
        case 0xC02B:
            return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
        case 0xC02C:
            return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
        case 0xC02F:
            return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        case 0xC030:
            return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
        case 0xCCA8:
            return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
        case 0xCCA9:
            return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
        case 0xCCAA:
            return "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
        default: {
            char text[8];
            std::snprintf(text, sizeof text, "0x%04X", suite);
            return text;
        }
    }
}

std::string tlsAlertDescriptionName(std::uint8_t description)
{
    // IANA "TLS Alerts" registry.
    switch (description) {
        case 0:
            return "close_notify";
        case 10:
            return "unexpected_message";
        case 20:
            return "bad_record_mac";
        case 21:
            return "decryption_failed";
        case 22:
            return "record_overflow";
        case 30:
            return "decompression_failure";
        case 40:
            return "handshake_failure";
        case 41:
            return "no_certificate";
        case 42:
            return "bad_certificate";
        case 43:
            return "unsupported_certificate";
        case 44:
            return "certificate_revoked";
        case 45:
            return "certificate_expired";
        case 46:
            return "certificate_unknown";
        case 47:
            return "illegal_parameter";
        case 48:
            return "unknown_ca";
        case 49:
            return "access_denied";
        case 50:
            return "decode_error";
        case 51:
            return "decrypt_error";
        case 60:
            return "export_restriction";
        case 70:
            return "protocol_version";
        case 71:
            return "insufficient_security";
        case 80:
            return "internal_error";
        case 86:
            return "inappropriate_fallback";
        case 90:
            return "user_canceled";
        case 100:
            return "no_renegotiation";
        case 109:
            return "missing_extension";
        case 110:
            return "unsupported_extension";
        case 112:
            return "unrecognized_name";
        case 113:
            return "bad_certificate_status_response";
        case 115:
            return "unknown_psk_identity";
        case 116:
            return "certificate_required";
        case 120:
            return "no_application_protocol";
        default:
            return "alert-" + std::to_string(description);
    }
}

std::string tlsAlertLevelName(std::uint8_t level)
{
    return level == 1 ? "warning" : level == 2 ? "fatal" : "level-" + std::to_string(level);
}

}  // namespace eapscope
