/* Breaks PACKET_BAD_ID and nothing else: see the FAULT_PACKET_BAD_ID lines of ../common/test_md5.c. */
#define FAULT_PACKET_BAD_ID 1
#include "../common/test_md5.c"
