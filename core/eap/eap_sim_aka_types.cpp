// EAP-SIM (RFC 4186 §8–10), EAP-AKA (RFC 4187 §8–10) and EAP-AKA' (RFC 5448): Subtype(1),
// Reserved(2), then attributes Type(1) Length(1, in 4-byte units) Value.
#include "eap/eap_result_messages.h"
#include "eap/eap_type_decoders.h"
#include "eap/eap_types.h"

namespace eapscope::eap_detail {
namespace {

std::string subtypeName(std::uint8_t type, std::uint8_t subtype)
{
    switch (subtype) {
        case 1:
            return "AKA-Challenge";
        case 2:
            return "AKA-Authentication-Reject";
        case 4:
            return "AKA-Synchronization-Failure";
        case 5:
            return "AKA-Identity";
        case 10:
            return "Start";
        case 11:
            return "Challenge";
        case 12:
            return "Notification";
        case 13:
            return "Re-authentication";
        case 14:
            return "Client-Error";
        default:
            return (type == eap_type::kSim ? "SIM-Subtype-" : "AKA-Subtype-") + std::to_string(subtype);
    }
}

std::string attributeName(std::uint8_t type)
{
    switch (type) {
        case 1:
            return "AT_RAND";
        case 2:
            return "AT_AUTN";
        case 3:
            return "AT_RES";
        case 4:
            return "AT_AUTS";
        case 6:
            return "AT_PADDING";
        case 7:
            return "AT_NONCE_MT";
        case 10:
            return "AT_PERMANENT_ID_REQ";
        case 11:
            return "AT_MAC";
        case 12:
            return "AT_NOTIFICATION";
        case 13:
            return "AT_ANY_ID_REQ";
        case 14:
            return "AT_IDENTITY";
        case 15:
            return "AT_VERSION_LIST";
        case 16:
            return "AT_SELECTED_VERSION";
        case 17:
            return "AT_FULLAUTH_ID_REQ";
        case 19:
            return "AT_COUNTER";
        case 20:
            return "AT_COUNTER_TOO_SMALL";
        case 21:
            return "AT_NONCE_S";
        case 22:
            return "AT_CLIENT_ERROR_CODE";
        case 23:
            return "AT_KDF_INPUT";
        case 24:
            return "AT_KDF";
        case 129:
            return "AT_IV";
        case 130:
            return "AT_ENCR_DATA";
        case 132:
            return "AT_NEXT_PSEUDONYM";
        case 133:
            return "AT_NEXT_REAUTH_ID";
        case 134:
            return "AT_CHECKCODE";
        case 135:
            return "AT_RESULT_IND";
        case 136:
            return "AT_BIDDING";
        default:
            return "AT_" + std::to_string(type);
    }
}

// AT_IDENTITY (RFC 4186 §10.5): Actual Identity Length(2) then the identity text.
void decodeAttributeValue(EapFieldWriter& w, std::uint8_t type, std::uint32_t at, std::uint32_t length,
                          int parent)
{
    if (type == 14 && length >= 2) {
        auto actual = w.uint("eap.sim.identity_length", "Actual Identity Length", at, 2, parent);
        if (actual) {
            w.text("eap.sim.identity", "Identity", at + 2, std::min(*actual, length - 2), parent);
        }
        return;
    }
    if (type == 12 && length >= 2) {  // AT_NOTIFICATION (RFC 4186 §10.18)
        auto code = static_cast<std::uint16_t>(w.readUint(at, 2));
        w.add("eap.sim.notification", "Notification", simAkaNotificationText(code), at, 2, parent);
        return;
    }
    if (length) {
        w.bytes("eap.sim.attribute.value", "Value", at, length, parent);
    }
}

}  // namespace

std::string decodeSimAka(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    auto subtype = w.uint("eap.sim.subtype", "Subtype", in.offset, 1, in.parent);
    if (!subtype) {
        return {};
    }
    w.uint("eap.sim.reserved", "Reserved", in.offset + 1, 2, in.parent);
    std::uint32_t at = in.offset + 3;
    while (at + 2 <= w.size()) {
        std::uint8_t type = w.packet()[at];
        std::uint32_t length = w.packet()[at + 1] * 4u;
        if (length == 0 || at + length > w.size()) {
            w.anomaly("EAP_SIM_ATTRIBUTE_LENGTH", at, w.size() - at,
                      attributeName(type) + " length " + std::to_string(length));
            w.bytes("eap.sim.attribute.malformed", "Malformed attribute", at, w.size() - at, in.parent);
            break;
        }
        int attribute = w.add("eap.sim.attribute", "Attribute", attributeName(type), at, length, in.parent);
        w.add("eap.sim.attribute.type", "Type", std::to_string(type), at, 1, attribute);
        w.add("eap.sim.attribute.length", "Length", std::to_string(length / 4), at + 1, 1, attribute);
        decodeAttributeValue(w, type, at + 2, length - 2, attribute);
        at += length;
    }
    if (at < w.size() && at + 2 > w.size()) {
        w.anomaly("EAP_SIM_ATTRIBUTE_LENGTH", at, w.size() - at, "attribute header cut");
    }
    return subtypeName(in.type, static_cast<std::uint8_t>(*subtype));
}

// RFC 3748 §5.7: Vendor-Id(3) Vendor-Type(4) Vendor data. Vendor-Id 0 / Vendor-Type 3 is the
// Expanded Nak (§5.3.2): a list of 8-byte expanded types (254, Vendor-Id, Vendor-Type).
std::string decodeExpanded(const TypeInput& in)
{
    EapFieldWriter& w = in.writer;
    auto vendor = w.uint("eap.ext.vendor_id", "Vendor-Id", in.offset, 3, in.parent);
    auto vendorType = w.uint("eap.ext.vendor_type", "Vendor-Type", in.offset + 3, 4, in.parent);
    if (!vendor || !vendorType) {
        return {};
    }
    std::uint32_t at = in.offset + 7;
    std::string detail =
        "vendor=0x" + shortHex(w.packet().subspan(in.offset, 3)) + " type=" + std::to_string(*vendorType);
    if (*vendor == 0 && *vendorType == eap_type::kNak) {
        detail = "Expanded-Nak";
        for (; at + 8 <= w.size(); at += 8) {
            int entry = w.add("eap.ext.nak", "Desired type", {}, at, 8, in.parent);
            auto entryVendor = w.uint("eap.ext.nak.vendor_id", "Vendor-Id", at + 1, 3, entry);
            auto entryType = w.uint("eap.ext.nak.vendor_type", "Vendor-Type", at + 4, 4, entry);
            w.fieldValue(entry, entryVendor.value_or(0) == 0
                                    ? eapTypeName(entryType.value_or(0))
                                    : "vendor " + std::to_string(*entryVendor) + " type " +
                                          std::to_string(entryType.value_or(0)));
        }
        if (at < w.size()) {
            w.anomaly("EAP_EXPANDED_NAK_ENTRY", at, w.size() - at);
        }
        return detail;
    }
    if (at < w.size()) {
        w.bytes("eap.ext.vendor_data", "Vendor data", at, w.size() - at, in.parent);
    }
    return detail;
}

}  // namespace eapscope::eap_detail
