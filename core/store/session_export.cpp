#include "store/session_export.h"

#include "common/hex.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string>

namespace eapscope {

namespace {

constexpr std::array<std::string_view, 14> kColumns = {"index",  "time_ns", "kind", "side",   "context",
                                                       "entry",  "action",  "call", "result", "aux",
                                                       "packet", "text",    "a",    "b"};

struct Fields {
    std::array<std::string, kColumns.size()> values;
    std::array<bool, kColumns.size()> isText{};
};

std::string contextName(const Trace& trace, ContextId id)
{
    if (!id.valid() || id.value() >= trace.contexts().size()) {
        return {};
    }
    const ContextInfo& info = trace.context(id);
    return std::string(toString(info.side)) + "#" + std::to_string(info.number);
}

Fields fieldsOf(const Trace& trace, std::size_t i)
{
    const EventRow r = trace.row(EventId(static_cast<std::uint32_t>(i)));
    Fields f;
    f.values = {std::to_string(i),
                std::to_string(r.timeNs),
                std::string(toString(r.kind)),
                std::string(toString(r.side)),
                contextName(trace, r.context),
                std::string(toString(r.entry)),
                std::string(actionName(r.action)),
                r.call.valid() ? std::to_string(r.call.value()) : std::string(),
                std::to_string(r.result),
                std::to_string(r.aux),
                r.packet.valid() ? toHex(trace.packet(r.packet)) : std::string(),
                std::string(trace.string(r.text)),
                std::to_string(r.a),
                std::to_string(r.b)};
    f.isText = {false, false, true, true, true, true, true, false, false, false, true, true, false, false};
    return f;
}

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string jsonString(const std::string& value)
{
    return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void writeCsv(const Trace& trace, std::ostream& out)
{
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
        out << (c ? "," : "") << kColumns[c];
    }
    out << '\n';
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Fields f = fieldsOf(trace, i);
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            out << (c ? "," : "") << csvField(f.values[c]);
        }
        out << '\n';
    }
}

void writeJson(const Trace& trace, std::ostream& out)
{
    out << "[";
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Fields f = fieldsOf(trace, i);
        out << (i ? ",\n " : "\n ") << "{";
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            const bool empty = f.values[c].empty();
            out << (c ? ", " : "") << '"' << kColumns[c] << "\": ";
            if (f.isText[c]) {
                out << jsonString(f.values[c]);
            } else {
                out << (empty ? "null" : f.values[c]);
            }
        }
        out << "}";
    }
    out << "\n]\n";
}

}  // namespace

Result<ExportFormat> parseExportFormat(std::string_view name)
{
    if (name == "json") {
        return ExportFormat::Json;
    }
    if (name == "csv") {
        return ExportFormat::Csv;
    }
    return makeError("unknown export format '" + std::string(name) + "' (use json or csv)");
}

void exportEvents(const Trace& trace, ExportFormat format, std::ostream& out)
{
    if (format == ExportFormat::Csv) {
        writeCsv(trace, out);
    } else {
        writeJson(trace, out);
    }
}

}  // namespace eapscope
