#include "method/call_runner.h"

#include "method/output_block.h"

#include <algorithm>
#include <chrono>
#include <cstring>

namespace eapscope {

namespace {

// What *ppWorkBuffer holds before RasEapBegin: a value no allocator returns (RASEAP.md §3.7 item 8).
void* const kWorkBufferSentinel = reinterpret_cast<void*>(std::uintptr_t{0xEA5C0BE5EA5C0BE5});

template <typename Call>
void timedCall(CallOutcome& outcome, Call&& call)
{
    const auto start = std::chrono::steady_clock::now();
    outcome.result = call();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    outcome.durationNs = static_cast<std::uint64_t>(std::chrono::nanoseconds(elapsed).count());
}

void appendChange(std::string& out, const char* what)
{
    out += (out.empty() ? "" : ", ") + std::string(what);
}

}  // namespace

CallRunner::CallRunner(const PPP_EAP_INFO& info, GuardMode mode) : info_(info), mode_(mode)
{
}

CallOutcome CallRunner::initialize(bool initialize)
{
    CallOutcome outcome;
    outcome.entry = initialize ? EntryPoint::Initialize : EntryPoint::Uninitialize;
    if (!info_.RasEapInitialize) {
        outcome.skipped = true;  // RASEAP.md §3.2 step 4: NULL = no initialisation needed
        return outcome;
    }
    inputFault_ = nullptr;
    timedCall(outcome, [&] { return info_.RasEapInitialize(initialize ? TRUE : FALSE); });
    observeFaults(outcome);
    return outcome;
}

CallOutcome CallRunner::begin(const BeginRequest& request)
{
    CallOutcome outcome;
    outcome.entry = EntryPoint::Begin;
    auto& block = blocks_[request.contextTag];
    if (block) {
        block->releaseInto(pool_);
    }
    block = std::make_unique<InputBlock>(request, mode_, &pool_);
    if (!info_.RasEapBegin) {
        outcome.skipped = true;  // RASEAP.md §1.5: NULL work buffer, RasEapEnd is not called
        block->afterBegin();
        return outcome;
    }
    void* work = kWorkBufferSentinel;
    block->snapshotInto(inputBefore_);
    inputFault_ = nullptr;
    timedCall(outcome, [&] { return info_.RasEapBegin(&work, block->input()); });
    outcome.inputModified = block->changesSince(inputBefore_);
    outcome.workBufferWritten = work != kWorkBufferSentinel;
    outcome.workBuffer = outcome.workBufferWritten ? reinterpret_cast<std::uintptr_t>(work) : 0;
    block->afterBegin();
    observeFaults(outcome);
    if (outcome.result != NO_ERROR) {
        block->releaseInto(pool_);
        blocks_.erase(request.contextTag);  // RASEAP.md §3.3: no MakeMessage, no End after a failed Begin
    }
    return outcome;
}

InputBlock& CallRunner::blockFor(std::uint32_t contextTag)
{
    auto& block = blocks_[contextTag];
    if (!block) {
        // A call without Begin (host bug): give the method a zeroed classic input anyway.
        block = std::make_unique<InputBlock>(BeginRequest{.contextTag = contextTag}, mode_);
        block->afterBegin();
    }
    return *block;
}

void CallRunner::prepareSendBuffer(std::uint32_t cbSendPacket)
{
    if (!send_.data() || send_.size() != cbSendPacket || send_.mode() != mode_) {
        send_ = GuardedBuffer(cbSendPacket, mode_);
    }
    send_.assign({});
    send_.rearm();
}

// RASEAP.md §1.2: the method learns the size only from Length, so the host guarantees that
// Length bytes are readable: a packet shorter than its Length field is padded with zeros.
void CallRunner::prepareReceiveBuffer(const std::optional<Bytes>& packet)
{
    if (!packet) {
        return;
    }
    const std::size_t length = packet->size() >= 4 ? (std::size_t{(*packet)[2]} << 8 | (*packet)[3]) : 0;
    const std::size_t size = std::max({packet->size(), length, PPP_EAP_PACKET_HDR_LEN + 1});
    if (!receive_.data() || receive_.size() != size) {
        receive_ = GuardedBuffer(size, GuardMode::Canary);
    } else {
        receive_.rearm();
    }
    receive_.assign(*packet);
}

CallOutcome CallRunner::makeMessage(const MakeMessageRequest& request)
{
    CallOutcome outcome;
    outcome.entry = EntryPoint::MakeMessage;
    InputBlock& block = blockFor(request.contextTag);
    block.prepareCall(request);
    prepareSendBuffer(request.cbSendPacket);
    prepareReceiveBuffer(request.receivePacket);
    auto* received = request.receivePacket ? reinterpret_cast<PPP_EAP_PACKET*>(receive_.data()) : nullptr;
    receivedBefore_.assign(receive_.bytes().begin(), receive_.bytes().end());
    OutputBlock output(request.outputSize);
    block.snapshotInto(inputBefore_);
    inputFault_ = nullptr;
    sendFaultOffset_ = -1;
    timedCall(outcome, [&] {
        return info_.RasEapMakeMessage(
            reinterpret_cast<void*>(static_cast<std::uintptr_t>(request.workBuffer)), received,
            reinterpret_cast<PPP_EAP_PACKET*>(send_.data()), request.cbSendPacket, output.get(),
            block.input());
    });
    outcome.inputModified = block.changesSince(inputBefore_);
    if (received && !std::equal(receivedBefore_.begin(), receivedBefore_.end(), receive_.bytes().begin())) {
        appendChange(outcome.inputModified, "received packet");
    }
    outcome.outputOverrun = output.overrun();
    output.copyInto(outcome);
    observeSendBuffer(outcome);
    observeFaults(outcome);
    block.repoison();
    return outcome;
}

CallOutcome CallRunner::end(std::uint32_t contextTag, std::uint64_t workBuffer)
{
    CallOutcome outcome;
    outcome.entry = EntryPoint::End;
    if (!info_.RasEapBegin || !info_.RasEapEnd) {
        outcome.skipped = true;  // RASEAP.md §1.5: without Begin, RasEapEnd is ignored
    } else {
        inputFault_ = nullptr;
        timedCall(outcome, [&] {
            return info_.RasEapEnd(reinterpret_cast<void*>(static_cast<std::uintptr_t>(workBuffer)));
        });
        observeFaults(outcome);
    }
    if (const auto it = blocks_.find(contextTag); it != blocks_.end()) {
        it->second->releaseInto(pool_);
        blocks_.erase(it);
    }
    return outcome;
}

bool CallRunner::isSendAction(std::uint32_t action)
{
    return action == EAPACTION_Send || action == EAPACTION_SendAndDone ||
           action == EAPACTION_SendWithTimeout || action == EAPACTION_SendWithTimeoutInteractive;
}

// RASEAP.md §3.4: the host transmits exactly Length bytes of pSendPacket, never more than
// cbSendPacket; §3.8: bytes written past cbSendPacket are PACKET_OVERFLOW.
void CallRunner::observeSendBuffer(CallOutcome& outcome) const
{
    if (const auto canary = send_.firstChangedCanary()) {
        outcome.packetOverflow = true;
        outcome.overflowOffset = static_cast<std::int64_t>(*canary);
    }
    if (const std::int64_t fault = sendFaultOffset_; fault >= 0) {
        outcome.packetOverflow = true;
        outcome.overflowOffset = fault;
    }
    if (!isSendAction(outcome.action) || send_.size() < PPP_EAP_PACKET_HDR_LEN) {
        return;
    }
    const auto* packet = reinterpret_cast<const PPP_EAP_PACKET*>(send_.data());
    outcome.sendLengthField = RasEapPacketLength(packet);
    const std::size_t count = std::min<std::size_t>(outcome.sendLengthField, send_.size());
    outcome.sendPacket.assign(send_.data(), send_.data() + count);
}

void CallRunner::observeFaults(CallOutcome& outcome)
{
    if (const char* buffer = inputFault_.exchange(nullptr)) {
        outcome.inputUsedAfterCall = true;
        outcome.inputUsedDetail =
            std::string("the ") + buffer +
            " buffer passed to RasEapBegin was read after Begin returned (RASEAP.md §3.1)";
    }
}

std::optional<std::int64_t> CallRunner::sendGuardOffset(const void* faultAddress) const
{
    return send_.guardOffset(faultAddress);
}

bool CallRunner::resumeSendOverflow(const void* faultAddress)
{
    const auto offset = send_.guardOffset(faultAddress);
    if (!offset) {
        return false;
    }
    std::int64_t none = -1;
    sendFaultOffset_.compare_exchange_strong(none, *offset);
    return send_.openGuard();
}

bool CallRunner::isPoisonedInput(const void* faultAddress) const
{
    return std::any_of(blocks_.begin(), blocks_.end(), [&](const auto& entry) {
        return entry.second->poisonedBufferAt(faultAddress) != nullptr;
    });
}

bool CallRunner::unpoisonInput(const void* faultAddress)
{
    for (auto& [tag, block] : blocks_) {
        if (const char* name = block->unpoisonAt(faultAddress)) {
            const char* none = nullptr;
            inputFault_.compare_exchange_strong(none, name);
            return true;
        }
    }
    return false;
}

}  // namespace eapscope
