#include "eap/tls_certificate.h"

#include <openssl/asn1t.h>
#include <openssl/bio.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/provider.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>

namespace eapscope {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using NamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES, GENERAL_NAMES_free>>;
using BasicPtr = std::unique_ptr<BASIC_CONSTRAINTS, Deleter<BASIC_CONSTRAINTS, BASIC_CONSTRAINTS_free>>;
struct OpenSslFree {
    void operator()(void* p) const { OPENSSL_free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using DecoderPtr = std::unique_ptr<OSSL_DECODER_CTX, Deleter<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free>>;
using LibraryPtr = std::unique_ptr<OSSL_LIB_CTX, Deleter<OSSL_LIB_CTX, OSSL_LIB_CTX_free>>;

// OpenSSL 3 decodes a certificate's public key while it parses the certificate (d2i_X509), and
// builds a key decoder context for it each time (OSSL_DECODER_CTX_new_for_pkey): three quarters
// of the cost of decoding a certificate. The certificate is therefore parsed in a library context
// whose only provider is the "null" one, where that attempt finds no decoder and stops at once,
// and its key is decoded by publicKey() below, with the decoder OpenSSL would have used.
OSSL_LIB_CTX* keylessLibrary()
{
    struct Keyless {
        LibraryPtr library{OSSL_LIB_CTX_new()};
        // Loaded for the life of the process: the context stays without any other provider
        // (an empty one would fall back to the default provider on its first fetch).
        OSSL_PROVIDER* null = library ? OSSL_PROVIDER_load(library.get(), "null") : nullptr;
        Keyless() = default;
        Keyless(const Keyless&) = delete;
        Keyless& operator=(const Keyless&) = delete;
        ~Keyless()
        {
            if (null)
                OSSL_PROVIDER_unload(null);
        }
    };
    static const Keyless keyless;
    return keyless.null ? keyless.library.get() : nullptr;
}

// The key of a certificate parsed in keylessLibrary(), decoded as d2i_X509 decodes it in the
// default library context (x509_pubkey_ex_d2i_ex: a DER SubjectPublicKeyInfo decoder for the
// algorithm's name, from the default context) — but with one decoder context per algorithm, made
// once and reused, instead of one per certificate. A context decodes one key at a time: they are
// used under a lock. Null when OpenSSL cannot decode the key (the certificate is still read, as
// d2i_X509 reads it). `trailing` is set when the decoder left bytes of the key unread, which
// makes d2i_X509 refuse the whole certificate.
KeyPtr publicKey(X509* cert, bool& trailing)
{
    trailing = false;
    const X509_PUBKEY* pub = X509_get_X509_PUBKEY(cert);
    ASN1_OBJECT* algorithm = nullptr;
    if (!pub || !X509_PUBKEY_get0_param(&algorithm, nullptr, nullptr, nullptr, pub) || !algorithm)
        return nullptr;
    char name[50];  // OpenSSL's own OSSL_MAX_NAME_SIZE, so that a long name is cut as it cuts it
    if (OBJ_obj2txt(name, sizeof name, algorithm, 0) <= 0)
        return nullptr;
    unsigned char* encoded = nullptr;
    const int length = i2d_X509_PUBKEY(pub, &encoded);
    const std::unique_ptr<unsigned char, OpenSslFree> der(encoded);
    if (length <= 0)
        return nullptr;

    struct KeyDecoder {
        EVP_PKEY* key = nullptr;  // where the context puts the key it decodes
        DecoderPtr context;
    };
    static std::mutex lock;
    static std::map<std::string, KeyDecoder, std::less<>> decoders;  // by algorithm name
    const std::lock_guard guard(lock);
    auto found = decoders.find(std::string_view(name));
    if (found == decoders.end()) {
        found = decoders.try_emplace(name).first;
        // The context writes the key it decodes to the EVP_PKEY* it was given: the map's slot.
        found->second.context.reset(OSSL_DECODER_CTX_new_for_pkey(
            &found->second.key, "DER", "SubjectPublicKeyInfo", name, EVP_PKEY_PUBLIC_KEY, nullptr, nullptr));
        // Kept only when OpenSSL has a decoder for the algorithm: a damaged certificate names
        // any OID, and those would otherwise pile up here.
        if (!found->second.context || OSSL_DECODER_CTX_get_num_decoders(found->second.context.get()) == 0) {
            decoders.erase(found);
            return nullptr;
        }
    }
    KeyDecoder& decoder = found->second;
    decoder.key = nullptr;
    const unsigned char* cursor = der.get();
    std::size_t left = static_cast<std::size_t>(length);
    // Like d2i_X509, a key that does not decode leaves no error behind.
    ERR_set_mark();
    const bool decoded = OSSL_DECODER_from_data(decoder.context.get(), &cursor, &left) == 1;
    ERR_pop_to_mark();
    KeyPtr key(decoder.key);
    decoder.key = nullptr;
    if (!decoded)
        return nullptr;
    trailing = left != 0;
    return key;
}

std::string nameText(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 order and escaping, but UTF-8 kept as UTF-8 (not \XX), without the space after ','.
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    long length = BIO_get_mem_data(bio.get(), &data);
    return length > 0 ? std::string(data, static_cast<std::size_t>(length)) : std::string();
}

std::int64_t asn1Time(const ASN1_TIME* time)
{
    struct tm parts {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return 0;
    return static_cast<std::int64_t>(timegm(&parts));
}

std::string asn1Text(const ASN1_STRING* text)
{
    const unsigned char* data = ASN1_STRING_get0_data(text);
    return std::string(reinterpret_cast<const char*>(data),
                       static_cast<std::size_t>(ASN1_STRING_length(text)));
}

std::vector<std::string> alternativeNames(X509* cert)
{
    std::vector<std::string> out;
    NamesPtr names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        switch (name->type) {
            case GEN_DNS:
                out.push_back("DNS:" + asn1Text(name->d.dNSName));
                break;
            case GEN_EMAIL:
                out.push_back("email:" + asn1Text(name->d.rfc822Name));
                break;
            case GEN_URI:
                out.push_back("URI:" + asn1Text(name->d.uniformResourceIdentifier));
                break;
            case GEN_IPADD: {
                const ASN1_OCTET_STRING* ip = name->d.iPAddress;
                std::string text = "IP:";
                char part[8];
                for (int k = 0; k < ip->length; ++k) {
                    if (ip->length == 4)
                        std::snprintf(part, sizeof part, "%s%u", k ? "." : "", ip->data[k]);
                    else
                        std::snprintf(part, sizeof part, "%s%02x", k && k % 2 == 0 ? ":" : "", ip->data[k]);
                    text += part;
                }
                out.push_back(text);
                break;
            }
            case GEN_DIRNAME:
                out.push_back("DirName:" + nameText(name->d.directoryName));
                break;
            default:
                out.push_back("other:" + std::to_string(name->type));
                break;
        }
    }
    return out;
}

void keyDetails(EVP_PKEY* key, CertificateDetails& out)
{
    if (!key) {
        out.keyType = "unknown";
        return;
    }
    out.keyBits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_RSA:
        case EVP_PKEY_RSA_PSS:
            out.keyType = "RSA";
            break;
        case EVP_PKEY_EC: {
            out.keyType = "EC";
            char curve[64] = {};
            std::size_t length = 0;
            if (EVP_PKEY_get_utf8_string_param(key, "group", curve, sizeof curve, &length) == 1)
                out.curve.assign(curve, length);
            break;
        }
        case EVP_PKEY_DSA:
            out.keyType = "DSA";
            break;
        case EVP_PKEY_ED25519:
            out.keyType = "Ed25519";
            break;
        case EVP_PKEY_ED448:
            out.keyType = "Ed448";
            break;
        default: {
            const char* name = EVP_PKEY_get0_type_name(key);
            out.keyType = name ? name : "unknown";
        }
    }
}

std::string hexPairs(const unsigned char* data, std::size_t length);

// SHA-256 of the DER, as hex pairs. The digest is fetched once: SHA256() fetches it from the
// provider on every call, which cost as much as hashing the certificate.
std::string fingerprint(std::span<const std::uint8_t> der)
{
    using DigestPtr = std::unique_ptr<EVP_MD, Deleter<EVP_MD, EVP_MD_free>>;
    static const DigestPtr sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    unsigned char digest[SHA256_DIGEST_LENGTH];
    if (!sha256 || EVP_Digest(der.data(), der.size(), digest, nullptr, sha256.get(), nullptr) != 1)
        SHA256(der.data(), der.size(), digest);
    return hexPairs(digest, sizeof digest);
}

std::string hexPairs(const unsigned char* data, std::size_t length)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string text;
    for (std::size_t i = 0; i < length; ++i) {
        if (i)
            text += ':';
        text += kHex[data[i] >> 4];
        text += kHex[data[i] & 0x0F];
    }
    return text;
}

}  // namespace

