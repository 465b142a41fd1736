#include "engine/backend/back_end.h"

#include "eapscope/raseap.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

namespace eapscope {
namespace {

AuthAttribute text(std::uint32_t type, const std::string& s)
{
    return AuthAttribute{type, static_cast<std::uint32_t>(s.size()), true, Bytes(s.begin(), s.end()), 0};
}

Bytes chapResponse(std::uint8_t id, const std::string& password, const Bytes& challenge)
{
    Bytes input{id};
    input.insert(input.end(), password.begin(), password.end());
    input.insert(input.end(), challenge.begin(), challenge.end());
    Bytes out(17);
    out[0] = id;
    unsigned int n = 0;
    EVP_Digest(input.data(), input.size(), out.data() + 1, &n, EVP_md5(), nullptr);
    return out;
}

TEST(BackEnd, PapAcceptsTheRightPasswordOnly)
{
    BackEnd be;
    be.addUser("alice", "secret");
    EXPECT_EQ(be.authenticate({text(raatUserName, "alice"), text(raatUserPassword, "secret")}).resultCode,
              0u);
    EXPECT_EQ(be.authenticate({text(raatUserName, "alice"), text(raatUserPassword, "nope")}).resultCode,
              static_cast<std::uint32_t>(ERROR_AUTHENTICATION_FAILURE));
}

TEST(BackEnd, Md5ChapChecksIdPasswordAndChallenge)
{
    BackEnd be;
    be.addUser("alice", "secret");
    const Bytes challenge(16, 0x5a);
    AuthAttribute c{raatMD5CHAPChallenge, 16, true, challenge, 0};
    AuthAttribute good{raatMD5CHAPPassword, 17, true, chapResponse(3, "secret", challenge), 0};
    AuthAttribute bad{raatMD5CHAPPassword, 17, true, chapResponse(3, "secreT", challenge), 0};
    EXPECT_EQ(be.authenticate({text(raatUserName, "alice"), good, c}).resultCode, 0u);
    EXPECT_NE(be.authenticate({text(raatUserName, "alice"), bad, c}).resultCode, 0u);
    EXPECT_NE(be.authenticate({text(raatUserName, "alice"), good}).resultCode, 0u);  // no challenge
}

TEST(BackEnd, UserNameAloneIsAuthorizationOnly)
{
    BackEnd be;
    be.addUser("alice", "secret");
    const auto answer = be.authenticate({text(raatUserName, "alice")});
    EXPECT_EQ(answer.resultCode, 0u);
    ASSERT_EQ(answer.attributes.size(), 1u);
    EXPECT_EQ(answer.attributes[0].type, static_cast<std::uint32_t>(raatUserName));
    EXPECT_NE(be.authenticate({text(raatUserName, "mallory")}).resultCode, 0u);
}

// MS-CHAPv2 through the back end with the RFC 2759 §9.2 exchange (user "User", "clientPass").
AuthAttribute microsoft(std::uint8_t vendorType, const Bytes& value)
{
    Bytes d{0, 0, 1, 55, vendorType, static_cast<std::uint8_t>(value.size() + 2)};
    d.insert(d.end(), value.begin(), value.end());
    return AuthAttribute{raatVendorSpecific, static_cast<std::uint32_t>(d.size()), true, d, 0};
}

std::vector<AuthAttribute> msChapV2Request(std::uint8_t lastResponseByte)
{
    const Bytes challenge{0x5B, 0x5D, 0x7C, 0x7D, 0x7B, 0x3F, 0x2F, 0x3E,
                          0x3C, 0x2C, 0x60, 0x21, 0x32, 0x26, 0x26, 0x28};
    Bytes response{7,    0,    0x21, 0x40, 0x23, 0x24, 0x25, 0x5E, 0x26, 0x2A, 0x28, 0x29, 0x5F,
                   0x2B, 0x3A, 0x33, 0x7C, 0x7E, 0,    0,    0,    0,    0,    0,    0,    0,
                   0x82, 0x30, 0x9E, 0xCD, 0x8D, 0x70, 0x8B, 0x5E, 0xA0, 0x8F, 0xAA, 0x39, 0x81,
                   0xCD, 0x83, 0x54, 0x42, 0x33, 0x11, 0x4A, 0x3D, 0x85, 0xD6};
    response.push_back(lastResponseByte);
    return {text(raatUserName, "User"), microsoft(11, challenge), microsoft(25, response)};
}

const AuthAttribute* vendor(const std::vector<AuthAttribute>& attributes, std::uint8_t type)
{
    for (const auto& a : attributes) {
        if (a.type == raatVendorSpecific && a.data.size() > 5 && a.data[4] == type) {
            return &a;
        }
    }
    return nullptr;
}

TEST(BackEnd, MsChapV2AcceptsAndAnswersSuccessAndMppeKeys)
{
    BackEnd be;
    be.addUser("User", "clientPass");
    const auto answer = be.authenticate(msChapV2Request(0xDF));
    ASSERT_EQ(answer.resultCode, 0u) << answer.detail.english();
    const AuthAttribute* success = vendor(answer.attributes, 26);
    ASSERT_NE(success, nullptr);
    const std::string text(success->data.begin() + 7, success->data.end());
    EXPECT_EQ(success->data[6], 7);  // the Ident of the response
    EXPECT_EQ(text, "S=407A5589115FD0D6209F510FE9C04566932CDA56");
    const AuthAttribute* send = vendor(answer.attributes, RASEAP_MS_MPPE_SEND_KEY);
    const AuthAttribute* recv = vendor(answer.attributes, RASEAP_MS_MPPE_RECV_KEY);
    ASSERT_NE(send, nullptr);
    ASSERT_NE(recv, nullptr);
    EXPECT_EQ(send->length, RASEAP_MPPE_KEY_VSA_LENGTH);
    EXPECT_EQ(send->data[5], RASEAP_MPPE_KEY_VSA_LENGTH - 4);
    EXPECT_EQ(send->data[8], 16);    // RFC 3079 128-bit session keys
    EXPECT_EQ(send->data[9], 0x8B);  // RFC 3079 §3.5.3 SendStartKey128 begins 8B 7C
    EXPECT_EQ(send->data[10], 0x7C);
}

TEST(BackEnd, MsChapV2RejectsAWrongResponseWithE691)
{
    BackEnd be;
    be.addUser("User", "clientPass");
    const auto answer = be.authenticate(msChapV2Request(0xDE));
    EXPECT_EQ(answer.resultCode, static_cast<std::uint32_t>(ERROR_AUTHENTICATION_FAILURE));
    const AuthAttribute* error = vendor(answer.attributes, 2);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(std::string(error->data.begin() + 7, error->data.end()), "E=691 R=0 V=3");
    EXPECT_EQ(vendor(answer.attributes, RASEAP_MS_MPPE_SEND_KEY), nullptr);
}

TEST(BackEnd, MsChapV2WithoutChallengeOrWithShortResponseIsRejected)
{
    BackEnd be;
    be.addUser("User", "clientPass");
    auto request = msChapV2Request(0xDF);
    request.erase(request.begin() + 1);  // no MS-CHAP-Challenge
    EXPECT_NE(be.authenticate(request).resultCode, 0u);
    request = msChapV2Request(0xDF);
    request[2].data.pop_back();
    request[2].data[5] -= 1;  // 49-byte MS-CHAP2-Response
    EXPECT_NE(be.authenticate(request).resultCode, 0u);
}

}  // namespace
}  // namespace eapscope
