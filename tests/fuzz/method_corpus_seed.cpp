// Seeds corpus/method_<name> of the bundled methods' fuzz targets from real loopback
// conversations: `method_corpus_seed tests/fuzz/corpus` runs gtc, mschapv2 and tls against
// themselves in-process (and peap) and writes, per run, one input for each role holding the packets the
// other side sent (format: method_fuzz_harness.h).
#include "engine/session_runner.h"
#include "method/in_process_executor.h"
#include "test_pki.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

using namespace eapscope;

void write(const std::filesystem::path& path, const Bytes& bytes)
{
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

/// One fuzz input for `role`: the header byte, then every packet the other side sent.
Bytes input(const Trace& trace, Side role, std::uint8_t header)
{
    Bytes out{header};
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Packet || trace.sides()[i] == role) {
            continue;
        }
        const auto packet = trace.packet(trace.packets()[i]);
        out.push_back(static_cast<std::uint8_t>(packet.size() >> 8));
        out.push_back(static_cast<std::uint8_t>(packet.size()));
        out.insert(out.end(), packet.begin(), packet.end());
    }
    return out;
}

void seed(const std::filesystem::path& dir, const std::string& name, RunOptions options)
{
    const std::string methods = EAPSCOPE_METHODS_DIR;
    const std::string method = options.authSpec;
    options.authSpec = options.peerSpec = methods + "/" + method + ".so";
    Trace trace;
    auto summary = runSession(options, trace, [](Side) { return std::make_unique<InProcessExecutor>(); });
    if (!summary) {
        std::fprintf(stderr, "%s: %s\n", name.c_str(), summary.error().c_str());
        return;
    }
    const auto out = dir / ("method_" + method);
    std::filesystem::create_directories(out);
    write(out / (name + "-peer"), input(trace, Side::Peer, 0));
    write(out / (name + "-auth"), input(trace, Side::Authenticator, 3));
    std::printf("%s: %s, %zu events\n", name.c_str(), summary->overall.c_str(), trace.size());
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: method_corpus_seed CORPUS_DIR\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    RunOptions o;
    o.identity = "alice";
    o.password = "secret";
    for (const char* method : {"gtc", "mschapv2"}) {
        o.authSpec = method;
        seed(dir, "right", o);
        o.authPassword = "wrong";
        seed(dir, "wrong", o);
        o.authPassword.reset();
    }
    const auto pkiDir =
        std::filesystem::temp_directory_path() / ("eapscope-seed-" + std::to_string(::getpid()));
    const auto pki = testing::makeTestPki(pkiDir);
    o.authSpec = "tls";
    o.authConnectionData = pki.serverData();
    o.peerConnectionData = "ca=" + pki.ca.string();
    o.peerUserData = "cert=" + pki.clientCert.string() + ";key=" + pki.clientKey.string();
    seed(dir, "right", o);
    o.authConnectionData += "fragment_size=200";
    seed(dir, "fragments", o);
    o.peerUserData = "cert=" + pki.rogueCert.string() + ";key=" + pki.rogueKey.string();
    seed(dir, "rogue", o);
    o.authSpec = "peap";
    o.authConnectionData = "cert=" + pki.serverCert.string() + ";key=" + pki.serverKey.string();
    o.peerUserData.clear();
    seed(dir, "right", o);
    o.authPassword = "wrong";
    seed(dir, "wrong", o);
    std::filesystem::remove_all(pkiDir);
    return 0;
}
