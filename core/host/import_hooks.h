// Windows instrumentation of a method DLL without its source (eapscope-host.exe): the DLL's
// import address table is patched so that its calls to the heap functions (HeapAlloc family,
// the C runtime's malloc family from msvcrt or the UCRT, LocalAlloc/GlobalAlloc and their
// frees, CoTaskMemAlloc/Free) reach the host first and are recorded in the heap tracer
// (heap_tracer_win.cpp, the same C API as the Linux tracer), and its calls that end the process
// (exit, _exit, abort, ExitProcess, TerminateProcess on itself) are reported before they
// happen. Only the method's own imports are patched: the host and the system DLLs keep theirs.
// With a random seed, the method's random sources (CryptGenRandom, BCryptGenRandom,
// RtlGenRandom alias SystemFunction036, rand_s) draw from a stream derived from that seed, so
// a fresh host fed the same seed and the same calls hands the method the very bytes it drew the
// first time: the controller's step back without fork (a challenge comes back identical).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace eapscope {

class ImportHooks {
public:
    /// Patches the import table of `module` (an HMODULE). Returns how many imports were hooked.
    /// Patching twice is harmless (a slot that holds the hook already is left alone).
    static std::size_t patch(void* module);
    /// Patches the next DLL loaded from `path` as soon as the loader has bound its imports and
    /// before its DllMain (and the C runtime's constructors) run, through the loader's DLL
    /// notification: what the method allocates while it loads is tracked like a Linux library's
    /// constructors (outside any call: no context, a block the reachability pass follows).
    static void patchWhileLoading(const std::string& path);
    /// 32 bytes of seed for the method's random sources (before patch()); empty = the real sources.
    static void setRandomSeed(const std::string& hexSeed);
    /// The patched method module (the reachability pass scans its writable sections).
    static void* module();
    /// Writable sections of the patched module as [begin, end) address pairs.
    static std::span<const std::pair<std::uintptr_t, std::uintptr_t>> writableRanges();
    /// "md5.dll+0x1a2b" for an address inside a loaded module, else the address in hex.
    static std::string describeAddress(const void* address);
};

}  // namespace eapscope
