#include "input/input_kind.h"

#include "common/system_text.h"
#include "store/session_reader.h"

#include <sys/stat.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace eapscope {
namespace {

bool isCaptureMagic(std::span<const std::uint8_t> head)
{
    if (head.size() >= 2 && head[0] == 0x1f && head[1] == 0x8b) {
        return true;  // gzip: the capture reader inflates it (capture/gzip_stream.h)
    }
    if (head.size() < 4) {
        return false;
    }
    const std::uint32_t le = head[0] | (head[1] << 8) | (head[2] << 16) | (std::uint32_t{head[3]} << 24);
    // pcap in µs and ns and the modified (Kuznetzov) format, each in both byte orders; then the
    // pcapng section header block type, which reads the same in either byte order.
    constexpr std::array<std::uint32_t, 7> kMagics = {0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1,
                                                      0xa1b2cd34, 0x34cdb2a1, 0x0a0d0d0a};
    return std::ranges::find(kMagics, le) != kMagics.end();
}

}  // namespace

std::string_view toString(InputKind kind)
{
    switch (kind) {
        case InputKind::SessionFile:
            return "session file";
        case InputKind::Capture:
            return "capture";
    }
    return "capture";
}

Result<InputKind> inputKindOf(std::span<const std::uint8_t> head, const std::string& name)
{
    if (head.empty()) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText", "%1: the file is empty; expected an EapScope session file or a capture"),
                   {verbatim(name)}));
    }
    if (isSessionFileHeader(head)) {
        return InputKind::SessionFile;
    }
    if (isCaptureMagic(head)) {
        return InputKind::Capture;
    }
    return makeError(
        phrase(EAPSCOPE_TRANSLATE_NOOP(
                   "EngineText",
                   "%1: neither an EapScope session file nor a capture EapScope can read (expected a session "
                   "file saved by EapScope, or pcap or pcapng, optionally gzip-compressed)"),
               {verbatim(name)}));
}

Result<InputKind> sniffInputKind(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot open: %2"),
                                {verbatim(path), errnoText(errno)}));
    }
    if (S_ISDIR(info.st_mode)) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot open: it is a directory"),
                                {verbatim(path)}));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot open: %2"),
                                {verbatim(path), errnoText(errno)}));
    }
    std::array<std::uint8_t, 16> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    return inputKindOf(std::span(head).first(static_cast<std::size_t>(in.gcount())), path);
}

}  // namespace eapscope
