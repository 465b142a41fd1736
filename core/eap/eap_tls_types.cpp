// TLS-based types: EAP-TLS (RFC 5216 §3.1), EAP-TTLS (RFC 5281 §9.1), PEAP (draft-josefsson-pppext
// -eap-tls-eap §3.1), EAP-FAST (RFC 4851 §4.1): Flags (L M S + version bits), optional 4-byte
// TLS Message Length when L is set, then TLS data (one fragment of the TLS message).
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

#include <array>

namespace eapscope::eap_detail {
namespace {

constexpr std::uint8_t kFlagLength = 0x80, kFlagMore = 0x40, kFlagStart = 0x20;

std::string flagNames(std::uint8_t flags)
{
    std::string names;
    if (flags & kFlagLength)
        names += "L";
    if (flags & kFlagMore)
        names += names.empty() ? "M" : " M";
    if (flags & kFlagStart)
        names += names.empty() ? "S" : " S";
    return names;
}

std::string handshakeName(std::uint8_t type)
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
        default:
            return "Handshake-" + std::to_string(type);
    }
}

std::string contentName(std::uint8_t type)
{
    switch (type) {
        case 20:
            return "ChangeCipherSpec";
        case 21:
            return "Alert";
        case 22:
            return "Handshake";
        case 23:
            return "ApplicationData";
        default:
            return "Content-" + std::to_string(type);
    }
}

// The name summariseTlsRecords gives the record at `offset` ("Handshake(ClientHello)").
std::string tlsRecordName(std::span<const std::uint8_t> data, std::uint32_t offset, std::uint32_t end,
                          std::uint32_t recordLength)
{
    std::uint8_t content = data[offset];
    std::string name = contentName(content);
    if (content == 22 && offset + 5 < end && recordLength > 0) {
        name += "(" + handshakeName(data[offset + 5]) + ")";
    }
    return name;
}

// Whether the record header at `offset` looks like TLS (content type 20..23, version 3.x ≤ 3.4).
bool isTlsRecord(std::span<const std::uint8_t> data, std::uint32_t offset)
{
    std::uint8_t content = data[offset];
    bool tlsVersion = data[offset + 1] == 3 && data[offset + 2] <= 4;
    return content >= 20 && content <= 23 && tlsVersion;
}

constexpr int kMaxRecords = 32;  // a TLS flight rarely has more; bounds the work on garbage

}  // namespace

std::string tlsRecordNames(std::span<const std::uint8_t> data)
{
    std::string summary;
    std::uint32_t offset = 0, end = static_cast<std::uint32_t>(data.size());
    for (int count = 0; offset + 5 <= end && count < kMaxRecords; ++count) {
        std::uint32_t recordLength = (std::uint32_t{data[offset + 3]} << 8) | data[offset + 4];
        if (!isTlsRecord(data, offset)) {
            break;
        }
        if (!summary.empty()) {
            summary += ' ';
        }
        summary += tlsRecordName(data, offset, end, recordLength);
        if (5 + recordLength > end - offset) {
            break;
        }
        offset += 5 + recordLength;
    }
    return summary;
}

// RFC 5246 §6.2.1: ContentType(1) ProtocolVersion(2) length(2) fragment. Only the record headers
// at the start of a message are trustworthy; once a record runs past the fragment, stop.
std::string summariseTlsRecords(EapFieldWriter& w, std::uint32_t offset, std::uint32_t length, int parent)
{
    std::string summary;
    std::uint32_t end = offset + length;
    for (int count = 0; offset + 5 <= end && count < kMaxRecords; ++count) {
        std::uint32_t recordLength = w.readUint(offset + 3, 2);
        if (!isTlsRecord(w.packet(), offset)) {
            break;
        }
        std::string name = tlsRecordName(w.packet(), offset, end, recordLength);
        std::uint32_t shown = std::min(5 + recordLength, end - offset);
        w.add("eap.tls.record", "TLS record", name + " len=" + std::to_string(recordLength), offset, shown,
              parent);
        summary += (summary.empty() ? "" : " ") + name;
        if (5 + recordLength > end - offset) {
            w.anomaly("EAP_TLS_RECORD_TRUNCATED", offset, shown);
            break;
        }
        offset += 5 + recordLength;
    }
    return summary;
}

std::string decodeTlsFamily(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    if (!w.has(in.offset, 1)) {
        return {};  // an empty TLS Response with no flags octet cannot exist; nothing to show
    }
    std::uint8_t flags = w.packet()[in.offset];
    int flagsField = w.add("eap.tls.flags", "Flags",
                           "0x" + shortHex(w.packet().subspan(in.offset, 1)) + " " + flagNames(flags),
                           in.offset, 1, in.parent);
    w.add("eap.tls.flags.len_included", "Length included", (flags & kFlagLength) ? "1" : "0", in.offset, 1,
          flagsField);
    w.add("eap.tls.flags.more_fragments", "More fragments", (flags & kFlagMore) ? "1" : "0", in.offset, 1,
          flagsField);
    w.add("eap.tls.flags.start", "Start", (flags & kFlagStart) ? "1" : "0", in.offset, 1, flagsField);
    if (in.type != eap_type::kTls) {
        w.add("eap.tls.flags.version", "Version", std::to_string(flags & 0x07), in.offset, 1, flagsField);
    }
    std::uint32_t data = in.offset + 1;
    if (flags & kFlagLength) {
        if (!w.uint("eap.tls.len", "TLS Message Length", data, 4, in.parent)) {
            return "[" + flagNames(flags) + "]";
        }
        data += 4;
    }
    std::string detail = "[" + flagNames(flags) + "]";
    if (data < w.size()) {
        int dataField = w.bytes("eap.tls.data", "TLS data", data, w.size() - data, in.parent);
        std::string records = summariseTlsRecords(w, data, w.size() - data, dataField);
        if (!records.empty()) {
            detail += " " + records;
        }
    }
    return flags ? detail : std::string();
}

}  // namespace eapscope::eap_detail
