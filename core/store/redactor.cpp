#include "store/redactor.h"

#include "common/hex.h"
#include "common/log.h"
#include "common/utf16.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace eapscope {

namespace {

// Key words that name a secret: passwords (RASEAP.md §2.1 pwszPassword, §2.4 raatUserPassword,
// raatMD5CHAPPassword) and key material (MS-MPPE-Send/Recv-Key, MSK, EMSK).
constexpr std::array<std::string_view, 6> kSecretWords = {"password", "passwd", "secret",
                                                          "mppe",     "msk",    "emsk"};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isIdentChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

bool isValueEnd(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0 || c == ',' || c == ';' || c == ')' || c == ']' ||
           c == '}' || c == '"' || c == '\'';
}

// A hex value names key material by its byte count; anything else by its UTF-8 length.
std::size_t secretSize(std::string_view value)
{
    const bool hex =
        value.size() >= 2 && value.size() % 2 == 0 &&
        std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
    return hex ? value.size() / 2 : value.size();
}

std::string utf16Bytes(const std::u16string& text, bool bigEndian)
{
    std::string out;
    for (char16_t unit : text) {
        const auto hi = static_cast<char>(unit >> 8);
        const auto lo = static_cast<char>(unit & 0xFF);
        out.push_back(bigEndian ? hi : lo);
        out.push_back(bigEndian ? lo : hi);
    }
    return out;
}

std::string hexOf(std::string_view bytes, bool upper)
{
    std::string hex = toHex({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
    if (upper) {
        std::transform(hex.begin(), hex.end(), hex.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    }
    return hex;
}

}  // namespace

bool Redactor::isSecretKey(std::string_view key)
{
    const std::string k = lower(key);
    if (k.find("keep-secrets") != std::string::npos || k.find("keepsecrets") != std::string::npos ||
        k.find("keep_secrets") != std::string::npos) {
        return false;  // the option that says whether secrets are kept is not a secret
    }
    return std::any_of(kSecretWords.begin(), kSecretWords.end(),
                       [&](std::string_view word) { return k.find(word) != std::string::npos; });
}

void Redactor::learn(const std::vector<std::pair<std::string, std::string>>& options)
{
    textNeedles_.clear();
    byteNeedles_.clear();
    for (const auto& [key, value] : options) {
        if (!isSecretKey(key) || value.size() < kMinSecretBytes || value.starts_with("[REDACTED")) {
            continue;
        }
        const std::u16string wide = utf8ToUtf16(value);
        const std::string le = utf16Bytes(wide, false);
        const std::string be = utf16Bytes(wide, true);
        const std::size_t n = value.size();
        for (std::string needle : {value, hexOf(value, false), hexOf(value, true), hexOf(le, false),
                                   hexOf(le, true), hexOf(be, false), hexOf(be, true)}) {
            textNeedles_.push_back({std::move(needle), n});
        }
        byteNeedles_.insert(byteNeedles_.end(), {value, le, be});
    }
    // Longest first, so a hex form is not cut by a shorter needle inside it.
    std::sort(textNeedles_.begin(), textNeedles_.end(),
              [](const Needle& x, const Needle& y) { return x.text.size() > y.text.size(); });
}

std::string Redactor::option(std::string_view key, std::string_view value) const
{
    if (keep_) {
        return std::string(value);
    }
    if (isSecretKey(key) && !value.starts_with("[REDACTED")) {
        return redacted(value.size());
    }
    return text(value);
}

std::string Redactor::text(std::string_view text) const
{
    if (keep_) {
        return std::string(text);
    }
    return redactKnown(redactKeyValues(text));
}

std::string Redactor::redactKeyValues(std::string_view text) const
{
    const std::string folded = lower(text);
    std::string out;
    std::size_t copied = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t hit = std::string::npos;
        for (std::string_view word : kSecretWords) {
            hit = std::min(hit, folded.find(word, pos));
        }
        if (hit == std::string::npos) {
            break;
        }
        std::size_t i = hit;
        while (i < text.size() && isIdentChar(text[i])) {
            ++i;  // rest of the key name, e.g. raatUserPassword, MS-MPPE-Send-Key
        }
        std::size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '"' || text[j] == '\'')) {
            ++j;
        }
        if (j >= text.size() || (text[j] != '=' && text[j] != ':')) {
            pos = i > hit ? i : hit + 1;
            continue;
        }
        ++j;
        while (j < text.size() && (text[j] == ' ' || text[j] == '"' || text[j] == '\'')) {
            ++j;
        }
        std::size_t end = j;
        while (end < text.size() && !isValueEnd(text[end])) {
            ++end;
        }
        const std::string_view value = text.substr(j, end - j);
        if (!value.empty() && !value.starts_with("[REDACTED")) {
            out.append(text.substr(copied, j - copied));
            out += redacted(secretSize(value));
            copied = end;
        }
        pos = std::max(end, hit + 1);
    }
    out.append(text.substr(copied));
    return out;
}

std::string Redactor::redactKnown(std::string text) const
{
    for (const Needle& needle : textNeedles_) {
        std::size_t at = 0;
        while ((at = text.find(needle.text, at)) != std::string::npos) {
            const std::string replacement = redacted(needle.secretBytes);
            text.replace(at, needle.text.size(), replacement);
            at += replacement.size();
        }
    }
    return text;
}

bool Redactor::packetIsClean(const std::uint8_t* data, std::size_t size) const
{
    if (keep_ || byteNeedles_.empty()) {
        return true;
    }
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    return std::none_of(byteNeedles_.begin(), byteNeedles_.end(), [&](const std::string& needle) {
        return bytes.find(needle) != std::string_view::npos;
    });
}

bool Redactor::maskPacket(std::vector<std::uint8_t>& bytes) const
{
    if (packetIsClean(bytes.data(), bytes.size())) {
        return false;
    }
    for (const std::string& needle : byteNeedles_) {
        auto it = bytes.begin();
        while ((it = std::search(it, bytes.end(), needle.begin(), needle.end())) != bytes.end()) {
            std::fill_n(it, needle.size(), static_cast<std::uint8_t>('*'));
            it += static_cast<std::ptrdiff_t>(needle.size());
        }
    }
    return true;
}

}  // namespace eapscope
