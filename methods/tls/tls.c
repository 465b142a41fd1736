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

#include <eapscope/raseap.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TLS_TYPE 13
#define FLAG_L 0x80
#define FLAG_M 0x40
#define FLAG_S 0x20
#define HEADER 6              /* Code Id Length[2] Type Flags */
#define DEFAULT_FRAGMENT 1024 /* TLS bytes per packet (FreeRADIUS' default too) */
#define MAX_MESSAGE 65536     /* a TLS flight bigger than this is refused (no handshake needs it) */

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

struct buffer {
    BYTE* data;
    size_t len;
    size_t cap;
};

struct work {
    BOOL authenticator;
    enum state state;
    BYTE next_id;
    DWORD fragment;
    SSL_CTX* ctx;
    SSL* ssl;
    BIO* in;            /* TLS bytes from the other side (owned by ssl) */
    BIO* out;           /* TLS bytes for the other side (owned by ssl) */
    struct buffer rx;   /* the message being reassembled */
    size_t rx_expected; /* TLS Message Length of the first fragment, 0 = not given */
    struct buffer tx;   /* the message being sent in fragments */
    size_t tx_off;
    struct buffer last_sent;    /* Request to resend / Response to repeat */
    struct buffer last_request; /* peer: duplicate detection */
    BYTE keys[2][RASEAP_MPPE_KEY_VSA_LENGTH];
    RAS_AUTH_ATTRIBUTE attributes[3];
    int have_keys;
};

static int buffer_append(struct buffer* b, const BYTE* data, size_t len)
{
    if (b->len + len > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + len) {
            cap *= 2;
        }
        BYTE* grown = realloc(b->data, cap);
        if (!grown) {
            return 0;
        }
        b->data = grown;
        b->cap = cap;
    }
    if (len) {
        memcpy(b->data + b->len, data, len);
    }
    b->len += len;
    return 1;
}

static void buffer_free(struct buffer* b)
{
    if (b->data) {
        memset(b->data, 0, b->cap);
        free(b->data);
    }
    memset(b, 0, sizeof *b);
}

static void set_output(PPP_EAP_OUTPUT* out, PPP_EAP_ACTION action, DWORD result)
{
    out->Action = action;
    out->dwAuthResultCode = result;
}

static DWORD send_last(struct work* w, PPP_EAP_PACKET* send, DWORD cb_send)
{
    if (w->last_sent.len > cb_send) {
        return ERROR_INVALID_PARAMETER; /* never write past cbSendPacket (RASEAP.md §3.7 item 13) */
    }
    memcpy(send, w->last_sent.data, w->last_sent.len);
    return NO_ERROR;
}

/* Puts one EAP-TLS packet into last_sent: flags, optional length, `len` bytes of `data`. */
static DWORD build(struct work* w, BYTE code, BYTE id, BYTE flags, DWORD total, const BYTE* data, size_t len)
{
    BYTE header[HEADER + 4] = {code, id, 0, 0, TLS_TYPE, flags};
    size_t header_len = HEADER;
    if (flags & FLAG_L) {
        header[6] = (BYTE)(total >> 24), header[7] = (BYTE)(total >> 16);
        header[8] = (BYTE)(total >> 8), header[9] = (BYTE)total;
        header_len += 4;
    }
    w->last_sent.len = 0;
    if (!buffer_append(&w->last_sent, header, header_len) || !buffer_append(&w->last_sent, data, len)) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    RasEapSetPacketLength((PPP_EAP_PACKET*)w->last_sent.data, (DWORD)w->last_sent.len);
    return NO_ERROR;
}

/* The next fragment of tx (RFC 5216 §2.1.5): L and the total on the first of several, M on
 * all but the last. An empty tx gives an empty packet, which is an acknowledgement. */
static DWORD build_fragment(struct work* w, BYTE code, BYTE id, DWORD cb_send)
{
    size_t room = cb_send > HEADER + 4 ? cb_send - HEADER - 4 : 0;
    size_t size = w->fragment < room ? w->fragment : room;
    if (size == 0) {
        return ERROR_INVALID_PARAMETER;
    }
    size_t left = w->tx.len - w->tx_off;
    size_t take = left < size ? left : size;
    BYTE flags = 0;
    if (take < left) {
        flags |= FLAG_M;
        flags |= w->tx_off == 0 ? FLAG_L : 0;
    }
    DWORD error = build(w, code, id, flags, (DWORD)w->tx.len, w->tx.data + w->tx_off, take);
    w->tx_off += take;
    if (w->tx_off == w->tx.len) {
        w->tx.len = w->tx_off = 0;
    }
    return error;
}

