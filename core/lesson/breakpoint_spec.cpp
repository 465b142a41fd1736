#include "lesson/breakpoint_spec.h"

#include "checker/rule_catalogue.h"
#include "eap/eap_types.h"
#include "lesson/lesson_names.h"

#include <array>

namespace eapscope {

namespace {

using Kind = BreakpointSpec::Kind;

constexpr std::array<std::pair<std::string_view, Kind>, 6> kKinds{{
    {"entry", Kind::EntryPoint},
    {"action", Kind::Action},
    {"packet-code", Kind::PacketCode},
    {"packet-type", Kind::PacketType},
    {"finding", Kind::FindingRule},
    {"live-heap", Kind::LiveHeapAbove},
}};

// The EAP header of a packet event: code, and type when it is a Request/Response.
std::optional<std::pair<std::uint8_t, std::optional<std::uint8_t>>> header(const Trace& trace, EventId id)
{
    const auto bytes = trace.packet(trace.packets()[id.value()]);
    if (bytes.empty()) {
        return std::nullopt;
    }
    std::optional<std::uint8_t> type;
    if ((bytes[0] == eap_code::kRequest || bytes[0] == eap_code::kResponse) && bytes.size() >= 5) {
        type = bytes[4];
    }
    return std::pair{bytes[0], type};
}

}  // namespace

std::string_view BreakpointSpec::kindName() const
{
    for (const auto& [name, k] : kKinds) {
        if (k == kind) {
            return name;
        }
    }
    return "entry";
}

std::string BreakpointSpec::valueText() const
{
    switch (kind) {
        case Kind::EntryPoint:
            return std::string(entryPointName(static_cast<EntryPoint>(value)));
        case Kind::Action:
            return std::string(actionName(static_cast<std::uint8_t>(value)));
        case Kind::FindingRule:
            return rule;
        case Kind::PacketCode:
        case Kind::PacketType:
        case Kind::LiveHeapAbove:
            return std::to_string(value);
    }
    return std::to_string(value);
}

std::string BreakpointSpec::toString() const
{
    return std::string(kindName()) + ":" + valueText();
}

bool BreakpointSpec::matches(const Trace& trace, EventId id, std::uint64_t liveBytes) const
{
    if (!id.valid() || id.value() >= trace.size()) {
        return false;
    }
    const std::size_t i = id.value();
    const EventKind k = trace.kinds()[i];
    switch (kind) {
        case Kind::EntryPoint:
            return k == EventKind::CallStart && trace.entries()[i] == static_cast<EntryPoint>(value);
        case Kind::Action:
            return k == EventKind::CallEnd && trace.actions()[i] == value;
        case Kind::PacketCode: {
            const auto h = k == EventKind::Packet ? header(trace, id) : std::nullopt;
            return h && h->first == value;
        }
        case Kind::PacketType: {
            const auto h = k == EventKind::Packet ? header(trace, id) : std::nullopt;
            return h && h->second && *h->second == value;
        }
        case Kind::FindingRule:
            return k == EventKind::Finding && trace.auxes()[i] < trace.findings().size() &&
                   trace.findings()[trace.auxes()[i]].rule == rule;
        case Kind::LiveHeapAbove:
            return k == EventKind::HeapAlloc && liveBytes > value;
    }
    return false;
}

bool isBreakpointKindName(std::string_view name)
{
    for (const auto& [n, k] : kKinds) {
        if (n == name) {
            return true;
        }
    }
    return false;
}

Result<BreakpointSpec> parseBreakpointSpec(std::string_view text)
{
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "breakpoint '%1' is not kind:value (e.g. entry:RasEapEnd)"),
            {verbatim(std::string(text))}));
    }
    const std::string kindText(trimmed(text.substr(0, colon)));
    const std::string_view value = trimmed(text.substr(colon + 1));
    BreakpointSpec spec;
    bool known = false;
    for (const auto& [n, k] : kKinds) {
        if (n == kindText) {
            spec.kind = k;
            known = true;
        }
    }
    if (!known) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                        "'%1' is not a breakpoint kind (entry, action, "
                                                        "packet-code, packet-type, finding, live-heap)"),
                                {verbatim(kindText)}));
    }
    const auto bad = [&](const char* what) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "breakpoint value '%1' is not %2"),
                                {verbatim(std::string(value)), phrase(what)}));
    };
    switch (spec.kind) {
        case Kind::EntryPoint: {
            const auto e = parseEntryPoint(value);
            if (!e) {
                return bad(EAPSCOPE_TRANSLATE_NOOP(
                    "EngineText", "an entry point (RasEapBegin, RasEapMakeMessage, RasEapEnd, …)"));
            }
            spec.value = static_cast<std::uint32_t>(*e);
            break;
        }
        case Kind::Action: {
            const auto a = parseAction(value);
            if (!a) {
                return bad(EAPSCOPE_TRANSLATE_NOOP(
                    "EngineText", "an action (Send, SendWithTimeout, Done, Authenticate, …)"));
            }
            spec.value = *a;
            break;
        }
        case Kind::PacketCode: {
            const auto c = parseEapCode(value);
            if (!c) {
                return bad(EAPSCOPE_TRANSLATE_NOOP(
                    "EngineText", "an EAP code (Request, Response, Success, Failure or 1-255)"));
            }
            spec.value = *c;
            break;
        }
        case Kind::PacketType: {
            const auto t = parseEapType(value);
            if (!t) {
                return bad(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                   "an EAP type (Identity, Nak, MD5-Challenge, … or 1-255)"));
            }
            spec.value = *t;
            break;
        }
        case Kind::FindingRule:
            if (!isKnownRule(value)) {
                return bad(EAPSCOPE_TRANSLATE_NOOP("EngineText", "a rule of the contract catalogue"));
            }
            spec.rule = std::string(value);
            break;
        case Kind::LiveHeapAbove: {
            const auto n = parseNumber(value);
            if (!n || *n > 0xFFFFFFFFu) {
                return bad(EAPSCOPE_TRANSLATE_NOOP("EngineText", "a number of bytes"));
            }
            spec.value = static_cast<std::uint32_t>(*n);
            break;
        }
    }
    return spec;
}

}  // namespace eapscope
