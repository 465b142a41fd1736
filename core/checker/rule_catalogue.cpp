#include "checker/rule_catalogue.h"

#include "common/translate.h"

#include <array>

namespace eapscope {

namespace {

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
constexpr Severity I = Severity::Info;

// Section references point at the RASEAP.md text each rule enforces (§3.7 is the numbered
// list of contract checks, §3.8 the debugging-host techniques).
constexpr std::array kRules = {
    RuleInfo{
        "LOAD_LIBRARY_FAILED", E,
        EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                "the system loader could not load the library (the finding quotes the "
                                "loader: a missing dependency, a wrong architecture, an unresolved symbol)"),
        "RASEAP.md §3.2 step 2, §4.2"},
    RuleInfo{"LOAD_NO_GETINFO", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "the library has no RasEapGetInfo export"),
             "RASEAP.md §3.7 item 1, §4.2"},
    RuleInfo{
        "LOAD_GETINFO_FAILED", E,
        EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "RasEapGetInfo returned an error for the requested type"),
        "RASEAP.md §3.2 step 3, §3.7 item 3"},
    RuleInfo{"LOAD_TYPE_MISMATCH", E,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue", "RasEapGetInfo filled a dwEapTypeId that differs from the requested type"),
             "RASEAP.md §3.7 item 4"},
    RuleInfo{
        "LOAD_NO_MAKEMESSAGE", E,
        EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "RasEapGetInfo left the RasEapMakeMessage pointer NULL"),
        "RASEAP.md §1.5, §3.7 item 4"},
    RuleInfo{"LOAD_INFO_OVERRUN", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "RasEapGetInfo wrote past the end of PPP_EAP_INFO"),
             "RASEAP.md §3.7 item 5"},
    RuleInfo{"INIT_FAILED", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "RasEapInitialize(TRUE) failed, so the method cannot be used"),
             "RASEAP.md §3.2 step 4, §3.7 item 6"},
    RuleInfo{"BEGIN_NO_WORKBUFFER", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "RasEapBegin returned NO_ERROR without writing *ppWorkBuffer"),
             "RASEAP.md §3.3, §3.7 item 8"},
    RuleInfo{"BEGIN_WORKBUFFER_REUSED", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "RasEapBegin returned the work buffer of another live context"),
             "RASEAP.md §3.1, §3.7 item 8"},
    RuleInfo{
        "INPUT_MODIFIED", E,
        EAPSCOPE_TRANSLATE_NOOP(
            "RuleCatalogue",
            "the method wrote into host-owned input (PPP_EAP_INPUT, its strings, attributes or the received "
            "packet)"),
        "RASEAP.md §3.1, §3.7 item 9"},
    RuleInfo{
        "INPUT_USED_AFTER_CALL", E,
        EAPSCOPE_TRANSLATE_NOOP(
            "RuleCatalogue",
            "the method kept a pointer to Begin-only input (identity, password, connection or user data) "
            "and read it later"),
        "RASEAP.md §3.1, §3.3, §3.8"},
    RuleInfo{"OUTPUT_OVERRUN", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "the method wrote past the host's PPP_EAP_OUTPUT"),
             "RASEAP.md §1.4, §3.7 item 22"},
    RuleInfo{"PACKET_OVERFLOW", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "the method wrote past cbSendPacket bytes of the send buffer"),
             "RASEAP.md §3.4, §3.8"},
    RuleInfo{"PACKET_BAD_LENGTH", E,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue", "the sent packet's Length is < 4, > cbSendPacket, or wrong for its code"),
             "RASEAP.md §2.1, §3.7 item 13"},
    RuleInfo{"PACKET_BAD_CODE", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "the sent packet's Code is not allowed for the method's role"),
             "RASEAP.md §3.7 item 13"},
    RuleInfo{"PACKET_BAD_TYPE", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "the sent Request/Response Type is not the method's EAP type"),
             "RASEAP.md §3.7 item 13"},
    RuleInfo{"PACKET_BAD_ID", E,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue",
                 "an Identifier rule was broken (first Id, +1 per new Request, Response echoes Request, "
                 "Success/Failure echo the last Response)"),
             "RASEAP.md §3.4 Packet Id rules, §3.7 items 14-15"},
    RuleInfo{"RESEND_DIFFERS", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "a retransmission is not byte-identical to the packet it repeats"),
             "RASEAP.md §3.7 item 14"},
    RuleInfo{"ACTION_INVALID", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "the Action is out of range or one of the reserved values 7/8"),
             "RASEAP.md §2.2, §3.7 items 12 and 23"},
    RuleInfo{"ACTION_ROLE", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "an Action or output flag is not allowed for the method's role"),
             "RASEAP.md §3.7 items 17, 19, 20"},
    RuleInfo{"RESULT_INCONSISTENT", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "Success was sent with a failure code, or Failure with NO_ERROR"),
             "RASEAP.md §3.7 item 16"},
    RuleInfo{
        "ATTRIBUTES_MALFORMED", E,
        EAPSCOPE_TRANSLATE_NOOP(
            "RuleCatalogue",
            "an output attribute array is unterminated or invalid, or an MPPE key attribute is malformed"),
        "RASEAP.md §2.4, §3.7 item 18"},
    RuleInfo{
        "CALL_FAILED", I,
        EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "an entry point returned an error that ends the session"),
        "RASEAP.md §3.4 Return value, §3.7 item 12"},
    RuleInfo{"END_FAILED", W, EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "RasEapEnd returned an error"),
             "RASEAP.md §3.5"},
    RuleInfo{"WORKBUFFER_NOT_FREED", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "the work buffer was still allocated after RasEapEnd returned"),
             "RASEAP.md §3.1, §3.5"},
    RuleInfo{"HEAP_LEAK", E,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue",
                 "blocks allocated during the context's calls are still live after its RasEapEnd"),
             "RASEAP.md §3.1, §3.5"},
    RuleInfo{"CROSS_CONTEXT_FREE", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue",
                                     "a call on one context freed a block that belongs to another context"),
             "RASEAP.md §3.8 (a distinct work buffer per session)"},
    RuleInfo{"USE_AFTER_END", E,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue", "the method touched or freed memory of a context after that context ended"),
             "RASEAP.md §3.5"},
    RuleInfo{"DOUBLE_FREE", E, EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "the method freed a block twice"),
             "RASEAP.md §3.8"},
    RuleInfo{
        "INVALID_FREE", E,
        EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "the method freed a pointer the allocator never returned"),
        "RASEAP.md §3.8"},
    RuleInfo{"UNLOAD_LEAK", W,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue",
                 "blocks allocated by RasEapInitialize(TRUE) are still live after RasEapInitialize(FALSE)"),
             "RASEAP.md §3.2 step 4, §3.7 item 6"},
    RuleInfo{"CRASH", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "the method crashed, aborted or exited the process"),
             "RASEAP.md §3.8"},
    RuleInfo{"HANG", E,
             EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "a call did not return within the watchdog limit"),
             "RASEAP.md §3.4 UI rule, §3.8"},
    RuleInfo{"SLOW_CALL", W,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue",
                 "a call took longer than the configured threshold (blocking work in the engine thread)"),
             "RASEAP.md §3.4 UI rule, §3.8"},
    RuleInfo{"REPLAY_DIVERGENCE", E,
             EAPSCOPE_TRANSLATE_NOOP(
                 "RuleCatalogue",
                 "replaying a captured conversation, the method's packet differs from the captured one"),
             "RFC 3748 §4, RASEAP.md §3.4"},
    // Live RADIUS counterparts (DESIGN.md "Counterparts"): what the other side did, or how the
    // method's keys compare with the server's.
    RuleInfo{
        "RADIUS_NO_RESPONSE", E,
        EAPSCOPE_TRANSLATE_NOOP(
            "RuleCatalogue",
            "the RADIUS server did not answer the Access-Request, retransmissions included (server down, "
            "unreachable, or a wrong shared secret: RADIUS drops such requests silently)"),
        "RFC 2865 §2.4, RFC 5080 §2.2.1, RASEAP.md §3.4 (timeouts)"},
    RuleInfo{
        "MPPE_KEY_MISMATCH", E,
        EAPSCOPE_TRANSLATE_NOOP(
            "RuleCatalogue",
            "the MPPE keys the method put in its output attributes differ from the MS-MPPE keys the RADIUS "
            "server derived (or the method exported none)"),
        "RFC 2548 §2.4.2-2.4.3, RASEAP.md §2.4 (MPPE keys)"},
};

}  // namespace

std::span<const RuleInfo> allRules()
{
    return kRules;
}

RuleInfo ruleInfo(std::string_view id)
{
    for (const auto& rule : kRules) {
        if (rule.id == id) {
            return rule;
        }
    }
    return RuleInfo{"", Severity::Error, EAPSCOPE_TRANSLATE_NOOP("RuleCatalogue", "unknown rule"), ""};
}

bool isKnownRule(std::string_view id)
{
    return !ruleInfo(id).id.empty();
}

FindingRecord makeFinding(std::string_view rule, Side side, ContextId context, EventId call, EntryPoint entry,
                          std::string message)
{
    const RuleInfo info = ruleInfo(rule);
    FindingRecord record;
    record.rule = std::string(rule);
    record.severity = info.severity;
    record.side = side;
    record.context = context;
    record.call = call;
    record.entry = entry;
    record.message = message.empty() ? std::string(info.text) : std::move(message);
    return record;
}

FindingRecord makeFinding(std::string_view rule, Side side, ContextId context, EventId call, EntryPoint entry,
                          MessageText text)
{
    FindingRecord record = makeFinding(rule, side, context, call, entry, text.english());
    record.text = std::move(text);
    return record;
}

}  // namespace eapscope
