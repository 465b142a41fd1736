/*
 * PEAPv0 (draft-kamath-pppext-peapv0-00, [MS-PEAP]) with EAP-MSCHAPv2 inside, as a RAS EAP
 * extension method, both roles. Built only against <eapscope/raseap.h> and OpenSSL, with the
 * EAP-TLS record layer of methods/tls (tls_session.c) built in.
 *
 * Phase 1 is a TLS 1.2 handshake where only the server shows a certificate (EAP type 25, Flags
 * with version 0 in the low bits, fragments as in RFC 5216). Phase 2 runs EAP inside the tunnel,
 * PEAPv0 style: inner packets travel without their Code/Identifier/Length header, except
 * Extensions (EAP-TLV, type 33) packets, which keep it. The server asks the inner Identity, runs
 * the inner method, then sends an EAP-TLV Result (success or failure) that the peer echoes;
 * outer Success/Failure follows. Keys are those of EAP-TLS (TLS exporter "client EAP
 * encryption"), as PEAPv0 without cryptobinding defines them.
 *
 * The inner method is the bundled `mschapv2` library, loaded from the folder this library lives
 * in and driven through the same RAS EAP entry points a host uses (as SecureW2 hosts its inner
 * methods, RASEAP.md §6): its heap blocks appear in the tunnelled context's timeline. As
 * authenticator, the inner method's EAPACTION_Authenticate is passed out to the host's back end
 * and the answer passed back in.
 * Configuration (connection/user data, methods/tls/README.md): the authenticator needs cert and
 * key; the peer may give ca and server_name to verify the server.
 */
#define _GNU_SOURCE /* dladdr */
#include "../tls/tls_config.h"
#include "../tls/tls_session.h"

#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <dlfcn.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PEAP_TYPE 25
#define PEAP_VERSION 0
#define INNER_TYPE 26 /* EAP-MSCHAPv2 */
#define TLV_TYPE 33   /* EAP-TLV / Extensions */
#define TLV_RESULT 3  /* Result TLV; the mandatory bit 0x8000 is set on the wire */
#define TLV_SUCCESS 1
#define TLV_FAILURE 2
#define DEFAULT_FRAGMENT 1024
#define INNER_BUFFER 1400

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

enum state {
    AUTH_INITIAL,
    HANDSHAKE,
    AUTH_TUNNEL_OPEN,    /* server Finished out: the peer's ACK opens phase 2 */
    AUTH_INNER_IDENTITY, /* inner Identity asked */
    AUTH_INNER_METHOD,   /* inner method running */
    AUTH_INNER_BACKEND,  /* the inner method's Authenticate is with the host's back end */
    AUTH_TLV_SENT,       /* Result TLV out: the peer's echo decides */
    AUTH_FAILING,        /* an alert is out */
    PEER_TUNNEL,         /* handshake done: phase 2 requests arrive */
    PEER_TLV_OK,         /* Result success echoed, waiting for Success */
    PEER_FAILED,
    DONE
};

/* The inner method, loaded with this library (load_inner below). */
static void* inner_library;
static PPP_EAP_INFO inner;

struct work {
    struct tls_session tls;
    enum state state;
    WCHAR* identity; /* copies for the inner method's Begin */
    WCHAR* password; /* peer only */
    char* identity_utf8;
    size_t identity_len;
    void* inner_work;
    int inner_begun;
    int inner_done;
    DWORD inner_result;
    BYTE inner_last_id; /* Id of the inner Request being answered */
    PPP_EAP_INPUT inner_in;
    BYTE inner_send[INNER_BUFFER];
    struct tls_buffer plain; /* decrypted phase 2 data */
    BYTE keys[2][RASEAP_MPPE_KEY_VSA_LENGTH];
    RAS_AUTH_ATTRIBUTE attributes[3];
    int have_keys;
};

