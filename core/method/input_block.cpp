#include "method/input_block.h"

#include "trace/trace.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>

namespace eapscope {

namespace {

constexpr std::size_t kClassicInputBytes = offsetof(PPP_EAP_INPUT, hReserved) + sizeof(HANDLE);

#define EAPSCOPE_INPUT_FIELD(name)                            \
    {                                                         \
        offsetof(PPP_EAP_INPUT, name), "PPP_EAP_INPUT." #name \
    }
// RASEAP.md §1.3 field offsets, to name the field a stray write landed in.
constexpr std::array<std::pair<std::size_t, const char*>, 21> kInputFields = {{
    EAPSCOPE_INPUT_FIELD(dwSizeInBytes),
    EAPSCOPE_INPUT_FIELD(fFlags),
    EAPSCOPE_INPUT_FIELD(fAuthenticator),
    EAPSCOPE_INPUT_FIELD(pwszIdentity),
    EAPSCOPE_INPUT_FIELD(pwszPassword),
    EAPSCOPE_INPUT_FIELD(bInitialId),
    EAPSCOPE_INPUT_FIELD(pUserAttributes),
    EAPSCOPE_INPUT_FIELD(fAuthenticationComplete),
    EAPSCOPE_INPUT_FIELD(dwAuthResultCode),
    EAPSCOPE_INPUT_FIELD(hTokenImpersonateUser),
    EAPSCOPE_INPUT_FIELD(fSuccessPacketReceived),
    EAPSCOPE_INPUT_FIELD(fDataReceivedFromInteractiveUI),
    EAPSCOPE_INPUT_FIELD(pDataFromInteractiveUI),
    EAPSCOPE_INPUT_FIELD(dwSizeOfDataFromInteractiveUI),
    EAPSCOPE_INPUT_FIELD(pConnectionData),
    EAPSCOPE_INPUT_FIELD(dwSizeOfConnectionData),
    EAPSCOPE_INPUT_FIELD(pUserData),
    EAPSCOPE_INPUT_FIELD(dwSizeOfUserData),
    EAPSCOPE_INPUT_FIELD(hReserved),
    // The fields of the current SDK follow the classic structure (RASEAP.md §1.3); named by
    // offset because the platform's raseapif.h that eapscope-host.exe uses ends at hReserved.
    {kClassicInputBytes, "PPP_EAP_INPUT.guidConnectionId"},
    {kClassicInputBytes + sizeof(GUID), "PPP_EAP_INPUT.isVpn"},
}};
#undef EAPSCOPE_INPUT_FIELD

const char* fieldAt(std::size_t offset)
{
    const char* name = kInputFields.front().second;
    for (const auto& [start, field] : kInputFields) {
        if (start <= offset) {
            name = field;
        }
    }
    return name;
}

Bytes utf16Bytes(const std::u16string& text)
{
    Bytes bytes((text.size() + 1) * sizeof(char16_t), 0);  // + the NUL terminator (§3.7 item 7)
    std::memcpy(bytes.data(), text.data(), text.size() * sizeof(char16_t));
    return bytes;
}

void appendUnique(std::string& out, const char* name)
{
    if (out.find(name) == std::string::npos) {
        out += (out.empty() ? "" : ", ") + std::string(name);
    }
}

// The bytes of a snapshot part, keeping the storage an earlier snapshot left there.
Bytes& reuse(std::optional<Bytes>& part)
{
    return part ? *part : part.emplace();
}

}  // namespace

InputBlock::InputBlock(const BeginRequest& request, GuardMode mode, std::vector<GuardedBuffer>* pool)
    : mode_(mode), pool_(mode == GuardMode::Pages ? pool : nullptr)
{
    buffers_.reserve(4);
    storage_.input.dwSizeInBytes = request.inputSize;
    storage_.input.fFlags = request.flags;
    storage_.input.fAuthenticator = request.authenticator ? TRUE : FALSE;
    storage_.input.bInitialId = request.initialId;
    const Bytes identity = utf16Bytes(request.identity);
    storage_.input.pwszIdentity = reinterpret_cast<WCHAR*>(addBuffer("identity", identity.size()).data());
    buffers_.back().buffer.assign(identity);
    if (request.password) {
        const Bytes password = utf16Bytes(*request.password);
        storage_.input.pwszPassword = reinterpret_cast<WCHAR*>(addBuffer("password", password.size()).data());
        buffers_.back().buffer.assign(password);
    }
    if (!request.connectionData.empty()) {
        storage_.input.pConnectionData = addBuffer("connection data", request.connectionData.size()).data();
        storage_.input.dwSizeOfConnectionData = static_cast<DWORD>(request.connectionData.size());
        buffers_.back().buffer.assign(request.connectionData);
    }
    if (!request.userData.empty()) {
        storage_.input.pUserData = addBuffer("user data", request.userData.size()).data();
        storage_.input.dwSizeOfUserData = static_cast<DWORD>(request.userData.size());
        buffers_.back().buffer.assign(request.userData);
    }
    beginAttributes_ = AttributeArray(request.userAttributes);
    storage_.input.pUserAttributes = beginAttributes_.get();
}

GuardedBuffer& InputBlock::addBuffer(const char* name, std::size_t size)
{
    if (pool_) {
        for (auto it = pool_->begin(); it != pool_->end(); ++it) {
            if (it->reuse(size)) {
                buffers_.push_back({name, std::move(*it)});
                pool_->erase(it);
                return buffers_.back().buffer;
            }
        }
    }
    buffers_.push_back({name, GuardedBuffer(size, mode_)});
    return buffers_.back().buffer;
}

void InputBlock::releaseInto(std::vector<GuardedBuffer>& pool)
{
    constexpr std::size_t kMaxPooled = 16;
    if (mode_ != GuardMode::Pages) {
        return;
    }
    for (auto& named : buffers_) {
        if (pool.size() < kMaxPooled) {
            named.buffer.poison();
            pool.push_back(std::move(named.buffer));
        }
    }
    buffers_.clear();
}

void InputBlock::afterBegin()
{
    storage_.input.pConnectionData = nullptr;
    storage_.input.dwSizeOfConnectionData = 0;
    storage_.input.pUserData = nullptr;
    storage_.input.dwSizeOfUserData = 0;
    storage_.input.pUserAttributes = nullptr;
    beginAttributes_ = AttributeArray();
    if (mode_ == GuardMode::Pages) {
        repoison();  // kept mapped, so that a stale pointer faults instead of reading reused memory
        return;
    }
    std::erase_if(buffers_, [](const Named& named) {
        return std::strcmp(named.name, "connection data") == 0 || std::strcmp(named.name, "user data") == 0;
    });
}

void InputBlock::prepareCall(const MakeMessageRequest& request)
{
    const bool authComplete = (request.flags & kCallFlagAuthComplete) != 0;
    callAttributes_ = authComplete ? AttributeArray(request.userAttributes) : AttributeArray();
    storage_.input.pUserAttributes = callAttributes_.get();
    storage_.input.fAuthenticationComplete = authComplete ? TRUE : FALSE;
    storage_.input.dwAuthResultCode = authComplete ? request.authResultCode : 0;
    storage_.input.fSuccessPacketReceived = (request.flags & kCallFlagSuccessReceived) ? TRUE : FALSE;
    storage_.input.fDataReceivedFromInteractiveUI = (request.flags & kCallFlagUiData) ? TRUE : FALSE;
    storage_.input.pDataFromInteractiveUI = nullptr;
    storage_.input.dwSizeOfDataFromInteractiveUI = 0;
}

void InputBlock::repoison()
{
    if (mode_ != GuardMode::Pages) {
        return;
    }
    for (auto& named : buffers_) {
        named.buffer.poison();
    }
}

void InputBlock::snapshotInto(Snapshot& shot) const
{
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&storage_);
    shot.input.assign(raw, raw + sizeof storage_);
    shot.parts.resize(buffers_.size() + 2);
    std::size_t i = 0;
    for (const auto& named : buffers_) {
        auto& [name, bytes] = shot.parts[i++];
        name = named.name;
        if (named.buffer.poisoned()) {
            bytes.reset();
        } else {
            const auto readable = named.buffer.bytes();
            reuse(bytes).assign(readable.begin(), readable.end());
        }
    }
    shot.parts[i].first = "Begin attributes";
    beginAttributes_.snapshotInto(reuse(shot.parts[i++].second));
    shot.parts[i].first = "back-end attributes";
    callAttributes_.snapshotInto(reuse(shot.parts[i].second));
}

