#include "capture/huge_page_allocator.h"

#include <sys/mman.h>

#include <cstdint>

namespace eapscope::huge_pages {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;  // x86-64 and arm64 with 4 KB base pages

#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer every block comes from operator new, so that its red zones guard these
// buffers as they guard any other (a mapping has none): the fuzz replays read them.
constexpr std::size_t kSmallestMapped = static_cast<std::size_t>(-1);
#else
constexpr std::size_t kSmallestMapped = kHugePage;
#endif

std::size_t roundUp(std::size_t bytes)
{
    return (bytes + kHugePage - 1) & ~(kHugePage - 1);
}

}  // namespace

bool mapped(std::size_t bytes)
{
    return bytes >= kSmallestMapped;
}

void* allocate(std::size_t bytes)
{
    if (!mapped(bytes))
        return ::operator new(bytes);
    const std::size_t size = roundUp(bytes);
    // Map one huge page more than needed and unmap the ends, so that the block starts on a huge
    // page boundary (the kernel backs only aligned 2 MB ranges with huge pages).
    void* mapped =
        ::mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (start + kHugePage - 1) & ~std::uintptr_t{kHugePage - 1};
    if (aligned > start)
        ::munmap(mapped, aligned - start);
    if (const std::size_t tail = kHugePage - (aligned - start))
        ::munmap(reinterpret_cast<void*>(aligned + size), tail);
    void* block = reinterpret_cast<void*>(aligned);
    ::madvise(block, size, MADV_HUGEPAGE);  // advice only: without THP the block has small pages
    return block;
}

void deallocate(void* block, std::size_t bytes) noexcept
{
    if (!block)
        return;
    if (!mapped(bytes)) {
        ::operator delete(block, bytes);
        return;
    }
    ::munmap(block, roundUp(bytes));
}

}  // namespace eapscope::huge_pages
