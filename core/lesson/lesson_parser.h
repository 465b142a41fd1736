// Reads a lesson file (YAML, format 1; docs/lessons.md) into a Lesson, validating everything a
// trainer can get wrong: unknown keys, missing languages, wrong types, unknown rules, entry
// points, sides or question kinds, duplicate task ids, solution steps naming unknown tasks.
// Every error names FILE:LINE:COLUMN and the field, e.g.
//   heap-leak.lesson:14:7: tasks[1].text: missing the French text (fr)
// Whether the referenced methods and captures exist is checked separately
// (lesson_library.h checkLessonReferences), since the parser has no file system view.
#pragma once

#include "common/result.h"
#include "lesson/lesson.h"

#include <string>
#include <string_view>

namespace eapscope {

/// The lesson format version this build reads and writes.
inline constexpr int kLessonFormat = 1;

/// Parses lesson text; `fileName` prefixes every error message (and becomes Lesson::path).
Result<Lesson> parseLesson(std::string_view text, const std::string& fileName);

/// Reads and parses a lesson file; an unreadable file is an error naming it.
Result<Lesson> loadLesson(const std::string& path);

}  // namespace eapscope
