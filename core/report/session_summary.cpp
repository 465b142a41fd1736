#include "report/session_summary.h"

namespace eapscope {

namespace {

/// The State rows written when a context's outcome is decided carry ContextState Done
/// (result = dwAuthResultCode: 0 success, else failure) or Failed (an error ended it).
void applyState(SessionSummary& s, const Trace& trace, std::size_t i)
{
    const auto state = static_cast<ContextState>(trace.auxes()[i]);
    if (state != ContextState::Done && state != ContextState::Failed) {
        return;
    }
    s.resultCode = trace.results()[i];
    s.outcome = state == ContextState::Failed ? "error" : (s.resultCode == 0 ? "success" : "failure");
    const std::string_view text = trace.string(trace.texts()[i]);
    const auto dash = text.find(" - ");
    s.message = std::string(dash == std::string_view::npos ? text : text.substr(dash + 3));
}

}  // namespace

std::vector<SessionSummary> summarizeSessions(const Trace& trace, const HeapLedger& ledger)
{
    std::vector<SessionSummary> out(trace.contexts().size());
    bool heapBySide[3] = {false, false, false};
    for (std::size_t c = 0; c < out.size(); ++c) {
        const auto& info = trace.contexts()[c];
        out[c].side = info.side;
        out[c].context = ContextId(static_cast<std::uint32_t>(c));
        out[c].number = info.number;
    }
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const EventKind kind = trace.kinds()[i];
        const Side side = trace.sides()[i];
        if (kind == EventKind::HeapAlloc || kind == EventKind::HeapFree) {
            heapBySide[static_cast<int>(side)] = true;
        }
        const ContextId ctx = trace.contextsColumn()[i];
        if (!ctx.valid() || ctx.value() >= out.size()) {
            continue;
        }
        SessionSummary& s = out[ctx.value()];
        if (kind == EventKind::CallStart) {
            ++s.calls;
        } else if (kind == EventKind::CallEnd && trace.entries()[i] == EntryPoint::Begin) {
            s.workBuffer = trace.as()[i];
        } else if (kind == EventKind::State && side == s.side) {
            applyState(s, trace, i);
        }
    }
    for (auto& s : out) {
        s.heapTracked = heapBySide[static_cast<int>(s.side)];
        s.heap = ledger.summary(s.context);
    }
    return out;
}

}  // namespace eapscope
