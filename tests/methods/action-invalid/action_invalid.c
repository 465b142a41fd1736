/* Breaks ACTION_INVALID and nothing else: see the FAULT_ACTION_INVALID lines of ../common/test_md5.c. */
#define FAULT_ACTION_INVALID 1
#include "../common/test_md5.c"
