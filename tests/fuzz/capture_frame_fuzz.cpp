// libFuzzer target: one captured frame through every link-layer and carrier decoder and the
// conversation builder (issue 6 part 7). The first byte picks the link type.
#include "capture/conversation_builder.h"
#include "capture/frame_decoder.h"

#include <array>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr std::array kLinkTypes{0,   1,   9,   50,  101, 105, 108, 113,
                                           119, 127, 163, 192, 204, 228, 229, 276};
    if (size < 1) {
        return 0;
    }
    eapscope::CaptureFrame frame;
    frame.number = 1;
    frame.linkType = kLinkTypes[data[0] % kLinkTypes.size()];
    frame.data = data + 1;
    frame.length = static_cast<std::uint32_t>(size - 1);
    frame.wireLength = frame.length + (data[0] & 0x80 ? 100 : 0);
    eapscope::FrameDecoder decoder;
    eapscope::CaptureImport import;
    eapscope::ConversationBuilder builder(import);
    std::vector<eapscope::CarrierPacket> carriers;
    // The same frame twice: duplicates, reassembly of repeated fragments. What a frame gives is
    // added before the next frame is decoded, as the importer does (its byte views last that long).
    for (std::uint32_t number : {1u, 2u}) {
        frame.number = number;
        decoder.decode(frame, carriers);
        for (eapscope::CarrierPacket& packet : carriers) {
            builder.add(std::move(packet));
        }
        carriers.clear();
    }
    builder.finish();
    return 0;
}
