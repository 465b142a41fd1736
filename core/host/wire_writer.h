// Little-endian encoder for the host protocol (wire_protocol.h): appends primitive values,
// length-prefixed byte strings and UTF-16 strings to one growing buffer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope::wire {

class WireWriter {
public:
    void u8(std::uint8_t value) { buffer_.push_back(value); }
    void boolean(bool value) { u8(value ? 1 : 0); }
    void u16(std::uint16_t value) { little(value, 2); }
    void u32(std::uint32_t value) { little(value, 4); }
    void u64(std::uint64_t value) { little(value, 8); }
    void i64(std::int64_t value) { u64(static_cast<std::uint64_t>(value)); }
    void bytes(std::span<const std::uint8_t> data);
    void string(std::string_view text);
    void u16string(std::u16string_view text);

    [[nodiscard]] std::vector<std::uint8_t>& buffer() { return buffer_; }
    [[nodiscard]] std::size_t size() const { return buffer_.size(); }

private:
    void little(std::uint64_t value, int width);

    std::vector<std::uint8_t> buffer_;
};

}  // namespace eapscope::wire
