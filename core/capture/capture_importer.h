// Opening a capture (issue 6 parts 1, 2, 7): reads it frame by frame through libpcap, finds the
// EAP packets and groups them into conversations. Streamed: memory grows with the EAP found, not
// with the file. Progress and cancellation for long imports (the GUI's progress bar).
#pragma once

#include "capture/capture_types.h"
#include "common/result.h"

#include <atomic>
#include <functional>
#include <string>

namespace eapscope {

struct ImportOptions {
    std::function<void(double)> progress;       // 0..1, called every few thousand frames and at the end
    const std::atomic<bool>* cancel = nullptr;  // set to true to stop; the import then fails
};

/// The capture's EAP packets and conversations. Fails only when the file cannot be read at all
/// (missing, not a capture) or on cancel; a cut file gives what was read plus CAPTURE_TRUNCATED.
Result<CaptureImport> importCapture(const std::string& path, const ImportOptions& options = {});

}  // namespace eapscope