static void set_output(PPP_EAP_OUTPUT* out, PPP_EAP_ACTION action, DWORD result)
{
    out->Action = action;
    out->dwAuthResultCode = result;
}

static WCHAR* wcopy(const WCHAR* text)
{
    size_t units = RasEapUtf16Length(text);
    WCHAR* copy = malloc((units + 1) * sizeof(WCHAR));
    if (copy) {
        if (units) {
            memcpy(copy, text, units * sizeof(WCHAR));
        }
        copy[units] = 0;
    }
    return copy;
}

/* ---- the tunnel ------------------------------------------------------------------------- */

/* Encrypts `len` bytes of phase 2 data into tx (the next packets' TLS data). */
static int tunnel_write(struct work* w, const BYTE* data, size_t len)
{
    return SSL_write(w->tls.ssl, data, (int)len) == (int)len && tls_session_collect_output(&w->tls);
}

/* Decrypts the reassembled TLS records into plain. */
static int tunnel_read(struct work* w)
{
    struct tls_session* s = &w->tls;
    if (s->rx.len && BIO_write(s->in, s->rx.data, (int)s->rx.len) != (int)s->rx.len) {
        return 0;
    }
    s->rx.len = 0;
    s->rx_expected = 0;
    w->plain.len = 0;
    BYTE chunk[2048];
    int n;
    while ((n = SSL_read(s->ssl, chunk, sizeof chunk)) > 0) {
        if (!tls_buffer_append(&w->plain, chunk, (size_t)n)) {
            return 0;
        }
    }
    return w->plain.len > 0;
}

/* A full EAP-TLV packet carrying one Result TLV (draft-kamath-pppext-peapv0 §2.2). */
static void tlv_result(BYTE code, BYTE id, BYTE status, BYTE out[11])
{
    BYTE packet[11] = {code, id, 0, 11, TLV_TYPE, 0x80, TLV_RESULT, 0, 2, 0, status};
    memcpy(out, packet, sizeof packet);
}

/* The Result TLV's status in a full EAP-TLV packet, or 0. */
static BYTE tlv_status(const BYTE* p, size_t len, BYTE code)
{
    if (len < 11 || p[0] != code || p[4] != TLV_TYPE || (((size_t)p[2] << 8) | p[3]) != len) {
        return 0;
    }
    for (size_t at = 5; at + 4 <= len;) {
        size_t type = ((size_t)(p[at] & 0x3F) << 8) | p[at + 1];
        size_t tlv_len = ((size_t)p[at + 2] << 8) | p[at + 3];
        if (at + 4 + tlv_len > len) {
            return 0;
        }
        if (type == TLV_RESULT && tlv_len == 2) {
            return p[at + 5];
        }
        at += 4 + tlv_len;
    }
    return 0;
}

static int is_full_eap(const BYTE* p, size_t len)
{
    return len >= 5 && (((size_t)p[2] << 8) | p[3]) == len && p[4] == TLV_TYPE;
}

/* Some implementations keep the header on other inner packets too: accept both forms. */
static void strip_header(const BYTE** p, size_t* len, BYTE code)
{
    if (*len >= 5 && (*p)[0] == code && ((((size_t)(*p)[2]) << 8) | (*p)[3]) == *len && (*p)[4] != TLV_TYPE) {
        *p += 4;
        *len -= 4;
    }
}

/* ---- the inner method --------------------------------------------------------------------- */

static DWORD inner_begin(struct work* w, BOOL authenticator, BYTE initial_id)
{
    PPP_EAP_INPUT* in = &w->inner_in;
    memset(in, 0, sizeof *in);
    in->dwSizeInBytes = PPP_EAP_INPUT_SIZE_CLASSIC;
    in->fFlags = RAS_EAP_FLAG_HOSTED_IN_PEAP;
    in->fAuthenticator = authenticator;
    in->pwszIdentity = w->identity;
    in->pwszPassword = authenticator ? NULL : w->password;
    in->bInitialId = initial_id;
    if (!inner.RasEapMakeMessage) {
        return ERROR_DLL_INIT_FAILED;
    }
    DWORD error = inner.RasEapBegin ? inner.RasEapBegin(&w->inner_work, in) : NO_ERROR;
    w->inner_begun = error == NO_ERROR;
    return error;
}

