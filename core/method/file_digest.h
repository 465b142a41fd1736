// SHA-256 of a method library, recorded with every session (DESIGN.md "Session file").
#pragma once

#include "common/result.h"

#include <string>

namespace eapscope {

/// Lower-case hex SHA-256 of the file's bytes, or an error naming the file.
Result<std::string> sha256OfFile(const std::string& path);

}  // namespace eapscope
