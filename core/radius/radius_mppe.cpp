#include "radius/radius_mppe.h"

#include <openssl/evp.h>

namespace eapscope::radius {

namespace {

constexpr std::size_t kBlock = 16;

// b(1) = MD5(Secret + Request-Authenticator + Salt), b(i) = MD5(Secret + c(i-1)) (RFC 2548 §2.4.2).
std::array<std::uint8_t, kBlock> mask(std::string_view secret, std::span<const std::uint8_t> previous)
{
    std::array<std::uint8_t, kBlock> digest{};
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_md5(), nullptr);
    EVP_DigestUpdate(ctx, secret.data(), secret.size());
    EVP_DigestUpdate(ctx, previous.data(), previous.size());
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx, digest.data(), &length);
    EVP_MD_CTX_free(ctx);
    return digest;
}

Bytes firstSeed(const Authenticator& request, std::span<const std::uint8_t> salt)
{
    Bytes seed(request.begin(), request.end());
    seed.insert(seed.end(), salt.begin(), salt.end());
    return seed;
}

}  // namespace

Result<Bytes> encryptMppeKey(std::span<const std::uint8_t> key, std::string_view secret,
                             const Authenticator& request, std::uint16_t salt)
{
    // Salt(2) + one length byte + key, padded to blocks, must fit in 253 - 4 (vendor) - 2 (sub-header).
    if (key.size() > 239) {
        return makeError("an MPPE key of " + std::to_string(key.size()) +
                         " bytes does not fit (at most 239)");
    }
    const std::array<std::uint8_t, 2> saltBytes = {static_cast<std::uint8_t>(0x80 | (salt >> 8)),
                                                   static_cast<std::uint8_t>(salt & 0xFF)};
    Bytes plain{static_cast<std::uint8_t>(key.size())};
    plain.insert(plain.end(), key.begin(), key.end());
    plain.resize((plain.size() + kBlock - 1) / kBlock * kBlock, 0);
    Bytes out(saltBytes.begin(), saltBytes.end());
    Bytes seed = firstSeed(request, saltBytes);
    for (std::size_t at = 0; at < plain.size(); at += kBlock) {
        const auto b = mask(secret, seed);
        for (std::size_t i = 0; i < kBlock; ++i) {
            out.push_back(plain[at + i] ^ b[i]);
        }
        seed.assign(out.end() - kBlock, out.end());
    }
    return out;
}

Result<Bytes> decryptMppeKey(std::span<const std::uint8_t> value, std::string_view secret,
                             const Authenticator& request)
{
    if (value.size() < 2 + kBlock || (value.size() - 2) % kBlock != 0) {
        return makeError("an MS-MPPE key attribute of " + std::to_string(value.size()) +
                         " bytes is not a salt followed by whole 16-byte blocks");
    }
    if ((value[0] & 0x80) == 0) {
        return makeError("the MS-MPPE key salt does not have its high bit set (RFC 2548 §2.4.2)");
    }
    Bytes plain;
    Bytes seed = firstSeed(request, value.first(2));
    for (std::size_t at = 2; at < value.size(); at += kBlock) {
        const auto b = mask(secret, seed);
        for (std::size_t i = 0; i < kBlock; ++i) {
            plain.push_back(value[at + i] ^ b[i]);
        }
        seed.assign(value.begin() + static_cast<std::ptrdiff_t>(at),
                    value.begin() + static_cast<std::ptrdiff_t>(at + kBlock));
    }
    const std::size_t keyLength = plain[0];
    if (keyLength + 1 > plain.size()) {
        return makeError("the MS-MPPE key length " + std::to_string(keyLength) +
                         " passes its attribute: wrong shared secret or Request Authenticator");
    }
    return Bytes(plain.begin() + 1, plain.begin() + 1 + static_cast<std::ptrdiff_t>(keyLength));
}

}  // namespace eapscope::radius
