// A method played in C++ behind the MethodExecutor interface, so the engine's state machine
// can be tested without loading a library. It speaks a tiny PAP-like protocol of its own type:
// authenticator: MakeMessage(NULL) → Request(type, "hello") with SendWithTimeout; Response →
// Authenticate(UserName + UserPassword); back-end answer → SendAndDone Success/Failure.
// peer: Request(type) → Send Response(type, password); Success/Failure → Done.
// Hooks let a test break one call.
#pragma once

#include "eapscope/raseap.h"
#include "method/method_executor.h"

#include <functional>
#include <map>
#include <string>

namespace eapscope::test {

class FakeExecutor : public MethodExecutor {
public:
    explicit FakeExecutor(std::uint32_t eapType = 4) : type_(eapType) {}

    LoadReport load(const LoadRequest& request) override
    {
        LoadReport r;
        r.ok = loadOk;
        r.name = request.displayName.empty() ? "fake" : request.displayName;
        r.path = request.path;
        r.eapType = type_;
        r.error = loadOk ? "" : "no RasEapGetInfo";
        if (!loadOk) {
            r.findings.push_back({"LOAD_NO_GETINFO", "fake: no RasEapGetInfo export"});
        }
        return r;
    }

    CallOutcome initialize(bool init) override
    {
        CallOutcome o;
        o.entry = init ? EntryPoint::Initialize : EntryPoint::Uninitialize;
        ++calls;
        init ? ++initCalls : ++uninitCalls;
        return o;
    }

    CallOutcome begin(const BeginRequest& request) override
    {
        ++calls;
        ++beginCalls;
        CallOutcome o;
        o.entry = EntryPoint::Begin;
        o.workBuffer = nextBuffer_;
        nextBuffer_ += 0x100;
        o.workBufferWritten = true;
        Ctx ctx;
        ctx.auth = request.authenticator;
        ctx.id = request.initialId;
        if (request.password) {
            ctx.password.assign(request.password->begin(), request.password->end());
        }
        ctx.identity.assign(request.identity.begin(), request.identity.end());
        contexts_[o.workBuffer] = ctx;
        lastBeginTag = request.contextTag;
        if (onBegin) {
            onBegin(request, o);
        }
        return o;
    }

    CallOutcome makeMessage(const MakeMessageRequest& request) override
    {
        ++calls;
        ++makeMessageCalls;
        CallOutcome o;
        o.entry = EntryPoint::MakeMessage;
        Ctx& ctx = contexts_.at(request.workBuffer);
        ctx.auth ? authenticator(ctx, request, o) : peer(ctx, request, o);
        if (onMakeMessage) {
            onMakeMessage(request, o, ctx.auth);
        }
        return o;
    }

    CallOutcome end(std::uint32_t contextTag, std::uint64_t workBuffer) override
    {
        ++calls;
        ++endCalls;
        endTags.push_back(contextTag);
        contexts_.erase(workBuffer);
        CallOutcome o;
        o.entry = EntryPoint::End;
        if (onEnd) {
            onEnd(contextTag, o);
        }
        return o;
    }

    void unload() override { ++unloads; }

    [[nodiscard]] bool supportsCheckpoints() const override { return true; }
    Result<std::uint32_t> checkpoint() override
    {
        saved_.emplace_back(contexts_, nextBuffer_);
        return static_cast<std::uint32_t>(saved_.size() - 1);
    }
    Status restore(std::uint32_t checkpoint) override
    {
        contexts_ = saved_.at(checkpoint).first;
        nextBuffer_ = saved_.at(checkpoint).second;
        return Ok{};
    }

    bool loadOk = true;
    int calls = 0, initCalls = 0, uninitCalls = 0, beginCalls = 0, makeMessageCalls = 0, endCalls = 0,
        unloads = 0;
    std::uint32_t lastBeginTag = 0;
    std::vector<std::uint32_t> endTags;
    std::function<void(const BeginRequest&, CallOutcome&)> onBegin;
    std::function<void(const MakeMessageRequest&, CallOutcome&, bool auth)> onMakeMessage;
    std::function<void(std::uint32_t, CallOutcome&)> onEnd;

private:
    struct Ctx {
        bool auth = false;
        std::uint8_t id = 0;
        std::string identity, password;
        Bytes lastSent;
        std::uint8_t lastResponseId = 0;
        int state = 0;
    };

    static void send(CallOutcome& o, Bytes packet, std::uint32_t action)
    {
        o.action = action;
        o.sendLengthField = static_cast<std::uint32_t>(packet.size());
        o.sendPacket = std::move(packet);
    }

    void authenticator(Ctx& ctx, const MakeMessageRequest& r, CallOutcome& o)
    {
        if (r.flags & kCallFlagAuthComplete) {
            const std::uint8_t code = r.authResultCode == NO_ERROR ? EAPCODE_Success : EAPCODE_Failure;
            send(o, Bytes{code, ctx.lastResponseId, 0, 4}, EAPACTION_SendAndDone);
            o.authResultCode = r.authResultCode;
            return;
        }
        if (!r.receivePacket) {
            if (ctx.state == 0) {
                ctx.lastSent = Bytes{EAPCODE_Request,
                                     ctx.id,
                                     0,
                                     10,
                                     static_cast<std::uint8_t>(type_),
                                     'h',
                                     'e',
                                     'l',
                                     'l',
                                     'o'};
                ctx.state = 1;
            }
            send(o, ctx.lastSent, EAPACTION_SendWithTimeout);  // first Request, or its resend
            return;
        }
        const Bytes& p = *r.receivePacket;
        if (p.size() < 5 || p[0] != EAPCODE_Response || p[1] != ctx.id || p[4] != type_) {
            o.result = ERROR_PPP_INVALID_PACKET;
            return;
        }
        ctx.lastResponseId = p[1];
        AuthAttribute user{raatUserName, 0, true, Bytes(ctx.identity.begin(), ctx.identity.end()), 0};
        AuthAttribute pass{raatUserPassword, 0, true, Bytes(p.begin() + 5, p.end()), 0};
        o.action = EAPACTION_Authenticate;
        o.outputAttributes = {user, pass};
    }

    void peer(Ctx& ctx, const MakeMessageRequest& r, CallOutcome& o)
    {
        if (!r.receivePacket) {
            o.action = EAPACTION_NoAction;
            return;
        }
        const Bytes& p = *r.receivePacket;
        if (p[0] == EAPCODE_Success || p[0] == EAPCODE_Failure) {
            o.action = EAPACTION_Done;
            o.authResultCode = p[0] == EAPCODE_Success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE;
            return;
        }
        if (p.size() < 5 || p[0] != EAPCODE_Request || p[4] != type_) {
            o.result = ERROR_PPP_INVALID_PACKET;
            return;
        }
        Bytes response{EAPCODE_Response, p[1], 0, 0, static_cast<std::uint8_t>(type_)};
        response.insert(response.end(), ctx.password.begin(), ctx.password.end());
        response[3] = static_cast<std::uint8_t>(response.size());
        send(o, response, EAPACTION_Send);
    }

    std::uint32_t type_;
    std::uint64_t nextBuffer_ = 0x10000;
    std::map<std::uint64_t, Ctx> contexts_;
    std::vector<std::pair<std::map<std::uint64_t, Ctx>, std::uint64_t>> saved_;
};

}  // namespace eapscope::test
