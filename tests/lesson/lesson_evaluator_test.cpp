// The lesson evaluator (core/lesson/lesson_evaluator.h) on small hand-built sessions: for every
// condition kind and question, one session that completes the task and one that does not; then
// order, start events (Restore), hints, wrong answers, rewinds and grading from a file.
#include "lesson/lesson_evaluator.h"
#include "lesson/completion_recorder.h"
#include "lesson/learner_actions.h"
#include "lesson/lesson_answers.h"
#include "lesson/lesson_parser.h"
#include "lesson/lesson_setup.h"
#include "lesson/lesson_values.h"

#include "checker/rule_catalogue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace eapscope {
namespace {

// A session written row by row: a picture of what the engine would have recorded.
class Session {
public:
    Session()
    {
        auth1_ = trace.addContext({Side::Authenticator, 1, EventId(), StringId()});
        peer1_ = trace.addContext({Side::Peer, 1, EventId(), StringId()});
        auth2_ = trace.addContext({Side::Authenticator, 2, EventId(), StringId()});
    }

    ContextId ctx(Side side, std::uint32_t number) const
    {
        return side == Side::Peer ? peer1_ : number == 1 ? auth1_ : auth2_;
    }

    EventId call(Side side, std::uint32_t number, EntryPoint entry, std::uint8_t action = kNoAction,
                 std::uint32_t result = 0)
    {
        const EventId start = trace.append(row(EventKind::CallStart, side, number, entry));
        EventRow end = row(EventKind::CallEnd, side, number, entry);
        end.call = start;
        end.action = action;
        end.result = result;
        return trace.append(end);
    }

    EventId packet(Side from, std::uint32_t number, std::vector<std::uint8_t> bytes)
    {
        EventRow r = row(EventKind::Packet, from, number, EntryPoint::None);
        r.packet = trace.addPacket(bytes);
        return trace.append(r);
    }

    EventId identityResponse(const std::string& identity)
    {
        std::vector<std::uint8_t> p{2, 1, 0, static_cast<std::uint8_t>(5 + identity.size()), 1};
        p.insert(p.end(), identity.begin(), identity.end());
        return packet(Side::Peer, 1, p);
    }

    EventId finding(const std::string& rule, Side side, std::uint32_t number, EntryPoint entry,
                    std::optional<std::uint64_t> bytes = std::nullopt)
    {
        FindingRecord f = makeFinding(rule, side, ctx(side, number), EventId(), entry);
        f.bytes = bytes;
        trace.addFinding(f, ++time_);
        return EventId(static_cast<std::uint32_t>(trace.size() - 1));
    }

    EventId outcome(Side side, std::uint32_t number, ContextState state, std::uint32_t code)
    {
        EventRow r = row(EventKind::State, side, number, EntryPoint::None);
        r.aux = static_cast<std::uint32_t>(state);
        r.result = code;
        return trace.append(r);
    }

    EventId timer(Side side, std::uint32_t number)
    {
        return trace.append(row(EventKind::TimerFired, side, number, EntryPoint::None));
    }

    EventId note(const std::string& text)
    {
        EventRow r = row(EventKind::Note, Side::Authenticator, 1, EntryPoint::None);
        r.text = trace.intern(text);
        return trace.append(r);
    }

    std::uint64_t now() { return ++time_; }

    Trace trace;

private:
    EventRow row(EventKind kind, Side side, std::uint32_t number, EntryPoint entry)
    {
        EventRow r;
        r.timeNs = ++time_;
        r.kind = kind;
        r.side = side;
        r.entry = entry;
        r.context = ctx(side, number);
        return r;
    }

