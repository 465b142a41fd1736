#include "method/shared_object.h"

#include <dlfcn.h>

#include <utility>

namespace eapscope {

Status SharedObject::open(const std::string& path)
{
    close();
    dlerror();
    handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) {
        const char* why = dlerror();
        return makeError(why != nullptr ? why : "unknown dlopen error");
    }
    return Ok{};
}

void SharedObject::close()
{
    if (handle_ != nullptr) {
        dlclose(handle_);
    }
    handle_ = nullptr;
}

void* SharedObject::symbol(const char* name) const
{
    return handle_ != nullptr ? dlsym(handle_, name) : nullptr;
}

void* SharedObject::processSymbol(const char* name)
{
    return dlsym(RTLD_DEFAULT, name);
}

bool SharedObject::contains(const void* address) const
{
    void* anchor = symbol("RasEapGetInfo");
    Dl_info self{};
    Dl_info where{};
    return anchor != nullptr && dladdr(anchor, &self) != 0 && dladdr(address, &where) != 0 &&
           where.dli_fbase == self.dli_fbase;
}

std::string SharedObject::moduleAt(const void* address)
{
    Dl_info where{};
    return dladdr(address, &where) != 0 && where.dli_fname != nullptr ? where.dli_fname : "";
}

}  // namespace eapscope
