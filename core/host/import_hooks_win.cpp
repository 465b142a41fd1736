#include "host/import_hooks.h"

#include "host/fault_handler.h"
#include "host/heap_tracer_win.h"

#include <windows.h>
// bcrypt.h and wincrypt.h after windows.h.
#include <bcrypt.h>
#include <wincrypt.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace eapscope {

namespace {

// The real functions, filled from the method's import table when it is patched.
struct Real {
    LPVOID(WINAPI* heapAlloc)(HANDLE, DWORD, SIZE_T) = nullptr;
    LPVOID(WINAPI* heapReAlloc)(HANDLE, DWORD, LPVOID, SIZE_T) = nullptr;
    BOOL(WINAPI* heapFree)(HANDLE, DWORD, LPVOID) = nullptr;
    void* (*malloc)(size_t) = nullptr;
    void* (*calloc)(size_t, size_t) = nullptr;
    void* (*realloc)(void*, size_t) = nullptr;
    void (*free)(void*) = nullptr;
    HLOCAL(WINAPI* localAlloc)(UINT, SIZE_T) = nullptr;
    HLOCAL(WINAPI* localReAlloc)(HLOCAL, SIZE_T, UINT) = nullptr;
    HLOCAL(WINAPI* localFree)(HLOCAL) = nullptr;
    HGLOBAL(WINAPI* globalAlloc)(UINT, SIZE_T) = nullptr;
    HGLOBAL(WINAPI* globalReAlloc)(HGLOBAL, SIZE_T, UINT) = nullptr;
    HGLOBAL(WINAPI* globalFree)(HGLOBAL) = nullptr;
    LPVOID(WINAPI* coTaskMemAlloc)(SIZE_T) = nullptr;
    LPVOID(WINAPI* coTaskMemRealloc)(LPVOID, SIZE_T) = nullptr;
    void(WINAPI* coTaskMemFree)(LPVOID) = nullptr;
    void (*exit)(int) = nullptr;
    void (*exitNow)(int) = nullptr;
    void (*abort)() = nullptr;
    void(WINAPI* exitProcess)(UINT) = nullptr;
    BOOL(WINAPI* terminateProcess)(HANDLE, UINT) = nullptr;
    BOOL(WINAPI* cryptGenRandom)(HCRYPTPROV, DWORD, BYTE*) = nullptr;
    NTSTATUS(WINAPI* bcryptGenRandom)(BCRYPT_ALG_HANDLE, PUCHAR, ULONG, ULONG) = nullptr;
    BOOLEAN(WINAPI* rtlGenRandom)(PVOID, ULONG) = nullptr;
    int (*randS)(unsigned int*) = nullptr;
} g_real;

HMODULE g_module = nullptr;
std::vector<std::pair<std::uintptr_t, std::uintptr_t>> g_writable;

// Resizing is a free of the old block and an allocation of the new one, as on Linux.
template <typename Resize>
void* traceResize(void* old, std::size_t size, Resize resize)
{
    void* fresh = resize();
    if (fresh != nullptr || size == 0) {
        heaptrace::freeing(old);
        heaptrace::allocated(fresh, size);
    }
    return fresh;
}

LPVOID WINAPI hookHeapAlloc(HANDLE heap, DWORD flags, SIZE_T size)
{
    LPVOID block = g_real.heapAlloc(heap, flags, size);
    heaptrace::allocated(block, size);
    return block;
}

LPVOID WINAPI hookHeapReAlloc(HANDLE heap, DWORD flags, LPVOID old, SIZE_T size)
{
    return traceResize(old, size, [&] { return g_real.heapReAlloc(heap, flags, old, size); });
}

BOOL WINAPI hookHeapFree(HANDLE heap, DWORD flags, LPVOID block)
{
    return heaptrace::freeing(block) ? g_real.heapFree(heap, flags, block) : FALSE;
}

void* hookMalloc(size_t size)
{
    void* block = g_real.malloc(size);
    heaptrace::allocated(block, size);
    return block;
}

void* hookCalloc(size_t count, size_t size)
{
    void* block = g_real.calloc(count, size);
    heaptrace::allocated(block, count * size);
    return block;
}

void* hookRealloc(void* old, size_t size)
{
    if (old == nullptr) {
        return hookMalloc(size);
    }
    return traceResize(old, size, [&] { return g_real.realloc(old, size); });
}

void hookFree(void* block)
{
    if (heaptrace::freeing(block)) {
        g_real.free(block);
    }
}

HLOCAL WINAPI hookLocalAlloc(UINT flags, SIZE_T size)
{
    HLOCAL block = g_real.localAlloc(flags, size);
    heaptrace::allocated(block, size);
    return block;
}

HLOCAL WINAPI hookLocalReAlloc(HLOCAL old, SIZE_T size, UINT flags)
{
    return static_cast<HLOCAL>(traceResize(old, size, [&] { return g_real.localReAlloc(old, size, flags); }));
}

HLOCAL WINAPI hookLocalFree(HLOCAL block)
{
    return heaptrace::freeing(block) ? g_real.localFree(block) : nullptr;
}

HGLOBAL WINAPI hookGlobalAlloc(UINT flags, SIZE_T size)
{
    HGLOBAL block = g_real.globalAlloc(flags, size);
    heaptrace::allocated(block, size);
    return block;
}

HGLOBAL WINAPI hookGlobalReAlloc(HGLOBAL old, SIZE_T size, UINT flags)
{
    return static_cast<HGLOBAL>(
        traceResize(old, size, [&] { return g_real.globalReAlloc(old, size, flags); }));
}

HGLOBAL WINAPI hookGlobalFree(HGLOBAL block)
{
    return heaptrace::freeing(block) ? g_real.globalFree(block) : nullptr;
}

LPVOID WINAPI hookCoTaskMemAlloc(SIZE_T size)
{
    LPVOID block = g_real.coTaskMemAlloc(size);
    heaptrace::allocated(block, size);
    return block;
}

LPVOID WINAPI hookCoTaskMemRealloc(LPVOID old, SIZE_T size)
{
    if (old == nullptr) {
        return hookCoTaskMemAlloc(size);
    }
    return traceResize(old, size, [&] { return g_real.coTaskMemRealloc(old, size); });
}

void WINAPI hookCoTaskMemFree(LPVOID block)
{
    if (heaptrace::freeing(block)) {
        g_real.coTaskMemFree(block);
    }
}

// The process-ending calls: the controller learns that the method ended the host, and how,
// before the process goes (RASEAP.md §3.8: CRASH with the exit status).
void hookExit(int status)
{
    FaultHandler::reportExit();
    g_real.exit(status);
}

void hookExitNow(int status)
{
    FaultHandler::reportExit();
    g_real.exitNow(status);
}

void hookAbort()
{
    FaultHandler::reportAbort();
    g_real.abort();
}

void WINAPI hookExitProcess(UINT status)
{
    FaultHandler::reportExit();
    g_real.exitProcess(status);
}

BOOL WINAPI hookTerminateProcess(HANDLE process, UINT status)
{
    if (process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId()) {
        FaultHandler::reportExit();
    }
    return g_real.terminateProcess(process, status);
}

// The seeded random stream: SHA-256(seed || block counter), block after block.
class SeededRandom {
public:
    bool seeded() const { return seeded_; }
    void seed(const std::string& hex)
    {
        for (std::size_t i = 0; i + 1 < hex.size() && i / 2 < seed_.size(); i += 2) {
            seed_[i / 2] = static_cast<std::uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16));
        }
        seeded_ = !hex.empty();
    }
    void fill(std::uint8_t* out, std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i) {
            if (used_ == block_.size()) {
                next();
            }
            out[i] = block_[used_++];
        }
    }

