#include "diagnosis/capture_diagnosis.h"

#include "capture/capture_trace.h"
#include "diagnosis/diagnosis_context.h"
#include "eap/eap_field_writer.h"
#include "eap/eap_result_messages.h"
#include "eap/eap_types.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace eapscope {

std::string_view toString(Verdict verdict)
{
    switch (verdict) {
        case Verdict::Success:
            return "success";
        case Verdict::Failure:
            return "failure";
        case Verdict::Incomplete:
            return "incomplete";
    }
    return "incomplete";
}

std::string_view toString(Sender sender)
{
    return sender == Sender::Server ? "server" : "peer";
}

std::vector<MessageText> certificateWeaknessTexts(const CertificateDetails& certificate)
{
    std::vector<MessageText> out;
    for (MessageText& weakness : certificate.weaknessTexts()) {
        // A self-signed certificate's own signature is checked by nobody: not a weakness.
        if (certificate.selfSigned && weakness.english().find("signature") != std::string::npos)
            continue;
        out.push_back(std::move(weakness));
    }
    return out;
}

std::string certificateWeakness(const CertificateDetails& certificate)
{
    std::string joined;
    for (const MessageText& weakness : certificateWeaknessTexts(certificate))
        joined += (joined.empty() ? "" : ", ") + weakness.english();
    return joined;
}

std::span<const std::uint16_t> TlsSummary::versionsOffered() const
{
    return offered ? std::span<const std::uint16_t>(offered->versions) : std::span<const std::uint16_t>();
}

std::span<const std::uint16_t> TlsSummary::cipherSuitesOffered() const
{
    return offered ? std::span<const std::uint16_t>(offered->cipherSuites) : std::span<const std::uint16_t>();
}

std::string_view TlsSummary::serverName() const
{
    return offered ? std::string_view(offered->serverName) : std::string_view();
}

ReasonDetails Reason::details() const
{
    ReasonDetails all;
    all.reserve(facts.size() + (certificate ? 8 : 0));
    if (certificate) {
        all.emplace_back("sender", std::string(toString(certificateSender)));
        all.emplace_back("sender_name", diagnosis_detail::sideName(certificateSender));
    }
    all.insert(all.end(), facts.begin(), facts.end());
    if (certificate) {
        all.emplace_back("subject", certificate->subject);
        all.emplace_back("sha256", certificate->sha256);
        all.emplace_back("not_before", formatUtc(certificate->notBefore));
        all.emplace_back("not_after", formatUtc(certificate->notAfter));
        all.emplace_back("capture_time", formatUtc(captureTime));
        if (id == reason::kCertificateWeak)
            all.emplace_back("weakness", certificateWeakness(*certificate));
    }
    return all;
}

std::string Reason::text() const
{
    const ReasonInfo* info = reasonInfo(id);
    return info ? fillReasonTemplate(info->text, details()) : std::string(id);
}

std::string Reason::advice() const
{
    const ReasonInfo* info = reasonInfo(id);
    return info ? fillReasonTemplate(info->advice, details()) : std::string();
}

namespace diagnosis_detail {

std::span<const std::uint8_t> ConversationView::eap(std::uint32_t at) const
{
    const CapturedPacket& p = capture.packets[at];
    auto bytes = capture.packetBytes(p);
    return bytes.first(std::min<std::size_t>(bytes.size(), std::max<std::size_t>(p.length, 4)));
}

Sender ConversationView::sender(std::uint32_t at) const
{
    return sentByPeer(capture.packets[at]) ? Sender::Peer : Sender::Server;
}

std::int64_t ConversationView::captureTime(std::uint32_t at) const
{
    return static_cast<std::int64_t>((capture.firstTimeNs + capture.packets[at].timeNs) / 1'000'000'000ull);
}

std::uint8_t ConversationView::method() const
{
    if (conversation.negotiated)
        return *conversation.negotiated;
    return conversation.proposed.empty() ? 0 : conversation.proposed.back();
}

std::string ConversationView::identity() const
{
    return conversation.identity.empty() ? "(none)" : conversation.identity;
}

EventId ConversationView::event(std::uint32_t packet) const
{
    if (packet != eventPacket_) {
        eventPacket_ = packet;
        event_ = captureEventOf(capture, packet, controlHint);
    }
    return event_;
}

std::string sideName(Sender sender)
{
    // Marked so the GUI shows the reason's {sender_name}/{receiver_name} translated.
    return sender == Sender::Server ? EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue", "server")
                                    : EAPSCOPE_TRANSLATE_NOOP("DiagnosisCatalogue", "device");
}

std::string formatSeconds(std::uint64_t ns)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(ns) / 1e9);
    return text;
}

