// Text that came from outside (captures, session files, certificates, method output) is written
// into JSON and HTML only through these helpers: invalid UTF-8 becomes "\xNN" text, so a writer
// never fails on a damaged file and never emits bytes a reader would reject.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace eapscope {

/// `text` if it is valid UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF); otherwise
/// each byte that does not belong to a valid sequence is written as the four characters "\xNN".
std::string validUtf8(std::string_view text);

/// True when `text` is valid UTF-8.
bool isValidUtf8(std::string_view text);

/// The JSON document as text (pretty-printed with `indent` ≥ 0, compact with -1), every string
/// and key passed through validUtf8 first. The one way EapScope serialises JSON.
std::string jsonText(const nlohmann::json& document, int indent = 2);

/// `text` made valid UTF-8 and escaped for HTML element content and quoted attribute values
/// (& < > " ').
std::string htmlEscape(std::string_view text);

}  // namespace eapscope
