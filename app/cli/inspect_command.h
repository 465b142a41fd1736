// `eapscope-cli inspect FILE [--json]` (issue 4 part 5). A session file prints its summary,
// contexts with work buffer and heap totals, and findings, in run's JSON shape. A capture file
// (pcap/pcapng) goes to the capture inspector the capture commands register here.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace eapscope::cli {

/// What `inspect` was asked for.
struct InspectRequest {
    std::string path;
    bool json = false;
    std::string report;  // "html" for `--report html` (captures only), else empty
    std::string output;  // -o FILE: where the report goes
    bool redactIdentities = false;
};

/// Inspects a capture file; returns the exit code. Set by the capture command files.
using CaptureInspector = std::function<int(const InspectRequest& request)>;
void setCaptureInspector(CaptureInspector inspector);

/// 0 no error findings, 1 error findings, 2 unreadable file.
int inspectSessionFile(const std::string& path, bool json, std::ostream& out, std::ostream& err);

}  // namespace eapscope::cli
