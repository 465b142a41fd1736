// Per-type decoders behind decodeEap() (internal to core/eap). Each decodes the type data that
// start at `offset` (just after the Type octet) up to the writer's end, adds fields under
// `parent`, and returns a short detail for the packet summary (may be empty).
#pragma once

#include "eap/eap_field_writer.h"

#include <cstdint>
#include <span>
#include <string>

namespace eapscope::eap_detail {

struct TypeInput {
    EapFieldWriter& writer;
    std::uint8_t code = 0;
    std::uint8_t type = 0;
    std::uint32_t offset = 5;  // first byte of type data
    int parent = -1;
};

std::string decodeIdentity(const TypeInput& in);
std::string decodeNotification(const TypeInput& in);
std::string decodeNak(const TypeInput& in);
std::string decodeMd5(const TypeInput& in);
std::string decodeOtpGtc(const TypeInput& in);
std::string decodeTlsFamily(const TypeInput& in);
std::string decodeMschapv2(const TypeInput& in);
std::string decodeLeap(const TypeInput& in);
std::string decodeSimAka(const TypeInput& in);
std::string decodePwd(const TypeInput& in);
std::string decodePsk(const TypeInput& in);
std::string decodeExpanded(const TypeInput& in);
std::string decodeOpaque(const TypeInput& in);

/// Summary of the TLS records found at the start of `data` ("Handshake(ClientHello) Alert");
/// adds one field per record under `parent` at `offset`.
std::string summariseTlsRecords(EapFieldWriter& writer, std::uint32_t offset, std::uint32_t length,
                                int parent);
/// The same summary without building fields (the capture importer's per-message note).
std::string tlsRecordNames(std::span<const std::uint8_t> data);

}  // namespace eapscope::eap_detail
