#include "lesson/lesson_setup.h"

#include "capture/capture_importer.h"
#include "lesson/learner_actions.h"
#include "lesson/lesson_library.h"
#include "lesson/lesson_names.h"
#include "method/method_resolver.h"
#include "replay/replay_live.h"

namespace eapscope {

namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

Result<LoadRequest> loadRequest(const Lesson& lesson, const char* field, const std::string& name)
{
    auto path = resolveMethodSpec(name);
    if (!path) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: scenario.%2: %3"),
                                {verbatim(lesson.path), verbatim(field), path.errorText()}));
    }
    return LoadRequest{*path, name, std::nullopt};
}

Status setUpLoopback(const Lesson& lesson, const LessonValues& values, LessonSetup& setup)
{
    auto auth = loadRequest(lesson, "authenticator", lesson.scenario.authenticator);
    if (!auth) {
        return auth.failure();
    }
    auto peer = loadRequest(lesson, "peer", lesson.scenario.peer);
    if (!peer) {
        return peer.failure();
    }
    EngineConfig& c = setup.engine;
    c.authenticator.load = std::move(auth.value());
    c.peer.load = std::move(peer.value());
    c.identity = values.identity;
    c.peerPassword = values.password;
    c.peerPasswords = values.contextPasswords;
    c.users = {{values.identity, values.authPassword}};
    c.contexts = values.contexts;
    c.interleave = lesson.scenario.interleave;
    c.dropPacket = values.dropPacket;
    setup.traceOptions.insert(setup.traceOptions.begin(),
                              {{"auth", lesson.scenario.authenticator},
                               {"peer", lesson.scenario.peer},
                               {"identity", values.identity},
                               {"contexts", std::to_string(values.contexts)},
                               {"interleave", lesson.scenario.interleave ? "true" : "false"},
                               {"executor", "isolated"}});
    if (values.dropPacket) {
        setup.traceOptions.emplace_back("drop-packet", std::to_string(*values.dropPacket));
    }
    return Ok{};
}

Status setUpCapture(const Lesson& lesson, const LessonValues& values, LessonSetup& setup)
{
    const LessonScenario& s = lesson.scenario;
    auto path = resolveCapture(s.capture);
    if (!path) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: scenario.capture: %2"),
                                {verbatim(lesson.path), path.errorText()}));
    }
    setup.traceOptions.emplace_back("capture", s.capture);
    if (s.counterpart == LessonCounterpart::Capture) {
        setup.capturePath = *path;
        return Ok{};
    }
    auto capture = importCapture(*path);
    if (!capture) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: scenario.capture: %2"),
                                {verbatim(lesson.path), capture.errorText()}));
    }
    ReplayRequest request;
    request.conversation = s.conversation;
    request.role = s.replayRole;
    request.methodSpec = s.replayRole == Side::Peer ? s.peer : s.authenticator;
    request.password = values.password;
    auto plan = planReplay(std::move(capture.value()), std::move(request));
    if (!plan) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: scenario: %2"),
                                {verbatim(lesson.path), plan.errorText()}));
    }
    setup.replay = std::make_shared<const ReplayPlan>(std::move(plan.value()));
    setup.traceOptions.emplace_back(s.replayRole == Side::Peer ? "peer" : "auth",
                                    s.replayRole == Side::Peer ? s.peer : s.authenticator);
    return Ok{};
}

std::optional<std::string> option(const Trace& trace, const char* key)
{
    return trace.option(key);
}

}  // namespace

Result<LessonSetup> buildLessonSetup(const Lesson& lesson, const LessonValues& values,
                                     const std::string& learner, Language language)
{
    LessonSetup setup;
    setup.counterpart = lesson.scenario.counterpart;
    setup.host.watchdogMs = lesson.scenario.watchdogMs;
    setup.host.stacks = lesson.scenario.stacks;
    setup.host.guard = lesson.scenario.guard;
    setup.host.heapTracking = true;
    const Status made = lesson.scenario.counterpart == LessonCounterpart::Loopback
                            ? setUpLoopback(lesson, values, setup)
                            : setUpCapture(lesson, values, setup);
    if (!made) {
        return made.failure();
    }
    setup.traceOptions.emplace_back("watchdog-ms", std::to_string(lesson.scenario.watchdogMs));
    setup.traceOptions.emplace_back("lesson", lesson.id);
    setup.traceOptions.emplace_back("lesson-seed", std::to_string(values.seed));
    setup.traceOptions.emplace_back("learner", learner);
    setup.traceOptions.emplace_back("lesson-language", std::string(toString(language)));
    return setup;
}

void beginLessonTrace(Trace& trace, const Lesson& lesson, const LessonSetup& setup, std::uint64_t timeNs)
{
    for (const auto& [key, value] : setup.traceOptions) {
        trace.setOption(key, value);
    }
    recordLessonStarted(trace, lesson.id, timeNs);
}

RecordedLesson recordedLesson(const Trace& trace)
{
    RecordedLesson r;
    r.lessonId = option(trace, "lesson").value_or("");
    if (const auto seed = option(trace, "lesson-seed")) {
        r.seed = parseNumber(*seed);
    }
    r.learner = option(trace, "learner").value_or("");
    if (const auto lang = option(trace, "lesson-language")) {
        r.language = parseLanguage(*lang);
    }
    return r;
}

std::optional<std::string> scenarioMismatch(const Trace& trace, const Lesson& lesson)
{
    const RecordedLesson recorded = recordedLesson(trace);
    if (recorded.lessonId.empty()) {
        return "the session was not made for a lesson (it has no lesson option)";
    }
    if (recorded.lessonId != lesson.id) {
        return "the session was made for lesson '" + recorded.lessonId + "', not '" + lesson.id + "'";
    }
    if (!recorded.seed) {
        return "the session does not say which values its learner had (no lesson-seed)";
    }
    // The seed always comes from the learner's name (an empty name has its seed too): a copied
    // file renamed to another learner, or one whose name was blanked, keeps the seed of the
    // learner who made it and is refused.
    if (*recorded.seed != seedForLearner(recorded.learner)) {
        return "the session's seed is not the one of its learner '" + recorded.learner + "'";
    }
    const LessonValues values = resolveValues(lesson, *recorded.seed);
    const LessonScenario& s = lesson.scenario;
    std::vector<std::pair<const char*, std::string>> expected;
    if (s.counterpart == LessonCounterpart::Loopback) {
        expected = {{"auth", s.authenticator},
                    {"peer", s.peer},
                    {"identity", values.identity},
                    {"contexts", std::to_string(values.contexts)}};
        expected.emplace_back("drop-packet", values.dropPacket ? std::to_string(*values.dropPacket) : "");
    } else {
        expected = {{"capture", s.capture}};
    }
    for (const auto& [key, value] : expected) {
        const std::string got = option(trace, key).value_or("");
        if (got != value) {
            return std::string("the session's ") + key + " is '" + got +
                   "' where this lesson and learner have '" + value + "'";
        }
    }
    return std::nullopt;
}

}  // namespace eapscope