private:
    void next()
    {
        std::array<std::uint8_t, 40> input{};
        std::memcpy(input.data(), seed_.data(), seed_.size());
        std::memcpy(input.data() + seed_.size(), &counter_, sizeof counter_);
        ++counter_;
        if (sha256_ == nullptr) {
            BCryptOpenAlgorithmProvider(&sha256_, BCRYPT_SHA256_ALGORITHM, nullptr, 0);
        }
        BCRYPT_HASH_HANDLE hash = nullptr;
        if (sha256_ != nullptr && BCryptCreateHash(sha256_, &hash, nullptr, 0, nullptr, 0, 0) == 0) {
            BCryptHashData(hash, input.data(), static_cast<ULONG>(input.size()), 0);
            BCryptFinishHash(hash, block_.data(), static_cast<ULONG>(block_.size()), 0);
            BCryptDestroyHash(hash);
        }
        used_ = 0;
    }

    BCRYPT_ALG_HANDLE sha256_ = nullptr;
    std::array<std::uint8_t, 32> seed_{};
    std::array<std::uint8_t, 32> block_{};
    std::size_t used_ = 32;
    std::uint64_t counter_ = 0;
    bool seeded_ = false;
} g_random;

BOOL WINAPI hookCryptGenRandom(HCRYPTPROV provider, DWORD length, BYTE* buffer)
{
    if (!g_random.seeded()) {
        return g_real.cryptGenRandom(provider, length, buffer);
    }
    g_random.fill(buffer, length);
    return TRUE;
}

