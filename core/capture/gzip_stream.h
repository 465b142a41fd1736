// A FILE* that reads a gzip file decompressed (zlib, streamed), so libpcap's pcap_fopen_offline
// reads .pcap.gz / .pcapng.gz as Wireshark does, without a temporary file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace eapscope {

/// True when the file starts with the gzip magic (1f 8b).
bool isGzipFile(const std::string& path);

/// Opens `path` through zlib; nullptr (errno set) on failure. fclose() closes the gzip stream.
/// `handle`, when given, receives the zlib stream for gzipCompressedOffset() (progress).
FILE* openGzipStream(const std::string& path, void** handle = nullptr);

/// Bytes of the compressed file consumed so far.
std::uint64_t gzipCompressedOffset(void* handle);

}  // namespace eapscope
