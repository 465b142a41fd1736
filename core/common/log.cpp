#include "common/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>

namespace eapscope {

namespace {
std::mutex& loggerMutex()
{
    static std::mutex mutex;
    return mutex;
}
spdlog::level::level_enum& defaultLevel()
{
    static spdlog::level::level_enum level = spdlog::level::warn;
    return level;
}
}  // namespace

std::shared_ptr<spdlog::logger> moduleLogger(std::string_view module)
{
    std::lock_guard lock(loggerMutex());
    const std::string name(module);
    if (auto existing = spdlog::get(name)) {
        return existing;
    }
    auto logger = spdlog::stderr_color_mt(name);
    logger->set_level(defaultLevel());
    return logger;
}

std::string redacted(std::size_t bytes)
{
    return "[REDACTED, " + std::to_string(bytes) + " bytes]";
}

void setLogLevel(std::string_view level)
{
    std::lock_guard lock(loggerMutex());
    defaultLevel() = spdlog::level::from_str(std::string(level));
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) { l->set_level(defaultLevel()); });
}

}  // namespace eapscope
