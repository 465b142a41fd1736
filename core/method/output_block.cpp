#include "method/output_block.h"

#include "method/attribute_array.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace eapscope {

namespace {

// The pattern past dwSizeInBytes, made once (every MakeMessage writes and checks it).
constexpr auto kGuard = [] {
    std::array<std::uint8_t, OutputBlock::kGuardBytes> pattern{};
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        pattern[i] = static_cast<std::uint8_t>(0x5A ^ (i * 29));
    }
    return pattern;
}();

Bytes copyBlob(const BYTE* data, DWORD size)
{
    if (!data || size == 0) {
        return {};
    }
    return Bytes(data, data + std::min<std::size_t>(size, OutputBlock::kMaxBlobBytes));
}

}  // namespace

OutputBlock::OutputBlock(std::uint32_t outputSize)
    : size_(outputSize),
      storage_((std::max<std::size_t>(outputSize, sizeof(PPP_EAP_OUTPUT)) + kGuardBytes + 7) / 8, 0)
{
    auto* raw = reinterpret_cast<std::uint8_t*>(storage_.data());
    std::memcpy(raw + size_, kGuard.data(), kGuard.size());
    if (size_ >= sizeof(DWORD)) {
        get()->dwSizeInBytes = size_;
    }
}

const std::uint8_t* OutputBlock::bytes() const
{
    return reinterpret_cast<const std::uint8_t*>(storage_.data());
}

bool OutputBlock::overrun() const
{
    return std::memcmp(bytes() + size_, kGuard.data(), kGuard.size()) != 0;
}

// Only the host's dwSizeInBytes bytes are the method's to write: fields past it are not read.
PPP_EAP_OUTPUT OutputBlock::fields() const
{
    PPP_EAP_OUTPUT out{};
    std::memcpy(&out, bytes(), std::min<std::size_t>(size_, sizeof out));
    return out;
}

void OutputBlock::copyInto(CallOutcome& outcome) const
{
    const PPP_EAP_OUTPUT out = fields();
    outcome.action = out.Action;
    outcome.authResultCode = out.dwAuthResultCode;
    if (out.pUserAttributes) {
        DecodedAttributes decoded = decodeAttributes(out.pUserAttributes);
        outcome.outputAttributes = std::move(decoded.attributes);
        outcome.attributesProblem = std::move(decoded.problem);
    }
    outcome.invokeInteractiveUI = out.fInvokeInteractiveUI != FALSE;
    outcome.uiContextData = copyBlob(out.pUIContextData, out.dwSizeOfUIContextData);
    outcome.saveConnectionData = out.fSaveConnectionData != FALSE;
    outcome.connectionData = copyBlob(out.pConnectionData, out.dwSizeOfConnectionData);
    outcome.saveUserData = out.fSaveUserData != FALSE;
    outcome.userData = copyBlob(out.pUserData, out.dwSizeOfUserData);
}

}  // namespace eapscope
