// Light and dark palettes following the desktop (issue 5 "Sessions"). Qt 6.4 has no colour
// scheme hint, so the desktop's choice is read from the palette the platform gave us.
#pragma once

#include <QString>

class QApplication;

namespace eapscope::ui {

enum class ThemeChoice { FollowDesktop, Light, Dark };

/// True when the platform palette is dark (window text lighter than the window).
[[nodiscard]] bool desktopPrefersDark();

/// Applies the Fusion style with a light or dark palette; returns whether dark was chosen.
bool applyTheme(QApplication& app, ThemeChoice choice);

[[nodiscard]] ThemeChoice themeFromString(const QString& text);

}  // namespace eapscope::ui