Reason& addReason(ConversationDiagnosis& out, const ConversationView& view, std::string_view id,
                  std::uint32_t packet, ReasonDetails details)
{
    const ReasonInfo* info = reasonInfo(id);
    if (out.reasons.empty())
        out.reasons.reserve(4);  // most conversations with a reason have two or three
    Reason& reason = out.reasons.emplace_back();
    reason.id = info ? info->id : id;  // ids outside the catalogue are the passes' constants too
    reason.severity = info ? info->severity : Severity::Error;
    reason.packet = packet;
    if (packet != kNoPacket) {
        reason.frame = view.capture.packets[packet].frame;
        reason.event = view.event(packet);
    }
    reason.facts = std::move(details);
    return reason;
}

bool hasReason(const ConversationDiagnosis& out, std::string_view id)
{
    return std::any_of(out.reasons.begin(), out.reasons.end(), [&](const Reason& r) { return r.id == id; });
}

}  // namespace diagnosis_detail

namespace {

using namespace diagnosis_detail;

std::string typeList(std::span<const std::uint8_t> types)
{
    std::string text;
    for (std::uint8_t type : types) {
        text += (text.empty() ? "" : ", ") + (type == 0 ? std::string("nothing") : eapTypeName(type));
    }
    return text.empty() ? "nothing" : text;
}

bool isMethodType(std::uint8_t type)
{
    return type > eap_type::kNak;
}

// MSCHAPv2 (draft-kamath-pppext-eap-mschapv2 §2): a Failure Request "E=691 R=0 C=… V=3 M=…" and
// a Change-Password Response (OpCode 7) are in the clear when MSCHAPv2 is the outer method.
void mschapReasons(const ConversationView& view, std::uint32_t p, ConversationDiagnosis& out)
{
    const CapturedPacket& packet = view.packet(p);
    if (packet.type != eap_type::kMschapv2)
        return;
    auto eap = view.eap(p);
    if (eap.size() < 6)
        return;
    std::uint8_t op = eap[5];
    if (op == 7 && packet.code == eap_code::kResponse && !hasReason(out, reason::kPasswordExpired)) {
        addReason(out, view, reason::kPasswordExpired, p,
                  {{"identity", view.identity()}, {"method", "MSCHAPv2"}, {"error", "648"}});
        return;
    }
    if (op != 4 || packet.code != eap_code::kRequest || eap.size() <= 9)
        return;
    std::string text(reinterpret_cast<const char*>(eap.data() + 9), eap.size() - 9);
    auto failure = parseMschapV2Failure(text);
    if (!failure)
        return;
    ReasonDetails details{{"identity", view.identity()},
                          {"method", "MSCHAPv2"},
                          {"error", std::to_string(*failure->error)},
                          {"mschapv2_error", mschapV2ErrorName(*failure->error)}};
    if (failure->retry)
        details.emplace_back("mschapv2_retry", *failure->retry ? "1" : "0");
    if (!failure->message.empty())
        details.emplace_back("mschapv2_message",
                             printable({reinterpret_cast<const std::uint8_t*>(failure->message.data()),
                                        failure->message.size()}));
    bool expired = *failure->error == 648;
    std::string_view id = expired ? reason::kPasswordExpired : reason::kCredentialsRejected;
    if (!hasReason(out, id))
        addReason(out, view, id, p, std::move(details));
}

// RFC 3748 §5.2 Notification, and EAP-SIM/AKA AT_NOTIFICATION (RFC 4186 §10.18).
void notificationReasons(const ConversationView& view, std::uint32_t p, ConversationDiagnosis& out)
{
    const CapturedPacket& packet = view.packet(p);
    if (packet.code != eap_code::kRequest ||
        (packet.type != eap_type::kNotification && packet.type != eap_type::kSim &&
         packet.type != eap_type::kAka && packet.type != eap_type::kAkaPrime))
        return;
    auto eap = view.eap(p);
    if (eap.size() < 5)
        return;
    std::string message;
    if (packet.type == eap_type::kNotification) {
        message = "\"" + printable(eap.subspan(5)) + "\"";
    } else if ((packet.type == eap_type::kSim || packet.type == eap_type::kAka ||
                packet.type == eap_type::kAkaPrime) &&
               eap.size() >= 8 && eap[5] == 12) {
        for (std::size_t at = 8; at + 4 <= eap.size() && eap[at + 1] != 0; at += eap[at + 1] * 4u) {
            if (eap[at] == 12) {  // AT_NOTIFICATION
                message =
                    simAkaNotificationText(static_cast<std::uint16_t>((eap[at + 2] << 8) | eap[at + 3]));
                break;
            }
        }
    }
    if (message.empty())
        return;
    addReason(out, view, reason::kEapNotification, p,
              {{"sender", "server"}, {"sender_name", "server"}, {"message", message}});
}

// RFC 3748 §5.3.1: a Nak lists the types the peer would accept instead (0: none). The server
// either proposes one of them (METHOD_NEGOTIATED) or gives up (NO_COMMON_METHOD).
void nakReasons(const ConversationView& view, ConversationDiagnosis& out)
{
    const auto& packets = view.conversation.packets;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const CapturedPacket& nak = view.packet(packets[i]);
        if (nak.code != eap_code::kResponse || nak.type != eap_type::kNak)
            continue;
        std::uint8_t refused = 0;
        for (std::size_t k = i; k-- > 0;) {
            const CapturedPacket& request = view.packet(packets[k]);
            if (request.code == eap_code::kRequest && request.type && isMethodType(*request.type)) {
                refused = *request.type;
                break;
            }
        }
        auto eap = view.eap(packets[i]);
        auto desired = eap.subspan(std::min<std::size_t>(5, eap.size()));
        std::optional<std::uint8_t> next;
        bool failed = false;
        for (std::size_t k = i + 1; k < packets.size(); ++k) {
            const CapturedPacket& later = view.packet(packets[k]);
            if (later.code == eap_code::kRequest && later.type && isMethodType(*later.type) &&
                *later.type != refused) {
                next = *later.type;
                break;
            }
            if (later.code == eap_code::kFailure) {
                failed = true;
                break;
            }
        }
        ReasonDetails details;
        details.reserve(3);  // and "negotiated": one allocation
        details.emplace_back("proposed", refused ? eapTypeName(refused) : "the server's method");
        details.emplace_back("desired", typeList(desired));
        if (next) {
            details.emplace_back("negotiated", eapTypeName(*next));
            addReason(out, view, reason::kMethodNegotiated, packets[i], std::move(details));
        } else if (failed || (desired.size() == 1 && desired[0] == 0)) {
            addReason(out, view, reason::kNoCommonMethod, packets[i], std::move(details));
        }
    }
}

