/*
 * The EAP-TLS method's configuration, read from RasEapBegin's connection data and user data
 * (RASEAP.md §1.3 fields 15–18). Format (README.md beside this file): text lines `key=value`,
 * separated by newlines or ';', blanks and `#` comments ignored; user data lines override
 * connection data lines with the same key. Keys: ca, cert, key, key_password, server_name,
 * fragment_size.
 */
#ifndef EAPSCOPE_METHODS_TLS_CONFIG_H
#define EAPSCOPE_METHODS_TLS_CONFIG_H

#include <eapscope/raseap.h>

#include <openssl/ssl.h>

#define TLS_CONFIG_VALUE_MAX 1024

struct tls_config {
    char ca[TLS_CONFIG_VALUE_MAX];   /* PEM file of the CA(s) that sign the other side's certificate */
    char cert[TLS_CONFIG_VALUE_MAX]; /* PEM file of our certificate (chain) */
    char key[TLS_CONFIG_VALUE_MAX];  /* PEM file of our private key */
    char key_password[TLS_CONFIG_VALUE_MAX];
    char server_name[TLS_CONFIG_VALUE_MAX]; /* peer: the name the server's certificate must carry */
    DWORD fragment_size;                    /* TLS bytes per EAP-TLS packet; 0 = default */
    char error[2 * TLS_CONFIG_VALUE_MAX];   /* why parsing or loading failed */
};

/* Parses connection data then user data into `config`. Returns 0 (and config->error) on a
 * malformed line or an unknown key. */
int tls_config_parse(struct tls_config* config, const BYTE* connection, DWORD connection_len,
                     const BYTE* user, DWORD user_len);

/* An SSL_CTX for the role: TLS 1.2 (RFC 5216), our certificate and key, the CA to verify the
 * other side. `mutual` (EAP-TLS): the authenticator requires and verifies a client certificate
 * and the peer must have one; otherwise (PEAP) only the server shows a certificate. NULL and
 * config->error on failure. */
SSL_CTX* tls_config_context(struct tls_config* config, BOOL authenticator, BOOL mutual);

#endif
