// Which reader a file needs, decided by its first bytes and never by its name: users rename
// captures to .eapscope and mail session files as .bin. One rule for every front end.
#pragma once

#include "common/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace eapscope {

enum class InputKind : std::uint8_t { SessionFile, Capture };

std::string_view toString(InputKind kind);  // "session file", "capture"

/// The kind of file the leading bytes announce: an SQLite header is a session file; pcap (µs
/// and ns, either byte order, and libpcap's modified format), pcapng (a section header block)
/// and gzip (compressed captures) are captures. Error (naming `name`) when it is neither.
Result<InputKind> inputKindOf(std::span<const std::uint8_t> head, const std::string& name);

/// inputKindOf() of the file's first bytes. Error naming the file when it cannot be read, is
/// a directory, is empty or is neither kind.
Result<InputKind> sniffInputKind(const std::string& path);

}  // namespace eapscope
