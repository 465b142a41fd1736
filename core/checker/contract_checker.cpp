#include "checker/contract_checker.h"

#include "checker/packet_rules.h"
#include "checker/rule_catalogue.h"
#include "eapscope/raseap.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace eapscope {

namespace {

void add(std::vector<FindingRecord>& out, std::string_view rule, const CallFacts& facts, MessageText message)
{
    out.push_back(makeFinding(rule, facts.side, facts.context, facts.call, facts.entry, std::move(message)));
}

MessageText entryText(const CallFacts& facts)
{
    return verbatim(std::string(entryPointName(facts.entry)));
}

MessageText hexAddress(std::uint64_t address)
{
    char text[32];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(address));
    return verbatim(text);
}

// "…: detail" when the host said more; the detail is the host's own text, shown as it is.
MessageText withDetail(MessageText sentence, const std::string& detail)
{
    if (detail.empty()) {
        return sentence;
    }
    return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: %2"), {std::move(sentence), verbatim(detail)});
}

MessageText withDetail(MessageText sentence, const HostFailure& failure)
{
    if (failure.detail.empty()) {
        return sentence;
    }
    return phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: %2"), {std::move(sentence), failure.sentence()});
}

bool isSendAction(std::uint32_t action)
{
    return action == EAPACTION_SendAndDone || action == EAPACTION_Send ||
           action == EAPACTION_SendWithTimeout || action == EAPACTION_SendWithTimeoutInteractive;
}

void addFailure(const CallFacts& facts, const HostFailure& failure, std::vector<FindingRecord>& out)
{
    const MessageText where = entryText(facts);
    switch (failure.kind) {
        case HostFailure::Kind::Hang:
            add(out, "HANG", facts,
                withDetail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                          "%1 did not return within the watchdog limit"),
                                  {where}),
                           failure));
            return;
        case HostFailure::Kind::PacketOverflowFault:
            add(out, "PACKET_OVERFLOW", facts,
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                               "%1 wrote past the %2-byte send buffer (guard page fault)"),
                       {where, verbatim(facts.cbSendPacket)}));
            return;
        case HostFailure::Kind::Crash:
        case HostFailure::Kind::Exit: {
            // Neither a signal nor an exit status: the Windows host's exception, named in the detail.
            MessageText how =
                failure.signal ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                                "the method was killed by signal %1 in %2"),
                                        {verbatim(std::to_string(*failure.signal)), where})
                : failure.exitStatus
                    ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                     "the method exited the process with status %1 in %2"),
                             {verbatim(std::to_string(*failure.exitStatus)), where})
                    : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the method crashed its host in %1"),
                             {where});
            if (!failure.detail.empty()) {
                how = phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 (%2)"),
                             {std::move(how), failure.sentence()});
            }
            auto finding =
                makeFinding("CRASH", facts.side, facts.context, facts.call, facts.entry, std::move(how));
            finding.signal = failure.signal;
            finding.exitStatus = failure.exitStatus;
            finding.exceptionCode = failure.exceptionCode;
            out.push_back(std::move(finding));
            return;
        }
    }
}

}  // namespace

bool ContractChecker::isRecognisedError(std::uint32_t code)
{
    // §2.6: the winerror codes methods use, and the RAS error range (RASBASE 600 .. 999).
    static constexpr std::uint32_t kWin[] = {ERROR_ACCESS_DENIED,   ERROR_NOT_ENOUGH_MEMORY,
                                             ERROR_NOT_SUPPORTED,   ERROR_INVALID_PARAMETER,
                                             ERROR_DLL_INIT_FAILED, ERROR_CANCELLED};
    return std::find(std::begin(kWin), std::end(kWin), code) != std::end(kWin) ||
           (code >= RASBASE && code < 1000);
}

std::vector<FindingRecord> ContractChecker::checkLoad(const LoadReport& report, Side side, EventId call) const
{
    std::vector<FindingRecord> out;
    for (const auto& finding : report.findings) {
        // A load finding keeps its sentence (the loader's, carried by the host wire, or the
        // controller's own); one without a sentence has its English message.
        out.push_back(
            finding.text.empty()
                ? makeFinding(finding.rule, side, ContextId(), call, EntryPoint::GetInfo, finding.message)
                : makeFinding(finding.rule, side, ContextId(), call, EntryPoint::GetInfo, finding.text));
    }
    return out;
}

std::vector<FindingRecord> ContractChecker::checkCall(const CallFacts& facts, const CallOutcome& outcome,
                                                      PacketHistory& history) const
{
    std::vector<FindingRecord> out;
    if (outcome.failure) {
        addFailure(facts, *outcome.failure, out);
        return out;
    }
    checkObservations(facts, outcome, out);
    checkResult(facts, outcome, out);
    if (facts.entry == EntryPoint::Begin && outcome.result == NO_ERROR) {
        checkBegin(facts, outcome, out);
    }
    if (facts.entry == EntryPoint::MakeMessage) {
        checkMakeMessage(facts, outcome, history, out);
    }
    return out;
}

