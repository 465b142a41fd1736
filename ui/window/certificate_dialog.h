// A certificate seen in a clear TLS handshake of a capture (issue 10 "See the certificates"):
// the chain as its sender sent it, and for the chosen certificate its subject, issuer, SANs,
// validity flagged against the capture's own time, key, signature algorithm, SHA-256
// fingerprint and sender; Save as PEM writes it for openssl or a ticket.
#pragma once

#include "diagnosis/capture_diagnosis.h"

#include <QDialog>

#include <vector>

class QFormLayout;
class QLabel;
class QListWidget;

namespace eapscope::ui {

class CertificateDialog : public QDialog {
    Q_OBJECT
public:
    /// `chain`: the certificates one side sent in one Certificate message, in the order sent.
    CertificateDialog(std::vector<CapturedCertificate> chain, int current, QWidget* parent = nullptr);

    [[nodiscard]] int current() const;
    void setCurrent(int index);
    /// The text shown for a field ("subject", "issuer", "san", "not_before", "not_after",
    /// "validity", "key", "signature", "sha256", "sender"), for tests.
    [[nodiscard]] QString field(const QString& key) const;
    /// Writes the current certificate as PEM; returns the error text, empty on success.
    QString savePem(const QString& path) const;

private:
    void display(int index);
    void onSave();
    QLabel* addField(QFormLayout* form, const QString& key, const QString& label);

    std::vector<CapturedCertificate> chain_;
    QListWidget* list_;
    std::vector<std::pair<QString, QLabel*>> fields_;
};

}  // namespace eapscope::ui
