// TLS-based types (eap_type::kTlsFamily): EAP-TLS (RFC 5216 §3.1), EAP-TTLS (RFC 5281 §9.1), PEAP
// (draft-josefsson-pppext-eap-tls-eap §3.1), EAP-FAST (RFC 4851 §4.1), TEAP (RFC 7170 §4.1):
// Flags (L M S + version bits; TEAP adds O), optional 4-byte TLS Message Length when L is set,
// TEAP's 4-byte Outer TLV Length when O is set, then TLS data (one fragment of the TLS message),
// then (TEAP, O set) the outer TLVs.
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"
#include "eap/tls_handshake.h"

#include <algorithm>
#include <array>

namespace eapscope::eap_detail {
namespace {

constexpr std::uint8_t kFlagLength = 0x80, kFlagMore = 0x40, kFlagStart = 0x20;

std::string flagNames(std::uint8_t flags, std::uint8_t type)
{
    std::string names;
    if (flags & kFlagLength)
        names += "L";
    if (flags & kFlagMore)
        names += names.empty() ? "M" : " M";
    if (flags & kFlagStart)
        names += names.empty() ? "S" : " S";
    if (type == eap_type::kTeap && (flags & eap_type::kTeapFlagOuterTlv))
        names += names.empty() ? "O" : " O";
    return names;
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

// "Handshake(ClientHello)", "ChangeCipherSpec", … (the listing's and the inspector's name).
std::string tlsRecordName(const TlsRecord& record)
{
    std::string name = contentName(record.content);
    if (record.content == 22 && !record.fragment.empty()) {
        name += "(" + tlsHandshakeName(record.fragment[0]) + ")";
    }
    return name;
}

}  // namespace

// Only the record headers at the start of a message are trustworthy; once a record runs past the
// fragment, stop (TlsRecordWalker).
std::string tlsRecordNames(std::span<const std::uint8_t> data)
{
    std::string summary;
    TlsRecordWalker walk(data);
    while (auto record = walk.next()) {
        summary += (summary.empty() ? "" : " ") + tlsRecordName(*record);
    }
    return summary;
}

std::string summariseTlsRecords(EapFieldWriter& w, std::uint32_t offset, std::uint32_t length, int parent)
{
    std::string summary;
    TlsRecordWalker walk(w.packet().subspan(offset, length));
    while (auto record = walk.next()) {
        std::string name = tlsRecordName(*record);
        const std::uint32_t at = offset + record->offset;
        const auto shown = static_cast<std::uint32_t>(5 + record->fragment.size());
        w.add("eap.tls.record", "TLS record", name + " len=" + std::to_string(record->length), at, shown,
              parent);
        summary += (summary.empty() ? "" : " ") + name;
        if (record->truncated()) {
            w.anomaly("EAP_TLS_RECORD_TRUNCATED", at, shown);
        }
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
    int flagsField =
        w.add("eap.tls.flags", "Flags",
              "0x" + shortHex(w.packet().subspan(in.offset, 1)) + " " + flagNames(flags, in.type), in.offset,
              1, in.parent);
    w.add("eap.tls.flags.len_included", "Length included", (flags & kFlagLength) ? "1" : "0", in.offset, 1,
          flagsField);
    w.add("eap.tls.flags.more_fragments", "More fragments", (flags & kFlagMore) ? "1" : "0", in.offset, 1,
          flagsField);
    w.add("eap.tls.flags.start", "Start", (flags & kFlagStart) ? "1" : "0", in.offset, 1, flagsField);
    if (in.type != eap_type::kTls) {
        w.add("eap.tls.flags.version", "Version", std::to_string(flags & 0x07), in.offset, 1, flagsField);
    }
    const bool outerTlvs = in.type == eap_type::kTeap && (flags & eap_type::kTeapFlagOuterTlv);
    if (in.type == eap_type::kTeap) {
        w.add("eap.teap.flags.outer_tlv_len", "Outer TLV Length included", outerTlvs ? "1" : "0", in.offset,
              1, flagsField);
    }
    std::uint32_t data = in.offset + 1;
    if (flags & kFlagLength) {
        if (!w.uint("eap.tls.len", "TLS Message Length", data, 4, in.parent)) {
            return "[" + flagNames(flags, in.type) + "]";
        }
        data += 4;
    }
    std::uint32_t end = w.size();
    if (outerTlvs) {
        auto outer = w.uint("eap.teap.outer_tlv_len", "Outer TLV Length", data, 4, in.parent);
        if (!outer) {
            return "[" + flagNames(flags, in.type) + "]";
        }
        data += 4;
        end -= std::min(*outer, end - std::min(end, data));
    }
    std::string detail = "[" + flagNames(flags, in.type) + "]";
    if (data < end) {
        int dataField = w.bytes("eap.tls.data", "TLS data", data, end - data, in.parent);
        std::string records = summariseTlsRecords(w, data, end - data, dataField);
        if (!records.empty()) {
            detail += " " + records;
        }
    }
    if (end < w.size()) {
        w.bytes("eap.teap.outer_tlvs", "Outer TLVs", end, w.size() - end, in.parent);
    }
    return flags ? detail : std::string();
}

}  // namespace eapscope::eap_detail
