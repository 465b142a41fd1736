#include "engine/backend/back_end.h"

#include "eapscope/raseap.h"
#include "engine/backend/ms_chap_v2.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <memory>

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
    // Fetched once: EVP_md5() makes OpenSSL 3 look the algorithm up in its provider tables on
    // every digest, which cost more than the digest itself (callgrind, engine_bench).
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> kMd5(EVP_MD_fetch(nullptr, "MD5", nullptr),
                                                                      EVP_MD_free);
    std::array<std::uint8_t, 16> digest{};
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, kMd5 ? kMd5.get() : EVP_md5(), nullptr);
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

// A verdict is a sentence of the trace (a Note row), shown in the window's language.
BackEndAnswer reject(MessageText detail)
{
    return BackEndAnswer{ERROR_AUTHENTICATION_FAILURE, {}, std::move(detail)};
}

// Microsoft vendor attributes (RFC 2548) as RAS_AUTH_ATTRIBUTE raatVendorSpecific values: the
// RADIUS VSA payload from the Vendor-Id on (RASEAP.md §2.4).
constexpr std::uint8_t kMsChapError = 2;
constexpr std::uint8_t kMsChapChallenge = 11;
constexpr std::uint8_t kMsChap2Response = 25;
constexpr std::uint8_t kMsChap2Success = 26;

/// The value of the first Microsoft VSA of `vendorType` (after Vendor-Type and Vendor-Length).
const AuthAttribute* findMicrosoft(const std::vector<AuthAttribute>& attributes, std::uint8_t vendorType,
                                   Bytes& value)
{
    for (const AuthAttribute& a : attributes) {
        const Bytes& d = a.data;
        if (a.type == raatVendorSpecific && d.size() >= 6 && d[0] == 0 && d[1] == 0 && d[2] == 1 &&
            d[3] == 55 && d[4] == vendorType && d[5] >= 2 && std::size_t{d[5]} + 4 <= d.size()) {
            value.assign(d.begin() + 6, d.begin() + 4 + d[5]);
            return &a;
        }
    }
    return nullptr;
}

AuthAttribute microsoft(std::uint8_t vendorType, const Bytes& value)
{
    AuthAttribute a;
    a.type = raatVendorSpecific;
    a.data = {0, 0, 1, 55, vendorType, static_cast<std::uint8_t>(value.size() + 2)};
    a.data.insert(a.data.end(), value.begin(), value.end());
    a.length = static_cast<std::uint32_t>(a.data.size());
    return a;
}

/// An MS-MPPE key in the RASEAP.md §2.4 layout (plain key, Key-Length byte, padded to 56 bytes).
AuthAttribute mppeKey(std::uint8_t vendorType, const mschapv2::Hash& key)
{
    AuthAttribute a;
    a.type = raatVendorSpecific;
    a.data.assign(RASEAP_MPPE_KEY_VSA_LENGTH, 0);
    const std::uint8_t header[] = {0, 0, 1, 55, vendorType, RASEAP_MPPE_KEY_VSA_LENGTH - 4};
    std::copy(std::begin(header), std::end(header), a.data.begin());
    a.data[8] = static_cast<std::uint8_t>(key.size());
    std::copy(key.begin(), key.end(), a.data.begin() + 9);
    a.length = RASEAP_MPPE_KEY_VSA_LENGTH;
    return a;
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
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "no raatUserName in the request")));
    }
    const std::string user = text(*name);
    const auto it = users_.find(user);
    if (it == users_.end()) {
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "unknown user '%1'"), {verbatim(user)}));
    }
    Bytes msResponse;
    if (findMicrosoft(request, kMsChap2Response, msResponse) != nullptr) {
        return checkMsChapV2(user, it->second, msResponse, request);
    }
    if (const AuthAttribute* chap = find(request, raatMD5CHAPPassword)) {
        return checkChap(user, it->second, *chap, find(request, raatMD5CHAPChallenge));
    }
    if (const AuthAttribute* pap = find(request, raatUserPassword)) {
        if (text(*pap) != it->second) {
            return reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "PAP: wrong password for '%1'"),
                                 {verbatim(user)}));
        }
        return BackEndAnswer{
            NO_ERROR,
            {userNameAttribute(user)},
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "PAP: '%1' accepted"), {verbatim(user)})};
    }
    // §3.4: a user name alone is not authenticated; the provider returns the user's attributes.
    return BackEndAnswer{
        NO_ERROR,
        {userNameAttribute(user)},
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "authorization only for '%1'"), {verbatim(user)})};
}

