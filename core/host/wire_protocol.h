// The host protocol: how the controller (HostExecutor) and eapscope-host talk over two AF_UNIX
// stream sockets, one per direction: the host reads requests from `--fd N` and writes replies to
// `--write-fd M` (never stdout, so a method that prints cannot corrupt the stream; the host also
// points its stdout at stderr; eapscope-host.exe under Wine has them on stdin and stdout). One
// socket for both directions would wake each side once per frame with nothing to read
// (host_channel.h).
//
// Framing (all integers little-endian):
//   frame   = u32 bodyLength | body            bodyLength in 1..kMaxFrameBody
//   body    = u8 FrameType   | payload
// The first frame each way is Hello { u32 kMagic, u16 kVersion, u32 pid, u8 tracerActive };
// a peer that sees another magic or version drops the connection. After that the controller
// sends one request frame and the host answers with exactly one reply frame — a call's reply
// carries the whole CallOutcome with every heap event the call made (no round trip per event).
// Only when the host dies inside a call does it volunteer frames: Dying { u32 signal } first
// (no allocation needed to send it), then DyingEvents with what the tracer still held.
//
// A stream that ends, a length out of range, an unknown type or a payload that does not decode
// exactly is a broken host: the controller kills it and reports a HostFailure.
#pragma once

#include <cstdint>
#include <string>

namespace eapscope::wire {

inline constexpr std::uint32_t kMagic = 0x48536145;  // "EaSH"
// 2: a LoadReport carries roles and notes, and each load finding its sentence (MessageText)
// beside its English message.
inline constexpr std::uint16_t kVersion = 2;
inline constexpr std::uint32_t kMaxFrameBody = 64u << 20;  // a call reply is far smaller
inline constexpr std::size_t kFrameHeaderSize = 4;

enum class FrameType : std::uint8_t {
    // controller → host
    Hello = 1,
    Load = 2,         // LoadRequest
    Initialize = 3,   // bool
    Begin = 4,        // BeginRequest
    MakeMessage = 5,  // MakeMessageRequest
    End = 6,          // u32 contextTag, u64 workBuffer
    DrainHeap = 7,    // (empty)
    Unload = 8,       // (empty)
    Checkpoint = 9,   // (empty): fork a paused copy at this call boundary
    Resume = 10,      // (empty): sent to a paused copy, which becomes the live host
    Shutdown = 11,    // (empty)
    // host → controller
    LoadReply = 64,        // LoadReport + HostStatus
    CallReply = 65,        // CallOutcome + HostStatus
    HeapReply = 66,        // vector<HeapEvent>
    CheckpointReply = 67,  // CheckpointResult (+ the paused copy's socket as SCM_RIGHTS)
    Ack = 68,              // (empty)
    ErrorReply = 69,       // string
    Dying = 70,            // u32 signal (0 = exit() called), sent from the fatal-signal handler
    DyingEvents = 71,      // vector<HeapEvent> drained while dying
};

struct Hello {
    std::uint32_t magic = kMagic;
    std::uint16_t version = kVersion;
    std::uint32_t pid = 0;
    bool tracerActive = false;
};

/// What the host tells after every load and call, beside the outcome itself.
struct HostStatus {
    std::uint32_t threads = 1;  // entries in /proc/self/task: >1 makes checkpoints unsafe
};

struct CheckpointResult {
    bool ok = false;
    std::uint32_t pid = 0;  // the paused copy
    std::string message;    // why not, when !ok
};

}  // namespace eapscope::wire
