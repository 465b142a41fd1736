/* Breaks RESULT_INCONSISTENT and nothing else: see the FAULT_RESULT_INCONSISTENT lines of ../common/test_md5.c. */
#define FAULT_RESULT_INCONSISTENT 1
#include "../common/test_md5.c"
