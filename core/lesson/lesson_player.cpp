#include "lesson/lesson_player.h"

#include "capture/capture_importer.h"
#include "capture/capture_trace.h"
#include "engine/session_engine.h"
#include "host/host_executor.h"
#include "lesson/breakpoint_spec.h"
#include "lesson/learner_actions.h"
#include "lesson/lesson_answers.h"
#include "lesson/lesson_setup.h"
#include "lesson/lesson_values.h"
#include "method/in_process_executor.h"
#include "replay/replay_live.h"
#include "store/session_recorder.h"

#include <array>
#include <filesystem>
#include <unordered_map>

namespace eapscope {

namespace {

// A person steps between calls; the engine's own actions run within the step that leads to
// the next call (as the GUI's F10 does). The bound only stops a broken state machine.
constexpr int kMaxEngineActionsPerCall = 10000;
// `run` and `continue` give up after this many calls: a lesson session has tens of calls, so
// this only catches a solution that waits for a breakpoint that never comes.
constexpr int kMaxCallsPerContinue = 100000;

class Player {
public:
    Player(const Lesson& lesson, const PlayOptions& options)
        : lesson_(lesson), options_(options), evaluator_(lesson)
    {
    }

    Result<PlayResult> play();

private:
    Status start();
    Status startEngine(const LessonSetup& setup);
    void apply(const SolutionStep& step, std::size_t index);
    bool oneCall();
    void stepCalls(std::uint32_t count, const std::string& where);
    void continueTo(const std::string& spec, const std::string& where);
    void runToEnd();
    void fireTimeout(const std::string& where);
    Status fireGuarded();
    void select(const SolutionStep& step, const std::string& where);
    void answer(const SolutionStep& step, const std::string& where);
    std::optional<EventId> nthMatching(ConditionKind kind, const EventFilter& filter,
                                       std::uint32_t nth) const;
    std::optional<EventId> firstNotMatching(ConditionKind kind, const EventFilter& filter) const;
    void afterAction();
    bool firstTaskDone() { return evaluator_.update(result_.trace).tasks.front().done; }
    void undoTo(std::size_t events);
    std::uint64_t now();
    std::uint64_t liveBytes(ContextId context) const;
    void trackHeap(std::size_t from);

    const Lesson& lesson_;
    PlayOptions options_;
    LessonValues values_;
    LessonEvaluator evaluator_;
    PlayResult result_;
    std::array<std::unique_ptr<MethodExecutor>, 2> executors_;
    std::unique_ptr<SessionEngine> engine_;
    std::unique_ptr<ReplayTracker> replay_;
    std::unique_ptr<SessionRecorder> recorder_;
    std::size_t reportedDone_ = 0;
    bool engineStopped_ = false;  // negated first task: the engine halted before satisfying it
    // live heap per context for live-heap breakpoints: address -> (context, size)
    std::unordered_map<std::uint64_t, std::pair<ContextId, std::uint64_t>> blocks_;
    std::unordered_map<std::uint32_t, std::uint64_t> live_;
    std::size_t heapScanned_ = 0;
};

std::unique_ptr<MethodExecutor> makeExecutor(const PlayOptions& options, const HostOptions& host)
{
    if (options.inProcess) {
        return std::make_unique<InProcessExecutor>();
    }
    return std::make_unique<HostExecutor>(host);
}

Status Player::startEngine(const LessonSetup& setup)
{
    EngineConfig config;
    if (setup.replay) {
        const std::size_t side = setup.replay->request.role == Side::Authenticator ? 0 : 1;
        executors_[side] = makeExecutor(options_, setup.host);
        config = replayConfig(setup.replay->script, setup.replay->request, *executors_[side],
                              setup.replay->methodPath);
        replay_ = std::make_unique<ReplayTracker>(setup.replay);
    } else {
        config = setup.engine;
        executors_[0] = makeExecutor(options_, setup.host);
        executors_[1] = makeExecutor(options_, setup.host);
        config.authenticator.executor = executors_[0].get();
        config.peer.executor = executors_[1].get();
    }
    config.autoFireTimeouts = false;  // as in the GUI: the learner fires timeouts
    engine_ = std::make_unique<SessionEngine>(std::move(config), result_.trace);
    return Ok{};
}

Status Player::start()
{
    values_ = resolveValues(lesson_, options_.seed);
    auto setup = buildLessonSetup(lesson_, values_, options_.learner);
    if (!setup) {
        return setup.failure();
    }
    if (setup->counterpart == LessonCounterpart::Capture) {
        auto capture = importCapture(setup->capturePath);
        if (!capture) {
            return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: scenario.capture: %2"),
                                    {verbatim(lesson_.path), capture.errorText()}));
        }
        result_.trace = captureToTrace(*capture);
    } else if (auto started = startEngine(*setup); !started) {
        return started;
    }
    if (!options_.recordPath.empty()) {
        auto recorder = SessionRecorder::start(options_.recordPath, false);
        if (!recorder) {
            return recorder.failure();
        }
        recorder_ = std::move(recorder.value());
    }
    beginLessonTrace(result_.trace, lesson_, *setup, now());
    recordTaskShown(result_.trace, lesson_.tasks.front().id, now());
    return Ok{};
}

