// libFuzzer target: the EAP decoder and the TLS fragment reassembler (issue 6 part 7). Every
// field must lie inside the packet, and decoding must never throw or read out of bounds.
#include "eap/eap_anomaly_catalogue.h"
#include "eap/eap_decoder.h"
#include "eap/tls_reassembler.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> packet(data, size);
    eapscope::DecodedEap decoded = eapscope::decodeEap(packet);
    for (const eapscope::EapField& field : decoded.fields) {
        if (field.offset + static_cast<std::size_t>(field.length) > std::max<std::size_t>(size, 4)) {
            std::abort();  // a byte range outside the packet would desynchronise the hex view
        }
    }
    for (const eapscope::EapAnomaly& anomaly : decoded.anomalies) {
        if (!eapscope::anomalyInfo(anomaly.id)) {
            std::abort();  // every anomaly comes from the one catalogue
        }
    }
    // The same bytes as a run of TLS fragments: split at every 64th byte.
    eapscope::TlsReassembler reassembler;
    std::vector<eapscope::EapAnomaly> anomalies;
    for (std::size_t at = 0; at < size; at += 64) {
        reassembler.feed(packet.subspan(at, std::min<std::size_t>(64, size - at)), anomalies);
    }
    reassembler.finish(anomalies);
    return 0;
}
