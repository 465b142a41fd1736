// libFuzzer target: the EAP decoder, the TLS fragment reassembler, and the decoders the diagnosis
// rests on (TLS Hello/alert/certificate parsing, X.509 through OpenSSL, MSCHAPv2 Failure text).
// Every field must lie inside the packet, and decoding must never throw or read out of bounds.
#include "eap/eap_anomaly_catalogue.h"
#include "eap/eap_decoder.h"
#include "eap/eap_result_messages.h"
#include "eap/tls_certificate.h"
#include "eap/tls_handshake.h"
#include "eap/tls_reassembler.h"

#include <string_view>

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
    // The type data as a TLS message (EAP-TLS: after the flags and length), its certificates
    // through OpenSSL, and as MSCHAPv2 Failure text.
    std::span<const std::uint8_t> tls = packet.subspan(std::min<std::size_t>(size, 10));
    eapscope::TlsFlight flight = eapscope::parseTlsFlight(tls);
    for (const auto& der : flight.certificates) {
        auto cert = eapscope::decodeCertificate(der);
        if (cert) {
            (void)cert->weaknesses();
            (void)eapscope::certificatePem(der);
        }
    }
    (void)eapscope::decodeCertificate(packet);
    if (flight.clientHello) {
        (void)flight.clientHello->version();
    }
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto failure = eapscope::parseMschapV2Failure(text.substr(std::min<std::size_t>(size, 9)))) {
        (void)eapscope::mschapV2ErrorName(failure->error.value_or(0));
    }
    return 0;
}
