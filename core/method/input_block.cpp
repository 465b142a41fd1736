#include "method/input_block.h"

#include "trace/trace.h"

#include <array>
#include <cstddef>
#include <cstring>

namespace eapscope {

namespace {

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
    EAPSCOPE_INPUT_FIELD(guidConnectionId),
    EAPSCOPE_INPUT_FIELD(isVpn),
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

}  // namespace

InputBlock::InputBlock(const BeginRequest& request, GuardMode mode, std::vector<GuardedBuffer>* pool)
    : mode_(mode), pool_(mode == GuardMode::Pages ? pool : nullptr)
{
    buffers_.reserve(4);
    input_.dwSizeInBytes = request.inputSize;
    input_.fFlags = request.flags;
    input_.fAuthenticator = request.authenticator ? TRUE : FALSE;
    input_.bInitialId = request.initialId;
    const Bytes identity = utf16Bytes(request.identity);
    input_.pwszIdentity = reinterpret_cast<WCHAR*>(addBuffer("identity", identity.size()).data());
    buffers_.back().buffer.assign(identity);
    if (request.password) {
        const Bytes password = utf16Bytes(*request.password);
        input_.pwszPassword = reinterpret_cast<WCHAR*>(addBuffer("password", password.size()).data());
        buffers_.back().buffer.assign(password);
    }
    if (!request.connectionData.empty()) {
        input_.pConnectionData = addBuffer("connection data", request.connectionData.size()).data();
        input_.dwSizeOfConnectionData = static_cast<DWORD>(request.connectionData.size());
        buffers_.back().buffer.assign(request.connectionData);
    }
    if (!request.userData.empty()) {
        input_.pUserData = addBuffer("user data", request.userData.size()).data();
        input_.dwSizeOfUserData = static_cast<DWORD>(request.userData.size());
        buffers_.back().buffer.assign(request.userData);
    }
    beginAttributes_ = AttributeArray(request.userAttributes);
    input_.pUserAttributes = beginAttributes_.get();
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
    input_.pConnectionData = nullptr;
    input_.dwSizeOfConnectionData = 0;
    input_.pUserData = nullptr;
    input_.dwSizeOfUserData = 0;
    input_.pUserAttributes = nullptr;
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
    input_.pUserAttributes = callAttributes_.get();
    input_.fAuthenticationComplete = authComplete ? TRUE : FALSE;
    input_.dwAuthResultCode = authComplete ? request.authResultCode : 0;
    input_.fSuccessPacketReceived = (request.flags & kCallFlagSuccessReceived) ? TRUE : FALSE;
    input_.fDataReceivedFromInteractiveUI = (request.flags & kCallFlagUiData) ? TRUE : FALSE;
    input_.pDataFromInteractiveUI = nullptr;
    input_.dwSizeOfDataFromInteractiveUI = 0;
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

std::optional<Bytes> InputBlock::readable(const GuardedBuffer& buffer)
{
    if (buffer.poisoned()) {
        return std::nullopt;
    }
    return Bytes(buffer.bytes().begin(), buffer.bytes().end());
}

InputBlock::Snapshot InputBlock::snapshot() const
{
    Snapshot shot;
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&input_);
    shot.input.assign(raw, raw + sizeof input_);
    for (const auto& named : buffers_) {
        shot.parts.emplace_back(named.name, readable(named.buffer));
    }
    shot.parts.emplace_back("Begin attributes", beginAttributes_.snapshot());
    shot.parts.emplace_back("back-end attributes", callAttributes_.snapshot());
    return shot;
}

std::string InputBlock::describeChange(const Snapshot& before, const Snapshot& after)
{
    std::string changed;
    for (std::size_t i = 0; i < before.input.size() && i < after.input.size(); ++i) {
        if (before.input[i] != after.input[i]) {
            appendUnique(changed, fieldAt(i));
        }
    }
    for (std::size_t i = 0; i < before.parts.size() && i < after.parts.size(); ++i) {
        const auto& [name, was] = before.parts[i];
        const auto& now = after.parts[i].second;
        if (was && now && *was != *now) {
            appendUnique(changed, name);
        }
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
