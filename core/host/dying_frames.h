// The two frames a host sends when it dies inside a call (wire_protocol.h): Dying { u32 code }
// and DyingEvents with what the tracer still held. Encoded into fixed static storage, because
// they are built in a fatal-signal handler (POSIX) or a vectored exception handler (Windows),
// where allocating is not safe; the platform fault handler writes the bytes out.
#pragma once

#include "host/tracer_link.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace eapscope::dying {

/// Dying { code }: a signal number on POSIX (0 = exit() from a method), the exception code
/// on Windows. Returns the frame in `out` (9 bytes).
std::span<const std::uint8_t> signalFrame(std::uint32_t code, std::uint8_t (&out)[9]);

/// DyingEvents with every record the tracer still holds (no allocation sites: symbolizing may
/// allocate). Not reentrant: one static buffer.
std::span<const std::uint8_t> eventsFrame(const TracerLink* tracer);

/// ErrorReply carrying `text` (the Windows host's crash description: exception and faulting
/// module+offset), in the same static storage as eventsFrame.
std::span<const std::uint8_t> textFrame(const char* text);

}  // namespace eapscope::dying