std::string CertificateDetails::keyDescription() const
{
    std::string text = keyType;
    if (keyBits)
        text += " " + std::to_string(keyBits);
    if (!curve.empty())
        text += " (" + curve + ")";
    return text;
}

std::vector<MessageText> CertificateDetails::weaknessTexts() const
{
    std::vector<MessageText> out;
    // NIST SP 800-131A: SHA-1 and MD5 signatures and RSA/DSA keys under 2048 bits are disallowed;
    // browsers and current supplicants refuse them.
    if (signature.find("md5") != std::string::npos || signature.find("MD5") != std::string::npos)
        out.push_back(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "MD5 signature (%1)"), {verbatim(signature)}));
    else if (signature.find("sha1") != std::string::npos || signature.find("SHA1") != std::string::npos)
        out.push_back(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "SHA-1 signature (%1)"), {verbatim(signature)}));
    if ((keyType == "RSA" || keyType == "DSA") && keyBits > 0 && keyBits < 2048)
        out.push_back(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1 key of %2 bits"),
                             {verbatim(keyType), verbatim(static_cast<std::uint64_t>(keyBits))}));
    if (keyType == "EC" && keyBits > 0 && keyBits < 224)
        out.push_back(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "EC key of %1 bits"),
                             {verbatim(static_cast<std::uint64_t>(keyBits))}));
    return out;
}

