// A host-owned buffer handed to a method, with a way to see writes past its end
// (RASEAP.md §3.8 "guard pages / canaries"). Canary mode puts check bytes right after the
// buffer (cheap, detects after the fact, in-process). Pages mode makes the buffer END EXACTLY
// at a PROT_NONE page, so the first stray byte faults, and can poison the buffer's own pages
// (mprotect PROT_NONE) to catch a later use — for the isolated host, which handles SIGSEGV.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace eapscope {

enum class GuardMode : std::uint8_t { Canary, Pages };

class GuardedBuffer {
public:
    static constexpr std::size_t kCanaryBytes = 64;

    GuardedBuffer() = default;
    GuardedBuffer(std::size_t size, GuardMode mode);
    ~GuardedBuffer();
    GuardedBuffer(const GuardedBuffer&) = delete;
    GuardedBuffer& operator=(const GuardedBuffer&) = delete;
    GuardedBuffer(GuardedBuffer&& other) noexcept;
    GuardedBuffer& operator=(GuardedBuffer&& other) noexcept;

    [[nodiscard]] std::uint8_t* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] GuardMode mode() const { return mode_; }
    [[nodiscard]] std::span<const std::uint8_t> bytes() const { return {data_, size_}; }

    /// Pages mode: makes this mapping hold a fresh `size`-byte buffer (zeroed, readable, guard
    /// armed) without mmap when it fits in the mapped data pages; false when it does not fit.
    bool reuse(std::size_t size);

    /// Copies `bytes` to the start and fills the rest of the buffer with `filler`.
    void assign(std::span<const std::uint8_t> bytes, std::uint8_t filler = 0);
    /// Rewrites the canary bytes (Canary mode) and re-protects the guard page (Pages mode) —
    /// only when it is not protected already, so an unopened guard costs no syscall per call.
    void rearm();

    /// Canary mode: offset from data() of the first canary byte that changed (>= size()).
    [[nodiscard]] std::optional<std::size_t> firstChangedCanary() const;
    /// Pages mode: offset from data() when `address` lies in the guard page after the buffer.
    [[nodiscard]] std::optional<std::int64_t> guardOffset(const void* address) const;
    /// Pages mode: makes the guard page writable so a faulting write can resume. Signal-safe.
    bool openGuard();
    /// True when `address` lies in the pages holding the buffer (Pages mode).
    [[nodiscard]] bool pagesContain(const void* address) const;

    /// Pages mode: mprotect the buffer's pages PROT_NONE / back to read-write, only when the
    /// state changes. Signal-safe.
    void poison();
    void unpoison();
    [[nodiscard]] bool poisoned() const { return poisoned_; }

private:
    void release();

    GuardMode mode_ = GuardMode::Canary;
    std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    std::unique_ptr<std::uint8_t[]> heap_;  // Canary mode: size + kCanaryBytes
    std::uint8_t* mapping_ = nullptr;       // Pages mode: data pages + 1 guard page
    std::size_t dataPagesBytes_ = 0;
    std::size_t pageSize_ = 0;
    bool poisoned_ = false;
    bool guardArmed_ = false;  // Pages mode: the guard page is PROT_NONE (no mprotect needed)
};

}  // namespace eapscope
