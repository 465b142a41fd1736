/*
 * EAP-TLS (RFC 5216) over OpenSSL 3 as a RAS EAP extension method, both roles. Built only
 * against <eapscope/raseap.h> and OpenSSL.
 *
 * Packet: Code, Id, Length[2], Type 13, Flags (L 0x80 length included, M 0x40 more fragments,
 * S 0x20 start), TLS Message Length[4] when L, TLS data (RFC 5216 §3.1-3.2). A TLS message
 * longer than one packet allows goes out in fragments (the first with L and the total length,
 * all but the last with M); the other side acknowledges each fragment with an empty EAP-TLS
 * packet. cbSendPacket bounds every packet (RASEAP.md §3.4).
 *
 * Authenticator: Start, then handshake until its Finished went out and the peer acknowledged it,
 * then Success (SendAndDone) with the MPPE keys; any TLS failure ends in Failure. It
 * authenticates by itself and never asks the back end (RASEAP.md §3.4 "Authenticate").
 * Peer: answers the Start with ClientHello, then each flight, acknowledges the server's last one
 * with an empty Response, and reports the keys with Done after Success.
 * Keys (RFC 5216 §2.3): MSK = TLS-PRF-128(master secret, "client EAP encryption",
 * client.random || server.random)[0..63], which is the TLS 1.2 exporter without context.
 * MS-MPPE-Recv-Key of the authenticator = MSK[0..31], its Send-Key = MSK[32..63]; the peer's
 * are swapped (RASEAP.md §2.4: Send/Recv from the reporting side's view).
 * Configuration: connection data / user data, tls_config.h and README.md.
 */
#include "tls_config.h"
#include "tls_session.h"

#include <eapscope/raseap.h>
#include <eapscope/raseap_method.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TLS_TYPE 13
#define DEFAULT_FRAGMENT 1024 /* TLS bytes per packet (FreeRADIUS' default too) */

RASEAP_EXPORT const DWORD RasEapRolesSupported = RAS_EAP_ROLE_AUTHENTICATOR | RAS_EAP_ROLE_AUTHENTICATEE;

enum state {
    AUTH_INITIAL,  /* nothing sent */
    HANDSHAKE,     /* TLS running (both roles) */
    AUTH_FINISHED, /* authenticator: its last flight is out, the peer's ACK means Success */
    AUTH_FAILING,  /* authenticator: an alert is out, the peer's answer means Failure */
    PEER_FINISHED, /* peer: handshake complete, the ACK is out, waiting for Success */
    PEER_FAILED,   /* peer: the handshake failed, waiting for Failure */
    DONE
};

struct work {
    struct tls_session tls;
    enum state state;
    BYTE keys[2][RASEAP_MPPE_KEY_VSA_LENGTH];
    RAS_AUTH_ATTRIBUTE attributes[3];
    int have_keys;
};

static void set_output(PPP_EAP_OUTPUT* out, PPP_EAP_ACTION action, DWORD result)
{
    out->Action = action;
    out->dwAuthResultCode = result;
}

/* RFC 5216 §2.3 MSK and the MPPE key attributes of our side. */
static int derive_keys(struct work* w)
{
    BYTE material[128];
    if (!tls_session_key_material(&w->tls, material)) {
        return 0;
    }
    tls_mppe_attributes(w->tls.authenticator, material, w->keys, w->attributes);
    w->have_keys = 1;
    memset(material, 0, sizeof material);
    return 1;
}

/* ---- authenticator --------------------------------------------------------------------- */

static DWORD auth_request(struct work* w, DWORD error, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    if (error != NO_ERROR) {
        return error;
    }
    set_output(out, EAPACTION_SendWithTimeout, 0);
    return tls_session_send_last(&w->tls, send, cb_send);
}

