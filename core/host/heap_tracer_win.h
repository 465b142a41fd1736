// The Windows heap tracer's side for the import hooks (import_hooks_win.cpp): they call these
// around the real allocator functions. The C API the host drives (host/tracer_api.h) is
// exported by eapscope-host.exe itself, so TracerLink finds it as on Linux.
#pragma once

#include <cstddef>
#include <cstdint>

namespace eapscope::heaptrace {

/// A block the method got from any allocator family.
void allocated(const void* address, std::size_t size);
/// The method frees `address`. False when the free must not reach the real function (a double
/// free: the block was freed before and not handed out again).
bool freeing(const void* address);

}  // namespace eapscope::heaptrace
