/*
 * The EAP-TLS record layer shared by the TLS-based methods (EAP-TLS here, PEAP in
 * methods/peap): an OpenSSL connection over memory BIOs, and the EAP framing of RFC 5216 §3.1-3.2
 * (Flags L 0x80 / M 0x40 / S 0x20 with the method's version in the low bits, TLS Message Length,
 * fragmentation within cbSendPacket, reassembly, fragment acknowledgements), the last packet
 * sent (to resend or repeat) and the last Request answered (duplicate detection). Built into each
 * method library; each keeps its own conversation state on top.
 */
#ifndef EAPSCOPE_METHODS_TLS_SESSION_H
#define EAPSCOPE_METHODS_TLS_SESSION_H

#include <eapscope/raseap.h>

#include <openssl/ssl.h>

#define TLS_FLAG_L 0x80
#define TLS_FLAG_M 0x40
#define TLS_FLAG_S 0x20
#define TLS_HEADER 6          /* Code Id Length[2] Type Flags */
#define TLS_MAX_MESSAGE 65536 /* a TLS flight bigger than this is refused (no handshake needs it) */

struct tls_buffer {
    BYTE* data;
    size_t len;
    size_t cap;
};

struct tls_session {
    BOOL authenticator;
    BYTE eap_type; /* 13 EAP-TLS, 25 PEAP */
    BYTE version;  /* low bits of Flags (PEAP version), 0 for EAP-TLS */
    BYTE next_id;  /* authenticator: Id of the next new Request */
    DWORD fragment;
    SSL_CTX* ctx;
    SSL* ssl;
    BIO* in;              /* TLS bytes from the other side (owned by ssl) */
    BIO* out;             /* TLS bytes for the other side (owned by ssl) */
    struct tls_buffer rx; /* the message being reassembled */
    size_t rx_expected;   /* TLS Message Length of the first fragment, 0 = not given */
    struct tls_buffer tx; /* the message being sent in fragments */
    size_t tx_off;
    struct tls_buffer last_sent;    /* Request to resend / Response to repeat */
    struct tls_buffer last_request; /* peer: duplicate detection */
};

struct tls_packet {
    BYTE flags;  /* without the version bits */
    DWORD total; /* TLS Message Length when L */
    const BYTE* data;
    size_t len;
};

int tls_buffer_append(struct tls_buffer* b, const BYTE* data, size_t len);

/* Takes ownership of ctx; makes the SSL object in the role's state. server_name: the peer's
 * expected server name, or NULL/empty. */
DWORD tls_session_open(struct tls_session* s, SSL_CTX* ctx, const char* server_name);
void tls_session_close(struct tls_session* s);

/* last_sent = one packet: Flags | version, the length when L, `len` bytes. */
DWORD tls_session_build(struct tls_session* s, BYTE code, BYTE id, BYTE flags, DWORD total, const BYTE* data,
                        size_t len);
/* last_sent = the next fragment of tx (an empty tx gives an empty packet: an acknowledgement). */
DWORD tls_session_build_fragment(struct tls_session* s, BYTE code, BYTE id, DWORD cb_send);
int tls_session_tx_pending(const struct tls_session* s);
DWORD tls_session_send_last(const struct tls_session* s, PPP_EAP_PACKET* send, DWORD cb_send);

/* A packet of `code` and the session's type; 0 when malformed. */
int tls_session_parse(const struct tls_session* s, const PPP_EAP_PACKET* p, BYTE code, struct tls_packet* t);
/* 1 complete, 0 more fragments to come, -1 inconsistent (drop the packet). */
int tls_session_reassemble(struct tls_session* s, const struct tls_packet* t);
/* Feeds rx to OpenSSL and steps the handshake; its output lands in tx. 1 complete, 0 wants
 * more, -1 failed (an alert may be waiting in tx). */
int tls_session_handshake(struct tls_session* s);
/* Moves what OpenSSL wrote into tx; 0 on allocation failure. */
int tls_session_collect_output(struct tls_session* s);
/* RFC 5216 §2.3 key material: 128 bytes, MSK first (TLS 1.2 exporter, "client EAP encryption"). */
int tls_session_key_material(struct tls_session* s, BYTE material[128]);

/* Peer: the same Request again (RFC 3748 §4.1)? Then last_sent is the answer to repeat. */
int tls_session_is_duplicate(const struct tls_session* s, const PPP_EAP_PACKET* recv);
int tls_session_remember_request(struct tls_session* s, const PPP_EAP_PACKET* recv);

/*
 * OpenSSL keeps per-thread state between calls (the error queue with its message buffers, the
 * per-thread random generators). One host thread serves every context, so a buffer made while
 * one context ran would be freed or reused while another runs: the heap tracer rightly calls
 * that memory of an ended context (USE_AFTER_END). Each entry point releases the thread's
 * OpenSSL state before it returns; OpenSSL rebuilds it on the next use.
 */
void tls_release_thread_state(void);

/* Both MPPE key attributes from the MSK (RASEAP.md §2.4): the authenticator's Recv key is
 * MSK[0..31] and its Send key MSK[32..63] (RFC 2548 order of RFC 5216 §2.3); the peer's swapped. */
void tls_mppe_attributes(BOOL authenticator, const BYTE msk[64], BYTE vsa[2][RASEAP_MPPE_KEY_VSA_LENGTH],
                         RAS_AUTH_ATTRIBUTE attributes[3]);

#endif
