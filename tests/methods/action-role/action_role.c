/* Breaks ACTION_ROLE and nothing else: see the FAULT_ACTION_ROLE lines of ../common/test_md5.c. */
#define FAULT_ACTION_ROLE 1
#include "../common/test_md5.c"