    ContextId auth1_, peer1_, auth2_;
    std::uint64_t time_ = 0;
};

const std::vector<std::uint8_t> kSuccess{3, 2, 0, 4};
const std::vector<std::uint8_t> kFailure{4, 2, 0, 4};
const std::vector<std::uint8_t> kChallenge{1, 2, 0, 6, 4, 0};
const std::vector<std::uint8_t> kNak{2, 1, 0, 6, 3, 25};
const std::vector<std::uint8_t> kPeap{2, 2, 0, 6, 25, 0};

// A lesson whose tasks have the given done-when bodies (YAML flow), in order.
Lesson lessonOf(const std::vector<std::string>& conditions)
{
    std::string text =
        "format: 1\nid: t\ntitle: {en: T, fr: T}\nsummary: {en: S, fr: S}\n"
        "scenario: {authenticator: md5, peer: md5}\ntasks:\n";
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        text += "  - id: task-" + std::to_string(i + 1) +
                "\n    text: {en: t, fr: t}\n    hint: {en: h, fr: h}\n    explanation: {en: e, fr: e}\n"
                "    feedback: {en: f, fr: f}\n    done-when: {" +
                conditions[i] + "}\n";
    }
    text += "solution:\n  - run\n";
    auto lesson = parseLesson(text, "test.lesson");
    EXPECT_TRUE(lesson) << lesson.error();
    return lesson ? *lesson : Lesson{};
}

bool done(const std::string& condition, const Trace& trace)
{
    LessonEvaluator evaluator(lessonOf({condition}));
    return evaluator.update(trace).tasks.at(0).done;
}

TEST(LessonEvaluator, Finding_ReachedOnItsSideContextAndCall)
{
    Session yes;
    yes.finding("HEAP_LEAK", Side::Authenticator, 2, EntryPoint::End, 64);
    Session no;
    no.finding("HEAP_LEAK", Side::Authenticator, 1, EntryPoint::End, 64);  // another context
    no.finding("DOUBLE_FREE", Side::Authenticator, 2, EntryPoint::End);    // another rule
    const std::string c = "finding: {rule: HEAP_LEAK, side: authenticator, context: 2, call: RasEapEnd}";
    EXPECT_TRUE(done(c, yes.trace));
    EXPECT_FALSE(done(c, no.trace));
}

TEST(LessonEvaluator, Call_ReachedWithItsAction)
{
    Session yes;
    yes.call(Side::Authenticator, 1, EntryPoint::MakeMessage, 1 /* Authenticate */);
    Session no;
    no.call(Side::Authenticator, 1, EntryPoint::MakeMessage, 5 /* SendWithTimeout */);
    no.call(Side::Peer, 1, EntryPoint::MakeMessage, 1);
    const std::string c = "call: {side: authenticator, action: Authenticate}";
    EXPECT_TRUE(done(c, yes.trace));
    EXPECT_FALSE(done(c, no.trace));
}

TEST(LessonEvaluator, Call_SelectedNeedsTheLearnersSelection)
{
    Session s;
    const EventId end = s.call(Side::Peer, 1, EntryPoint::End);
    const std::string c = "call: {side: peer, call: RasEapEnd, selected: true}";
    EXPECT_FALSE(done(c, s.trace)) << "reached is not selected";
    const EventId other = s.call(Side::Authenticator, 1, EntryPoint::End);
    recordSelection(s.trace, other, s.now());
    EXPECT_FALSE(done(c, s.trace)) << "the wrong call was selected";
    recordSelection(s.trace, end, s.now());
    EXPECT_TRUE(done(c, s.trace));
}

TEST(LessonEvaluator, Packet_ReachedAndSelected)
{
    Session s;
    const EventId success = s.packet(Side::Authenticator, 1, kSuccess);
    EXPECT_TRUE(done("packet: {code: Success, from: authenticator}", s.trace));
    EXPECT_FALSE(done("packet: {code: Failure}", s.trace));
    EXPECT_FALSE(done("packet: {code: Success, from: peer}", s.trace));
    EXPECT_FALSE(done("packet: {code: Success, selected: true}", s.trace));
    recordSelection(s.trace, success, s.now());
    EXPECT_TRUE(done("packet: {code: Success, selected: true}", s.trace));
}

