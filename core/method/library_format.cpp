#include "method/library_format.h"

#include <array>
#include <cstdio>
#include <fstream>

namespace eapscope {

namespace {

// PE/COFF: "MZ", e_lfanew at 0x3C, "PE\0\0", IMAGE_FILE_HEADER.Machine, then the optional
// header whose magic says PE32 (0x10B) or PE32+ (0x20B).
constexpr std::uint16_t kMachineAmd64 = 0x8664;
constexpr std::uint16_t kMachineI386 = 0x014C;
constexpr std::uint16_t kMachineArm64 = 0xAA64;
constexpr std::uint16_t kMagicPe32 = 0x10B;
constexpr std::uint16_t kMagicPe32Plus = 0x20B;

std::uint32_t little(const std::uint8_t* p, int width)
{
    std::uint32_t value = 0;
    for (int i = width - 1; i >= 0; --i) {
        value = (value << 8) | p[i];
    }
    return value;
}

std::string machineName(std::uint16_t machine)
{
    switch (machine) {
        case kMachineAmd64:
            return "x64";
        case kMachineI386:
            return "i386";
        case kMachineArm64:
            return "ARM64";
        default: {
            char text[16];
            std::snprintf(text, sizeof text, "0x%04X", machine);
            return text;
        }
    }
}

LibraryFormat peFormat(std::ifstream& file)
{
    std::array<std::uint8_t, 4> offset{};
    file.seekg(0x3C);
    if (!file.read(reinterpret_cast<char*>(offset.data()), offset.size())) {
        return {};
    }
    std::array<std::uint8_t, 4 + 20 + 2> headers{};
    file.seekg(little(offset.data(), 4));
    if (!file.read(reinterpret_cast<char*>(headers.data()), headers.size()) || headers[0] != 'P' ||
        headers[1] != 'E' || headers[2] != 0 || headers[3] != 0) {
        return {};
    }
    const auto machine = static_cast<std::uint16_t>(little(headers.data() + 4, 2));
    const auto magic = static_cast<std::uint16_t>(little(headers.data() + 24, 2));
    LibraryFormat format;
    format.machine = machineName(machine);
    if (magic == kMagicPe32 || machine == kMachineI386) {
        format.kind = LibraryFormat::Kind::Windows32;
    } else if (magic == kMagicPe32Plus && machine == kMachineAmd64) {
        format.kind = LibraryFormat::Kind::WindowsX64;
    } else {
        format.kind = LibraryFormat::Kind::WindowsOther;
    }
    return format;
}

}  // namespace

LibraryFormat detectLibraryFormat(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    std::array<std::uint8_t, 4> magic{};
    if (!file || !file.read(reinterpret_cast<char*>(magic.data()), magic.size())) {
        return {file ? LibraryFormat::Kind::Unknown : LibraryFormat::Kind::Unreadable, {}};
    }
    if (magic[0] == 0x7F && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F') {
        return {LibraryFormat::Kind::Elf, {}};
    }
    if (magic[0] == 'M' && magic[1] == 'Z') {
        return peFormat(file);
    }
    return {};
}

}  // namespace eapscope
