// Whole pages from the operating system, for GuardedBuffer's Pages mode: mmap/mprotect on
// POSIX (page_memory_posix.cpp), VirtualAlloc/VirtualProtect on Windows (page_memory_win.cpp).
// protect() is async-signal-safe on POSIX and callable from a vectored exception handler on
// Windows: the fault handlers open guard pages with it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace eapscope::pages {

enum class Access : std::uint8_t { None, ReadWrite };

[[nodiscard]] std::size_t size();
/// `bytes` (a multiple of size()) readable and writable, zeroed; nullptr when the system refuses.
[[nodiscard]] std::uint8_t* map(std::size_t bytes);
void unmap(std::uint8_t* start, std::size_t bytes);
bool protect(std::uint8_t* start, std::size_t bytes, Access access);

}  // namespace eapscope::pages
