#include "inspector/generic_eap_decoder.h"

#include <cstdio>

#include "eap/eap_decoder.h"

namespace eapscope::ui {
namespace {

std::string codeName(std::uint8_t code)
{
    switch (code) {
    case 1: return "Request";
    case 2: return "Response";
    case 3: return "Success";
    case 4: return "Failure";
    default: return "Unknown";
    }
}

std::string typeName(std::uint8_t type)
{
    switch (type) {
    case 1: return "Identity";
    case 2: return "Notification";
    case 3: return "Nak";
    case 4: return "MD5-Challenge";
    case 5: return "OTP";
    case 6: return "GTC";
    case 13: return "TLS";
    case 21: return "TTLS";
    case 25: return "PEAP";
    case 26: return "MSCHAPv2";
    case 254: return "Expanded";
    default: return "Type " + std::to_string(type);
    }
}

std::string hexOf(std::span<const std::uint8_t> bytes)
{
    std::string out;
    char buf[4];
    for (const auto b : bytes) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        out += buf;
    }
    return out;
}

std::string printable(std::span<const std::uint8_t> bytes)
{
    std::string out;
    for (const auto b : bytes) {
        out += (b >= 0x20 && b < 0x7f) ? static_cast<char>(b) : '.';
    }
    return out;
}

int add(InspectorDecode& d, std::string key, std::string label, std::string value, std::uint32_t offset,
        std::uint32_t length, int parent = -1)
{
    d.fields.push_back({std::move(key), std::move(label), std::move(value), offset, length, parent, {}});
    return static_cast<int>(d.fields.size() - 1);
}

// RFC 3748 §5.4: Value-Size, Value, Name.
void decodeMd5(InspectorDecode& d, std::span<const std::uint8_t> data, int parent)
{
    if (data.empty()) {
        d.anomalies.emplace_back("MD5-Challenge without Value-Size");
        return;
    }
    const std::uint32_t size = data[0];
    add(d, "eap.md5.value_size", "Value-Size", std::to_string(size), 5, 1, parent);
    const std::uint32_t have = std::min<std::uint32_t>(size, static_cast<std::uint32_t>(data.size() - 1));
    add(d, "eap.md5.value", "Value", hexOf(data.subspan(1, have)), 6, have, parent);
    if (have < size) {
        d.anomalies.emplace_back("MD5 Value-Size runs past the packet");
        d.fields.back().anomaly = "truncated";
    }
    if (data.size() > 1 + have) {
        const auto name = data.subspan(1 + have);
        add(d, "eap.md5.name", "Name", printable(name), 6 + have, static_cast<std::uint32_t>(name.size()), parent);
    }
}

void decodeTypeData(InspectorDecode& d, std::uint8_t type, std::span<const std::uint8_t> data, int parent)
{
    const auto length = static_cast<std::uint32_t>(data.size());
    switch (type) {
    case 1:  // RFC 3748 §5.1
        add(d, "eap.identity", "Identity", printable(data), 5, length, parent);
        break;
    case 2:  // §5.2
        add(d, "eap.notification", "Notification", printable(data), 5, length, parent);
        break;
    case 3: {  // §5.3.1: one desired type per byte
        const int nak = add(d, "eap.nak", "Desired types", std::to_string(length) + " type(s)", 5, length, parent);
        for (std::uint32_t i = 0; i < length; ++i) {
            add(d, "eap.nak.type", "Desired type", std::to_string(data[i]) + " (" + typeName(data[i]) + ")", 5 + i, 1, nak);
        }
        break;
    }
    case 4:
        decodeMd5(d, data, parent);
        break;
    default:
        if (!data.empty()) {
            add(d, "eap.data", "Type-Data", hexOf(data), 5, length, parent);
        }
        break;
    }
}

}  // namespace

InspectorDecode decodeGenericEap(std::span<const std::uint8_t> packet)
{
    InspectorDecode d;
    if (packet.size() < 4) {
        d.anomalies.emplace_back("shorter than the 4-byte EAP header");
        d.summary = "short packet (" + std::to_string(packet.size()) + " bytes)";
        if (!packet.empty()) {
            add(d, "eap.data", "Bytes", hexOf(packet), 0, static_cast<std::uint32_t>(packet.size()));
        }
        return d;
    }
    const std::uint8_t code = packet[0];
    const std::uint32_t length = (std::uint32_t{packet[2]} << 8) | packet[3];
    const int root = add(d, "eap", "Extensible Authentication Protocol", codeName(code), 0,
                         static_cast<std::uint32_t>(packet.size()));
    add(d, "eap.code", "Code", std::to_string(code) + " (" + codeName(code) + ")", 0, 1, root);
    add(d, "eap.id", "Identifier", std::to_string(packet[1]), 1, 1, root);
    add(d, "eap.len", "Length", std::to_string(length), 2, 2, root);
    if (length != packet.size()) {
        d.fields.back().anomaly = "length differs from the packet size";
        d.anomalies.emplace_back("Length " + std::to_string(length) + " but " + std::to_string(packet.size()) +
                                 " bytes received");
    }
    d.summary = codeName(code);
    if ((code == 1 || code == 2) && packet.size() >= 5) {
        const std::uint8_t type = packet[4];
        add(d, "eap.type", "Type", std::to_string(type) + " (" + typeName(type) + ")", 4, 1, root);
        const auto end = std::min<std::size_t>(packet.size(), std::max<std::uint32_t>(length, 5));
        decodeTypeData(d, type, packet.subspan(5, end - 5), root);
        d.summary += "/" + typeName(type);
    }
    d.summary += " id=" + std::to_string(packet[1]) + " len=" + std::to_string(length);
    return d;
}

InspectorDecode decodeForInspector(std::span<const std::uint8_t> packet)
{
    const DecodedEap decoded = decodeEap(packet);
    if (!decoded.fields.empty()) {
        InspectorDecode d;
        d.summary = decoded.summary;
        for (const auto& f : decoded.fields) {
            d.fields.push_back({f.key, f.label, f.value, f.offset, f.length, f.parent, f.anomaly});
        }
        for (const auto& a : decoded.anomalies) {
            d.anomalies.push_back(a.message + " (" + a.id + ")");
        }
        return d;
    }
    return decodeGenericEap(packet);
}

}  // namespace eapscope::ui