NTSTATUS WINAPI hookBCryptGenRandom(BCRYPT_ALG_HANDLE algorithm, PUCHAR buffer, ULONG length, ULONG flags)
{
    if (!g_random.seeded()) {
        return g_real.bcryptGenRandom(algorithm, buffer, length, flags);
    }
    g_random.fill(buffer, length);
    return 0;  // STATUS_SUCCESS
}

BOOLEAN WINAPI hookRtlGenRandom(PVOID buffer, ULONG length)
{
    if (!g_random.seeded()) {
        return g_real.rtlGenRandom(buffer, length);
    }
    g_random.fill(static_cast<std::uint8_t*>(buffer), length);
    return TRUE;
}

int hookRandS(unsigned int* value)
{
    if (!g_random.seeded()) {
        return g_real.randS(value);
    }
    g_random.fill(reinterpret_cast<std::uint8_t*>(value), sizeof *value);
    return 0;
}

struct Hook {
    const char* name;
    void* hook;
    void** real;
};

template <typename Fn>
Hook hook(const char* name, Fn hookFn, Fn& real)
{
    return Hook{name, reinterpret_cast<void*>(hookFn), reinterpret_cast<void**>(&real)};
}

const std::vector<Hook>& hooks()
{
    static const std::vector<Hook> table = {
        hook("HeapAlloc", &hookHeapAlloc, g_real.heapAlloc),
        hook("HeapReAlloc", &hookHeapReAlloc, g_real.heapReAlloc),
        hook("HeapFree", &hookHeapFree, g_real.heapFree),
        hook("malloc", &hookMalloc, g_real.malloc),
        hook("calloc", &hookCalloc, g_real.calloc),
        hook("realloc", &hookRealloc, g_real.realloc),
        hook("free", &hookFree, g_real.free),
        hook("LocalAlloc", &hookLocalAlloc, g_real.localAlloc),
        hook("LocalReAlloc", &hookLocalReAlloc, g_real.localReAlloc),
        hook("LocalFree", &hookLocalFree, g_real.localFree),
        hook("GlobalAlloc", &hookGlobalAlloc, g_real.globalAlloc),
        hook("GlobalReAlloc", &hookGlobalReAlloc, g_real.globalReAlloc),
        hook("GlobalFree", &hookGlobalFree, g_real.globalFree),
        hook("CoTaskMemAlloc", &hookCoTaskMemAlloc, g_real.coTaskMemAlloc),
        hook("CoTaskMemRealloc", &hookCoTaskMemRealloc, g_real.coTaskMemRealloc),
        hook("CoTaskMemFree", &hookCoTaskMemFree, g_real.coTaskMemFree),
        hook("exit", &hookExit, g_real.exit),
        hook("_exit", &hookExitNow, g_real.exitNow),
        hook("abort", &hookAbort, g_real.abort),
        hook("ExitProcess", &hookExitProcess, g_real.exitProcess),
        hook("TerminateProcess", &hookTerminateProcess, g_real.terminateProcess),
        hook("CryptGenRandom", &hookCryptGenRandom, g_real.cryptGenRandom),
        hook("BCryptGenRandom", &hookBCryptGenRandom, g_real.bcryptGenRandom),
        hook("SystemFunction036", &hookRtlGenRandom, g_real.rtlGenRandom),
        hook("rand_s", &hookRandS, g_real.randS),
    };
    return table;
}

