#include "tls_session.h"

#include <openssl/crypto.h>
#include <openssl/err.h>

#include <stdlib.h>
#include <string.h>

int tls_buffer_append(struct tls_buffer* b, const BYTE* data, size_t len)
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

static void buffer_free(struct tls_buffer* b)
{
    if (b->data) {
        memset(b->data, 0, b->cap);
        free(b->data);
    }
    memset(b, 0, sizeof *b);
}

DWORD tls_session_open(struct tls_session* s, SSL_CTX* ctx, const char* server_name)
{
    s->ctx = ctx;
    s->ssl = ctx ? SSL_new(ctx) : NULL;
    s->in = BIO_new(BIO_s_mem());
    s->out = BIO_new(BIO_s_mem());
    if (!s->ctx || !s->ssl || !s->in || !s->out) {
        BIO_free(s->in);
        BIO_free(s->out);
        s->in = s->out = NULL;
        return ERROR_INVALID_PARAMETER;
    }
    SSL_set_bio(s->ssl, s->in, s->out);
    if (s->authenticator) {
        SSL_set_accept_state(s->ssl);
    } else {
        SSL_set_connect_state(s->ssl);
        if (server_name && server_name[0] && SSL_set1_host(s->ssl, server_name) != 1) {
            return ERROR_INVALID_PARAMETER;
        }
    }
    return NO_ERROR;
}

void tls_session_close(struct tls_session* s)
{
    SSL_free(s->ssl); /* frees both BIOs */
    SSL_CTX_free(s->ctx);
    s->ssl = NULL;
    s->ctx = NULL;
    buffer_free(&s->rx);
    buffer_free(&s->tx);
    buffer_free(&s->last_sent);
    buffer_free(&s->last_request);
}

DWORD tls_session_send_last(const struct tls_session* s, PPP_EAP_PACKET* send, DWORD cb_send)
{
    if (s->last_sent.len > cb_send) {
        return ERROR_INVALID_PARAMETER; /* never write past cbSendPacket (RASEAP.md §3.7 item 13) */
    }
    memcpy(send, s->last_sent.data, s->last_sent.len);
    return NO_ERROR;
}

