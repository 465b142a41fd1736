/* Breaks SLOW_CALL and nothing else: see the FAULT_SLOW_CALL lines of ../common/test_md5.c. */
#define FAULT_SLOW_CALL 1
#include "../common/test_md5.c"
