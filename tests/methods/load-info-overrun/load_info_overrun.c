/* Breaks LOAD_INFO_OVERRUN and nothing else: see the FAULT_INFO_OVERRUN lines of ../common/test_md5.c. */
#define FAULT_INFO_OVERRUN 1
#include "../common/test_md5.c"
