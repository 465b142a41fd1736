// libFuzzer target: the bundled EAP-TLS method's decoder (flags, TLS Message Length,
// reassembly, fragment acknowledgements) and OpenSSL behind it, both roles, with a test PKI
// made once per process (method_fuzz_harness.h).
#include "method_fuzz_harness.h"
#include "test_pki.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace {

const eapscope::fuzz::MethodUnderFuzz& tlsMethod()
{
    static const eapscope::fuzz::MethodUnderFuzz method = [] {
        const auto dir =
            std::filesystem::temp_directory_path() / ("eapscope-tls-fuzz-" + std::to_string(::getpid()));
        const auto pki = eapscope::testing::makeTestPki(dir);
        std::atexit([] {
            std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                        ("eapscope-tls-fuzz-" + std::to_string(::getpid())));
        });
        return eapscope::fuzz::MethodUnderFuzz{
            "tls", 13, pki.serverData(), "ca=" + pki.ca.string(),
            "cert=" + pki.clientCert.string() + ";key=" + pki.clientKey.string()};
    }();
    return method;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return eapscope::fuzz::fuzzMethod(tlsMethod(), data, size);
}
