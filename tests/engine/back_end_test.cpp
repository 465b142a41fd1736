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

}  // namespace
}  // namespace eapscope
