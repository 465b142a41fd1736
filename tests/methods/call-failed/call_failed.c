/* Breaks CALL_FAILED and nothing else: see the FAULT_CALL_FAILED lines of ../common/test_md5.c. */
#define FAULT_CALL_FAILED 1
#include "../common/test_md5.c"