/* One call of the inner method; *out is its output. */
static DWORD inner_call(struct work* w, const BYTE* packet, PPP_EAP_OUTPUT* out)
{
    memset(out, 0, sizeof *out);
    out->dwSizeInBytes = PPP_EAP_OUTPUT_SIZE_CLASSIC;
    DWORD error =
        inner.RasEapMakeMessage(w->inner_work, (PPP_EAP_PACKET*)packet, (PPP_EAP_PACKET*)w->inner_send,
                                sizeof w->inner_send, out, &w->inner_in);
    w->inner_in.fAuthenticationComplete = FALSE;
    w->inner_in.pUserAttributes = NULL;
    if (error == NO_ERROR && (out->Action == EAPACTION_Done || out->Action == EAPACTION_SendAndDone)) {
        w->inner_done = 1;
        w->inner_result = out->dwAuthResultCode;
    }
    return error;
}

static int inner_sends(const PPP_EAP_OUTPUT* out)
{
    return out->Action == EAPACTION_Send || out->Action == EAPACTION_SendWithTimeout ||
           out->Action == EAPACTION_SendWithTimeoutInteractive;
}

/* The inner packet in inner_send, into the tunnel without its header (PEAPv0). */
static int tunnel_inner_packet(struct work* w)
{
    DWORD len = RasEapPacketLength((const PPP_EAP_PACKET*)w->inner_send);
    if (len < 5 || len > sizeof w->inner_send) {
        return 0;
    }
    return tunnel_write(w, w->inner_send + 4, len - 4);
}

/* ---- authenticator --------------------------------------------------------------------- */

static DWORD auth_send(struct work* w, DWORD error, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    if (error != NO_ERROR) {
        return error;
    }
    error = tls_session_build_fragment(&w->tls, EAPCODE_Request, w->tls.next_id++, cb_send);
    if (error != NO_ERROR) {
        return error;
    }
    set_output(out, EAPACTION_SendWithTimeout, 0);
    return tls_session_send_last(&w->tls, send, cb_send);
}

static DWORD auth_result(struct work* w, BYTE id, int success, PPP_EAP_PACKET* send, DWORD cb_send,
                         PPP_EAP_OUTPUT* out)
{
    BYTE packet[4] = {success ? EAPCODE_Success : EAPCODE_Failure, id, 0, 4};
    if (cb_send < sizeof packet) {
        return ERROR_INVALID_PARAMETER;
    }
    memcpy(send, packet, sizeof packet);
    if (success) {
        out->pUserAttributes = w->attributes;
    }
    set_output(out, EAPACTION_SendAndDone, success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE);
    w->state = DONE;
    return NO_ERROR;
}

/* What the inner authenticator said: to the peer, to the back end, or the Result TLV. */
static DWORD auth_after_inner(struct work* w, DWORD error, const PPP_EAP_OUTPUT* inner_out,
                              PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    if (error != NO_ERROR) {
        return error; /* ERROR_PPP_INVALID_PACKET included: the outer packet is dropped with it */
    }
    if (inner_out->Action == EAPACTION_Authenticate) {
        out->pUserAttributes = inner_out->pUserAttributes; /* owned by the inner method until its End */
        set_output(out, EAPACTION_Authenticate, 0);
        w->state = AUTH_INNER_BACKEND;
        return NO_ERROR;
    }
    if (w->inner_done) {
        BYTE tlv[11];
        tlv_result(EAPCODE_Request, ++w->inner_last_id,
                   w->inner_result == NO_ERROR ? TLV_SUCCESS : TLV_FAILURE, tlv);
        w->state = AUTH_TLV_SENT;
        return auth_send(w, tunnel_write(w, tlv, sizeof tlv) ? NO_ERROR : ERROR_AUTH_INTERNAL, send, cb_send,
                         out);
    }
    if (!inner_sends(inner_out)) {
        set_output(out, EAPACTION_NoAction, 0);
        return NO_ERROR;
    }
    w->inner_last_id = w->inner_send[1];
    return auth_send(w, tunnel_inner_packet(w) ? NO_ERROR : ERROR_AUTH_INTERNAL, send, cb_send, out);
}

