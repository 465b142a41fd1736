// Values that vary per learner (DESIGN.md "Lessons"): identity, password, dropped packet and
// number of contexts, chosen from the lesson's alternatives by a seed, so that neighbours in a
// room get different answers and cannot copy them. The seed comes from the learner's name (or
// is given explicitly) and is recorded in the session (option "lesson-seed"); every check
// computes its expected values from the session's own events, so checks follow the seed.
#pragma once

#include "lesson/lesson.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

/// A stable seed for a learner's name (FNV-1a 64 of the trimmed, lower-cased UTF-8 name): the
/// same name gives the same values on every machine and every version.
std::uint64_t seedForLearner(std::string_view learner);

/// The scenario values one learner gets.
struct LessonValues {
    std::uint64_t seed = 0;
    std::string identity;
    std::string password;
    std::string authPassword;
    std::vector<std::string> contextPasswords;  // per context; empty = `password` for all
    std::uint32_t contexts = 1;
    std::optional<std::uint32_t> dropPacket;

    bool operator==(const LessonValues&) const = default;
};

/// The values of `lesson` for `seed`: each varying value is choices[mix(seed, name) % size];
/// fixed values are copied. A varying password also becomes the back end's password unless
/// the scenario sets auth-password.
LessonValues resolveValues(const Lesson& lesson, std::uint64_t seed);

/// Expands {identity}, {password}, {contexts}, {drop-packet} in a solution's answer value.
std::string expandValues(std::string_view text, const LessonValues& values);

}  // namespace eapscope
