/*
 * MS-CHAPv2 arithmetic for the peer (RFC 2759 §8) and its MPPE keys (RFC 3079 §3.4).
 *
 * MD4 is written out here (RFC 1320) because OpenSSL 3 keeps it in the legacy provider, which a
 * method would have to load into a library context of its own on every host it runs in. Single
 * DES (also legacy) is done as DES-EDE3 with three equal keys, which is the same cipher. SHA-1
 * comes from OpenSSL's default provider.
 */
#include "mschapv2_crypto.h"

#include <openssl/evp.h>

#include <string.h>

/* ---- MD4 (RFC 1320) --------------------------------------------------------------------- */

#define MD4_F(x, y, z) (((x) & (y)) | (~(x) & (z)))
#define MD4_G(x, y, z) (((x) & (y)) | ((x) & (z)) | ((y) & (z)))
#define MD4_H(x, y, z) ((x) ^ (y) ^ (z))
#define MD4_ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void md4_block(uint32_t state[4], const BYTE block[64])
{
    static const int order2[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    static const int order3[16] = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    static const int shift1[4] = {3, 7, 11, 19}, shift2[4] = {3, 5, 9, 13}, shift3[4] = {3, 9, 11, 15};
    uint32_t x[16];
    for (int i = 0; i < 16; ++i) {
        x[i] = (uint32_t)block[4 * i] | ((uint32_t)block[4 * i + 1] << 8) |
               ((uint32_t)block[4 * i + 2] << 16) | ((uint32_t)block[4 * i + 3] << 24);
    }
    uint32_t v[4] = {state[0], state[1], state[2], state[3]};
    /* Each step updates a, d, c, b in turn: index (4 - i % 4) % 4. */
    for (int i = 0; i < 16; ++i) {
        int a = (4 - i % 4) % 4, b = (a + 1) % 4, c = (a + 2) % 4, d = (a + 3) % 4;
        v[a] = MD4_ROTL(v[a] + MD4_F(v[b], v[c], v[d]) + x[i], shift1[i % 4]);
    }
    for (int i = 0; i < 16; ++i) {
        int a = (4 - i % 4) % 4, b = (a + 1) % 4, c = (a + 2) % 4, d = (a + 3) % 4;
        v[a] = MD4_ROTL(v[a] + MD4_G(v[b], v[c], v[d]) + x[order2[i]] + 0x5A827999u, shift2[i % 4]);
    }
    for (int i = 0; i < 16; ++i) {
        int a = (4 - i % 4) % 4, b = (a + 1) % 4, c = (a + 2) % 4, d = (a + 3) % 4;
        v[a] = MD4_ROTL(v[a] + MD4_H(v[b], v[c], v[d]) + x[order3[i]] + 0x6ED9EBA1u, shift3[i % 4]);
    }
    for (int i = 0; i < 4; ++i) {
        state[i] += v[i];
    }
}

void mschapv2_md4(const BYTE* data, size_t len, BYTE out[16])
{
    uint32_t state[4] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u};
    size_t done = 0;
    for (; len - done >= 64; done += 64) {
        md4_block(state, data + done);
    }
    BYTE tail[128] = {0};
    size_t rest = len - done;
    memcpy(tail, data + done, rest);
    tail[rest] = 0x80;
    size_t tail_len = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; ++i) {
        tail[tail_len - 8 + i] = (BYTE)(bits >> (8 * i));
    }
    for (size_t off = 0; off < tail_len; off += 64) {
        md4_block(state, tail + off);
    }
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            out[4 * i + j] = (BYTE)(state[i] >> (8 * j));
        }
    }
}

/* ---- SHA-1 and DES through OpenSSL ------------------------------------------------------- */

struct part {
    const void* data;
    size_t len;
};

static int sha1(const struct part* parts, int count, BYTE out[20])
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int len = 0;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), NULL);
    for (int i = 0; ok && i < count; ++i) {
        ok = EVP_DigestUpdate(ctx, parts[i].data, parts[i].len);
    }
    ok = ok && EVP_DigestFinal_ex(ctx, out, &len) && len == 20;
    EVP_MD_CTX_free(ctx);
    return ok;
}

/* RFC 2759 §8.6 DesEncrypt: the 7-byte key spread over 8 (DES ignores the parity bits). */
static int des_encrypt(const BYTE clear[8], const BYTE key7[7], BYTE out[8])
{
    BYTE key[24];
    key[0] = key7[0];
    for (int i = 1; i < 7; ++i) {
        key[i] = (BYTE)((key7[i - 1] << (8 - i)) | (key7[i] >> i));
    }
    key[7] = (BYTE)(key7[6] << 1);
    memcpy(key + 8, key, 8); /* EDE with K1 = K2 = K3 is single DES */
    memcpy(key + 16, key, 8);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int n = 0;
    int ok = ctx && EVP_EncryptInit_ex(ctx, EVP_des_ede3_ecb(), NULL, key, NULL) &&
             EVP_CIPHER_CTX_set_padding(ctx, 0) && EVP_EncryptUpdate(ctx, out, &n, clear, 8) && n == 8;
    EVP_CIPHER_CTX_free(ctx);
    memset(key, 0, sizeof key);
    return ok;
}

/* ---- RFC 2759 §8 -------------------------------------------------------------------------- */

static const char* user_without_domain(const char* user)
{
    const char* slash = strrchr(user, '\\');
    return slash ? slash + 1 : user;
}

