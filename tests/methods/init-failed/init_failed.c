/* Breaks INIT_FAILED and nothing else: see the FAULT_INIT_FAILED lines of ../common/test_md5.c. */
#define FAULT_INIT_FAILED 1
#include "../common/test_md5.c"
