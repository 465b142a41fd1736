#include "engine/backend/ms_chap_v2.h"

#include "common/utf16.h"

#include <openssl/evp.h>
#include <openssl/provider.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace eapscope::mschapv2 {

namespace {

using Bytes = std::vector<std::uint8_t>;

// MD4 and single DES live in OpenSSL 3's legacy provider; a library context of our own keeps it
// out of the default context that the rest of the process (and TLS) uses. Loaded once, kept.
OSSL_LIB_CTX* legacyContext()
{
    static OSSL_LIB_CTX* context = [] {
        OSSL_LIB_CTX* ctx = OSSL_LIB_CTX_new();
        if (ctx != nullptr && OSSL_PROVIDER_load(ctx, "legacy") != nullptr &&
            OSSL_PROVIDER_load(ctx, "default") != nullptr) {
            return ctx;
        }
        OSSL_LIB_CTX_free(ctx);
        return static_cast<OSSL_LIB_CTX*>(nullptr);
    }();
    return context;
}

std::optional<Bytes> digest(OSSL_LIB_CTX* ctx, const char* name, std::initializer_list<Bytes> parts)
{
    std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(ctx, name, nullptr), EVP_MD_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> mdctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!md || !mdctx || EVP_DigestInit_ex(mdctx.get(), md.get(), nullptr) != 1) {
        return std::nullopt;
    }
    for (const Bytes& part : parts) {
        EVP_DigestUpdate(mdctx.get(), part.data(), part.size());
    }
    Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md.get())));
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(mdctx.get(), out.data(), &length) != 1) {
        return std::nullopt;
    }
    return out;
}

template <std::size_t N>
Bytes bytes(const std::array<std::uint8_t, N>& a)
{
    return Bytes(a.begin(), a.end());
}

Bytes bytes(std::string_view s)
{
    return Bytes(s.begin(), s.end());
}

// RFC 2759 §8.6 DesEncrypt: the 7-byte key spread over 8 bytes (parity bits ignored by DES).
bool desEncrypt(const std::uint8_t clear[8], const std::uint8_t key7[7], std::uint8_t out[8])
{
    std::uint8_t key[8];
    key[0] = key7[0];
    for (int i = 1; i < 7; ++i) {
        key[i] = static_cast<std::uint8_t>((key7[i - 1] << (8 - i)) | (key7[i] >> i));
    }
    key[7] = static_cast<std::uint8_t>(key7[6] << 1);
    std::unique_ptr<EVP_CIPHER, decltype(&EVP_CIPHER_free)> des(
        EVP_CIPHER_fetch(legacyContext(), "DES-ECB", nullptr), EVP_CIPHER_free);
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        EVP_CIPHER_CTX_free);
    int n = 0;
    return des && ctx && EVP_EncryptInit_ex(ctx.get(), des.get(), nullptr, key, nullptr) == 1 &&
           EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1 &&
           EVP_EncryptUpdate(ctx.get(), out, &n, clear, 8) == 1 && n == 8;
}

std::optional<Bytes> challengeHash(const Challenge& peer, const Challenge& authenticator,
                                   std::string_view user)
{
    auto sha = digest(nullptr, "SHA1", {bytes(peer), bytes(authenticator), bytes(hashedUserName(user))});
    if (sha) {
        sha->resize(8);  // RFC 2759 §8.2: the first 8 octets
    }
    return sha;
}

std::optional<Bytes> passwordHashHash(std::string_view password)
{
    const auto hash = ntPasswordHash(password);
    return hash ? digest(legacyContext(), "MD4", {bytes(*hash)}) : std::nullopt;
}

// RFC 3079 §3.4 magic constants.
constexpr std::string_view kMasterMagic = "This is the MPPE Master Key";
constexpr std::string_view kClientSendMagic =
    "On the client side, this is the send key; on the server side, it is the receive key.";
constexpr std::string_view kClientRecvMagic =
    "On the client side, this is the receive key; on the server side, it is the send key.";

