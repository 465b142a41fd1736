// The one persistent PPP_EAP_INPUT of a context and everything it points to (RASEAP.md §3.3:
// Begin fields stay populated in later calls, per-call fields are reset before each call).
// Identity and password are NUL-terminated UTF-16 in their own buffers; connection and user
// data exist only during Begin (§3.1). In GuardMode::Pages these Begin-only buffers sit in
// their own pages and are poisoned after Begin so that a later use faults (§3.8).
#pragma once

#include "method/attribute_array.h"
#include "method/call_types.h"
#include "method/guarded_buffer.h"

#include <eapscope/raseap.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eapscope {

class InputBlock {
public:
    /// `pool` (Pages mode): mapped buffers of ended contexts to reuse instead of mapping new ones.
    InputBlock(const BeginRequest& request, GuardMode mode, std::vector<GuardedBuffer>* pool = nullptr);
    InputBlock(const InputBlock&) = delete;
    InputBlock& operator=(const InputBlock&) = delete;

    [[nodiscard]] PPP_EAP_INPUT* input() { return &storage_.input; }

    /// After RasEapBegin returned: connection/user data are gone (§3.1), Begin attributes too;
    /// in Pages mode identity, password and the data pages are poisoned.
    void afterBegin();
    /// Resets the per-call fields from the request (§3.4 "Inputs prepared by the host").
    void prepareCall(const MakeMessageRequest& request);
    /// Re-poisons Begin-only buffers a fault handler opened during the last call (Pages mode).
    void repoison();

    /// Copies of every host-owned byte the method may read (poisoned buffers excluded), taken
    /// before a call into a Snapshot the caller keeps, so that its storage is reused.
    struct Snapshot {
        Bytes input;
        std::vector<std::pair<const char*, std::optional<Bytes>>> parts;
    };
    void snapshotInto(Snapshot& shot) const;
    /// Which input changed since `before` ("PPP_EAP_INPUT.fFlags, identity"), or empty; compares
    /// in place, without a second copy.
    [[nodiscard]] std::string changesSince(const Snapshot& before) const;

    /// Moves this block's (poisoned) mapped buffers into `pool` for a later context (Pages mode).
    void releaseInto(std::vector<GuardedBuffer>& pool);

    /// Name of the poisoned Begin-only buffer holding `address`, or nullptr.
    [[nodiscard]] const char* poisonedBufferAt(const void* address) const;
    /// Unpoisons the buffer holding `address` so the faulting access resumes. Signal-safe.
    const char* unpoisonAt(const void* address);

private:
    struct Named {
        const char* name;
        GuardedBuffer buffer;
    };
    GuardedBuffer& addBuffer(const char* name, std::size_t size);

    GuardMode mode_;
    std::vector<GuardedBuffer>* pool_ = nullptr;
    // PPP_EAP_INPUT_SIZE_CURRENT bytes whatever the header's structure holds: a method may read
    // guidConnectionId/isVpn when dwSizeInBytes says so (RASEAP.md §1.3), and the platform
    // header of eapscope-host.exe ends the structure at hReserved.
    static constexpr std::size_t kCurrentInputBytes = 152;  // RASEAP.md §1.3, x64
    struct Storage {
        PPP_EAP_INPUT input;
        std::array<std::uint8_t, kCurrentInputBytes - sizeof(PPP_EAP_INPUT)> current;
    } storage_{};
    std::vector<Named> buffers_;  // identity, password, connection data, user data
    AttributeArray beginAttributes_;
    AttributeArray callAttributes_;
};

}  // namespace eapscope
