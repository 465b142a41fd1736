/* OpenSSL's RAND_bytes for the bundled methods' Windows builds, from BCryptGenRandom. */
#ifndef EAPSCOPE_OPENSSL_CNG_RAND_H
#define EAPSCOPE_OPENSSL_CNG_RAND_H

#ifdef __cplusplus
extern "C" {
#endif

int RAND_bytes(unsigned char* buf, int num);

#ifdef __cplusplus
}
#endif

#endif