/* A complete phase 2 message from the peer. */
static DWORD auth_phase2(struct work* w, BYTE response_id, PPP_EAP_PACKET* send, DWORD cb_send,
                         PPP_EAP_OUTPUT* out)
{
    if (!tunnel_read(w)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    const BYTE* p = w->plain.data;
    size_t len = w->plain.len;
    if (w->state != AUTH_TLV_SENT) {
        strip_header(&p, &len, EAPCODE_Response);
    }
    PPP_EAP_OUTPUT inner_out;
    if (w->state == AUTH_INNER_IDENTITY) {
        if (p[0] != EAPTYPE_Identity) {
            return ERROR_PPP_INVALID_PACKET;
        }
        DWORD error = inner_begin(w, TRUE, (BYTE)(w->inner_last_id + 1));
        if (error != NO_ERROR) {
            return error;
        }
        w->state = AUTH_INNER_METHOD;
        return auth_after_inner(w, inner_call(w, NULL, &inner_out), &inner_out, send, cb_send, out);
    }
    if (w->state == AUTH_TLV_SENT) {
        int success = w->inner_result == NO_ERROR && tlv_status(p, len, EAPCODE_Response) == TLV_SUCCESS;
        return auth_result(w, response_id, success, send, cb_send, out);
    }
    /* AUTH_INNER_METHOD: give the inner method its Response back with a header. */
    BYTE packet[INNER_BUFFER];
    if (len + 4 > sizeof packet) {
        return ERROR_PPP_INVALID_PACKET;
    }
    packet[0] = EAPCODE_Response;
    packet[1] = w->inner_last_id;
    RasEapSetPacketLength((PPP_EAP_PACKET*)packet, (DWORD)(len + 4));
    memcpy(packet + 4, p, len);
    return auth_after_inner(w, inner_call(w, packet, &inner_out), &inner_out, send, cb_send, out);
}

static DWORD auth_handshake(struct work* w, BYTE response_id, PPP_EAP_PACKET* send, DWORD cb_send,
                            PPP_EAP_OUTPUT* out)
{
    int handshake = tls_session_handshake(&w->tls);
    if (handshake < 0 && !tls_session_tx_pending(&w->tls)) {
        return auth_result(w, response_id, 0, send, cb_send, out);
    }
    if (handshake < 0) {
        w->state = AUTH_FAILING;
    } else if (handshake == 1) {
        BYTE material[128];
        if (!tls_session_key_material(&w->tls, material)) {
            return ERROR_AUTH_INTERNAL;
        }
        tls_mppe_attributes(TRUE, material, w->keys, w->attributes);
        memset(material, 0, sizeof material);
        w->state = AUTH_TUNNEL_OPEN;
    }
    return auth_send(w, NO_ERROR, send, cb_send, out);
}

static DWORD auth_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    struct tls_session* s = &w->tls;
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        if (w->state == AUTH_INITIAL) { /* PEAP Start, version 0 */
            w->state = HANDSHAKE;
            DWORD error = tls_session_build(s, EAPCODE_Request, s->next_id++, TLS_FLAG_S, 0, NULL, 0);
            set_output(out, EAPACTION_SendWithTimeout, 0);
            return error != NO_ERROR ? error : tls_session_send_last(s, send, cb_send);
        }
        if (w->state == AUTH_INNER_BACKEND) {
            if (!in->fAuthenticationComplete) {
                set_output(out, EAPACTION_NoAction, 0);
                return NO_ERROR;
            }
            w->inner_in.fAuthenticationComplete = TRUE;
            w->inner_in.dwAuthResultCode = in->dwAuthResultCode;
            w->inner_in.pUserAttributes = in->pUserAttributes;
            w->state = AUTH_INNER_METHOD;
            PPP_EAP_OUTPUT inner_out;
            return auth_after_inner(w, inner_call(w, NULL, &inner_out), &inner_out, send, cb_send, out);
        }
        set_output(out, EAPACTION_SendWithTimeout, 0); /* retransmission: the same bytes (§3.4) */
        return tls_session_send_last(s, send, cb_send);
    }
    struct tls_packet t;
    if (w->state == AUTH_INNER_BACKEND || !tls_session_parse(s, recv, EAPCODE_Response, &t) ||
        recv->Id != s->last_sent.data[1] || (t.flags & TLS_FLAG_S)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    int ack = t.len == 0 && !(t.flags & (TLS_FLAG_L | TLS_FLAG_M));
    if (ack && tls_session_tx_pending(s)) {
        return auth_send(w, NO_ERROR, send, cb_send, out);
    }
    if (w->state == AUTH_FAILING) {
        return auth_result(w, recv->Id, 0, send, cb_send, out);
    }
    if (w->state == AUTH_TUNNEL_OPEN) { /* phase 2 begins: the inner Identity, header stripped */
        if (!ack) {
            return ERROR_PPP_INVALID_PACKET;
        }
        const BYTE identity[1] = {EAPTYPE_Identity};
        w->state = AUTH_INNER_IDENTITY;
        return auth_send(w, tunnel_write(w, identity, 1) ? NO_ERROR : ERROR_AUTH_INTERNAL, send, cb_send,
                         out);
    }
    int complete = tls_session_reassemble(s, &t);
    if (complete < 0) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (complete == 0) {
        DWORD error = tls_session_build(s, EAPCODE_Request, s->next_id++, 0, 0, NULL, 0);
        set_output(out, EAPACTION_SendWithTimeout, 0);
        return error != NO_ERROR ? error : tls_session_send_last(s, send, cb_send);
    }
    if (w->state == HANDSHAKE) {
        return auth_handshake(w, recv->Id, send, cb_send, out);
    }
    return auth_phase2(w, recv->Id, send, cb_send, out);
}

