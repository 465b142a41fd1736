// A lesson ready to run: the lesson, the values this learner gets, and the session setup the
// lessons core built from its scenario (lesson_setup.h). SessionSetup::lesson carries it to
// the engine worker, which starts that session instead of one typed in the setup dialog.
#pragma once

#include "lesson/lesson.h"
#include "lesson/lesson_setup.h"
#include "lesson/lesson_values.h"

namespace eapscope::ui {

struct LessonRun {
    Lesson lesson;
    LessonValues values;
    LessonSetup setup;
};

}  // namespace eapscope::ui