static int tx_pending(const struct work* w)
{
    return w->tx_off < w->tx.len;
}

/* ---- TLS -------------------------------------------------------------------------------- */

/* Moves what OpenSSL wrote into tx. */
static int collect_output(struct work* w)
{
    BYTE chunk[4096];
    int n;
    while ((n = BIO_read(w->out, chunk, sizeof chunk)) > 0) {
        if (!buffer_append(&w->tx, chunk, (size_t)n)) {
            return 0;
        }
    }
    w->tx_off = 0;
    return 1;
}

/* Feeds the reassembled message to OpenSSL and steps the handshake: 1 complete, 0 wants more,
 * -1 failed (an alert may be waiting in tx). */
static int run_handshake(struct work* w)
{
    if (w->rx.len && BIO_write(w->in, w->rx.data, (int)w->rx.len) != (int)w->rx.len) {
        return -1;
    }
    w->rx.len = 0;
    w->rx_expected = 0;
    int ret = SSL_do_handshake(w->ssl);
    int result = ret == 1 ? 1 : 0;
    if (ret != 1) {
        int error = SSL_get_error(w->ssl, ret);
        result = error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE ? 0 : -1;
    }
    ERR_clear_error();
    if (!collect_output(w)) {
        return -1;
    }
    return result;
}

/* RFC 5216 §2.3 MSK and the MPPE key attributes of our side. */
static int derive_keys(struct work* w)
{
    static const char label[] = "client EAP encryption";
    BYTE material[128];
    if (SSL_export_keying_material(w->ssl, material, sizeof material, label, sizeof label - 1, NULL, 0, 0) !=
        1) {
        return 0;
    }
    const BYTE* first = material;       /* the authenticator's Recv key, the peer's Send key */
    const BYTE* second = material + 32; /* the authenticator's Send key, the peer's Recv key */
    const BYTE* send_key = w->authenticator ? second : first;
    const BYTE* recv_key = w->authenticator ? first : second;
    RasEapSetMppeKeyAttribute(&w->attributes[0], w->keys[0], RASEAP_MS_MPPE_SEND_KEY, send_key, 32);
    RasEapSetMppeKeyAttribute(&w->attributes[1], w->keys[1], RASEAP_MS_MPPE_RECV_KEY, recv_key, 32);
    w->attributes[2] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
    w->have_keys = 1;
    memset(material, 0, sizeof material);
    return 1;
}

/* ---- received packets ------------------------------------------------------------------ */

struct tls_packet {
    BYTE flags;
    DWORD total; /* TLS Message Length when L */
    const BYTE* data;
    size_t len;
};

/* An EAP-TLS packet of `code` (RFC 5216 §3.1-3.2): Flags present, 4 length bytes when L. */
static int parse(const PPP_EAP_PACKET* p, BYTE code, struct tls_packet* t)
{
    DWORD length = RasEapPacketLength(p);
    const BYTE* b = (const BYTE*)p;
    if (p->Code != code || length < HEADER || b[4] != TLS_TYPE) {
        return 0;
    }
    t->flags = b[5];
    size_t offset = HEADER;
    t->total = 0;
    if (t->flags & FLAG_L) {
        if (length < HEADER + 4) {
            return 0;
        }
        t->total = ((DWORD)b[6] << 24) | ((DWORD)b[7] << 16) | ((DWORD)b[8] << 8) | b[9];
        offset += 4;
    }
    t->data = b + offset;
    t->len = length - offset;
    return 1;
}

/* Adds a fragment to rx. Returns 1 when the message is complete, 0 when more is to come, -1
 * when the fragment is inconsistent (then the packet is dropped as invalid). */
static int reassemble(struct work* w, const struct tls_packet* t)
{
    if (t->flags & FLAG_L) {
        if (t->total > MAX_MESSAGE || (w->rx_expected && t->total != w->rx_expected) || t->total < t->len) {
            return -1;
        }
        if (w->rx.len == 0) {
            w->rx_expected = t->total;
        }
    }
    if (w->rx.len + t->len > MAX_MESSAGE || (w->rx_expected && w->rx.len + t->len > w->rx_expected)) {
        return -1;
    }
    if (!buffer_append(&w->rx, t->data, t->len)) {
        return -1;
    }
    if (t->flags & FLAG_M) {
        return 0;
    }
    return !w->rx_expected || w->rx.len == w->rx_expected ? 1 : -1;
}

/* ---- authenticator --------------------------------------------------------------------- */

