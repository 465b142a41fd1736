#include "window/inject_packet_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace eapscope::ui {

InjectPacketDialog::InjectPacketDialog(QWidget* parent)
    : QDialog(parent), code_(new QComboBox), id_(new QSpinBox), type_(new QSpinBox), data_(new QLineEdit),
      hex_(new QPlainTextEdit)
{
    setWindowTitle(tr("Inject packet"));
    code_->addItem(tr("1 Request"), 1);
    code_->addItem(tr("2 Response"), 2);
    code_->addItem(tr("3 Success"), 3);
    code_->addItem(tr("4 Failure"), 4);
    id_->setRange(0, 255);
    type_->setRange(0, 255);
    type_->setValue(4);
    data_->setPlaceholderText(tr("type-data in hex, e.g. 10 00112233445566778899aabbccddeeff"));
    hex_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    hex_->setObjectName(QStringLiteral("injectHex"));
    auto* form = new QFormLayout;
    form->addRow(tr("Code"), code_);
    form->addRow(tr("Identifier"), id_);
    form->addRow(tr("Type"), type_);
    form->addRow(tr("Type-Data (hex)"), data_);
    auto* compose = new QPushButton(tr("Compose into hex"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(compose);
    layout->addWidget(new QLabel(tr("Packet bytes (hex; edit freely, this is what is sent):")));
    layout->addWidget(hex_);
    layout->addWidget(buttons);
    connect(compose, &QPushButton::clicked, this, &InjectPacketDialog::composeFromForm);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    composeFromForm();
}

void InjectPacketDialog::composeFromForm()
{
    const int code = code_->currentData().toInt();
    QByteArray body = QByteArray::fromHex(data_->text().toLatin1());
    QByteArray packet;
    packet.append(static_cast<char>(code));
    packet.append(static_cast<char>(id_->value()));
    packet.append(2, '\0');
    if (code == 1 || code == 2) {  // RFC 3748 §4: only Request/Response carry Type
        packet.append(static_cast<char>(type_->value()));
        packet.append(body);
    }
    packet[2] = static_cast<char>((packet.size() >> 8) & 0xff);
    packet[3] = static_cast<char>(packet.size() & 0xff);
    hex_->setPlainText(QString::fromLatin1(packet.toHex(' ')));
}

QByteArray InjectPacketDialog::packet() const
{
    return QByteArray::fromHex(hex_->toPlainText().toLatin1());
}

}  // namespace eapscope::ui
