// RADIUS vocabulary: packet codes (RFC 2865 §3, RFC 5176), the attribute types EapScope reads
// or writes (RFC 2865 §5, RFC 2869 §5, RFC 3579 §3) and the Microsoft vendor attributes of
// RFC 2548. Names only; the codec is radius_packet.h.
#pragma once

#include <cstdint>
#include <string_view>

namespace eapscope::radius {

inline constexpr std::size_t kHeaderSize = 20;  // Code, Identifier, Length, Authenticator(16)
inline constexpr std::size_t kAuthenticatorSize = 16;
inline constexpr std::size_t kMaxPacketSize = 4096;  // RFC 2865 §3
inline constexpr std::size_t kMaxAttributeValue = 253;

enum Code : std::uint8_t {
    AccessRequest = 1,
    AccessAccept = 2,
    AccessReject = 3,
    AccountingRequest = 4,
    AccountingResponse = 5,
    AccessChallenge = 11,
};

enum AttributeType : std::uint8_t {
    UserName = 1,
    UserPassword = 2,
    NasIpAddress = 4,
    NasPort = 5,
    ServiceType = 6,
    FramedMtu = 12,
    ReplyMessage = 18,
    State = 24,
    Class = 25,
    VendorSpecific = 26,
    SessionTimeout = 27,
    CalledStationId = 30,
    CallingStationId = 31,
    NasIdentifier = 32,
    NasPortType = 61,
    ConnectInfo = 77,
    EapMessage = 79,
    MessageAuthenticator = 80,
    ErrorCause = 101,
};

inline constexpr std::uint32_t kVendorMicrosoft = 311;
inline constexpr std::uint8_t kMsMppeSendKey = 16;              // RFC 2548 §2.4.2
inline constexpr std::uint8_t kMsMppeRecvKey = 17;              // RFC 2548 §2.4.3
inline constexpr std::uint32_t kNasPortTypeWireless80211 = 19;  // RFC 2865 §5.41 / IANA

/// "Access-Request", …; "Code-N" for others.
std::string_view codeName(std::uint8_t code);
/// "User-Name", …; empty for types the codec has no name for.
std::string_view attributeName(std::uint8_t type);
/// RFC 5176 §3.5 Error-Cause values, e.g. 202 "Invalid Request"; empty when unknown.
std::string_view errorCauseName(std::uint32_t value);

}  // namespace eapscope::radius
