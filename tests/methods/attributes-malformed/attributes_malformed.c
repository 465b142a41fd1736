/* Breaks ATTRIBUTES_MALFORMED and nothing else: see the FAULT_ATTRIBUTES_MALFORMED lines of ../common/test_md5.c. */
#define FAULT_ATTRIBUTES_MALFORMED 1
#include "../common/test_md5.c"
