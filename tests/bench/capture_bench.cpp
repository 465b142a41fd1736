// Capture import speed (issue 6 part 8). Generates a large classic pcap in the build tree by
// replicating the frames of real Ethernet captures (EAPOL and RADIUS conversations with their
// non-EAP noise; each replica gets its own MAC addresses and later timestamps), then in one run:
//   - EapScope's importCapture() (decode, conversations), then diagnoseCapture() on its result
//     (verdicts and reasons; target: at most 10% added to the import; its first pass, which also
//     sets OpenSSL up, is printed apart),
//   - tshark -r FILE -Y eap -T fields -e frame.number -e eap.code -e eap.id -e eap.type,
//   - a bare libpcap loop (pcap_next_ex over every frame, touching each byte count; the file
//     opened with the same stdio buffer as the importer's),
// and prints the times, the ratio to tshark (target ≥ 20×) and the throughput against the bare
// loop (target ≥ 0.5×). The import, the diagnosis and the bare loop are each repeated until
// they have run for at least a second, and their time per pass is printed in wall and in CPU
// time (the machine is shared: the wall time swings with the load, the CPU time much less).
// Usage: capture_bench [MEGABYTES=300] [--regenerate] [--no-tshark]
// (--no-tshark stops after the diagnosis lines: for profiling runs, as tshark takes minutes).
#include "capture/capture_importer.h"
#include "diagnosis/capture_diagnosis.h"

#include <pcap/pcap.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Frame {
    std::vector<std::uint8_t> bytes;
    std::uint32_t wire = 0;
};

std::vector<Frame> readFrames(const std::string& path)
{
    std::vector<Frame> frames;
    char error[PCAP_ERRBUF_SIZE];
    pcap_t* pcap = pcap_open_offline(path.c_str(), error);
    if (!pcap || pcap_datalink(pcap) != DLT_EN10MB) {
        if (pcap)
            pcap_close(pcap);
        return frames;
    }
    pcap_pkthdr* header;
    const u_char* data;
    while (pcap_next_ex(pcap, &header, &data) == 1) {
        frames.push_back({std::vector<std::uint8_t>(data, data + header->caplen), header->len});
    }
    pcap_close(pcap);
    return frames;
}

