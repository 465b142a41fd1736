#include "common/message_text.h"

#include "common/text_escape.h"

#include <nlohmann/json.hpp>

namespace eapscope {

namespace {

nlohmann::json toJson(const MessageText& text, const std::function<std::string(std::string_view)>& literal)
{
    if (text.verbatim) {
        return literal ? literal(text.source) : text.source;
    }
    nlohmann::json args = nlohmann::json::array();
    for (const MessageText& arg : text.args) {
        args.push_back(toJson(arg, literal));
    }
    return {{"t", text.source}, {"a", std::move(args)}};
}

std::optional<MessageText> fromJson(const nlohmann::json& json, int depth)
{
    if (json.is_string()) {
        return verbatim(json.get<std::string>());
    }
    // Core nests at most one level (a context's name inside a sentence); 8 bounds a damaged file.
    if (depth > 8 || !json.is_object() || !json.contains("t") || !json["t"].is_string() ||
        (json.contains("a") && !json["a"].is_array())) {
        return std::nullopt;
    }
    MessageText text;
    text.source = json["t"].get<std::string>();
    for (const auto& arg : json.value("a", nlohmann::json::array())) {
        auto parsed = fromJson(arg, depth + 1);
        if (!parsed) {
            return std::nullopt;
        }
        text.args.push_back(std::move(*parsed));
    }
    return text;
}

}  // namespace

std::string messageTextJson(const MessageText& text,
                            const std::function<std::string(std::string_view)>& literal)
{
    return jsonText(toJson(text, literal), -1);
}

std::optional<MessageText> messageTextFromJson(std::string_view json)
{
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_discarded()) {
        return std::nullopt;
    }
    return fromJson(parsed, 0);
}

}  // namespace eapscope