void ContractChecker::checkObservations(const CallFacts& facts, const CallOutcome& outcome,
                                        std::vector<FindingRecord>& out) const
{
    if (!outcome.inputModified.empty()) {
        add(out, "INPUT_MODIFIED", facts,
            withDetail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 wrote into host-owned input"),
                              {entryText(facts)}),
                       outcome.inputModified));
    }
    if (outcome.outputOverrun) {
        add(out, "OUTPUT_OVERRUN", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 wrote past the host's PPP_EAP_OUTPUT"),
                   {entryText(facts)}));
    }
    if (outcome.packetOverflow) {
        auto finding =
            makeFinding("PACKET_OVERFLOW", facts.side, facts.context, facts.call, facts.entry,
                        phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 wrote past the %2-byte send buffer"),
                               {entryText(facts), verbatim(facts.cbSendPacket)}));
        finding.offset = outcome.overflowOffset;
        out.push_back(std::move(finding));
    }
    if (outcome.inputUsedAfterCall) {
        add(out, "INPUT_USED_AFTER_CALL", facts,
            withDetail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                      "%1 read Begin-only input after RasEapBegin returned"),
                              {entryText(facts)}),
                       outcome.inputUsedDetail));
    }
    const std::uint64_t slowNs = std::uint64_t{options_.slowCallMs} * 1'000'000u;
    if (options_.slowCallMs > 0 && outcome.durationNs > slowNs) {
        add(out, "SLOW_CALL", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 took %2 ms (threshold %3 ms)"),
                   {entryText(facts), verbatim(outcome.durationNs / 1'000'000u),
                    verbatim(options_.slowCallMs)}));
    }
}

void ContractChecker::checkResult(const CallFacts& facts, const CallOutcome& outcome,
                                  std::vector<FindingRecord>& out) const
{
    const std::uint32_t r = outcome.result;
    switch (facts.entry) {
        case EntryPoint::Initialize:
            if (r != NO_ERROR) {
                add(out, "INIT_FAILED", facts,
                    phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapInitialize(TRUE) returned %1"),
                           {verbatim(r)}));
            }
            return;
        case EntryPoint::End:
            if (r != NO_ERROR) {
                add(out, "END_FAILED", facts,
                    phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "RasEapEnd returned %1"), {verbatim(r)}));
            }
            return;
        case EntryPoint::Uninitialize:
        case EntryPoint::Begin:
        case EntryPoint::MakeMessage:
            if (r != NO_ERROR && !(facts.entry == EntryPoint::MakeMessage && r == ERROR_PPP_INVALID_PACKET)) {
                const bool recognised = isRecognisedError(r);
                auto finding = makeFinding(
                    "CALL_FAILED", facts.side, facts.context, facts.call, facts.entry,
                    recognised
                        ? phrase(
                              EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 returned %2, which ends the session"),
                              {entryText(facts), verbatim(r)})
                        : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                         "%1 returned %2, which ends the session (not an "
                                                         "error code RASEAP.md §2.6 recognises)"),
                                 {entryText(facts), verbatim(r)}));
                if (!recognised) {
                    finding.severity = Severity::Error;
                }
                out.push_back(std::move(finding));
            }
            return;
        case EntryPoint::None:
        case EntryPoint::GetInfo:
            return;
    }
}

void ContractChecker::checkBegin(const CallFacts& facts, const CallOutcome& outcome,
                                 std::vector<FindingRecord>& out)
{
    if (!outcome.workBufferWritten) {
        add(out, "BEGIN_NO_WORKBUFFER", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "RasEapBegin returned NO_ERROR without writing *ppWorkBuffer")));
        return;
    }
    const auto& live = facts.otherLiveWorkBuffers;
    if (outcome.workBuffer != 0 && std::find(live.begin(), live.end(), outcome.workBuffer) != live.end()) {
        add(out, "BEGIN_WORKBUFFER_REUSED", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "RasEapBegin returned work buffer %1, which another live context "
                                           "already holds"),
                   {hexAddress(outcome.workBuffer)}));
    }
}

void ContractChecker::checkMakeMessage(const CallFacts& facts, const CallOutcome& outcome,
                                       PacketHistory& history, std::vector<FindingRecord>& out)
{
    if (facts.received) {
        history.lastReceived = facts.received;
        history.lastReceivedId =
            facts.received->size() > 1 ? std::optional<std::uint8_t>((*facts.received)[1]) : std::nullopt;
    }
    if (outcome.result != NO_ERROR) {
        return;  // ERROR_PPP_INVALID_PACKET: the host ignores the output (§3.4 Return value)
    }
    const std::uint32_t action = outcome.action;
    if (action > EAPACTION_SendWithTimeoutInteractive) {
        add(out, "ACTION_INVALID", facts,
            action == 7 || action == 8
                ? phrase(EAPSCOPE_TRANSLATE_NOOP(
                             "EngineText",
                             "RasEapMakeMessage returned Action %1 (reserved for Windows' own methods)"),
                         {verbatim(action)})
                : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "RasEapMakeMessage returned Action %1 (out of range 0..6)"),
                         {verbatim(action)}));
        return;
    }
    if (action == EAPACTION_Authenticate && !facts.authenticator) {
        add(out, "ACTION_ROLE", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "a peer returned EAPACTION_Authenticate (authenticator only)")));
    }
    if (outcome.invokeInteractiveUI && facts.authenticator) {
        add(out, "ACTION_ROLE", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "an authenticator set fInvokeInteractiveUI (peer only)")));
    }
    if ((outcome.saveConnectionData || outcome.saveUserData) && facts.authenticator) {
        add(out, "ACTION_ROLE", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "an authenticator set fSaveConnectionData/fSaveUserData (peer only)")));
    }
    if (!outcome.attributesProblem.empty()) {
        add(out, "ATTRIBUTES_MALFORMED", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "pUserAttributes: %1"),
                   {verbatim(outcome.attributesProblem)}));
    } else if (action == EAPACTION_Authenticate && facts.authenticator && outcome.outputAttributes.empty()) {
        add(out, "ATTRIBUTES_MALFORMED", facts,
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "EAPACTION_Authenticate with no attributes for the back end")));
    }
    if (isSendAction(action)) {
        PacketRuleContext ctx{facts, outcome, history, out};
        checkSentPacket(ctx);
    }
}

}  // namespace eapscope
