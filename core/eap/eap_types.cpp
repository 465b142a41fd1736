#include "eap/eap_types.h"

#include <algorithm>

namespace eapscope {

std::string eapCodeName(std::uint8_t code)
{
    switch (code) {
        case eap_code::kRequest:
            return "Request";
        case eap_code::kResponse:
            return "Response";
        case eap_code::kSuccess:
            return "Success";
        case eap_code::kFailure:
            return "Failure";
        case eap_code::kInitiate:
            return "Initiate";
        case eap_code::kFinish:
            return "Finish";
        default:
            return "Code-" + std::to_string(code);
    }
}

std::string eapTypeName(std::uint32_t type)
{
    switch (type) {
        case eap_type::kIdentity:
            return "Identity";
        case eap_type::kNotification:
            return "Notification";
        case eap_type::kNak:
            return "Legacy-Nak";
        case eap_type::kMd5:
            return "MD5-Challenge";
        case eap_type::kOtp:
            return "OTP";
        case eap_type::kGtc:
            return "GTC";
        case eap_type::kTls:
            return "TLS";
        case eap_type::kLeap:
            return "LEAP";
        case eap_type::kSim:
            return "SIM";
        case eap_type::kTtls:
            return "TTLS";
        case eap_type::kAka:
            return "AKA";
        case eap_type::kPeap:
            return "PEAP";
        case eap_type::kMschapv2:
            return "MSCHAPv2";
        case eap_type::kTlv:
            return "TLV";
        case eap_type::kFast:
            return "FAST";
        case eap_type::kPsk:
            return "PSK";
        case eap_type::kAkaPrime:
            return "AKA'";
        case eap_type::kPwd:
            return "PWD";
        case eap_type::kTeap:
            return "TEAP";
        case eap_type::kExpanded:
            return "Expanded";
        case eap_type::kExperimental:
            return "Experimental";
        default:
            return "Type-" + std::to_string(type);
    }
}

bool isTlsFamily(std::uint8_t type)
{
    return std::find(eap_type::kTlsFamily.begin(), eap_type::kTlsFamily.end(), type) !=
           eap_type::kTlsFamily.end();
}

}  // namespace eapscope
