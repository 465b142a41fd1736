// libFuzzer target: the bundled PEAP method's decoder (PEAP flags and version, fragments, the
// tunnel's phase 2 packets, the inner EAP-MSCHAPv2 behind it), both roles, with a test PKI made
// once per process (method_fuzz_harness.h).
#include "method_fuzz_harness.h"
#include "test_pki.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace {

std::filesystem::path pkiDir()
{
    return std::filesystem::temp_directory_path() / ("eapscope-peap-fuzz-" + std::to_string(::getpid()));
}

const eapscope::fuzz::MethodUnderFuzz& peapMethod()
{
    static const eapscope::fuzz::MethodUnderFuzz method = [] {
        const auto pki = eapscope::testing::makeTestPki(pkiDir());
        std::atexit([] { std::filesystem::remove_all(pkiDir()); });
        return eapscope::fuzz::MethodUnderFuzz{
            "peap", 25, "cert=" + pki.serverCert.string() + ";key=" + pki.serverKey.string(),
            "ca=" + pki.ca.string(), ""};
    }();
    return method;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return eapscope::fuzz::fuzzMethod(peapMethod(), data, size);
}
