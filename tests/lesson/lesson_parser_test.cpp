// The lesson file format (core/lesson/lesson_parser.h): a good file reads into the model, and
// each kind of mistake a trainer makes is refused with FILE:LINE:COLUMN and the field.
#include "lesson/lesson_parser.h"
#include "lesson/lesson_values.h"

#include <gtest/gtest.h>

#include <string>

namespace eapscope {
namespace {

const char* kGood = R"(format: 1
id: sample
title: {en: "A title", fr: "Un titre"}
summary: {en: "What it is", fr: "Ce que c'est"}
scenario:
  counterpart: loopback
  authenticator: training-heap-leak
  peer: md5
  password: secret
  contexts: 2
  interleave: true
  vary:
    identity: [alice, bruno]
    contexts: [2, 3]
tasks:
  - id: find-leak
    text: {en: "Find it", fr: "Trouvez-la"}
    hint: {en: "Look", fr: "Regardez"}
    explanation: {en: "Because", fr: "Parce que"}
    done-when:
      finding: {rule: HEAP_LEAK, side: authenticator, context: 1, call: RasEapEnd}
  - id: how-many
    text: {en: "How many bytes?", fr: "Combien d'octets ?"}
    hint: {en: "Read it", fr: "Lisez"}
    explanation: {en: "64", fr: "64"}
    feedback: {en: "No", fr: "Non"}
    done-when:
      answer: {question: bytes, about: {rule: HEAP_LEAK, context: 1}}
  - id: select-success
    text: {en: "Select", fr: "Sélectionnez"}
    hint: {en: "h", fr: "h"}
    explanation: {en: "e", fr: "e"}
    feedback: {en: "No", fr: "Non"}
    done-when:
      packet: {code: Success, from: authenticator, selected: true}
  - id: stop-at-end
    text: {en: "Break", fr: "Arrêtez"}
    hint: {en: "F9", fr: "F9"}
    explanation: {en: "e", fr: "e"}
    done-when:
      breakpoint: {kind: entry, value: RasEapEnd, side: peer}
solution:
  - continue: entry:RasEapEnd
  - step: 2
  - run
  - select: {packet: {code: Success}, nth: 1}
  - answer: {task: how-many, value: "64"}
  - hint: how-many
)";

// The good file with one line replaced (the line containing `from`).
std::string withLine(const std::string& from, const std::string& to)
{
    std::string text = kGood;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    return text;
}

std::string errorOf(const std::string& text)
{
    auto lesson = parseLesson(text, "sample.lesson");
    EXPECT_FALSE(lesson) << "accepted a broken lesson";
    return lesson ? std::string() : lesson.error();
}

TEST(LessonParser, GoodFile_ReadsEveryPart)
{
    auto lesson = parseLesson(kGood, "sample.lesson");
    ASSERT_TRUE(lesson) << lesson.error();
    EXPECT_EQ(lesson->id, "sample");
    EXPECT_EQ(lesson->title.fr, "Un titre");
    EXPECT_EQ(lesson->scenario.authenticator, "training-heap-leak");
    EXPECT_EQ(lesson->scenario.contexts, 2u);
    EXPECT_TRUE(lesson->scenario.interleave);
    EXPECT_EQ(lesson->scenario.varyIdentity.choices, (std::vector<std::string>{"alice", "bruno"}));
    ASSERT_EQ(lesson->tasks.size(), 4u);
    const TaskCondition& leak = lesson->tasks[0].condition;
    EXPECT_EQ(leak.kind, ConditionKind::Finding);
    EXPECT_EQ(leak.where.rule, "HEAP_LEAK");
    EXPECT_EQ(leak.where.side, Side::Authenticator);
    EXPECT_EQ(leak.where.context, 1u);
    EXPECT_EQ(leak.where.entry, EntryPoint::End);
    EXPECT_EQ(lesson->tasks[0].pos.line, 16);
    EXPECT_EQ(lesson->tasks[1].condition.question, QuestionKind::ByteCount);
    EXPECT_TRUE(lesson->tasks[2].condition.selected);
    EXPECT_EQ(lesson->tasks[2].condition.where.code, 3);
    EXPECT_EQ(lesson->tasks[3].condition.breakpointKind, "entry");
    ASSERT_EQ(lesson->solution.size(), 6u);
    EXPECT_EQ(lesson->solution[0].kind, SolutionStep::Kind::Continue);
    EXPECT_EQ(lesson->solution[1].count, 2u);
    EXPECT_EQ(lesson->solution[4].value, "64");
}

TEST(LessonParser, UnknownKey_NamesFileLineAndField)
{
    const std::string e = errorOf(withLine("  interleave: true", "  interleaved: true"));
    EXPECT_NE(e.find("sample.lesson:11:3: scenario.interleaved: unknown key 'interleaved'"),
              std::string::npos)
        << e;
}

TEST(LessonParser, MissingFrench_NamesTheTextField)
{
    const std::string e =
        errorOf(withLine(R"(text: {en: "Find it", fr: "Trouvez-la"})", R"(text: {en: "Find it"})"));
    EXPECT_NE(e.find("sample.lesson:17:11: tasks[0].text: missing the French text (fr)"), std::string::npos)
        << e;
}

TEST(LessonParser, UnknownRule_NamesTheRuleField)
{
    const std::string e = errorOf(withLine("rule: HEAP_LEAK, side", "rule: HEAP_LEEK, side"));
    EXPECT_NE(e.find("sample.lesson:21:23: tasks[0].done-when.finding.rule: 'HEAP_LEEK' is not a rule"),
              std::string::npos)
        << e;
}

TEST(LessonParser, WrongValueType_NamesTheField)
{
    const std::string e = errorOf(withLine("  contexts: 2\n", "  contexts: many\n"));
    EXPECT_NE(e.find("sample.lesson:10:13: scenario.contexts: expected a whole number"), std::string::npos)
        << e;
}

TEST(LessonParser, UnknownSide_NamesTheField)
{
    const std::string e = errorOf(withLine("from: authenticator, selected", "from: server-side, selected"));
    EXPECT_NE(e.find("tasks[2].done-when.packet.from: 'server-side' is not a side"), std::string::npos) << e;
}

TEST(LessonParser, DuplicateTaskId_IsRefused)
{
    const std::string e = errorOf(withLine("- id: how-many", "- id: find-leak"));
    EXPECT_NE(e.find("tasks[1].id: task id 'find-leak' is used twice"), std::string::npos) << e;
}

TEST(LessonParser, SolutionNamingUnknownTask_IsRefused)
{
    const std::string e = errorOf(withLine("  - hint: how-many", "  - hint: how-few"));
    EXPECT_NE(e.find("solution[5]: names task 'how-few'"), std::string::npos) << e;
}

TEST(LessonParser, AnswerTaskWithoutFeedback_IsRefused)
{
    const std::string e =
        errorOf(withLine("    feedback: {en: \"No\", fr: \"Non\"}\n    done-when:\n      answer",
                         "    done-when:\n      answer"));
    EXPECT_NE(e.find("tasks[1]: a task the learner answers needs 'feedback'"), std::string::npos) << e;
}

TEST(LessonParser, NewerFormat_IsRefusedWithBothVersions)
{
    const std::string e = errorOf(withLine("format: 1", "format: 2"));
    EXPECT_NE(e.find("sample.lesson:1:9: format: format 2 is not one this EapScope reads (1)"),
              std::string::npos)
        << e;
}

TEST(LessonParser, MethodPath_IsRefused)
{
    const std::string e = errorOf(withLine("peer: md5", "peer: ./libmine.so"));
    EXPECT_NE(e.find("scenario.peer: name a bundled method"), std::string::npos) << e;
}

TEST(LessonParser, CorruptYaml_NamesLineAndColumn)
{
    const std::string e = errorOf("format: 1\nid: [unclosed\n");
    EXPECT_EQ(e.rfind("sample.lesson:", 0), 0u) << e;
    EXPECT_NE(e.find("not a valid lesson file (YAML)"), std::string::npos) << e;
}

TEST(LessonParser, NotAMapping_IsRefused)
{
    EXPECT_NE(errorOf("- just\n- a list\n").find("sample.lesson:1:1: not a lesson file"), std::string::npos);
    EXPECT_NE(errorOf("").find("not a lesson file"), std::string::npos);
}

TEST(LessonParser, UnreadableFile_NamesIt)
{
    auto lesson = loadLesson("/nonexistent/dir/x.lesson");
    ASSERT_FALSE(lesson);
    EXPECT_NE(lesson.error().find("/nonexistent/dir/x.lesson: cannot read"), std::string::npos);
}

TEST(LessonValues, SeedFollowsTheLearnerNameAndPicksFromTheChoices)
{
    auto lesson = parseLesson(kGood, "sample.lesson");
    ASSERT_TRUE(lesson) << lesson.error();
    EXPECT_EQ(seedForLearner("Alice Martin"), seedForLearner("  alice martin "));
    EXPECT_NE(seedForLearner("alice"), seedForLearner("bruno"));
    bool sawBoth = false;
    std::set<std::string> identities;
    for (const char* learner : {"ana", "ben", "cleo", "dan", "eve", "fay", "gus", "hal"}) {
        const LessonValues v = resolveValues(*lesson, seedForLearner(learner));
        EXPECT_TRUE(v.identity == "alice" || v.identity == "bruno") << v.identity;
        EXPECT_TRUE(v.contexts == 2 || v.contexts == 3);
        EXPECT_EQ(v, resolveValues(*lesson, seedForLearner(learner)))
            << "the same seed gives the same values";
        identities.insert(v.identity);
    }
    sawBoth = identities.size() == 2;
    EXPECT_TRUE(sawBoth) << "eight learners all got the same identity";
    EXPECT_EQ(expandValues("id={identity} n={contexts}", resolveValues(*lesson, 7)),
              "id=" + resolveValues(*lesson, 7).identity +
                  " n=" + std::to_string(resolveValues(*lesson, 7).contexts));
}

}  // namespace
}  // namespace eapscope
