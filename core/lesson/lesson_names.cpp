#include "lesson/lesson_names.h"

#include "eap/eap_types.h"

#include <array>
#include <charconv>

namespace eapscope {

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<std::uint64_t> parseNumber(std::string_view text)
{
    text = trimmed(text);
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text.remove_prefix(2);
        base = 16;
    }
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<Side> parseSide(std::string_view text)
{
    const std::string t = lowerAscii(trimmed(text));
    if (t == "authenticator" || t == "auth" || t == "server" || t == "authentificateur") {
        return Side::Authenticator;
    }
    if (t == "peer" || t == "client" || t == "supplicant" || t == "pair") {
        return Side::Peer;
    }
    return std::nullopt;
}

std::optional<EntryPoint> parseEntryPoint(std::string_view text)
{
    std::string t = lowerAscii(trimmed(text));
    if (t.starts_with("raseap")) {
        t.erase(0, 6);
    }
    static constexpr std::array<std::pair<std::string_view, EntryPoint>, 6> kNames{{
        {"getinfo", EntryPoint::GetInfo},
        {"initialize", EntryPoint::Initialize},
        {"uninitialize", EntryPoint::Uninitialize},
        {"begin", EntryPoint::Begin},
        {"makemessage", EntryPoint::MakeMessage},
        {"end", EntryPoint::End},
    }};
    for (const auto& [name, entry] : kNames) {
        if (t == name) {
            return entry;
        }
    }
    return std::nullopt;
}

std::optional<std::uint8_t> parseAction(std::string_view text)
{
    if (const auto n = parseNumber(text); n && *n <= 8) {
        return static_cast<std::uint8_t>(*n);
    }
    std::string t = lowerAscii(trimmed(text));
    if (t.starts_with("eapaction_")) {
        t.erase(0, 10);
    }
    for (std::uint8_t a = 0; a <= 8; ++a) {
        if (lowerAscii(actionName(a)) == t) {
            return a;
        }
    }
    return std::nullopt;
}

std::optional<std::uint8_t> parseEapCode(std::string_view text)
{
    if (const auto n = parseNumber(text); n && *n >= 1 && *n <= 255) {
        return static_cast<std::uint8_t>(*n);
    }
    const std::string t = lowerAscii(trimmed(text));
    for (unsigned code = 1; code <= 6; ++code) {
        if (lowerAscii(eapCodeName(static_cast<std::uint8_t>(code))) == t) {
            return static_cast<std::uint8_t>(code);
        }
    }
    return std::nullopt;
}

std::optional<std::uint8_t> parseEapType(std::string_view text)
{
    if (const auto n = parseNumber(text); n && *n >= 1 && *n <= 255) {
        return static_cast<std::uint8_t>(*n);
    }
    const std::string t = lowerAscii(trimmed(text));
    if (t == "nak") {
        return eap_type::kNak;
    }
    if (t == "md5") {
        return eap_type::kMd5;
    }
    for (unsigned type = 1; type <= 255; ++type) {
        const std::string name = eapTypeName(type);
        if (!name.starts_with("Type-") && lowerAscii(name) == t) {
            return static_cast<std::uint8_t>(type);
        }
    }
    return std::nullopt;
}

}  // namespace eapscope
