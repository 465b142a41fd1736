// libFuzzer target: the host wire protocol (core/host/wire_protocol.h), which the controller
// reads from a method host that may be broken. Input byte 0 chooses a payload decoder, the rest
// is its payload: a decode either fails or yields a value that encodes and decodes back to the
// same bytes. The whole input is also fed to HostChannel as a raw stream: framing must reject
// what does not parse, never read past a frame.
#include "host/host_channel.h"
#include "host/wire_messages.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

namespace {

using namespace eapscope;

template <typename T>
void roundTrip(std::span<const std::uint8_t> payload)
{
    T value{};
    if (!wire::decodePayload(payload, value)) {
        return;
    }
    const std::vector<std::uint8_t> again = wire::encodePayload(value);
    T second{};
    if (!wire::decodePayload(again, second) || wire::encodePayload(second) != again) {
        std::abort();  // what decodes must encode to a stable form
    }
}

void decodeAs(std::uint8_t selector, std::span<const std::uint8_t> payload)
{
    switch (selector % 9) {
        case 0:
            return roundTrip<wire::Hello>(payload);
        case 1:
            return roundTrip<LoadRequest>(payload);
        case 2:
            return roundTrip<LoadReport>(payload);
        case 3:
            return roundTrip<BeginRequest>(payload);
        case 4:
            return roundTrip<MakeMessageRequest>(payload);
        case 5:
            return roundTrip<CallOutcome>(payload);
        case 6:
            return roundTrip<std::vector<HeapEvent>>(payload);
        case 7:
            return roundTrip<wire::CheckpointResult>(payload);
        default:
            return roundTrip<std::string>(payload);
    }
}

void readFrames(std::span<const std::uint8_t> stream)
{
    int ends[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        return;
    }
    const std::size_t chunk = std::min<std::size_t>(stream.size(), 64 * 1024);  // fits the socket buffer
    if (chunk > 0 && ::write(ends[1], stream.data(), chunk) < 0) {
        ::close(ends[1]);
        ::close(ends[0]);
        return;
    }
    ::close(ends[1]);
    HostChannel channel(ends[0]);
    for (int frames = 0; frames < 1024; ++frames) {
        const Received got = channel.receive(0);
        if (got.status != Received::Status::Ok) {
            break;
        }
        if (got.frame.payload.size() + wire::kFrameHeaderSize + 1 > chunk) {
            std::abort();  // a frame longer than the bytes that arrived
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    decodeAs(data[0], std::span<const std::uint8_t>(data + 1, size - 1));
    readFrames(std::span<const std::uint8_t>(data, size));
    return 0;
}
