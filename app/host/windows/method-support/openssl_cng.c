/* openssl/evp.h and openssl/rand.h of this folder over Windows CNG (bcrypt.dll). */
#include "openssl/evp.h"
#include "openssl/rand.h"

#include <windows.h>
/* bcrypt.h after windows.h. */
#include <bcrypt.h>
#include <stdlib.h>

struct eapscope_cng_md {
    const wchar_t* algorithm;
    unsigned int size;
};

struct eapscope_cng_md_ctx {
    BCRYPT_ALG_HANDLE algorithm;
    BCRYPT_HASH_HANDLE hash;
    unsigned int size;
};

static const struct eapscope_cng_md md5 = {BCRYPT_MD5_ALGORITHM, 16};

const EVP_MD* EVP_md5(void)
{
    return &md5;
}

EVP_MD_CTX* EVP_MD_CTX_new(void)
{
    return calloc(1, sizeof(EVP_MD_CTX));
}

static void release(EVP_MD_CTX* ctx)
{
    if (ctx->hash != NULL)
        BCryptDestroyHash(ctx->hash);
    if (ctx->algorithm != NULL)
        BCryptCloseAlgorithmProvider(ctx->algorithm, 0);
    ctx->hash = NULL;
    ctx->algorithm = NULL;
}

void EVP_MD_CTX_free(EVP_MD_CTX* ctx)
{
    if (ctx == NULL)
        return;
    release(ctx);
    free(ctx);
}

int EVP_DigestInit_ex(EVP_MD_CTX* ctx, const EVP_MD* type, ENGINE* impl)
{
    (void)impl;
    release(ctx);
    if (BCryptOpenAlgorithmProvider(&ctx->algorithm, type->algorithm, NULL, 0) != 0)
        return 0;
    ctx->size = type->size;
    return BCryptCreateHash(ctx->algorithm, &ctx->hash, NULL, 0, NULL, 0, 0) == 0;
}

int EVP_DigestUpdate(EVP_MD_CTX* ctx, const void* data, size_t count)
{
    return BCryptHashData(ctx->hash, (PUCHAR)data, (ULONG)count, 0) == 0;
}

int EVP_DigestFinal_ex(EVP_MD_CTX* ctx, unsigned char* md, unsigned int* size)
{
    const int ok = BCryptFinishHash(ctx->hash, md, ctx->size, 0) == 0;
    if (size != NULL)
        *size = ok ? ctx->size : 0;
    return ok;
}

int RAND_bytes(unsigned char* buf, int num)
{
    return num < 0 ? 0 : BCryptGenRandom(NULL, buf, (ULONG)num, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
