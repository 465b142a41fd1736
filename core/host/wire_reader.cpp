#include "host/wire_reader.h"

namespace eapscope::wire {

bool WireReader::take(std::size_t n)
{
    if (failed_ || data_.size() - pos_ < n) {
        failed_ = true;
        return false;
    }
    return true;
}

std::uint64_t WireReader::little(int width)
{
    if (!take(static_cast<std::size_t>(width))) {
        return 0;
    }
    std::uint64_t value = 0;
    for (int i = 0; i < width; ++i) {
        value |= static_cast<std::uint64_t>(data_[pos_ + static_cast<std::size_t>(i)]) << (8 * i);
    }
    pos_ += static_cast<std::size_t>(width);
    return value;
}

std::uint8_t WireReader::u8()
{
    return static_cast<std::uint8_t>(little(1));
}

bool WireReader::boolean()
{
    const std::uint8_t value = u8();
    if (value > 1) {
        failed_ = true;
    }
    return value == 1;
}

std::uint32_t WireReader::count(std::size_t minElementSize)
{
    const std::uint32_t n = u32();
    if (!failed_ && minElementSize > 0 && n > remaining() / minElementSize) {
        failed_ = true;
        return 0;
    }
    return failed_ ? 0 : n;
}

std::vector<std::uint8_t> WireReader::bytes()
{
    const std::uint32_t n = count(1);
    if (failed_) {
        return {};
    }
    std::vector<std::uint8_t> out(data_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                  data_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
    pos_ += n;
    return out;
}

std::string WireReader::string()
{
    const std::uint32_t n = count(1);
    if (failed_) {
        return {};
    }
    std::string out(reinterpret_cast<const char*>(data_.data() + pos_), n);
    pos_ += n;
    return out;
}

std::u16string WireReader::u16string()
{
    const std::uint32_t n = count(2);
    std::u16string out;
    out.reserve(n);
    for (std::uint32_t i = 0; i < n && !failed_; ++i) {
        out.push_back(static_cast<char16_t>(u16()));
    }
    return out;
}

}  // namespace eapscope::wire
