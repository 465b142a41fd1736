// Seeds the capture and EAP fuzz corpora from the generated fixtures:
// `capture_corpus_seed tests/fuzz/corpus` writes corpus/capture/*.pcap, corpus/capture_frame/*,
// corpus/eap/*.
#include "fixture_writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

void writeFile(const std::filesystem::path& path, const eapscope::fixtures::Bytes& bytes)
{
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

int linkTypeIndex(int linkType)
{
    const int kLinkTypes[] = {0, 1, 9, 50, 101, 105, 108, 113, 119, 127, 163, 192, 204, 228, 229, 276};
    for (int i = 0; i < 16; ++i) {
        if (kLinkTypes[i] == linkType)
            return i;
    }
    return 1;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    namespace fs = std::filesystem;
    const fs::path root = argv[1];
    for (const char* dir : {"capture", "capture_frame", "eap"})
        fs::create_directories(root / dir);
    for (const auto& fixture : eapscope::fixtures::allFixtures()) {
        eapscope::fixtures::writeFixture(fixture, (root / "capture").string());
        for (std::size_t i = 0; i < fixture.frames.size(); ++i) {
            eapscope::fixtures::Bytes frame{static_cast<std::uint8_t>(linkTypeIndex(fixture.linkType))};
            frame.insert(frame.end(), fixture.frames[i].begin(), fixture.frames[i].end());
            writeFile(root / "capture_frame" / (fixture.name + "-" + std::to_string(i + 1)), frame);
        }
    }
    int n = 0;
    for (const auto& eap : eapscope::fixtures::md5Conversation()) {
        writeFile(root / "eap" / ("md5-" + std::to_string(++n)), eap);
    }
    return 0;
}
