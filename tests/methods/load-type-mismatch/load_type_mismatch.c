/* Breaks LOAD_TYPE_MISMATCH and nothing else: see the FAULT_TYPE_MISMATCH lines of ../common/test_md5.c. */
#define FAULT_TYPE_MISMATCH 1
#include "../common/test_md5.c"
