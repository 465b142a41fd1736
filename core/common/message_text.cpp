#include "common/message_text.h"

// The stored (JSON) form is in message_text_json.cpp, so this file builds without nlohmann-json
// (the Windows host compiles it; the host wire carries a load finding's sentence).

namespace eapscope {

std::string fillPlaceholders(std::string_view source, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        const char next = i + 1 < source.size() ? source[i + 1] : '\0';
        if (c == '%' && next >= '1' && next <= '9' && static_cast<std::size_t>(next - '1') < args.size()) {
            out += args[static_cast<std::size_t>(next - '1')];
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

namespace {

// english() without a string per argument: each argument is written into `out` where its %N
// stands (the same single pass as fillPlaceholders(); an argument's own "%2" is not rescanned).
void appendEnglishOf(const MessageText& text, std::string& out)
{
    if (text.verbatim) {
        out += text.source;
        return;
    }
    const std::string_view source = text.source;
    std::size_t copied = 0;  // source[copied, i) is still to be appended
    for (std::size_t i = source.find('%'); i != std::string_view::npos; i = source.find('%', i + 1)) {
        const char next = i + 1 < source.size() ? source[i + 1] : '\0';
        if (next >= '1' && next <= '9' && static_cast<std::size_t>(next - '1') < text.args.size()) {
            out.append(source.substr(copied, i - copied));
            appendEnglishOf(text.args[static_cast<std::size_t>(next - '1')], out);
            copied = i + 2;
            ++i;
        }
    }
    out.append(source.substr(copied));
}

}  // namespace

std::string MessageText::english() const
{
    std::string out;
    out.reserve(source.size() + 16 * args.size());
    appendEnglishOf(*this, out);
    return out;
}

void MessageText::appendEnglish(std::string& out) const
{
    appendEnglishOf(*this, out);
}

MessageText phrase(std::string_view source, std::vector<MessageText> args)
{
    return MessageText{std::string(source), std::move(args), false};
}

MessageText verbatim(std::string text)
{
    return MessageText{std::move(text), {}, true};
}

MessageText verbatim(std::uint64_t number)
{
    return verbatim(std::to_string(number));
}

}  // namespace eapscope