std::string InputBlock::changesSince(const Snapshot& before) const
{
    std::string changed;
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&storage_);
    const std::size_t inputBytes = std::min(before.input.size(), sizeof storage_);
    if (std::memcmp(raw, before.input.data(), inputBytes) != 0) {
        for (std::size_t i = 0; i < inputBytes; ++i) {
            if (before.input[i] != raw[i]) {
                appendUnique(changed, fieldAt(i));
            }
        }
    }
    const auto differs = [](const std::optional<Bytes>& was, std::span<const std::uint8_t> now) {
        return was && (was->size() != now.size() ||
                       (!now.empty() && std::memcmp(was->data(), now.data(), now.size()) != 0));
    };
    std::size_t i = 0;
    for (const auto& named : buffers_) {
        if (i >= before.parts.size()) {
            return changed;
        }
        if (!named.buffer.poisoned() && differs(before.parts[i].second, named.buffer.bytes())) {
            appendUnique(changed, named.name);
        }
        ++i;
    }
    const auto attributesChanged = [&](const AttributeArray& array) {
        const auto& was = before.parts[i].second;
        return was && !array.matches(*was);
    };
    if (i < before.parts.size() && attributesChanged(beginAttributes_)) {
        appendUnique(changed, before.parts[i].first);
    }
    ++i;
    if (i < before.parts.size() && attributesChanged(callAttributes_)) {
        appendUnique(changed, before.parts[i].first);
    }
    return changed;
}

const char* InputBlock::poisonedBufferAt(const void* address) const
{
    for (const auto& named : buffers_) {
        if (named.buffer.poisoned() && named.buffer.pagesContain(address)) {
            return named.name;
        }
    }
    return nullptr;
}

const char* InputBlock::unpoisonAt(const void* address)
{
    for (auto& named : buffers_) {
        if (named.buffer.poisoned() && named.buffer.pagesContain(address)) {
            named.buffer.unpoison();
            return named.name;
        }
    }
    return nullptr;
}

}  // namespace eapscope
