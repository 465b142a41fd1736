// Where bundled lessons and captures live, and the checks that tie a lesson to them.
// Like the methods (method_resolver.h), they sit beside the binaries in the build tree as after
// installation: <exe dir>/../share/eapscope/lessons/*.lesson and
// <exe dir>/../share/eapscope/captures/; EAPSCOPE_LESSONS_DIR and EAPSCOPE_CAPTURES_DIR
// override the folders (tests, relocated installs).
#pragma once

#include "common/result.h"
#include "lesson/lesson.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

std::string bundledLessonsDir();
std::string bundledCapturesDir();

/// One bundled lesson file: its id (file name without ".lesson") and path. `lesson` is the
/// parsed lesson, or `error` says why it could not be read (a listing never stops at one bad file).
struct LessonEntry {
    std::string id;
    std::string path;
    std::optional<Lesson> lesson;
    std::string error;
};

/// Every *.lesson in bundledLessonsDir(), sorted by file name (lessons are numbered
/// "01-…", "02-…" so that this is the teaching order).
std::vector<LessonEntry> listLessons();

/// A spec with '/' or ending in ".lesson" is a path; anything else is a bundled lesson id.
/// The error names the spec and lists the known ids.
Result<Lesson> findLesson(std::string_view spec);

/// The absolute path of a bundled capture by file name (no '/' allowed), or an error.
Result<std::string> resolveCapture(std::string_view fileName);

/// Every problem of a parsed lesson that the parser cannot see: the methods it names are not
/// bundled, its capture is not bundled, its conversation is not in the capture. Empty = fine.
/// Messages start with the lesson's path and the field, like parser errors.
std::vector<std::string> checkLessonReferences(const Lesson& lesson);

}  // namespace eapscope
