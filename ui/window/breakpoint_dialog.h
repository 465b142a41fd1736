// Lists the breakpoints and adds new ones of any kind (Ctrl+F9); F9 toggles one on the
// selected event directly.
#pragma once

#include "controller/breakpoint.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;

namespace eapscope::ui {

class BreakpointDialog : public QDialog {
    Q_OBJECT
public:
    BreakpointDialog(const QList<Breakpoint>& breakpoints, QWidget* parent = nullptr);
    [[nodiscard]] QList<Breakpoint> breakpoints() const { return breakpoints_; }

private:
    void refresh();
    void addFromForm();

    QList<Breakpoint> breakpoints_;
    QListWidget* list_;
    QComboBox* kind_;
    QComboBox* entry_;
    QLineEdit* value_;
};

}  // namespace eapscope::ui
