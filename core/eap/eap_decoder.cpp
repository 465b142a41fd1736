#include "eap/eap_decoder.h"

#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

#include <algorithm>

namespace eapscope {
namespace {

using namespace eap_detail;

std::string decodeTypeData(const TypeInput& in)
{
    if (isTlsFamily(in.type)) {
        return decodeTlsFamily(in);
    }
    switch (in.type) {
        case eap_type::kIdentity:
            return decodeIdentity(in);
        case eap_type::kNotification:
            return decodeNotification(in);
        case eap_type::kNak:
            return decodeNak(in);
        case eap_type::kMd5:
            return decodeMd5(in);
        case eap_type::kOtp:
        case eap_type::kGtc:
            return decodeOtpGtc(in);
        case eap_type::kMschapv2:
            return decodeMschapv2(in);
        case eap_type::kLeap:
            return decodeLeap(in);
        case eap_type::kSim:
        case eap_type::kAka:
        case eap_type::kAkaPrime:
            return decodeSimAka(in);
        case eap_type::kPwd:
            return decodePwd(in);
        case eap_type::kPsk:
            return decodePsk(in);
        case eap_type::kExpanded:
            return decodeExpanded(in);
        default:
            return decodeOpaque(in);
    }
}

// RFC 3748 §4: Code, Identifier, Length; the Length field decides where the packet ends.
struct Header {
    std::uint8_t code = 0, id = 0;
    std::uint16_t length = 0;
    std::uint32_t decoded = 0;  // bytes decoded: min(Length, present)
};

Header decodeHeader(DecodedEap& out, std::span<const std::uint8_t> packet)
{
    Header header{packet[0], packet[1], static_cast<std::uint16_t>((packet[2] << 8) | packet[3]), 0};
    const auto present = static_cast<std::uint32_t>(packet.size());
    header.decoded = std::min<std::uint32_t>(header.length, present);
    EapFieldWriter writer(out, packet);
    int root =
        writer.add("eap", "Extensible Authentication Protocol", {}, 0, std::max(header.decoded, 4u), -1);
    writer.add("eap.code", "Code", std::to_string(header.code) + " (" + eapCodeName(header.code) + ")", 0, 1,
               root);
    writer.add("eap.id", "Identifier", std::to_string(header.id), 1, 1, root);
    int lengthField = writer.add("eap.len", "Length", std::to_string(header.length), 2, 2, root);
    if (header.length < 4) {
        writer.flag(lengthField, "EAP_LENGTH_INVALID", "Length " + std::to_string(header.length) + " < 4");
        header.decoded = 4;
    } else if (header.length > present) {
        writer.anomaly("EAP_TRUNCATED", present, 0,
                       "Length " + std::to_string(header.length) + " but " + std::to_string(present) +
                           " bytes captured");
    } else if (header.length < present) {
        writer.anomaly("EAP_TRAILING_BYTES", header.length, present - header.length);
    }
    return header;
}

std::string decodeBody(DecodedEap& out, std::span<const std::uint8_t> packet, const Header& header)
{
    EapFieldWriter writer(out, packet.first(header.decoded));
    const int root = 0;
    if (header.code == eap_code::kSuccess || header.code == eap_code::kFailure) {
        if (header.length != 4) {
            writer.anomaly("EAP_RESULT_HAS_DATA", 4, header.decoded - 4);
        }
        return eapCodeName(header.code);
    }
    if (header.code < eap_code::kRequest || header.code > eap_code::kFinish) {
        writer.anomaly("EAP_UNKNOWN_CODE", 0, 1, "Code " + std::to_string(header.code));
        return eapCodeName(header.code);
    }
    if (header.code >= eap_code::kInitiate) {  // RFC 6696 §5.3: Type then TVs/TLVs
        if (header.decoded > 4) {
            writer.uint("eap.erp.type", "Type", 4, 1, root);
            writer.bytes("eap.erp.data", "Data", 5, header.decoded - 5, root);
        }
        return eapCodeName(header.code);
    }
    if (header.decoded < 5) {
        writer.anomaly("EAP_NO_TYPE", 4, 0);
        return eapCodeName(header.code);
    }
    std::uint8_t type = packet[4];
    writer.add("eap.type", "Type", std::to_string(type) + " (" + eapTypeName(type) + ")", 4, 1, root);
    std::string name = eapCodeName(header.code) + "/" + eapTypeName(type);
    if (type == 0) {
        writer.anomaly("EAP_RESERVED_TYPE", 4, 1);
    }
    std::string detail = decodeTypeData(TypeInput{writer, header.code, type, 5, root});
    return detail.empty() ? name : name + " " + detail;
}

}  // namespace

DecodedEap decodeEap(std::span<const std::uint8_t> packet)
{
    DecodedEap out;
    if (packet.size() < 4) {
        EapFieldWriter writer(out, packet);
        writer.bytes("eap.data", "Bytes", 0, static_cast<std::uint32_t>(packet.size()), -1);
        writer.anomaly("EAP_TOO_SHORT", 0, static_cast<std::uint32_t>(packet.size()));
        out.summary = "EAP (" + std::to_string(packet.size()) + " bytes, too short)";
        return out;
    }
    Header header = decodeHeader(out, packet);
    std::string name = decodeBody(out, packet, header);
    // Keep "Code/Type id=N len=L" first: views and tests rely on that prefix; detail follows.
    auto space = name.find(' ');
    std::string head = name.substr(0, space);
    std::string detail = space == std::string::npos ? std::string() : name.substr(space);
    out.summary =
        head + " id=" + std::to_string(header.id) + " len=" + std::to_string(header.length) + detail;
    return out;
}

}  // namespace eapscope
