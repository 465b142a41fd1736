// `export FILE --format json|csv` (issue 4 part 5): the events of a trace as text, one event
// per record, so sessions can be diffed and scripted. Column names are an interface:
//   index, time_ns, kind, side, context, entry, action, call, result, aux, packet, text, a, b
// kind/side/entry/action are names (toString(), actionName()); context is "<side>#<number>"
// or empty; call is the CallStart event index or empty; result/aux are decimal; packet is hex;
// a/b are decimal (a is an address for heap events and the work buffer for Begin returns).
#pragma once

#include "common/result.h"
#include "trace/trace.h"

#include <cstdint>
#include <ostream>
#include <string_view>

namespace eapscope {

enum class ExportFormat : std::uint8_t { Json, Csv };

Result<ExportFormat> parseExportFormat(std::string_view name);

/// Writes every event of `trace`; JSON is one array of objects, CSV has a header line.
void exportEvents(const Trace& trace, ExportFormat format, std::ostream& out);

}  // namespace eapscope
