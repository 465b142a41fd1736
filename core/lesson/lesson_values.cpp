#include "lesson/lesson_values.h"

#include "lesson/lesson_names.h"

namespace eapscope {

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = kFnvOffset)
{
    for (unsigned char c : text) {
        hash ^= c;
        hash *= kFnvPrime;
    }
    return hash;
}

// Each varying value gets its own draw, so two lessons varying different values do not move
// in lock step, and adding a choice to one value leaves the others where they were.
std::size_t pick(std::uint64_t seed, std::string_view name, std::size_t count)
{
    std::uint64_t h = kFnvOffset;
    for (int shift = 0; shift < 64; shift += 8) {
        h ^= (seed >> shift) & 0xFF;
        h *= kFnvPrime;
    }
    h = fnv1a(name, h);
    // splitmix64 finaliser: FNV's low bits alone are poorly mixed for small moduli.
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return static_cast<std::size_t>(h % count);
}

template <typename T>
T choose(const Varying<T>& vary, std::uint64_t seed, std::string_view name, T fixed)
{
    return vary.varies() ? vary.choices[pick(seed, name, vary.choices.size())] : fixed;
}

}  // namespace

std::uint64_t seedForLearner(std::string_view learner)
{
    return fnv1a(lowerAscii(trimmed(learner)));
}

LessonValues resolveValues(const Lesson& lesson, std::uint64_t seed)
{
    const LessonScenario& s = lesson.scenario;
    LessonValues v;
    v.seed = seed;
    v.identity = choose(s.varyIdentity, seed, "identity", s.identity);
    v.password = choose(s.varyPassword, seed, "password", s.password);
    v.authPassword = s.authPassword.value_or(v.password);
    v.contextPasswords = s.contextPasswords;
    v.contexts = choose(s.varyContexts, seed, "contexts", s.contexts);
    if (s.varyDropPacket.varies()) {
        v.dropPacket = choose(s.varyDropPacket, seed, "drop-packet", std::uint32_t{0});
    } else {
        v.dropPacket = s.dropPacket;
    }
    return v;
}

std::string expandValues(std::string_view text, const LessonValues& values)
{
    const std::pair<std::string_view, std::string> fields[] = {
        {"{identity}", values.identity},
        {"{password}", values.password},
        {"{contexts}", std::to_string(values.contexts)},
        {"{drop-packet}", values.dropPacket ? std::to_string(*values.dropPacket) : std::string()},
    };
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        for (const auto& [name, value] : fields) {
            if (text.substr(i).starts_with(name)) {
                out += value;
                i += name.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace eapscope
