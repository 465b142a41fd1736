#include "capture/capture_file.h"

#include "capture/gzip_stream.h"
#include "common/system_text.h"

#include <sys/stat.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace eapscope {
namespace {

constexpr std::string_view kMixedLinkTypes = "different from the type of the first interface";
constexpr std::size_t kReadBuffer = 256 * 1024;

}  // namespace

Result<std::unique_ptr<CaptureFile>> CaptureFile::open(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot open capture '%1': %2"),
                                {verbatim(path), errnoText(errno)}));
    }
    if (S_ISDIR(info.st_mode)) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot open capture '%1': it is a directory"),
                   {verbatim(path)}));
    }
    std::unique_ptr<CaptureFile> file(new CaptureFile(path));
    file->fileSize_ = static_cast<std::uint64_t>(info.st_size);
    if (Status status = file->openWhole(); !status) {
        return status.failure();
    }
    return file;
}

CaptureFile::~CaptureFile()
{
    close();
}

void CaptureFile::close()
{
    if (pcap_) {
        pcap_close(pcap_);  // closes the FILE* (and the gzip or filter stream behind it)
        pcap_ = nullptr;
    }
    gzip_ = nullptr;
}

Status CaptureFile::openWhole()
{
    char error[PCAP_ERRBUF_SIZE] = {};
    const bool gzip = isGzipFile(path_);
    FILE* stream = gzip ? openGzipStream(path_, &gzip_) : std::fopen(path_.c_str(), "rb");
    if (!stream) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot open capture '%1': %2"),
                                {verbatim(path_), errnoText(errno)}));
    }
    if (!gzip) {
        // libpcap reads each frame with two freads; with stdio's default 4 KB buffer that is a
        // read() system call every few frames (7,716 for the 30 MB bench capture), with 256 KB
        // one every few hundred.
        std::setvbuf(stream, nullptr, _IOFBF, kReadBuffer);
    }
    pcap_ = pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, error);
    if (!pcap_) {
        std::fclose(stream);
        gzip_ = nullptr;
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                           "'%1' is not a capture file EapScope can read (libpcap: %2); "
                                           "expected pcap or pcapng, optionally gzip-compressed"),
                   {verbatim(path_), verbatim(error)}));
    }
    return Ok{};
}

Status CaptureFile::openInterface(std::uint32_t interface)
{
    close();
    if (!filter_) {
        filter_ = std::make_unique<PcapngFilterState>();
    }
    filter_->wantedInterface = interface;
    filter_->packetsSeen = 0;
    filter_->consumed = 0;
    filter_->frameNumbers.clear();
    FILE* stream = openPcapngInterface(path_, *filter_);
    if (!stream) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "cannot reopen capture '%1': %2"),
                                {verbatim(path_), errnoText(errno)}));
    }
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_ = pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, error);
    if (!pcap_) {
        std::fclose(stream);
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' interface %2: %3"),
                                {verbatim(path_), verbatim(std::to_string(interface)), verbatim(error)}));
    }
    return Ok{};
}

bool CaptureFile::switchToNextInterface()
{
    std::uint32_t nextInterface = perInterface_ ? filter_->wantedInterface + 1 : 0;
    if (perInterface_ && nextInterface >= filter_->interfacesSeen) {
        return false;
    }
    perInterface_ = true;
    Status status = openInterface(nextInterface);
    if (!status) {
        error_ = status.error();
        return false;
    }
    return true;
}

bool CaptureFile::next(CaptureFrame& frame)
{
    while (pcap_) {
        pcap_pkthdr* header = nullptr;
        const u_char* data = nullptr;
        int rc = pcap_next_ex(pcap_, &header, &data);
        if (rc == 1) {
            frame.number = perInterface_ && !filter_->frameNumbers.empty() ? filter_->frameNumbers.front()
                                                                           : ++frameCount_;
            if (perInterface_ && !filter_->frameNumbers.empty()) {
                filter_->frameNumbers.pop_front();
            }
            // With PCAP_TSTAMP_PRECISION_NANO, tv_usec holds nanoseconds.
            frame.timeNs = static_cast<std::uint64_t>(header->ts.tv_sec) * 1'000'000'000ull +
                           static_cast<std::uint64_t>(header->ts.tv_usec);
            frame.linkType = pcap_datalink(pcap_);
            frame.wireLength = header->len;
            frame.data = data;
            frame.length = header->caplen;
            return true;
        }
        std::string message = rc == -1 ? pcap_geterr(pcap_) : "";
        if (message.find(kMixedLinkTypes) != std::string::npos || (rc == -2 && perInterface_)) {
            if (switchToNextInterface()) {
                continue;
            }
            close();
            return false;
        }
        if (rc == -1) {
            truncated_ = true;
            error_ = message;
        }
        close();
    }
    return false;
}

double CaptureFile::progress() const
{
    if (fileSize_ == 0) {
        return 1.0;
    }
    std::uint64_t consumed = 0;
    if (perInterface_ && filter_) {
        double perPass = static_cast<double>(filter_->consumed) / static_cast<double>(fileSize_);
        double passes = std::max<double>(filter_->interfacesSeen, 1.0);
        return std::min(1.0, (filter_->wantedInterface + std::min(perPass, 1.0)) / passes);
    }
    if (gzip_) {
        consumed = gzipCompressedOffset(gzip_);
    } else if (pcap_) {
        long position = std::ftell(pcap_file(pcap_));
        consumed = position > 0 ? static_cast<std::uint64_t>(position) : 0;
    } else {
        return 1.0;
    }
    return std::min(1.0, static_cast<double>(consumed) / static_cast<double>(fileSize_));
}

}  // namespace eapscope
