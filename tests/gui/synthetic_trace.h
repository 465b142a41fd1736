// Small synthetic sessions for the GUI tests, written like a picture of the conversation so a
// test reads as what it checks (CONVENTIONS.md: compact test inputs).
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <vector>

namespace eapscope::ui::test {

/// An EAP-MD5 loopback in one context per side:
///   A1 Begin (work buffer 0x1000, 64 bytes)   P1 Begin (0x2000, 32 bytes)
///   A1 MakeMessage → Request/MD5-Challenge id=2 (16-byte value 00..0f, name "srv")
///   P1 MakeMessage(request) → Response/MD5-Challenge id=2
///   A1 MakeMessage(response) → Success id=2; a 24-byte block at 0x3000 leaks in A1
///   A1 End, P1 End; finding HEAP_LEAK (A1, the End call)
Trace md5Session();

/// The MD5-Challenge request bytes used above.
std::vector<std::uint8_t> md5Request();

}  // namespace eapscope::ui::test
