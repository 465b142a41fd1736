// The platform-independent half of SharedObject: ownership of the handle. Opening, symbol lookup
// and closing are in shared_object_posix.cpp (dlopen) and shared_object_win.cpp (LoadLibrary).
#include "method/shared_object.h"

#include <utility>

namespace eapscope {

SharedObject::~SharedObject()
{
    close();
}

SharedObject::SharedObject(SharedObject&& other) noexcept : handle_(std::exchange(other.handle_, nullptr))
{
}

SharedObject& SharedObject::operator=(SharedObject&& other) noexcept
{
    if (this != &other) {
        close();
        handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
}

}  // namespace eapscope
