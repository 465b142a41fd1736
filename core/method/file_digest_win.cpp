// sha256OfFile for eapscope-host.exe, with Windows' own CNG (bcrypt) instead of OpenSSL.
#include "method/file_digest.h"

#include "common/hex.h"

#include <windows.h>
// bcrypt.h after windows.h.
#include <bcrypt.h>

#include <array>
#include <fstream>

namespace eapscope {

namespace {

constexpr std::size_t kSha256Bytes = 32;

class HashHandles {
public:
    HashHandles()
    {
        if (BCryptOpenAlgorithmProvider(&algorithm_, BCRYPT_SHA256_ALGORITHM, nullptr, 0) == 0) {
            ok_ = BCryptCreateHash(algorithm_, &hash_, nullptr, 0, nullptr, 0, 0) == 0;
        }
    }
    ~HashHandles()
    {
        if (hash_ != nullptr) {
            BCryptDestroyHash(hash_);
        }
        if (algorithm_ != nullptr) {
            BCryptCloseAlgorithmProvider(algorithm_, 0);
        }
    }
    HashHandles(const HashHandles&) = delete;
    HashHandles& operator=(const HashHandles&) = delete;

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] BCRYPT_HASH_HANDLE hash() const { return hash_; }

private:
    BCRYPT_ALG_HANDLE algorithm_ = nullptr;
    BCRYPT_HASH_HANDLE hash_ = nullptr;
    bool ok_ = false;
};

}  // namespace

Result<std::string> sha256OfFile(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return makeError(path + ": cannot be read for its SHA-256");
    }
    HashHandles handles;
    if (!handles.ok()) {
        return makeError("Windows CNG cannot compute SHA-256");
    }
    std::array<char, 65536> chunk{};
    while (file.read(chunk.data(), chunk.size()) || file.gcount() > 0) {
        BCryptHashData(handles.hash(), reinterpret_cast<PUCHAR>(chunk.data()),
                       static_cast<ULONG>(file.gcount()), 0);
    }
    std::array<std::uint8_t, kSha256Bytes> digest{};
    BCryptFinishHash(handles.hash(), digest.data(), static_cast<ULONG>(digest.size()), 0);
    return toHex(std::span<const std::uint8_t>(digest.data(), digest.size()));
}

}  // namespace eapscope