std::uint64_t Player::now()
{
    if (engine_) {
        return engine_->timestampNs();
    }
    return result_.trace.empty() ? 0 : result_.trace.times().back();
}

bool Player::oneCall()
{
    if (!engine_ || engineStopped_ || engine_->finished()) {
        return false;
    }
    const std::size_t before = result_.trace.size();
    StepResult step;
    for (int i = 0; i < kMaxEngineActionsPerCall; ++i) {
        step = engine_->step();
        if (step.kind != StepKind::EngineAction && step.kind != StepKind::TimerFired) {
            break;
        }
    }
    if (replay_) {
        replay_->update(result_.trace, engine_->finished());
    }
    if (options_.negateFirstTask && firstTaskDone()) {
        undoTo(before);  // the wrong solution stops just before the first task would hold
        engineStopped_ = true;
        return false;
    }
    return step.kind != StepKind::Waiting && step.kind != StepKind::Finished;
}

void Player::undoTo(std::size_t events)
{
    result_.trace.truncate(events);
    evaluator_.rewind(events);
    evaluator_.update(result_.trace);
    if (recorder_) {
        recorder_->rewind(result_.trace);
    }
}

void Player::stepCalls(std::uint32_t count, const std::string& where)
{
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!engine_ || engine_->finished()) {
            if (!options_.negateFirstTask) {
                result_.problems.push_back(where + ": the session ended before " + std::to_string(count) +
                                           " calls");
            }
            return;
        }
        oneCall();
    }
}

void Player::trackHeap(std::size_t from)
{
    const Trace& t = result_.trace;
    for (std::size_t i = std::max(from, heapScanned_); i < t.size(); ++i) {
        const EventKind k = t.kinds()[i];
        if (k == EventKind::HeapAlloc && t.contextsColumn()[i].valid()) {
            blocks_[t.as()[i]] = {t.contextsColumn()[i], t.bs()[i]};
            live_[t.contextsColumn()[i].value()] += t.bs()[i];
        } else if (k == EventKind::HeapFree) {
            if (auto it = blocks_.find(t.as()[i]); it != blocks_.end()) {
                live_[it->second.first.value()] -=
                    std::min(live_[it->second.first.value()], it->second.second);
                blocks_.erase(it);
            }
        }
    }
    heapScanned_ = t.size();
}

std::uint64_t Player::liveBytes(ContextId context) const
{
    const auto it = context.valid() ? live_.find(context.value()) : live_.end();
    return it == live_.end() ? 0 : it->second;
}

void Player::continueTo(const std::string& spec, const std::string& where)
{
    const auto bp = parseBreakpointSpec(spec);
    if (!bp) {
        result_.problems.push_back(where + ": " + bp.error());
        return;
    }
    recordBreakpointSet(result_.trace, spec, now());
    for (int calls = 0; calls < kMaxCallsPerContinue; ++calls) {
        const std::size_t first = result_.trace.size();
        const bool more = oneCall();
        if (result_.trace.size() < first) {
            return;  // undone (wrong solution)
        }
        for (std::size_t i = first; i < result_.trace.size(); ++i) {
            trackHeap(i);
            const EventId id(static_cast<std::uint32_t>(i));
            if (bp->matches(result_.trace, id, liveBytes(result_.trace.contextsColumn()[i]))) {
                const std::size_t before = result_.trace.size();
                recordBreakpointHit(result_.trace, bp->toString(), id, now());
                if (options_.negateFirstTask && firstTaskDone()) {
                    undoTo(before);
                    engineStopped_ = true;
                }
                return;
            }
        }
        if (!more) {
            if (engine_ && engine_->timerArmed() && !engineStopped_) {
                (void)fireGuarded();
                continue;
            }
            break;
        }
    }
    if (!engineStopped_) {
        result_.problems.push_back(where + ": breakpoint " + spec + " was never hit");
    }
}

void Player::runToEnd()
{
    for (int calls = 0; calls < kMaxCallsPerContinue; ++calls) {
        if (!engine_ || engineStopped_ || engine_->finished()) {
            return;
        }
        const std::size_t before = result_.trace.size();
        if (oneCall() || engineStopped_ || engine_->finished()) {
            continue;
        }
        if (engine_->timerArmed()) {
            (void)fireGuarded();  // a person would press "fire timeout" here
        } else if (result_.trace.size() == before) {
            return;  // waiting for a person with nothing armed: nothing more can happen
        }
    }
}

