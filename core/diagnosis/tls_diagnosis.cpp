// The TLS part of a diagnosis: reads what each side's TLS messages, as the import reassembled
// them (CapturedPacket::tlsOffset), say in the clear (tls_handshake.h, tls_certificate.h) and
// gives the TLS reasons.
#include "diagnosis/diagnosis_context.h"

#include "capture/capture_trace.h"
#include "eap/eap_types.h"
#include "eap/tls_handshake.h"

#include <algorithm>

namespace eapscope::diagnosis_detail {
namespace {

constexpr std::uint16_t kTls13 = 0x0304;
constexpr std::uint8_t kAlertFatal = 2, kCloseNotify = 0;
constexpr std::uint8_t kHandshakeCertificate = 11;

using Flights = std::span<const Flight>;

// Each side's TLS messages until the handshake is over: what follows (the tunnel's
// ApplicationData, encrypted alerts) says nothing in the clear, and is most of the bytes. Parsed
// into the view's scratch flights, whose first ones it returns.
Flights readFlights(const ConversationView& view, bool& usedTls)
{
    std::vector<Flight>& flights = view.flights;
    std::size_t used = 0;
    bool changed[2] = {false, false}, tls13 = false, over = false;
    for (std::uint32_t p : view.conversation.packets) {
        const CapturedPacket& packet = view.packet(p);
        if (!packet.type || !isTlsFamily(*packet.type))
            continue;
        usedTls = true;
        if (over || packet.tlsSize == 0)
            continue;
        Sender sender = view.sender(p);
        int side = sender == Sender::Server ? 0 : 1;
        if (used == flights.size())
            flights.emplace_back();
        Flight& flight = flights[used++];
        flight.packet = p;
        flight.sender = sender;
        // The walk reads only record and message headers, and the certificate cache then reads
        // the DER far apart from them: asking for every cache line of the message at once costs
        // one wait on memory instead of one per header (a tenth of a large capture's diagnosis).
        const auto records = view.capture.tlsRecords(packet);
        for (std::size_t at = 0; at < records.size(); at += 64)
            __builtin_prefetch(records.data() + at);
        parseTlsFlight(records, flight.tls);
        tls13 |= flight.tls.serverHello && flight.tls.serverHello->version() >= kTls13;
        changed[side] |= flight.tls.changeCipherSpec;
        over = (changed[0] && changed[1] && !tls13) || (tls13 && side == 1 && flight.tls.applicationData > 0);
    }
    return Flights(flights.data(), used);
}

// The last handshake message in the clear before flight `index` ends, as the stage a TLS
// alert or a rejection ended.
std::string stageBefore(Flights flights, std::size_t index)
{
    for (std::size_t k = index + 1; k-- > 0;) {
        if (!flights[k].tls.handshakeTypes.empty())
            return tlsHandshakeName(flights[k].tls.handshakeTypes.back());
    }
    return "the start of the TLS handshake";
}

bool isGrease(std::uint16_t value)
{
    return (value & 0x0F0F) == 0x0A0A;  // RFC 8701
}

std::vector<std::uint16_t> withoutGrease(const TlsUint16List& values)
{
    std::vector<std::uint16_t> kept;
    kept.reserve(values.size());
    for (std::uint16_t value : values) {
        if (!isGrease(value))
            kept.push_back(value);
    }
    return kept;
}

const TlsHello* firstHello(Flights flights, bool client, std::size_t* where = nullptr)
{
    for (std::size_t i = 0; i < flights.size(); ++i) {
        const auto& hello = client ? flights[i].tls.clientHello : flights[i].tls.serverHello;
        if (hello) {
            if (where)
                *where = i;
            return &*hello;
        }
    }
    return nullptr;
}

TlsSummary summarise(Flights flights, OfferCache& offers)
{
    TlsSummary summary;
    std::size_t serverAt = 0;
    const TlsHello* client = firstHello(flights, true);
    const TlsHello* server = firstHello(flights, false, &serverAt);
    if (client)
        summary.offered = offers.offer(*client);
    if (server) {
        summary.version = tlsVersionName(server->version());
        if (!server->cipherSuites.empty())
            summary.cipherSuite = server->cipherSuites.front();
        summary.certificatesEncrypted = server->version() >= kTls13;
        const TlsFlight& flight = flights[serverAt].tls;
        bool sentCertificate = std::find(flight.handshakeTypes.begin(), flight.handshakeTypes.end(),
                                         kHandshakeCertificate) != flight.handshakeTypes.end();
        // RFC 5246 §7.3: an abbreviated handshake echoes the session id (or accepts a ticket,
        // RFC 5077 §3.1) and goes straight to ChangeCipherSpec, without a Certificate.
        bool echoed =
            client && !client->sessionId.empty() && std::ranges::equal(client->sessionId, server->sessionId);
        summary.resumed =
            server->version() < kTls13 && !sentCertificate && (echoed || flight.changeCipherSpec);
    }
    for (std::size_t i = 0; i < flights.size(); ++i) {
        for (const TlsAlert& alert : flights[i].tls.alerts) {
            summary.alerts.push_back(TlsAlertSeen{flights[i].sender, 0, flights[i].packet, EventId(), alert,
                                                  stageBefore(flights, i)});
        }
    }
    return summary;
}

// TLS ≤ 1.2: both sides sent ChangeCipherSpec. TLS 1.3: the peer answered the server's flight
// with encrypted records (its Finished), which it only sends after accepting the server.
bool handshakeCompleted(Flights flights, const TlsSummary& summary)
{
    bool server = false, peer = false;
    for (const Flight& f : flights) {
        bool done = summary.certificatesEncrypted ? f.tls.applicationData > 0 : f.tls.changeCipherSpec;
        (f.sender == Sender::Server ? server : peer) |= done;
    }
    return summary.certificatesEncrypted ? peer : server && peer;
}

void certificateReason(const ConversationView& view, ConversationDiagnosis& out, std::string_view id,
                       const CapturedCertificate& cert)
{
    Reason& r = addReason(out, view, id, cert.packet, {});
    r.certificate = cert.details;
    r.certificateSender = cert.sender;
    r.captureTime = cert.captureTime;
}

// The certificates of the conversation, each once (a retried handshake sends them again) and
// only those OpenSSL could read, with their validity against the capture's time.
void certificates(const ConversationView& view, Flights flights, ConversationDiagnosis& out, bool accepted)
{
    // First which certificates are kept and how many reasons they give: the conversation's
    // certificates and reasons are then allocated once each.
    auto& sent = view.sent;
    sent.clear();
    std::size_t reasons = 0;
    for (const Flight& f : flights) {
        const std::int64_t time = f.tls.certificates.empty() ? 0 : view.captureTime(f.packet);
        for (const auto& der : f.tls.certificates) {
            const CertificateCache::Entry* decoded = &view.certificates.decode(der);
            if (!decoded->details ||
                std::any_of(sent.begin(), sent.end(), [&](const auto& s) { return s.second == decoded; }))
                continue;
            sent.emplace_back(&f, decoded);
            reasons +=
                (time > decoded->details->notAfter || time < decoded->details->notBefore) + decoded->weak;
        }
    }
    out.certificates.reserve(sent.size());
    out.reasons.reserve(out.reasons.size() + reasons);
    std::uint32_t chain = 0;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const auto [f, decoded] = sent[i];
        chain = i > 0 && sent[i - 1].first == f ? chain + 1 : 0;
        CapturedCertificate& cert = out.certificates.emplace_back();
        cert.sender = f->sender;
        cert.frame = view.packet(f->packet).frame;
        cert.packet = f->packet;
        cert.event = view.event(f->packet);
        cert.chainIndex = chain;
        cert.captureTime = view.captureTime(f->packet);
        cert.details = decoded->details;
        cert.expired = cert.captureTime > cert.details->notAfter;
        cert.notYetValid = cert.captureTime < cert.details->notBefore;
        if (cert.expired || cert.notYetValid) {
            certificateReason(view, out,
                              cert.expired ? reason::kCertificateExpired : reason::kCertificateNotYetValid,
                              cert);
            if (accepted)
                out.reasons.back().severity = Severity::Warning;  // the other side went on all the same
        }
        if (decoded->weak)
            certificateReason(view, out, reason::kCertificateWeak, cert);
    }
}

void alertReasons(const ConversationView& view, const TlsSummary& summary, ConversationDiagnosis& out)
{
    bool reported[2] = {false, false};
    for (const TlsAlertSeen& seen : summary.alerts) {
        const TlsAlert& alert = seen.alert;
        if (alert.encrypted || (alert.level != kAlertFatal && alert.description == kCloseNotify))
            continue;
        bool& done = reported[seen.sender == Sender::Server ? 0 : 1];
        if (done)
            continue;
        done = true;
        addReason(out, view,
                  seen.sender == Sender::Server ? reason::kTlsAlertFromServer : reason::kTlsAlertFromPeer,
                  seen.packet,
                  {{"sender", std::string(toString(seen.sender))},
                   {"level", tlsAlertLevelName(alert.level)},
                   {"description", tlsAlertDescriptionName(alert.description)},
                   {"alert", std::to_string(alert.description)},
                   {"stage", seen.stage}});
    }
}

}  // namespace

