// Writes the seed corpus of wire_fuzz: one valid payload per decoder (byte 0 selects it) and a
// stream of whole frames. Regenerate: build/<dir>/bin/wire_corpus_seed tests/fuzz/corpus/wire
#include "host/wire_messages.h"

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using namespace eapscope;

void write(const std::filesystem::path& dir, const std::string& name, std::uint8_t selector,
           const std::vector<std::uint8_t>& payload)
{
    std::ofstream out(dir / name, std::ios::binary);
    out.put(static_cast<char>(selector));
    out.write(reinterpret_cast<const char*>(payload.data()), static_cast<std::streamsize>(payload.size()));
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        return 2;
    }
    const std::filesystem::path dir(argv[1]);
    std::filesystem::create_directories(dir);
    write(dir, "hello", 0, wire::encodePayload(wire::Hello{}));
    write(dir, "load-request", 1, wire::encodePayload(LoadRequest{"/x/md5.so", "md5", 4}));
    LoadReport report;
    report.ok = true;
    report.name = "md5";
    report.answeredTypes = {4};
    report.exports = {"RasEapGetInfo"};
    report.findings.push_back({"LOAD_INFO_OVERRUN", "wrote past"});
    write(dir, "load-report", 2, wire::encodePayload(report));
    BeginRequest begin;
    begin.identity = u"alice";
    begin.password = u"secret";
    begin.userAttributes.push_back(AuthAttribute{1, 5, true, {'a', 'l', 'i', 'c', 'e'}, 0});
    write(dir, "begin", 3, wire::encodePayload(begin));
    MakeMessageRequest make;
    make.receivePacket = Bytes{1, 2, 0, 6, 4, 0};
    write(dir, "make-message", 4, wire::encodePayload(make));
    CallOutcome outcome;
    outcome.sendPacket = {2, 2, 0, 5, 4};
    outcome.heap.push_back(HeapEvent{true, 0x1000, 64, 1, 5, "site", ""});
    outcome.failure = HostFailure{HostFailure::Kind::Exit, std::nullopt, 3, "exit(3)"};
    write(dir, "call-outcome", 5, wire::encodePayload(outcome));
    write(dir, "heap-events", 6, wire::encodePayload(outcome.heap));
    write(dir, "checkpoint", 7, wire::encodePayload(wire::CheckpointResult{true, 42, ""}));
    write(dir, "text", 8, wire::encodePayload(std::string("unexpected request")));
    // A stream of frames: u32 length | type | payload, as HostChannel reads it.
    std::vector<std::uint8_t> stream;
    for (const auto& [type, payload] :
         {std::pair{wire::FrameType::Hello, wire::encodePayload(wire::Hello{})},
          std::pair{wire::FrameType::CallReply, wire::encodePayload(outcome)}}) {
        const auto length = static_cast<std::uint32_t>(payload.size() + 1);
        for (int i = 0; i < 4; ++i) {
            stream.push_back(static_cast<std::uint8_t>(length >> (8 * i)));
        }
        stream.push_back(static_cast<std::uint8_t>(type));
        stream.insert(stream.end(), payload.begin(), payload.end());
    }
    std::ofstream(dir / "frame-stream", std::ios::binary)
        .write(reinterpret_cast<const char*>(stream.data()), static_cast<std::streamsize>(stream.size()));
    return 0;
}
