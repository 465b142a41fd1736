// libFuzzer target: the bundled EAP-GTC method's decoder, both roles (method_fuzz_harness.h).
#include "method_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const eapscope::fuzz::MethodUnderFuzz gtc{"gtc", 6, "", "", ""};
    return eapscope::fuzz::fuzzMethod(gtc, data, size);
}