const CertificateCache::Entry& CertificateCache::decode(std::span<const std::uint8_t> der)
{
    const std::string_view key(reinterpret_cast<const char*>(der.data()), der.size());
    auto found = decoded_.find(key);
    if (found != decoded_.end())
        return found->second;
    Entry entry;
    if (auto result = decodeCertificate(der)) {
        entry.weak = !certificateWeakness(*result).empty();
        entry.details = std::make_shared<const CertificateDetails>(std::move(*result));
    }
    return decoded_.emplace(std::string(key), std::move(entry)).first->second;
}

std::shared_ptr<const TlsOffer> OfferCache::offer(const TlsHello& client)
{
    auto list = [this](const TlsUint16List& values) {
        const std::size_t size = values.bytes().size();
        key_ += static_cast<char>((size >> 8) & 0xFF);
        key_ += static_cast<char>(size & 0xFF);
        key_.append(reinterpret_cast<const char*>(values.bytes().data()), size);
    };
    key_.assign(
        {static_cast<char>(client.legacyVersion >> 8), static_cast<char>(client.legacyVersion & 0xFF)});
    list(client.supportedVersions);
    list(client.cipherSuites);
    key_ += client.serverName;
    auto found = offers_.find(std::string_view(key_));
    if (found != offers_.end())
        return found->second;
    auto offer = std::make_shared<TlsOffer>();
    if (client.supportedVersions.empty())
        offer->versions.push_back(client.legacyVersion);
    else
        offer->versions = withoutGrease(client.supportedVersions);
    offer->cipherSuites = withoutGrease(client.cipherSuites);
    offer->serverName = std::string(client.serverName);
    return offers_.emplace(key_, std::move(offer)).first->second;
}

