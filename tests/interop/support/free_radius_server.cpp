#include "free_radius_server.h"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace eapscope::interop {

namespace {

constexpr const char* kSystemConfig = "/etc/freeradius/3.0";

Result<std::string> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError("cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Status writeFile(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return out ? Status(Ok{}) : Status(makeError("cannot write " + path.string()));
}

Status editFile(const std::filesystem::path& path, const std::function<std::string(std::string)>& edit)
{
    auto text = readFile(path);
    if (!text) {
        return makeError(text.error());
    }
    return writeFile(path, edit(std::move(*text)));
}

// Replaces the value of the first uncommented `key = value` line.
std::string setFirst(std::string text, const std::string& key, const std::string& value)
{
    const std::regex line("(^|\\n)([ \\t]*" + key + "[ \\t]*=)[^\\n]*");
    return std::regex_replace(text, line, "$1$2 " + value, std::regex_constants::format_first_only);
}

// radiusd drops from root to freerad (radiusd.conf user/group): it must own its copy.
void handToFreerad(const std::filesystem::path& root)
{
    if (geteuid() != 0) {
        return;  // not root: radiusd keeps our user, who owns the copy already
    }
    const passwd* user = getpwnam("freerad");
    if (user == nullptr) {
        return;
    }
    std::error_code ignored;
    lchown(root.c_str(), user->pw_uid, user->pw_gid);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ignored)) {
        lchown(entry.path().c_str(), user->pw_uid, user->pw_gid);
    }
    std::filesystem::permissions(root, std::filesystem::perms(0755), ignored);
}

}  // namespace

std::string replaceListenBlocks(const std::string& config, const std::string& replacement)
{
    std::string out;
    bool replaced = false;
    std::size_t at = 0;
    while (at < config.size()) {
        std::size_t eol = config.find('\n', at);
        eol = eol == std::string::npos ? config.size() : eol + 1;
        const std::string line = config.substr(at, eol - at);
        const std::size_t first = line.find_first_not_of(" \t");
        const bool opens = first != std::string::npos && line.compare(first, 6, "listen") == 0 &&
                           line.find('{') != std::string::npos;
        if (!opens) {
            out += line;
            at = eol;
            continue;
        }
        // Match braces up to the block's end, skipping comments.
        int depth = 0;
        std::size_t i = at;
        for (bool comment = false; i < config.size(); ++i) {
            const char c = config[i];
            if (c == '\n') {
                comment = false;
            } else if (!comment && c == '#') {
                comment = true;
            } else if (!comment && c == '{') {
                ++depth;
            } else if (!comment && c == '}' && --depth == 0) {
                break;
            }
        }
        if (!replaced && !replacement.empty()) {
            out += replacement;
        }
        replaced = true;
        at = config.find('\n', i);
        at = at == std::string::npos ? config.size() : at + 1;
    }
    return out;
}

Result<FreeRadiusServer> FreeRadiusServer::start(FreeRadiusOptions options)
{
    FreeRadiusServer server;
    server.options_ = std::move(options);
    server.root_ = makeTempDir("freeradius");
    if (server.root_.empty()) {
        return makeError("cannot create a temporary folder for FreeRADIUS");
    }
    server.dir_ = server.root_ / "raddb";
    std::error_code error;
    std::filesystem::copy(
        kSystemConfig, server.dir_,
        std::filesystem::copy_options::recursive | std::filesystem::copy_options::copy_symlinks, error);
    if (error) {
        return makeError(std::string("cannot copy ") + kSystemConfig + ": " + error.message());
    }
    server.port_ = freeUdpPort();
    if (auto s = server.writeConfig(); !s) {
        return makeError(s.error());
    }
    handToFreerad(server.root_);
    // -X: one thread and the full debug log (what a failing test wants to read); -f -l stdout:
    // the threaded server as deployed, logging only its normal messages (benchmarks).
    const std::vector<std::string> argv =
        server.options_.debugLog
            ? std::vector<std::string>{"/usr/sbin/freeradius", "-X", "-d", server.dir_.string()}
            : std::vector<std::string>{"/usr/sbin/freeradius", "-f", "-l", "stdout", "-d",
                                       server.dir_.string()};
    auto process = ChildProcess::start(argv, server.root_ / "radiusd.log");
    if (!process) {
        return makeError(process.error());
    }
    server.process_ = std::move(*process);
    const std::uint16_t port = server.port_;
    auto ready = server.process_.waitFor(
        [port](const std::string& log) {
            return log.find("Ready to process requests") != std::string::npos && udpPortBound(port);
        },
        std::chrono::seconds(20));
    if (!ready) {
        return makeError("FreeRADIUS did not start: " + ready.error());
    }
    return server;
}

