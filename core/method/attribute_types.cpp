// attributeIsPointer() of call_types.h: the "V" column of RASEAP.md §2.4.
#include "method/call_types.h"

#include <algorithm>
#include <array>

namespace eapscope {

namespace {
// Types whose Value is a 32-bit integral value in host order (RASEAP.md §2.4, "I").
constexpr std::array<std::uint32_t, 42> kIntegralTypes = {
    4,  5,  6,  7,  8,  9,  10, 12, 13, 14, 15, 16, 23, 27, 28, 29, 37, 38,   40,   41,   42,
    43, 45, 46, 47, 48, 49, 51, 55, 61, 62, 64, 65, 72, 73, 75, 76, 85, 8096, 8099, 8100, 8103};
}  // namespace

bool attributeIsPointer(std::uint32_t type)
{
    return std::find(kIntegralTypes.begin(), kIntegralTypes.end(), type) == kIntegralTypes.end();
}

}  // namespace eapscope
