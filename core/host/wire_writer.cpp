#include "host/wire_writer.h"

namespace eapscope::wire {

void WireWriter::little(std::uint64_t value, int width)
{
    for (int i = 0; i < width; ++i) {
        buffer_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

void WireWriter::bytes(std::span<const std::uint8_t> data)
{
    u32(static_cast<std::uint32_t>(data.size()));
    buffer_.insert(buffer_.end(), data.begin(), data.end());
}

void WireWriter::string(std::string_view text)
{
    u32(static_cast<std::uint32_t>(text.size()));
    buffer_.insert(buffer_.end(), text.begin(), text.end());
}

void WireWriter::u16string(std::u16string_view text)
{
    u32(static_cast<std::uint32_t>(text.size()));
    for (const char16_t unit : text) {
        u16(static_cast<std::uint16_t>(unit));
    }
}

}  // namespace eapscope::wire
