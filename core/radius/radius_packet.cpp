#include "radius/radius_packet.h"

#include <algorithm>

namespace eapscope::radius {

namespace {

std::uint32_t bigEndian(std::span<const std::uint8_t> b)
{
    std::uint32_t value = 0;
    for (std::uint8_t byte : b) {
        value = (value << 8) | byte;
    }
    return value;
}

std::array<std::uint8_t, 4> bigEndian32(std::uint32_t value)
{
    return {static_cast<std::uint8_t>(value >> 24), static_cast<std::uint8_t>(value >> 16),
            static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)};
}

}  // namespace

const Attribute* RadiusPacket::find(std::uint8_t type) const
{
    auto it = std::find_if(attributes.begin(), attributes.end(),
                           [type](const Attribute& a) { return a.type == type; });
    return it == attributes.end() ? nullptr : &*it;
}

std::optional<std::string> RadiusPacket::text(std::uint8_t type) const
{
    const Attribute* a = find(type);
    if (a == nullptr) {
        return std::nullopt;
    }
    return std::string(a->value.begin(), a->value.end());
}

std::vector<std::string> RadiusPacket::texts(std::uint8_t type) const
{
    std::vector<std::string> out;
    for (const Attribute& a : attributes) {
        if (a.type == type) {
            out.emplace_back(a.value.begin(), a.value.end());
        }
    }
    return out;
}

std::optional<std::uint32_t> RadiusPacket::integer(std::uint8_t type) const
{
    const Attribute* a = find(type);
    if (a == nullptr || a->value.size() != 4) {
        return std::nullopt;  // RFC 2865 §5: integers are exactly four octets
    }
    return bigEndian(a->value);
}

void RadiusPacket::add(std::uint8_t type, std::span<const std::uint8_t> value)
{
    attributes.push_back(Attribute{type, Bytes(value.begin(), value.end()), 0});
}

void RadiusPacket::addText(std::uint8_t type, std::string_view value)
{
    add(type, {reinterpret_cast<const std::uint8_t*>(value.data()), value.size()});
}

void RadiusPacket::addInteger(std::uint8_t type, std::uint32_t value)
{
    add(type, bigEndian32(value));
}

void RadiusPacket::set(std::uint8_t type, std::span<const std::uint8_t> value)
{
    for (Attribute& a : attributes) {
        if (a.type == type) {
            a.value.assign(value.begin(), value.end());
            return;
        }
    }
    add(type, value);
}

void RadiusPacket::remove(std::uint8_t type)
{
    std::erase_if(attributes, [type](const Attribute& a) { return a.type == type; });
}

Bytes RadiusPacket::eapMessage() const
{
    Bytes eap;
    for (const Attribute& a : attributes) {
        if (a.type == EapMessage) {
            eap.insert(eap.end(), a.value.begin(), a.value.end());
        }
    }
    return eap;
}

void RadiusPacket::setEapMessage(std::span<const std::uint8_t> eap)
{
    // RFC 3579 §3.1: the pieces go in order and consecutively; keep them where the first was.
    auto first = std::find_if(attributes.begin(), attributes.end(),
                              [](const Attribute& a) { return a.type == EapMessage; });
    std::size_t at = static_cast<std::size_t>(first - attributes.begin());
    remove(EapMessage);
    at = std::min(at, attributes.size());
    std::vector<Attribute> pieces;
    for (std::size_t done = 0; done < eap.size(); done += kMaxAttributeValue) {
        const auto piece = eap.subspan(done, std::min(kMaxAttributeValue, eap.size() - done));
        pieces.push_back(Attribute{EapMessage, Bytes(piece.begin(), piece.end()), 0});
    }
    attributes.insert(attributes.begin() + static_cast<std::ptrdiff_t>(at), pieces.begin(), pieces.end());
}

std::optional<Bytes> RadiusPacket::vendorAttribute(std::uint32_t vendor, std::uint8_t type) const
{
    for (const Attribute& a : attributes) {
        if (a.type != VendorSpecific || a.value.size() < 4 || bigEndian({a.value.data(), 4}) != vendor) {
            continue;
        }
        for (std::size_t at = 4; at + 2 <= a.value.size();) {
            const std::size_t length = a.value[at + 1];
            if (length < 2 || at + length > a.value.size()) {
                break;  // not the RFC 2865 §5.26 layout: nothing more to read in this VSA
            }
            if (a.value[at] == type) {
                return Bytes(a.value.begin() + static_cast<std::ptrdiff_t>(at + 2),
                             a.value.begin() + static_cast<std::ptrdiff_t>(at + length));
            }
            at += length;
        }
    }
    return std::nullopt;
}

