// The manual counterpart's packet composer (issue 5): code, identifier, type and type-data in
// a form, kept in step with a hex editor of the whole packet; Length is filled in.
#pragma once

#include <QByteArray>
#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace eapscope::ui {

class InjectPacketDialog : public QDialog {
    Q_OBJECT
public:
    explicit InjectPacketDialog(QWidget* parent = nullptr);

    /// The packet as the hex editor holds it (what is sent).
    [[nodiscard]] QByteArray packet() const;
    /// Builds Code, Identifier, Length, Type and Type-Data (RFC 3748 §4) into the hex editor.
    void composeFromForm();

private:
    QComboBox* code_;
    QSpinBox* id_;
    QSpinBox* type_;
    QLineEdit* data_;
    QPlainTextEdit* hex_;
};

}  // namespace eapscope::ui
