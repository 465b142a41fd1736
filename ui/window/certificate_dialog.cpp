#include "window/certificate_dialog.h"

#include "models/event_format.h"

#include "eap/tls_certificate.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace eapscope::ui {
namespace {

/// The CN of an RFC 2253 subject, else the whole subject.
QString commonName(const std::string& subject)
{
    const QString text = fromStd(subject);
    for (const QString& part : text.split(QLatin1Char(','))) {
        if (part.trimmed().startsWith(QStringLiteral("CN="))) {
            return part.trimmed().mid(3);
        }
    }
    return text;
}

}  // namespace

CertificateDialog::CertificateDialog(std::vector<CapturedCertificate> chain, int current, QWidget* parent)
    : QDialog(parent), chain_(std::move(chain)), list_(new QListWidget)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Certificate"));
    list_->setObjectName(QStringLiteral("certificateChain"));
    for (std::size_t i = 0; i < chain_.size(); ++i) {
        const CapturedCertificate& c = chain_[i];
        auto* item = new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(commonName(c.details->subject)), list_);
        if (c.expired || c.notYetValid) {
            item->setForeground(QColor(0xc6, 0x28, 0x28));
        }
    }
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addField(form, QStringLiteral("sender"), tr("Sent by"));
    addField(form, QStringLiteral("subject"), tr("Subject"));
    addField(form, QStringLiteral("issuer"), tr("Issuer"));
    addField(form, QStringLiteral("san"), tr("Alternative names"));
    addField(form, QStringLiteral("not_before"), tr("Valid from"));
    addField(form, QStringLiteral("not_after"), tr("Valid until"));
    addField(form, QStringLiteral("validity"), tr("At capture time"));
    addField(form, QStringLiteral("key"), tr("Public key"));
    addField(form, QStringLiteral("signature"), tr("Signature"));
    addField(form, QStringLiteral("sha256"), tr("SHA-256"));
    addField(form, QStringLiteral("serial"), tr("Serial number"));

    auto* save = new QPushButton(tr("Save as PEM…"));
    save->setObjectName(QStringLiteral("savePem"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(save, QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, &CertificateDialog::onSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Values are never wrapped nor cut: each holds one line (a subject, a fingerprint) and the
    // dialog opens wide enough for the longest; on a small screen the fields scroll instead.
    auto* fields = new QWidget;
    fields->setLayout(form);
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("certificateFields"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(fields);
    auto* body = new QHBoxLayout;
    list_->setMaximumWidth(220);
    body->addWidget(list_);
    body->addWidget(scroll, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    connect(list_, &QListWidget::currentRowChanged, this, &CertificateDialog::display);
    setCurrent(current);
    // The widest certificate of the chain sets the width, so changing certificates never cuts.
    int widest = 0;
    for (int i = 0; i < list_->count(); ++i) {
        display(i);
        widest = std::max(widest, fields->sizeHint().width());
    }
    display(list_->currentRow());
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    const int margins = layout->contentsMargins().left() + layout->contentsMargins().right() +
                        body->spacing() + scroll->verticalScrollBar()->sizeHint().width();
    resize(std::min(screen.width() * 9 / 10, list_->maximumWidth() + widest + margins),
           std::min(screen.height() * 9 / 10, std::max(420, fields->sizeHint().height() + 80)));
}

QLabel* CertificateDialog::addField(QFormLayout* form, const QString& key, const QString& label)
{
    auto* value = new QLabel;
    value->setObjectName(key);
    value->setWordWrap(false);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    fields_.emplace_back(key, value);
    return value;
}

int CertificateDialog::current() const
{
    return list_->currentRow();
}

void CertificateDialog::setCurrent(int index)
{
    if (index >= 0 && index < list_->count()) {
        list_->setCurrentRow(index);
    }
}

QString CertificateDialog::field(const QString& key) const
{
    for (const auto& [name, label] : fields_) {
        if (name == key) {
            return label->text();
        }
    }
    return {};
}

void CertificateDialog::display(int index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= chain_.size()) {
        return;
    }
    const CapturedCertificate& c = chain_[static_cast<std::size_t>(index)];
    const CertificateDetails& d = *c.details;
    auto set = [this](const QString& key, const QString& text) {
        for (const auto& [name, label] : fields_) {
            if (name == key) {
                label->setText(text);
            }
        }
    };
    set(QStringLiteral("sender"),
        (c.sender == Sender::Server ? tr("the server, in frame %1") : tr("the device (peer), in frame %1"))
            .arg(c.frame));
    set(QStringLiteral("subject"), fromStd(d.subject));
    set(QStringLiteral("issuer"), fromStd(d.issuer) + (d.selfSigned ? tr(" (self-signed)") : QString()));
    QStringList san;
    for (const std::string& name : d.san) {
        san << fromStd(name);
    }
    set(QStringLiteral("san"), san.isEmpty() ? tr("none") : san.join(QStringLiteral(", ")));
    set(QStringLiteral("not_before"), fromStd(formatUtc(d.notBefore)));
    set(QStringLiteral("not_after"), fromStd(formatUtc(d.notAfter)));
    const QString captured = fromStd(formatUtc(c.captureTime));
    QString validity = tr("valid on %1").arg(captured);
    if (c.expired) {
        validity = tr("<b style=\"color:#c62828\">EXPIRED</b> on %1, before the capture (%2)")
                       .arg(fromStd(formatUtc(d.notAfter)), captured);
    } else if (c.notYetValid) {
        validity = tr("<b style=\"color:#c62828\">NOT YET VALID</b> at the capture (%1); valid from %2")
                       .arg(captured, fromStd(formatUtc(d.notBefore)));
    }
    set(QStringLiteral("validity"), validity);
    QStringList weaknesses;
    for (const MessageText& weakness : d.weaknessTexts()) {
        weaknesses << messageText(weakness);
    }
    const QString weak =
        weaknesses.isEmpty() ? QString() : tr(" — weak: %1").arg(weaknesses.join(QStringLiteral(", ")));
    set(QStringLiteral("key"), fromStd(d.keyDescription()) + weak);
    set(QStringLiteral("signature"), fromStd(d.signature));
    set(QStringLiteral("sha256"), fromStd(d.sha256));
    set(QStringLiteral("serial"), fromStd(d.serial));
}

QString CertificateDialog::savePem(const QString& path) const
{
    const int index = current();
    if (index < 0 || static_cast<std::size_t>(index) >= chain_.size()) {
        return tr("No certificate selected.");
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    const std::string pem = certificatePem(chain_[static_cast<std::size_t>(index)].details->der);
    if (file.write(pem.data(), static_cast<qint64>(pem.size())) != static_cast<qint64>(pem.size())) {
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

void CertificateDialog::onSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save certificate as PEM"), QString(),
                                                      tr("PEM certificates (*.pem *.crt)"));
    if (path.isEmpty()) {
        return;
    }
    const QString error = savePem(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save certificate"), error);
    }
}

}  // namespace eapscope::ui
