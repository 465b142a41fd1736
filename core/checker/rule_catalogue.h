// The contract catalogue (DESIGN.md "Contract catalogue"): every finding rule id with its
// severity, one-line user text and the RASEAP.md section it enforces. The ids are part of the
// product's interface (CLI JSON, session files, lessons, GUI); they never change meaning.
#pragma once

#include "trace/trace.h"

#include <span>
#include <string>
#include <string_view>

namespace eapscope {

struct RuleInfo {
    std::string_view id;
    Severity severity = Severity::Error;
    std::string_view text;     // what the method did, one line for a user
    std::string_view section;  // e.g. "RASEAP.md §3.7 item 8"
};

/// Every rule, in catalogue order.
std::span<const RuleInfo> allRules();

/// The rule with this id; an unknown id yields id "", severity Error and text "unknown rule".
RuleInfo ruleInfo(std::string_view id);

bool isKnownRule(std::string_view id);

/// A finding of `rule` with the catalogue severity; the message defaults to the rule text.
FindingRecord makeFinding(std::string_view rule, Side side, ContextId context, EventId call, EntryPoint entry,
                          std::string message = {});

/// A finding of `rule` whose message is `text` (kept for translation, english() in `message`).
FindingRecord makeFinding(std::string_view rule, Side side, ContextId context, EventId call, EntryPoint entry,
                          MessageText text);

}  // namespace eapscope
