#include "session/capture_session.h"

namespace eapscope::ui {

ContextId CaptureSession::contextOf(std::size_t conversation) const
{
    return conversation < contexts.size() ? contexts[conversation] : ContextId();
}

int CaptureSession::conversationOf(ContextId context) const
{
    for (std::size_t i = 0; i < contexts.size(); ++i) {
        if (context.valid() && contexts[i] == context) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const ConversationDiagnosis* CaptureSession::diagnosisOf(std::size_t conversation) const
{
    return conversation < diagnosis.conversations.size() ? &diagnosis.conversations[conversation] : nullptr;
}

std::shared_ptr<const CaptureSession> makeCaptureSession(CaptureImport capture, const Trace& trace)
{
    auto session = std::make_shared<CaptureSession>();
    session->diagnosis = diagnoseCapture(capture);
    session->contexts.resize(capture.conversations.size());
    for (std::size_t c = 0; c < trace.contexts().size(); ++c) {
        const std::uint32_t number = trace.contexts()[c].number;
        if (number >= 1 && number <= session->contexts.size()) {
            session->contexts[number - 1] = ContextId(static_cast<std::uint32_t>(c));
        }
    }
    session->capture = std::move(capture);
    return session;
}

}  // namespace eapscope::ui
