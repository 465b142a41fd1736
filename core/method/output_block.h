// The host's PPP_EAP_OUTPUT for one MakeMessage call (RASEAP.md §1.4, §3.4): zero-filled,
// dwSizeInBytes = the host's size, guard bytes right after that size (§3.7 item 22), and the
// copy of everything the method handed out, taken right after the call (§3.1).
#pragma once

#include "method/call_types.h"

#include <eapscope/raseap.h>

#include <cstdint>
#include <vector>

namespace eapscope {

class OutputBlock {
public:
    static constexpr std::size_t kGuardBytes = 64;
    /// Copies of method buffers larger than this are cut (no EAP blob is anywhere near).
    static constexpr std::uint32_t kMaxBlobBytes = 1u << 20;

    explicit OutputBlock(std::uint32_t outputSize);

    [[nodiscard]] PPP_EAP_OUTPUT* get() { return reinterpret_cast<PPP_EAP_OUTPUT*>(storage_.data()); }
    [[nodiscard]] bool overrun() const;
    /// Action, result code, attributes, UI context and connection/user data into `outcome`.
    void copyInto(CallOutcome& outcome) const;

private:
    [[nodiscard]] PPP_EAP_OUTPUT fields() const;
    [[nodiscard]] const std::uint8_t* bytes() const;

    std::uint32_t size_;
    std::vector<std::uint64_t> storage_;  // 8-byte aligned: PPP_EAP_OUTPUT holds pointers
};

}  // namespace eapscope
