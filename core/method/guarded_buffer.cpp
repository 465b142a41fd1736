#include "method/guarded_buffer.h"

#include "method/page_memory.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <new>
#include <utility>

namespace eapscope {

namespace {

// A pattern, not one repeated byte, so that a method writing a constant is still seen; made
// once, copied and compared with memcpy/memcmp on every call.
constexpr auto kCanary = [] {
    std::array<std::uint8_t, GuardedBuffer::kCanaryBytes> pattern{};
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        pattern[i] = static_cast<std::uint8_t>(0xA5 ^ (i * 37));
    }
    return pattern;
}();

}  // namespace

GuardedBuffer::GuardedBuffer(std::size_t size, GuardMode mode) : mode_(mode), size_(size)
{
    if (mode == GuardMode::Canary) {
        heap_ = std::make_unique<std::uint8_t[]>(size + kCanaryBytes);
        data_ = heap_.get();
        rearm();
        return;
    }
    pageSize_ = pages::size();
    dataPagesBytes_ = std::max<std::size_t>(1, (size + pageSize_ - 1) / pageSize_) * pageSize_;
    mapping_ = pages::map(dataPagesBytes_ + pageSize_);
    if (mapping_ == nullptr) {
        throw std::bad_alloc();
    }
    data_ = mapping_ + dataPagesBytes_ - size;
    rearm();
}

GuardedBuffer::~GuardedBuffer()
{
    release();
}

GuardedBuffer::GuardedBuffer(GuardedBuffer&& other) noexcept
{
    *this = std::move(other);
}

GuardedBuffer& GuardedBuffer::operator=(GuardedBuffer&& other) noexcept
{
    if (this != &other) {
        release();
        mode_ = other.mode_;
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        heap_ = std::move(other.heap_);
        mapping_ = std::exchange(other.mapping_, nullptr);
        dataPagesBytes_ = std::exchange(other.dataPagesBytes_, 0);
        pageSize_ = other.pageSize_;
        poisoned_ = std::exchange(other.poisoned_, false);
        guardArmed_ = std::exchange(other.guardArmed_, false);
    }
    return *this;
}

void GuardedBuffer::release()
{
    if (mapping_) {
        pages::unmap(mapping_, dataPagesBytes_ + pageSize_);
    }
    mapping_ = nullptr;
    heap_.reset();
    data_ = nullptr;
    size_ = 0;
}

bool GuardedBuffer::reuse(std::size_t size)
{
    if (mode_ != GuardMode::Pages || !mapping_ || size > dataPagesBytes_) {
        return false;
    }
    unpoison();
    if (poisoned_) {
        return false;
    }
    std::memset(mapping_, 0, dataPagesBytes_);  // nothing of the previous owner stays readable
    size_ = size;
    data_ = mapping_ + dataPagesBytes_ - size;
    rearm();
    return true;
}

void GuardedBuffer::assign(std::span<const std::uint8_t> bytes, std::uint8_t filler)
{
    const std::size_t count = std::min(bytes.size(), size_);
    if (count > 0) {
        std::memcpy(data_, bytes.data(), count);
    }
    if (size_ > count) {
        std::memset(data_ + count, filler, size_ - count);
    }
}

void GuardedBuffer::rearm()
{
    if (mode_ == GuardMode::Canary) {
        std::memcpy(data_ + size_, kCanary.data(), kCanary.size());
    } else if (mapping_ && !guardArmed_) {
        guardArmed_ = pages::protect(mapping_ + dataPagesBytes_, pageSize_, pages::Access::None);
    }
}

std::optional<std::size_t> GuardedBuffer::firstChangedCanary() const
{
    if (mode_ != GuardMode::Canary || !data_) {
        return std::nullopt;
    }
    if (std::memcmp(data_ + size_, kCanary.data(), kCanary.size()) == 0) {
        return std::nullopt;
    }
    const auto* canary = data_ + size_;
    return size_ + static_cast<std::size_t>(
                       std::mismatch(canary, canary + kCanary.size(), kCanary.begin()).first - canary);
}

std::optional<std::int64_t> GuardedBuffer::guardOffset(const void* address) const
{
    const auto* byte = static_cast<const std::uint8_t*>(address);
    if (!mapping_ || byte < mapping_ + dataPagesBytes_ || byte >= mapping_ + dataPagesBytes_ + pageSize_) {
        return std::nullopt;
    }
    return byte - data_;
}

bool GuardedBuffer::openGuard()
{
    if (!mapping_ || !pages::protect(mapping_ + dataPagesBytes_, pageSize_, pages::Access::ReadWrite)) {
        return false;
    }
    guardArmed_ = false;
    return true;
}

bool GuardedBuffer::pagesContain(const void* address) const
{
    const auto* byte = static_cast<const std::uint8_t*>(address);
    return mapping_ && byte >= mapping_ && byte < mapping_ + dataPagesBytes_;
}

void GuardedBuffer::poison()
{
    if (mapping_ && !poisoned_ && pages::protect(mapping_, dataPagesBytes_, pages::Access::None)) {
        poisoned_ = true;
    }
}

void GuardedBuffer::unpoison()
{
    if (mapping_ && poisoned_ && pages::protect(mapping_, dataPagesBytes_, pages::Access::ReadWrite)) {
        poisoned_ = false;
    }
}

}  // namespace eapscope