/* ---- peer ------------------------------------------------------------------------------ */

static DWORD peer_send(struct work* w, DWORD error, BYTE id, PPP_EAP_PACKET* send, DWORD cb_send,
                       PPP_EAP_OUTPUT* out)
{
    if (error != NO_ERROR) {
        return error;
    }
    error = tls_session_build_fragment(&w->tls, EAPCODE_Response, id, cb_send);
    if (error != NO_ERROR) {
        return error;
    }
    set_output(out, EAPACTION_Send, 0);
    return tls_session_send_last(&w->tls, send, cb_send);
}

/* The server's Result TLV: finish the inner method (PEAPv0 sends no inner Success) and echo. */
static DWORD peer_tlv(struct work* w, BYTE id, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    BYTE status = tlv_status(w->plain.data, w->plain.len, EAPCODE_Request);
    if (status == TLV_SUCCESS && w->inner_begun && !w->inner_done) {
        BYTE success[4] = {EAPCODE_Success, w->inner_last_id, 0, 4};
        PPP_EAP_OUTPUT inner_out;
        inner_call(w, success, &inner_out);
    }
    int ok = status == TLV_SUCCESS && w->inner_done && w->inner_result == NO_ERROR;
    BYTE tlv[11];
    tlv_result(EAPCODE_Response, w->plain.data[1], ok ? TLV_SUCCESS : TLV_FAILURE, tlv);
    w->state = ok ? PEER_TLV_OK : PEER_FAILED;
    return peer_send(w, tunnel_write(w, tlv, sizeof tlv) ? NO_ERROR : ERROR_AUTH_INTERNAL, id, send, cb_send,
                     out);
}

