/* The slice of OpenSSL's EVP digest API the bundled methods use (MD5 for EAP-MD5, RFC 3748
 * §5.4), for their Windows builds: MinGW-w64 has no OpenSSL, so these call Windows' own CNG
 * (bcrypt.dll), as a Windows method would. Same names and meanings as OpenSSL's; only MD5. */
#ifndef EAPSCOPE_OPENSSL_CNG_EVP_H
#define EAPSCOPE_OPENSSL_CNG_EVP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct eapscope_cng_md EVP_MD;
typedef struct eapscope_cng_md_ctx EVP_MD_CTX;
typedef struct engine_st ENGINE;

#define EVP_MAX_MD_SIZE 64

const EVP_MD* EVP_md5(void);
EVP_MD_CTX* EVP_MD_CTX_new(void);
void EVP_MD_CTX_free(EVP_MD_CTX* ctx);
int EVP_DigestInit_ex(EVP_MD_CTX* ctx, const EVP_MD* type, ENGINE* impl);
int EVP_DigestUpdate(EVP_MD_CTX* ctx, const void* data, size_t count);
int EVP_DigestFinal_ex(EVP_MD_CTX* ctx, unsigned char* md, unsigned int* size);

#ifdef __cplusplus
}
#endif

#endif
