// MS-CHAPv2 arithmetic of the back end against the published test vectors: RFC 2759 §9.2
// (User / clientPass) and RFC 3079 §3.5.3 (128-bit keys from the same exchange).
#include "engine/backend/ms_chap_v2.h"

#include <gtest/gtest.h>

#include <string>

namespace eapscope::mschapv2 {
namespace {

const Challenge kAuthChallenge{0x5B, 0x5D, 0x7C, 0x7D, 0x7B, 0x3F, 0x2F, 0x3E,
                               0x3C, 0x2C, 0x60, 0x21, 0x32, 0x26, 0x26, 0x28};
const Challenge kPeerChallenge{0x21, 0x40, 0x23, 0x24, 0x25, 0x5E, 0x26, 0x2A,
                               0x28, 0x29, 0x5F, 0x2B, 0x3A, 0x33, 0x7C, 0x7E};
const NtResponse kNtResponse{0x82, 0x30, 0x9E, 0xCD, 0x8D, 0x70, 0x8B, 0x5E, 0xA0, 0x8F, 0xAA, 0x39,
                             0x81, 0xCD, 0x83, 0x54, 0x42, 0x33, 0x11, 0x4A, 0x3D, 0x85, 0xD6, 0xDF};

TEST(MsChapV2, NtPasswordHashMatchesRfc2759)
{
    const Hash expected{0x44, 0xEB, 0xBA, 0x8D, 0x53, 0x12, 0xB8, 0xD6,
                        0x11, 0x47, 0x44, 0x11, 0xF5, 0x69, 0x89, 0xAE};
    const auto hash = ntPasswordHash("clientPass");
    ASSERT_TRUE(hash.has_value()) << "OpenSSL's legacy provider (MD4) is missing";
    EXPECT_EQ(*hash, expected);
}

TEST(MsChapV2, NtResponseMatchesRfc2759)
{
    const auto response = ntResponse(kAuthChallenge, kPeerChallenge, "User", "clientPass");
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(*response, kNtResponse);
    EXPECT_NE(*ntResponse(kAuthChallenge, kPeerChallenge, "User", "clientPasS"), kNtResponse);
}

TEST(MsChapV2, DomainPrefixIsNotHashed)
{
    EXPECT_EQ(hashedUserName("CORP\\User"), "User");
    EXPECT_EQ(hashedUserName("User"), "User");
    EXPECT_EQ(*ntResponse(kAuthChallenge, kPeerChallenge, "CORP\\User", "clientPass"), kNtResponse);
}

TEST(MsChapV2, AuthenticatorResponseMatchesRfc2759)
{
    const auto text =
        authenticatorResponse("clientPass", kNtResponse, kPeerChallenge, kAuthChallenge, "User");
    ASSERT_TRUE(text.has_value());
    EXPECT_EQ(*text, "S=407A5589115FD0D6209F510FE9C04566932CDA56");
}

TEST(MsChapV2, ServerSendKeyMatchesRfc3079)
{
    const Hash send{0x8B, 0x7C, 0xDC, 0x14, 0x9B, 0x99, 0x3A, 0x1B,
                    0xA1, 0x18, 0xCB, 0x15, 0x3F, 0x56, 0xDC, 0xCB};
    const auto keys = serverMppeKeys("clientPass", kNtResponse);
    ASSERT_TRUE(keys.has_value());
    EXPECT_EQ(keys->send, send);
    EXPECT_NE(keys->recv, keys->send);
}

}  // namespace
}  // namespace eapscope::mschapv2
