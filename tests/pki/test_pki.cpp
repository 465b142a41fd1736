#include "test_pki.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace eapscope::testing {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

void check(bool ok, const char* what)
{
    if (!ok) {
        throw std::runtime_error(std::string("test PKI: ") + what + " failed");
    }
}

Key newKey()
{
    Key key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    check(key != nullptr, "EC key generation");
    return key;
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    check(ext != nullptr && X509_add_ext(cert, ext, -1) == 1, "adding an extension");
    X509_EXTENSION_free(ext);
}

struct Spec {
    const char* cn;
    long serial;
    long notBeforeDays;
    long notAfterDays;
    bool ca;
    const char* eku;  // nullptr for a CA
    const char* san;
};

Cert issue(const Spec& spec, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuerKey)
{
    Cert cert(X509_new(), X509_free);
    check(cert != nullptr, "X509_new");
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), spec.serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), spec.notBeforeDays * 86400);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), spec.notAfterDays * 86400);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("EapScope tests"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(spec.cn), -1,
                               -1, 0);
    X509* signer = issuer != nullptr ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    X509_set_pubkey(cert.get(), key);
    if (spec.ca) {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
        addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    } else {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyAgreement");
        addExtension(cert.get(), signer, NID_ext_key_usage, spec.eku);
        addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid");
        if (spec.san != nullptr) {
            addExtension(cert.get(), signer, NID_subject_alt_name, spec.san);
        }
    }
    check(X509_sign(cert.get(), issuerKey != nullptr ? issuerKey : key, EVP_sha256()) > 0, "X509_sign");
    return cert;
}

void writeCert(const std::filesystem::path& path, X509* cert)
{
    FILE* f = std::fopen(path.c_str(), "w");
    check(f != nullptr && PEM_write_X509(f, cert) == 1, "writing a certificate");
    std::fclose(f);
}

void writeKey(const std::filesystem::path& path, EVP_PKEY* key)
{
    FILE* f = std::fopen(path.c_str(), "w");
    check(f != nullptr && PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "writing a key");
    std::fclose(f);
}

}  // namespace

std::string TestPki::serverData() const
{
    return "ca=" + ca.string() + "\ncert=" + serverCert.string() + "\nkey=" + serverKey.string() + "\n";
}

std::string TestPki::clientData() const
{
    return "ca=" + ca.string() + "\ncert=" + clientCert.string() + "\nkey=" + clientKey.string() + "\n";
}

TestPki makeTestPki(const std::filesystem::path& dir)
{
    std::filesystem::create_directories(dir);
    TestPki pki;
    pki.dir = dir;
    const Key caKey = newKey();
    const Cert ca =
        issue({"EapScope Test CA", 1, -1, 3650, true, nullptr, nullptr}, caKey.get(), nullptr, nullptr);
    const Key rogueCaKey = newKey();
    const Cert rogueCa =
        issue({"EapScope Rogue CA", 1, -1, 3650, true, nullptr, nullptr}, rogueCaKey.get(), nullptr, nullptr);
    struct Leaf {
        Spec spec;
        X509* issuer;
        EVP_PKEY* issuerKey;
        std::filesystem::path* cert;
        std::filesystem::path* key;
        const char* name;
    } leaves[] = {
        {{"server.test", 2, -1, 3650, false, "serverAuth", "DNS:server.test"},
         ca.get(),
         caKey.get(),
         &pki.serverCert,
         &pki.serverKey,
         "server"},
        {{"alice", 3, -1, 3650, false, "clientAuth", nullptr},
         ca.get(),
         caKey.get(),
         &pki.clientCert,
         &pki.clientKey,
         "client"},
        {{"alice", 4, -3, -1, false, "clientAuth", nullptr},
         ca.get(),
         caKey.get(),
         &pki.expiredCert,
         &pki.expiredKey,
         "expired"},
        {{"alice", 2, -1, 3650, false, "clientAuth", nullptr},
         rogueCa.get(),
         rogueCaKey.get(),
         &pki.rogueCert,
         &pki.rogueKey,
         "rogue-client"},
    };
    pki.ca = dir / "ca.pem";
    pki.rogueCa = dir / "rogue-ca.pem";
    writeCert(pki.ca, ca.get());
    writeCert(pki.rogueCa, rogueCa.get());
    for (Leaf& leaf : leaves) {
        const Key key = newKey();
        const Cert cert = issue(leaf.spec, key.get(), leaf.issuer, leaf.issuerKey);
        *leaf.cert = dir / (std::string(leaf.name) + ".pem");
        *leaf.key = dir / (std::string(leaf.name) + ".key");
        writeCert(*leaf.cert, cert.get());
        writeKey(*leaf.key, key.get());
    }
    return pki;
}

}  // namespace eapscope::testing
