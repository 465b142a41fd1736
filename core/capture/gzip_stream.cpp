#include "capture/gzip_stream.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace eapscope {
namespace {

ssize_t gzipRead(void* cookie, char* buffer, size_t size)
{
    int got =
        gzread(static_cast<gzFile>(cookie), buffer, static_cast<unsigned>(std::min<size_t>(size, 1u << 30)));
    return got < 0 ? -1 : got;
}

int gzipClose(void* cookie)
{
    return gzclose(static_cast<gzFile>(cookie)) == Z_OK ? 0 : -1;
}

}  // namespace

bool isGzipFile(const std::string& path)
{
    FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        return false;
    }
    unsigned char magic[2] = {0, 0};
    size_t got = std::fread(magic, 1, 2, file);
    std::fclose(file);
    return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

std::uint64_t gzipCompressedOffset(void* handle)
{
    z_off_t offset = handle ? gzoffset(static_cast<gzFile>(handle)) : 0;
    return offset > 0 ? static_cast<std::uint64_t>(offset) : 0;
}

FILE* openGzipStream(const std::string& path, void** handle)
{
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) {
        return nullptr;
    }
    gzbuffer(gz, 1u << 17);
    cookie_io_functions_t functions{gzipRead, nullptr, nullptr, gzipClose};
    FILE* file = fopencookie(gz, "rb", functions);
    if (!file) {
        gzclose(gz);
    } else if (handle) {
        *handle = gz;
    }
    return file;
}

}  // namespace eapscope