const Hook* findHook(const char* name)
{
    for (const Hook& h : hooks()) {
        if (std::strcmp(h.name, name) == 0) {
            return &h;
        }
    }
    return nullptr;
}

bool writeSlot(void** slot, void* value)
{
    DWORD previous = 0;
    if (!VirtualProtect(slot, sizeof *slot, PAGE_READWRITE, &previous)) {
        return false;
    }
    *slot = value;
    VirtualProtect(slot, sizeof *slot, previous, &previous);
    return true;
}

std::size_t patchDescriptor(std::uint8_t* base, const IMAGE_IMPORT_DESCRIPTOR& entry)
{
    std::size_t patched = 0;
    auto* names = reinterpret_cast<IMAGE_THUNK_DATA64*>(
        base + (entry.OriginalFirstThunk != 0 ? entry.OriginalFirstThunk : entry.FirstThunk));
    auto* slots = reinterpret_cast<IMAGE_THUNK_DATA64*>(base + entry.FirstThunk);
    for (; names->u1.AddressOfData != 0; ++names, ++slots) {
        if (IMAGE_SNAP_BY_ORDINAL64(names->u1.Ordinal)) {
            continue;
        }
        const auto* byName = reinterpret_cast<const IMAGE_IMPORT_BY_NAME*>(base + names->u1.AddressOfData);
        const Hook* h = findHook(reinterpret_cast<const char*>(byName->Name));
        auto** slot = reinterpret_cast<void**>(&slots->u1.Function);
        if (h == nullptr || *slot == h->hook) {
            continue;
        }
        if (entry.OriginalFirstThunk != 0 && slots->u1.Function == names->u1.AddressOfData) {
            continue;  // not bound yet (a loader that notifies before binding): no real address to keep
        }
        if (*h->real == nullptr) {
            *h->real = *slot;
        }
        patched += writeSlot(slot, h->hook) ? 1 : 0;
    }
    return patched;
}

void collectWritable(std::uint8_t* base, const IMAGE_NT_HEADERS64* nt)
{
    g_writable.clear();
    const IMAGE_SECTION_HEADER* section = IMAGE_FIRST_SECTION(nt);
    for (WORD i = 0; i < nt->FileHeader.NumberOfSections; ++i, ++section) {
        if ((section->Characteristics & IMAGE_SCN_MEM_WRITE) != 0) {
            const auto begin = reinterpret_cast<std::uintptr_t>(base + section->VirtualAddress);
            g_writable.emplace_back(begin, begin + section->Misc.VirtualSize);
        }
    }
}

// The loader's DLL notification (ntdll's LdrRegisterDllNotification, on Windows since Vista and
// in Wine): "loaded" comes once a DLL is mapped and its imports are bound, before its DllMain.
struct LdrString {
    USHORT length;
    USHORT maximumLength;
    PWSTR buffer;
};
struct LdrLoaded {
    ULONG flags;
    const LdrString* fullDllName;
    const LdrString* baseDllName;
    void* dllBase;
    ULONG sizeOfImage;
};
using LdrNotification = VOID(NTAPI*)(ULONG reason, const LdrLoaded* data, void* context);
using LdrRegister = LONG(NTAPI*)(ULONG flags, LdrNotification notification, void* context, void** cookie);
constexpr ULONG kLdrDllLoaded = 1;

