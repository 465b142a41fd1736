#include "common/text_escape.h"

#include <cstdint>
#include <cstdio>

namespace eapscope {
namespace {

// Length of the valid UTF-8 sequence starting at `at`, or 0 (RFC 3629 §4 table).
std::size_t sequenceLength(std::string_view text, std::size_t at)
{
    auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    std::uint8_t lead = byte(at);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    std::uint8_t low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;  // no overlongs
        if (lead == 0xED)
            high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        if (lead == 0xF4)
            high = 0x8F;  // ≤ U+10FFFF
    } else {
        return 0;
    }
    if (at + length > text.size())
        return 0;
    if (byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF)
            return 0;
    }
    return length;
}

void cleanStrings(nlohmann::json& value)
{
    if (value.is_string()) {
        auto& text = value.get_ref<std::string&>();
        if (!isValidUtf8(text))
            text = validUtf8(text);
    } else if (value.is_array()) {
        for (auto& item : value)
            cleanStrings(item);
    } else if (value.is_object()) {
        bool badKey = false;
        for (auto it = value.begin(); it != value.end(); ++it) {
            badKey |= !isValidUtf8(it.key());
            cleanStrings(it.value());
        }
        if (badKey) {
            nlohmann::json fixed = nlohmann::json::object();
            for (auto it = value.begin(); it != value.end(); ++it)
                fixed[validUtf8(it.key())] = std::move(it.value());
            value = std::move(fixed);
        }
    }
}

bool needsCleaning(const nlohmann::json& value)
{
    if (value.is_string())
        return !isValidUtf8(value.get_ref<const std::string&>());
    if (value.is_array()) {
        for (const auto& item : value) {
            if (needsCleaning(item))
                return true;
        }
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!isValidUtf8(it.key()) || needsCleaning(it.value()))
                return true;
        }
    }
    return false;
}

}  // namespace

bool isValidUtf8(std::string_view text)
{
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = sequenceLength(text, at);
        if (!length)
            return false;
        at += length;
    }
    return true;
}

std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = sequenceLength(text, at);
        if (length) {
            out.append(text.substr(at, length));
            at += length;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<std::uint8_t>(text[at]));
            out += escaped;
            ++at;
        }
    }
    return out;
}

std::string jsonText(const nlohmann::json& document, int indent)
{
    // The common case (everything valid) is checked without copying the document.
    if (!needsCleaning(document))
        return document.dump(indent);
    nlohmann::json copy = document;
    cleanStrings(copy);
    return copy.dump(indent);
}

std::string htmlEscape(std::string_view text)
{
    std::string valid = validUtf8(text);
    std::string out;
    out.reserve(valid.size());
    for (char c : valid) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace eapscope
