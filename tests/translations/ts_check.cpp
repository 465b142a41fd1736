#include "ts_check.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace eapscope::tools {

namespace {

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    bool hasTranslation = false;
    QString type;  // "", "unfinished", "vanished", "obsolete"
    QString text;
    QStringList forms;
};

QString where(const Message& m)
{
    QString source = m.source;
    source.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return m.context + QStringLiteral(" «") + source + QStringLiteral("»");
}

void checkPlaceholders(const Message& m, const QString& translation, const QString& what,
                       QStringList& problems)
{
    const QStringList expected = placeholdersOf(m.source);
    const QStringList found = placeholdersOf(translation);
    if (expected != found) {
        problems << where(m) + QStringLiteral(": ") + what + QStringLiteral(" has placeholders [") +
                        found.join(QLatin1Char(' ')) + QStringLiteral("], the source [") +
                        expected.join(QLatin1Char(' ')) + QStringLiteral("]");
    }
}

void checkMessage(const Message& m, int forms, QStringList& problems)
{
    if (!m.hasTranslation) {
        problems << where(m) + QStringLiteral(": no translation");
        return;
    }
    if (m.type == QStringLiteral("unfinished")) {
        problems << where(m) + QStringLiteral(": translation unfinished");
        return;
    }
    if (m.type == QStringLiteral("vanished") || m.type == QStringLiteral("obsolete")) {
        problems << where(m) + QStringLiteral(": left over (") + m.type +
                        QStringLiteral("); the refreshed file drops it");
        return;
    }
    if (!m.numerus) {
        if (m.text.isEmpty()) {
            problems << where(m) + QStringLiteral(": empty translation");
            return;
        }
        checkPlaceholders(m, m.text, QStringLiteral("the translation"), problems);
        return;
    }
    if (m.forms.size() != forms) {
        problems
            << where(m) +
                   QStringLiteral(": %1 plural forms, the language has %2").arg(m.forms.size()).arg(forms);
    }
    for (qsizetype i = 0; i < m.forms.size(); ++i) {
        const QString what = QStringLiteral("plural form %1").arg(i + 1);
        if (m.forms[i].isEmpty()) {
            problems << where(m) + QStringLiteral(": ") + what + QStringLiteral(" is empty");
        } else {
            checkPlaceholders(m, m.forms[i], what, problems);
        }
    }
}

}  // namespace

QStringList placeholdersOf(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?([1-9][0-9]?|n)"));
    QStringList found;
    for (const QRegularExpressionMatch& match : pattern.globalMatch(text)) {
        found << QStringLiteral("%") + match.captured(1);
    }
    found.sort();
    return found;
}

int pluralFormCount(const QString& language)
{
    // Qt's plural rules (qtranslator's numerus table) for the languages EapScope may ship.
    const QString code = language.section(QLatin1Char('_'), 0, 0);
    static const QStringList one = {QStringLiteral("ja"), QStringLiteral("ko"), QStringLiteral("zh"),
                                    QStringLiteral("vi"), QStringLiteral("th")};
    static const QStringList three = {QStringLiteral("pl"), QStringLiteral("ru"), QStringLiteral("uk"),
                                      QStringLiteral("cs"), QStringLiteral("sk"), QStringLiteral("lt"),
                                      QStringLiteral("lv"), QStringLiteral("ro")};
    if (one.contains(code)) {
        return 1;
    }
    if (three.contains(code)) {
        return 3;
    }
    return 2;
}

QStringList checkTranslationFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {path + QStringLiteral(": cannot be read: ") + file.errorString()};
    }
    QXmlStreamReader xml(&file);
    QStringList problems;
    QString language;
    QString context;
    Message message;
    bool inMessage = false;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QStringLiteral("TS")) {
                language = xml.attributes().value(QStringLiteral("language")).toString();
            } else if (name == QStringLiteral("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QStringLiteral("message")) {
                message = Message{};
                message.context = context;
                message.numerus = xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
                inMessage = true;
            } else if (inMessage && name == QStringLiteral("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QStringLiteral("translation")) {
                message.hasTranslation = true;
                message.type = xml.attributes().value(QStringLiteral("type")).toString();
                if (!message.numerus) {
                    message.text = xml.readElementText();
                }
            } else if (inMessage && name == QStringLiteral("numerusform")) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QStringLiteral("message")) {
            inMessage = false;
            ++messages;
            checkMessage(message, pluralFormCount(language), problems);
        }
    }
    if (xml.hasError()) {
        return {path +
                QStringLiteral(":%1:%2: not a .ts file: ").arg(xml.lineNumber()).arg(xml.columnNumber()) +
                xml.errorString()};
    }
    if (language.isEmpty()) {
        problems.prepend(path + QStringLiteral(": the <TS> element names no language"));
    }
    for (QString& p : problems) {
        if (!p.startsWith(path)) {
            p.prepend(path + QStringLiteral(": "));
        }
    }
    Q_UNUSED(messages);
    return problems;
}

}  // namespace eapscope::tools
