#include "window/session_setup_dialog.h"

#include "models/event_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "method/file_digest.h"
#include "method/library_format.h"
#include "method/method_resolver.h"

namespace eapscope::ui {

SessionSetupDialog::SessionSetupDialog(const SessionSetup& setup, QWidget* parent)
    : QDialog(parent),
      authenticator_(new QComboBox),
      peer_(new QComboBox),
      authenticatorInfo_(new QLabel),
      peerInfo_(new QLabel),
      counterpart_(new QComboBox),
      radiusServer_(new QLineEdit(setup.radiusServer)),
      listen_(new QLineEdit(setup.listen)),
      secret_(new QLineEdit(setup.secret)),
      counterpartHelp_(new QLabel),
      identity_(new QLineEdit(setup.identity)),
      password_(new QLineEdit(setup.password)),
      users_(new QTableWidget(0, 2)),
      contexts_(new QSpinBox),
      interleave_(new QCheckBox(tr("Interleave contexts (round robin) instead of one after another"))),
      isolated_(new QCheckBox(tr("Run methods in an isolated host process (crash isolation, step back)"))),
      base_(setup)
{
    setWindowTitle(tr("New session"));
    authenticator_->setObjectName(QStringLiteral("authenticatorMethod"));
    peer_->setObjectName(QStringLiteral("peerMethod"));
    authenticatorInfo_->setObjectName(QStringLiteral("authenticatorInfo"));
    peerInfo_->setObjectName(QStringLiteral("peerInfo"));
    isolated_->setObjectName(QStringLiteral("isolated"));
    for (QComboBox* combo : {authenticator_, peer_}) {
        combo->setEditable(true);
        combo->addItem(tr("(counterpart plays this side)"), QString());
        for (const auto& m : listBundledMethods()) {
            combo->addItem(fromStd(m.name), fromStd(m.name));
        }
    }
    auto select = [](QComboBox* combo, const QString& spec) {
        const int i = combo->findData(spec);
        if (i >= 0) {
            combo->setCurrentIndex(i);
        } else {
            combo->addItem(spec, spec);
            combo->setCurrentIndex(combo->count() - 1);
        }
    };
    select(authenticator_, setup.authenticatorMethod);
    select(peer_, setup.peerMethod);
    counterpart_->addItem(tr("Loopback (a method on each side)"),
                          static_cast<int>(SessionSetup::Counterpart::Loopback));
    counterpart_->addItem(tr("Manual (I compose the other side's packets)"),
                          static_cast<int>(SessionSetup::Counterpart::Manual));
    counterpart_->addItem(tr("RADIUS server (the peer method meets a real server; EapScope is the NAS)"),
                          static_cast<int>(SessionSetup::Counterpart::RadiusServer));
    counterpart_->addItem(tr("Real supplicants (the authenticator method serves RADIUS)"),
                          static_cast<int>(SessionSetup::Counterpart::Serve));
    counterpart_->setCurrentIndex(std::max(0, counterpart_->findData(static_cast<int>(setup.counterpart))));
    radiusServer_->setPlaceholderText(QStringLiteral("127.0.0.1:1812"));
    listen_->setPlaceholderText(QStringLiteral("127.0.0.1:1812"));
    secret_->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    secret_->setPlaceholderText(tr("the shared secret (kept out of recordings)"));
    counterpartHelp_->setWordWrap(true);
    password_->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    users_->setHorizontalHeaderLabels({tr("Identity"), tr("Password")});
    users_->horizontalHeader()->setStretchLastSection(true);
    for (const auto& [user, password] : setup.users) {
        const int row = users_->rowCount();
        users_->insertRow(row);
        users_->setItem(row, 0, new QTableWidgetItem(user));
        users_->setItem(row, 1, new QTableWidgetItem(password));
    }
    contexts_->setRange(1, 10000);
    contexts_->setValue(setup.contexts);
    interleave_->setChecked(setup.interleave);
    isolated_->setChecked(setup.isolated);

    auto* addUser = new QPushButton(tr("Add user"));
    auto* removeUser = new QPushButton(tr("Remove user"));
    connect(addUser, &QPushButton::clicked, this, [this] { users_->insertRow(users_->rowCount()); });
    connect(removeUser, &QPushButton::clicked, this, [this] {
        if (users_->currentRow() >= 0) {
            users_->removeRow(users_->currentRow());
        }
    });
    auto* userButtons = new QHBoxLayout;
    userButtons->addWidget(addUser);
    userButtons->addWidget(removeUser);
    userButtons->addStretch();

    auto* form = new QFormLayout;
    form->addRow(tr("Authenticator method"), methodRow(authenticator_, authenticatorInfo_));
    form->addRow(QString(), authenticatorInfo_);
    form->addRow(tr("Peer method"), methodRow(peer_, peerInfo_));
    form->addRow(QString(), peerInfo_);
    form->addRow(tr("Counterpart"), counterpart_);
    form->addRow(QString(), counterpartHelp_);
    form->addRow(tr("RADIUS server"), radiusServer_);
    form->addRow(tr("Listen on"), listen_);
    form->addRow(tr("Shared secret"), secret_);
    form->addRow(tr("Peer identity"), identity_);
    form->addRow(tr("Peer password"), password_);
    form->addRow(tr("Back-end users"), users_);
    form->addRow(QString(), userButtons);
    form->addRow(tr("Contexts per side"), contexts_);
    form->addRow(QString(), interleave_);
    form->addRow(QString(), isolated_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(
        new QLabel(tr("The method's type, roles and exports appear in the Methods dock once the "
                      "first step loads it (in the isolated host).")));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    describe(authenticator_, authenticatorInfo_);
    describe(peer_, peerInfo_);
    connect(counterpart_, &QComboBox::currentIndexChanged, this, &SessionSetupDialog::counterpartChanged);
    counterpartChanged();
}

void SessionSetupDialog::counterpartChanged()
{
    using C = SessionSetup::Counterpart;
    const auto counterpart = static_cast<C>(counterpart_->currentData().toInt());
    const bool server = counterpart == C::RadiusServer;
    const bool serve = counterpart == C::Serve;
    radiusServer_->setEnabled(server);
    listen_->setEnabled(serve);
    secret_->setEnabled(server || serve);
    authenticator_->setEnabled(!server);
    peer_->setEnabled(!serve);
    users_->setEnabled(!server);
    if (server) {
        counterpartHelp_->setText(
            tr("The peer method authenticates against the RADIUS server at the address "
               "below, with the peer identity and password; the server's packets appear on "
               "its own lane. Step back restarts the conversation with the server."));
    } else if (serve) {
        counterpartHelp_->setText(
            tr("The authenticator method answers real supplicants (eapol_test, a NAS) as a "
               "RADIUS server listening on the address below, checking the back-end users; "
               "each conversation arrives as a lane. Continue serves until Stop."));
    } else {
        counterpartHelp_->clear();
    }
    counterpartHelp_->setVisible(server || serve);
}

QWidget* SessionSetupDialog::methodRow(QComboBox* combo, QLabel* info)
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(tr("Library file…"));
    layout->addWidget(combo, 1);
    layout->addWidget(browse);
    info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info->setWordWrap(true);
    connect(browse, &QPushButton::clicked, this, [this, combo] {
        const QString path = QFileDialog::getOpenFileName(this, tr("EAP method library"), QString(),
                                                          tr("Method libraries (*.so *.dll);;All files (*)"));
        if (!path.isEmpty()) {
            combo->addItem(path, path);
            combo->setCurrentIndex(combo->count() - 1);
        }
    });
    connect(combo, &QComboBox::currentTextChanged, this, [this, combo, info] { describe(combo, info); });
    return row;
}

QString SessionSetupDialog::specOf(const QComboBox* combo)
{
    const int index = combo->findText(combo->currentText());
    return index >= 0 ? combo->itemData(index).toString() : combo->currentText().trimmed();
}

void SessionSetupDialog::describe(QComboBox* combo, QLabel* info)
{
    const QString spec = specOf(combo);
    if (spec.isEmpty()) {
        info->setText(tr("The counterpart plays this side."));
        updateIsolation();
        return;
    }
    const auto path = resolveMethodSpec(spec.toStdString());
    if (!path) {
        info->setText(errorText(path));
        updateIsolation();
        return;
    }
    const auto digest = sha256OfFile(*path);
    QString text = tr("%1\nSHA-256 %2").arg(fromStd(*path), digest ? fromStd(*digest) : errorText(digest));
    const LibraryFormat format = detectLibraryFormat(*path);
    switch (format.kind) {
        case LibraryFormat::Kind::WindowsX64:
            text += QLatin1Char('\n') +
                    tr("Windows x64 DLL: it runs in eapscope-host.exe under Wine, always isolated");
            break;
        case LibraryFormat::Kind::Windows32:
        case LibraryFormat::Kind::WindowsOther:
            text += QLatin1Char('\n') + tr("Windows DLL for %1: EapScope runs Windows methods built for x64; "
                                           "build it for x64 (PE32+)")
                                            .arg(fromStd(format.machine));
            break;
        default:
            break;
    }
    info->setText(text);
    updateIsolation();
}

// A Windows DLL runs only in eapscope-host.exe: the in-process choice does not apply to it.
void SessionSetupDialog::updateIsolation()
{
    bool windows = false;
    for (const QComboBox* combo : {authenticator_, peer_}) {
        const QString spec = specOf(combo);
        if (spec.isEmpty()) {
            continue;
        }
        const auto path = resolveMethodSpec(spec.toStdString());
        windows = windows || (path && detectLibraryFormat(*path).kind == LibraryFormat::Kind::WindowsX64);
    }
    if (windows) {
        isolated_->setChecked(true);
    }
    isolated_->setEnabled(!windows);
    isolated_->setToolTip(windows ? tr("A Windows DLL always runs in the isolated Windows host (under Wine).")
                                  : QString());
}

SessionSetup SessionSetupDialog::setup() const
{
    SessionSetup s = base_;
    s.authenticatorMethod = specOf(authenticator_);
    s.peerMethod = specOf(peer_);
    s.counterpart = static_cast<SessionSetup::Counterpart>(counterpart_->currentData().toInt());
    s.radiusServer = radiusServer_->text().trimmed();
    s.listen = listen_->text().trimmed();
    s.secret = secret_->text();
    s.identity = identity_->text();
    s.password = password_->text();
    s.users.clear();
    for (int r = 0; r < users_->rowCount(); ++r) {
        const QTableWidgetItem* user = users_->item(r, 0);
        const QTableWidgetItem* password = users_->item(r, 1);
        if (user != nullptr && !user->text().isEmpty()) {
            s.users.append({user->text(), password != nullptr ? password->text() : QString()});
        }
    }
    s.contexts = contexts_->value();
    s.interleave = interleave_->isChecked();
    s.isolated = isolated_->isChecked();
    return s;
}

}  // namespace eapscope::ui
