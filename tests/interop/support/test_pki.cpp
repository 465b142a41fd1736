#include "test_pki.h"

#include "child_process.h"

#include <fstream>

namespace eapscope::interop {

namespace {

Status openssl(const std::filesystem::path& dir, std::vector<std::string> args)
{
    args.insert(args.begin(), "/usr/bin/openssl");
    auto child = ChildProcess::start(args, dir / "openssl.log");
    if (!child) {
        return makeError(child.error());
    }
    auto code = child->wait(std::chrono::seconds(60));
    if (!code || *code != 0) {
        return makeError("openssl " + args[1] + " failed: " + child->output());
    }
    return Ok{};
}

// One certificate signed by the CA (or self-signed when `ca` is empty).
Status certificate(const std::filesystem::path& dir, const std::string& name, const std::string& subject,
                   const std::string& extensions, bool selfSigned)
{
    const auto key = (dir / (name + ".key")).string();
    const auto cert = (dir / (name + ".pem")).string();
    const auto ext = (dir / (name + ".ext")).string();
    std::ofstream(ext) << extensions;
    if (auto s =
            openssl(dir, {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key});
        !s) {
        return s;
    }
    if (selfSigned) {
        return openssl(dir, {"req", "-x509", "-new", "-key", key, "-subj", subject, "-days", "365", "-sha256",
                             "-extensions", "v3", "-config", ext, "-out", cert});
    }
    const auto csr = (dir / (name + ".csr")).string();
    if (auto s = openssl(dir, {"req", "-new", "-key", key, "-subj", subject, "-out", csr}); !s) {
        return s;
    }
    return openssl(dir, {"x509", "-req", "-in", csr, "-CA", (dir / "ca.pem").string(), "-CAkey",
                         (dir / "ca.key").string(), "-CAcreateserial", "-days", "365", "-sha256", "-extfile",
                         ext, "-extensions", "v3", "-out", cert});
}

}  // namespace

Result<TestPki> TestPki::create(const std::filesystem::path& dir, const std::string& clientName)
{
    std::filesystem::create_directories(dir);
    const std::string caExt =
        "[req]\ndistinguished_name=dn\n[dn]\n[v3]\nbasicConstraints=critical,CA:true\n"
        "keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n";
    if (auto s = certificate(dir, "ca", "/CN=EapScope Test CA", caExt, true); !s) {
        return makeError(s.error());
    }
    const std::string serverExt =
        "[v3]\nbasicConstraints=CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:radius.test\n";
    if (auto s = certificate(dir, "server", "/CN=radius.test", serverExt, false); !s) {
        return makeError(s.error());
    }
    const std::string clientExt =
        "[v3]\nbasicConstraints=CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=clientAuth\n";
    if (auto s = certificate(dir, "client", "/CN=" + clientName, clientExt, false); !s) {
        return makeError(s.error());
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::filesystem::permissions(entry.path(), std::filesystem::perms(0644));
    }
    TestPki pki;
    pki.caCert = dir / "ca.pem";
    pki.serverCert = dir / "server.pem";
    pki.serverKey = dir / "server.key";
    pki.clientCert = dir / "client.pem";
    pki.clientKey = dir / "client.key";
    pki.clientName = clientName;
    return pki;
}

}  // namespace eapscope::interop
