/* Breaks OUTPUT_OVERRUN and nothing else: see the FAULT_OUTPUT_OVERRUN lines of ../common/test_md5.c. */
#define FAULT_OUTPUT_OVERRUN 1
#include "../common/test_md5.c"