TEST(LessonEvaluator, Packet_LostIsTheOneTheEngineDropped)
{
    Session s;
    const EventId kept = s.packet(Side::Authenticator, 1, kChallenge);
    const EventId lost = s.packet(Side::Authenticator, 1, kChallenge);
    s.note("fault injection: packet 2 lost");
    const std::string c = "packet: {lost: true, selected: true}";
    recordSelection(s.trace, kept, s.now());
    EXPECT_FALSE(done(c, s.trace));
    recordSelection(s.trace, lost, s.now());
    EXPECT_TRUE(done(c, s.trace));
}

TEST(LessonEvaluator, Outcome_DecidedOnItsContext)
{
    Session s;
    s.outcome(Side::Authenticator, 1, ContextState::Done, 691);
    EXPECT_TRUE(done("outcome: {side: authenticator, context: 1, is: failure}", s.trace));
    EXPECT_FALSE(done("outcome: {side: authenticator, context: 1, is: success}", s.trace));
    EXPECT_FALSE(done("outcome: {side: authenticator, context: 2}", s.trace));
    s.outcome(Side::Authenticator, 2, ContextState::Done, 0);
    EXPECT_TRUE(done("outcome: {side: authenticator, context: 2, is: success}", s.trace));
}

TEST(LessonEvaluator, Timer_FiredOnItsSide)
{
    Session s;
    EXPECT_FALSE(done("timer: {side: authenticator}", s.trace));
    s.timer(Side::Peer, 1);
    EXPECT_FALSE(done("timer: {side: authenticator}", s.trace));
    s.timer(Side::Authenticator, 1);
    EXPECT_TRUE(done("timer: {side: authenticator}", s.trace));
}

TEST(LessonEvaluator, Breakpoint_HitOfItsKindOnAMatchingEvent)
{
    Session s;
    const std::string c = "breakpoint: {kind: entry, value: RasEapEnd, side: peer}";
    const EventId authEnd = s.call(Side::Authenticator, 1, EntryPoint::End);
    recordBreakpointHit(s.trace, "entry:RasEapEnd", EventId(authEnd.value() - 1), s.now());
    EXPECT_FALSE(done(c, s.trace)) << "the authenticator's End, not the peer's";
    const EventId peerEnd = s.call(Side::Peer, 1, EntryPoint::End);
    recordBreakpointHit(s.trace, "entry:RasEapBegin", EventId(peerEnd.value() - 1), s.now());
    EXPECT_FALSE(done(c, s.trace)) << "a hit claimed for an event of another kind counts for nothing";
    recordBreakpointHit(s.trace, "entry:RasEapEnd", EventId(peerEnd.value() - 1), s.now());
    EXPECT_TRUE(done(c, s.trace));
}

struct AnswerCase {
    const char* question;
    const char* right;
    const char* wrong;
};

// One session holding something for every question kind.
Session richSession()
{
    Session s;
    s.identityResponse("Dmitri");
    s.packet(Side::Authenticator, 1, kChallenge);
    s.packet(Side::Peer, 1, kNak);
    s.packet(Side::Authenticator, 1, kChallenge);
    s.packet(Side::Peer, 1, kPeap);
    s.call(Side::Authenticator, 2, EntryPoint::Begin);
    s.finding("CROSS_CONTEXT_FREE", Side::Authenticator, 2, EntryPoint::Begin);
    s.finding("HEAP_LEAK", Side::Authenticator, 1, EntryPoint::End, 64);
    s.finding("CALL_FAILED", Side::Authenticator, 1, EntryPoint::MakeMessage);  // info: not a broken rule
    s.outcome(Side::Authenticator, 1, ContextState::Done, 691);
    s.packet(Side::Authenticator, 1, kFailure);
    return s;
}

class Answers : public ::testing::TestWithParam<AnswerCase> {};

