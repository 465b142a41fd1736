#include "window/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace eapscope::ui {

bool desktopPrefersDark()
{
    // GTK/KDE platform themes hand us their palette; a dark one has light text on dark windows.
    const QPalette platform = QGuiApplication::palette();
    return platform.color(QPalette::WindowText).lightness() > platform.color(QPalette::Window).lightness();
}

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(225, 225, 225);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 80, 80));
    p.setColor(QPalette::Link, QColor(90, 160, 255));
    p.setColor(QPalette::Highlight, QColor(38, 110, 200));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    return p;
}

}  // namespace

bool applyTheme(QApplication& app, ThemeChoice choice)
{
    const bool dark = choice == ThemeChoice::Dark || (choice == ThemeChoice::FollowDesktop && desktopPrefersDark());
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(dark ? darkPalette() : app.style()->standardPalette());
    return dark;
}

ThemeChoice themeFromString(const QString& text)
{
    if (text == QLatin1String("dark")) {
        return ThemeChoice::Dark;
    }
    if (text == QLatin1String("light")) {
        return ThemeChoice::Light;
    }
    return ThemeChoice::FollowDesktop;
}

}  // namespace eapscope::ui
