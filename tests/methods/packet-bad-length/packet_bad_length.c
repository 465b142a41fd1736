/* Breaks PACKET_BAD_LENGTH and nothing else: see the FAULT_PACKET_BAD_LENGTH lines of ../common/test_md5.c. */
#define FAULT_PACKET_BAD_LENGTH 1
#include "../common/test_md5.c"
