// Memory for a capture import's large result buffers (CaptureImport::bytes and ::packets). Blocks
// of at least 2 MB are mapped 2 MB-aligned and advised as transparent huge pages (madvise), so
// filling them costs one page fault per 2 MB instead of one per 4 KB page: the 30 MB bench
// capture's result took about 11,000 faults, 40% of its import's time. Pages are still mapped
// only when first written, so a generous reserve() costs address space, not memory. Smaller
// blocks, and every block when the kernel declines the advice, behave as ordinary allocations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace eapscope {

namespace huge_pages {
/// Whether a block of this many bytes is mapped on its own, 2 MB-aligned (else: operator new).
bool mapped(std::size_t bytes);
void* allocate(std::size_t bytes);  // throws std::bad_alloc
void deallocate(void* block, std::size_t bytes) noexcept;
}  // namespace huge_pages

template <typename T>
struct HugePageAllocator {
    using value_type = T;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n)
    {
        if (n > static_cast<std::size_t>(-1) / sizeof(T))
            throw std::bad_array_new_length();
        return static_cast<T*>(huge_pages::allocate(n * sizeof(T)));
    }
    void deallocate(T* block, std::size_t n) noexcept { huge_pages::deallocate(block, n * sizeof(T)); }

    // resize() default-initialises, so appending bytes is resize() then memcpy (appendBytes). A
    // vector with any allocator but std::allocator copies inserted ranges element by element,
    // which for bytes was a quarter of an import.
    template <typename U>
    void construct(U* at) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void*>(at)) U;
    }
    template <typename U, typename... Args>
    void construct(U* at, Args&&... args)
    {
        ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }

    template <typename U>
    friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&) noexcept
    {
        return true;  // stateless: any instance frees what another allocated
    }
};

/// Appends `bytes` to `arena` with one memcpy; returns where they start.
template <typename Allocator>
std::size_t appendBytes(std::vector<std::uint8_t, Allocator>& arena, std::span<const std::uint8_t> bytes)
{
    const std::size_t at = arena.size();
    arena.resize(at + bytes.size());
    if (!bytes.empty())
        std::memcpy(arena.data() + at, bytes.data(), bytes.size());
    return at;
}

}  // namespace eapscope
