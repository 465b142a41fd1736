#include "method/page_memory.h"

#include <windows.h>

namespace eapscope::pages {

std::size_t size()
{
    static const std::size_t pageSize = [] {
        SYSTEM_INFO info{};
        GetSystemInfo(&info);
        return static_cast<std::size_t>(info.dwPageSize);
    }();
    return pageSize;
}

std::uint8_t* map(std::size_t bytes)
{
    return static_cast<std::uint8_t*>(VirtualAlloc(nullptr, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE));
}

void unmap(std::uint8_t* start, std::size_t /*bytes*/)
{
    VirtualFree(start, 0, MEM_RELEASE);
}

bool protect(std::uint8_t* start, std::size_t bytes, Access access)
{
    DWORD previous = 0;
    return VirtualProtect(start, bytes, access == Access::None ? PAGE_NOACCESS : PAGE_READWRITE, &previous) !=
           0;
}

}  // namespace eapscope::pages