BackEndAnswer BackEnd::checkChap(const std::string& user, const std::string& password,
                                 const AuthAttribute& response, const AuthAttribute* challenge) const
{
    if (response.data.size() != 17) {
        return reject(
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText",
                       "MD5-CHAP: raatMD5CHAPPassword must be 17 bytes (Id + 16-byte response), got %1"),
                   {verbatim(response.data.size())}));
    }
    if (challenge == nullptr || challenge->data.empty()) {
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MD5-CHAP: no raatMD5CHAPChallenge")));
    }
    // RFC 1994 §4.1: response = MD5(Identifier || secret || challenge).
    Bytes input;
    input.push_back(response.data[0]);
    input.insert(input.end(), password.begin(), password.end());
    input.insert(input.end(), challenge->data.begin(), challenge->data.end());
    const auto expected = md5(input);
    if (!std::equal(expected.begin(), expected.end(), response.data.begin() + 1)) {
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MD5-CHAP: wrong response for '%1'"),
                             {verbatim(user)}));
    }
    return BackEndAnswer{
        NO_ERROR,
        {userNameAttribute(user)},
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MD5-CHAP: '%1' accepted"), {verbatim(user)})};
}

BackEndAnswer BackEnd::checkMsChapV2(const std::string& user, const std::string& password,
                                     const Bytes& response, const std::vector<AuthAttribute>& request) const
{
    // RFC 2548 §2.3.2 MS-CHAP2-Response: Ident, Flags, Peer-Challenge[16], Reserved[8], Response[24].
    Bytes challengeValue;
    if (response.size() != 50) {
        return reject(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "MS-CHAPv2: MS-CHAP2-Response must carry 50 bytes, got %1"),
            {verbatim(response.size())}));
    }
    if (findMicrosoft(request, kMsChapChallenge, challengeValue) == nullptr || challengeValue.size() != 16) {
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "MS-CHAPv2: no 16-byte MS-CHAP-Challenge beside MS-CHAP2-Response")));
    }
    mschapv2::Challenge authChallenge{}, peerChallenge{};
    mschapv2::NtResponse got{};
    std::copy_n(challengeValue.begin(), 16, authChallenge.begin());
    std::copy_n(response.begin() + 2, 16, peerChallenge.begin());
    std::copy_n(response.begin() + 26, 24, got.begin());
    const auto expected = mschapv2::ntResponse(authChallenge, peerChallenge, user, password);
    if (!expected) {
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "MS-CHAPv2: MD4/DES unavailable (OpenSSL legacy provider not found)")));
    }
    const std::uint8_t ident = response[0];
    if (*expected != got) {
        // RFC 2759 §6: E=691 authentication failure, no retry.
        const std::string error = "E=691 R=0 V=3";
        Bytes value{ident};
        value.insert(value.end(), error.begin(), error.end());
        BackEndAnswer answer =
            reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MS-CHAPv2: wrong NT-Response for '%1'"),
                          {verbatim(user)}));
        answer.attributes.push_back(microsoft(kMsChapError, value));
        return answer;
    }
    const auto success = mschapv2::authenticatorResponse(password, got, peerChallenge, authChallenge, user);
    const auto keys = mschapv2::serverMppeKeys(password, got);
    if (!success || !keys) {
        return reject(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MS-CHAPv2: SHA-1 unavailable")));
    }
    Bytes value{ident};
    value.insert(value.end(), success->begin(), success->end());
    return BackEndAnswer{
        NO_ERROR,
        {userNameAttribute(user), microsoft(kMsChap2Success, value),
         mppeKey(RASEAP_MS_MPPE_SEND_KEY, keys->send), mppeKey(RASEAP_MS_MPPE_RECV_KEY, keys->recv)},
        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MS-CHAPv2: '%1' accepted"), {verbatim(user)})};
}

}  // namespace eapscope
