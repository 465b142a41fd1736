#include "host/host_server.h"

#include "host/fault_handler.h"
#include "host/traced_entry_points.h"
#include "host/wire_messages.h"

#include <cstdlib>

namespace eapscope {

wire::HostStatus HostServer::status() const
{
    return wire::HostStatus{threadCount()};
}

void HostServer::reply(wire::FrameType type, const std::vector<std::uint8_t>& payload)
{
    if (!channel_.send(type, payload)) {
        std::_Exit(0);  // the controller is gone
    }
}

bool HostServer::handshake()
{
    wire::Hello hello;
    hello.pid = processId();
    hello.tracerActive = tracer_.active();
    reply(wire::FrameType::Hello, wire::encodePayload(hello));
    const Received answer = channel_.receive(-1);
    wire::Hello theirs;
    return answer.status == Received::Status::Ok && answer.frame.type == wire::FrameType::Hello &&
           wire::decodePayload(answer.frame.payload, theirs) && theirs.magic == wire::kMagic &&
           theirs.version == wire::kVersion;
}

int HostServer::run()
{
    if (!handshake()) {
        return 2;
    }
    for (;;) {
        const Received request = channel_.receive(-1);
        if (request.status != Received::Status::Ok) {
            return request.status == Received::Status::Closed ? 0 : 2;
        }
        if (!serve(request.frame)) {
            return 0;
        }
        reapCopies();
    }
}

bool HostServer::serve(const Frame& request)
{
    using wire::FrameType;
    switch (request.type) {
        case FrameType::Load:
            load(request);
            return true;
        case FrameType::Initialize:
        case FrameType::Begin:
        case FrameType::MakeMessage:
        case FrameType::End:
            handleCall(request);
            return true;
        case FrameType::DrainHeap: {
            std::vector<HeapEvent> events;
            tracer_.drainInto(events);
            reply(FrameType::HeapReply, wire::encodePayload(events));
            return true;
        }
        case FrameType::Unload:
            unload();
            reply(FrameType::Ack, {});
            return true;
        case FrameType::Checkpoint:
            checkpoint();
            return true;
        case FrameType::Shutdown:
            unload();
            reply(FrameType::Ack, {});
            return false;
        default:
            reply(FrameType::ErrorReply, wire::encodePayload(std::string("unexpected request")));
            return true;
    }
}

void HostServer::load(const Frame& request)
{
    LoadRequest loadRequest;
    LoadReport report;
    if (!wire::decodePayload(request.payload, loadRequest)) {
        report.error = "the host received a malformed load request";
    } else {
        unload();
        prepareInstrumentation(loadRequest.path);
        report = library_.open(loadRequest);
        if (report.ok) {
            instrument();
            runner_ = std::make_unique<CallRunner>(TracedEntryPoints::wrap(library_.info(), tracer_),
                                                   GuardMode::Pages);
            FaultHandler::setRunner(runner_.get());
        }
    }
    wire::WireWriter out;
    wire::encode(out, report);
    wire::encode(out, status());
    reply(wire::FrameType::LoadReply, out.buffer());
}

template <typename Call>
void HostServer::runCall(std::uint32_t tag, Call call)
{
    TracedEntryPoints::setNextTag(tag);
    CallOutcome outcome = call(*runner_);
    tracer_.drainInto(outcome.heap);
    wire::WireWriter out;
    wire::encode(out, outcome);
    wire::encode(out, status());
    reply(wire::FrameType::CallReply, out.buffer());
}

void HostServer::handleCall(const Frame& request)
{
    using wire::FrameType;
    wire::WireReader in(request.payload);
    if (!runner_) {
        reply(FrameType::ErrorReply, wire::encodePayload(std::string("no method is loaded in the host")));
        return;
    }
    bool ok = false;
    if (request.type == FrameType::Initialize) {
        const bool initialize = in.boolean();
        if ((ok = in.complete())) {
            runCall(0, [&](CallRunner& r) { return r.initialize(initialize); });
        }
    } else if (request.type == FrameType::Begin) {
        BeginRequest begin;
        if ((ok = wire::decode(in, begin) && in.complete())) {
            runCall(begin.contextTag, [&](CallRunner& r) { return r.begin(begin); });
        }
    } else if (request.type == FrameType::MakeMessage) {
        MakeMessageRequest make;
        if ((ok = wire::decode(in, make) && in.complete())) {
            runCall(make.contextTag, [&](CallRunner& r) { return r.makeMessage(make); });
        }
    } else {
        const std::uint32_t tag = in.u32();
        const std::uint64_t workBuffer = in.u64();
        if ((ok = in.complete())) {
            runCall(tag, [&](CallRunner& r) {
                CallOutcome ended = r.end(tag, workBuffer);
                tracer_.contextEnded(tag);  // before the drain: RETAINED records join this call
                return ended;
            });
        }
    }
    if (!ok) {
        reply(FrameType::ErrorReply,
              wire::encodePayload(std::string("the host received a malformed call request")));
    }
}

void HostServer::unload()
{
    FaultHandler::setRunner(nullptr);
    runner_.reset();
    library_.close();
}

}  // namespace eapscope
