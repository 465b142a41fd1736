// Redaction of secrets on their way into a session file (issue 4 part 3, DESIGN.md "Session
// file"): passwords (PPP_EAP_INPUT pwszPassword, raatUserPassword values) and key material
// (MPPE keys, MSK/EMSK) become "[REDACTED, N bytes]" (common/log.h redacted()); identities and
// packets are kept.
//
// Three layers, because the engine records secrets only as text (options and notes):
//  1. options whose key names a secret ("password", "secret", "mppe", "msk", "emsk") have their
//     value replaced; those values become the known secrets;
//  2. in any text (strings, finding messages and sites, other options), "<secret-key> = value"
//     and "<secret-key>: value" forms have the value replaced (e.g. "raatUserPassword=…",
//     "MPPE-Send-Key: 0a1b…", "MSK=…");
//  3. every occurrence of a known secret (>= kMinSecretBytes) in any text — as UTF-8, or as hex
//     of its UTF-8 or UTF-16LE bytes — is replaced, and in packets its UTF-8, UTF-16LE and
//     UTF-16BE bytes are overwritten with '*' (same length, so byte ranges stay valid).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eapscope {

class Redactor {
public:
    /// Shorter known secrets are not searched for in free text: a 1–3 byte needle would
    /// shred ordinary words. They are still redacted where their key names them.
    static constexpr std::size_t kMinSecretBytes = 4;

    explicit Redactor(bool keepSecrets) : keep_(keepSecrets) {}

    /// True when an option key names a secret (case-insensitive).
    [[nodiscard]] static bool isSecretKey(std::string_view key);

    /// Collects the known secrets from the run's options (values of secret keys).
    void learn(const std::vector<std::pair<std::string, std::string>>& options);

    [[nodiscard]] std::string option(std::string_view key, std::string_view value) const;
    [[nodiscard]] std::string text(std::string_view text) const;
    /// Masks known secrets inside packet bytes; returns true when it changed something.
    bool maskPacket(std::vector<std::uint8_t>& bytes) const;
    /// True when maskPacket would change nothing (fast path: no copy).
    [[nodiscard]] bool packetIsClean(const std::uint8_t* data, std::size_t size) const;

    [[nodiscard]] bool keepsSecrets() const { return keep_; }

private:
    [[nodiscard]] std::string redactKeyValues(std::string_view text) const;
    [[nodiscard]] std::string redactKnown(std::string text) const;

    bool keep_;
    struct Needle {
        std::string text;  // as it may appear in text (UTF-8 or hex)
        std::size_t secretBytes;
    };
    std::vector<Needle> textNeedles_;
    std::vector<std::string> byteNeedles_;  // UTF-8, UTF-16LE, UTF-16BE
};

}  // namespace eapscope
