#include "replay/replay_dialog.h"

#include "window/main_window.h"

#include "capture/capture_importer.h"
#include "method/method_resolver.h"
#include "replay/replay_live.h"
#include "text/core_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>

namespace eapscope::ui {
namespace {

QString carrierName(const CaptureConversation& c)
{
    const QString label = fromStd(c.label());
    return label.section(QLatin1Char(' '), 0, 0);
}

}  // namespace

QString makeReplaySetup(const QString& capturePath, int conversation, Side role, const QString& method,
                        const QString& password, SessionSetup& setup)
{
    auto capture = importCapture(capturePath.toStdString());
    if (!capture) {
        return errorText(capture);
    }
    ReplayRequest request;
    request.conversation = static_cast<std::uint32_t>(std::max(0, conversation));
    request.role = role;
    request.methodSpec = method.toStdString();
    request.password = password.toStdString();
    auto plan = planReplay(std::move(capture).value(), std::move(request));
    if (!plan) {
        return errorText(plan);
    }
    setup.replay = std::make_shared<const ReplayPlan>(std::move(plan).value());
    const bool peer = role == Side::Peer;
    setup.peerMethod = peer ? method : QString();
    setup.authenticatorMethod = peer ? QString() : method;
    setup.password = password;
    setup.identity = fromStd(setup.replay->script.identity);
    setup.contexts = 1;
    return {};
}

ReplayDialog::ReplayDialog(const QString& capturePath, QWidget* parent)
    : QDialog(parent),
      path_(new QLineEdit(capturePath, this)),
      conversations_(new QComboBox(this)),
      role_(new QComboBox(this)),
      method_(new QComboBox(this)),
      password_(new QLineEdit(this)),
      notice_(new QLabel(this))
{
    setWindowTitle(tr("Replay a captured conversation"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_);
    pathRow->addWidget(browse);
    role_->addItem(tr("Peer"), static_cast<int>(Side::Peer));
    role_->addItem(tr("Authenticator"), static_cast<int>(Side::Authenticator));
    method_->setEditable(true);
    for (const BundledMethod& m : listBundledMethods()) {
        method_->addItem(fromStd(m.name));
    }
    auto* browseMethod = new QPushButton(tr("Library…"), this);
    auto* methodRow = new QHBoxLayout;
    methodRow->addWidget(method_, 1);
    methodRow->addWidget(browseMethod);
    password_->setEchoMode(QLineEdit::Password);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Capture file"), pathRow);
    form->addRow(tr("Conversation"), conversations_);
    form->addRow(tr("Method plays"), role_);
    form->addRow(tr("Method"), methodRow);
    form->addRow(tr("Password"), password_);
    form->addRow(notice_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Replay"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ReplayDialog::browseCapture);
    connect(browseMethod, &QPushButton::clicked, this, &ReplayDialog::browseMethod);
    connect(path_, &QLineEdit::editingFinished, this, &ReplayDialog::loadCapture);
    loadCapture();
}

ReplayDialog::~ReplayDialog() = default;

void ReplayDialog::loadCapture()
{
    conversations_->clear();
    notice_->clear();
    if (path_->text().isEmpty()) {
        return;
    }
    auto capture = importCapture(path_->text().toStdString());
    if (!capture) {
        notice_->setText(errorText(capture));
        return;
    }
    const auto& list = capture->conversations;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const CaptureConversation& c = list[i];
        conversations_->addItem(tr("%1  %2  %3 ↔ %4  %5  %6")
                                    .arg(i + 1)
                                    .arg(carrierName(c), fromStd(c.authenticator), fromStd(c.peer),
                                         fromStd(c.identity), fromStd(c.outcome)),
                                static_cast<int>(i + 1));
    }
    if (list.empty()) {
        notice_->setText(tr("no EAP conversation in this capture"));
    }
}

void ReplayDialog::browseCapture()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Capture file"), path_->text(),
                                                      tr("Captures (*.pcap *.pcapng *.cap);;All files (*)"));
    if (!file.isEmpty()) {
        path_->setText(file);
        loadCapture();
    }
}

void ReplayDialog::browseMethod()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Method library"), {},
                                                      tr("Method libraries (*.so *.dll);;All files (*)"));
    if (!file.isEmpty()) {
        method_->setEditText(file);
    }
}

QString ReplayDialog::capturePath() const
{
    return path_->text();
}

int ReplayDialog::conversation() const
{
    return conversations_->currentData().toInt();
}

Side ReplayDialog::role() const
{
    return static_cast<Side>(role_->currentData().toInt());
}

QString ReplayDialog::method() const
{
    return method_->currentText();
}

QString ReplayDialog::password() const
{
    return password_->text();
}

void installReplayAction(MainWindow& window)
{
    auto* session = window.findChild<QMenu*>(QStringLiteral("sessionMenu"));
    QAction* replay = session->addAction(ReplayDialog::tr("&Replay…"));
    replay->setObjectName(QStringLiteral("actionReplay"));
    QObject::connect(replay, &QAction::triggered, &window, [&window] {
        static QString lastCapture;
        ReplayDialog dialog(lastCapture, &window);
        if (dialog.exec() != QDialog::Accepted) {
            return;
        }
        lastCapture = dialog.capturePath();
        SessionSetup setup;
        const QString error = makeReplaySetup(dialog.capturePath(), dialog.conversation(), dialog.role(),
                                              dialog.method(), dialog.password(), setup);
        if (!error.isEmpty()) {
            QMessageBox::warning(&window, ReplayDialog::tr("Replay"), error);
            return;
        }
        window.startSession(setup);
    });
}

}  // namespace eapscope::ui
