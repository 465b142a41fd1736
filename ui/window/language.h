// The interface language (issue 14 "French"): the compiled translations are embedded under
// :/i18n; the language follows the system locale unless View → Language chose one, which
// AppSettings remembers. Qt's own strings (standard buttons, file dialogs) follow too.
#pragma once

#include <QList>
#include <QLocale>
#include <QMenu>
#include <QString>

class QCoreApplication;

namespace eapscope::ui {

class AppSettings;

struct InterfaceLanguage {
    QString code;        ///< "en", "fr"
    QString nativeName;  ///< the language's name in itself ("Français"), never translated
};

/// The languages EapScope ships a translation for, English first.
[[nodiscard]] QList<InterfaceLanguage> interfaceLanguages();

/// The shipped language `code` resolves to: itself when shipped; for "" (follow the system)
/// the first of the system's UI languages that is shipped, else English.
[[nodiscard]] QString resolveInterfaceLanguage(const QString& code);

/// Installs EapScope's and Qt's translators for `code` ("" = the system locale) on `app`,
/// replacing the ones a previous call installed; returns the language installed.
QString installTranslations(QCoreApplication& app, const QString& code);

/// View → Language: "System language" and every shipped language by its own name. Choosing
/// one stores it in the settings; the window shows it from the next start.
class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    LanguageMenu(AppSettings& settings, QWidget* parent = nullptr);

private:
    void choose(const QString& code);
    AppSettings& settings_;
};

}  // namespace eapscope::ui
