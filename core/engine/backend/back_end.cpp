#include "engine/backend/back_end.h"

#include "eapscope/raseap.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>

namespace eapscope {

namespace {

const AuthAttribute* find(const std::vector<AuthAttribute>& attributes, std::uint32_t type)
{
    const auto it = std::find_if(attributes.begin(), attributes.end(),
                                 [type](const AuthAttribute& a) { return a.type == type; });
    return it == attributes.end() ? nullptr : &*it;
}

/// A pointer attribute's bytes as text, without the trailing NULs C strings bring along.
std::string text(const AuthAttribute& attribute)
{
    std::string s(attribute.data.begin(), attribute.data.end());
    while (!s.empty() && s.back() == '\0') {
        s.pop_back();
    }
    return s;
}

std::array<std::uint8_t, 16> md5(const Bytes& input)
{
    std::array<std::uint8_t, 16> digest{};
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_md5(), nullptr);
    return digest;
}

AuthAttribute userNameAttribute(const std::string& user)
{
    AuthAttribute a;
    a.type = raatUserName;
    a.pointer = true;
    a.data.assign(user.begin(), user.end());
    a.length = static_cast<std::uint32_t>(a.data.size());
    return a;
}

BackEndAnswer reject(std::string detail)
{
    return BackEndAnswer{ERROR_AUTHENTICATION_FAILURE, {}, std::move(detail)};
}

}  // namespace

void BackEnd::addUser(const std::string& identity, const std::string& password)
{
    users_[identity] = password;
}

BackEndAnswer BackEnd::authenticate(const std::vector<AuthAttribute>& request) const
{
    const AuthAttribute* name = find(request, raatUserName);
    if (name == nullptr) {
        return reject("no raatUserName in the request");
    }
    const std::string user = text(*name);
    const auto it = users_.find(user);
    if (it == users_.end()) {
        return reject("unknown user '" + user + "'");
    }
    if (const AuthAttribute* chap = find(request, raatMD5CHAPPassword)) {
        return checkChap(user, it->second, *chap, find(request, raatMD5CHAPChallenge));
    }
    if (const AuthAttribute* pap = find(request, raatUserPassword)) {
        if (text(*pap) != it->second) {
            return reject("PAP: wrong password for '" + user + "'");
        }
        return BackEndAnswer{NO_ERROR, {userNameAttribute(user)}, "PAP: '" + user + "' accepted"};
    }
    // §3.4: a user name alone is not authenticated; the provider returns the user's attributes.
    return BackEndAnswer{NO_ERROR, {userNameAttribute(user)}, "authorization only for '" + user + "'"};
}

BackEndAnswer BackEnd::checkChap(const std::string& user, const std::string& password,
                                 const AuthAttribute& response, const AuthAttribute* challenge) const
{
    if (response.data.size() != 17) {
        return reject("MD5-CHAP: raatMD5CHAPPassword must be 17 bytes (Id + 16-byte response), got " +
                      std::to_string(response.data.size()));
    }
    if (challenge == nullptr || challenge->data.empty()) {
        return reject("MD5-CHAP: no raatMD5CHAPChallenge");
    }
    // RFC 1994 §4.1: response = MD5(Identifier || secret || challenge).
    Bytes input;
    input.push_back(response.data[0]);
    input.insert(input.end(), password.begin(), password.end());
    input.insert(input.end(), challenge->data.begin(), challenge->data.end());
    const auto expected = md5(input);
    if (!std::equal(expected.begin(), expected.end(), response.data.begin() + 1)) {
        return reject("MD5-CHAP: wrong response for '" + user + "'");
    }
    return BackEndAnswer{NO_ERROR, {userNameAttribute(user)}, "MD5-CHAP: '" + user + "' accepted"};
}

}  // namespace eapscope
