#include "radius/radius_types.h"

namespace eapscope::radius {

std::string_view codeName(std::uint8_t code)
{
    switch (code) {
        case AccessRequest:
            return "Access-Request";
        case AccessAccept:
            return "Access-Accept";
        case AccessReject:
            return "Access-Reject";
        case AccountingRequest:
            return "Accounting-Request";
        case AccountingResponse:
            return "Accounting-Response";
        case AccessChallenge:
            return "Access-Challenge";
        default:
            return {};
    }
}

std::string_view attributeName(std::uint8_t type)
{
    switch (type) {
        case UserName:
            return "User-Name";
        case UserPassword:
            return "User-Password";
        case NasIpAddress:
            return "NAS-IP-Address";
        case NasPort:
            return "NAS-Port";
        case ServiceType:
            return "Service-Type";
        case FramedMtu:
            return "Framed-MTU";
        case ReplyMessage:
            return "Reply-Message";
        case State:
            return "State";
        case Class:
            return "Class";
        case VendorSpecific:
            return "Vendor-Specific";
        case SessionTimeout:
            return "Session-Timeout";
        case CalledStationId:
            return "Called-Station-Id";
        case CallingStationId:
            return "Calling-Station-Id";
        case NasIdentifier:
            return "NAS-Identifier";
        case NasPortType:
            return "NAS-Port-Type";
        case ConnectInfo:
            return "Connect-Info";
        case EapMessage:
            return "EAP-Message";
        case MessageAuthenticator:
            return "Message-Authenticator";
        case ErrorCause:
            return "Error-Cause";
        default:
            return {};
    }
}

std::string_view errorCauseName(std::uint32_t value)
{
    switch (value) {
        case 201:
            return "Residual Session Context Removed";
        case 202:
            return "Invalid EAP Packet (Ignored)";
        case 401:
            return "Unsupported Attribute";
        case 402:
            return "Missing Attribute";
        case 403:
            return "NAS Identification Mismatch";
        case 404:
            return "Invalid Request";
        case 405:
            return "Unsupported Service";
        case 406:
            return "Unsupported Extension";
        case 407:
            return "Invalid Attribute Value";
        case 501:
            return "Administratively Prohibited";
        case 502:
            return "Request Not Routable (Proxy)";
        case 503:
            return "Session Context Not Found";
        case 504:
            return "Session Context Not Removable";
        case 505:
            return "Other Proxy Processing Error";
        case 506:
            return "Resources Unavailable";
        case 507:
            return "Request Initiated";
        case 508:
            return "Multiple Session Selection Unsupported";
        default:
            return {};
    }
}

}  // namespace eapscope::radius
