#include "checker/packet_rules.h"

#include "checker/rule_catalogue.h"
#include "eapscope/raseap.h"

#include <string>

namespace eapscope {

namespace {

void add(PacketRuleContext& ctx, std::string_view rule, MessageText message,
         std::optional<std::int64_t> offset = std::nullopt)
{
    auto finding = makeFinding(rule, ctx.facts.side, ctx.facts.context, ctx.facts.call, ctx.facts.entry,
                               std::move(message));
    finding.offset = offset;
    ctx.out.push_back(std::move(finding));
}

std::int64_t firstDifference(const Bytes& a, const Bytes& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) {
            return static_cast<std::int64_t>(i);
        }
    }
    return static_cast<std::int64_t>(n);
}

bool codeAllowed(bool authenticator, std::uint8_t code)
{
    // §3.7 item 13: authenticator sends Request, Success, Failure; the peer only Responses.
    return authenticator ? (code == EAPCODE_Request || code == EAPCODE_Success || code == EAPCODE_Failure)
                         : code == EAPCODE_Response;
}

bool checkLength(PacketRuleContext& ctx)
{
    const std::uint32_t length = ctx.outcome.sendLengthField;
    if (length < PPP_EAP_PACKET_HDR_LEN || length > ctx.facts.cbSendPacket ||
        ctx.outcome.sendPacket.size() < 4) {
        add(ctx, "PACKET_BAD_LENGTH",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "send packet Length %1 is outside 4..%2 (cbSendPacket); "
                                           "the packet cannot be sent"),
                   {verbatim(length), verbatim(ctx.facts.cbSendPacket)}));
        return false;
    }
    const std::uint8_t code = ctx.outcome.sendPacket[0];
    if ((code == EAPCODE_Success || code == EAPCODE_Failure) && length != 4) {
        add(ctx, "PACKET_BAD_LENGTH",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Success/Failure must have Length 4, not %1"),
                   {verbatim(length)}));
    } else if ((code == EAPCODE_Request || code == EAPCODE_Response) && length < 5) {
        add(ctx, "PACKET_BAD_LENGTH",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "a Request/Response needs Length >= 5 for its Type, not %1"),
                   {verbatim(length)}));
    }
    return true;
}

void checkCodeAndType(PacketRuleContext& ctx)
{
    const Bytes& p = ctx.outcome.sendPacket;
    const std::uint8_t code = p[0];
    if (!codeAllowed(ctx.facts.authenticator, code)) {
        add(ctx, "PACKET_BAD_CODE",
            ctx.facts.authenticator
                ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the authenticator sent Code %1"),
                         {verbatim(code)})
                : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the peer sent Code %1"), {verbatim(code)}));
        return;
    }
    if ((code == EAPCODE_Request || code == EAPCODE_Response) && p.size() >= 5 && p[4] != ctx.facts.eapType) {
        add(ctx, "PACKET_BAD_TYPE",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "sent Type %1 but the method's type is %2"),
                   {verbatim(p[4]), verbatim(ctx.facts.eapType)}),
            4);
    }
}

void checkAuthenticatorIds(PacketRuleContext& ctx)
{
    const Bytes& p = ctx.outcome.sendPacket;
    auto& h = ctx.history;
    if (p[0] == EAPCODE_Request) {
        if (ctx.facts.timeoutCall && h.lastSent) {
            if (p != *h.lastSent) {
                add(ctx, "RESEND_DIFFERS",
                    phrase(EAPSCOPE_TRANSLATE_NOOP(
                        "EngineText",
                        "the packet sent after the retransmission timeout differs from the one it repeats")),
                    firstDifference(p, *h.lastSent));
            }
            return;
        }
        const std::uint8_t expected =
            h.lastRequestId ? static_cast<std::uint8_t>(*h.lastRequestId + 1) : h.initialId;
        if (p[1] != expected) {
            add(ctx, "PACKET_BAD_ID",
                h.lastRequestId
                    ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "a new Request has Id %1, expected %2"),
                             {verbatim(p[1]), verbatim(expected)})
                    : phrase(
                          EAPSCOPE_TRANSLATE_NOOP("EngineText", "the first Request has Id %1, expected %2"),
                          {verbatim(p[1]), verbatim(expected)}),
                1);
        }
        h.lastRequestId = p[1];
        return;
    }
    if ((p[0] == EAPCODE_Success || p[0] == EAPCODE_Failure) && h.lastReceivedId &&
        p[1] != *h.lastReceivedId) {
        add(ctx, "PACKET_BAD_ID",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "Success/Failure has Id %1, expected the last Response's Id %2"),
                   {verbatim(p[1]), verbatim(*h.lastReceivedId)}),
            1);
    }
}

void checkPeerIds(PacketRuleContext& ctx)
{
    const Bytes& p = ctx.outcome.sendPacket;
    auto& h = ctx.history;
    const auto& received = ctx.facts.received;
    if (received && received->size() > 1 && p[1] != (*received)[1]) {
        add(ctx, "PACKET_BAD_ID",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "the Response has Id %1 but the Request it answers has Id %2"),
                   {verbatim(p[1]), verbatim((*received)[1])}),
            1);
    }
    // §3.7 item 15: a duplicate Request (same Id, same content) yields the same Response.
    if (received && h.lastSentFor && *h.lastSentFor == *received && h.lastSent && *h.lastSent != p) {
        add(ctx, "RESEND_DIFFERS",
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "the Response to a repeated Request differs from the first Response")),
            firstDifference(p, *h.lastSent));
    }
    h.lastSentFor = received;
}

void checkResultConsistency(PacketRuleContext& ctx)
{
    if (ctx.outcome.action != EAPACTION_SendAndDone) {
        return;
    }
    const std::uint8_t code = ctx.outcome.sendPacket[0];
    const std::uint32_t result = ctx.outcome.authResultCode;
    if (code == EAPCODE_Success && result != NO_ERROR) {
        add(ctx, "RESULT_INCONSISTENT",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Success sent with dwAuthResultCode %1"),
                   {verbatim(result)}));
    } else if (code == EAPCODE_Failure && result == NO_ERROR) {
        add(ctx, "RESULT_INCONSISTENT",
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "Failure sent with dwAuthResultCode NO_ERROR")));
    }
}

}  // namespace

bool checkSentPacket(PacketRuleContext& ctx)
{
    if (!checkLength(ctx)) {
        return false;
    }
    checkCodeAndType(ctx);
    if (ctx.facts.authenticator) {
        checkAuthenticatorIds(ctx);
    } else {
        checkPeerIds(ctx);
    }
    checkResultConsistency(ctx);
    ctx.history.lastSent = ctx.outcome.sendPacket;
    return true;
}

}  // namespace eapscope