std::vector<std::string> CertificateDetails::weaknesses() const
{
    std::vector<std::string> out;
    for (const MessageText& weakness : weaknessTexts())
        out.push_back(weakness.english());
    return out;
}

Result<CertificateDetails> decodeCertificate(std::span<const std::uint8_t> der)
{
    const auto notCertificate = [&] {
        return makeError("not a DER X.509 certificate (" + std::to_string(der.size()) + " bytes)");
    };
    const unsigned char* cursor = der.data();
    OSSL_LIB_CTX* keyless = keylessLibrary();
    X509Ptr cert(
        keyless ? reinterpret_cast<X509*>(ASN1_item_d2i_ex(nullptr, &cursor, static_cast<long>(der.size()),
                                                           ASN1_ITEM_rptr(X509), keyless, nullptr))
                : d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!cert)
        return notCertificate();
    bool trailing = false;
    KeyPtr key = keyless ? publicKey(cert.get(), trailing) : KeyPtr(X509_get_pubkey(cert.get()));
    if (trailing)
        return notCertificate();
    CertificateDetails out;
    out.subject = nameText(X509_get_subject_name(cert.get()));
    out.issuer = nameText(X509_get_issuer_name(cert.get()));
    out.san = alternativeNames(cert.get());
    out.notBefore = asn1Time(X509_get0_notBefore(cert.get()));
    out.notAfter = asn1Time(X509_get0_notAfter(cert.get()));
    keyDetails(key.get(), out);
    int nid = X509_get_signature_nid(cert.get());
    out.signature = nid != NID_undef ? OBJ_nid2ln(nid) : "unknown";
    out.sha256 = fingerprint(der);
    const ASN1_INTEGER* serial = X509_get0_serialNumber(cert.get());
    out.serial = hexPairs(serial->data, static_cast<std::size_t>(serial->length));
    out.selfSigned = X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())) == 0;
    BasicPtr basic(static_cast<BASIC_CONSTRAINTS*>(
        X509_get_ext_d2i(cert.get(), NID_basic_constraints, nullptr, nullptr)));
    out.isCa = basic && basic->ca;
    out.der.assign(der.begin(), der.end());
    return out;
}

std::string certificatePem(std::span<const std::uint8_t> der)
{
    // RFC 7468 §2: base64 in lines of 64 characters between the labels.
    std::string base64(4 * ((der.size() + 2) / 3) + 1, '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(base64.data()), der.data(),
                                 static_cast<int>(der.size()));
    base64.resize(static_cast<std::size_t>(length));
    std::string pem = "-----BEGIN CERTIFICATE-----\n";
    for (std::size_t i = 0; i < base64.size(); i += 64)
        pem += base64.substr(i, 64) + "\n";
    return pem + "-----END CERTIFICATE-----\n";
}

std::string formatUtc(std::int64_t secondsSinceEpoch)
{
    auto time = static_cast<std::time_t>(secondsSinceEpoch);
    struct tm parts {};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &parts);
    return text;
}

}  // namespace eapscope
