// libFuzzer target: a whole capture file through libpcap, the importer, the diagnosis and the
// writers `inspect` uses (JSON, text, HTML); every JSON document must parse back.
// The bytes go to a memfd so the importer opens them by path, exactly as a user's file.
#include "capture/capture_importer.h"
#include "capture/capture_trace.h"
#include "diagnosis/capture_diagnosis.h"
#include "report/capture_report.h"

#include <nlohmann/json.hpp>

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const int fd = memfd_create("eapscope-capture-fuzz", 0);
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
        return 0;
    }
    auto imported = eapscope::importCapture("/proc/self/fd/" + std::to_string(fd));
    if (!imported) {
        return 0;
    }
    eapscope::CaptureDiagnosis diagnosis = eapscope::diagnoseCapture(*imported);
    eapscope::Trace trace = eapscope::captureToTrace(*imported);
    for (const auto& conversation : diagnosis.conversations) {
        for (const auto& reason : conversation.reasons) {
            if (reason.packet != eapscope::kNoPacket &&
                (!reason.event.valid() || reason.event.value() >= trace.size() ||
                 trace.row(reason.event).aux != reason.frame)) {
                std::abort();  // a reason must point at its own frame's event
            }
        }
    }
    if (!nlohmann::json::accept(eapscope::captureInspectJson(*imported, diagnosis))) {
        std::abort();
    }
    (void)eapscope::captureInspectText(*imported, diagnosis);
    (void)eapscope::captureReportHtml(*imported, diagnosis, {true});
    return 0;
}
