// Session setup (issue 5 "Set up a session"): each side's method (bundled list or a library
// file, with its SHA-256), the counterpart, identity and password, the back end's user table,
// the number of contexts and their order.
#pragma once

#include "controller/session_setup.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace eapscope::ui {

class SessionSetupDialog : public QDialog {
    Q_OBJECT
public:
    SessionSetupDialog(const SessionSetup& setup, QWidget* parent = nullptr);
    [[nodiscard]] SessionSetup setup() const;

private:
    QWidget* methodRow(QComboBox* combo, QLabel* info);
    void describe(QComboBox* combo, QLabel* info);
    void updateIsolation();
    static QString specOf(const QComboBox* combo);
    void counterpartChanged();

    QComboBox* authenticator_;
    QComboBox* peer_;
    QLabel* authenticatorInfo_;
    QLabel* peerInfo_;
    QComboBox* counterpart_;
    QLineEdit* radiusServer_;  // Counterpart: RADIUS server
    QLineEdit* listen_;        // Counterpart: real supplicants (serve)
    QLineEdit* secret_;
    QLabel* counterpartHelp_;
    QLineEdit* identity_;
    QLineEdit* password_;
    QTableWidget* users_;
    QSpinBox* contexts_;
    QCheckBox* interleave_;
    QCheckBox* isolated_;
    SessionSetup base_;
};

}  // namespace eapscope::ui
