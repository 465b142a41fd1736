// Loaded methods and their exports; live contexts with state, work buffer and live heap
// (issue 5 "Methods and contexts dock").
#pragma once

#include "controller/session_controller.h"

#include <QList>

#include <QWidget>
#include <cstddef>

class QTableView;
class QTreeWidget;

namespace eapscope::ui {

class ContextsModel;
class EventSelection;
class SessionDocument;

class ContextsDock : public QWidget {
    Q_OBJECT
public:
    ContextsDock(SessionDocument* document, EventSelection* selection, QWidget* parent = nullptr);

    [[nodiscard]] ContextsModel* model() const { return model_; }
    [[nodiscard]] QTableView* view() const { return view_; }
    [[nodiscard]] QTreeWidget* methods() const { return methods_; }

public slots:
    /// Extra facts the controller learnt when loading (exports, SHA-256), one line per method.
    void setMethodDetails(const QStringList& lines);
    /// The methods a live session will load, shown until the trace names its own.
    void setMethodPreview(const QList<eapscope::ui::MethodPreview>& methods);

private:
    void refreshMethods();
    // Each column as wide as its widest text (header or cell, measured as EventTableDock does),
    // so none is elided and the table is no wider than its contents.
    void fitColumns();
    void showPreview(const QList<MethodPreview>& previews);
    [[nodiscard]] static QString rolesText(quint32 roles);

    SessionDocument* document_;
    ContextsModel* model_;
    QTableView* view_;
    QTreeWidget* methods_;
    QStringList details_;
    QList<MethodPreview> preview_;
    std::size_t shownLoaded_ = 0;
};

}  // namespace eapscope::ui
