/* Breaks LOAD_NO_MAKEMESSAGE and nothing else: see the FAULT_NO_MAKEMESSAGE lines of ../common/test_md5.c. */
#define FAULT_NO_MAKEMESSAGE 1
#include "../common/test_md5.c"