void generate(const std::string& path, std::uint64_t bytes)
{
    const std::string shared = std::string(EAPSCOPE_SHARED_DIR) + "/captures/";
    std::vector<Frame> source;
    for (const char* file :
         {"public/libtrace-8021x.pcap", "public/libtrace-radius.pcap", "public/tcpdump-eapon1.pcap",
          "public/tcpdump-RADIUS.pcap", "public/packetgen-dot1x.pcapng", "loopback/radius-tls.pcapng",
          "loopback/radius-peap-mschapv2.pcapng"}) {
        auto frames = readFrames(shared + file);
        source.insert(source.end(), frames.begin(), frames.end());
    }
    pcap_t* dead = pcap_open_dead(DLT_EN10MB, 262144);
    pcap_dumper_t* dumper = pcap_dump_open(dead, path.c_str());
    std::uint64_t written = 24;
    std::uint64_t usec = 1'700'000'000ull * 1'000'000ull;
    for (std::uint32_t replica = 0; written < bytes; ++replica) {
        for (const Frame& frame : source) {
            std::vector<std::uint8_t> copy = frame.bytes;
            if (copy.size() >= 12) {  // one station/authenticator pair per replica
                for (int mac : {0, 6}) {
                    copy[mac + 3] ^= static_cast<std::uint8_t>(replica >> 16);
                    copy[mac + 4] ^= static_cast<std::uint8_t>(replica >> 8);
                    copy[mac + 5] ^= static_cast<std::uint8_t>(replica);
                }
            }
            pcap_pkthdr header{};
            usec += 1000;
            header.ts.tv_sec = static_cast<time_t>(usec / 1'000'000);
            header.ts.tv_usec = static_cast<suseconds_t>(usec % 1'000'000);
            header.caplen = static_cast<bpf_u_int32>(copy.size());
            header.len = frame.wire;
            pcap_dump(reinterpret_cast<u_char*>(dumper), &header, copy.data());
            written += 16 + copy.size();
        }
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
}

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds of this thread: on a machine shared with other work, the wall time of a phase
// swings with the load while its CPU time does not, so the diagnosis/import ratio is also
// printed in CPU time.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

struct Repeated {
    double wall = 0, cpu = 0;  // seconds per pass
    int passes = 0;
};

// Runs `pass` until it has taken at least a second of wall time, so that one figure is not one
// scheduler hiccup on a loaded machine. `pass` either returns nothing (it is timed whole) or its
// own {wall, CPU} seconds (it times only its work, not its set-up).
template <typename Pass>
Repeated repeat(Pass&& pass)
{
    Repeated total;
    while (total.wall < 1.0 || total.passes < 2) {
        if constexpr (std::is_void_v<decltype(pass())>) {
            auto start = Clock::now();
            double cpuStart = cpuSeconds();
            pass();
            total.wall += seconds(start);
            total.cpu += cpuSeconds() - cpuStart;
        } else {
            auto [wall, cpu] = pass();
            total.wall += wall;
            total.cpu += cpu;
        }
        ++total.passes;
    }
    return {total.wall / total.passes, total.cpu / total.passes, total.passes};
}

struct BareResult {
    std::uint64_t frames = 0, bytes = 0;
};

BareResult bareLoop(const std::string& path)
{
    BareResult result;
    char error[PCAP_ERRBUF_SIZE];
    // The file read as the importer reads it (CaptureFile: a 256 KB stdio buffer), so that the
    // reference is libpcap's own cost and the ratio is what the import adds to it.
    FILE* stream = std::fopen(path.c_str(), "rb");
    std::setvbuf(stream, nullptr, _IOFBF, 256 * 1024);
    pcap_t* pcap = pcap_fopen_offline(stream, error);
    pcap_pkthdr* header;
    const u_char* data;
    std::uint64_t checksum = 0;
    while (pcap_next_ex(pcap, &header, &data) == 1) {
        ++result.frames;
        result.bytes += header->caplen;
        checksum += data[header->caplen / 2];
    }
    pcap_close(pcap);
    if (checksum == 42)
        std::puts("");  // keeps the loop from being optimised away
    return result;
}

std::uint64_t tsharkRows(const std::string& path)
{
    std::string command = "tshark -n -r '" + path +
                          "' -Y eap -T fields -e frame.number -e eap.code -e eap.id -e eap.type 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return 0;
    std::uint64_t rows = 0;
    char line[256];
    while (std::fgets(line, sizeof line, pipe))
        ++rows;
    pclose(pipe);
    return rows;
}

}  // namespace

