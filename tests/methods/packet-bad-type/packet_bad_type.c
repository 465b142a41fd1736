/* Breaks PACKET_BAD_TYPE and nothing else: see the FAULT_PACKET_BAD_TYPE lines of ../common/test_md5.c. */
#define FAULT_PACKET_BAD_TYPE 1
#include "../common/test_md5.c"
