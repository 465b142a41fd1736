// What `eapscope-cli inspect CAPTURE` prints and what File → Export report writes: the capture's
// conversations with their diagnosis (diagnosis/capture_diagnosis.h), as the `inspect --json`
// document, as text, and as one self-contained HTML page (inline CSS and SVG, no external
// resource) with verdicts, reasons, certificates and a ladder diagram per conversation.
// Passwords and key material never appear; identities only when not redacted. Every string the
// capture supplied is escaped (invalid UTF-8 included).
#pragma once

#include "capture/capture_types.h"
#include "common/result.h"
#include "diagnosis/capture_diagnosis.h"

#include <string>

namespace eapscope {

/// `inspect CAPTURE --json`: captureToJson's document plus, per conversation, "verdict",
/// "reasons", "certificates" and "tls" (when the conversation used TLS).
std::string captureInspectJson(const CaptureImport& capture, const CaptureDiagnosis& diagnosis,
                               int indent = 2);

/// `inspect CAPTURE`: the packet listing with each conversation's verdict and main reason.
std::string captureInspectText(const CaptureImport& capture, const CaptureDiagnosis& diagnosis);

struct HtmlReportOptions {
    bool redactIdentities = false;       // outer and inner identities become "identity-1", "identity-2", …
    std::string generator = "EapScope";  // named in the page footer
};

/// The report page as text.
std::string captureReportHtml(const CaptureImport& capture, const CaptureDiagnosis& diagnosis,
                              const HtmlReportOptions& options = {});

/// Writes captureReportHtml to `path`; the error names the file.
Status writeCaptureReportHtml(const std::string& path, const CaptureImport& capture,
                              const CaptureDiagnosis& diagnosis, const HtmlReportOptions& options = {});

}  // namespace eapscope
