/* The Windows side of the ABI comparison (tests/abi): compiled against MinGW-w64's own
 * raseapif.h and raserror.h (through include/eapscope/raseap.h). The generated header holds one
 * _Static_assert per entry of tests/abi/raseap_abi_list.h with the value EapScope's SDK header
 * gives it, so a difference stops the build; run under Wine, this program prints the platform
 * header's values for the test that compares both lists. */
#include <eapscope/raseap.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "raseap_abi_asserts.h"

static void entry(const char* expression, uint32_t value)
{
    printf("%s %u\n", expression, value);
}

int main(void)
{
#define EAPSCOPE_ABI(expression) entry(#expression, (uint32_t)(expression));
#include "raseap_abi_list.h"
#undef EAPSCOPE_ABI
    return 0;
}
