#include "radius/radius_authenticator.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>

namespace eapscope::radius {

namespace {

constexpr std::size_t kMacSize = 16;

std::array<std::uint8_t, kMacSize> hmacMd5(std::string_view secret, std::span<const std::uint8_t> data)
{
    std::array<std::uint8_t, kMacSize> mac{};
    unsigned int length = 0;
    HMAC(EVP_md5(), secret.data(), static_cast<int>(secret.size()), data.data(), data.size(), mac.data(),
         &length);
    return mac;
}

// RFC 2865 §3: MD5(Code+ID+Length+RequestAuth+Attributes+Secret), over `bytes` whose
// Authenticator field already holds the Request Authenticator.
Authenticator responseAuthenticator(std::span<const std::uint8_t> bytes, std::string_view secret)
{
    Authenticator digest{};
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_md5(), nullptr);
    EVP_DigestUpdate(ctx, bytes.data(), bytes.size());
    EVP_DigestUpdate(ctx, secret.data(), secret.size());
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx, digest.data(), &length);
    EVP_MD_CTX_free(ctx);
    return digest;
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
        return makeError(packet.error());
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
        return makeError(packet.error());
    }
    return checkMac(bytes, packet->authenticator, secret, packet->hasEapMessage());
}

}  // namespace eapscope::radius