TEST_P(Answers, RightAnswerCompletesWrongOneIsCountedWithFeedback)
{
    const AnswerCase& a = GetParam();
    const std::string condition = std::string("answer: {question: ") + a.question + "}";
    Session s = richSession();
    LessonEvaluator evaluator(lessonOf({condition}));
    recordAnswer(s.trace, "task-1", a.wrong, EventId(), s.now());
    const TaskState& wrong = evaluator.update(s.trace).tasks[0];
    EXPECT_FALSE(wrong.done) << a.wrong;
    EXPECT_TRUE(wrong.lastAnswerWrong);
    EXPECT_EQ(wrong.wrongAnswers, 1u);
    recordAnswer(s.trace, "task-1", a.right, EventId(), s.now());
    const TaskState& right = evaluator.update(s.trace).tasks[0];
    EXPECT_TRUE(right.done) << a.right << " expected one of: "
                            << ::testing::PrintToString(
                                   expectedAnswers(s.trace, evaluator.lesson().tasks[0].condition.question,
                                                   evaluator.lesson().tasks[0].condition.where));
    EXPECT_FALSE(right.lastAnswerWrong);
}

INSTANTIATE_TEST_SUITE_P(
    EveryQuestion, Answers,
    ::testing::Values(AnswerCase{"rule, about: {side: authenticator, context: 1}", "heap_leak",
                                 "CALL_FAILED"},
                      AnswerCase{"context, about: {rule: CROSS_CONTEXT_FREE}", "context 2", "1"},
                      AnswerCase{"bytes, about: {rule: HEAP_LEAK}", "64 bytes", "32"},
                      AnswerCase{"call, about: {rule: HEAP_LEAK}", "RasEapEnd", "RasEapBegin"},
                      AnswerCase{"identity", "dmitri", "alice"}, AnswerCase{"method", "EAP-PEAP", "MD5"},
                      AnswerCase{"outcome", "échec", "success"},
                      AnswerCase{"count, about: {code: Request, from: authenticator}", "2", "3"},
                      AnswerCase{"result-code, about: {side: authenticator}", "691", "0"}),
    [](const ::testing::TestParamInfo<AnswerCase>& param) {
        std::string name = param.param.question;
        name = name.substr(0, name.find(','));
        for (char& c : name) {
            c = c == '-' ? '_' : c;
        }
        return name;
    });

TEST(LessonEvaluator, PacketQuestion_IsAnsweredBySelection)
{
    Session s = richSession();
    LessonEvaluator evaluator(lessonOf({"answer: {question: packet, about: {code: Response, type: Nak}}"}));
    recordAnswer(s.trace, "task-1", "", EventId(1), s.now());  // the challenge
    EXPECT_FALSE(evaluator.update(s.trace).tasks[0].done);
    recordAnswer(s.trace, "task-1", "", EventId(2), s.now());  // the Nak
    EXPECT_TRUE(evaluator.update(s.trace).tasks[0].done);
}

TEST(LessonEvaluator, AnswerIsJudgedOnWhatHadHappenedWhenItWasGiven)
{
    Session s;
    recordAnswer(s.trace, "task-1", "64", EventId(), s.now());  // before the leak exists
    s.finding("HEAP_LEAK", Side::Authenticator, 1, EntryPoint::End, 64);
    LessonEvaluator evaluator(lessonOf({"answer: {question: bytes, about: {rule: HEAP_LEAK}}"}));
    EXPECT_FALSE(evaluator.update(s.trace).tasks[0].done) << "a guess made before the fact is not an answer";
}

