// One loaded shared library, through the system's own loader: dlopen on POSIX
// (shared_object_posix.cpp), LoadLibraryExW on Windows (shared_object_win.cpp). A load that
// fails keeps the loader's own words (dlerror; on Windows the error code, its text and the
// imported DLLs that cannot be found), because a developer fixes the problem from them.
#pragma once

#include "common/result.h"

#include <string>

namespace eapscope {

class SharedObject {
public:
    SharedObject() = default;
    ~SharedObject();
    SharedObject(const SharedObject&) = delete;
    SharedObject& operator=(const SharedObject&) = delete;
    SharedObject(SharedObject&& other) noexcept;
    SharedObject& operator=(SharedObject&& other) noexcept;

    /// Loads `path` with every symbol resolved now; the error is the loader's message.
    Status open(const std::string& path);
    void close();
    [[nodiscard]] bool isOpen() const { return handle_ != nullptr; }

    /// The exported function or data `name`, or nullptr.
    [[nodiscard]] void* symbol(const char* name) const;
    /// True when `address` lies inside this library's image.
    [[nodiscard]] bool contains(const void* address) const;
    /// A symbol anywhere in the process (dlsym(RTLD_DEFAULT); on Windows the executable's
    /// own exports), or nullptr.
    [[nodiscard]] static void* processSymbol(const char* name);
    /// The system's handle (void* from dlopen, HMODULE on Windows).
    [[nodiscard]] void* nativeHandle() const { return handle_; }
    /// The file of the loaded module holding `address` ("" when none does).
    [[nodiscard]] static std::string moduleAt(const void* address);

private:
    void* handle_ = nullptr;
};

}  // namespace eapscope
