/* Breaks LOAD_NO_GETINFO and nothing else: see the FAULT_NO_GETINFO lines of ../common/test_md5.c. */
#define FAULT_NO_GETINFO 1
#include "../common/test_md5.c"