int main(int argc, char** argv)
{
    std::uint64_t megabytes = 300;
    bool regenerate = false, tshark = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--regenerate") == 0)
            regenerate = true;
        else if (std::strcmp(argv[i], "--no-tshark") == 0)
            tshark = false;
        else
            megabytes = std::stoull(argv[i]);
    }
    fs::create_directories(fs::path(EAPSCOPE_BINARY_DIR) / "bench");
    const std::string path =
        (fs::path(EAPSCOPE_BINARY_DIR) / "bench" / ("capture_bench_" + std::to_string(megabytes) + "MB.pcap"))
            .string();
    if (regenerate || !fs::exists(path)) {
        auto start = Clock::now();
        generate(path, megabytes << 20);
        std::printf("generated %s in %.1f s\n", path.c_str(), seconds(start));
    }
    const double size = static_cast<double>(fs::file_size(path)) / (1 << 20);
    bareLoop(path);  // warm the page cache so every reader sees the same conditions

    BareResult bare;
    const Repeated bareTime = repeat([&] { bare = bareLoop(path); });
    const double bareSeconds = bareTime.wall, bareCpu = bareTime.cpu;

    eapscope::Result<eapscope::CaptureImport> imported = eapscope::makeError("not run");
    const Repeated importTime = repeat([&] {
        imported = eapscope::makeError("not run");  // the previous result is freed outside the timing
        auto start = Clock::now();
        double cpuStart = cpuSeconds();
        imported = eapscope::importCapture(path);
        return std::pair{seconds(start), cpuSeconds() - cpuStart};
    });
    const double importSeconds = importTime.wall, importCpu = importTime.cpu;
    if (!imported) {
        std::fprintf(stderr, "import failed: %s\n", imported.error().c_str());
        return 1;
    }

    std::printf("capture: %.0f MB, %llu frames\n", size, static_cast<unsigned long long>(bare.frames));
    std::printf(
        "EapScope import : %7.3f s  %8.0f MB/s  CPU %7.3f s  (per pass, %d passes)  %zu EAP packets, "
        "%zu conversations\n",
        importSeconds, size / importSeconds, importCpu, importTime.passes, imported->packets.size(),
        imported->conversations.size());
    std::printf("bare libpcap    : %7.3f s  %8.0f MB/s  CPU %7.3f s  (per pass, %d passes)\n", bareSeconds,
                size / bareSeconds, bareCpu, bareTime.passes);
    std::printf("throughput vs bare libpcap loop: %.2fx by wall time, %.2fx by CPU time (target >= 0.5x)\n",
                bareSeconds / importSeconds, bareCpu / importCpu);

    // The first diagnosis of a process also sets OpenSSL up (its configuration, its name maps, a
    // key decoder per algorithm): timed alone, then the diagnosis is repeated as the import is,
    // and the target is read on the repeated figure, like the import's.
    auto start = Clock::now();
    double cpuStart = cpuSeconds();
    eapscope::CaptureDiagnosis diagnosis = eapscope::diagnoseCapture(*imported);
    const double firstSeconds = seconds(start);
    const double firstCpu = cpuSeconds() - cpuStart;
    const Repeated diagnoseTime = repeat([&] {
        diagnosis = {};  // the previous result is freed outside the timing
        auto passStart = Clock::now();
        double passCpu = cpuSeconds();
        diagnosis = eapscope::diagnoseCapture(*imported);
        return std::pair{seconds(passStart), cpuSeconds() - passCpu};
    });
    const double diagnoseSeconds = diagnoseTime.wall, diagnoseCpu = diagnoseTime.cpu;
    std::size_t reasons = 0;
    for (const auto& conversation : diagnosis.conversations)
        reasons += conversation.reasons.size();
    std::printf(
        "diagnosis       : %7.3f s  CPU %7.3f s  (per pass, %d passes)  %zu reasons over %zu "
        "conversations\n",
        diagnoseSeconds, diagnoseCpu, diagnoseTime.passes, reasons, diagnosis.conversations.size());
    std::printf(
        "first diagnosis : %7.3f s  CPU %7.3f s  (with OpenSSL's set-up): %.1f%% of the import, "
        "%.1f%% by CPU time\n",
        firstSeconds, firstCpu, 100.0 * firstSeconds / importSeconds, 100.0 * firstCpu / importCpu);
    std::printf("import %.3f s + diagnosis %.3f s: diagnosis adds %.1f%% to the import (target <= 10%%)\n",
                importSeconds, diagnoseSeconds, 100.0 * diagnoseSeconds / importSeconds);
    std::printf("CPU time: import %.3f s + diagnosis %.3f s: diagnosis adds %.1f%% (target <= 10%%)\n",
                importCpu, diagnoseCpu, 100.0 * diagnoseCpu / importCpu);
    std::fflush(stdout);  // tshark is slow: the figures above are out even if it is interrupted
    if (!tshark)
        return 0;

    start = Clock::now();
    std::uint64_t rows = tsharkRows(path);
    const double tsharkSeconds = seconds(start);
    std::printf("tshark -Y eap   : %7.2f s  %8.0f MB/s  %llu EAP rows\n", tsharkSeconds, size / tsharkSeconds,
                static_cast<unsigned long long>(rows));
    std::printf("speed-up vs tshark: %.1fx (target >= 20x)\n", tsharkSeconds / importSeconds);
    return 0;
}
