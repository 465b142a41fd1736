#include "method/page_memory.h"

#include <sys/mman.h>
#include <unistd.h>

namespace eapscope::pages {

std::size_t size()
{
    static const auto pageSize = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return pageSize;
}

std::uint8_t* map(std::size_t bytes)
{
    void* mapping = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return mapping == MAP_FAILED ? nullptr : static_cast<std::uint8_t*>(mapping);
}

void unmap(std::uint8_t* start, std::size_t bytes)
{
    munmap(start, bytes);
}

bool protect(std::uint8_t* start, std::size_t bytes, Access access)
{
    return mprotect(start, bytes, access == Access::None ? PROT_NONE : PROT_READ | PROT_WRITE) == 0;
}

}  // namespace eapscope::pages
