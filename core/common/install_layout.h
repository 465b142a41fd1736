// Where EapScope finds what it loads at run time (issue 14 "A Debian package"): everything is
// found relative to the running program, so the build tree (build/<preset>/bin/…) and an
// installed package (/usr/bin/…) work alike. The one place that knows the layout:
//   <exe dir>/eapscope-host                          the isolated host
//   <exe dir>/<libdir from bin>/eapscope/            private libraries: the heap tracer,
//   <exe dir>/<libdir from bin>/eapscope/methods/    bundled and training methods
//   <exe dir>/<datadir from bin>/eapscope/           shared data (lessons, SDK template)
// where the relative folders come from GNUInstallDirs at configure time (with prefix /usr on
// Debian: ../lib/x86_64-linux-gnu and ../share). The build tree mirrors the same layout.
#pragma once

#include <filesystem>

namespace eapscope {

/// The folder of the running executable (/proc/self/exe); the current folder if unreadable.
[[nodiscard]] std::filesystem::path executableDir();
/// <exe dir>/<libdir>/eapscope: the heap tracer and methods/.
[[nodiscard]] std::filesystem::path privateLibDir();
/// $EAPSCOPE_METHODS_DIR, else <private lib dir>/methods.
[[nodiscard]] std::filesystem::path bundledMethodsPath();
/// $EAPSCOPE_TRACER, else <private lib dir>/libeapscope-heaptracer.so.
[[nodiscard]] std::filesystem::path heapTracerPath();
/// <exe dir>/eapscope-host.
[[nodiscard]] std::filesystem::path hostExecutablePath();
/// <exe dir>/<datadir>/eapscope.
[[nodiscard]] std::filesystem::path sharedDataDir();

}  // namespace eapscope
