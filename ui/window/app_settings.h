// What the window remembers between runs (issue 5 "Sessions"): layout, recent files, last
// methods and session setup. A thin typed layer over QSettings.
#pragma once

#include <QByteArray>
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

private:
    mutable QSettings settings_;
};

}  // namespace eapscope::ui