void diagnoseTls(const ConversationView& view, ConversationDiagnosis& out)
{
    bool usedTls = false;
    const Flights flights = readFlights(view, usedTls);
    if (!usedTls)
        return;
    TlsSummary summary = summarise(flights, view.offers);
    for (TlsAlertSeen& alert : summary.alerts) {
        alert.frame = view.packet(alert.packet).frame;
        alert.event = view.event(alert.packet);
    }
    bool completed = handshakeCompleted(flights, summary);
    certificates(view, flights, out, completed);
    alertReasons(view, summary, out);
    std::size_t serverAt = 0;
    if (summary.resumed && firstHello(flights, false, &serverAt)) {
        addReason(out, view, reason::kTlsResumed, flights[serverAt].packet,
                  {{"version", summary.version},
                   {"cipher_suite", summary.cipherSuite ? tlsCipherSuiteName(*summary.cipherSuite) : ""}});
    }
    if (out.verdict == Verdict::Failure && !hasReason(out, reason::kTlsAlertFromPeer) &&
        !hasReason(out, reason::kTlsAlertFromServer)) {
        std::uint32_t failure = kNoPacket;
        for (std::uint32_t p : view.conversation.packets) {
            if (view.packet(p).code == eap_code::kFailure) {
                failure = p;
                break;
            }
        }
        std::uint8_t method = view.method();
        if (completed && method != eap_type::kTls) {
            addReason(out, view, reason::kInnerAuthFailed, failure,
                      {{"identity", view.identity()}, {"method", eapTypeName(method)}});
        } else if (!completed && firstHello(flights, true)) {
            addReason(out, view, reason::kTlsHandshakeRejected, failure,
                      {{"stage", flights.empty() ? std::string("ClientHello")
                                                 : stageBefore(flights, flights.size() - 1)},
                       {"method", eapTypeName(method)}});
        }
    }
    out.tls = std::move(summary);
}

}  // namespace eapscope::diagnosis_detail
