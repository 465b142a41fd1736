#include "lesson/lesson_library.h"

#include "capture/capture_importer.h"
#include "common/install_layout.h"
#include "lesson/lesson_parser.h"
#include "method/method_resolver.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace eapscope {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLessonExtension = ".lesson";

// <shared data dir>/<leaf> (common/install_layout.h), the layout the build tree shares with an
// installation.
std::string shareDir(const char* variable, const char* leaf)
{
    if (const char* overridden = std::getenv(variable); overridden && *overridden) {
        return overridden;
    }
    return (sharedDataDir() / leaf).string();
}

bool looksLikePath(std::string_view spec)
{
    return spec.find('/') != std::string_view::npos || spec.ends_with(kLessonExtension);
}

std::string knownIds(const std::vector<LessonEntry>& entries)
{
    std::string ids;
    for (const auto& e : entries) {
        ids += (ids.empty() ? "" : ", ") + e.id;
    }
    return ids.empty() ? "none found in " + bundledLessonsDir() : ids;
}

}  // namespace

std::string bundledLessonsDir()
{
    return shareDir("EAPSCOPE_LESSONS_DIR", "lessons");
}

std::string bundledCapturesDir()
{
    return shareDir("EAPSCOPE_CAPTURES_DIR", "captures");
}

std::vector<LessonEntry> listLessons()
{
    std::vector<LessonEntry> entries;
    std::error_code ec;
    for (const auto& file : fs::directory_iterator(bundledLessonsDir(), ec)) {
        if (!file.is_regular_file(ec) || file.path().extension() != kLessonExtension) {
            continue;
        }
        LessonEntry entry;
        entry.id = file.path().stem().string();
        entry.path = file.path().string();
        if (auto lesson = loadLesson(entry.path)) {
            entry.id = lesson->id;
            entry.lesson = std::move(lesson.value());
        } else {
            entry.error = lesson.error();
        }
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(),
              [](const LessonEntry& a, const LessonEntry& b) { return a.path < b.path; });
    return entries;
}

Result<Lesson> findLesson(std::string_view spec)
{
    if (spec.empty()) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "no lesson given: pass a lesson id or a .lesson file")));
    }
    if (looksLikePath(spec)) {
        return loadLesson(std::string(spec));
    }
    const auto entries = listLessons();
    for (const auto& entry : entries) {
        const std::string stem = fs::path(entry.path).stem().string();
        if (entry.id == spec || stem == spec) {
            if (!entry.lesson) {
                return makeError(entry.error);
            }
            return *entry.lesson;
        }
    }
    return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                    "'%1' is not a bundled lesson (known: %2); to use your "
                                                    "own lesson pass its file, e.g. ./%3.lesson"),
                            {verbatim(std::string(spec)), verbatim(std::string(knownIds(entries))),
                             verbatim(std::string(spec))}));
}

Result<std::string> resolveCapture(std::string_view fileName)
{
    if (fileName.empty() || fileName.find('/') != std::string_view::npos || fileName == "." ||
        fileName == "..") {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not the file name of a bundled capture"),
                   {verbatim(std::string(fileName))}));
    }
    const fs::path path = fs::path(bundledCapturesDir()) / std::string(fileName);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not a bundled capture (looked in %2)"),
                   {verbatim(std::string(fileName)), verbatim(std::string(bundledCapturesDir()))}));
    }
    return path.string();
}

std::vector<std::string> checkLessonReferences(const Lesson& lesson)
{
    std::vector<std::string> problems;
    const LessonScenario& s = lesson.scenario;
    const std::string where = lesson.path + ": scenario.";
    std::vector<std::pair<std::string, std::string>> methods;
    if (s.counterpart == LessonCounterpart::Loopback) {
        methods = {{"authenticator", s.authenticator}, {"peer", s.peer}};
    } else if (s.counterpart == LessonCounterpart::Replay) {
        methods = {s.replayRole == Side::Peer ? std::pair{std::string("peer"), s.peer}
                                              : std::pair{std::string("authenticator"), s.authenticator}};
    }
    for (const auto& [field, name] : methods) {
        if (auto path = resolveMethodSpec(name); !path) {
            problems.push_back(where + field + ": " + path.error());
        }
    }
    if (s.counterpart != LessonCounterpart::Loopback) {
        auto capture = resolveCapture(s.capture);
        if (!capture) {
            problems.push_back(where + "capture: " + capture.error());
        } else if (auto imported = importCapture(*capture); !imported) {
            problems.push_back(where + "capture: " + imported.error());
        } else if (s.conversation > imported->conversations.size()) {
            problems.push_back(where + "conversation: '" + s.capture + "' has " +
                               std::to_string(imported->conversations.size()) +
                               " conversation(s); there is no " + std::to_string(s.conversation));
        }
    }
    return problems;
}

}  // namespace eapscope
