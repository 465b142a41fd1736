#include "report/run_report.h"

#include "analysis/heap_ledger.h"
#include "report/session_summary.h"

#include <cstdio>

namespace eapscope {

namespace {

using nlohmann::json;

json workBufferJson(const SessionSummary& s)
{
    json wb = {{"address", s.workBuffer}};
    if (s.heapTracked) {
        wb["size"] = s.heap.workBufferSize;
        wb["freed"] = s.heap.workBufferFreed;
    } else {
        wb["size"] = nullptr;  // no heap tracking for this side: unknown, not zero
        wb["freed"] = nullptr;
    }
    return wb;
}

json sessionJson(const SessionSummary& s)
{
    json j = {{"side", std::string(toString(s.side))}, {"context", s.number}, {"outcome", s.outcome},
              {"result_code", s.resultCode},           {"calls", s.calls},    {"message", s.message},
              {"work_buffer", workBufferJson(s)}};
    if (s.heapTracked) {
        j["heap"] = {{"allocated_bytes", s.heap.allocatedBytes},
                     {"leaked_bytes", s.heap.leakedBytes},
                     {"allocated_blocks", s.heap.allocatedBlocks},
                     {"leaked_blocks", s.heap.leakedBlocks}};
    } else {
        j["heap"] = {{"allocated_bytes", nullptr}, {"leaked_bytes", nullptr}};
    }
    return j;
}

json methodJson(const MethodIdentity& m)
{
    return {{"side", std::string(toString(m.side))},
            {"name", m.name},
            {"path", m.path},
            {"type", m.eapType},
            {"roles", m.roles},
            {"sha256", m.sha256}};
}

}  // namespace

json findingJson(const Trace& trace, const FindingRecord& f)
{
    json j = {{"rule", f.rule},
              {"severity", std::string(toString(f.severity))},
              {"side", std::string(toString(f.side))},
              {"context", f.context.valid() ? json(trace.context(f.context).number) : json(nullptr)},
              {"call", f.entry == EntryPoint::None ? json(nullptr) : json(findingCallName(f))},
              {"message", f.message}};
    if (f.bytes) {
        j["bytes"] = *f.bytes;
    }
    if (f.blocks) {
        j["blocks"] = *f.blocks;
    }
    if (!f.sites.empty()) {
        j["sites"] = f.sites;
    }
    if (f.signal) {
        j["signal"] = *f.signal;
    }
    if (f.exitStatus) {
        j["exit_status"] = *f.exitStatus;
    }
    if (f.exceptionCode) {
        char code[11];
        std::snprintf(code, sizeof code, "0x%08X", *f.exceptionCode);
        j["exception_code"] = code;  // NTSTATUS as Windows writes it ("0xC0000005")
    }
    if (f.offset) {
        j["offset"] = *f.offset;
    }
    return j;
}

std::string findingCallName(const FindingRecord& finding)
{
    return std::string(entryPointName(finding.entry));
}

json runReportJson(const Trace& trace)
{
    const HeapLedger ledger = HeapLedger::rebuild(trace);
    json sessions = json::array();
    for (const auto& s : summarizeSessions(trace, ledger)) {
        sessions.push_back(sessionJson(s));
    }
    json findings = json::array();
    for (const auto& f : trace.findings()) {
        findings.push_back(findingJson(trace, f));
    }
    json methods = json::array();
    for (const auto& m : trace.methods()) {
        methods.push_back(methodJson(m));
    }
    return {{"sessions", sessions}, {"findings", findings}, {"events", trace.size()}, {"methods", methods}};
}

}  // namespace eapscope
