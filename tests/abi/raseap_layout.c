/* Prints every entry of raseap_abi_list.h as EapScope's SDK header defines it:
 *   raseap-layout                   "expression value" lines (compared with the Windows build's)
 *   raseap-layout --static-asserts  a C file of _Static_assert lines, one per entry, that the
 *                                   Windows build compiles against MinGW-w64's raseapif.h */
#include <eapscope/raseap.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int g_asserts;

static void entry(const char* expression, uint32_t value)
{
    if (g_asserts) {
        printf("_Static_assert((uint32_t)(%s) == %uu, \"%s is %u in EapScope's raseap.h\");\n", expression,
               value, expression, value);
    } else {
        printf("%s %u\n", expression, value);
    }
}

int main(int argc, char** argv)
{
    g_asserts = argc > 1 && strcmp(argv[1], "--static-asserts") == 0;
#define EAPSCOPE_ABI(expression) entry(#expression, (uint32_t)(expression));
#include "raseap_abi_list.h"
#undef EAPSCOPE_ABI
    return 0;
}