TEST(LessonEvaluator, TasksCompleteInOrderAndEachStartsWhereThePreviousEnded)
{
    Session s;
    const Lesson lesson = lessonOf({"packet: {code: Success, selected: true}", "finding: {rule: HEAP_LEAK}"});
    recordLessonStarted(s.trace, "t", s.now());
    s.finding("HEAP_LEAK", Side::Authenticator, 1, EntryPoint::End, 64);  // task 2 reached early
    const EventId success = s.packet(Side::Authenticator, 1, kSuccess);
    LessonEvaluator evaluator(lesson);
    const LessonProgress& before = evaluator.update(s.trace);
    EXPECT_EQ(before.current, 0u);
    EXPECT_FALSE(before.tasks[1].done) << "task 2 waits for task 1";
    EXPECT_EQ(before.tasks[0].startEvents, 1u) << "the first task starts after the LessonStarted row";
    recordHint(s.trace, "task-1", s.now());
    const EventId selection = recordSelection(s.trace, success, s.now());
    const LessonProgress& after = evaluator.update(s.trace);
    ASSERT_TRUE(after.complete());
    EXPECT_EQ(after.tasks[0].completed, selection);
    EXPECT_EQ(after.tasks[0].hints, 1u);
    EXPECT_EQ(after.tasks[1].started, selection) << "task 2 starts where task 1 was completed";
    EXPECT_EQ(after.tasks[1].startEvents, selection.value() + 1u);
    EXPECT_EQ(after.tasks[1].completed, selection) << "reached before, so done as soon as it is current";
    EXPECT_FALSE(after.current);
    EXPECT_EQ(after.records().size(), 2u);
}

TEST(LessonEvaluator, HintsOfOtherTasksOrBeforeTheStartDoNotCount)
{
    Session s;
    const Lesson lesson = lessonOf({"packet: {code: Success}", "packet: {code: Failure}"});
    recordHint(s.trace, "task-2", s.now());
    recordLessonStarted(s.trace, "t", s.now());
    recordHint(s.trace, "task-1", s.now());
    recordHint(s.trace, "task-1", s.now());
    s.packet(Side::Authenticator, 1, kSuccess);
    recordHint(s.trace, "task-2", s.now());
    LessonEvaluator evaluator(lesson);
    const LessonProgress& p = evaluator.update(s.trace);
    EXPECT_EQ(p.tasks[0].hints, 2u);
    EXPECT_EQ(p.tasks[1].hints, 1u);
}

TEST(LessonEvaluator, RewindAfterStepBack_UndoesWhatWasCut)
{
    Session s;
    LessonEvaluator evaluator(lessonOf({"packet: {code: Success}"}));
    s.packet(Side::Authenticator, 1, kChallenge);
    const std::size_t cut = s.trace.size();
    s.packet(Side::Authenticator, 1, kSuccess);
    ASSERT_TRUE(evaluator.update(s.trace).tasks[0].done);
    s.trace.truncate(cut);
    evaluator.rewind(cut);
    EXPECT_FALSE(evaluator.update(s.trace).tasks[0].done);
    s.packet(Side::Authenticator, 1, kSuccess);
    EXPECT_TRUE(evaluator.update(s.trace).tasks[0].done);
}

std::vector<std::string> completionRows(const Trace& trace)
{
    std::vector<std::string> tasks;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const auto e = learnerEvent(trace, EventId(static_cast<std::uint32_t>(i)));
        if (e && e->action == LearnerAction::TaskCompleted) {
            tasks.push_back(e->task);
        }
    }
    return tasks;
}