std::optional<Hash> asymmetricStartKey(const Bytes& masterKey, std::string_view magic)
{
    const auto d = digest(nullptr, "SHA1", {masterKey, Bytes(40, 0x00), bytes(magic), Bytes(40, 0xF2)});
    if (!d) {
        return std::nullopt;
    }
    Hash key{};
    std::copy_n(d->begin(), key.size(), key.begin());
    return key;
}

}  // namespace

std::string_view hashedUserName(std::string_view userName)
{
    const auto slash = userName.rfind('\\');
    return slash == std::string_view::npos ? userName : userName.substr(slash + 1);
}

std::optional<Hash> ntPasswordHash(std::string_view passwordUtf8)
{
    const std::u16string utf16 = utf8ToUtf16(passwordUtf8);
    Bytes le;
    for (char16_t unit : utf16) {
        le.push_back(static_cast<std::uint8_t>(unit & 0xFF));
        le.push_back(static_cast<std::uint8_t>(unit >> 8));
    }
    const auto md4 = digest(legacyContext(), "MD4", {le});
    if (!md4) {
        return std::nullopt;
    }
    Hash hash{};
    std::copy_n(md4->begin(), hash.size(), hash.begin());
    return hash;
}

std::optional<NtResponse> ntResponse(const Challenge& authenticatorChallenge, const Challenge& peerChallenge,
                                     std::string_view userName, std::string_view passwordUtf8)
{
    const auto challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
    const auto hash = ntPasswordHash(passwordUtf8);
    if (!challenge || !hash) {
        return std::nullopt;
    }
    // RFC 2759 §8.5 ChallengeResponse: the hash zero-padded to 21 octets, three DES keys of 7.
    std::array<std::uint8_t, 21> padded{};
    std::copy(hash->begin(), hash->end(), padded.begin());
    NtResponse response{};
    for (int i = 0; i < 3; ++i) {
        if (!desEncrypt(challenge->data(), padded.data() + 7 * i, response.data() + 8 * i)) {
            return std::nullopt;
        }
    }
    return response;
}

std::optional<std::string> authenticatorResponse(std::string_view passwordUtf8, const NtResponse& response,
                                                 const Challenge& peerChallenge,
                                                 const Challenge& authenticatorChallenge,
                                                 std::string_view userName)
{
    constexpr std::string_view kMagic1 = "Magic server to client signing constant";
    constexpr std::string_view kMagic2 = "Pad to make it do more than one iteration";
    const auto hashHash = passwordHashHash(passwordUtf8);
    const auto challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
    if (!hashHash || !challenge) {
        return std::nullopt;
    }
    const auto first = digest(nullptr, "SHA1", {*hashHash, bytes(response), bytes(kMagic1)});
    const auto second = first ? digest(nullptr, "SHA1", {*first, *challenge, bytes(kMagic2)}) : std::nullopt;
    if (!second) {
        return std::nullopt;
    }
    std::string text = "S=";
    char hex[3];
    for (std::uint8_t b : *second) {
        std::snprintf(hex, sizeof hex, "%02X", b);
        text += hex;
    }
    return text;
}

std::optional<MppeKeys> serverMppeKeys(std::string_view passwordUtf8, const NtResponse& response)
{
    const auto hashHash = passwordHashHash(passwordUtf8);
    auto master =
        hashHash ? digest(nullptr, "SHA1", {*hashHash, bytes(response), bytes(kMasterMagic)}) : std::nullopt;
    if (!master) {
        return std::nullopt;
    }
    master->resize(16);  // RFC 3079 §3.4 GetMasterKey: the first 16 octets
    const auto send = asymmetricStartKey(*master, kClientRecvMagic);  // server send = client receive
    const auto recv = asymmetricStartKey(*master, kClientSendMagic);
    if (!send || !recv) {
        return std::nullopt;
    }
    return MppeKeys{*send, *recv};
}

}  // namespace eapscope::mschapv2
