#include "lesson/lesson_answers.h"

#include "eap/eap_types.h"
#include "lesson/lesson_names.h"

#include <algorithm>
#include <set>

namespace eapscope {

namespace {

bool contextMatches(const Trace& trace, ContextId context, const std::optional<std::uint32_t>& number)
{
    if (!number) {
        return true;
    }
    return context.valid() && context.value() < trace.contexts().size() &&
           trace.context(context).number == *number;
}

struct PacketHeader {
    std::uint8_t code = 0;
    std::optional<std::uint8_t> type;
};

std::optional<PacketHeader> packetHeader(const Trace& trace, std::size_t row)
{
    const auto bytes = trace.packet(trace.packets()[row]);
    if (bytes.empty()) {
        return std::nullopt;
    }
    PacketHeader h{bytes[0], std::nullopt};
    if ((h.code == eap_code::kRequest || h.code == eap_code::kResponse) && bytes.size() >= 5) {
        h.type = bytes[4];
    }
    return h;
}

bool findingMatches(const Trace& trace, std::size_t row, const EventFilter& f)
{
    const std::uint32_t index = trace.auxes()[row];
    if (index >= trace.findings().size()) {
        return false;
    }
    const FindingRecord& finding = trace.findings()[index];
    return (!f.rule || finding.rule == *f.rule) && (!f.side || finding.side == *f.side) &&
           (!f.entry || finding.entry == *f.entry) && contextMatches(trace, finding.context, f.context);
}

bool callMatches(const Trace& trace, std::size_t row, const EventFilter& f)
{
    return (!f.side || trace.sides()[row] == *f.side) && (!f.entry || trace.entries()[row] == *f.entry) &&
           (!f.action || trace.actions()[row] == *f.action) &&
           (!f.failed || (trace.results()[row] != 0) == *f.failed) &&
           contextMatches(trace, trace.contextsColumn()[row], f.context);
}

// The engine notes a packet lost by fault injection right after putting it on the wire
// (core/engine/session_wire.cpp).
bool packetLost(const Trace& trace, std::size_t row)
{
    const std::size_t next = row + 1;
    return next < trace.size() && trace.kinds()[next] == EventKind::Note &&
           trace.string(trace.texts()[next]).starts_with("fault injection: packet");
}

bool packetMatches(const Trace& trace, std::size_t row, const EventFilter& f)
{
    if ((f.side && trace.sides()[row] != *f.side) ||
        !contextMatches(trace, trace.contextsColumn()[row], f.context) ||
        (f.lost && packetLost(trace, row) != *f.lost)) {
        return false;
    }
    if (!f.code && !f.type) {
        return true;
    }
    const auto h = packetHeader(trace, row);
    return h && (!f.code || h->code == *f.code) && (!f.type || (h->type && *h->type == *f.type));
}

// State rows that decided a context's outcome (trace.h "State").
std::optional<std::string> outcomeOf(const Trace& trace, std::size_t row)
{
    if (trace.kinds()[row] != EventKind::State) {
        return std::nullopt;
    }
    const auto state = static_cast<ContextState>(trace.auxes()[row]);
    if (state == ContextState::Failed) {
        return "error";
    }
    if (state == ContextState::Done) {
        return trace.results()[row] == 0 ? "success" : "failure";
    }
    return std::nullopt;
}

bool outcomeMatches(const Trace& trace, std::size_t row, const EventFilter& f)
{
    const auto outcome = outcomeOf(trace, row);
    return outcome && (!f.side || trace.sides()[row] == *f.side) &&
           contextMatches(trace, trace.contextsColumn()[row], f.context) &&
           (!f.outcome || *outcome == *f.outcome);
}

std::vector<const FindingRecord*> matchingFindings(const Trace& trace, const EventFilter& where,
                                                   std::size_t end)
{
    std::vector<const FindingRecord*> out;
    for (const FindingRecord& f : trace.findings()) {
        if (f.event.valid() && f.event.value() < end && findingMatches(trace, f.event.value(), where)) {
            out.push_back(&f);
        }
    }
    return out;
}

std::string identityOfPacket(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < 5 || bytes[0] != eap_code::kResponse || bytes[4] != eap_type::kIdentity) {
        return {};
    }
    const std::size_t length = std::min<std::size_t>(bytes.size(), (std::size_t{bytes[2]} << 8) | bytes[3]);
    return length > 5 ? std::string(bytes.begin() + 5, bytes.begin() + static_cast<std::ptrdiff_t>(length))
                      : "";
}

void addNumber(std::vector<std::string>& out, std::uint64_t value)
{
    out.push_back(std::to_string(value));
}

std::vector<std::string> unique(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

std::size_t countMatching(const Trace& trace, const EventFilter& where, std::size_t end)
{
    // What is counted follows the filter: packet fields → packets, a rule → findings, a call or
    // action → calls, otherwise packets.
    ConditionKind kind = ConditionKind::Packet;
    if (!where.code && !where.type) {
        if (where.rule) {
            kind = ConditionKind::Finding;
        } else if (where.entry || where.action || where.failed) {
            kind = ConditionKind::Call;
        }
    }
    std::size_t n = 0;
    for (std::size_t i = 0; i < end; ++i) {
        n += eventMatches(trace, EventId(static_cast<std::uint32_t>(i)), kind, where) ? 1 : 0;
    }
    return n;
}

std::vector<std::string> packetAnswers(const Trace& trace, QuestionKind question, const EventFilter& where,
                                       std::size_t end)
{
    std::vector<std::string> out;
    std::optional<std::string> lastOutcome;
    for (std::size_t i = 0; i < end; ++i) {
        if (trace.kinds()[i] != EventKind::Packet || !packetMatches(trace, i, where)) {
            continue;
        }
        const auto h = packetHeader(trace, i);
        if (question == QuestionKind::Packet) {
            out.push_back("#" + std::to_string(i));
        } else if (question == QuestionKind::Identity) {
            if (std::string id = identityOfPacket(trace.packet(trace.packets()[i])); !id.empty()) {
                out.push_back(lowerAscii(id));
            }
        } else if (question == QuestionKind::Method && h && h->code == eap_code::kResponse && h->type &&
                   *h->type > eap_type::kNak) {
            addNumber(out, *h->type);
        } else if (question == QuestionKind::Outcome && h &&
                   (h->code == eap_code::kSuccess || h->code == eap_code::kFailure)) {
            lastOutcome = h->code == eap_code::kSuccess ? "success" : "failure";
        }
    }
    if (lastOutcome) {
        out.push_back(*lastOutcome);
    }
    return out;
}

std::vector<std::string> findingAnswers(const Trace& trace, QuestionKind question, const EventFilter& where,
                                        std::size_t end)
{
    std::vector<std::string> out;
    for (const FindingRecord* f : matchingFindings(trace, where, end)) {
        switch (question) {
            case QuestionKind::Rule:
                // Without a rule in the filter, only broken rules (errors) are answers: an info
                // finding such as CALL_FAILED is not what "which rule did it break" asks for.
                if (where.rule || f->severity == Severity::Error) {
                    out.push_back(lowerAscii(f->rule));
                }
                break;
            case QuestionKind::Context:
                if (f->context.valid() && f->context.value() < trace.contexts().size()) {
                    addNumber(out, trace.context(f->context).number);
                }
                break;
            case QuestionKind::ByteCount:
                if (f->bytes) {
                    addNumber(out, *f->bytes);
                }
                break;
            case QuestionKind::BlockCount:
                if (f->blocks) {
                    addNumber(out, *f->blocks);
                }
                break;
            case QuestionKind::Call:
                if (f->entry != EntryPoint::None) {
                    out.push_back(lowerAscii(entryPointName(f->entry)));
                }
                break;
            default:
                break;
        }
    }
    return out;
}

std::vector<std::string> resultCodes(const Trace& trace, const EventFilter& where, std::size_t end)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < end; ++i) {
        EventFilter f = where;
        f.outcome.reset();
        if (outcomeMatches(trace, i, f)) {
            addNumber(out, trace.results()[i]);
        }
    }
    return out;
}

