// Hex formatting and parsing of byte strings (packets, keys, addresses).
#pragma once

#include "common/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

/// Lower-case hex, no separators ("0102ff").
std::string toHex(std::span<const std::uint8_t> bytes);

/// Parses hex with optional spaces, colons or dashes between bytes.
Result<std::vector<std::uint8_t>> fromHex(std::string_view text);

}  // namespace eapscope
