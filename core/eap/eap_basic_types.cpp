// Identity, Notification, Nak, MD5-Challenge, OTP and GTC (RFC 3748 §5.1–5.6).
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

namespace eapscope::eap_detail {
namespace {

std::uint32_t rest(const TypeInput& in)
{
    return in.writer.size() > in.offset ? in.writer.size() - in.offset : 0;
}

std::string quoted(const EapFieldWriter& writer, std::uint32_t offset, std::uint32_t length)
{
    constexpr std::uint32_t kSummaryChars = 48;
    auto text = printable(writer.packet().subspan(offset, std::min(length, kSummaryChars)));
    return "\"" + text + (length > kSummaryChars ? "…" : "") + "\"";
}

}  // namespace

// RFC 3748 §5.1: the Identity is not NUL-terminated; a Request may carry a displayable message,
// and some authenticators append NUL-separated options (Cisco "networkid=…,nasid=…").
std::string decodeIdentity(const TypeInput& in)
{
    std::uint32_t length = rest(in);
    in.writer.text("eap.identity", in.code == 1 ? "Display message" : "Identity", in.offset, length,
                   in.parent);
    return length ? quoted(in.writer, in.offset, length) : std::string();
}

std::string decodeNotification(const TypeInput& in)
{
    std::uint32_t length = rest(in);
    in.writer.text("eap.notification", "Notification", in.offset, length, in.parent);
    return length ? quoted(in.writer, in.offset, length) : std::string();
}

// RFC 3748 §5.3.1: a Response listing the acceptable types; 0 = none acceptable.
std::string decodeNak(const TypeInput& in)
{
    if (in.code != 2) {
        in.writer.anomaly("EAP_NAK_IN_REQUEST", 4, 1);
    }
    std::uint32_t length = rest(in);
    if (length == 0) {
        in.writer.anomaly("EAP_NAK_EMPTY", in.offset, 0);
        return {};
    }
    std::string desired = "desired=";
    for (std::uint32_t i = 0; i < length; ++i) {
        std::uint8_t type = in.writer.packet()[in.offset + i];
        in.writer.add("eap.desired_type", "Desired Auth Type",
                      std::to_string(type) + " (" + eapTypeName(type) + ")", in.offset + i, 1, in.parent);
        desired += (i ? "," : "") + eapTypeName(type);
    }
    return desired;
}

// RFC 3748 §5.4 (and RFC 1994 §4.1): Value-Size, Value, Name.
std::string decodeMd5(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    auto valueSize = w.uint("eap.md5.value_size", "Value-Size", in.offset, 1, in.parent);
    if (!valueSize) {
        return {};
    }
    int value = w.bytes("eap.md5.value", "Value", in.offset + 1, *valueSize, in.parent);
    if (!w.has(in.offset + 1, *valueSize)) {
        w.flag(value, "EAP_VALUE_SIZE_MISMATCH");
        return {};
    }
    if (in.code == 2 && *valueSize != 16) {
        w.flag(value, "EAP_MD5_VALUE_SIZE", "Value-Size " + std::to_string(*valueSize));
    }
    std::uint32_t nameOffset = in.offset + 1 + *valueSize;
    if (nameOffset < w.size()) {
        w.text("eap.md5.extra_data", "Name", nameOffset, w.size() - nameOffset, in.parent);
    }
    return {};
}

// RFC 3748 §5.5/§5.6: a Request carries a displayable message, a Response the OTP/token text.
std::string decodeOtpGtc(const TypeInput& in)
{
    std::string key = in.type == eap_type::kOtp ? "eap.otp" : "eap.gtc";
    std::uint32_t length = rest(in);
    in.writer.text(key + (in.code == 1 ? ".message" : ".response"), in.code == 1 ? "Message" : "Response",
                   in.offset, length, in.parent);
    return {};
}

std::string decodeOpaque(const TypeInput& in)
{
    std::uint32_t length = rest(in);
    if (in.type != 0 && in.type != eap_type::kTlv && in.type != eap_type::kExperimental) {
        in.writer.anomaly("EAP_UNKNOWN_TYPE", 4, 1, "type " + std::to_string(in.type) + " not decoded");
    }
    if (length) {
        in.writer.bytes("eap.data", "Type-Data", in.offset, length, in.parent);
    }
    return {};
}

}  // namespace eapscope::eap_detail
