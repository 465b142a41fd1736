#include "capture/pcapng_interface_filter.h"

#include "capture/gzip_stream.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace eapscope {
namespace {

constexpr std::uint32_t kSectionHeader = 0x0A0D0D0A, kInterface = 1, kObsoletePacket = 2, kSimplePacket = 3,
                        kEnhancedPacket = 6;
// A block larger than this is not a real capture block; treat it as the end of usable data.
constexpr std::uint32_t kMaxBlock = 64u << 20;

struct Filter {
    FILE* source = nullptr;
    PcapngFilterState* state = nullptr;
    bool bigEndian = false;
    std::uint32_t sectionInterfaces = 0;
    std::vector<std::uint8_t> block;
    std::size_t served = 0;  // bytes of `block` already given to the reader

    std::uint32_t u32(std::size_t at) const
    {
        const std::uint8_t* p = block.data() + at;
        return bigEndian ? (std::uint32_t{p[0]} << 24) | (p[1] << 16) | (p[2] << 8) | p[3]
                         : (std::uint32_t{p[3]} << 24) | (p[2] << 16) | (p[1] << 8) | p[0];
    }

    bool readBlock()
    {
        block.resize(8);
        if (std::fread(block.data(), 1, 8, source) != 8) {
            return false;
        }
        if (std::memcmp(block.data(), "\x0a\x0d\x0d\x0a", 4) == 0) {
            std::uint8_t magic[4];
            if (std::fread(magic, 1, 4, source) != 4) {
                return false;
            }
            bigEndian = magic[0] == 0x1a;
            block.insert(block.end(), magic, magic + 4);
        }
        std::uint32_t total = u32(4);
        if (total < block.size() || total > kMaxBlock) {
            return false;
        }
        std::size_t have = block.size();
        block.resize(total);
        bool complete = std::fread(block.data() + have, 1, total - have, source) == total - have;
        state->consumed += complete ? total : have;
        return complete;
    }

    // Whether the block belongs in the one-interface stream.
    bool keep()
    {
        std::uint32_t type = u32(0);
        if (type == kSectionHeader) {
            sectionInterfaces = 0;
            return true;
        }
        if (type == kInterface) {
            std::uint32_t index = sectionInterfaces++;
            state->interfacesSeen = std::max(state->interfacesSeen, sectionInterfaces);
            return index == state->wantedInterface;
        }
        std::uint32_t interface = 0;
        if (type == kEnhancedPacket && block.size() >= 12) {
            interface = u32(8);
        } else if (type == kObsoletePacket && block.size() >= 12) {
            interface = bigEndian ? (block[8] << 8) | block[9] : (block[9] << 8) | block[8];
        } else if (type != kSimplePacket) {
            return false;  // name resolution, statistics, custom blocks: not needed for EAP
        }
        ++state->packetsSeen;
        if (interface != state->wantedInterface) {
            return false;
        }
        state->frameNumbers.push_back(state->packetsSeen);
        // libpcap sees a single interface, so the packet must name interface 0.
        if (type == kEnhancedPacket) {
            std::memset(block.data() + 8, 0, 4);
        } else if (type == kObsoletePacket) {
            std::memset(block.data() + 8, 0, 2);
        }
        return true;
    }

    ssize_t read(char* out, size_t size)
    {
        while (served == block.size()) {
            served = 0;
            if (!readBlock()) {
                block.clear();
                return 0;
            }
            if (!keep()) {
                block.clear();
            }
        }
        size_t n = std::min(size, block.size() - served);
        std::memcpy(out, block.data() + served, n);
        served += n;
        return static_cast<ssize_t>(n);
    }
};

ssize_t filterRead(void* cookie, char* buffer, size_t size)
{
    return static_cast<Filter*>(cookie)->read(buffer, size);
}

int filterClose(void* cookie)
{
    auto* filter = static_cast<Filter*>(cookie);
    int rc = std::fclose(filter->source);
    delete filter;  // NOLINT: owned through the C cookie API
    return rc;
}

}  // namespace

FILE* openPcapngInterface(const std::string& path, PcapngFilterState& state)
{
    FILE* source = isGzipFile(path) ? openGzipStream(path) : std::fopen(path.c_str(), "rb");
    if (!source) {
        return nullptr;
    }
    auto filter = std::make_unique<Filter>();
    filter->source = source;
    filter->state = &state;
    cookie_io_functions_t functions{filterRead, nullptr, nullptr, filterClose};
    FILE* file = fopencookie(filter.get(), "rb", functions);
    if (!file) {
        std::fclose(source);
        return nullptr;
    }
    filter.release();
    return file;
}

}  // namespace eapscope
