// Regenerates the carrier fixtures into a folder: `capture_fixture_generator DIR`.
#include "fixture_writer.h"

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIRECTORY\n", argv[0]);
        return 2;
    }
    for (const auto& fixture : eapscope::fixtures::allFixtures()) {
        std::printf("%s\n", eapscope::fixtures::writeFixture(fixture, argv[1]).c_str());
    }
    return 0;
}
