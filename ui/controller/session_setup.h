// What a live session runs (issue 5 "Set up a session"): each side's method, the counterpart,
// identities and passwords, the back end's user table, contexts and their order. Plain data
// the setup dialog edits and the controller turns into an EngineConfig.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <vector>

#include "trace/event_types.h"

namespace eapscope {
struct ReplayPlan;
}

namespace eapscope::ui {

struct LessonRun;

struct SessionSetup {
    enum class Counterpart {
        Loopback,
        Manual,
        // A real RADIUS server (DESIGN.md "Counterparts"): the peer method meets it, EapScope is
        // the NAS (`run --peer B --radius HOST:PORT --secret S`).
        RadiusServer,
        // Real supplicants: the authenticator method answers them as a RADIUS server listening
        // on `listen` (`serve --auth A --listen HOST:PORT --secret S`), a lane per conversation.
        Serve,
    };

    QString authenticatorMethod = QStringLiteral("md5");  // bundled name or library path; empty = counterpart
    QString peerMethod = QStringLiteral("md5");
    Counterpart counterpart = Counterpart::Loopback;
    QString identity = QStringLiteral("alice");
    QString password = QStringLiteral("secret");
    QList<QPair<QString, QString>> users{{QStringLiteral("alice"), QStringLiteral("secret")}};
    int contexts = 1;
    bool interleave = false;
    bool isolated = true;  // run methods in eapscope-host (checkpoints, crash isolation)
    QString hostPath;      // empty = <exe dir>/eapscope-host
    bool heapTracking = true;
    bool keepSecrets = false;                                 // in the recording
    QString radiusServer = QStringLiteral("127.0.0.1:1812");  // RadiusServer: HOST:PORT
    QString listen = QStringLiteral("127.0.0.1:1812");        // Serve: HOST:PORT to listen on
    QString secret;                                           // RadiusServer and Serve: the shared secret
    int radiusTimeoutMs = 3000;                               // RadiusServer: patience per transmission
    int radiusRetries = 3;
    // Set: replay a captured conversation (ui/replay): the plan's method plays its role against
    // the captured other side; the method fields above are ignored.
    std::shared_ptr<const eapscope::ReplayPlan> replay;
    // Set: a lesson's own session (ui/lesson/lesson_run.h): its scenario decides methods,
    // counterpart, capture, options and contexts; every field above is ignored.
    std::shared_ptr<const LessonRun> lesson;

    /// The sides a method plays (the timeline shows their lanes before the first step).
    [[nodiscard]] std::vector<Side> sides() const;

    bool operator==(const SessionSetup&) const = default;
};

}  // namespace eapscope::ui
