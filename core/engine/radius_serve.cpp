#include "engine/radius_serve.h"

#include "common/log.h"
#include "eapscope/raseap.h"
#include "radius/radius_authenticator.h"
#include "radius/radius_mppe.h"

#include <openssl/rand.h>

#include <fstream>
#include <sstream>

namespace eapscope {

namespace {

std::shared_ptr<spdlog::logger> logger()
{
    static auto log = moduleLogger("core.serve");
    return log;
}

// RASEAP.md §2.4: Vendor-Id(4) Type(1) Length(1) Salt(2) Key-Length(1) Key.
std::optional<radius::Bytes> methodKey(const std::vector<AuthAttribute>& attributes, std::uint8_t type)
{
    for (const AuthAttribute& a : attributes) {
        const Bytes& d = a.data;
        if (a.type == raatVendorSpecific && d.size() >= 9 && d[0] == 0 && d[1] == 0 && d[2] == 0x01 &&
            d[3] == 0x37 && d[4] == type && 9u + d[8] <= d.size()) {
            return radius::Bytes(d.begin() + 9, d.begin() + 9 + d[8]);
        }
    }
    return std::nullopt;
}

std::uint16_t randomSalt()
{
    std::uint16_t salt = 0;
    RAND_bytes(reinterpret_cast<unsigned char*>(&salt), sizeof salt);
    return salt;
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> readUsersFile(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot read the users file"),
                                {verbatim(path)}));
    }
    std::vector<std::pair<std::string, std::string>> users;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (const auto hash = line.find('#'); hash != std::string::npos) {
            line.erase(hash);
        }
        std::istringstream words(line);
        std::string identity, password, extra;
        if (!(words >> identity)) {
            continue;  // blank or comment
        }
        if (!(words >> password) || (words >> extra)) {
            return makeError(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                               "%1:%2: expected 'identity password' (two words), got '%3'"),
                       {verbatim(path), verbatim(std::to_string(number)), verbatim(line)}));
        }
        users.emplace_back(identity, password);
    }
    return users;
}

RadiusServe::RadiusServe(ServeConfig config, radius::UdpSocket socket, Trace& trace)
    : config_(std::move(config)), socket_(std::move(socket)), trace_(trace)
{
    EngineConfig engine;
    engine.authenticator = config_.authenticator;
    engine.counterpart = Counterpart::RadiusClients;
    engine.contexts = 0;              // conversations open as NASes speak
    engine.interleave = true;         // many supplicants at once
    engine.autoFireTimeouts = false;  // the NASes retransmit, in real time
    engine.users = config_.users;
    engine.slowCallMs = config_.slowCallMs;
    engine_ = std::make_unique<SessionEngine>(std::move(engine), trace_);
}

Result<std::unique_ptr<RadiusServe>> RadiusServe::create(ServeConfig config, Trace& trace)
{
    if (config.secret.empty()) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "--secret is required: the shared secret of the NASes that will connect")));
    }
    auto endpoint = radius::parseEndpoint(config.listen);
    if (!endpoint) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "--listen: %1"), {endpoint.errorText()}));
    }
    auto socket = radius::UdpSocket::bind(*endpoint);
    if (!socket) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "--listen: %1"), {socket.errorText()}));
    }
    trace.setOption("listen", config.listen);
    trace.setOption("secret", config.secret);  // redacted in the session file unless --keep-secrets
    return std::unique_ptr<RadiusServe>(new RadiusServe(std::move(config), std::move(*socket), trace));
}

StepResult RadiusServe::start()
{
    StepResult step;
    do {
        step = engine_->step();
    } while (step.kind != StepKind::Waiting && step.kind != StepKind::Finished);
    return step;
}

bool RadiusServe::done() const
{
    return config_.maxConversations > 0 && ended_ >= config_.maxConversations;
}

void RadiusServe::poll(std::chrono::milliseconds wait)
{
    if (auto datagram = socket_.receiveFrom(wait)) {
        handle(*datagram);
    }
    expireIdle();
}

