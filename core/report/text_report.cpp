// runReportText(): the human-readable form of the run report.
#include "analysis/heap_ledger.h"
#include "report/run_report.h"
#include "report/session_summary.h"

#include "eap/eap_decoder.h"

#include <cstdio>
#include <sstream>

namespace eapscope {

namespace {

std::string describePacket(std::span<const std::uint8_t> packet)
{
    return decodeEap(packet).summary;
}

std::string where(const Trace& trace, Side side, ContextId context)
{
    std::string s = std::string(toString(side));
    if (context.valid()) {
        s += " #" + std::to_string(trace.context(context).number);
    }
    return s;
}

std::string hex(std::uint64_t value)
{
    char text[32];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

void writeCall(std::ostream& out, const Trace& trace, std::size_t endRow)
{
    const EventRow end = trace.row(EventId(static_cast<std::uint32_t>(endRow)));
    const EventRow start = trace.row(end.call);
    out << "  " << where(trace, end.side, end.context) << "  " << entryPointName(end.entry);
    if (end.entry == EntryPoint::Initialize || end.entry == EntryPoint::Uninitialize) {
        out << (end.entry == EntryPoint::Initialize ? "(TRUE)" : "(FALSE)");
    }
    if (start.packet.valid()) {
        out << "  recv: " << describePacket(trace.packet(start.packet));
    } else if (end.entry == EntryPoint::MakeMessage) {
        out << "  recv: NULL";
        if (start.aux & kCallFlagTimeout) {
            out << " (timeout)";
        }
        if (start.aux & kCallFlagAuthComplete) {
            out << " (authentication complete)";
        }
    }
    out << "  -> result " << end.result;
    if (end.entry == EntryPoint::MakeMessage) {
        out << ", " << actionName(end.action);
        if (end.packet.valid()) {
            out << ", sent: " << describePacket(trace.packet(end.packet));
        }
        if (end.action == 2 || end.action == 3) {
            out << ", dwAuthResultCode " << end.aux;
        }
    }
    if (end.entry == EntryPoint::Begin && end.result == 0) {
        out << ", work buffer " << hex(end.a);
    }
    out << "\n";
}

}  // namespace

std::string runReportText(const Trace& trace)
{
    std::ostringstream out;
    out << "Methods:\n";
    for (const auto& m : trace.methods()) {
        out << "  " << toString(m.side) << ": " << m.name << " (EAP type " << m.eapType << ") " << m.path
            << "\n";
    }
    // A method that could not be loaded (missing library, host or heap tracer): say why, with
    // the path, where the method would have been listed.
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] == EventKind::Note) {
            const std::string_view text = trace.string(trace.texts()[i]);
            if (text.starts_with("load failed: ")) {
                out << "  " << toString(trace.sides()[i]) << ": " << text << "\n";
            }
        }
    }
    out << "Calls:\n";
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const EventKind kind = trace.kinds()[i];
        if (kind == EventKind::CallEnd) {
            writeCall(out, trace, i);
        } else if (kind == EventKind::Packet && !trace.calls()[i].valid()) {
            out << "  " << where(trace, trace.sides()[i], trace.contextsColumn()[i]) << "  "
                << trace.string(trace.texts()[i]) << "\n";
        } else if (kind == EventKind::TimerFired) {
            out << "  " << where(trace, trace.sides()[i], trace.contextsColumn()[i])
                << "  retransmission timeout " << trace.auxes()[i] << "\n";
        }
    }
    out << "Outcome:\n";
    const HeapLedger ledger = HeapLedger::rebuild(trace);
    for (const auto& s : summarizeSessions(trace, ledger)) {
        out << "  " << toString(s.side) << " #" << s.number << ": " << s.outcome << " (result "
            << s.resultCode << ", " << s.calls << " calls";
        if (s.heapTracked) {
            out << ", work buffer " << s.heap.workBufferSize << " bytes "
                << (s.heap.workBufferFreed ? "freed" : "NOT freed") << ", leaked " << s.heap.leakedBytes
                << " bytes";
        }
        out << ")" << (s.message.empty() ? "" : " - " + s.message) << "\n";
    }
    out << "Findings: " << trace.findings().size() << "\n";
    for (const auto& f : trace.findings()) {
        out << "  [" << toString(f.severity) << "] " << f.rule << "  " << where(trace, f.side, f.context);
        if (f.entry != EntryPoint::None) {
            out << " in " << findingCallName(f);
        }
        out << ": " << f.message << "\n";
    }
    return out.str();
}

}  // namespace eapscope
