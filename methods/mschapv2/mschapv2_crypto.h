/*
 * MS-CHAPv2 arithmetic the EAP-MSCHAPv2 peer needs: RFC 2759 §8 (NT-Response, authenticator
 * response) and RFC 3079 §3.4 (128-bit MPPE session keys). Passwords and user names are UTF-8.
 */
#ifndef EAPSCOPE_METHODS_MSCHAPV2_CRYPTO_H
#define EAPSCOPE_METHODS_MSCHAPV2_CRYPTO_H

#include <eapscope/raseap.h>

/* RFC 1320 MD4. */
void mschapv2_md4(const BYTE* data, size_t len, BYTE out[16]);

/* NtPasswordHash (RFC 2759 §8.3). Passwords longer than 256 characters are cut there (§8.3). */
void mschapv2_nt_password_hash(const char* password_utf8, BYTE out[16]);

/* GenerateNTResponse (RFC 2759 §8.1); `user` may carry a "DOMAIN\" prefix, which is not hashed. */
int mschapv2_nt_response(const BYTE auth_challenge[16], const BYTE peer_challenge[16], const char* user,
                         const char* password_utf8, BYTE out[24]);

/* GenerateAuthenticatorResponse (RFC 2759 §8.7): "S=" + 40 upper-case hex digits + NUL. */
int mschapv2_authenticator_response(const char* password_utf8, const BYTE nt_response[24],
                                    const BYTE peer_challenge[16], const BYTE auth_challenge[16],
                                    const char* user, char out[43]);

/* The peer's (client's) MPPE Send and Recv keys (RFC 3079 §3.4, 128-bit). */
int mschapv2_peer_keys(const char* password_utf8, const BYTE nt_response[24], BYTE send_key[16],
                       BYTE recv_key[16]);

#endif