DWORD tls_session_build(struct tls_session* s, BYTE code, BYTE id, BYTE flags, DWORD total, const BYTE* data,
                        size_t len)
{
    BYTE header[TLS_HEADER + 4] = {code, id, 0, 0, s->eap_type, (BYTE)(flags | s->version)};
    size_t header_len = TLS_HEADER;
    if (flags & TLS_FLAG_L) {
        header[6] = (BYTE)(total >> 24), header[7] = (BYTE)(total >> 16);
        header[8] = (BYTE)(total >> 8), header[9] = (BYTE)total;
        header_len += 4;
    }
    s->last_sent.len = 0;
    if (!tls_buffer_append(&s->last_sent, header, header_len) ||
        !tls_buffer_append(&s->last_sent, data, len)) {
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    RasEapSetPacketLength((PPP_EAP_PACKET*)s->last_sent.data, (DWORD)s->last_sent.len);
    return NO_ERROR;
}

/* RFC 5216 §2.1.5: L and the total on the first of several fragments, M on all but the last. */
DWORD tls_session_build_fragment(struct tls_session* s, BYTE code, BYTE id, DWORD cb_send)
{
    size_t room = cb_send > TLS_HEADER + 4 ? cb_send - TLS_HEADER - 4 : 0;
    size_t size = s->fragment < room ? s->fragment : room;
    if (size == 0) {
        return ERROR_INVALID_PARAMETER;
    }
    size_t left = s->tx.len - s->tx_off;
    size_t take = left < size ? left : size;
    BYTE flags = 0;
    if (take < left) {
        flags |= TLS_FLAG_M;
        flags |= s->tx_off == 0 ? TLS_FLAG_L : 0;
    }
    DWORD error = tls_session_build(s, code, id, flags, (DWORD)s->tx.len, s->tx.data + s->tx_off, take);
    s->tx_off += take;
    if (s->tx_off == s->tx.len) {
        s->tx.len = s->tx_off = 0;
    }
    return error;
}

int tls_session_tx_pending(const struct tls_session* s)
{
    return s->tx_off < s->tx.len;
}

int tls_session_collect_output(struct tls_session* s)
{
    BYTE chunk[4096];
    int n;
    while ((n = BIO_read(s->out, chunk, sizeof chunk)) > 0) {
        if (!tls_buffer_append(&s->tx, chunk, (size_t)n)) {
            return 0;
        }
    }
    return 1;
}

int tls_session_handshake(struct tls_session* s)
{
    if (s->rx.len && BIO_write(s->in, s->rx.data, (int)s->rx.len) != (int)s->rx.len) {
        return -1;
    }
    s->rx.len = 0;
    s->rx_expected = 0;
    int ret = SSL_do_handshake(s->ssl);
    int result = ret == 1 ? 1 : 0;
    if (ret != 1) {
        int error = SSL_get_error(s->ssl, ret);
        result = error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE ? 0 : -1;
    }
    ERR_clear_error();
    if (!tls_session_collect_output(s)) {
        return -1;
    }
    return result;
}

int tls_session_key_material(struct tls_session* s, BYTE material[128])
{
    static const char label[] = "client EAP encryption";
    return SSL_export_keying_material(s->ssl, material, 128, label, sizeof label - 1, NULL, 0, 0) == 1;
}

/* RFC 5216 §3.1-3.2: Flags present, 4 length bytes when L. */
int tls_session_parse(const struct tls_session* s, const PPP_EAP_PACKET* p, BYTE code, struct tls_packet* t)
{
    DWORD length = RasEapPacketLength(p);
    const BYTE* b = (const BYTE*)p;
    if (p->Code != code || length < TLS_HEADER || b[4] != s->eap_type) {
        return 0;
    }
    t->flags = b[5] & (TLS_FLAG_L | TLS_FLAG_M | TLS_FLAG_S);
    size_t offset = TLS_HEADER;
    t->total = 0;
    if (t->flags & TLS_FLAG_L) {
        if (length < TLS_HEADER + 4) {
            return 0;
        }
        t->total = ((DWORD)b[6] << 24) | ((DWORD)b[7] << 16) | ((DWORD)b[8] << 8) | b[9];
        offset += 4;
    }
    t->data = b + offset;
    t->len = length - offset;
    return 1;
}

int tls_session_reassemble(struct tls_session* s, const struct tls_packet* t)
{
    if (t->flags & TLS_FLAG_L) {
        if (t->total > TLS_MAX_MESSAGE || (s->rx_expected && t->total != s->rx_expected) ||
            t->total < t->len) {
            return -1;
        }
        if (s->rx.len == 0) {
            s->rx_expected = t->total;
        }
    }
    if (s->rx.len + t->len > TLS_MAX_MESSAGE || (s->rx_expected && s->rx.len + t->len > s->rx_expected)) {
        return -1;
    }
    if (!tls_buffer_append(&s->rx, t->data, t->len)) {
        return -1;
    }
    if (t->flags & TLS_FLAG_M) {
        return 0;
    }
    return !s->rx_expected || s->rx.len == s->rx_expected ? 1 : -1;
}

int tls_session_is_duplicate(const struct tls_session* s, const PPP_EAP_PACKET* recv)
{
    DWORD length = RasEapPacketLength(recv);
    return s->last_sent.len && length == s->last_request.len &&
           memcmp(recv, s->last_request.data, length) == 0;
}

int tls_session_remember_request(struct tls_session* s, const PPP_EAP_PACKET* recv)
{
    s->last_request.len = 0;
    return tls_buffer_append(&s->last_request, (const BYTE*)recv, RasEapPacketLength(recv));
}

void tls_release_thread_state(void)
{
    ERR_clear_error();
    OPENSSL_thread_stop();
}

void tls_mppe_attributes(BOOL authenticator, const BYTE msk[64], BYTE vsa[2][RASEAP_MPPE_KEY_VSA_LENGTH],
                         RAS_AUTH_ATTRIBUTE attributes[3])
{
    const BYTE* send_key = authenticator ? msk + 32 : msk;
    const BYTE* recv_key = authenticator ? msk : msk + 32;
    RasEapSetMppeKeyAttribute(&attributes[0], vsa[0], RASEAP_MS_MPPE_SEND_KEY, send_key, 32);
    RasEapSetMppeKeyAttribute(&attributes[1], vsa[1], RASEAP_MS_MPPE_RECV_KEY, recv_key, 32);
    attributes[2] = (RAS_AUTH_ATTRIBUTE){raatMinimum, 0, NULL};
}
