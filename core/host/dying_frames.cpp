#include "host/dying_frames.h"

#include "host/wire_protocol.h"

#include <cstring>

namespace eapscope::dying {

namespace {

constexpr std::size_t kRecords = 8192;
constexpr std::size_t kBuffer = 4u << 20;

eapscope_heap_record g_records[kRecords];
std::uint8_t g_buffer[kBuffer];

/// A bump encoder over g_buffer.
class FixedWriter {
public:
    void u8(std::uint8_t v)
    {
        if (pos_ < kBuffer) {
            g_buffer[pos_++] = v;
        }
    }
    void little(std::uint64_t v, int width)
    {
        for (int i = 0; i < width; ++i) {
            u8(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }
    void text(const char* s)
    {
        const std::size_t n = std::strlen(s);
        little(n, 4);
        for (std::size_t i = 0; i < n; ++i) {
            u8(static_cast<std::uint8_t>(s[i]));
        }
    }
    void patch32(std::size_t at, std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i) {
            g_buffer[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
        }
    }
    [[nodiscard]] std::size_t pos() const { return pos_; }
    [[nodiscard]] bool room(std::size_t n) const { return kBuffer - pos_ > n; }

private:
    std::size_t pos_ = 0;
};

}  // namespace

std::span<const std::uint8_t> signalFrame(std::uint32_t code, std::uint8_t (&out)[9])
{
    const std::uint8_t frame[9] = {5,
                                   0,
                                   0,
                                   0,
                                   static_cast<std::uint8_t>(wire::FrameType::Dying),
                                   static_cast<std::uint8_t>(code),
                                   static_cast<std::uint8_t>(code >> 8),
                                   static_cast<std::uint8_t>(code >> 16),
                                   static_cast<std::uint8_t>(code >> 24)};
    std::memcpy(out, frame, sizeof frame);
    return {out, sizeof frame};
}

std::span<const std::uint8_t> eventsFrame(const TracerLink* tracer)
{
    FixedWriter out;
    out.little(0, 4);  // body length, patched below
    out.u8(static_cast<std::uint8_t>(wire::FrameType::DyingEvents));
    const std::size_t countAt = out.pos();
    out.little(0, 4);
    std::uint32_t count = 0;
    std::size_t n = 0;
    constexpr std::size_t kEventBytes = 1 + 8 + 8 + 4 + 8 + 4 + 4 + 16;
    do {
        n = tracer != nullptr ? tracer->drainRaw(g_records, kRecords) : 0;
        for (std::size_t i = 0; i < n && out.room(kEventBytes); ++i, ++count) {
            const eapscope_heap_record& r = g_records[i];
            out.u8(r.kind == EAPSCOPE_HEAP_ALLOC ? 1 : 0);
            out.little(r.address, 8);
            out.little(r.size, 8);
            out.little(r.context_tag, 4);
            out.little(r.time_ns, 8);
            out.text("");
            out.text(TracerLink::anomalyOf(r.kind));
        }
    } while (n == kRecords && out.room(kRecords));
    out.patch32(countAt, count);
    out.patch32(0, static_cast<std::uint32_t>(out.pos() - wire::kFrameHeaderSize));
    return {g_buffer, out.pos()};
}

std::span<const std::uint8_t> textFrame(const char* text)
{
    FixedWriter out;
    out.little(0, 4);
    out.u8(static_cast<std::uint8_t>(wire::FrameType::ErrorReply));
    out.text(text);
    out.patch32(0, static_cast<std::uint32_t>(out.pos() - wire::kFrameHeaderSize));
    return {g_buffer, out.pos()};
}

}  // namespace eapscope::dying
