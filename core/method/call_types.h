// Plain values that cross the executor interface: what the engine asks a method to do and
// what came back, including the contract observations made around the call. They are plain
// data so that the isolated host can serialise them over its pipe (DESIGN.md "Processes").
#pragma once

#include "common/message_text.h"
#include "trace/event_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

using Bytes = std::vector<std::uint8_t>;

/// A RAS_AUTH_ATTRIBUTE by value (RASEAP.md §1.1, §2.4). `pointer` tells which Value form
/// the type uses: pointer types carry `data`, integral types carry `integral` (host order).
struct AuthAttribute {
    std::uint32_t type = 0;
    std::uint32_t length = 0;
    bool pointer = true;
    Bytes data;
    std::uint64_t integral = 0;

    bool operator==(const AuthAttribute&) const = default;
};

/// Whether a RAS_AUTH_ATTRIBUTE_TYPE carries a pointer (true) or an integral value (false),
/// per the RASEAP.md §2.4 table. Unknown types are treated as pointers.
bool attributeIsPointer(std::uint32_t type);

struct LoadRequest {
    std::string path;                   // resolved library path
    std::string displayName;            // bundled name or file name
    std::optional<std::uint32_t> type;  // --type; absent = probe 1..254
};

/// What loading found. `findings` lists LOAD_* rule ids with messages when loading failed or
/// the method broke a load rule; `ok` is false when the method cannot be used.
struct LoadReport {
    bool ok = false;
    std::string name;
    std::string path;
    std::string sha256;
    std::uint32_t eapType = 0;
    std::vector<std::uint32_t> answeredTypes;  // types RasEapGetInfo answered NO_ERROR for
    std::vector<std::string> exports;          // RasEapGetInfo, RasEapFreeMemory, RasEapInvokeConfigUI, …
    // RAS_EAP_ROLE_* bits from the optional RasEapRolesSupported export (raseap.h; RASEAP.md
    // §2.5); 3 = authenticator | authenticatee when the export is absent.
    std::uint32_t roles = 3;
    bool rolesExported = false;
    std::vector<std::string> notes;  // observations that are not findings (e.g. pointers outside the image)
    bool hasInitialize = false;
    bool hasBegin = false;
    bool hasEnd = false;
    bool hasMakeMessage = false;
    struct LoadFinding {
        std::string rule;
        std::string message;
        // The message as a sentence for the GUI (message == text.english()); the host wire
        // carries it beside the message, and the controller's own load findings make one too.
        MessageText text;
    };
    std::vector<LoadFinding> findings;
    std::string error;  // why ok is false, naming the file
};

/// Inputs of RasEapBegin (RASEAP.md §3.3). The executor builds the PPP_EAP_INPUT from it.
struct BeginRequest {
    std::uint32_t contextTag = 0;  // ContextId value + 1 (0 = no context), for heap attribution
    bool authenticator = false;
    std::uint32_t flags = 0;
    std::u16string identity;
    std::optional<std::u16string> password;  // peer only; absent = NULL
    std::uint8_t initialId = 0;
    std::vector<AuthAttribute> userAttributes;  // authenticator: dialed-in user attributes
    Bytes connectionData;
    Bytes userData;
    std::uint32_t inputSize = 128;  // PPP_EAP_INPUT.dwSizeInBytes: 128 classic, 152 current
};

/// Inputs of RasEapMakeMessage (RASEAP.md §3.4).
struct MakeMessageRequest {
    std::uint32_t contextTag = 0;  // ContextId value + 1
    std::uint64_t workBuffer = 0;
    std::optional<Bytes> receivePacket;  // absent = NULL
    std::uint32_t cbSendPacket = 1400;
    std::uint32_t flags = 0;                    // kCallFlag* of trace.h
    std::uint32_t authResultCode = 0;           // with kCallFlagAuthComplete
    std::vector<AuthAttribute> userAttributes;  // back-end results with kCallFlagAuthComplete
    std::uint32_t outputSize = 80;              // PPP_EAP_OUTPUT.dwSizeInBytes: 80 classic, 96 current
};

/// One allocator event seen by the heap tracer during (or between) calls.
struct HeapEvent {
    bool alloc = true;
    std::uint64_t address = 0;
    std::uint64_t size = 0;
    std::uint32_t contextTag = 0;  // ContextId value + 1; 0 = instance-owned (outside any context's call)
    std::uint64_t timeNs = 0;      // since the executor started
    std::string site;              // "func (file:line)\n…" with --stacks, else empty
    // Tracer verdicts for frees it could not match: DOUBLE_FREE / INVALID_FREE, or empty.
    std::string anomaly;
};

/// How a host process ended when it did not return from a call.
struct HostFailure {
    enum class Kind : std::uint8_t { Crash, Exit, Hang, PacketOverflowFault };
    Kind kind = Kind::Crash;
    std::optional<int> signal;
    std::optional<int> exitStatus;
    std::string detail;
    // The detail as a sentence (detail == text.english()) when the controller made it; empty for a
    // detail that came as plain text (the host's own words). Never sent on the wire.
    MessageText text;
    // The Windows host's unhandled exception (NTSTATUS, e.g. 0xC0000005 access violation; abort()
    // is 0x40000015). Set by the controller from the host's dying report, never sent on the wire.
    std::optional<std::uint32_t> exceptionCode;

    /// The detail to show: `text`, or the detail as it is.
    [[nodiscard]] MessageText sentence() const { return text.empty() ? verbatim(detail) : text; }
    /// Sets both forms from a sentence.
    void describe(MessageText sentence)
    {
        detail = sentence.english();
        text = std::move(sentence);
    }
};

/// Everything a call produced and everything the runner observed around it.
struct CallOutcome {
    EntryPoint entry = EntryPoint::None;
    std::uint32_t result = 0;  // DWORD returned
    std::uint64_t durationNs = 0;
    bool skipped = false;  // the entry point is NULL (RASEAP.md §1.5): nothing was called

    // RasEapBegin
    std::uint64_t workBuffer = 0;
    bool workBufferWritten = false;  // *ppWorkBuffer differs from the pre-filled sentinel

    // RasEapMakeMessage (PPP_EAP_OUTPUT as copied right after the call)
    std::uint32_t action = 0;
    std::uint32_t authResultCode = 0;
    Bytes sendPacket;  // Length bytes of pSendPacket for Send* actions (at most cbSendPacket)
    std::uint32_t sendLengthField = 0;  // the Length field as the method wrote it
    std::vector<AuthAttribute> outputAttributes;
    std::string attributesProblem;  // why pUserAttributes is malformed (ATTRIBUTES_MALFORMED), or empty
    bool invokeInteractiveUI = false;
    Bytes uiContextData;
    bool saveConnectionData = false;
    bool saveUserData = false;
    Bytes connectionData;
    Bytes userData;

    // Contract observations (RASEAP.md §3.7, §3.8)
    std::string inputModified;                   // which host-owned input changed, or empty
    bool outputOverrun = false;                  // guard bytes after the host's PPP_EAP_OUTPUT changed
    bool infoOverrun = false;                    // GetInfo wrote past PPP_EAP_INFO
    bool packetOverflow = false;                 // wrote past cbSendPacket
    std::optional<std::int64_t> overflowOffset;  // offset from pSendPacket of the first stray write
    bool inputUsedAfterCall = false;             // touched Begin input after Begin returned (host guard mode)
    std::string inputUsedDetail;

    std::vector<HeapEvent> heap;         // tracer events of this call, in order
    std::optional<HostFailure> failure;  // isolated host died or hung in this call
};

}  // namespace eapscope
