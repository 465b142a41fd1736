#include "capture/capture_importer.h"

#include "capture/capture_file.h"
#include "capture/conversation_builder.h"
#include "capture/frame_decoder.h"
#include "common/log.h"
#include "eap/eap_anomaly_catalogue.h"

#include <algorithm>
#include <memory>

namespace eapscope {
namespace {

constexpr std::uint32_t kProgressEvery = 4096;  // frames between progress/cancel checks

// What a capture of this size may hold, reserved once so that the packets and their byte arena
// are never copied by a doubling. Both are in huge pages that are mapped only when written
// (huge_page_allocator.h): an over-estimate costs address space, not memory. The 30 MB bench
// capture holds one EAP packet per 456 bytes of file and 0.61 bytes of EAP per byte; TLS
// messages of several fragments are kept again whole, so the arena may outgrow the file.
constexpr std::uint64_t kFileBytesPerPacket = 256, kMaxReservedPackets = 2u << 20;
constexpr std::uint64_t kMaxReservedBytes = 1u << 30;

EapAnomaly fileAnomaly(std::string_view id, std::string message)
{
    const AnomalyInfo* info = anomalyInfo(id);
    return EapAnomaly{std::string(id), info ? info->severity : Severity::Warning, std::move(message), 0, 0};
}

// The importer's running state; restarted from scratch if the file has to be re-read per
// interface (pcapng with mixed link types, see CaptureFile).
struct ImportRun {
    CaptureImport result;
    FrameDecoder decoder;
    std::unique_ptr<ConversationBuilder> builder = std::make_unique<ConversationBuilder>(result);
    std::vector<CarrierPacket> carriers;  // this frame's, or all of them in per-interface mode
    // Per-interface mode: the bytes the carriers view (frame data and decoder buffers last one
    // frame), one buffer per carrier, kept until the carriers are added.
    std::vector<std::vector<std::uint8_t>> owned;
    bool perInterface = false;
    bool haveFirst = false;

    std::uint64_t sizeHint = 0;  // the file's size

    void reset(const std::string& path)
    {
        result = CaptureImport{};
        result.path = path;
        result.packets.reserve(std::min(sizeHint / kFileBytesPerPacket, kMaxReservedPackets));
        result.bytes.reserve(std::min(sizeHint + sizeHint / 2, kMaxReservedBytes));
        decoder = FrameDecoder{};
        builder = std::make_unique<ConversationBuilder>(result);
        carriers.clear();
        owned.clear();
        haveFirst = false;
    }

    void noteLinkType(int linkType)
    {
        if (std::find(result.linkTypes.begin(), result.linkTypes.end(), linkType) != result.linkTypes.end()) {
            return;
        }
        result.linkTypes.push_back(linkType);
        if (!FrameDecoder::supportsLinkType(linkType)) {
            result.anomalies.push_back(fileAnomaly(
                "CAPTURE_UNSUPPORTED_LINKTYPE", "link type " + std::to_string(linkType) + " is not decoded"));
        }
    }

    void frame(const CaptureFrame& frame)
    {
        result.frames = std::max(result.frames, frame.number);
        if (frame.number == 1 || !haveFirst) {  // times are relative to frame 1, as in Wireshark
            result.firstTimeNs = frame.timeNs;
            haveFirst = true;
        }
        noteLinkType(frame.linkType);
        std::size_t before = carriers.size();
        decoder.decode(frame, carriers);
        if (!perInterface) {
            for (std::size_t i = before; i < carriers.size(); ++i) {
                builder->add(std::move(carriers[i]));
            }
            carriers.clear();
        } else {
            for (std::size_t i = before; i < carriers.size(); ++i) {
                own(carriers[i]);
            }
        }
    }

    // Copies what the packet views into a buffer of its own (its address stays when `owned` grows).
    void own(CarrierPacket& packet)
    {
        std::vector<std::uint8_t>& store = owned.emplace_back();
        store.reserve(packet.eap.size() + packet.state.size() + packet.callingStationId.size());
        auto keep = [&](std::span<const std::uint8_t> bytes) {
            const std::size_t at = store.size();
            store.insert(store.end(), bytes.begin(), bytes.end());
            return std::span<const std::uint8_t>(store).subspan(at, bytes.size());
        };
        packet.eap = keep(packet.eap);
        packet.state = keep(packet.state);
        auto station = keep(std::span(reinterpret_cast<const std::uint8_t*>(packet.callingStationId.data()),
                                      packet.callingStationId.size()));
        packet.callingStationId = {reinterpret_cast<const char*>(station.data()), station.size()};
    }

    void finish(const CaptureFile& file, std::uint32_t framesBeforeCut)
    {
        if (perInterface) {
            std::stable_sort(
                carriers.begin(), carriers.end(),
                [](const CarrierPacket& a, const CarrierPacket& b) { return a.frame < b.frame; });
            for (CarrierPacket& packet : carriers) {
                builder->add(std::move(packet));
            }
            carriers.clear();
            owned.clear();
        }
        builder->finish();
        if (file.truncated()) {
            result.truncated = true;
            result.notice = file.error();
            result.anomalies.push_back(
                fileAnomaly("CAPTURE_TRUNCATED", "'" + result.path + "' is cut short after frame " +
                                                     std::to_string(framesBeforeCut) +
                                                     " (libpcap: " + file.error() + ")"));
        }
        if (std::size_t lost = decoder.incompleteDatagrams()) {
            result.anomalies.push_back(fileAnomaly("IP_FRAGMENTS_INCOMPLETE",
                                                   std::to_string(lost) + " IP datagram(s) never completed"));
        }
    }
};

}  // namespace

Result<CaptureImport> importCapture(const std::string& path, const ImportOptions& options)
{
    auto file = CaptureFile::open(path);
    if (!file) {
        return file.failure();
    }
    auto run = std::make_unique<ImportRun>();
    run->sizeHint = (*file)->fileSize();
    run->reset(path);
    CaptureFrame frame;
    std::uint32_t count = 0;
    while ((*file)->next(frame)) {
        if ((*file)->perInterface() && !run->perInterface) {
            run->reset(path);  // the file is re-read interface by interface from its start
            run->perInterface = true;
        }
        run->frame(frame);
        if (++count % kProgressEvery == 0) {
            if (options.cancel && options.cancel->load()) {
                return makeError(
                    phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "import of '%1' cancelled after %2 frames"),
                           {verbatim(path), verbatim(std::to_string(count))}));
            }
            if (options.progress) {
                options.progress((*file)->progress());
            }
        }
    }
    run->finish(**file, run->result.frames);
    if (options.progress) {
        options.progress(1.0);
    }
    moduleLogger("core.capture")
        ->debug("imported '{}': {} frames, {} EAP packets, {} conversations", path, run->result.frames,
                run->result.packets.size(), run->result.conversations.size());
    return std::move(run->result);
}

}  // namespace eapscope
