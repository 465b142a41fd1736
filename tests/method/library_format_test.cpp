// detectLibraryFormat: the controller's choice of host comes from these bytes.
#include "method/library_format.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace eapscope {
namespace {

/// The test's files live in one folder of this process, removed when the program ends.
const std::filesystem::path& scratch()
{
    static const struct Scratch {
        std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("eapscope-library-format-" + std::to_string(::getpid()));
        Scratch() { std::filesystem::create_directories(path); }
        ~Scratch() { std::filesystem::remove_all(path); }
    } folder;
    return folder.path;
}

std::string writeFile(const std::string& name, const std::vector<unsigned char>& bytes)
{
    const auto path = scratch() / name;
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return path.string();
}

/// A minimal PE header: "MZ", e_lfanew = 0x40, "PE\0\0", machine, optional header magic.
std::vector<unsigned char> peImage(unsigned machine, unsigned magic)
{
    std::vector<unsigned char> bytes(0x40 + 4 + 20 + 2, 0);
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3C] = 0x40;
    bytes[0x40] = 'P';
    bytes[0x41] = 'E';
    bytes[0x44] = static_cast<unsigned char>(machine);
    bytes[0x45] = static_cast<unsigned char>(machine >> 8);
    bytes[0x40 + 24] = static_cast<unsigned char>(magic);
    bytes[0x40 + 25] = static_cast<unsigned char>(magic >> 8);
    return bytes;
}

TEST(LibraryFormat, ElfIsElf)
{
    EXPECT_EQ(detectLibraryFormat(std::string(EAPSCOPE_METHODS_DIR) + "/md5.so").kind,
              LibraryFormat::Kind::Elf);
}

TEST(LibraryFormat, PeImagesByMachineAndMagic)
{
    EXPECT_EQ(detectLibraryFormat(writeFile("fmt-x64.dll", peImage(0x8664, 0x20B))).kind,
              LibraryFormat::Kind::WindowsX64);
    const LibraryFormat x86 = detectLibraryFormat(writeFile("fmt-x86.dll", peImage(0x14C, 0x10B)));
    EXPECT_EQ(x86.kind, LibraryFormat::Kind::Windows32);
    EXPECT_EQ(x86.machine, "i386");
    const LibraryFormat arm = detectLibraryFormat(writeFile("fmt-arm64.dll", peImage(0xAA64, 0x20B)));
    EXPECT_EQ(arm.kind, LibraryFormat::Kind::WindowsOther);
    EXPECT_EQ(arm.machine, "ARM64");
}

TEST(LibraryFormat, OtherFilesAreUnknownOrUnreadable)
{
    EXPECT_EQ(detectLibraryFormat(writeFile("fmt-text.so", {'h', 'e', 'l', 'l', 'o'})).kind,
              LibraryFormat::Kind::Unknown);
    EXPECT_EQ(detectLibraryFormat(writeFile("fmt-mz.dll", {'M', 'Z', 0, 0})).kind,
              LibraryFormat::Kind::Unknown);
    EXPECT_EQ(detectLibraryFormat("/nonexistent/x.dll").kind, LibraryFormat::Kind::Unreadable);
}

}  // namespace
}  // namespace eapscope
