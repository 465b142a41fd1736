// One spdlog logger per module (core.engine, core.host, core.store, core.capture, ui).
// Secrets only through redact(): passwords and keys never reach a log in clear.
#pragma once

#include <spdlog/spdlog.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace eapscope {

/// The logger for a module, created on first use; all write to stderr.
std::shared_ptr<spdlog::logger> moduleLogger(std::string_view module);

/// "[REDACTED, N bytes]" — the only form in which a secret is printed or stored by default.
std::string redacted(std::size_t bytes);

/// Sets every module logger's level from a name ("trace", "debug", "info", "warn", "error", "off").
void setLogLevel(std::string_view level);

}  // namespace eapscope