void RadiusServe::handle(const radius::Datagram& datagram)
{
    auto request = radius::decodePacket(datagram.bytes);
    if (!request || request->code != radius::AccessRequest) {
        logger()->debug("{}: dropped: {}", datagram.from.text(),
                        request ? "not an Access-Request" : request.error());
        return;
    }
    // RFC 3579 §3.3 / RFC 2865 §3: a bad Message-Authenticator (or wrong secret) is silence.
    if (auto valid = radius::verifyRequest(datagram.bytes, config_.secret); !valid) {
        logger()->info("{}: dropped an Access-Request: {}", datagram.from.text(), valid.error());
        return;
    }
    const auto k = conversationFor(*request, datagram.from);
    if (!k) {
        radius::RadiusPacket reject;
        reject.code = radius::AccessReject;
        reject.identifier = request->identifier;
        reject.addText(radius::ReplyMessage, "EapScope: unknown State (the conversation has ended)");
        if (auto bytes = radius::signResponse(reject, request->authenticator, config_.secret)) {
            (void)socket_.sendTo(*bytes, datagram.from);
        }
        return;
    }
    Peer& peer = peers_[*k];
    peer.lastHeard = std::chrono::steady_clock::now();
    if (datagram.bytes == peer.lastRequest) {  // RFC 5080 §2.2.2: a retransmission
        if (!peer.lastReply.empty() && !peer.awaiting) {
            (void)socket_.sendTo(peer.lastReply, peer.nas);
        }
        return;
    }
    peer.lastRequest = datagram.bytes;
    peer.pending = *request;
    peer.awaiting = true;
    engine_->recordCounterpartRadius(*k, datagram.bytes, true);
    const radius::Bytes eap = request->eapMessage();
    if (eap.empty() || peer.closed) {
        answer(*k);  // nothing for the method: a Reject
        return;
    }
    (void)engine_->deliverFromCounterpart(*k, eap, "NAS " + datagram.from.text());
    runEngine();
}

