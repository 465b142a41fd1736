// `eapscope-cli lesson list|verify|check|draft` (DESIGN.md "Lessons"): options and printing only;
// loading, playing, grading and drafting live in core/lesson.
#include "cli_command.h"

#include "lesson/lesson_library.h"
#include "lesson/lesson_player.h"
#include "lesson/lesson_report.h"
#include "store/session_reader.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

namespace eapscope::cli {

namespace {

struct LessonOptions {
    std::string lang = "en";
    bool json = false;
    bool all = false;
    std::vector<std::string> lessons;  // verify
    std::string recordDir;
    std::string lesson;  // check
    std::vector<std::string> sessions;
    std::string report;
    std::string session;  // draft
    std::string output;
    std::string id;
    std::vector<std::string> learners;  // values; verify takes the first
};

Language language(const LessonOptions& o)
{
    return parseLanguage(o.lang).value_or(Language::En);
}

int listCommand(const LessonOptions& o)
{
    const auto entries = listLessons();
    if (o.json) {
        std::cout << lessonListJson(entries, language(o)).dump(2) << "\n";
    } else {
        std::cout << lessonListText(entries, language(o));
    }
    if (entries.empty()) {
        std::cerr << "eapscope-cli lesson list: no lesson found in " << bundledLessonsDir() << "\n";
        return kExitUsage;
    }
    for (const auto& e : entries) {
        if (!e.lesson) {
            return kExitUsage;
        }
    }
    return kExitOk;
}

int verifyOne(const Lesson& lesson, const std::string& recordDir, const std::string& learner,
              nlohmann::json& out)
{
    VerifyReport report;
    report.lessonId = lesson.id;
    report.problems = checkLessonReferences(lesson);
    if (report.problems.empty()) {
        report = verifyLesson(lesson, recordDir, learner);
    }
    const bool ok = report.problems.empty();
    std::cerr << (ok ? "ok    " : "FAIL  ") << lesson.id << ": " << report.tasksDoneBySolution << "/"
              << lesson.tasks.size() << " tasks by the solution; wrong solution "
              << (report.wrongSolutionRefused ? "refused at '" + report.wrongSolutionFirstUnfinished + "'"
                                              : std::string("NOT refused"))
              << "\n";
    for (const auto& p : report.problems) {
        std::cerr << "      " << p << "\n";
    }
    out.push_back({{"lesson", lesson.id},
                   {"ok", ok},
                   {"tasks", lesson.tasks.size()},
                   {"done_by_solution", report.tasksDoneBySolution},
                   {"wrong_solution_refused", report.wrongSolutionRefused},
                   {"problems", report.problems}});
    return ok ? kExitOk : kExitFindings;
}

int verifyCommand(const LessonOptions& o)
{
    if (o.all == !o.lessons.empty()) {
        std::cerr << "eapscope-cli lesson verify: give --all or lesson ids/files, not both\n";
        return kExitUsage;
    }
    if (!o.recordDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(o.recordDir, ec);
    }
    std::vector<Lesson> lessons;
    if (o.all) {
        for (auto& e : listLessons()) {
            if (!e.lesson) {
                std::cerr << "eapscope-cli lesson verify: " << e.error << "\n";
                return kExitUsage;
            }
            lessons.push_back(std::move(*e.lesson));
        }
        if (lessons.empty()) {
            std::cerr << "eapscope-cli lesson verify: no lesson found in " << bundledLessonsDir() << "\n";
            return kExitUsage;
        }
    }
    for (const auto& spec : o.lessons) {
        auto lesson = findLesson(spec);
        if (!lesson) {
            std::cerr << "eapscope-cli lesson verify: " << lesson.error() << "\n";
            return kExitUsage;
        }
        lessons.push_back(std::move(lesson.value()));
    }
    nlohmann::json out = nlohmann::json::array();
    int code = kExitOk;
    for (const Lesson& lesson : lessons) {
        code = std::max(
            code, verifyOne(lesson, o.recordDir, o.learners.empty() ? "solution" : o.learners.front(), out));
    }
    if (o.json) {
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << (code == kExitOk ? "verified " : "NOT verified: ") << lessons.size() << " lesson(s)\n";
    }
    return code;
}

int checkCommand(const LessonOptions& o)
{
    auto lesson = findLesson(o.lesson);
    if (!lesson) {
        std::cerr << "eapscope-cli lesson check: " << lesson.error() << "\n";
        return kExitUsage;
    }
    if (!o.report.empty() && o.report != "csv") {
        std::cerr << "eapscope-cli lesson check: --report takes csv\n";
        return kExitUsage;
    }
    if (o.report.empty() && o.sessions.size() != 1) {
        std::cerr << "eapscope-cli lesson check: give one session file (or --report csv for many)\n";
        return kExitUsage;
    }
    int code = kExitOk;
    if (!o.report.empty()) {
        std::cout << gradeCsvHeader();
    }
    std::map<std::string, std::string> fileOfLearner;  // a second file for one learner: say so
    for (const auto& path : o.sessions) {
        auto trace = readSession(path);
        if (!trace) {
            std::cerr << "eapscope-cli lesson check: " << trace.error() << "\n";
            code = kExitUsage;
            continue;
        }
        const LessonGrade grade = gradeSession(*lesson, *trace, path);
        if (const auto [first, added] = fileOfLearner.emplace(grade.learner, path); !added) {
            std::cerr << "eapscope-cli lesson check: warning: " << path << " and " << first->second
                      << " are both learner '" << grade.learner << "' (a copied file?)\n";
        }
        if (!o.report.empty()) {
            std::cout << gradeCsvRows(grade);
        } else if (o.json) {
            std::cout << gradeJson(*lesson, grade).dump(2) << "\n";
        } else {
            std::cout << gradeText(*lesson, grade, language(o));
        }
        if (!grade.progress.complete() && code == kExitOk) {
            code = kExitFindings;
        }
    }
    return code;
}

int valuesCommand(const LessonOptions& o)
{
    auto lesson = findLesson(o.lesson);
    if (!lesson) {
        std::cerr << "eapscope-cli lesson values: " << lesson.error() << "\n";
        return kExitUsage;
    }
    const auto values = learnerValues(*lesson, o.learners);
    if (o.json) {
        std::cout << learnerValuesJson(*lesson, values).dump(2) << "\n";
    } else {
        std::cout << learnerValuesText(*lesson, values);
    }
    return kExitOk;
}

int draftCommand(const LessonOptions& o)
{
    auto trace = readSession(o.session);
    if (!trace) {
        std::cerr << "eapscope-cli lesson draft: " << trace.error() << "\n";
        return kExitUsage;
    }
    const std::string id = !o.id.empty() ? o.id : std::filesystem::path(o.output).stem().string();
    auto draft = draftLesson(*trace, id);
    if (!draft) {
        std::cerr << "eapscope-cli lesson draft: " << o.session << ": " << draft.error() << "\n";
        return kExitUsage;
    }
    std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
    out << *draft;
    out.close();
    if (!out) {
        std::cerr << "eapscope-cli lesson draft: cannot write " << o.output << "\n";
        return kExitUsage;
    }
    std::cout << "wrote " << o.output << "\n";
    return kExitOk;
}

}  // namespace

void registerLessonCommand(CLI::App& app, CommandResult& result)
{
    auto o = std::make_shared<LessonOptions>();
    CLI::App* lesson = app.add_subcommand("lesson", "List, verify, grade and draft lessons");
    lesson->require_subcommand(1);
    const auto langOption = [o](CLI::App* cmd) {
        cmd->add_option("--lang", o->lang, "language of titles and texts: en or fr")
            ->check(CLI::IsMember({"en", "fr"}))
            ->capture_default_str();
    };

    CLI::App* list = lesson->add_subcommand("list", "Every bundled lesson with id, title and task count");
    langOption(list);
    list->add_flag("--json", o->json, "print one JSON document");
    list->callback([o, &result] { result.exitCode = listCommand(*o); });

    CLI::App* verify = lesson->add_subcommand(
        "verify",
        "Play each lesson's solution through the real engine and check it completes every task in order, "
        "and that a wrong solution does not");
    verify->add_flag("--all", o->all, "every bundled lesson");
    verify->add_option("lessons", o->lessons, "lesson ids or .lesson files");
    verify
        ->add_option("--record", o->recordDir, "write each played session to DIR/<id>.eapscope (and -wrong)")
        ->type_name("DIR");
    verify->add_option("--learner", o->learners, "play with this learner's values (default: solution)")
        ->type_name("NAME")
        ->expected(1);
    verify->add_flag("--json", o->json, "print one JSON document");
    verify->callback([o, &result] { result.exitCode = verifyCommand(*o); });

    CLI::App* check = lesson->add_subcommand(
        "check", "Grade a learner's session file: exit 0 when every task is done, 1 when not, 2 unreadable");
    check->add_option("lesson", o->lesson, "lesson id or .lesson file")->required();
    check->add_option("sessions", o->sessions, "session file(s) (.eapscope)")->required();
    check->add_flag("--json", o->json, "print one JSON document");
    check->add_option("--report", o->report, "csv: one row per learner and task over many files");
    langOption(check);
    check->callback([o, &result] { result.exitCode = checkCommand(*o); });

    CLI::App* values = lesson->add_subcommand(
        "values",
        "What each learner's seed gives them in a lesson (identity, password, contexts, dropped "
        "packet): the trainer's answer key; lesson check expects these values in their session");
    values->add_option("lesson", o->lesson, "lesson id or .lesson file")->required();
    values->add_option("--learner", o->learners, "learner name, as typed in Help > Lessons or --learner")
        ->type_name("NAME")
        ->required();
    values->add_flag("--json", o->json, "print one JSON document");
    values->callback([o, &result] { result.exitCode = valuesCommand(*o); });

    CLI::App* draft = lesson->add_subcommand(
        "draft", "Turn a recorded session into a draft lesson (one task per finding and per milestone)");
    draft->add_option("session", o->session, "session file (.eapscope)")->required();
    draft->add_option("-o,--output", o->output, "the lesson file to write")->required();
    draft->add_option("--id", o->id, "the lesson's id (default: the output file's name)");
    draft->callback([o, &result] { result.exitCode = draftCommand(*o); });
}

}  // namespace eapscope::cli