struct Sent {
    std::uint32_t first = kNoPacket, last = kNoPacket;
    std::uint32_t count = 0;
};

bool sameMessage(const ConversationView& view, std::uint32_t a, std::uint32_t b)
{
    auto x = view.eap(a), y = view.eap(b);
    return std::equal(x.begin(), x.end(), y.begin(), y.end());
}

void noResponse(const ConversationView& view, ConversationDiagnosis& out, const Sent& sent, bool answered)
{
    Sender sender = view.sender(sent.first);
    std::uint64_t span = view.packet(sent.last).timeNs - view.packet(sent.first).timeNs;
    addReason(out, view, reason::kNoResponse, sent.first,
              {{"sender", std::string(toString(sender))},
               {"sender_name", sideName(sender)},
               {"receiver_name", sideName(sender == Sender::Server ? Sender::Peer : Sender::Server)},
               {"asked_frame", std::to_string(view.packet(sent.first).frame)},
               {"count", std::to_string(sent.count)},
               {"seconds", formatSeconds(span)},
               {"answered", answered ? "yes" : "no"}});
}

// Retransmissions (the same message sent again by one side before the other answered) and
// answers slower than the threshold. An answer to an Identity Request is not timed: a
// supplicant that starts late is not slow.
void timingReasons(const ConversationView& view, ConversationDiagnosis& out)
{
    Sent worstRepeat;
    Sent current[2];  // by sender: the message that side last sent and its resends
    std::uint64_t slowest = 0;
    std::uint32_t slowAnswer = kNoPacket, slowAsked = kNoPacket;
    std::optional<std::uint32_t> lastPacket;
    Sender lastSender = Sender::Server;
    for (std::uint32_t p : view.conversation.packets) {
        const Sender sender = view.sender(p);
        const bool sameSender = lastPacket && lastSender == sender;
        int side = sender == Sender::Server ? 0 : 1;
        Sent& mine = current[side];
        if (sameSender && mine.last != kNoPacket && sameMessage(view, mine.last, p)) {
            mine.last = p;
            ++mine.count;
        } else {
            mine = Sent{p, p, 1};
        }
        if (mine.count > worstRepeat.count)
            worstRepeat = mine;
        const Sent& other = current[1 - side];
        if (lastPacket && !sameSender && other.last != kNoPacket &&
            view.packet(other.last).type != eap_type::kIdentity) {
            std::uint64_t delay =
                view.packet(p).timeNs - std::min(view.packet(p).timeNs, view.packet(other.last).timeNs);
            if (delay > slowest) {
                slowest = delay;
                slowAnswer = p;
                slowAsked = other.last;
            }
        }
        lastPacket = p;
        lastSender = sender;
    }
    if (view.conversation.outcome == "none" && lastPacket) {
        const Sent& stopped = current[lastSender == Sender::Server ? 0 : 1];
        noResponse(view, out, stopped, false);
    } else if (worstRepeat.count >= 2) {
        noResponse(view, out, worstRepeat, true);
    }
    if (slowAnswer != kNoPacket && slowest > view.options.slowRoundTripNs) {
        Sender receiver = view.sender(slowAnswer);
        addReason(out, view, reason::kSlowRoundTrip, slowAnswer,
                  {{"receiver", std::string(toString(receiver))},
                   {"receiver_name", sideName(receiver)},
                   {"asked_frame", std::to_string(view.packet(slowAsked).frame)},
                   {"seconds", formatSeconds(slowest)},
                   {"threshold", formatSeconds(view.options.slowRoundTripNs)}});
    }
}

