// Reads a capture file frame by frame through libpcap (pcap, pcapng, either gzip-compressed),
// streamed: memory does not grow with the file. pcapng files whose interfaces have different
// link types are read one interface at a time (pcapng_interface_filter.h), so frames then come
// grouped by interface, each still carrying its global frame number.
#pragma once

#include "capture/capture_types.h"
#include "capture/pcapng_interface_filter.h"
#include "common/result.h"

#include <pcap/pcap.h>

#include <cstdint>
#include <memory>
#include <string>

namespace eapscope {

class CaptureFile {
public:
    static Result<std::unique_ptr<CaptureFile>> open(const std::string& path);
    ~CaptureFile();
    CaptureFile(const CaptureFile&) = delete;
    CaptureFile& operator=(const CaptureFile&) = delete;

    /// The next frame; false at the end of the file or on a read error (see truncated()).
    /// frame.data stays valid until the next call.
    bool next(CaptureFrame& frame);

    /// True when the file ended in the middle of a packet; error() says what libpcap reported.
    [[nodiscard]] bool truncated() const { return truncated_; }
    [[nodiscard]] const std::string& error() const { return error_; }
    /// True when frames are delivered per interface rather than in file order.
    [[nodiscard]] bool perInterface() const { return perInterface_; }
    /// The file's size in bytes (compressed, for a gzip file).
    [[nodiscard]] std::uint64_t fileSize() const { return fileSize_; }
    /// 0..1, by bytes of the file consumed.
    [[nodiscard]] double progress() const;

private:
    explicit CaptureFile(std::string path) : path_(std::move(path)) {}
    Status openWhole();
    Status openInterface(std::uint32_t interface);
    void close();
    bool switchToNextInterface();

    std::string path_;
    pcap_t* pcap_ = nullptr;
    void* gzip_ = nullptr;
    std::uint64_t fileSize_ = 0;
    std::uint32_t frameCount_ = 0;
    bool perInterface_ = false;
    std::unique_ptr<PcapngFilterState> filter_;
    bool truncated_ = false;
    std::string error_;
};

}  // namespace eapscope
