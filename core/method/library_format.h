// What kind of file a method library is, from its first bytes (ELF, or a PE image and its
// machine), so the controller picks the host that can load it: eapscope-host for ELF,
// eapscope-host.exe (through Wine on Linux) for a Windows x64 DLL, and a clear message for a
// 32-bit or non-x64 DLL that no host of EapScope can load (DESIGN.md "Windows methods").
#pragma once

#include <cstdint>
#include <string>

namespace eapscope {

struct LibraryFormat {
    enum class Kind : std::uint8_t { Unreadable, Elf, WindowsX64, Windows32, WindowsOther, Unknown };
    Kind kind = Kind::Unknown;
    std::string machine;  // PE: "x64", "i386", "ARM64", …
};

LibraryFormat detectLibraryFormat(const std::string& path);

}  // namespace eapscope
