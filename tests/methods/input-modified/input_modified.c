/* Breaks INPUT_MODIFIED and nothing else: see the FAULT_INPUT_MODIFIED lines of ../common/test_md5.c. */
#define FAULT_INPUT_MODIFIED 1
#include "../common/test_md5.c"