Status FreeRadiusServer::writeConfig()
{
    const std::string listen =
        "listen {\n\ttype = auth\n\tipaddr = 127.0.0.1\n\tport = " + std::to_string(port_) + "\n}\n";
    auto s = editFile(dir_ / "sites-available/default",
                      [&](std::string text) { return replaceListenBlocks(text, listen); });
    s = s ? editFile(dir_ / "sites-available/inner-tunnel",
                     [](std::string text) { return replaceListenBlocks(text, {}); })
          : s;
    s = s ? editFile(dir_ / "radiusd.conf",
                     [](std::string text) {
                         return setFirst(setFirst(std::move(text), "proxy_requests", "no"), "reject_delay",
                                         "0");
                     })
          : s;
    s = s ? editFile(dir_ / "clients.conf",
                     [&](std::string text) { return setFirst(std::move(text), "secret", options_.secret); })
          : s;
    if (!s) {
        return s;
    }
    std::string users;
    for (const auto& [name, password] : options_.users) {
        users += name + "\tCleartext-Password := \"" + password + "\"\n";
    }
    s = editFile(dir_ / "mods-config/files/authorize", [&](std::string text) { return users + text; });
    // The PKI is copied into the configuration: radiusd (user freerad) cannot enter the test's
    // own mode-700 temporary folders.
    const std::filesystem::path certs = dir_ / "certs" / "eapscope-test";
    if (s && options_.pki) {
        std::error_code error;
        std::filesystem::create_directories(certs, error);
        for (const auto& [from, to] :
             {std::pair{options_.pki->serverKey, "server.key"},
              std::pair{options_.pki->serverCert, "server.pem"}, std::pair{options_.pki->caCert, "ca.pem"}}) {
            std::filesystem::copy_file(from, certs / to, std::filesystem::copy_options::overwrite_existing,
                                       error);
            if (error) {
                return makeError("cannot copy " + from.string() + ": " + error.message());
            }
        }
    }
    s = s ? editFile(
                dir_ / "mods-available/eap",
                [&](std::string text) {
                    text = setFirst(std::move(text), "default_eap_type", options_.defaultEapType);
                    if (options_.pki) {
                        text = setFirst(std::move(text), "private_key_file", (certs / "server.key").string());
                        text = setFirst(std::move(text), "certificate_file", (certs / "server.pem").string());
                        text = setFirst(std::move(text), "ca_file", (certs / "ca.pem").string());
                    }
                    if (!options_.tlsCommonExtra.empty()) {
                        const std::string open = "tls-config tls-common {";
                        const auto at = text.find(open);
                        if (at != std::string::npos) {
                            text.insert(at + open.size(), "\n" + options_.tlsCommonExtra + "\n");
                        }
                    }
                    return text;
                })
          : s;
    return s;
}

bool FreeRadiusServer::stop()
{
    const pid_t pid = process_.pid();
    process_.stop(SIGTERM);
    return pid <= 0 || processGone(pid);
}

FreeRadiusServer::FreeRadiusServer(FreeRadiusServer&& other) noexcept
    : options_(std::move(other.options_)),
      root_(std::exchange(other.root_, {})),
      dir_(std::move(other.dir_)),
      port_(other.port_),
      process_(std::move(other.process_))
{
}

FreeRadiusServer::~FreeRadiusServer()
{
    if (root_.empty()) {
        return;  // moved from
    }
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
}

}  // namespace eapscope::interop
