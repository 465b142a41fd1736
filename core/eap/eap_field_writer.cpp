#include "eap/eap_field_writer.h"

#include "common/hex.h"
#include "eap/eap_anomaly_catalogue.h"

#include <algorithm>
#include <cstdio>

namespace eapscope {

std::string shortHex(std::span<const std::uint8_t> bytes)
{
    constexpr std::size_t kShown = 64;
    if (bytes.size() <= kShown) {
        return toHex(bytes);
    }
    return toHex(bytes.first(kShown)) + "…(" + std::to_string(bytes.size()) + " bytes)";
}

std::string printable(std::span<const std::uint8_t> bytes)
{
    std::string text;
    text.reserve(bytes.size());
    for (std::uint8_t byte : bytes) {
        if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
            text.push_back(static_cast<char>(byte));
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            text += escaped;
        }
    }
    return text;
}

int EapFieldWriter::add(std::string_view key, std::string_view label, std::string value, std::uint32_t offset,
                        std::uint32_t length, int parent)
{
    // A field past the end (a truncated packet) is shown empty at the end: every byte range
    // stays inside the packet, which the hex view relies on (found by eap_decoder_fuzz).
    offset = std::min(offset, size());
    length = std::min(length, size() - offset);
    out_.fields.push_back(
        EapField{std::string(key), std::string(label), std::move(value), offset, length, parent, {}});
    return static_cast<int>(out_.fields.size() - 1);
}

std::uint32_t EapFieldWriter::readUint(std::uint32_t offset, std::uint32_t length) const
{
    std::uint32_t value = 0;
    for (std::uint32_t i = 0; i < length && offset + i < size(); ++i) {
        value = (value << 8) | packet_[offset + i];
    }
    return value;
}

std::uint32_t EapFieldWriter::clip(std::uint32_t offset, std::uint32_t length, std::string_view key)
{
    if (has(offset, length)) {
        return length;
    }
    std::uint32_t available = offset < size() ? size() - offset : 0;
    anomaly("EAP_FIELD_TRUNCATED", offset, available,
            std::string(key) + ": " + std::to_string(length) + " bytes announced, " +
                std::to_string(available) + " present");
    return available;
}

std::optional<std::uint32_t> EapFieldWriter::uint(std::string_view key, std::string_view label,
                                                  std::uint32_t offset, std::uint32_t length, int parent)
{
    if (!has(offset, length)) {
        clip(offset, length, key);
        return std::nullopt;
    }
    std::uint32_t value = readUint(offset, length);
    add(key, label, std::to_string(value), offset, length, parent);
    return value;
}

int EapFieldWriter::bytes(std::string_view key, std::string_view label, std::uint32_t offset,
                          std::uint32_t length, int parent)
{
    std::uint32_t present = clip(offset, length, key);
    std::span<const std::uint8_t> slice = present ? packet_.subspan(offset, present) : packet_.first(0);
    return add(key, label, shortHex(slice), offset, present, parent);
}

int EapFieldWriter::text(std::string_view key, std::string_view label, std::uint32_t offset,
                         std::uint32_t length, int parent)
{
    std::uint32_t present = clip(offset, length, key);
    std::span<const std::uint8_t> slice = present ? packet_.subspan(offset, present) : packet_.first(0);
    return add(key, label, printable(slice), offset, present, parent);
}

void EapFieldWriter::anomaly(std::string_view id, std::uint32_t offset, std::uint32_t length,
                             std::string message)
{
    const AnomalyInfo* info = anomalyInfo(id);
    Severity severity = info ? info->severity : Severity::Error;
    if (message.empty() && info) {
        message = std::string(info->text);
    }
    out_.anomalies.push_back(EapAnomaly{std::string(id), severity, std::move(message), offset, length});
}

void EapFieldWriter::flag(int field, std::string_view id, std::string message)
{
    EapField& target = out_.fields.at(static_cast<std::size_t>(field));
    target.anomaly = std::string(id);
    anomaly(id, target.offset, target.length, std::move(message));
}

}  // namespace eapscope
