// Bounds-checked little-endian decoder for the host protocol. Every read past the end, and
// every length that claims more than what is left, marks the reader failed and yields zero or
// empty values, so garbage from a dying host never reads out of bounds or allocates wildly.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace eapscope::wire {

class WireReader {
public:
    explicit WireReader(std::span<const std::uint8_t> data) : data_(data) {}

    std::uint8_t u8();
    bool boolean();
    std::uint16_t u16() { return static_cast<std::uint16_t>(little(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(little(4)); }
    std::uint64_t u64() { return little(8); }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    std::vector<std::uint8_t> bytes();
    std::string string();
    std::u16string u16string();

    /// A count of elements that each take at least `minElementSize` bytes: fails when the
    /// count cannot fit in what is left, so a corrupt count cannot reserve gigabytes.
    std::uint32_t count(std::size_t minElementSize);

    void fail() { failed_ = true; }
    [[nodiscard]] bool failed() const { return failed_; }
    [[nodiscard]] std::size_t remaining() const { return failed_ ? 0 : data_.size() - pos_; }
    /// True when everything was read and nothing is left over.
    [[nodiscard]] bool complete() const { return !failed_ && pos_ == data_.size(); }

private:
    std::uint64_t little(int width);
    bool take(std::size_t n);

    std::span<const std::uint8_t> data_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

}  // namespace eapscope::wire
