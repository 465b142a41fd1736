// What the window remembers between runs (issue 5 "Sessions"): layout, recent files, last
// methods and session setup. A thin typed layer over QSettings.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace eapscope::ui {

class AppSettings {
public:
    AppSettings();

    [[nodiscard]] QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    static constexpr int kMaxRecentFiles = 10;

    [[nodiscard]] QString lastMethod(const QString& side) const;
    void setLastMethod(const QString& side, const QString& spec);

    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

    [[nodiscard]] QString theme() const;

    /// The interface language ("en", "fr"), or empty to follow the system locale.
    [[nodiscard]] QString language() const;
    void setLanguage(const QString& code);

    /// The timeline's axis: true = steps (the default: every call the same width), false = time.
    [[nodiscard]] bool stepAxis() const;
    void setStepAxis(bool steps);

    /// A learner's progress in one lesson (per user, so they can stop and resume): the ids of
    /// the tasks done and the hints used per task id.
    struct LessonProgress {
        QStringList done;
        QMap<QString, int> hints;
    };
    [[nodiscard]] LessonProgress lessonProgress(const QString& lessonId) const;
    void setLessonProgress(const QString& lessonId, const LessonProgress& progress);
    void resetLessonProgress(const QString& lessonId);
    /// The learner's name (the seed of the values that vary per learner); empty until given.
    [[nodiscard]] QString learnerName() const;
    void setLearnerName(const QString& name);

private:
    mutable QSettings settings_;
};

}  // namespace eapscope::ui
