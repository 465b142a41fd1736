// Texts core makes, in the interface language: a finding's message, a step's status line, a
// rule's explanation, a severity. Core keeps them English (the CLI and its JSON are an
// interface) and marks their templates for lupdate (core/common/translate.h); this is the one
// place the GUI turns them into the chosen language. Its own library so the timeline, which
// sits below the rest of ui/, shows the same words.
#pragma once

#include "common/result.h"
#include "trace/trace.h"

#include <QString>

#include <string_view>

namespace eapscope::ui {

/// Core's UTF-8 text as a QString: the one converter of ui/.
QString fromStd(std::string_view text);
QString severityText(Severity severity);
/// A rule's one-line explanation in the interface language (context "RuleCatalogue", marked in
/// core/checker/rule_catalogue.cpp with EAPSCOPE_TRANSLATE_NOOP).
QString ruleText(std::string_view rule);
/// A sentence core made in the interface language: its template translated (context
/// "EngineText"), its arguments rendered the same way and filled in as core fills them for
/// English (fillPlaceholders).
QString messageText(const MessageText& text);
/// A core error in the interface language: its sentence (Error::text) translated, or its message
/// as it is when core made it as plain English. The one place the GUI turns core's errors into text.
QString errorText(const Error& error);
template <typename T>
QString errorText(const Result<T>& result)
{
    return errorText(result.failure());
}
/// An event's text in the interface language: the sentence the engine kept for it
/// (Trace::sentence: State and Note rows) translated; else (a packet summary, an allocation site,
/// a session file written before format 1.4) the text as stored.
QString eventText(const Trace& trace, StringId text);
/// A finding's message in the interface language: its sentence when core kept one; the rule's
/// translated text when the message is the catalogue's default; else (a session file written
/// before format 1.3, or a text core has no template for) the English message as stored.
QString findingMessageText(const FindingRecord& finding);
/// A decoder anomaly's message in the interface language: the catalogue's text translated
/// (context "EapAnomalyCatalogue") when the decoder used it, else the decoder's own words.
QString anomalyText(std::string_view id, std::string_view message);

}  // namespace eapscope::ui