void RadiusPacket::addVendorAttribute(std::uint32_t vendor, std::uint8_t type,
                                      std::span<const std::uint8_t> value)
{
    Bytes vsa;
    const auto id = bigEndian32(vendor);
    vsa.insert(vsa.end(), id.begin(), id.end());
    vsa.push_back(type);
    vsa.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(value.size() + 2, 255)));
    vsa.insert(vsa.end(), value.begin(), value.end());
    add(VendorSpecific, vsa);
}

Result<RadiusPacket> decodePacket(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < kHeaderSize) {
        return makeError("RADIUS packet of " + std::to_string(bytes.size()) +
                         " bytes is shorter than the 20-byte header");
    }
    const std::size_t length = bigEndian(bytes.subspan(2, 2));
    if (length < kHeaderSize || length > kMaxPacketSize) {
        return makeError("RADIUS Length " + std::to_string(length) + " is outside 20..4096");
    }
    if (length > bytes.size()) {
        return makeError("RADIUS Length " + std::to_string(length) + " passes the " +
                         std::to_string(bytes.size()) + " bytes received");
    }
    RadiusPacket packet;
    packet.code = bytes[0];
    packet.identifier = bytes[1];
    std::copy_n(bytes.begin() + 4, kAuthenticatorSize, packet.authenticator.begin());
    for (std::size_t at = kHeaderSize; at < length;) {
        if (at + 2 > length) {
            return makeError("RADIUS attribute at offset " + std::to_string(at) + " has no length octet");
        }
        const std::size_t attributeLength = bytes[at + 1];
        if (attributeLength < 2 || at + attributeLength > length) {
            return makeError("RADIUS attribute " + std::to_string(bytes[at]) + " at offset " +
                             std::to_string(at) + " has length " + std::to_string(attributeLength) +
                             (attributeLength < 2 ? " (below 2)" : " (past the packet's Length)"));
        }
        const auto value = bytes.subspan(at + 2, attributeLength - 2);
        packet.attributes.push_back(
            Attribute{bytes[at], Bytes(value.begin(), value.end()), static_cast<std::uint32_t>(at)});
        at += attributeLength;
    }
    return packet;
}

Result<Bytes> encodePacket(const RadiusPacket& packet)
{
    Bytes out(kHeaderSize);
    out[0] = packet.code;
    out[1] = packet.identifier;
    std::copy(packet.authenticator.begin(), packet.authenticator.end(), out.begin() + 4);
    for (const Attribute& a : packet.attributes) {
        if (a.value.size() > kMaxAttributeValue) {
            return makeError("RADIUS attribute " + std::to_string(a.type) + " has " +
                             std::to_string(a.value.size()) + " bytes; at most 253 fit");
        }
        out.push_back(a.type);
        out.push_back(static_cast<std::uint8_t>(a.value.size() + 2));
        out.insert(out.end(), a.value.begin(), a.value.end());
    }
    if (out.size() > kMaxPacketSize) {
        return makeError("RADIUS packet of " + std::to_string(out.size()) + " bytes passes 4096");
    }
    out[2] = static_cast<std::uint8_t>(out.size() >> 8);
    out[3] = static_cast<std::uint8_t>(out.size() & 0xFF);
    return out;
}

std::string summarize(std::span<const std::uint8_t> bytes)
{
    auto packet = decodePacket(bytes);
    if (!packet) {
        return "malformed RADIUS: " + packet.error();
    }
    std::string name(codeName(packet->code));
    if (name.empty()) {
        name = "Code-" + std::to_string(packet->code);
    }
    std::string out =
        name + " id=" + std::to_string(packet->identifier) + " len=" + std::to_string(bytes.size());
    const Bytes eap = packet->eapMessage();
    if (eap.size() >= 4) {
        static constexpr std::array<std::string_view, 5> kCodes = {"?", "Request", "Response", "Success",
                                                                   "Failure"};
        out += " EAP=" + std::string(eap[0] <= 4 ? kCodes[eap[0]] : "?");
        if ((eap[0] == 1 || eap[0] == 2) && eap.size() >= 5) {
            out += "/" + std::to_string(eap[4]);
        }
    }
    return out;
}

}  // namespace eapscope::radius