std::wstring g_loadingName;  // base name of the DLL to patch while it loads; empty = none

VOID NTAPI onDllLoaded(ULONG reason, const LdrLoaded* data, void* /*context*/)
{
    if (reason != kLdrDllLoaded || data == nullptr || data->baseDllName == nullptr || g_loadingName.empty()) {
        return;
    }
    const std::wstring name(data->baseDllName->buffer, data->baseDllName->length / sizeof(WCHAR));
    if (_wcsicmp(name.c_str(), g_loadingName.c_str()) != 0) {
        return;
    }
    g_loadingName.clear();
    ImportHooks::patch(data->dllBase);
}

}  // namespace

void ImportHooks::patchWhileLoading(const std::string& path)
{
    static const bool registered = [] {
        const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
        const auto registerNotification = ntdll != nullptr
                                              ? reinterpret_cast<LdrRegister>(reinterpret_cast<void*>(
                                                    GetProcAddress(ntdll, "LdrRegisterDllNotification")))
                                              : nullptr;
        void* cookie = nullptr;
        return registerNotification != nullptr && registerNotification(0, onDllLoaded, nullptr, &cookie) == 0;
    }();
    if (!registered) {
        return;  // patch() after the load still instruments every call; DllMain goes unseen
    }
    const std::size_t slash = path.find_last_of("\\/");
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    const int length =
        MultiByteToWideChar(CP_UTF8, 0, base.data(), static_cast<int>(base.size()), nullptr, 0);
    g_loadingName.assign(static_cast<std::size_t>(std::max(length, 0)), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, base.data(), static_cast<int>(base.size()), g_loadingName.data(), length);
}

std::size_t ImportHooks::patch(void* module)
{
    auto* base = static_cast<std::uint8_t*>(module);
    const auto* dos = reinterpret_cast<const IMAGE_DOS_HEADER*>(base);
    if (base == nullptr || dos->e_magic != IMAGE_DOS_SIGNATURE) {
        return 0;
    }
    const auto* nt = reinterpret_cast<const IMAGE_NT_HEADERS64*>(base + dos->e_lfanew);
    g_module = static_cast<HMODULE>(module);
    collectWritable(base, nt);
    const IMAGE_DATA_DIRECTORY& directory = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    if (directory.VirtualAddress == 0) {
        return 0;
    }
    std::size_t patched = 0;
    for (const auto* entry =
             reinterpret_cast<const IMAGE_IMPORT_DESCRIPTOR*>(base + directory.VirtualAddress);
         entry->Name != 0; ++entry) {
        patched += patchDescriptor(base, *entry);
    }
    return patched;
}

void ImportHooks::setRandomSeed(const std::string& hexSeed)
{
    g_random.seed(hexSeed);
}

void* ImportHooks::module()
{
    return g_module;
}

std::span<const std::pair<std::uintptr_t, std::uintptr_t>> ImportHooks::writableRanges()
{
    return g_writable;
}

std::string ImportHooks::describeAddress(const void* address)
{
    HMODULE owner = nullptr;
    char text[MAX_PATH + 32];
    if (GetModuleHandleExA(
            GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
            static_cast<const char*>(address), &owner) != 0) {
        char path[MAX_PATH] = {};
        const DWORD length = GetModuleFileNameA(owner, path, MAX_PATH);
        const char* name = path;
        for (DWORD i = 0; i < length; ++i) {
            if (path[i] == '\\' || path[i] == '/') {
                name = path + i + 1;
            }
        }
        std::snprintf(text, sizeof text, "%s+0x%llx", name,
                      static_cast<unsigned long long>(static_cast<const std::uint8_t*>(address) -
                                                      reinterpret_cast<const std::uint8_t*>(owner)));
        return text;
    }
    std::snprintf(text, sizeof text, "0x%llx",
                  static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(address)));
    return text;
}

}  // namespace eapscope
