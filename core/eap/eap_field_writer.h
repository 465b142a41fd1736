// Appends fields and anomalies to a DecodedEap with bounds checked against the packet, so the
// per-type decoders never read past the bytes they were given.
#pragma once

#include "eap/eap_decoder.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eapscope {

class EapFieldWriter {
public:
    /// `packet` is the EAP packet cut at min(Length, bytes present).
    EapFieldWriter(DecodedEap& out, std::span<const std::uint8_t> packet) : out_(out), packet_(packet) {}

    [[nodiscard]] std::span<const std::uint8_t> packet() const { return packet_; }
    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(packet_.size()); }
    [[nodiscard]] bool has(std::uint32_t offset, std::uint32_t length) const
    {
        return offset <= size() && length <= size() - offset;
    }

    /// Adds a field; returns its index (for children's `parent`).
    int add(std::string_view key, std::string_view label, std::string value, std::uint32_t offset,
            std::uint32_t length, int parent);
    /// Unsigned big-endian integer field of 1, 2, 3 or 4 bytes; nullopt (and EAP_FIELD_TRUNCATED)
    /// when the bytes are missing.
    std::optional<std::uint32_t> uint(std::string_view key, std::string_view label, std::uint32_t offset,
                                      std::uint32_t length, int parent);
    /// Bytes shown as hex; clipped to the packet end with EAP_FIELD_TRUNCATED.
    int bytes(std::string_view key, std::string_view label, std::uint32_t offset, std::uint32_t length,
              int parent);
    /// Bytes shown as text (non-printable bytes escaped); clipped like bytes().
    int text(std::string_view key, std::string_view label, std::uint32_t offset, std::uint32_t length,
             int parent);

    void fieldValue(int field, std::string value)
    {
        out_.fields.at(static_cast<std::size_t>(field)).value = std::move(value);
    }

    void anomaly(std::string_view id, std::uint32_t offset, std::uint32_t length, std::string message = {});
    /// Marks a field with an anomaly id and records the anomaly on its range.
    void flag(int field, std::string_view id, std::string message = {});

    [[nodiscard]] std::uint32_t readUint(std::uint32_t offset, std::uint32_t length) const;

private:
    std::uint32_t clip(std::uint32_t offset, std::uint32_t length, std::string_view key);

    DecodedEap& out_;
    std::span<const std::uint8_t> packet_;
};

/// Hex of at most 64 bytes, with "…(N bytes)" when longer.
std::string shortHex(std::span<const std::uint8_t> bytes);
/// Text with bytes outside printable ASCII written as \xNN.
std::string printable(std::span<const std::uint8_t> bytes);

}  // namespace eapscope
