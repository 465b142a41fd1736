#include "tls_config.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* One `key=value` line (already cut at '\n' or ';'), trimmed. */
static int parse_line(struct tls_config* config, const char* line, size_t len, const char* source)
{
    while (len && is_space(*line)) {
        ++line, --len;
    }
    while (len && is_space(line[len - 1])) {
        --len;
    }
    if (len == 0 || line[0] == '#') {
        return 1;
    }
    const char* eq = memchr(line, '=', len);
    if (!eq) {
        snprintf(config->error, sizeof config->error, "%s: '%.*s' is not key=value", source, (int)len, line);
        return 0;
    }
    size_t key_len = (size_t)(eq - line);
    while (key_len && is_space(line[key_len - 1])) {
        --key_len;
    }
    const char* value = eq + 1;
    size_t value_len = len - (size_t)(value - line);
    while (value_len && is_space(*value)) {
        ++value, --value_len;
    }
    if (value_len >= TLS_CONFIG_VALUE_MAX) {
        snprintf(config->error, sizeof config->error, "%s: the value of '%.*s' is too long", source,
                 (int)key_len, line);
        return 0;
    }
    struct {
        const char* name;
        char* target;
    } keys[] = {{"ca", config->ca},
                {"cert", config->cert},
                {"key", config->key},
                {"key_password", config->key_password},
                {"server_name", config->server_name}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
        if (strlen(keys[i].name) == key_len && memcmp(keys[i].name, line, key_len) == 0) {
            memcpy(keys[i].target, value, value_len);
            keys[i].target[value_len] = '\0';
            return 1;
        }
    }
    if (key_len == 13 && memcmp(line, "fragment_size", 13) == 0) {
        char number[16] = {0};
        memcpy(number, value, value_len < 15 ? value_len : 15);
        char* end = NULL;
        unsigned long size = strtoul(number, &end, 10);
        if (!end || *end != '\0' || size < 16 || size > 65000) {
            snprintf(config->error, sizeof config->error, "%s: fragment_size '%s' must be 16..65000", source,
                     number);
            return 0;
        }
        config->fragment_size = (DWORD)size;
        return 1;
    }
    snprintf(config->error, sizeof config->error,
             "%s: unknown key '%.*s' (known: ca, cert, key, key_password, server_name, fragment_size)",
             source, (int)key_len, line);
    return 0;
}

static int parse_blob(struct tls_config* config, const BYTE* data, DWORD len, const char* source)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; ++i) {
        if (i == len || data[i] == '\n' || data[i] == ';' || data[i] == '\0') {
            if (!parse_line(config, (const char*)data + start, i - start, source)) {
                return 0;
            }
            start = i + 1;
        }
    }
    return 1;
}

int tls_config_parse(struct tls_config* config, const BYTE* connection, DWORD connection_len,
                     const BYTE* user, DWORD user_len)
{
    memset(config, 0, sizeof *config);
    return parse_blob(config, connection, connection ? connection_len : 0, "connection data") &&
           parse_blob(config, user, user ? user_len : 0, "user data");
}

static int password_callback(char* buf, int size, int rwflag, void* userdata)
{
    (void)rwflag;
    const char* password = userdata;
    int len = (int)strlen(password);
    if (len >= size) {
        return 0;
    }
    memcpy(buf, password, (size_t)len);
    return len;
}

static SSL_CTX* fail(struct tls_config* config, SSL_CTX* ctx, const char* what, const char* file)
{
    char reason[256] = "";
    ERR_error_string_n(ERR_peek_last_error(), reason, sizeof reason);
    ERR_clear_error();
    snprintf(config->error, sizeof config->error, "%s '%s': %s", what, file, reason);
    SSL_CTX_free(ctx);
    return NULL;
}

/* A file we cannot open gets the system's reason, not OpenSSL's "system lib". */
static int readable(struct tls_config* config, const char* what, const char* file)
{
    FILE* f = fopen(file, "r");
    if (!f) {
        snprintf(config->error, sizeof config->error, "cannot read the %s '%s': %s", what, file,
                 strerror(errno));
        return 0;
    }
    fclose(f);
    return 1;
}

SSL_CTX* tls_config_context(struct tls_config* config, BOOL authenticator, BOOL mutual)
{
    const char* role = authenticator ? "authenticator" : "peer";
    int needs_identity = authenticator || mutual;
    if ((needs_identity && (!config->cert[0] || !config->key[0])) ||
        (authenticator && mutual && !config->ca[0])) {
        snprintf(config->error, sizeof config->error,
                 "the %s needs %s in its connection/user data (e.g. 'ca=ca.pem;cert=%s.pem;key=%s.key')",
                 role, authenticator && mutual ? "ca, cert and key" : "cert and key",
                 authenticator ? "server" : "client", authenticator ? "server" : "client");
        return NULL;
    }
    if (needs_identity &&
        (!readable(config, "certificate", config->cert) || !readable(config, "private key", config->key))) {
        return NULL;
    }
    if (config->ca[0] && !readable(config, "CA file", config->ca)) {
        return NULL;
    }
    SSL_CTX* ctx = SSL_CTX_new(authenticator ? TLS_server_method() : TLS_client_method());
    if (!ctx) {
        return fail(config, NULL, "cannot create a TLS context for", role);
    }
    /* RFC 5216 is TLS up to 1.2 (TLS 1.3 is RFC 9190, with another key schedule and flow). */
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    if (config->key_password[0]) {
        SSL_CTX_set_default_passwd_cb(ctx, password_callback);
        SSL_CTX_set_default_passwd_cb_userdata(ctx, config->key_password);
    }
    if (config->cert[0] && SSL_CTX_use_certificate_chain_file(ctx, config->cert) != 1) {
        return fail(config, ctx, "cannot load the certificate", config->cert);
    }
    if (config->key[0] && SSL_CTX_use_PrivateKey_file(ctx, config->key, SSL_FILETYPE_PEM) != 1) {
        return fail(config, ctx, "cannot load the private key", config->key);
    }
    if (config->cert[0] && SSL_CTX_check_private_key(ctx) != 1) {
        return fail(config, ctx, "the private key does not match the certificate", config->key);
    }
    if (config->ca[0] && (mutual || !authenticator)) {
        if (SSL_CTX_load_verify_locations(ctx, config->ca, NULL) != 1) {
            return fail(config, ctx, "cannot load the CA file", config->ca);
        }
        /* RFC 5216 §2.1: EAP-TLS is mutual; the server insists on the peer's certificate. */
        SSL_CTX_set_verify(
            ctx, authenticator ? SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT : SSL_VERIFY_PEER, NULL);
        if (authenticator) {
            STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(config->ca);
            if (names) {
                SSL_CTX_set_client_CA_list(ctx, names);
            }
        }
    }
    return ctx;
}