std::uint32_t failurePacket(const ConversationView& view)
{
    for (std::uint32_t p : view.conversation.packets) {
        if (view.packet(p).code == eap_code::kFailure)
            return p;
    }
    return kNoPacket;
}

// A Failure no more specific reason explains: the server refused what the peer last sent
// (MD5/GTC/OTP response, LEAP, SIM/AKA challenge, or just the identity).
void fallbackFailureReason(const ConversationView& view, ConversationDiagnosis& out, std::uint32_t failure)
{
    bool explained = std::any_of(out.reasons.begin(), out.reasons.end(),
                                 [](const Reason& r) { return r.severity == Severity::Error; });
    if (explained)
        return;
    std::uint8_t method = view.method();
    addReason(out, view, reason::kCredentialsRejected, failure,
              {{"identity", view.identity()}, {"method", method ? eapTypeName(method) : "Identity"}});
}

// RADIUS carries the server's own words on the Access-Reject: they go with the main reason.
void radiusDetails(const ConversationView& view, ConversationDiagnosis& out, std::uint32_t failure)
{
    if (failure == kNoPacket || out.reasons.empty())
        return;
    const CapturedPacket& packet = view.packet(failure);
    Reason& main = out.reasons.front();
    if (const std::string_view reply = view.capture.replyMessage(packet); !reply.empty()) {
        main.facts.emplace_back(
            "reply_message", printable({reinterpret_cast<const std::uint8_t*>(reply.data()), reply.size()}));
    }
    if (packet.errorCause)
        main.facts.emplace_back("error_cause", std::to_string(*packet.errorCause));
}

