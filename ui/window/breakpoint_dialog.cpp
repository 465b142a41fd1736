#include "window/breakpoint_dialog.h"

#include "models/event_format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace eapscope::ui {

BreakpointDialog::BreakpointDialog(const QList<Breakpoint>& breakpoints, QWidget* parent)
    : QDialog(parent), breakpoints_(breakpoints), list_(new QListWidget), kind_(new QComboBox), entry_(new QComboBox),
      value_(new QLineEdit)
{
    setWindowTitle(tr("Breakpoints"));
    kind_->addItem(tr("Entry point"), static_cast<int>(Breakpoint::Kind::EntryPoint));
    kind_->addItem(tr("Action (number)"), static_cast<int>(Breakpoint::Kind::Action));
    kind_->addItem(tr("Packet code"), static_cast<int>(Breakpoint::Kind::PacketCode));
    kind_->addItem(tr("Packet type"), static_cast<int>(Breakpoint::Kind::PacketType));
    kind_->addItem(tr("Finding rule"), static_cast<int>(Breakpoint::Kind::FindingRule));
    kind_->addItem(tr("Context live heap above (bytes)"), static_cast<int>(Breakpoint::Kind::LiveHeapAbove));
    for (const EntryPoint e : {EntryPoint::GetInfo, EntryPoint::Initialize, EntryPoint::Begin, EntryPoint::MakeMessage,
                               EntryPoint::End, EntryPoint::Uninitialize}) {
        entry_->addItem(entryText(e), static_cast<int>(e));
    }
    value_->setPlaceholderText(tr("number, or rule id such as HEAP_LEAK"));
    auto* addButton = new QPushButton(tr("Add"));
    auto* removeButton = new QPushButton(tr("Remove selected"));
    auto* form = new QFormLayout;
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("Entry point"), entry_);
    form->addRow(tr("Value"), value_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* row = new QHBoxLayout;
    row->addWidget(addButton);
    row->addWidget(removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(list_);
    layout->addLayout(form);
    layout->addLayout(row);
    layout->addWidget(buttons);
    connect(addButton, &QPushButton::clicked, this, &BreakpointDialog::addFromForm);
    connect(removeButton, &QPushButton::clicked, this, [this] {
        const int r = list_->currentRow();
        if (r >= 0 && r < breakpoints_.size()) {
            breakpoints_.removeAt(r);
            refresh();
        }
    });
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        const bool entry = kind_->currentData().toInt() == static_cast<int>(Breakpoint::Kind::EntryPoint);
        entry_->setEnabled(entry);
        value_->setEnabled(!entry);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    value_->setEnabled(false);
    refresh();
}

void BreakpointDialog::addFromForm()
{
    Breakpoint b;
    b.kind = static_cast<Breakpoint::Kind>(kind_->currentData().toInt());
    if (b.kind == Breakpoint::Kind::EntryPoint) {
        b.value = entry_->currentData().toUInt();
    } else if (b.kind == Breakpoint::Kind::FindingRule) {
        b.rule = value_->text().trimmed().toUpper();
        if (b.rule.isEmpty()) {
            return;
        }
    } else {
        bool ok = false;
        b.value = value_->text().trimmed().toUInt(&ok, 0);
        if (!ok) {
            value_->setFocus();
            return;
        }
    }
    if (!breakpoints_.contains(b)) {
        breakpoints_.append(b);
    }
    refresh();
}

void BreakpointDialog::refresh()
{
    list_->clear();
    for (const Breakpoint& b : breakpoints_) {
        list_->addItem(b.describe());
    }
}

}  // namespace eapscope::ui
