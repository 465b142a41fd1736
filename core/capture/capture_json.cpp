#include "capture/capture_json.h"

#include "common/text_escape.h"
#include "eap/eap_types.h"

#include <cstdio>

namespace eapscope {
namespace {

using nlohmann::json;

json anomaliesJson(const std::vector<EapAnomaly>& anomalies)
{
    json list = json::array();
    for (const EapAnomaly& anomaly : anomalies) {
        list.push_back(
            {{"id", anomaly.id}, {"severity", toString(anomaly.severity)}, {"message", anomaly.message}});
    }
    return list;
}

double seconds(std::uint64_t ns)
{
    return static_cast<double>(ns) / 1e9;
}

json packetJson(const CaptureImport& capture, const CapturedPacket& packet)
{
    DecodedEap decoded = decodeEap(capture.packetBytes(packet));
    json anomalies = anomaliesJson(decoded.anomalies);
    for (const json& extra : anomaliesJson(capture.packetAnomalies(packet)))
        anomalies.push_back(extra);
    json out{{"frame", packet.frame},
             {"time", seconds(packet.timeNs)},
             {"direction", toString(packet.direction)},
             {"code", packet.code},
             {"id", packet.id},
             {"length", packet.length}};
    if (packet.type) {
        out["type"] = *packet.type;
    }
    out["summary"] = decoded.summary;
    if (std::string note = capture.note(packet); !note.empty())
        out["note"] = std::move(note);
    out["anomalies"] = std::move(anomalies);
    return out;
}

json typesJson(const std::vector<std::uint8_t>& types)
{
    json list = json::array();
    for (std::uint8_t type : types)
        list.push_back(eapTypeName(type));
    return list;
}

// The EAPOL-Start/Logoff/Key frames of each conversation (indices into capture.controls).
std::vector<std::vector<std::uint32_t>> controlsByConversation(const CaptureImport& capture)
{
    std::vector<std::vector<std::uint32_t>> out(capture.conversations.size());
    for (std::uint32_t i = 0; i < capture.controls.size(); ++i) {
        if (capture.controls[i].conversation < out.size())
            out[capture.controls[i].conversation].push_back(i);
    }
    return out;
}

json controlsJson(const CaptureImport& capture, const std::vector<std::uint32_t>& controls)
{
    json list = json::array();
    for (std::uint32_t i : controls) {
        const CapturedControl& c = capture.controls[i];
        list.push_back({{"frame", c.frame},
                        {"time", seconds(c.timeNs)},
                        {"direction", toString(c.direction)},
                        {"kind", toString(c.kind)}});
    }
    return list;
}

json conversationJson(const CaptureImport& capture, const CaptureConversation& c, std::size_t index,
                      const std::vector<std::uint32_t>& controls)
{
    json packets = json::array();
    for (std::uint32_t p : c.packets)
        packets.push_back(packetJson(capture, capture.packets[p]));
    json out{{"index", index + 1},
             {"carrier", toString(c.carrier)},
             {"link", c.link},
             {"endpoints", {{"authenticator", c.authenticator}, {"peer", c.peer}}},
             {"start", seconds(c.startNs)},
             {"end", seconds(c.endNs)},
             {"outcome", c.outcome},
             {"identity", c.identity},
             {"methods_proposed", typesJson(c.proposed)},
             {"methods_nak_desired", typesJson(c.nakDesired)},
             {"round_trips", c.roundTrips}};
    out["method_negotiated"] = c.negotiated ? json(eapTypeName(*c.negotiated)) : json(nullptr);
    if (c.session)
        out["session"] = c.session;
    out["anomalies"] = anomaliesJson(c.anomalies);
    out["packets"] = std::move(packets);
    out["eapol_controls"] = controlsJson(capture, controls);
    return out;
}

}  // namespace

nlohmann::json captureJsonDocument(const CaptureImport& capture)
{
    json conversations = json::array();
    auto controls = controlsByConversation(capture);
    for (std::size_t i = 0; i < capture.conversations.size(); ++i) {
        conversations.push_back(conversationJson(capture, capture.conversations[i], i, controls[i]));
    }
    json root{{"file", capture.path},
              {"frames", capture.frames},
              {"eap_packets", capture.packets.size()},
              {"link_types", capture.linkTypes},
              {"truncated", capture.truncated},
              {"anomalies", anomaliesJson(capture.anomalies)},
              {"conversations", std::move(conversations)}};
    return root;
}

std::string captureToJson(const CaptureImport& capture, int indent)
{
    return jsonText(captureJsonDocument(capture), indent);
}

std::string captureToText(const CaptureImport& capture, const ConversationNote& note)
{
    std::string text = capture.path + ": " + std::to_string(capture.frames) + " frames, " +
                       std::to_string(capture.packets.size()) + " EAP packets, " +
                       std::to_string(capture.conversations.size()) + " conversations\n";
    for (const EapAnomaly& anomaly : capture.anomalies) {
        text +=
            "  " + std::string(toString(anomaly.severity)) + " " + anomaly.id + ": " + anomaly.message + "\n";
    }
    char line[512];
    auto controls = controlsByConversation(capture);
    for (std::size_t i = 0; i < capture.conversations.size(); ++i) {
        const CaptureConversation& c = capture.conversations[i];
        std::snprintf(line, sizeof line, "\n#%zu %s  outcome=%s  identity=%s  round trips=%u  method=%s\n",
                      i + 1, c.label().c_str(), c.outcome.c_str(), c.identity.c_str(), c.roundTrips,
                      c.negotiated ? eapTypeName(*c.negotiated).c_str() : "-");
        text += line;
        if (note) {
            text += note(i);
        }
        std::size_t next = 0;  // controls go between the packets, in frame order
        auto controlsBefore = [&](std::uint32_t frame) {
            for (; next < controls[i].size() && capture.controls[controls[i][next]].frame < frame; ++next) {
                const CapturedControl& control = capture.controls[controls[i][next]];
                std::snprintf(line, sizeof line, "  %6u %10.6f %-3s %s\n", control.frame,
                              seconds(control.timeNs), control.direction == Direction::ToPeer ? "→P" : "→A",
                              toString(control.kind).data());
                text += line;
            }
        };
        for (std::uint32_t p : c.packets) {
            const CapturedPacket& packet = capture.packets[p];
            controlsBefore(packet.frame);
            std::snprintf(line, sizeof line, "  %6u %10.6f %-3s %s\n", packet.frame, seconds(packet.timeNs),
                          packet.direction == Direction::ToPeer ? "→P" : "→A",
                          decodeEap(capture.packetBytes(packet)).summary.c_str());
            text += line;
        }
        controlsBefore(UINT32_MAX);
        for (const EapAnomaly& anomaly : c.anomalies) {
            text += "  " + std::string(toString(anomaly.severity)) + " " + anomaly.id + ": " +
                    anomaly.message + "\n";
        }
    }
    return text;
}

}  // namespace eapscope
