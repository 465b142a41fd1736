// Where a method library comes from: a bundled method name ("md5") or a path to a library.
// Bundled methods live in <private lib dir>/methods/<name>.so (common/install_layout.h), in the build tree as
// after installation; EAPSCOPE_METHODS_DIR overrides the folder (tests, relocated installs).
#pragma once

#include "common/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace eapscope {

struct BundledMethod {
    std::string name;
    std::string path;
};

/// The folder of bundled methods: common/install_layout.h bundledMethodsPath().
std::string bundledMethodsDir();

/// Every <name>.so in bundledMethodsDir(), sorted by name.
std::vector<BundledMethod> listBundledMethods();

/// A spec containing '/' or ending in ".so" is a path; anything else is a bundled name.
/// Returns the absolute path of an existing file, or an error naming the spec.
Result<std::string> resolveMethodSpec(std::string_view spec);

}  // namespace eapscope
