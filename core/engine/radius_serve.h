// `eapscope-cli serve`: EapScope as a RADIUS server whose EAP is the authenticator method under
// test (DESIGN.md "Counterparts", real supplicants). Each NAS conversation — a State this
// server issued, or a new Calling-Station-Id/NAS — is a conversation of a SessionEngine with the
// RadiusClients counterpart, so conversations of many supplicants interleave as contexts.
// The loop is step-wise like the engine: poll() takes at most one datagram, runs the engine
// until it waits again, and answers every request it can (Access-Challenge with State,
// Access-Accept with the method's MPPE keys, Access-Reject).
#pragma once

#include "engine/session_engine.h"
#include "radius/udp_socket.h"

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace eapscope {

struct ServeConfig {
    EngineSide authenticator;  // the method under test; its executor is not owned
    std::string listen = "127.0.0.1:1812";
    std::string secret;
    std::vector<std::pair<std::string, std::string>> users;  // the back end: identity → password
    std::uint32_t maxConversations = 0;                      // 0 = serve until stop()
    // A conversation whose NAS has not spoken for this long is abandoned (its context ends).
    // eapol_test gives up after 30 s; real NASes retransmit within a few seconds.
    std::uint32_t idleMs = 30000;
    std::uint32_t slowCallMs = 500;
};

/// Reads a users file: one `identity password` pair a line, `#` starts a comment, blank lines
/// are skipped. The error names the file and the line.
Result<std::vector<std::pair<std::string, std::string>>> readUsersFile(const std::string& path);

class RadiusServe {
public:
    /// Binds the socket (error names the address) and prepares the engine; nothing runs yet.
    /// The listening address and the secret (redacted in files) go into the trace's options.
    static Result<std::unique_ptr<RadiusServe>> create(ServeConfig config, Trace& trace);

    /// Loads and initializes the method (the engine's steps up to its conversations).
    StepResult start();
    /// Waits up to `wait` for a datagram, handles it, and runs the engine until it waits again.
    void poll(std::chrono::milliseconds wait);
    /// No new conversations; the open ones are abandoned, the method ended and unloaded.
    void stop();
    [[nodiscard]] bool finished() const { return engine_->finished(); }
    /// max-conversations reached: the caller should stop().
    [[nodiscard]] bool done() const;

    [[nodiscard]] radius::Endpoint local() const { return socket_.local(); }
    [[nodiscard]] std::uint32_t conversationsEnded() const { return ended_; }
    [[nodiscard]] const SessionEngine& engine() const { return *engine_; }
    [[nodiscard]] SessionEngine& engine() { return *engine_; }

private:
    struct Peer {
        radius::Endpoint nas;
        std::string callingStationId;
        std::array<std::uint8_t, 16> state{};  // the State this server issued (RFC 2865 §5.24)
        // The request waiting for its answer, and the last answer (RFC 5080 §2.2.2 duplicates).
        radius::RadiusPacket pending;
        bool awaiting = false;
        radius::Bytes lastRequest, lastReply;
        std::chrono::steady_clock::time_point lastHeard;
        bool closed = false;
    };

    RadiusServe(ServeConfig config, radius::UdpSocket socket, Trace& trace);
    void handle(const radius::Datagram& datagram);
    std::optional<std::size_t> conversationFor(const radius::RadiusPacket& request,
                                               const radius::Endpoint& from);
    void runEngine();
    void answer(std::size_t conversation);
    void reply(std::size_t conversation, radius::RadiusPacket packet);
    void expireIdle();
    void advanceFirstOpen();

    ServeConfig config_;
    radius::UdpSocket socket_;
    Trace& trace_;
    std::unique_ptr<SessionEngine> engine_;
    std::vector<Peer> peers_;        // by conversation index
    std::size_t firstOpenPeer_ = 0;  // every peer before it is closed (closing is final)
    std::map<std::array<std::uint8_t, 16>, std::size_t> byState_;
    std::uint64_t stateCounter_ = 0;
    std::uint32_t ended_ = 0;
};

}  // namespace eapscope
