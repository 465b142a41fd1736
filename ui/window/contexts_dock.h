// Loaded methods and their exports; live contexts with state, work buffer and live heap
// (issue 5 "Methods and contexts dock").
#pragma once

#include <QWidget>

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

private:
    void refreshMethods();

    SessionDocument* document_;
    ContextsModel* model_;
    QTableView* view_;
    QTreeWidget* methods_;
    QStringList details_;
};

}  // namespace eapscope::ui
