// The Replay… action (issue 6 part 5, GUI half): choose a capture file, one of its
// conversations, the role the method plays, the method and the password; the window then runs
// a stepping session (F10/F5/step back as for loopback) where the captured other side is the
// scripted counterpart and every packet the method sends is compared with the captured one
// (REPLAY_DIVERGENCE findings, core/replay/replay_live.h).
#pragma once

#include "controller/session_setup.h"
#include "trace/event_types.h"

#include <QDialog>
#include <QString>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;

namespace eapscope {
struct CaptureImport;
}

namespace eapscope::ui {

class MainWindow;

/// Builds the session setup replaying `conversation` (1-based) of `capturePath` with `method`
/// (bundled name or library path) playing `role`. Returns the error text, empty on success.
QString makeReplaySetup(const QString& capturePath, int conversation, Side role, const QString& method,
                        const QString& password, SessionSetup& setup);

/// Adds "Replay…" to the window's Session menu (named actionReplay).
void installReplayAction(MainWindow& window);

class ReplayDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReplayDialog(const QString& capturePath, QWidget* parent = nullptr);
    ~ReplayDialog() override;

    [[nodiscard]] QString capturePath() const;
    [[nodiscard]] int conversation() const;  // 1-based, 0 = none
    [[nodiscard]] Side role() const;
    [[nodiscard]] QString method() const;
    [[nodiscard]] QString password() const;

private:
    void loadCapture();
    void browseCapture();
    void browseMethod();

    QLineEdit* path_;
    QComboBox* conversations_;
    QComboBox* role_;
    QComboBox* method_;
    QLineEdit* password_;
    QLabel* notice_;
};

}  // namespace eapscope::ui