/* A phase 2 Request: Identity, the inner method's packets, or the Result TLV. */
static DWORD peer_phase2(struct work* w, BYTE id, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    if (!tunnel_read(w)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    const BYTE* p = w->plain.data;
    size_t len = w->plain.len;
    if (is_full_eap(p, len)) {
        return peer_tlv(w, id, send, cb_send, out);
    }
    strip_header(&p, &len, EAPCODE_Request);
    if (p[0] == EAPTYPE_Identity) {
        BYTE answer[1 + 1024];
        size_t n = w->identity_len < 1024 ? w->identity_len : 1024;
        answer[0] = EAPTYPE_Identity;
        memcpy(answer + 1, w->identity_utf8, n);
        return peer_send(w, tunnel_write(w, answer, n + 1) ? NO_ERROR : ERROR_AUTH_INTERNAL, id, send,
                         cb_send, out);
    }
    if (p[0] != INNER_TYPE) { /* propose MS-CHAPv2 (RFC 3748 §5.3.1 Nak, header stripped) */
        const BYTE nak[2] = {EAPTYPE_Nak, INNER_TYPE};
        return peer_send(w, tunnel_write(w, nak, 2) ? NO_ERROR : ERROR_AUTH_INTERNAL, id, send, cb_send, out);
    }
    if (!w->inner_begun && inner_begin(w, FALSE, 0) != NO_ERROR) {
        return ERROR_DLL_INIT_FAILED;
    }
    BYTE packet[INNER_BUFFER];
    if (len + 4 > sizeof packet) {
        return ERROR_PPP_INVALID_PACKET;
    }
    packet[0] = EAPCODE_Request;
    packet[1] = id; /* the outer Identifier stands in for the stripped one */
    RasEapSetPacketLength((PPP_EAP_PACKET*)packet, (DWORD)(len + 4));
    memcpy(packet + 4, p, len);
    PPP_EAP_OUTPUT inner_out;
    DWORD error = inner_call(w, packet, &inner_out);
    if (error != NO_ERROR) {
        return error;
    }
    w->inner_last_id = id;
    if (inner_sends(&inner_out) || inner_out.Action == EAPACTION_SendAndDone) {
        return peer_send(w, tunnel_inner_packet(w) ? NO_ERROR : ERROR_AUTH_INTERNAL, id, send, cb_send, out);
    }
    return peer_send(w, NO_ERROR, id, send, cb_send, out); /* nothing to say: an empty acknowledgement */
}

static DWORD peer_request(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    struct tls_session* s = &w->tls;
    struct tls_packet t;
    if (!tls_session_parse(s, recv, EAPCODE_Request, &t)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (t.flags & TLS_FLAG_S) {
        if (w->state != HANDSHAKE || SSL_in_before(s->ssl) == 0 || s->rx.len) {
            return ERROR_PPP_INVALID_PACKET;
        }
        tls_session_handshake(s);
        return peer_send(w, NO_ERROR, recv->Id, send, cb_send, out);
    }
    int ack = t.len == 0 && !(t.flags & (TLS_FLAG_L | TLS_FLAG_M));
    if (ack && tls_session_tx_pending(s)) {
        return peer_send(w, NO_ERROR, recv->Id, send, cb_send, out);
    }
    if (w->state == PEER_FAILED || w->state == PEER_TLV_OK) {
        return peer_send(w, NO_ERROR, recv->Id, send, cb_send, out); /* acknowledge, wait for the end */
    }
    if (SSL_in_before(s->ssl)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    int complete = tls_session_reassemble(s, &t);
    if (complete < 0) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (complete == 0) {
        return peer_send(w, NO_ERROR, recv->Id, send, cb_send, out);
    }
    if (w->state == PEER_TUNNEL) {
        return peer_phase2(w, recv->Id, send, cb_send, out);
    }
    int handshake = tls_session_handshake(s);
    if (handshake < 0) {
        w->state = PEER_FAILED;
    } else if (handshake == 1) {
        BYTE material[128];
        if (!tls_session_key_material(s, material)) {
            return ERROR_AUTH_INTERNAL;
        }
        tls_mppe_attributes(FALSE, material, w->keys, w->attributes);
        memset(material, 0, sizeof material);
        w->have_keys = 1;
        w->state = PEER_TUNNEL;
    }
    return peer_send(w, NO_ERROR, recv->Id, send, cb_send, out);
}

static DWORD peer_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        set_output(out, EAPACTION_NoAction, 0);
        return NO_ERROR;
    }
    if (recv->Code == EAPCODE_Success || recv->Code == EAPCODE_Failure) {
        int success = recv->Code == EAPCODE_Success && w->state == PEER_TLV_OK && w->have_keys;
        if (success) {
            out->pUserAttributes = w->attributes;
        }
        DWORD failure = w->inner_done && w->inner_result ? w->inner_result : ERROR_AUTHENTICATION_FAILURE;
        set_output(out, EAPACTION_Done, success ? NO_ERROR : failure);
        w->state = DONE;
        return NO_ERROR;
    }
    if (tls_session_is_duplicate(&w->tls, recv)) { /* RFC 3748 §4.1 */
        set_output(out, EAPACTION_Send, 0);
        return tls_session_send_last(&w->tls, send, cb_send);
    }
    DWORD error = peer_request(w, recv, send, cb_send, out);
    if (error == NO_ERROR && !tls_session_remember_request(&w->tls, recv)) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    return error;
}

/* ---- entry points (RASEAP.md §1.5, §3) -------------------------------------------------- */

static void free_wide(WCHAR* text)
{
    if (text) {
        memset(text, 0, RasEapUtf16Length(text) * sizeof(WCHAR));
        free(text);
    }
}

static DWORD APIENTRY peap_end(VOID* work_buffer)
{
    struct work* w = work_buffer;
    if (w) { /* methods accept NULL (RASEAP.md §3.5) */
        if (w->inner_begun && inner.RasEapEnd) {
            inner.RasEapEnd(w->inner_work);
        }
        tls_session_close(&w->tls);
        free_wide(w->identity);
        free_wide(w->password);
        free(w->identity_utf8);
        if (w->plain.data) {
            memset(w->plain.data, 0, w->plain.cap);
            free(w->plain.data);
        }
        memset(w, 0, sizeof *w);
        free(w);
    }
    tls_release_thread_state();
    return NO_ERROR;
}

static DWORD begin_work(struct work* w, PPP_EAP_INPUT* in, struct tls_config* config)
{
    w->identity = wcopy(in->pwszIdentity);
    w->password = in->fAuthenticator ? NULL : wcopy(in->pwszPassword);
    w->identity_utf8 = malloc(3 * RasEapUtf16Length(in->pwszIdentity) + 1);
    if (!w->identity || (!in->fAuthenticator && !w->password) || !w->identity_utf8) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->identity_len = RasEapUtf16ToUtf8(in->pwszIdentity, w->identity_utf8);
    if (!tls_config_parse(config, in->pConnectionData, in->dwSizeOfConnectionData, in->pUserData,
                          in->dwSizeOfUserData)) {
        return ERROR_INVALID_PARAMETER;
    }
    w->tls.fragment = config->fragment_size ? config->fragment_size : DEFAULT_FRAGMENT;
    return tls_session_open(&w->tls, tls_config_context(config, in->fAuthenticator, FALSE),
                            config->server_name);
}

static DWORD APIENTRY peap_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.3 */
    }
    if (!inner.RasEapMakeMessage) {
        return ERROR_DLL_INIT_FAILED; /* no inner method (RasEapInitialize said why) */
    }
    struct tls_config* config = calloc(1, sizeof *config);
    struct work* w = calloc(1, sizeof *w);
    if (!config || !w) {
        free(config);
        free(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->tls.authenticator = in->fAuthenticator;
    w->tls.eap_type = PEAP_TYPE;
    w->tls.version = PEAP_VERSION;
    w->tls.next_id = in->bInitialId;
    w->state = in->fAuthenticator ? AUTH_INITIAL : HANDSHAKE;
    DWORD error = begin_work(w, in, config);
    if (error != NO_ERROR) {
        fprintf(stderr, "PEAP %s: %s\n", in->fAuthenticator ? "authenticator" : "peer",
                config->error[0] ? config->error : "cannot set up TLS");
        peap_end(w);
        w = NULL;
    }
    memset(config, 0, sizeof *config);
    free(config);
    if (w) {
        *work_buffer = w;
    }
    tls_release_thread_state();
    return error;
}

static DWORD APIENTRY peap_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                        DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    DWORD error = w->tls.authenticator ? auth_make_message(w, recv, send, cb_send, out, in)
                                       : peer_make_message(w, recv, send, cb_send, out);
    tls_release_thread_state();
    return error;
}

