// Connection data and user data for RasEapBegin (RASEAP.md §1.3 fields 15–18, §3.3): the
// per-connection and per-user blobs a method reads its configuration from (the bundled EAP-TLS
// takes its certificates from them, methods/tls/README.md). On the command line each is given
// as a FILE (its bytes are passed as they are) or as inline `key=value` text.
#pragma once

#include "common/result.h"
#include "engine/engine_config.h"
#include "engine/run_options.h"

#include <string>
#include <string_view>

namespace eapscope {

class Trace;

/// `value` names a readable regular file → its bytes; contains '=' → the text itself; empty →
/// no data. Anything else is an error naming `option` and the value.
Result<Bytes> readMethodData(std::string_view option, const std::string& value);

/// Fills the sides' connection/user data of `config` from --auth-connection-data,
/// --peer-connection-data and --peer-user-data, and records where they came from in `trace`
/// (file paths only: inline text may carry secrets such as a key password).
Status applyMethodData(const RunOptions& options, EngineConfig& config, Trace& trace);

}  // namespace eapscope
