// A sentence core makes for a person (a finding's message, a step's status line), kept as its
// English template and its arguments so each reader renders it in its own language: core, the
// CLI, its JSON and logs use english(); the GUI looks the template up in its translation
// (context kMessageTextContext) and fills in the same arguments. Templates are written with
// EAPSCOPE_TRANSLATE_NOOP("EngineText", …) where they are made, so lupdate extracts them.
#pragma once

#include "common/translate.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

inline constexpr const char* kMessageTextContext = "EngineText";

struct MessageText {
    // A template uses %1..%9 for its arguments (Qt's placeholders, so a translation is an
    // ordinary Qt string). A verbatim text (a number, an API name, an address, a detail the
    // host wrote) is shown as it is in every language.
    std::string source;
    std::vector<MessageText> args;
    bool verbatim = false;

    [[nodiscard]] bool empty() const { return source.empty(); }
    /// The text in English: each %N replaced by args[N-1] in one pass (an argument's own "%2"
    /// stays as it is).
    [[nodiscard]] std::string english() const;
    /// english() appended to `out` (a caller's reused buffer: no string of its own).
    void appendEnglish(std::string& out) const;

    bool operator==(const MessageText&) const = default;
};

/// A template and its arguments.
MessageText phrase(std::string_view source, std::vector<MessageText> args = {});
/// Text shown as it is.
MessageText verbatim(std::string text);
MessageText verbatim(std::uint64_t number);

/// Fills %1..%9 of `source` with `args` in one pass (shared by english() and the GUI's renderer).
std::string fillPlaceholders(std::string_view source, const std::vector<std::string>& args);

/// The stored form (session files): {"t": template, "a": [argument...]}, a verbatim argument as a
/// JSON string. `literal` maps each verbatim text on the way out (the writer's redactor).
std::string messageTextJson(const MessageText& text,
                            const std::function<std::string(std::string_view)>& literal = {});
/// The stored form read back; nullopt when `json` is not one.
std::optional<MessageText> messageTextFromJson(std::string_view json);

}  // namespace eapscope