/*
 * The inner EAP-MSCHAPv2 library is loaded with this one (a constructor, like a DT_NEEDED
 * dependency) and unloaded with it: the dynamic loader keeps some of what dlopen allocates for
 * the life of the process, which inside RasEapInitialize(TRUE) would be an UNLOAD_LEAK that is
 * not the method's. RasEapInitialize only passes the call on (RASEAP.md §3.2).
 */
static char inner_problem[4200];

__attribute__((constructor)) static void load_inner(void)
{
    Dl_info self;
    if (!dladdr((void*)load_inner, &self) || !self.dli_fname) {
        snprintf(inner_problem, sizeof inner_problem, "cannot tell where this library lives");
        return;
    }
    char path[4096];
    const char* slash = strrchr(self.dli_fname, '/');
    snprintf(path, sizeof path, "%.*s/mschapv2.so", slash ? (int)(slash - self.dli_fname) : 1,
             slash ? self.dli_fname : ".");
    inner_library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    PRASEAPGETINFO get_info = inner_library ? (PRASEAPGETINFO)dlsym(inner_library, "RasEapGetInfo") : NULL;
    inner.dwSizeInBytes = sizeof inner;
    if (!get_info || get_info(INNER_TYPE, &inner) != NO_ERROR || !inner.RasEapMakeMessage) {
        snprintf(inner_problem, sizeof inner_problem, "cannot use the inner EAP-MSCHAPv2 method '%s': %s",
                 path, inner_library ? "RasEapGetInfo failed" : dlerror());
        memset(&inner, 0, sizeof inner);
    }
}

__attribute__((destructor)) static void unload_inner(void)
{
    if (inner_library) {
        dlclose(inner_library);
    }
    inner_library = NULL;
}

static DWORD APIENTRY peap_initialize(BOOL initialize)
{
    if (!inner.RasEapMakeMessage) {
        if (initialize) {
            fprintf(stderr, "PEAP: %s\n", inner_problem);
        }
        return initialize ? ERROR_DLL_INIT_FAILED : NO_ERROR;
    }
    return inner.RasEapInitialize ? inner.RasEapInitialize(initialize) : NO_ERROR;
}

static const PPP_EAP_INFO peap_entry_points = {
    .dwEapTypeId = PEAP_TYPE,
    .RasEapInitialize = peap_initialize,
    .RasEapBegin = peap_begin,
    .RasEapEnd = peap_end,
    .RasEapMakeMessage = peap_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &peap_entry_points);
}
