#include "common/install_layout.h"

#include <cstdlib>

#ifndef EAPSCOPE_PRIVATE_LIBDIR_FROM_BIN
#error "EAPSCOPE_PRIVATE_LIBDIR_FROM_BIN comes from core/CMakeLists.txt"
#endif

namespace eapscope {

namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& path)
{
    std::error_code ec;
    fs::path result = fs::weakly_canonical(path, ec);
    return ec ? path.lexically_normal() : result;
}

}  // namespace

fs::path executableDir()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path(ec) : self.parent_path();
}

fs::path privateLibDir()
{
    return normal(executableDir() / EAPSCOPE_PRIVATE_LIBDIR_FROM_BIN);
}

fs::path bundledMethodsPath()
{
    if (const char* overridden = std::getenv("EAPSCOPE_METHODS_DIR");
        overridden != nullptr && *overridden != '\0') {
        return overridden;
    }
    return privateLibDir() / "methods";
}

fs::path heapTracerPath()
{
    if (const char* overridden = std::getenv("EAPSCOPE_TRACER");
        overridden != nullptr && *overridden != '\0') {
        return overridden;
    }
    return privateLibDir() / "libeapscope-heaptracer.so";
}

fs::path hostExecutablePath()
{
    return executableDir() / "eapscope-host";
}

fs::path sharedDataDir()
{
    return normal(executableDir() / EAPSCOPE_DATADIR_FROM_BIN);
}

}  // namespace eapscope
