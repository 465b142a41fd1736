/* Breaks END_FAILED and nothing else: see the FAULT_END_FAILED lines of ../common/test_md5.c. */
#define FAULT_END_FAILED 1
#include "../common/test_md5.c"
