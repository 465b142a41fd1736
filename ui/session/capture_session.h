// A capture opened in the GUI: the importer's conversations and their diagnosis, kept beside the
// Trace the views show (capture/capture_trace.h turns the capture into that Trace). Built once
// off the GUI thread and immutable afterwards, so views share it without copying.
#pragma once

#include "capture/capture_types.h"
#include "diagnosis/capture_diagnosis.h"
#include "trace/trace.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace eapscope::ui {

struct CaptureSession {
    CaptureImport capture;
    CaptureDiagnosis diagnosis;
    std::vector<ContextId> contexts;  // by conversation: its context in the trace (invalid: no event)

    /// The trace context of conversation `conversation` (index into capture.conversations).
    [[nodiscard]] ContextId contextOf(std::size_t conversation) const;
    /// The conversation whose context is `context`, or -1.
    [[nodiscard]] int conversationOf(ContextId context) const;
    /// The diagnosis of a conversation, or nullptr.
    [[nodiscard]] const ConversationDiagnosis* diagnosisOf(std::size_t conversation) const;
};

/// Diagnoses `capture` and maps its conversations onto the contexts of `trace`
/// (= captureToTrace(capture): context number n is conversation n − 1).
std::shared_ptr<const CaptureSession> makeCaptureSession(CaptureImport capture, const Trace& trace);

}  // namespace eapscope::ui
