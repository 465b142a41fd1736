/* SPDX-License-Identifier: MIT
 * Copyright (c) 2026 EapScope developers
 *
 * my_method — an EAP method skeleton for EapScope, built against the SDK headers alone.
 *
 * As shipped it is a working EAP-MD5 peer (RFC 3748 §5.4, RFC 1994 §4.1), so the first build
 * authenticates against EapScope's bundled md5 authenticator:
 *     eapscope-cli run --auth md5 --peer build/my_method.so --identity alice --password secret
 * Make it yours: change MY_TYPE, the work buffer, and peer_make_message(); keep the entry points
 * (begin, end, make_message, and the table RasEapGetInfo hands out) and the rules their comments
 * cite. Every call is checked against the RAS EAP contract by `eapscope-cli run` and in the
 * EapScope window.
 */
#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <openssl/evp.h>

#include <stdlib.h>
#include <string.h>

#define MY_TYPE EAPTYPE_MD5Challenge /* your EAP type: 254 (expanded) or an experimental 255 */
#define MD5_VALUE_SIZE 16
#define MD5_HEADER 6 /* Code, Id, Length[2], Type, Value-Size */

/* This skeleton plays the peer only; add RAS_EAP_ROLE_AUTHENTICATOR when you implement it. */
RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATEE;

/* One per authentication: RasEapBegin creates it, RasEapEnd frees it. */
struct my_work {
    char* password; /* UTF-8 copy: the host frees its own buffers after Begin */
    size_t password_len;
    BOOL answered;
    BOOL done;
    BYTE last_request_id;
    BYTE last_response[MD5_HEADER + MD5_VALUE_SIZE];
};

/* RFC 1994 §4.1: Response Value = MD5(Identifier || secret || Challenge). */
static int chap_md5(BYTE id, const char* secret, size_t secret_len, const BYTE* challenge,
                    size_t challenge_len, BYTE out[MD5_VALUE_SIZE])
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    unsigned int len = 0;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_md5(), NULL) && EVP_DigestUpdate(ctx, &id, 1) &&
             EVP_DigestUpdate(ctx, secret, secret_len) && EVP_DigestUpdate(ctx, challenge, challenge_len) &&
             EVP_DigestFinal_ex(ctx, out, &len);
    EVP_MD_CTX_free(ctx);
    return ok && len == MD5_VALUE_SIZE;
}

/* A Request of our type whose Value fits its Length (RFC 3748 §4, §5.4). */
static int valid_request(const PPP_EAP_PACKET* p)
{
    DWORD length = RasEapPacketLength(p);
    const BYTE* bytes = (const BYTE*)p;
    return p->Code == EAPCODE_Request && length >= MD5_HEADER && bytes[4] == MY_TYPE && bytes[5] > 0 &&
           MD5_HEADER + (DWORD)bytes[5] <= length;
}

static DWORD answer(struct my_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send, DWORD cb_send,
                    PPP_EAP_OUTPUT* out)
{
    const BYTE* bytes = (const BYTE*)recv;
    /* A retransmitted Request (same Identifier) gets the same Response (RFC 3748 §4.1). */
    if (!w->answered || recv->Id != w->last_request_id) {
        BYTE* r = w->last_response;
        r[0] = EAPCODE_Response;
        r[1] = recv->Id;
        r[4] = MY_TYPE;
        r[5] = MD5_VALUE_SIZE;
        RasEapSetPacketLength((PPP_EAP_PACKET*)r, sizeof w->last_response);
        if (!chap_md5(recv->Id, w->password, w->password_len, bytes + MD5_HEADER, bytes[5], r + MD5_HEADER)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->last_request_id = recv->Id;
    }
    if (sizeof w->last_response > cb_send) {
        return ERROR_INVALID_PARAMETER; /* never write past cbSendPacket */
    }
    memcpy(send, w->last_response, sizeof w->last_response);
    out->Action = EAPACTION_Send;
    w->answered = TRUE;
    return NO_ERROR;
}

static DWORD peer_make_message(struct my_work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->done) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) { /* no packet: an initial call, or success implied by the authenticator */
        w->done = in->fSuccessPacketReceived && w->answered;
        out->Action = w->done ? EAPACTION_Done : EAPACTION_NoAction;
        return NO_ERROR;
    }
    if (RasEapPacketLength(recv) < 4) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (recv->Code == EAPCODE_Success || recv->Code == EAPCODE_Failure) {
        out->Action = EAPACTION_Done;
        out->dwAuthResultCode =
            recv->Code == EAPCODE_Success && w->answered ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE;
        w->done = TRUE;
        return NO_ERROR;
    }
    if (!valid_request(recv)) {
        return ERROR_PPP_INVALID_PACKET; /* dropped; the session goes on */
    }
    return answer(w, recv, send, cb_send, out);
}

/* ---- entry points: the same shape in every method ------------------------------------- */

static DWORD APIENTRY my_end(VOID* work_buffer)
{
    struct my_work* w = work_buffer;
    if (w) { /* End accepts NULL */
        if (w->password) {
            memset(w->password, 0, w->password_len); /* secrets do not outlive the session */
            free(w->password);
        }
        free(w);
    }
    return NO_ERROR;
}

static DWORD APIENTRY my_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fAuthenticator || (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH)) {
        return ERROR_NOT_SUPPORTED; /* a role or mode this method does not implement is an error */
    }
    struct my_work* w = calloc(1, sizeof *w);
    if (!w) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->password = malloc(3 * RasEapUtf16Length(in->pwszPassword) + 1);
    if (!w->password) {
        my_end(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->password_len = RasEapUtf16ToUtf8(in->pwszPassword, w->password);
    *work_buffer = w;
    return NO_ERROR;
}

static DWORD APIENTRY my_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                      DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    return peer_make_message(work_buffer, recv, send, cb_send, out, in);
}

/* The entry points, and the one symbol EapScope looks up: RasEapGetInfo answers for MY_TYPE with
 * them and declines every other type (RasEapFillInfo, <eapscope/raseap_method.h>). */
static const PPP_EAP_INFO my_entry_points = {
    .dwEapTypeId = MY_TYPE,
    .RasEapInitialize = NULL, /* optional: nothing to set up */
    .RasEapBegin = my_begin,
    .RasEapEnd = my_end,
    .RasEapMakeMessage = my_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &my_entry_points);
}