TEST(CompletionRecorder, OneRowPerDoneTask_AgainWhenAStepBackCutItButKeptTheCompletion)
{
    using Rows = std::vector<std::string>;
    Session s;
    CompletionRecorder recorder(lessonOf({"packet: {code: Success}", "answer: {question: identity}"}));
    recordLessonStarted(s.trace, "t", s.now());
    s.identityResponse("Dmitri");
    EXPECT_EQ(recorder.note(s.trace, s.now()), 0u);
    s.packet(Side::Authenticator, 1, kSuccess);
    EXPECT_EQ(recorder.note(s.trace, s.now()), 1u);
    EXPECT_EQ(recorder.note(s.trace, s.now()), 0u) << "noted once";
    recordAnswer(s.trace, "task-2", "dmitri", EventId(), s.now());
    const std::size_t answered = s.trace.size();
    recorder.note(s.trace, s.now());
    EXPECT_EQ(completionRows(s.trace), (Rows{"task-1", "task-2"}));
    // A step back (Restore) to just after the answer: the answer stays, its row went.
    s.trace.truncate(answered);
    recorder.truncated();
    EXPECT_EQ(recorder.note(s.trace, s.now()), 1u);
    EXPECT_EQ(completionRows(s.trace), (Rows{"task-1", "task-2"}));
    // A step back before the answer: task 2 is not done, nothing to write.
    s.trace.truncate(answered - 1);
    recorder.truncated();
    EXPECT_EQ(recorder.note(s.trace, s.now()), 0u);
    EXPECT_EQ(completionRows(s.trace), (Rows{"task-1"}));
}

TEST(CompletionRecorder, ARerunThatReplayedTheRowsAddsNone)
{
    Session original;
    const Lesson lesson = lessonOf({"packet: {code: Success}"});
    recordLessonStarted(original.trace, "t", original.now());
    original.packet(Side::Authenticator, 1, kSuccess);
    recordTaskCompleted(original.trace, "task-1", original.now());  // replayed from the prefix
    CompletionRecorder recorder(lesson);
    EXPECT_EQ(recorder.note(original.trace, original.now()), 0u);
    EXPECT_EQ(completionRows(original.trace), std::vector<std::string>{"task-1"});
}

TEST(LessonEvaluator, MalformedLearnerRowsCountForNothing)
{
    Session s;
    EventRow bogus;
    bogus.kind = EventKind::Learner;
    bogus.aux = 99;  // no such action
    s.trace.append(bogus);
    EventRow forward;
    forward.kind = EventKind::Learner;
    forward.aux = static_cast<std::uint32_t>(LearnerAction::Select);
    forward.a = 1000;  // refers to an event after itself
    s.trace.append(forward);
    EXPECT_FALSE(learnerEvent(s.trace, EventId(0)));
    EXPECT_FALSE(learnerEvent(s.trace, EventId(1)));
    EXPECT_FALSE(done("packet: {code: Success, selected: true}", s.trace));
}

TEST(LessonEvaluator, SessionOfAnotherLessonOrLearnerIsAMismatch)
{
    const Lesson lesson = lessonOf({"packet: {code: Success}"});
    Session s;
    s.packet(Side::Authenticator, 1, kSuccess);
    EXPECT_FALSE(evaluateLesson(lesson, s.trace).complete()) << "no lesson recorded";
    EXPECT_NE(evaluateLesson(lesson, s.trace).mismatch.find("not made for a lesson"), std::string::npos);
    auto setup = buildLessonSetup(lesson, resolveValues(lesson, seedForLearner("zoe")), "zoe");
    ASSERT_TRUE(setup) << setup.error();
    Trace other = s.trace;
    beginLessonTrace(s.trace, lesson, *setup, 100);
    EXPECT_TRUE(evaluateLesson(lesson, s.trace).complete()) << evaluateLesson(lesson, s.trace).mismatch;
    other.setOption("lesson", "another");
    EXPECT_NE(evaluateLesson(lesson, other).mismatch.find("made for lesson 'another'"), std::string::npos);
    s.trace.setOption("learner", "yann");  // copied a neighbour's file and renamed the learner
    EXPECT_NE(evaluateLesson(lesson, s.trace).mismatch.find("seed is not the one of its learner"),
              std::string::npos);
    s.trace.setOption("learner", "");  // or blanked the name
    EXPECT_NE(evaluateLesson(lesson, s.trace).mismatch.find("seed is not the one of its learner"),
              std::string::npos);
}

}  // namespace
}  // namespace eapscope
