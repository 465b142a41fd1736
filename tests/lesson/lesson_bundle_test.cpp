// The fifteen bundled lessons as a trainer receives them: each parses, has every learner-facing
// string in English and French, names only bundled methods, captures and catalogue rules, and
// together they cover what the product promises (captures, several contexts, every training fault).
#include "lesson/lesson_library.h"
#include "lesson/lesson_parser.h"

#include "method/method_resolver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace eapscope {
namespace {

namespace fs = std::filesystem;

std::vector<Lesson> sourceLessons()
{
    std::vector<Lesson> lessons;
    std::vector<fs::path> files;
    for (const auto& entry :
         fs::directory_iterator(std::string(EAPSCOPE_SOURCE_DIR) + "/resources/lessons")) {
        if (entry.path().extension() == ".lesson") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        auto lesson = loadLesson(file.string());
        EXPECT_TRUE(lesson) << lesson.error();
        if (lesson) {
            lessons.push_back(std::move(lesson.value()));
        }
    }
    return lessons;
}

void expectBothLanguages(const LocalizedText& text, const std::string& where)
{
    EXPECT_FALSE(text.en.empty()) << where << " has no English";
    EXPECT_FALSE(text.fr.empty()) << where << " has no French";
    // A long sentence left in English in the French slot is a placeholder, not a translation.
    if (text.en.size() > 30) {
        EXPECT_NE(text.en, text.fr) << where << ": the French text is the English one";
    }
}

TEST(BundledLessons, FifteenLessonsNumberedInTeachingOrderWithUniqueIds)
{
    const auto lessons = sourceLessons();
    ASSERT_EQ(lessons.size(), 15u);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const std::string name = fs::path(lessons[i].path).filename().string();
        char prefix[24];
        std::snprintf(prefix, sizeof prefix, "%02zu-", i + 1);
        EXPECT_EQ(name.rfind(prefix, 0), 0u) << name;
        EXPECT_EQ(name, std::string(prefix) + lessons[i].id + ".lesson") << "file name = number + id";
        EXPECT_TRUE(ids.insert(lessons[i].id).second) << lessons[i].id;
    }
}

TEST(BundledLessons, EveryLearnerFacingStringIsInEnglishAndFrench)
{
    for (const Lesson& lesson : sourceLessons()) {
        expectBothLanguages(lesson.title, lesson.id + " title");
        expectBothLanguages(lesson.summary, lesson.id + " summary");
        for (const LessonTask& task : lesson.tasks) {
            const std::string where = lesson.id + " task " + task.id;
            expectBothLanguages(task.text, where + " text");
            expectBothLanguages(task.hint, where + " hint");
            expectBothLanguages(task.explanation, where + " explanation");
            if (task.condition.kind == ConditionKind::Answer || task.condition.selected) {
                expectBothLanguages(task.feedback, where + " feedback");
            }
        }
    }
}

TEST(BundledLessons, EveryReferencedMethodCaptureAndRuleExists)
{
    for (const Lesson& lesson : sourceLessons()) {
        for (const std::string& problem : checkLessonReferences(lesson)) {
            ADD_FAILURE() << problem;
        }
    }
}

TEST(BundledLessons, CoverCapturesSeveralContextsAndEveryTrainingFault)
{
    std::size_t captures = 0;
    std::size_t severalContexts = 0;
    std::set<std::string> methods;
    for (const Lesson& lesson : sourceLessons()) {
        const LessonScenario& s = lesson.scenario;
        captures += s.counterpart != LessonCounterpart::Loopback ? 1 : 0;
        const bool several =
            s.contexts > 1 || std::any_of(s.varyContexts.choices.begin(), s.varyContexts.choices.end(),
                                          [](std::uint32_t n) { return n > 1; });
        severalContexts += several ? 1 : 0;
        methods.insert(s.authenticator);
        methods.insert(s.peer);
    }
    EXPECT_GE(captures, 2u);
    EXPECT_GE(severalContexts, 2u);
    for (const BundledMethod& method : listBundledMethods()) {
        if (method.name.rfind("training-", 0) == 0) {
            EXPECT_TRUE(methods.count(method.name)) << method.name << " has no lesson";
        }
    }
}

TEST(BundledLessons, TheBuildTreeHoldsTheSameLessonsAsTheSource)
{
    const auto listed = listLessons();
    EXPECT_EQ(listed.size(), sourceLessons().size()) << bundledLessonsDir();
    for (const LessonEntry& entry : listed) {
        EXPECT_TRUE(entry.lesson) << entry.error;
    }
}

}  // namespace
}  // namespace eapscope
