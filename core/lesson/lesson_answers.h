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

/// Every value the session accepts as the answer to `question` about `where` (normalised: lower
/// case; numbers in decimal; entry points as "rasEapEnd"-style names and short names; EAP
/// types as number and name). Empty when the session holds nothing the question asks about.
std::vector<std::string> expectedAnswers(const Trace& trace, QuestionKind question, const EventFilter& where);

/// True when `answer` (free text) or `selected` (packet questions) is right.
bool answerMatches(const Trace& trace, QuestionKind question, const EventFilter& where,
                   std::string_view answer, EventId selected);

/// A wrong answer of the right shape (for the wrong solution `lesson verify` plays).
std::string wrongAnswer(const Trace& trace, QuestionKind question, const EventFilter& where);

}  // namespace eapscope
