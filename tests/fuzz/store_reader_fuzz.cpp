// libFuzzer target for the session-file reader and what `inspect` does with its trace: any bytes
// must give a trace or an error, never a crash, a sanitizer report or unbounded memory, and the
// JSON and text reports of what was read must be written (a damaged string is escaped, never a
// JSON exception: 13 of 400 byte-flipped sessions once stopped `inspect --json` that way).
#include "common/text_escape.h"
#include "report/run_report.h"
#include "store/session_reader.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto trace = eapscope::readSessionBytes(std::span<const std::uint8_t>(data, size), "fuzz-input");
    if (trace) {
        // Touch what a view would: every row, packet and string the trace hands out.
        const eapscope::Trace& t = trace.value();
        std::size_t sum = 0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const auto row = t.row(eapscope::EventId(static_cast<std::uint32_t>(i)));
            sum += t.packet(row.packet).size() + t.string(row.text).size();
            if (row.context.valid()) {
                sum += t.context(row.context).number;
            }
        }
        for (const auto& f : t.findings()) {
            sum += f.sites.size() + f.rule.size();
        }
        (void)eapscope::sessionIsIncomplete(t);
        (void)sum;
        nlohmann::json report = eapscope::runReportJson(t);
        report["file"] = {{"path", "fuzz-input"}, {"options", t.options()}};
        if (!nlohmann::json::accept(eapscope::jsonText(report))) {
            std::abort();
        }
        (void)eapscope::runReportText(t);
    }
    return 0;
}
