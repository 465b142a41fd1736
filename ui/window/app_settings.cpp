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

bool AppSettings::stepAxis() const
{
    return settings_.value(QStringLiteral("timeline/stepAxis"), true).toBool();
}

void AppSettings::setStepAxis(bool steps)
{
    settings_.setValue(QStringLiteral("timeline/stepAxis"), steps);
}

AppSettings::LessonProgress AppSettings::lessonProgress(const QString& lessonId) const
{
    const QString group = QStringLiteral("lessons/") + lessonId + QLatin1Char('/');
    LessonProgress progress;
    progress.done = settings_.value(group + QStringLiteral("done")).toStringList();
    const QVariantMap hints = settings_.value(group + QStringLiteral("hints")).toMap();
    for (auto it = hints.begin(); it != hints.end(); ++it) {
        progress.hints.insert(it.key(), it.value().toInt());
    }
    return progress;
}

void AppSettings::setLessonProgress(const QString& lessonId, const LessonProgress& progress)
{
    const QString group = QStringLiteral("lessons/") + lessonId + QLatin1Char('/');
    QVariantMap hints;
    for (auto it = progress.hints.begin(); it != progress.hints.end(); ++it) {
        hints.insert(it.key(), it.value());
    }
    settings_.setValue(group + QStringLiteral("done"), progress.done);
    settings_.setValue(group + QStringLiteral("hints"), hints);
}

void AppSettings::resetLessonProgress(const QString& lessonId)
{
    settings_.remove(QStringLiteral("lessons/") + lessonId);
}

QString AppSettings::learnerName() const
{
    return settings_.value(QStringLiteral("lessons/learner")).toString();
}

void AppSettings::setLearnerName(const QString& name)
{
    settings_.setValue(QStringLiteral("lessons/learner"), name);
}

}  // namespace eapscope::ui
