#include "common/system_text.h"

#include <cstring>
#include <string_view>

namespace eapscope {
namespace {

// glibc's strerror texts for what opening, writing and connecting usually meet.
constexpr const char* kErrnoTexts[] = {
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "No such file or directory"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Permission denied"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Is a directory"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Not a directory"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "No space left on device"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Read-only file system"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "File exists"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Too many open files"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Connection refused"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Address already in use"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Cannot assign requested address"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Network is unreachable"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Operation not permitted"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "Input/output error"),
};

// SQLite's messages for a file it cannot open, read or write.
constexpr const char* kSqliteTexts[] = {
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "unable to open database file"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "file is not a database"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "database disk image is malformed"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "disk I/O error"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "database or disk is full"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "attempt to write a readonly database"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "database is locked"),
    EAPSCOPE_TRANSLATE_NOOP("EngineText", "out of memory"),
};

template <std::size_t N>
MessageText known(const char* const (&texts)[N], const char* text)
{
    if (text == nullptr) {
        return verbatim(std::string());
    }
    for (const char* candidate : texts) {
        if (std::string_view(candidate) == text) {
            return phrase(candidate);
        }
    }
    return verbatim(std::string(text));
}

}  // namespace

MessageText errnoText(int code)
{
    return known(kErrnoTexts, std::strerror(code));
}

MessageText sqliteText(const char* message)
{
    return known(kSqliteTexts, message);
}

}  // namespace eapscope
