#include "radius/radius_authenticator.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <initializer_list>
#include <memory>

namespace eapscope::radius {

namespace {

constexpr std::size_t kMacSize = 16;

// MD5 over the concatenation of `parts`. The algorithm is fetched once and the context kept
// per thread: in OpenSSL 3, EVP_md5() and HMAC() (EVP_Q_mac) look the algorithm up in the
// provider on every call, which was 14% of `serve`'s time per RADIUS request.
std::array<std::uint8_t, kMacSize> md5(std::initializer_list<std::span<const std::uint8_t>> parts)
{
    static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "MD5", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                                   &EVP_MD_CTX_free);
    std::array<std::uint8_t, kMacSize> digest{};
    unsigned int length = 0;
    EVP_DigestInit_ex2(ctx.get(), algorithm, nullptr);
    for (const auto part : parts) {
        EVP_DigestUpdate(ctx.get(), part.data(), part.size());
    }
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &length);
    return digest;
}

std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// HMAC-MD5 (RFC 2104) on md5() above.
std::array<std::uint8_t, kMacSize> hmacMd5(std::string_view secret, std::span<const std::uint8_t> data)
{
    constexpr std::size_t kBlock = 64;
    std::array<std::uint8_t, kMacSize> hashedKey{};
    std::span<const std::uint8_t> key = bytesOf(secret);
    if (key.size() > kBlock) {
        hashedKey = md5({key});
        key = hashedKey;
    }
    std::array<std::uint8_t, kBlock> inner{}, outer{};
    std::copy(key.begin(), key.end(), inner.begin());
    std::copy(key.begin(), key.end(), outer.begin());
    for (std::size_t i = 0; i < kBlock; ++i) {
        inner[i] ^= 0x36;
        outer[i] ^= 0x5c;
    }
    const auto innerDigest = md5({inner, data});
    return md5({outer, innerDigest});
}

// RFC 2865 §3: MD5(Code+ID+Length+RequestAuth+Attributes+Secret), over `bytes` whose
// Authenticator field already holds the Request Authenticator.
Authenticator responseAuthenticator(std::span<const std::uint8_t> bytes, std::string_view secret)
{
    return md5({bytes, bytesOf(secret)});
}

// The value offset of the first Message-Authenticator in an encoded packet, or 0.
std::size_t messageAuthenticatorAt(std::span<const std::uint8_t> bytes)
{
    const std::size_t length = std::min<std::size_t>(bytes.size(), (std::size_t{bytes[2]} << 8) | bytes[3]);
    for (std::size_t at = kHeaderSize; at + 2 <= length && bytes[at + 1] >= 2;) {
        if (bytes[at] == MessageAuthenticator && bytes[at + 1] == 2 + kMacSize &&
            at + 2 + kMacSize <= length) {
            return at + 2;
        }
        at += bytes[at + 1];
    }
    return 0;
}

// RFC 3579 §3.2: HMAC-MD5 over the packet with the MA value zeroed and `authenticator` in the
// Authenticator field (the Request Authenticator, for requests and responses alike).
std::array<std::uint8_t, kMacSize> computeMac(Bytes bytes, std::size_t valueAt,
                                              const Authenticator& authenticator, std::string_view secret)
{
    std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(valueAt), kMacSize, 0);
    std::copy(authenticator.begin(), authenticator.end(), bytes.begin() + 4);
    return hmacMd5(secret, bytes);
}

// Puts a zeroed Message-Authenticator in the packet when it needs one, and encodes it.
Result<Bytes> encodeWithMacSlot(RadiusPacket& packet)
{
    if (packet.hasEapMessage() && packet.find(MessageAuthenticator) == nullptr) {
        packet.add(MessageAuthenticator, std::array<std::uint8_t, kMacSize>{});
    } else if (const Attribute* ma = packet.find(MessageAuthenticator); ma != nullptr) {
        packet.set(MessageAuthenticator, std::array<std::uint8_t, kMacSize>{});
    }
    return encodePacket(packet);
}

Status checkMac(std::span<const std::uint8_t> bytes, const Authenticator& authenticator,
                std::string_view secret, bool required)
{
    const std::size_t at = messageAuthenticatorAt(bytes);
    if (at == 0) {
        if (required) {
            return makeError("the packet carries EAP-Message but no Message-Authenticator (RFC 3579 §3.3)");
        }
        return Ok{};
    }
    const std::size_t length = (std::size_t{bytes[2]} << 8) | bytes[3];
    const auto expected = computeMac(
        Bytes(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length)), at, authenticator, secret);
    if (CRYPTO_memcmp(expected.data(), bytes.data() + at, kMacSize) != 0) {
        return makeError("Message-Authenticator does not match: wrong shared secret or altered packet");
    }
    return Ok{};
}

}  // namespace

Authenticator randomAuthenticator()
{
    Authenticator a{};
    if (RAND_bytes(a.data(), static_cast<int>(a.size())) != 1) {
        std::random_device device;  // OpenSSL's generator failed: still unpredictable enough for a NAS
        std::generate(a.begin(), a.end(), [&] { return static_cast<std::uint8_t>(device()); });
    }
    return a;
}

Result<Bytes> signRequest(RadiusPacket packet, std::string_view secret)
{
    auto bytes = encodeWithMacSlot(packet);
    if (!bytes) {
        return bytes;
    }
    if (const std::size_t at = messageAuthenticatorAt(*bytes); at != 0) {
        const auto mac = computeMac(*bytes, at, packet.authenticator, secret);
        std::copy(mac.begin(), mac.end(), bytes->begin() + static_cast<std::ptrdiff_t>(at));
    }
    return bytes;
}

Result<Bytes> signResponse(RadiusPacket packet, const Authenticator& request, std::string_view secret)
{
    packet.authenticator = request;
    auto bytes = encodeWithMacSlot(packet);
    if (!bytes) {
        return bytes;
    }
    if (const std::size_t at = messageAuthenticatorAt(*bytes); at != 0) {
        const auto mac = computeMac(*bytes, at, request, secret);
        std::copy(mac.begin(), mac.end(), bytes->begin() + static_cast<std::ptrdiff_t>(at));
    }
    const Authenticator response = responseAuthenticator(*bytes, secret);
    std::copy(response.begin(), response.end(), bytes->begin() + 4);
    return bytes;
}

Status verifyResponse(std::span<const std::uint8_t> bytes, const Authenticator& request,
                      std::string_view secret)
{
    auto packet = decodePacket(bytes);
    if (!packet) {
        return packet.failure();
    }
    const std::size_t length = (std::size_t{bytes[2]} << 8) | bytes[3];
    Bytes copy(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(length));
    std::copy(request.begin(), request.end(), copy.begin() + 4);
    const Authenticator expected = responseAuthenticator(copy, secret);
    if (CRYPTO_memcmp(expected.data(), bytes.data() + 4, kAuthenticatorSize) != 0) {
        return makeError("Response Authenticator does not match: wrong shared secret or altered packet");
    }
    return checkMac(bytes, request, secret, packet->hasEapMessage());
}

Status verifyRequest(std::span<const std::uint8_t> bytes, std::string_view secret)
{
    auto packet = decodePacket(bytes);
    if (!packet) {
        return packet.failure();
    }
    return checkMac(bytes, packet->authenticator, secret, packet->hasEapMessage());
}

}  // namespace eapscope::radius
