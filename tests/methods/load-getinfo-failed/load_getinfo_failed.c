/* Breaks LOAD_GETINFO_FAILED and nothing else: see the FAULT_GETINFO_FAILED lines of ../common/test_md5.c. */
#define FAULT_GETINFO_FAILED 1
#include "../common/test_md5.c"