Status Player::fireGuarded()
{
    const std::size_t before = result_.trace.size();
    Status fired = engine_->fireTimeout();
    if (fired && options_.negateFirstTask && firstTaskDone()) {
        undoTo(before);
        engineStopped_ = true;
    }
    return fired;
}

void Player::fireTimeout(const std::string& where)
{
    if (!engine_ || engineStopped_) {
        return;
    }
    if (auto fired = fireGuarded(); !fired) {
        result_.problems.push_back(where + ": " + fired.error());
    }
}

std::optional<EventId> Player::nthMatching(ConditionKind kind, const EventFilter& filter,
                                           std::uint32_t nth) const
{
    std::uint32_t seen = 0;
    for (std::size_t i = 0; i < result_.trace.size(); ++i) {
        const EventId id(static_cast<std::uint32_t>(i));
        if (eventMatches(result_.trace, id, kind, filter) && ++seen == nth) {
            return id;
        }
    }
    return std::nullopt;
}

std::optional<EventId> Player::firstNotMatching(ConditionKind kind, const EventFilter& filter) const
{
    // A wrong selection: an event of the same kind that does not match, else any engine event.
    const EventKind wanted = kind == ConditionKind::Packet ? EventKind::Packet
                             : kind == ConditionKind::Call ? EventKind::CallEnd
                                                           : EventKind::Finding;
    std::optional<EventId> fallback;
    for (std::size_t i = 0; i < result_.trace.size(); ++i) {
        const EventId id(static_cast<std::uint32_t>(i));
        if (eventMatches(result_.trace, id, kind, filter) || result_.trace.kinds()[i] == EventKind::Learner) {
            continue;
        }
        if (result_.trace.kinds()[i] == wanted) {
            return id;
        }
        fallback = fallback ? fallback : std::optional(id);
    }
    return fallback;
}

void Player::select(const SolutionStep& step, const std::string& where)
{
    const auto target = nthMatching(step.selectKind, step.where, step.nth);
    if (!target) {
        result_.problems.push_back(where + ": no " + std::string(toString(step.selectKind)) + " number " +
                                   std::to_string(step.nth) + " matches the selection");
        return;
    }
    const std::size_t before = result_.trace.size();
    recordSelection(result_.trace, *target, now());
    if (options_.negateFirstTask && firstTaskDone()) {
        undoTo(before);
        if (const auto wrong = firstNotMatching(step.selectKind, step.where)) {
            recordSelection(result_.trace, *wrong, now());
        }
    }
}

void Player::answer(const SolutionStep& step, const std::string& where)
{
    EventId selected;
    std::string text;
    if (step.value) {
        text = expandValues(*step.value, values_);
    } else {
        const auto target = nthMatching(step.selectKind, step.where, 1);
        if (!target) {
            result_.problems.push_back(where + ": no event matches the answer's selection");
            return;
        }
        selected = *target;
        recordSelection(result_.trace, selected, now());
    }
    const std::size_t before = result_.trace.size();
    recordAnswer(result_.trace, step.task, text, selected, now());
    if (options_.negateFirstTask && firstTaskDone()) {
        undoTo(before);
        const TaskCondition& c = lesson_.tasks[*lesson_.taskIndex(step.task)].condition;
        if (c.question == QuestionKind::Packet) {
            const auto wrong = firstNotMatching(ConditionKind::Packet, c.where);
            recordAnswer(result_.trace, step.task, "", wrong.value_or(EventId()), now());
        } else {
            recordAnswer(result_.trace, step.task, wrongAnswer(result_.trace, c.question, c.where), EventId(),
                         now());
        }
    }
}

void Player::apply(const SolutionStep& step, std::size_t index)
{
    const std::string where =
        lesson_.path + ":" + std::to_string(step.pos.line) + ": solution[" + std::to_string(index) + "]";
    using Kind = SolutionStep::Kind;
    const bool needsEngine = step.kind == Kind::Step || step.kind == Kind::Continue ||
                             step.kind == Kind::Run || step.kind == Kind::FireTimeout;
    if (needsEngine && !engine_) {
        result_.problems.push_back(where + ": a capture lesson runs no method; use select, answer and hint");
        return;
    }
    switch (step.kind) {
        case Kind::Step:
            stepCalls(step.count, where);
            break;
        case Kind::Continue:
            if (step.breakpoint.empty()) {
                runToEnd();
            } else {
                continueTo(step.breakpoint, where);
            }
            break;
        case Kind::Run:
            runToEnd();
            break;
        case Kind::FireTimeout:
            fireTimeout(where);
            break;
        case Kind::Select:
            select(step, where);
            break;
        case Kind::Answer:
            answer(step, where);
            break;
        case Kind::Hint:
            recordHint(result_.trace, step.task, now());
            break;
    }
}