static DWORD auth_request(struct work* w, DWORD error, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    if (error != NO_ERROR) {
        return error;
    }
    set_output(out, EAPACTION_SendWithTimeout, 0);
    return send_last(w, send, cb_send);
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
    int handshake = run_handshake(w);
    if (handshake < 0) {
        if (!tx_pending(w)) {
            return auth_result(w, response_id, 0, send, cb_send, out);
        }
        w->state = AUTH_FAILING; /* the alert goes out first (RFC 5216 §2.1.3) */
    } else if (handshake == 1) {
        if (!derive_keys(w)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->state = AUTH_FINISHED;
    }
    return auth_request(w, build_fragment(w, EAPCODE_Request, w->next_id++, cb_send), send, cb_send, out);
}

static DWORD auth_make_message(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                               DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    if (w->state == DONE) {
        return recv ? ERROR_PPP_INVALID_PACKET : NO_ERROR;
    }
    if (!recv) {
        if (w->state == AUTH_INITIAL) { /* EAP-TLS Start (RFC 5216 §2.1.1) */
            w->state = HANDSHAKE;
            return auth_request(w, build(w, EAPCODE_Request, w->next_id++, FLAG_S, 0, NULL, 0), send, cb_send,
                                out);
        }
        set_output(out, EAPACTION_SendWithTimeout, 0); /* retransmission: the same bytes (§3.4) */
        return send_last(w, send, cb_send);
    }
    struct tls_packet t;
    if (!parse(recv, EAPCODE_Response, &t) || recv->Id != w->last_sent.data[1] || (t.flags & FLAG_S)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    int ack = t.len == 0 && !(t.flags & (FLAG_L | FLAG_M));
    if (ack && tx_pending(w)) {
        return auth_request(w, build_fragment(w, EAPCODE_Request, w->next_id++, cb_send), send, cb_send, out);
    }
    if (w->state == AUTH_FINISHED || w->state == AUTH_FAILING) {
        /* The peer acknowledged our last flight (or answered the alert): the end. */
        return auth_result(w, recv->Id, w->state == AUTH_FINISHED && ack, send, cb_send, out);
    }
    int complete = reassemble(w, &t);
    if (complete < 0) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (complete == 0) { /* acknowledge the fragment with an empty Request */
        return auth_request(w, build(w, EAPCODE_Request, w->next_id++, 0, 0, NULL, 0), send, cb_send, out);
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
    return send_last(w, send, cb_send);
}

static DWORD peer_step_tls(struct work* w, BYTE id, PPP_EAP_PACKET* send, DWORD cb_send, PPP_EAP_OUTPUT* out)
{
    int handshake = run_handshake(w);
    if (handshake < 0) {
        w->state = PEER_FAILED; /* our alert, if any, goes out; the server ends with Failure */
    } else if (handshake == 1 && w->state == HANDSHAKE) {
        if (!derive_keys(w)) {
            return ERROR_AUTH_INTERNAL;
        }
        w->state = PEER_FINISHED; /* tx is empty: the Response below is the final ACK */
    }
    return peer_respond(w, build_fragment(w, EAPCODE_Response, id, cb_send), send, cb_send, out);
}

static DWORD peer_request(struct work* w, const PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send, DWORD cb_send,
                          PPP_EAP_OUTPUT* out)
{
    struct tls_packet t;
    if (!parse(recv, EAPCODE_Request, &t)) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (t.flags & FLAG_S) { /* Start: a new handshake only before one began */
        if (w->state != HANDSHAKE || SSL_in_before(w->ssl) == 0 || w->rx.len) {
            return ERROR_PPP_INVALID_PACKET;
        }
        return peer_step_tls(w, recv->Id, send, cb_send, out);
    }
    int ack = t.len == 0 && !(t.flags & (FLAG_L | FLAG_M));
    if (ack && tx_pending(w)) {
        return peer_respond(w, build_fragment(w, EAPCODE_Response, recv->Id, cb_send), send, cb_send, out);
    }
    if (w->state == PEER_FAILED) { /* the server's alert or closing words: acknowledge, wait for Failure */
        return peer_respond(w, build(w, EAPCODE_Response, recv->Id, 0, 0, NULL, 0), send, cb_send, out);
    }
    if (w->state != HANDSHAKE || SSL_in_before(w->ssl)) {
        return ERROR_PPP_INVALID_PACKET; /* TLS data before Start, or after the handshake ended */
    }
    int complete = reassemble(w, &t);
    if (complete < 0) {
        return ERROR_PPP_INVALID_PACKET;
    }
    if (complete == 0) { /* acknowledge the fragment with an empty Response */
        return peer_respond(w, build(w, EAPCODE_Response, recv->Id, 0, 0, NULL, 0), send, cb_send, out);
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
    DWORD length = RasEapPacketLength(recv);
    /* A duplicate Request gets the same Response (RFC 3748 §4.1; RASEAP.md §3.7 item 15). */
    if (w->last_sent.len && length == w->last_request.len &&
        memcmp(recv, w->last_request.data, length) == 0) {
        set_output(out, EAPACTION_Send, 0);
        return send_last(w, send, cb_send);
    }
    DWORD error = peer_request(w, recv, send, cb_send, out);
    if (error == NO_ERROR) {
        w->last_request.len = 0;
        if (!buffer_append(&w->last_request, (const BYTE*)recv, length)) {
            return ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    return error;
}

/* ---- entry points (RASEAP.md §1.5, §3) -------------------------------------------------- */

/*
 * OpenSSL keeps per-thread state between calls (the error queue with its message buffers, the
 * per-thread random generators). One host thread serves every context, so a buffer made while
 * one context ran would be freed or reused while another runs: the heap tracer rightly calls
 * that memory of an ended context (USE_AFTER_END). Each entry point therefore releases the
 * thread's OpenSSL state before it returns; OpenSSL rebuilds it on the next use.
 */
static void release_thread_state(void)
{
    ERR_clear_error();
    OPENSSL_thread_stop();
}

static DWORD APIENTRY tls_end(VOID* work_buffer)
{
    struct work* w = work_buffer;
    if (w) {              /* methods accept NULL (RASEAP.md §3.5) */
        SSL_free(w->ssl); /* frees both BIOs */
        SSL_CTX_free(w->ctx);
        buffer_free(&w->rx);
        buffer_free(&w->tx);
        buffer_free(&w->last_sent);
        buffer_free(&w->last_request);
        memset(w, 0, sizeof *w);
        free(w);
    }
    release_thread_state();
    return NO_ERROR;
}

static DWORD begin_tls(struct work* w, struct tls_config* config)
{
    w->ctx = tls_config_context(config, w->authenticator);
    w->ssl = w->ctx ? SSL_new(w->ctx) : NULL;
    w->in = BIO_new(BIO_s_mem());
    w->out = BIO_new(BIO_s_mem());
    if (!w->ctx || !w->ssl || !w->in || !w->out) {
        BIO_free(w->in);
        BIO_free(w->out);
        w->in = w->out = NULL;
        return ERROR_INVALID_PARAMETER;
    }
    SSL_set_bio(w->ssl, w->in, w->out);
    if (w->authenticator) {
        SSL_set_accept_state(w->ssl);
    } else {
        SSL_set_connect_state(w->ssl);
        if (config->server_name[0] && SSL_set1_host(w->ssl, config->server_name) != 1) {
            return ERROR_INVALID_PARAMETER;
        }
    }
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
    w->authenticator = in->fAuthenticator;
    w->state = in->fAuthenticator ? AUTH_INITIAL : HANDSHAKE;
    w->next_id = in->bInitialId;
    DWORD error = NO_ERROR;
    if (!tls_config_parse(config, in->pConnectionData, in->dwSizeOfConnectionData, in->pUserData,
                          in->dwSizeOfUserData)) {
        error = ERROR_INVALID_PARAMETER;
    } else {
        w->fragment = config->fragment_size ? config->fragment_size : DEFAULT_FRAGMENT;
        error = begin_tls(w, config);
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
    release_thread_state();
    if (w) {
        *work_buffer = w;
    }
    return error;
}

static DWORD APIENTRY tls_make_message(VOID* work_buffer, PPP_EAP_PACKET* recv, PPP_EAP_PACKET* send,
                                       DWORD cb_send, PPP_EAP_OUTPUT* out, PPP_EAP_INPUT* in)
{
    struct work* w = work_buffer;
    if (!w || !out || !in || !send) {
        return ERROR_INVALID_PARAMETER;
    }
    DWORD error = w->authenticator ? auth_make_message(w, recv, send, cb_send, out)
                                   : peer_make_message(w, recv, send, cb_send, out, in);
    release_thread_state();
    return error;
}

RASEAP_EXPORT DWORD APIENTRY RasEapGetInfo(DWORD type, PPP_EAP_INFO* info)
{
    if (!info) {
        return ERROR_INVALID_PARAMETER;
    }
    if (type != TLS_TYPE) {
        return ERROR_NOT_SUPPORTED; /* RASEAP.md §3.2 step 3 */
    }
    memset(info, 0, sizeof *info);
    info->dwSizeInBytes = sizeof *info;
    info->dwEapTypeId = TLS_TYPE;
    info->RasEapBegin = tls_begin;
    info->RasEapEnd = tls_end;
    info->RasEapMakeMessage = tls_make_message;
    return NO_ERROR;
}
