#include "method/file_digest.h"

#include "common/hex.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace eapscope {

Result<std::string> sha256OfFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return makeError(path + ": cannot be read for its SHA-256");
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        return makeError("OpenSSL cannot compute SHA-256");
    }
    std::array<char, 65536> chunk{};
    while (file.read(chunk.data(), chunk.size()) || file.gcount() > 0) {
        EVP_DigestUpdate(ctx.get(), chunk.data(), static_cast<std::size_t>(file.gcount()));
    }
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &length);
    return toHex(std::span<const std::uint8_t>(digest.data(), length));
}

}  // namespace eapscope
