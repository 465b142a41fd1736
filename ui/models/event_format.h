// How trace values read in the GUI: one place, so the table, the inspector, the findings and
// the contexts dock name things the same way.
#pragma once

#include "lesson/learner_actions.h"
#include "text/core_text.h"
#include "trace/trace.h"

#include <QString>

#include <cstdint>

namespace eapscope::ui {

QString sideText(Side side);
/// The side in a narrow table column ("Auth.", "Peer", "Engine"); sideText() in its tooltip.
QString sideShortText(Side side);
/// "A1", "P2" (side letter + 1-based number); a capture context's label when it has one.
QString contextText(const Trace& trace, ContextId context);
QString kindText(EventKind kind);
/// What a learner did (a Learner row), in the interface language: "answered task-2: alice".
QString learnerText(const LearnerEvent& event);
QString entryText(EntryPoint entry);
QString actionText(std::uint8_t action);
/// "NO_ERROR" or "0x000002e6 (742)".
QString resultText(std::uint32_t result);
/// Session time as "s.mmm uuu".
QString timeText(std::uint64_t timeNs);
QString stateText(ContextState state);
QString addressText(std::uint64_t address);
QString bytesText(std::uint64_t bytes);

}  // namespace eapscope::ui