std::optional<std::size_t> RadiusServe::conversationFor(const radius::RadiusPacket& request,
                                                        const radius::Endpoint& from)
{
    if (const radius::Attribute* state = request.find(radius::State)) {
        std::array<std::uint8_t, 16> key{};
        if (state->value.size() != key.size()) {
            return std::nullopt;
        }
        std::copy(state->value.begin(), state->value.end(), key.begin());
        const auto it = byState_.find(key);
        return it == byState_.end() ? std::nullopt : std::optional(it->second);
    }
    const std::string station = request.text(radius::CallingStationId).value_or("");
    // A request without State opens a conversation, unless it retransmits the request that
    // opened one still open (RFC 5080 §2.2.2). A new one from a station that has an open
    // conversation means that supplicant started over; a NAS that sends no Calling-Station-Id
    // (radeapclient) cannot say whose it is, so its open conversations go on in parallel.
    for (std::size_t k = peers_.size(); k-- > firstOpenPeer_;) {
        const Peer& p = peers_[k];
        if (p.nas == from && p.callingStationId == station && !p.closed &&
            p.lastRequest.size() >= radius::kHeaderSize && p.pending.identifier == request.identifier &&
            p.pending.authenticator == request.authenticator) {
            return k;
        }
    }
    if (!station.empty()) {
        for (std::size_t k = peers_.size(); k-- > firstOpenPeer_;) {
            const Peer& p = peers_[k];
            if (p.nas == from && p.callingStationId == station && !p.closed) {
                engine_->abandonConversation(
                    k, phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the supplicant started over")));
                break;
            }
        }
    }
    Peer peer;
    peer.nas = from;
    peer.callingStationId = station;
    ++stateCounter_;
    const std::string prefix = "EapScope";
    std::copy(prefix.begin(), prefix.end(), peer.state.begin());
    for (int i = 0; i < 8; ++i) {
        peer.state[8 + i] = static_cast<std::uint8_t>(stateCounter_ >> (56 - 8 * i));
    }
    const std::size_t k = engine_->openConversation("RADIUS " + (station.empty() ? from.text() : station));
    byState_[peer.state] = k;
    peers_.push_back(std::move(peer));
    return k;
}

void RadiusServe::runEngine()
{
    StepResult step;
    do {
        step = engine_->step();
    } while (step.kind != StepKind::Waiting && step.kind != StepKind::Finished);
    for (std::size_t k = firstOpenPeer_; k < peers_.size(); ++k) {
        if (peers_[k].awaiting) {
            answer(k);
        }
        const SideStage stage = engine_->state().conversations[k].sides[0].stage;
        if (!peers_[k].closed && stage == SideStage::Ended) {
            peers_[k].closed = true;
            ++ended_;
        }
    }
    advanceFirstOpen();
}

void RadiusServe::advanceFirstOpen()
{
    // A closed peer may still get its last answer retransmitted (handle() finds it by State);
    // only the loops over open conversations start here.
    while (firstOpenPeer_ < peers_.size() && peers_[firstOpenPeer_].closed &&
           !peers_[firstOpenPeer_].awaiting) {
        ++firstOpenPeer_;
    }
}

void RadiusServe::answer(std::size_t conversation)
{
    Peer& peer = peers_[conversation];
    const std::vector<Bytes> packets = engine_->takeCounterpartPackets(conversation);
    const SideStage stage = engine_->state().conversations[conversation].sides[0].stage;
    radius::RadiusPacket out;
    if (packets.empty()) {
        if (stage != SideStage::Completed && stage != SideStage::Ended && !peer.closed) {
            return;  // the method dropped the packet or waits: the NAS will retransmit
        }
        out.code = radius::AccessReject;  // the method ended without a last word
        out.addText(radius::ReplyMessage, "EapScope: the method's context ended");
        reply(conversation, std::move(out));
        return;
    }
    const Bytes& eap = packets.back();
    out.setEapMessage(eap);
    switch (eap.empty() ? 0 : eap[0]) {
        case EAPCODE_Success:
            out.code = radius::AccessAccept;
            for (std::uint8_t type : {radius::kMsMppeRecvKey, radius::kMsMppeSendKey}) {
                // The authenticator's view is the server's view: Send goes out as Send (RFC 2548).
                if (auto key = methodKey(engine_->methodAttributes(conversation), type)) {
                    if (auto value = radius::encryptMppeKey(*key, config_.secret, peer.pending.authenticator,
                                                            randomSalt())) {
                        out.addVendorAttribute(radius::kVendorMicrosoft, type, *value);
                    }
                }
            }
            break;
        case EAPCODE_Failure:
            out.code = radius::AccessReject;
            break;
        default:
            out.code = radius::AccessChallenge;
            out.add(radius::State, peer.state);
            break;
    }
    reply(conversation, std::move(out));
}

void RadiusServe::reply(std::size_t conversation, radius::RadiusPacket packet)
{
    Peer& peer = peers_[conversation];
    packet.identifier = peer.pending.identifier;
    auto bytes = radius::signResponse(std::move(packet), peer.pending.authenticator, config_.secret);
    if (!bytes) {
        logger()->error("cannot build the answer for {}: {}", peer.nas.text(), bytes.error());
        return;
    }
    if (auto sent = socket_.sendTo(*bytes, peer.nas); !sent) {
        logger()->warn("{}", sent.error());
    }
    engine_->recordCounterpartRadius(conversation, *bytes, false);
    peer.lastReply = std::move(*bytes);
    peer.awaiting = false;
}

void RadiusServe::expireIdle()
{
    const auto now = std::chrono::steady_clock::now();
    bool any = false;
    for (std::size_t k = firstOpenPeer_; k < peers_.size(); ++k) {
        if (!peers_[k].closed && now - peers_[k].lastHeard > std::chrono::milliseconds(config_.idleMs)) {
            engine_->abandonConversation(
                k, phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the supplicant's NAS stopped talking")));
            any = true;
        }
    }
    if (any) {
        runEngine();
    }
}

void RadiusServe::stop()
{
    engine_->stopServing();
    for (std::size_t k = 0; k < peers_.size(); ++k) {
        engine_->abandonConversation(k, phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the server stopped")));
    }
    StepResult step;
    do {
        step = engine_->step();
    } while (step.kind != StepKind::Finished && step.kind != StepKind::Waiting);
}

}  // namespace eapscope
