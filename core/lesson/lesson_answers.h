// The expected answer of a question, computed from the session's own events — never typed into
// the lesson — and the comparison of a learner's answer with it (lesson_evaluator.h).
#pragma once

#include "lesson/lesson.h"
#include "trace/trace.h"

#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

/// True when event `id` of `trace` matches `filter` for a condition of `kind` (Finding rows for
/// Finding, CallEnd rows for Call, Packet rows for Packet, State Done/Failed rows for Outcome).
bool eventMatches(const Trace& trace, EventId id, ConditionKind kind, const EventFilter& filter);

inline constexpr std::size_t kWholeTrace = static_cast<std::size_t>(-1);

/// Every value the session accepts as the answer to `question` about `where`, looking only at
/// the first `end` rows — an answer is judged by what had happened when it was given, live and
/// when grading the file alike (normalised: lower case; numbers in decimal; entry points as
/// "raseapend"; EAP types as numbers). Empty when nothing the question asks about had happened.
std::vector<std::string> expectedAnswers(const Trace& trace, QuestionKind question, const EventFilter& where,
                                         std::size_t end = kWholeTrace);

/// True when `answer` (free text) or `selected` (packet questions) is right, judged on the first
/// `end` rows.
bool answerMatches(const Trace& trace, QuestionKind question, const EventFilter& where,
                   std::string_view answer, EventId selected, std::size_t end = kWholeTrace);

/// A wrong answer of the right shape (for the wrong solution `lesson verify` plays).
std::string wrongAnswer(const Trace& trace, QuestionKind question, const EventFilter& where);

}  // namespace eapscope
