#include "window/language.h"

#include "window/app_settings.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QTranslator>

#include <algorithm>

namespace eapscope::ui {

namespace {

constexpr const char* kTranslatorName = "eapscopeTranslator";

}  // namespace

QList<InterfaceLanguage> interfaceLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QString resolveInterfaceLanguage(const QString& code)
{
    const QList<InterfaceLanguage> shipped = interfaceLanguages();
    auto isShipped = [&shipped](const QString& c) {
        return std::any_of(shipped.begin(), shipped.end(),
                           [&c](const InterfaceLanguage& l) { return l.code == c; });
    };
    if (!code.isEmpty()) {
        return isShipped(code) ? code : QStringLiteral("en");
    }
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString language = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (isShipped(language)) {
            return language;
        }
    }
    return QStringLiteral("en");
}

QString installTranslations(QCoreApplication& app, const QString& code)
{
    for (QTranslator* old : app.findChildren<QTranslator*>(QString::fromLatin1(kTranslatorName))) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QString language = resolveInterfaceLanguage(code);
    const QLocale locale(language);
    auto install = [&app](const QString& file, const QString& dir) {
        auto* translator = new QTranslator(&app);
        translator->setObjectName(QString::fromLatin1(kTranslatorName));
        if (translator->load(file, dir)) {
            QCoreApplication::installTranslator(translator);
        } else {
            delete translator;
        }
    };
    // Qt's own texts first, so EapScope's (installed last, searched first) win any clash.
    if (language != QStringLiteral("en")) {
        install(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    }
    install(QStringLiteral("eapscope_") + language, QStringLiteral(":/i18n"));
    QLocale::setDefault(locale);
    return language;
}

LanguageMenu::LanguageMenu(AppSettings& settings, QWidget* parent) : QMenu(parent), settings_(settings)
{
    setObjectName(QStringLiteral("languageMenu"));
    setTitle(tr("&Language"));
    auto* group = new QActionGroup(this);
    const QString current = settings_.language();
    auto add = [this, group, &current](const QString& code, const QString& text) {
        QAction* action = addAction(text);
        action->setObjectName(QStringLiteral("actionLanguage_") +
                              (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    };
    add(QString(), tr("System language"));
    addSeparator();
    for (const InterfaceLanguage& language : interfaceLanguages()) {
        add(language.code, language.nativeName);
    }
}

void LanguageMenu::choose(const QString& code)
{
    if (code == settings_.language()) {
        return;
    }
    settings_.setLanguage(code);
    auto* notice = new QMessageBox(QMessageBox::Information, tr("Language"),
                                   tr("EapScope shows the chosen language from its next start."),
                                   QMessageBox::Ok, parentWidget());
    notice->setObjectName(QStringLiteral("languageNotice"));
    notice->setAttribute(Qt::WA_DeleteOnClose);
    notice->open();
}

}  // namespace eapscope::ui