// The first number in free text ("64", "64 bytes", "context 2", "0x2af"), so a learner's
// natural answer is read as meant.
std::optional<std::uint64_t> numberIn(std::string_view answer)
{
    answer = trimmed(answer);
    if (const auto n = parseNumber(answer)) {
        return n;
    }
    std::size_t i = 0;
    while (i < answer.size() && !(answer[i] >= '0' && answer[i] <= '9')) {
        ++i;
    }
    std::size_t j = i;
    while (j < answer.size() && answer[j] >= '0' && answer[j] <= '9') {
        ++j;
    }
    return i < j ? parseNumber(answer.substr(i, j - i)) : std::nullopt;
}

std::optional<std::string> outcomeWord(std::string_view answer)
{
    const std::string t = lowerAscii(trimmed(answer));
    for (const char* s : {"success", "succes", "succès", "succeeded", "réussite", "reussite", "accept",
                          "accepted", "access-accept", "ok"}) {
        if (t == s) {
            return "success";
        }
    }
    for (const char* s :
         {"failure", "failed", "fail", "échec", "echec", "reject", "rejected", "access-reject"}) {
        if (t == s) {
            return "failure";
        }
    }
    return std::nullopt;
}

// The learner's answer in the form expectedAnswers() uses.
std::optional<std::string> normalise(QuestionKind question, std::string_view answer)
{
    switch (question) {
        case QuestionKind::Context:
        case QuestionKind::ByteCount:
        case QuestionKind::BlockCount:
        case QuestionKind::Count:
        case QuestionKind::ResultCode: {
            const auto n = numberIn(answer);
            return n ? std::optional(std::to_string(*n)) : std::nullopt;
        }
        case QuestionKind::Rule: {
            std::string t = lowerAscii(trimmed(answer));
            std::replace(t.begin(), t.end(), ' ', '_');
            std::replace(t.begin(), t.end(), '-', '_');
            return t;
        }
        case QuestionKind::Call: {
            const auto e = parseEntryPoint(answer);
            return e ? std::optional(lowerAscii(entryPointName(*e))) : std::nullopt;
        }
        case QuestionKind::Identity:
            return lowerAscii(trimmed(answer));
        case QuestionKind::Method: {
            std::string t = lowerAscii(trimmed(answer));
            if (t.starts_with("eap-") || t.starts_with("eap ")) {
                t.erase(0, 4);
            }
            const auto type = parseEapType(t);
            return type ? std::optional(std::to_string(*type)) : std::nullopt;
        }
        case QuestionKind::Outcome:
            return outcomeWord(answer);
        case QuestionKind::Packet:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

bool eventMatches(const Trace& trace, EventId id, ConditionKind kind, const EventFilter& filter)
{
    if (!id.valid() || id.value() >= trace.size()) {
        return false;
    }
    const std::size_t row = id.value();
    const EventKind k = trace.kinds()[row];
    switch (kind) {
        case ConditionKind::Finding:
            return k == EventKind::Finding && findingMatches(trace, row, filter);
        case ConditionKind::Call:
            return k == EventKind::CallEnd && callMatches(trace, row, filter);
        case ConditionKind::Packet:
            return k == EventKind::Packet && packetMatches(trace, row, filter);
        case ConditionKind::Outcome:
            return outcomeMatches(trace, row, filter);
        case ConditionKind::Timer:
            return k == EventKind::TimerFired && (!filter.side || trace.sides()[row] == *filter.side) &&
                   contextMatches(trace, trace.contextsColumn()[row], filter.context);
        case ConditionKind::Breakpoint:
        case ConditionKind::Answer:
            // The event a breakpoint stopped on: any kind, filtered by side, context and call.
            return (!filter.side || trace.sides()[row] == *filter.side) &&
                   (!filter.entry || trace.entries()[row] == *filter.entry) &&
                   contextMatches(trace, trace.contextsColumn()[row], filter.context);
    }
    return false;
}

std::vector<std::string> expectedAnswers(const Trace& trace, QuestionKind question, const EventFilter& where,
                                         std::size_t end)
{
    end = std::min(end, trace.size());
    switch (question) {
        case QuestionKind::Packet:
        case QuestionKind::Identity:
        case QuestionKind::Method:
        case QuestionKind::Outcome:
            return unique(packetAnswers(trace, question, where, end));
        case QuestionKind::Rule:
        case QuestionKind::Context:
        case QuestionKind::ByteCount:
        case QuestionKind::BlockCount:
        case QuestionKind::Call:
            return unique(findingAnswers(trace, question, where, end));
        case QuestionKind::Count:
            return {std::to_string(countMatching(trace, where, end))};
        case QuestionKind::ResultCode:
            return unique(resultCodes(trace, where, end));
    }
    return {};
}

bool answerMatches(const Trace& trace, QuestionKind question, const EventFilter& where,
                   std::string_view answer, EventId selected, std::size_t end)
{
    if (question == QuestionKind::Packet) {
        return selected.valid() && selected.value() < end &&
               eventMatches(trace, selected, ConditionKind::Packet, where);
    }
    const auto given = normalise(question, answer);
    if (!given) {
        return false;
    }
    const auto expected = expectedAnswers(trace, question, where, end);
    return std::find(expected.begin(), expected.end(), *given) != expected.end();
}

std::string wrongAnswer(const Trace& trace, QuestionKind question, const EventFilter& where)
{
    const auto expected = expectedAnswers(trace, question, where);
    const auto taken = [&expected](const std::string& v) {
        return std::find(expected.begin(), expected.end(), v) != expected.end();
    };
    switch (question) {
        case QuestionKind::Rule:
            for (const char* rule : {"DOUBLE_FREE", "INVALID_FREE", "ACTION_INVALID"}) {
                if (!taken(lowerAscii(rule))) {
                    return rule;
                }
            }
            return "UNKNOWN_RULE";
        case QuestionKind::Call:
            return taken("raseapbegin") ? "RasEapGetInfo" : "RasEapBegin";
        case QuestionKind::Identity:
            return "nobody-at-all";
        case QuestionKind::Method:
            return taken("255") ? "254" : "255";
        case QuestionKind::Outcome:
            return taken("success") ? "failure" : "success";
        case QuestionKind::Packet:
            return "";
        default: {
            std::uint64_t highest = 0;
            for (const auto& v : expected) {
                highest = std::max<std::uint64_t>(highest, parseNumber(v).value_or(0));
            }
            return std::to_string(highest + 1);
        }
    }
}

}  // namespace eapscope
