#include "method/method_resolver.h"

#include "common/install_layout.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace eapscope {

namespace fs = std::filesystem;

namespace {

bool looksLikePath(std::string_view spec)
{
    return spec.find('/') != std::string_view::npos || spec.ends_with(".so") || spec.ends_with(".dll");
}

std::string knownNames()
{
    std::string names;
    for (const auto& method : listBundledMethods()) {
        names += (names.empty() ? "" : ", ") + method.name;
    }
    std::error_code ec;
    if (!fs::is_directory(bundledMethodsDir(), ec)) {
        return "none: the method folder " + bundledMethodsDir() + " does not exist";
    }
    return names.empty() ? "none found in " + bundledMethodsDir() : names;
}

Result<std::string> resolvePath(std::string_view spec)
{
    std::error_code ec;
    const fs::path path(spec);
    if (!fs::exists(path, ec)) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "method library '%1' does not exist"),
                                {verbatim(std::string(spec))}));
    }
    if (fs::is_directory(path, ec)) {
        return makeError(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "method library '%1' is a directory, not a shared library"),
            {verbatim(std::string(spec))}));
    }
    const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return absolute.string();
}

}  // namespace

std::string bundledMethodsDir()
{
    return bundledMethodsPath().string();
}

std::vector<BundledMethod> listBundledMethods()
{
    std::vector<BundledMethod> methods;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(bundledMethodsDir(), ec)) {
        if (entry.is_regular_file(ec) && entry.path().extension() == ".so") {
            methods.push_back({entry.path().stem().string(), entry.path().string()});
        }
    }
    std::sort(methods.begin(), methods.end(),
              [](const BundledMethod& a, const BundledMethod& b) { return a.name < b.name; });
    return methods;
}

Result<std::string> resolveMethodSpec(std::string_view spec)
{
    if (spec.empty()) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText", "no method given: pass a bundled method name (%1) or a library path"),
                   {verbatim(std::string(knownNames()))}));
    }
    if (looksLikePath(spec)) {
        return resolvePath(spec);
    }
    for (const auto& method : listBundledMethods()) {
        if (method.name == spec) {
            return method.path;
        }
    }
    return makeError(phrase(
        EAPSCOPE_TRANSLATE_NOOP(
            "EngineText",
            "'%1' is not a bundled method (known: %2); to load your own library pass its path, e.g. ./%3.so"),
        {verbatim(std::string(spec)), verbatim(std::string(knownNames())), verbatim(std::string(spec))}));
}

}  // namespace eapscope
