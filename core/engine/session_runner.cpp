#include "engine/session_runner.h"

#include "engine/method_data.h"
#include "method/method_resolver.h"
#include "radius/udp_socket.h"
#include "report/exit_rules.h"

#include <filesystem>

namespace eapscope {

namespace {

std::string displayName(const std::string& spec, const std::string& path)
{
    const bool isPath = spec.find('/') != std::string::npos || spec.ends_with(".so");
    return isPath ? std::filesystem::path(path).filename().string() : spec;
}

}  // namespace

EngineConfig loopbackConfig(const RunOptions& options, const std::string& authPath,
                            const std::string& peerPath)
{
    EngineConfig config;
    config.authenticator.load = LoadRequest{authPath, displayName(options.authSpec, authPath), options.type};
    config.peer.load = LoadRequest{peerPath, displayName(options.peerSpec, peerPath), options.type};
    config.identity = options.identity;
    config.peerPassword = options.password;
    config.users = {{options.identity, options.authPassword.value_or(options.password)}};
    config.contexts = std::max<std::uint32_t>(1, options.contexts);
    config.interleave = options.interleave;
    config.slowCallMs = options.slowMs;
    config.dropPacket = options.dropPacket;
    return config;
}

Result<std::unique_ptr<radius::UdpSocket>> connectRadiusServer(const std::string& server,
                                                               const std::string& secret)
{
    if (secret.empty()) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "--radius needs --secret: the shared secret this NAS has with the server")));
    }
    auto endpoint = radius::parseEndpoint(server);
    if (!endpoint) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "--radius: %1"), {endpoint.errorText()}));
    }
    auto socket = radius::UdpSocket::connect(*endpoint);
    if (!socket) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "--radius: %1"), {socket.errorText()}));
    }
    return std::make_unique<radius::UdpSocket>(std::move(*socket));
}

void applyRadiusServer(EngineConfig& config, radius::RadiusTransport* transport, const std::string& server,
                       const std::string& secret, std::uint32_t timeoutMs, std::uint32_t retries,
                       Trace& trace)
{
    config.counterpart = Counterpart::RadiusServer;
    config.authenticator.executor = nullptr;
    config.radius = RadiusNasConfig{transport, server, secret, timeoutMs, retries};
    trace.setOption("radius", server);
    // Kept so that --keep-secrets files can re-check authenticators; the redactor replaces
    // it by "[REDACTED, N bytes]" otherwise (core/store/redactor.h: "secret" names a secret).
    trace.setOption("secret", secret);
    trace.setOption("radius-timeout-ms", std::to_string(timeoutMs));
    trace.setOption("radius-retries", std::to_string(retries));
}

Result<RunSummary> runSession(const RunOptions& options, Trace& trace, const ExecutorFactory& factory,
                              const RunHooks& hooks)
{
    return runContextRange(options, 0, std::max<std::uint32_t>(1, options.contexts), trace, factory, hooks);
}

Result<RunSummary> runContextRange(const RunOptions& options, std::uint32_t firstContext, std::uint32_t count,
                                   Trace& trace, const ExecutorFactory& factory, const RunHooks& hooks)
{
    const bool live = options.radius.has_value();
    auto authPath = live ? Result<std::string>(std::string()) : resolveMethodSpec(options.authSpec);
    if (!authPath) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "--auth: %1"), {authPath.errorText()}));
    }
    auto peerPath = resolveMethodSpec(options.peerSpec);
    if (!peerPath) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "--peer: %1"), {peerPath.errorText()}));
    }
    auto socket = live ? connectRadiusServer(*options.radius, options.secret)
                       : Result<std::unique_ptr<radius::UdpSocket>>(std::unique_ptr<radius::UdpSocket>());
    if (!socket) {
        return socket.failure();
    }
    std::unique_ptr<MethodExecutor> auth = live ? nullptr : factory(Side::Authenticator);
    std::unique_ptr<MethodExecutor> peer = factory(Side::Peer);
    EngineConfig config = loopbackConfig(options, *authPath, *peerPath);
    config.contexts = std::max<std::uint32_t>(1, count);
    config.firstContextNumber = firstContext;
    if (auto data = applyMethodData(options, config, trace); !data) {
        return data.failure();
    }
    config.authenticator.executor = auth.get();
    config.peer.executor = peer.get();
    if (live) {
        applyRadiusServer(config, socket->get(), *options.radius, options.secret, options.radiusTimeoutMs,
                          options.radiusRetries, trace);
    }
    // The run's options go into the session file (issue 4 part 1); passwords stay out of the
    // trace altogether, so nothing depends on redaction to keep them out of a file.
    if (!live) {
        trace.setOption("auth", options.authSpec);
    }
    trace.setOption("peer", options.peerSpec);
    if (options.type) {
        trace.setOption("type", std::to_string(*options.type));
    }
    trace.setOption("identity", options.identity);
    trace.setOption("contexts", std::to_string(config.contexts));
    trace.setOption("interleave", options.interleave ? "true" : "false");
    trace.setOption("executor", options.inProcess ? "in-process" : "isolated");
    trace.setOption("watchdog-ms", std::to_string(options.watchdogMs));
    trace.setOption("slow-ms", std::to_string(options.slowMs));
    trace.setOption("stacks", options.stacks ? "true" : "false");
    trace.setOption("guard", options.guard ? "true" : "false");
    if (options.dropPacket) {
        trace.setOption("drop-packet", std::to_string(*options.dropPacket));
    }
    // An MD5 conversation records about 40 events per context pair: reserving avoids regrowing
    // thirteen columns (page faults and copies dominated a 5000-context run).
    trace.reserve(trace.size() + std::size_t{config.contexts} * 48);
    SessionEngine engine(std::move(config), trace);
    StepResult step;
    do {
        step = engine.step();
        if (hooks.afterStep) {
            hooks.afterStep(trace);
        }
    } while (step.kind != StepKind::Finished && step.kind != StepKind::Waiting);
    RunSummary summary;
    summary.loadFailed = engine.loadFailed();
    summary.hostDied = engine.state().sides[0].dead || engine.state().sides[1].dead;
    summary.outcomes = engine.outcomes();
    summary.settleOverall();
    return summary;
}

void RunSummary::settleOverall()
{
    std::vector<std::string> names;
    names.reserve(outcomes.size());
    for (const SideOutcome& o : outcomes) {
        names.emplace_back(toString(o.outcome));
    }
    overall = overallOutcome(names);
}

}  // namespace eapscope