Verdict verdictOf(const CaptureConversation& c)
{
    if (c.outcome == "failure")
        return Verdict::Failure;
    if (c.outcome == "success")
        return Verdict::Success;
    return Verdict::Incomplete;
}

std::uint32_t catalogueRank(std::string_view id)
{
    const ReasonInfo* info = reasonInfo(id);
    return static_cast<std::uint32_t>(info ? info - allReasons().data() : allReasons().size());
}

// Most important first: errors, then warnings, then info, each in catalogue order; reasons of
// the same rank stay in the order the passes found them. The rank of each reason is looked up
// once, not in every comparison; an insertion sort (a conversation has a handful of reasons)
// needs no buffer, where std::stable_sort allocates one.
void sortReasons(std::vector<Reason>& reasons)
{
    if (reasons.size() < 2)
        return;
    // A conversation has a handful of reasons: their ranks fit on the stack.
    std::array<std::uint32_t, 16> small;
    std::vector<std::uint32_t> large;
    std::span<std::uint32_t> rank(small.data(), reasons.size());
    if (reasons.size() > small.size()) {
        large.resize(reasons.size());
        rank = large;
    }
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const auto severity = static_cast<std::uint32_t>(reasons[i].severity);
        rank[i] = ((255u - severity) << 16) | catalogueRank(reasons[i].id);
    }
    for (std::size_t i = 1; i < reasons.size(); ++i) {
        for (std::size_t k = i; k > 0 && rank[k] < rank[k - 1]; --k) {
            std::swap(rank[k], rank[k - 1]);
            std::swap(reasons[k], reasons[k - 1]);
        }
    }
}

ConversationDiagnosis diagnoseOne(const CaptureImport& capture, std::uint32_t conversation,
                                  const DiagnosisOptions& options, DiagnosisScratch& scratch)
{
    ConversationDiagnosis out;
    out.conversation = conversation;
    const CaptureConversation& c = capture.conversations.at(conversation);
    ConversationView view{capture,
                          c,
                          conversation,
                          options,
                          scratch.certificates,
                          scratch.flights,
                          scratch.offers,
                          scratch.sent,
                          scratch.controlHint};
    out.verdict = verdictOf(c);
    for (std::uint32_t p : c.packets) {
        // Most packets are of neither kind: their type decides before a pass is called.
        const std::optional<std::uint8_t> type = capture.packets[p].type;
        if (type == eap_type::kMschapv2)
            mschapReasons(view, p, out);
        else if (type == eap_type::kNotification || type == eap_type::kSim || type == eap_type::kAka ||
                 type == eap_type::kAkaPrime)
            notificationReasons(view, p, out);
    }
    nakReasons(view, out);
    diagnoseTls(view, out);
    timingReasons(view, out);
    std::uint32_t failure = failurePacket(view);
    if (out.verdict == Verdict::Failure)
        fallbackFailureReason(view, out, failure);
    sortReasons(out.reasons);
    if (out.verdict == Verdict::Failure)
        radiusDetails(view, out, failure);
    return out;
}

}  // namespace

ConversationDiagnosis diagnoseConversation(const CaptureImport& capture, std::uint32_t conversation,
                                           const DiagnosisOptions& options)
{
    DiagnosisScratch scratch;
    return diagnoseOne(capture, conversation, options, scratch);
}

CaptureDiagnosis diagnoseCapture(const CaptureImport& capture, const DiagnosisOptions& options)
{
    CaptureDiagnosis out;
    DiagnosisScratch scratch;
    out.conversations.reserve(capture.conversations.size());
    for (std::uint32_t i = 0; i < capture.conversations.size(); ++i)
        out.conversations.push_back(diagnoseOne(capture, i, options, scratch));
    return out;
}

}  // namespace eapscope
