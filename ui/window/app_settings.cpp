#include "window/app_settings.h"

namespace eapscope::ui {

AppSettings::AppSettings() : settings_(QStringLiteral("EapScope"), QStringLiteral("eapscope")) {}

QStringList AppSettings::recentFiles() const
{
    return settings_.value(QStringLiteral("recentFiles")).toStringList();
}

void AppSettings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    settings_.setValue(QStringLiteral("recentFiles"), files);
}

void AppSettings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    settings_.setValue(QStringLiteral("recentFiles"), files);
}

QString AppSettings::lastMethod(const QString& side) const
{
    return settings_.value(QStringLiteral("lastMethod/") + side).toString();
}

void AppSettings::setLastMethod(const QString& side, const QString& spec)
{
    settings_.setValue(QStringLiteral("lastMethod/") + side, spec);
}

QByteArray AppSettings::windowGeometry() const
{
    return settings_.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return settings_.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    settings_.setValue(QStringLiteral("window/geometry"), geometry);
    settings_.setValue(QStringLiteral("window/state"), state);
}

QString AppSettings::theme() const
{
    return settings_.value(QStringLiteral("theme"), QStringLiteral("auto")).toString();
}

QString AppSettings::language() const
{
    return settings_.value(QStringLiteral("language")).toString();
}

void AppSettings::setLanguage(const QString& code)
{
    settings_.setValue(QStringLiteral("language"), code);
}

}  // namespace eapscope::ui
