#include "capture/pana_message.h"

namespace eapscope {
namespace {

std::uint32_t be(std::span<const std::uint8_t> bytes, std::size_t at, std::size_t n)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < n; ++i) {
        value = (value << 8) | bytes[at + i];
    }
    return value;
}

}  // namespace

std::optional<PanaMessage> parsePana(std::span<const std::uint8_t> payload)
{
    constexpr std::size_t kHeader = 16, kAvpHeader = 8;
    constexpr std::uint16_t kEapPayload = 2, kVendorFlag = 0x8000;
    if (payload.size() < kHeader || be(payload, 0, 2) != 0) {
        return std::nullopt;
    }
    PanaMessage message;
    std::size_t length = be(payload, 2, 2);
    message.flags = static_cast<std::uint16_t>(be(payload, 4, 2));
    message.request = (message.flags & 0x8000) != 0;
    message.type = static_cast<std::uint16_t>(be(payload, 6, 2));
    message.session = be(payload, 8, 4);
    std::size_t end = std::min(length, payload.size());
    for (std::size_t at = kHeader; at + kAvpHeader <= end;) {
        auto code = static_cast<std::uint16_t>(be(payload, at, 2));
        auto avpFlags = static_cast<std::uint16_t>(be(payload, at + 2, 2));
        std::size_t valueLength = be(payload, at + 4, 2);
        std::size_t value = at + kAvpHeader + ((avpFlags & kVendorFlag) ? 4 : 0);
        if (value + valueLength > end) {
            message.malformed = true;
            break;
        }
        if (code == kEapPayload && !(avpFlags & kVendorFlag)) {
            message.eap = payload.subspan(value, valueLength);
        }
        at = value + ((valueLength + 3) & ~std::size_t{3});  // AVPs are padded to 4 bytes
    }
    return message;
}

}  // namespace eapscope
