#include "radius/radius_fields.h"

#include "common/hex.h"
#include "radius/radius_packet.h"

#include <algorithm>
#include <string>
#include <vector>

namespace eapscope::radius {

namespace {

enum class ValueKind { Text, Integer, Address, Bytes };

ValueKind kindOf(std::uint8_t type)
{
    switch (type) {
        case UserName:
        case ReplyMessage:
        case CalledStationId:
        case CallingStationId:
        case NasIdentifier:
        case ConnectInfo:
            return ValueKind::Text;
        case NasPort:
        case ServiceType:
        case FramedMtu:
        case SessionTimeout:
        case NasPortType:
        case ErrorCause:
            return ValueKind::Integer;
        case NasIpAddress:
            return ValueKind::Address;
        default:
            return ValueKind::Bytes;
    }
}

std::string hexOf(std::span<const std::uint8_t> bytes)
{
    return toHex(bytes);
}

std::string valueText(std::uint8_t type, std::span<const std::uint8_t> v)
{
    switch (kindOf(type)) {
        case ValueKind::Text: {
            std::string text(v.begin(), v.end());
            return "\"" + text + "\"";
        }
        case ValueKind::Integer:
            if (v.size() == 4) {
                const std::uint32_t n =
                    std::uint32_t{v[0]} << 24 | std::uint32_t{v[1]} << 16 | std::uint32_t{v[2]} << 8 | v[3];
                std::string text = std::to_string(n);
                if (type == ErrorCause && !errorCauseName(n).empty()) {
                    text += " (" + std::string(errorCauseName(n)) + ")";
                }
                return text;
            }
            break;
        case ValueKind::Address:
            if (v.size() == 4) {
                return std::to_string(v[0]) + "." + std::to_string(v[1]) + "." + std::to_string(v[2]) + "." +
                       std::to_string(v[3]);
            }
            break;
        case ValueKind::Bytes:
            break;
    }
    return v.empty() ? std::string("(empty)") : hexOf(v);
}

std::string vendorText(std::uint32_t vendor, std::uint8_t type)
{
    if (vendor == kVendorMicrosoft && type == kMsMppeSendKey) {
        return "MS-MPPE-Send-Key";
    }
    if (vendor == kVendorMicrosoft && type == kMsMppeRecvKey) {
        return "MS-MPPE-Recv-Key";
    }
    return "vendor " + std::to_string(vendor) + " type " + std::to_string(type);
}

class Writer {
public:
    explicit Writer(DecodedEap& out) : out_(out) {}
    int add(std::string key, std::string label, std::string value, std::size_t offset, std::size_t length,
            int parent = -1)
    {
        EapField f;
        f.key = std::move(key);
        f.label = std::move(label);
        f.value = std::move(value);
        f.offset = static_cast<std::uint32_t>(offset);
        f.length = static_cast<std::uint32_t>(length);
        f.parent = parent;
        out_.fields.push_back(std::move(f));
        return static_cast<int>(out_.fields.size()) - 1;
    }

private:
    DecodedEap& out_;
};

// The EAP packet's bytes come from several EAP-Message values (RFC 3579 §3.1): where each of
// its bytes lies in the RADIUS packet.
struct Piece {
    std::uint32_t eapOffset, packetOffset, length;
};

void mapRange(const std::vector<Piece>& pieces, EapField& f)
{
    for (const Piece& p : pieces) {
        if (f.offset >= p.eapOffset && f.offset < p.eapOffset + p.length) {
            const std::uint32_t into = f.offset - p.eapOffset;
            f.offset = p.packetOffset + into;
            f.length = std::min(f.length, p.length - into);  // a field across pieces: its first part
            return;
        }
    }
    f.length = 0;
}

}  // namespace

DecodedEap decodeRadiusFields(std::span<const std::uint8_t> bytes)
{
    DecodedEap out;
    Writer w(out);
    if (bytes.size() < kHeaderSize) {
        out.summary =
            "malformed RADIUS: " + std::to_string(bytes.size()) + " bytes, shorter than the 20-byte header";
        return out;
    }
    const std::string name(codeName(bytes[0]));
    w.add("radius.code", "Code",
          (name.empty() ? "Code-" + std::to_string(bytes[0]) : name) + " (" + std::to_string(bytes[0]) + ")",
          0, 1);
    w.add("radius.identifier", "Identifier", std::to_string(bytes[1]), 1, 1);
    w.add("radius.length", "Length", std::to_string(std::uint32_t{bytes[2]} << 8 | bytes[3]), 2, 2);
    w.add("radius.authenticator", "Authenticator", hexOf(bytes.subspan(4, kAuthenticatorSize)), 4,
          kAuthenticatorSize);
    auto packet = decodePacket(bytes);
    if (!packet) {
        out.summary = "malformed RADIUS: " + packet.error();
        return out;
    }
    out.summary = summarize(bytes);
    int firstEap = -1;
    std::vector<Piece> pieces;
    std::uint32_t eapSize = 0;
    for (const Attribute& a : packet->attributes) {
        std::string attrName(attributeName(a.type));
        if (attrName.empty()) {
            attrName = "Attribute-" + std::to_string(a.type);
        }
        const std::size_t size = 2 + a.value.size();
        std::string value;
        if (a.type == EapMessage) {
            value = std::to_string(a.value.size()) + " bytes";
        } else if (a.type == MessageAuthenticator) {
            value = hexOf(a.value);
        } else if (a.type == UserPassword || a.type == VendorSpecific) {
            value = std::to_string(a.value.size()) + " bytes";
        } else {
            value = valueText(a.type, a.value);
        }
        const int field = w.add("radius.attr." + attrName, attrName, value, a.offset, size);
        if (a.type == VendorSpecific && a.value.size() >= 6) {
            const std::uint32_t vendor = std::uint32_t{a.value[0]} << 24 | std::uint32_t{a.value[1]} << 16 |
                                         std::uint32_t{a.value[2]} << 8 | a.value[3];
            w.add("radius.vsa.vendor", "Vendor-Id",
                  std::to_string(vendor) + (vendor == kVendorMicrosoft ? " (Microsoft)" : ""), a.offset + 2,
                  4, field);
            // RFC 2865 §5.26 layout: sub-attributes of type(1) length(1) value.
            std::size_t at = 4;
            while (at + 2 <= a.value.size() && a.value[at + 1] >= 2 &&
                   at + a.value[at + 1] <= a.value.size()) {
                const std::uint8_t subType = a.value[at];
                const std::uint8_t subLength = a.value[at + 1];
                const bool key =
                    vendor == kVendorMicrosoft && (subType == kMsMppeSendKey || subType == kMsMppeRecvKey);
                const auto subValue = std::span<const std::uint8_t>(a.value).subspan(at + 2, subLength - 2u);
                // RFC 2548 §2.4.2: Salt(2) then the key encrypted with the shared secret.
                w.add("radius.vsa", vendorText(vendor, subType),
                      key ? "encrypted with the shared secret, " + std::to_string(subValue.size()) + " bytes"
                          : hexOf(subValue),
                      a.offset + 2 + at, subLength, field);
                at += subLength;
            }
        }
        if (a.type == EapMessage) {
            if (firstEap < 0) {
                firstEap = field;
            }
            pieces.push_back({eapSize, a.offset + 2, static_cast<std::uint32_t>(a.value.size())});
            eapSize += static_cast<std::uint32_t>(a.value.size());
        }
    }
    if (firstEap >= 0) {
        const Bytes eap = packet->eapMessage();
        DecodedEap inner = decodeEap(eap);
        const int base = static_cast<int>(out.fields.size());
        for (EapField f : inner.fields) {
            f.parent = f.parent < 0 ? firstEap : f.parent + base;
            mapRange(pieces, f);
            out.fields.push_back(std::move(f));
        }
        for (EapAnomaly a : inner.anomalies) {
            EapField range;
            range.offset = a.offset;
            range.length = a.length;
            mapRange(pieces, range);
            a.offset = range.offset;
            a.length = range.length;
            out.anomalies.push_back(std::move(a));
        }
        if (!inner.summary.empty()) {
            out.summary += " — " + inner.summary;
        }
        if (pieces.size() > 1) {
            out.fields[static_cast<std::size_t>(firstEap)].value +=
                ", EAP packet reassembled from " + std::to_string(pieces.size()) + " EAP-Message attributes";
        }
    }
    return out;
}

}  // namespace eapscope::radius
