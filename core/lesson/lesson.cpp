#include "lesson/lesson.h"

#include "lesson/lesson_names.h"

namespace eapscope {

std::string_view toString(Language language)
{
    return language == Language::Fr ? "fr" : "en";
}

std::optional<Language> parseLanguage(std::string_view text)
{
    const std::string t = lowerAscii(trimmed(text));
    if (t == "en" || t.starts_with("en_") || t.starts_with("en-") || t.starts_with("en.")) {
        return Language::En;
    }
    if (t == "fr" || t.starts_with("fr_") || t.starts_with("fr-") || t.starts_with("fr.")) {
        return Language::Fr;
    }
    return std::nullopt;
}

std::string_view toString(QuestionKind kind)
{
    switch (kind) {
        case QuestionKind::Packet:
            return "packet";
        case QuestionKind::Rule:
            return "rule";
        case QuestionKind::Context:
            return "context";
        case QuestionKind::ByteCount:
            return "bytes";
        case QuestionKind::BlockCount:
            return "blocks";
        case QuestionKind::Call:
            return "call";
        case QuestionKind::Identity:
            return "identity";
        case QuestionKind::Method:
            return "method";
        case QuestionKind::Outcome:
            return "outcome";
        case QuestionKind::Count:
            return "count";
        case QuestionKind::ResultCode:
            return "result-code";
    }
    return "rule";
}

std::string_view toString(ConditionKind kind)
{
    switch (kind) {
        case ConditionKind::Finding:
            return "finding";
        case ConditionKind::Call:
            return "call";
        case ConditionKind::Packet:
            return "packet";
        case ConditionKind::Outcome:
            return "outcome";
        case ConditionKind::Breakpoint:
            return "breakpoint";
        case ConditionKind::Answer:
            return "answer";
        case ConditionKind::Timer:
            return "timer";
    }
    return "finding";
}

std::optional<std::size_t> Lesson::taskIndex(std::string_view taskId) const
{
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (tasks[i].id == taskId) {
            return i;
        }
    }
    return std::nullopt;
}

}  // namespace eapscope
