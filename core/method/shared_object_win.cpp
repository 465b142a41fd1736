#include "method/shared_object.h"

#include "common/utf16.h"

#include <windows.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace eapscope {

namespace {

std::wstring utf8ToWide(const std::string& text)
{
    const std::u16string wide = utf8ToUtf16(text);
    return std::wstring(wide.begin(), wide.end());
}

std::string wideToUtf8(const std::wstring& text)
{
    return utf16ToUtf8(std::u16string(text.begin(), text.end()));
}

std::string systemMessage(DWORD code)
{
    char* text = nullptr;
    const DWORD length = FormatMessageA(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        code, 0, reinterpret_cast<char*>(&text), 0, nullptr);
    std::string message = length > 0 && text != nullptr ? std::string(text, length) : std::string();
    LocalFree(text);
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == ' ')) {
        message.pop_back();
    }
    return message.empty() ? "no system text for this code" : message;
}

/// The DLL names in the import directory of a module mapped without resolving its imports.
std::vector<std::string> importedDlls(HMODULE image)
{
    std::vector<std::string> names;
    auto* base = reinterpret_cast<const std::uint8_t*>(image);
    const auto* dos = reinterpret_cast<const IMAGE_DOS_HEADER*>(base);
    if (dos->e_magic != IMAGE_DOS_SIGNATURE) {
        return names;
    }
    const auto* nt = reinterpret_cast<const IMAGE_NT_HEADERS64*>(base + dos->e_lfanew);
    const IMAGE_DATA_DIRECTORY& directory = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    if (directory.VirtualAddress == 0) {
        return names;
    }
    for (const auto* entry =
             reinterpret_cast<const IMAGE_IMPORT_DESCRIPTOR*>(base + directory.VirtualAddress);
         entry->Name != 0; ++entry) {
        names.emplace_back(reinterpret_cast<const char*>(base + entry->Name));
    }
    return names;
}

/// Which of the library's imported DLLs the loader cannot find (ERROR_MOD_NOT_FOUND does not
/// name them): each is tried on its own, the way the loader would search for it.
std::string missingImports(const std::wstring& path)
{
    HMODULE image = LoadLibraryExW(path.c_str(), nullptr, DONT_RESOLVE_DLL_REFERENCES);
    if (image == nullptr) {
        return {};
    }
    std::string missing;
    const std::wstring folder = path.substr(0, path.find_last_of(L"\\/") + 1);
    for (const std::string& name : importedDlls(image)) {
        HMODULE found = LoadLibraryExA(name.c_str(), nullptr, LOAD_LIBRARY_AS_DATAFILE);
        if (found == nullptr) {
            const std::wstring beside = folder + utf8ToWide(name);
            found = LoadLibraryExW(beside.c_str(), nullptr, LOAD_LIBRARY_AS_DATAFILE);
        }
        if (found == nullptr) {
            missing += (missing.empty() ? "" : ", ") + name;
        } else {
            FreeLibrary(found);
        }
    }
    FreeLibrary(image);
    return missing;
}

}  // namespace

Status SharedObject::open(const std::string& path)
{
    close();
    const std::wstring wide = utf8ToWide(path);
    // The DLL's own folder is searched for its dependencies, as when Windows loads a method
    // from its registered Path.
    handle_ = LoadLibraryExW(wide.c_str(), nullptr, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (handle_ != nullptr) {
        return Ok{};
    }
    const DWORD code = GetLastError();
    std::string message =
        "LoadLibrary failed with error " + std::to_string(code) + ": " + systemMessage(code);
    if (code == ERROR_MOD_NOT_FOUND) {
        const std::string missing = missingImports(wide);
        if (!missing.empty()) {
            message += "; the DLL imports " + missing + ", which cannot be found";
        }
    }
    return makeError(message);
}

void SharedObject::close()
{
    if (handle_ != nullptr) {
        FreeLibrary(static_cast<HMODULE>(handle_));
    }
    handle_ = nullptr;
}

void* SharedObject::symbol(const char* name) const
{
    return handle_ != nullptr ? reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(handle_), name))
                              : nullptr;
}

void* SharedObject::processSymbol(const char* name)
{
    return reinterpret_cast<void*>(GetProcAddress(GetModuleHandleW(nullptr), name));
}

bool SharedObject::contains(const void* address) const
{
    HMODULE owner = nullptr;
    return handle_ != nullptr &&
           GetModuleHandleExA(
               GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
               static_cast<const char*>(address), &owner) != 0 &&
           owner == static_cast<HMODULE>(handle_);
}

std::string SharedObject::moduleAt(const void* address)
{
    HMODULE owner = nullptr;
    if (GetModuleHandleExA(
            GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
            static_cast<const char*>(address), &owner) == 0) {
        return {};
    }
    wchar_t name[MAX_PATH] = {};
    const DWORD length = GetModuleFileNameW(owner, name, MAX_PATH);
    return wideToUtf8(std::wstring(name, length));
}

}  // namespace eapscope