static int challenge_hash(const BYTE peer[16], const BYTE auth[16], const char* user, BYTE out[8])
{
    const char* name = user_without_domain(user);
    struct part parts[] = {{peer, 16}, {auth, 16}, {name, strlen(name)}};
    BYTE digest[20];
    if (!sha1(parts, 3, digest)) {
        return 0;
    }
    memcpy(out, digest, 8);
    return 1;
}

void mschapv2_nt_password_hash(const char* password_utf8, BYTE out[16])
{
    /* UTF-8 → UTF-16LE (RFC 2759 §8.3 hashes the Unicode password). */
    size_t len = strlen(password_utf8);
    BYTE unicode[2 * 256 * 2];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 4 <= sizeof unicode;) {
        BYTE c = (BYTE)password_utf8[i];
        uint32_t cp = c;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        cp = extra == 3 ? c & 0x07u : extra == 2 ? c & 0x0Fu : extra == 1 ? c & 0x1Fu : c;
        for (int k = 1; k <= extra && i + k < len; ++k) {
            cp = (cp << 6) | ((BYTE)password_utf8[i + k] & 0x3Fu);
        }
        i += 1 + (size_t)extra;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            uint32_t hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
            unicode[n++] = (BYTE)hi, unicode[n++] = (BYTE)(hi >> 8);
            unicode[n++] = (BYTE)lo, unicode[n++] = (BYTE)(lo >> 8);
        } else {
            unicode[n++] = (BYTE)cp, unicode[n++] = (BYTE)(cp >> 8);
        }
    }
    mschapv2_md4(unicode, n, out);
    memset(unicode, 0, sizeof unicode);
}

int mschapv2_nt_response(const BYTE auth_challenge[16], const BYTE peer_challenge[16], const char* user,
                         const char* password_utf8, BYTE out[24])
{
    BYTE challenge[8], padded[21] = {0};
    if (!challenge_hash(peer_challenge, auth_challenge, user, challenge)) {
        return 0;
    }
    mschapv2_nt_password_hash(password_utf8, padded);
    int ok = des_encrypt(challenge, padded, out) && des_encrypt(challenge, padded + 7, out + 8) &&
             des_encrypt(challenge, padded + 14, out + 16);
    memset(padded, 0, sizeof padded);
    return ok;
}

int mschapv2_authenticator_response(const char* password_utf8, const BYTE nt_response[24],
                                    const BYTE peer_challenge[16], const BYTE auth_challenge[16],
                                    const char* user, char out[43])
{
    static const char magic1[] = "Magic server to client signing constant";
    static const char magic2[] = "Pad to make it do more than one iteration";
    BYTE hash[16], hash_hash[16], digest[20], challenge[8];
    mschapv2_nt_password_hash(password_utf8, hash);
    mschapv2_md4(hash, 16, hash_hash);
    struct part first[] = {{hash_hash, 16}, {nt_response, 24}, {magic1, sizeof magic1 - 1}};
    int ok = sha1(first, 3, digest) && challenge_hash(peer_challenge, auth_challenge, user, challenge);
    struct part second[] = {{digest, 20}, {challenge, 8}, {magic2, sizeof magic2 - 1}};
    ok = ok && sha1(second, 3, digest);
    static const char hex[] = "0123456789ABCDEF";
    out[0] = 'S';
    out[1] = '=';
    for (int i = 0; i < 20; ++i) {
        out[2 + 2 * i] = hex[digest[i] >> 4];
        out[3 + 2 * i] = hex[digest[i] & 0x0F];
    }
    out[42] = '\0';
    memset(hash, 0, sizeof hash);
    memset(hash_hash, 0, sizeof hash_hash);
    return ok;
}

/* ---- RFC 3079 §3.4 ------------------------------------------------------------------------ */

static const char client_send_magic[] =
    "On the client side, this is the send key; on the server side, it is the receive key.";
static const char client_recv_magic[] =
    "On the client side, this is the receive key; on the server side, it is the send key.";

static int start_key(const BYTE master[16], const char* magic, BYTE out[16])
{
    BYTE pad1[40], pad2[40], digest[20];
    memset(pad1, 0x00, sizeof pad1);
    memset(pad2, 0xF2, sizeof pad2);
    struct part parts[] = {{master, 16}, {pad1, 40}, {magic, strlen(magic)}, {pad2, 40}};
    if (!sha1(parts, 4, digest)) {
        return 0;
    }
    memcpy(out, digest, 16);
    return 1;
}

int mschapv2_peer_keys(const char* password_utf8, const BYTE nt_response[24], BYTE send_key[16],
                       BYTE recv_key[16])
{
    static const char master_magic[] = "This is the MPPE Master Key";
    BYTE hash[16], hash_hash[16], master[20];
    mschapv2_nt_password_hash(password_utf8, hash);
    mschapv2_md4(hash, 16, hash_hash);
    struct part parts[] = {{hash_hash, 16}, {nt_response, 24}, {master_magic, sizeof master_magic - 1}};
    int ok = sha1(parts, 3, master) && start_key(master, client_send_magic, send_key) &&
             start_key(master, client_recv_magic, recv_key);
    memset(hash, 0, sizeof hash);
    memset(hash_hash, 0, sizeof hash_hash);
    memset(master, 0, sizeof master);
    return ok;
}
