// libFuzzer target: the bundled EAP-MSCHAPv2 method's decoder, both roles (method_fuzz_harness.h).
#include "method_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const eapscope::fuzz::MethodUnderFuzz mschapv2{"mschapv2", 26, "", "", ""};
    return eapscope::fuzz::fuzzMethod(mschapv2, data, size);
}