static DWORD auth_result(struct work* w, BYTE id, int success, PPP_EAP_PACKET* send, DWORD cb_send,
                         PPP_EAP_OUTPUT* out)
{
    BYTE packet[4] = {success ? EAPCODE_Success : EAPCODE_Failure, id, 0, 4}; /* Id of the last Response */
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

/* The peer's message is complete: step TLS and send what it produced. */
static DWORD auth_step_tls(struct work* w, BYTE response_id, PPP_EAP_PACKET* send, DWORD cb_send,
                           PPP_EAP_OUTPUT* out)
{
    int handshake = tls_session_handshake(&w->tls);
    if (handshake < 0) {
        if (!tls_session_tx_pending(&w->tls)) {
            return auth_result(w, response_id, 0, send, cb_send, out);
        }
        w->state = AUTH_FAILING; /* the alert goes out first (RFC 5216 §2.1.3) */
    } else if (handshake == 1) {
        if (!derive_keys(w)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->state = AUTH_FINISHED;
    }
    return auth_request(w, tls_session_build_fragment(&w->tls, EAPCODE_Request, w->tls.next_id++, cb_send),
                        send, cb_send, out);
}

static DWORD auth_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    struct tls_session* s = &w->tls;
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        if (w->state == AUTH_INITIAL) { /* EAP-TLS Start (RFC 5216 §2.1.1) */
            w->state = HANDSHAKE;
            return auth_request(w,
                                tls_session_build(s, EAPCODE_Request, s->next_id++, TLS_FLAG_S, 0, NULL, 0),
                                send, cb_send, out);
        }
        set_output(out, EAPACTION_SendWithTimeout, 0); /* retransmission: the same bytes (§3.4) */
        return tls_session_send_last(s, send, cb_send);
    }
    struct tls_packet t;
    if (!tls_session_parse(s, recv, EAPCODE_Response, &t) || recv->Id != s->last_sent.data[1] ||
        (t.flags & TLS_FLAG_S)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    int ack = t.len == 0 && !(t.flags & (TLS_FLAG_L | TLS_FLAG_M));
    if (ack && tls_session_tx_pending(s)) {
        return auth_request(w, tls_session_build_fragment(s, EAPCODE_Request, s->next_id++, cb_send), send,
                            cb_send, out);
    }
    if (w->state == AUTH_FINISHED || w->state == AUTH_FAILING) {
        /* The peer acknowledged our last flight (or answered the alert): the end. */
        return auth_result(w, recv->Id, w->state == AUTH_FINISHED && ack, send, cb_send, out);
    }
    int complete = tls_session_reassemble(s, &t);
    if (complete < 0) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (complete == 0) { /* acknowledge the fragment with an empty Request */
        return auth_request(w, tls_session_build(s, EAPCODE_Request, s->next_id++, 0, 0, NULL, 0), send,
                            cb_send, out);
    }
    return auth_step_tls(w, recv->Id, send, cb_send, out);
}

/* ---- peer ------------------------------------------------------------------------------ */

static DWORD peer_respond(struct work* w, DWORD error, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    if (error != NO_ERROR) {
        return error;
    }
    set_output(out, EAPACTION_Send, 0);
    return tls_session_send_last(&w->tls, send, cb_send);
}

static DWORD peer_step_tls(struct work* w, BYTE id, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    int handshake = tls_session_handshake(&w->tls);
    if (handshake < 0) {
        w->state = PEER_FAILED; /* our alert, if any, goes out; the server ends with Failure */
    } else if (handshake == 1 && w->state == HANDSHAKE) {
        if (!derive_keys(w)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->state = PEER_FINISHED; /* tx is empty: the Response below is the final ACK */
    }
    return peer_respond(w, tls_session_build_fragment(&w->tls, EAPCODE_Response, id, cb_send), send, cb_send,
                        out);
}

static DWORD peer_request(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    struct tls_session* s = &w->tls;
    struct tls_packet t;
    if (!tls_session_parse(s, recv, EAPCODE_Request, &t)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (t.flags & TLS_FLAG_S) { /* Start: a new handshake only before one began */
        if (w->state != HANDSHAKE || SSL_in_before(s->ssl) == 0 || s->rx.len) {
            return ERROR_PPP_INVALID_PACKET;
        }
        return peer_step_tls(w, recv->Id, send, cb_send, out);
    }
    int ack = t.len == 0 && !(t.flags & (TLS_FLAG_L | TLS_FLAG_M));
    if (ack && tls_session_tx_pending(s)) {
        return peer_respond(w, tls_session_build_fragment(s, EAPCODE_Response, recv->Id, cb_send), send,
                            cb_send, out);
    }
    if (w->state == PEER_FAILED) { /* the server's alert or closing words: acknowledge, wait for Failure */
        return peer_respond(w, tls_session_build(s, EAPCODE_Response, recv->Id, 0, 0, NULL, 0), send, cb_send,
                            out);
    }
    if (w->state != HANDSHAKE || SSL_in_before(s->ssl)) {
        return ERROR_PPP_INVALID_PACKET; /* TLS data before Start, or after the handshake ended */
    }
    int complete = tls_session_reassemble(s, &t);
    if (complete < 0) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (complete == 0) { /* acknowledge the fragment with an empty Response */
        return peer_respond(w, tls_session_build(s, EAPCODE_Response, recv->Id, 0, 0, NULL, 0), send, cb_send,
                            out);
    }
    return peer_step_tls(w, recv->Id, send, cb_send, out);
}

static DWORD peer_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out, const PPP_EAP_INPUT* in)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        int implied = in->fSuccessPacketReceived && w->state == PEER_FINISHED; /* RASEAP.md §3.4 */
        if (implied) {
            out->pUserAttributes = w->attributes;
        }
        set_output(out, implied ? EAPACTION_Done : EAPACTION_NoAction, 0);
        w->state = implied ? DONE : w->state;
        return NO_ERROR;
    }
    if (recv->Code == EAPCODE_Success || recv->Code == EAPCODE_Failure) {
        int success = recv->Code == EAPCODE_Success && w->state == PEER_FINISHED && w->have_keys;
        if (success) {
            out->pUserAttributes = w->attributes;
        }
        set_output(out, EAPACTION_Done, success ? NO_ERROR : ERROR_AUTHENTICATION_FAILURE);
        w->state = DONE;
        return NO_ERROR;
    }
    /* A duplicate Request gets the same Response (RFC 3748 §4.1; RASEAP.md §3.7 item 15). */
    if (tls_session_is_duplicate(&w->tls, recv)) {
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

static DWORD APIENTRY tls_end(VOID* work_buffer)
{
    struct work* w = work_buffer;
    if (w) { /* methods accept NULL (RASEAP.md §3.5) */
        tls_session_close(&w->tls);
        memset(w, 0, sizeof *w);
        free(w);
    }
    tls_release_thread_state();
    return NO_ERROR;
}

static DWORD APIENTRY tls_begin(VOID** work_buffer, PPP_EAP_INPUT* in)
{
    if (!work_buffer || !in) {
        return ERROR_INVALID_PARAMETER;
    }
    if (in->fFlags & RAS_EAP_FLAG_MACHINE_AUTH) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.3 */
    }
    struct tls_config* config = calloc(1, sizeof *config);
    struct work* w = calloc(1, sizeof *w);
    if (!config || !w) {
        free(config);
        free(w);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    w->tls.authenticator = in->fAuthenticator;
    w->tls.eap_type = TLS_TYPE;
    w->tls.next_id = in->bInitialId;
    w->state = in->fAuthenticator ? AUTH_INITIAL : HANDSHAKE;
    DWORD error = ERROR_INVALID_PARAMETER;
    if (tls_config_parse(config, in->pConnectionData, in->dwSizeOfConnectionData, in->pUserData,
                         in->dwSizeOfUserData)) {
        w->tls.fragment = config->fragment_size ? config->fragment_size : DEFAULT_FRAGMENT;
        error = tls_session_open(&w->tls, tls_config_context(config, in->fAuthenticator, TRUE),
                                 config->server_name);
    }
    if (error != NO_ERROR) {
        /* The one place a person can learn what is wrong with the configuration. */
        fprintf(stderr, "EAP-TLS %s: %s\n", in->fAuthenticator ? "authenticator" : "peer",
                config->error[0] ? config->error : "cannot set up TLS");
        tls_end(w);
        w = NULL;
    }
    memset(config, 0, sizeof *config); /* may hold a key password */
    free(config);
    if (w) {
        *work_buffer = w;
    }
    tls_release_thread_state();
    return error;
}

static DWORD APIENTRY tls_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                       DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    DWORD error = w->tls.authenticator ? auth_make_message(w, recv, send, cb_send, out)
                                       : peer_make_message(w, recv, send, cb_send, out, in);
    tls_release_thread_state();
    return error;
}

static const PPP_EAP_INFO tls_entry_points = {
    .dwEapTypeId = TLS_TYPE,
    .RasEapBegin = tls_begin,
    .RasEapEnd = tls_end,
    .RasEapMakeMessage = tls_make_message,
};

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    return RasEapFillInfo(type, info, &tls_entry_points);
}