// Records TaskCompleted / TaskShown as the GUI does, and flushes the recording.
void Player::afterAction()
{
    const LessonProgress& progress = evaluator_.update(result_.trace);
    while (reportedDone_ < progress.tasks.size() && progress.tasks[reportedDone_].done) {
        const std::string id = progress.tasks[reportedDone_].id;
        result_.completionOrder.push_back(id);
        recordTaskCompleted(result_.trace, id, now());
        if (++reportedDone_ < progress.tasks.size()) {
            recordTaskShown(result_.trace, lesson_.tasks[reportedDone_].id, now());
        }
    }
    result_.trace.setLessonProgress(evaluator_.update(result_.trace).records());
    if (recorder_) {
        (void)recorder_->onStep(result_.trace);
    }
}

Result<PlayResult> Player::play()
{
    if (auto started = start(); !started) {
        return started.failure();
    }
    afterAction();
    for (std::size_t i = 0; i < lesson_.solution.size(); ++i) {
        apply(lesson_.solution[i], i);
        afterAction();
    }
    result_.progress = evaluator_.update(result_.trace);
    result_.trace.setLessonProgress(result_.progress.records());
    if (recorder_) {
        if (auto finished = recorder_->finish(result_.trace); !finished) {
            result_.problems.push_back(options_.recordPath + ": " + finished.error());
        }
    }
    engine_.reset();
    for (auto& executor : executors_) {
        if (executor) {
            executor->unload();
        }
    }
    return std::move(result_);
}

std::string firstUnfinished(const LessonProgress& progress)
{
    for (const TaskState& t : progress.tasks) {
        if (!t.done) {
            return t.id;
        }
    }
    return {};
}

}  // namespace

Result<PlayResult> playSolution(const Lesson& lesson, const PlayOptions& options)
{
    if (lesson.tasks.empty()) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: the lesson has no task"),
                                {verbatim(lesson.path)}));
    }
    Player player(lesson, options);
    return player.play();
}

VerifyReport verifyLesson(const Lesson& lesson, const std::string& recordDir, const std::string& learner)
{
    VerifyReport report;
    report.lessonId = lesson.id;
    report.tasks = lesson.tasks.size();
    PlayOptions good;
    good.learner = learner;
    good.seed = seedForLearner(good.learner);
    PlayOptions wrong = good;
    wrong.negateFirstTask = true;
    if (!recordDir.empty()) {
        good.recordPath = (std::filesystem::path(recordDir) / (lesson.id + ".eapscope")).string();
        wrong.recordPath = (std::filesystem::path(recordDir) / (lesson.id + "-wrong.eapscope")).string();
        report.recordedSolution = good.recordPath;
        report.recordedWrong = wrong.recordPath;
    }
    auto played = playSolution(lesson, good);
    if (!played) {
        report.problems.push_back(played.error());
        return report;
    }
    report.problems = played->problems;
    // Graded like a learner's session: from the recorded events alone.
    const LessonProgress graded = evaluateLesson(lesson, played->trace);
    report.tasksDoneBySolution = graded.doneCount;
    if (!graded.mismatch.empty()) {
        report.problems.push_back(lesson.path +
                                  ": the solution's session does not fit the lesson: " + graded.mismatch);
    }
    if (const std::string first = firstUnfinished(graded); !first.empty()) {
        report.problems.push_back(lesson.path + ": the solution does not complete task '" + first + "'");
    }
    for (std::size_t i = 0; i < played->completionOrder.size(); ++i) {
        if (i >= lesson.tasks.size() || played->completionOrder[i] != lesson.tasks[i].id) {
            report.problems.push_back(lesson.path + ": tasks completed out of order at '" +
                                      played->completionOrder[i] + "'");
            break;
        }
    }
    auto negated = playSolution(lesson, wrong);
    if (!negated) {
        report.problems.push_back("wrong solution: " + negated.error());
        return report;
    }
    const LessonProgress wrongGraded = evaluateLesson(lesson, negated->trace);
    report.wrongSolutionFirstUnfinished = firstUnfinished(wrongGraded);
    report.wrongSolutionRefused =
        !wrongGraded.complete() && report.wrongSolutionFirstUnfinished == lesson.tasks[0].id;
    if (!report.wrongSolutionRefused) {
        report.problems.push_back(lesson.path +
                                  ": a session with the first task's condition negated still passes "
                                  "task '" +
                                  lesson.tasks[0].id + "'");
    }
    return report;
}

}  // namespace eapscope
