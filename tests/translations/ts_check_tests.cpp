// The checker the translations test relies on: it must catch each way a .ts can be incomplete.
#include "ts_check.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using eapscope::tools::checkTranslationFile;
using eapscope::tools::placeholdersOf;

namespace {

class TsCheck : public ::testing::Test {
protected:
    QString write(const char* language, const QString& messages)
    {
        const QString path = dir_.filePath(QStringLiteral("t_%1.ts").arg(++count_));
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
                                  "<TS version=\"2.1\" language=\"%1\" sourcelanguage=\"en\">\n"
                                  "<context><name>Ctx</name>\n%2</context>\n</TS>\n")
                       .arg(QString::fromLatin1(language), messages)
                       .toUtf8());
        return path;
    }
    QTemporaryDir dir_;
    int count_ = 0;
};

QString message(const char* source, const char* translation)
{
    return QStringLiteral("<message><source>%1</source>%2</message>\n")
        .arg(QString::fromUtf8(source), QString::fromUtf8(translation));
}

}  // namespace

TEST(TsPlaceholders, FindsNumberedLocalisedAndPluralOnes)
{
    EXPECT_EQ(placeholdersOf(QStringLiteral("%2 of %1, %n, %L3")),
              (QStringList{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%3"),
                           QStringLiteral("%n")}));
    EXPECT_TRUE(placeholdersOf(QStringLiteral("100 % sure")).isEmpty());
}

TEST_F(TsCheck, ACompleteFileHasNoProblem)
{
    const QString path =
        write("fr", message("Open %1", "<translation>Ouvrir %1</translation>") +
                        QStringLiteral("<message numerus=\"yes\"><source>%n block(s)</source>"
                                       "<translation><numerusform>%n bloc</numerusform>"
                                       "<numerusform>%n blocs</numerusform></translation>"
                                       "</message>\n"));
    EXPECT_TRUE(checkTranslationFile(path).isEmpty())
        << checkTranslationFile(path).join(QLatin1Char('\n')).toStdString();
}

TEST_F(TsCheck, AnUnfinishedTranslationIsAProblem)
{
    const QStringList problems =
        checkTranslationFile(write("fr", message("Open", "<translation type=\"unfinished\"></translation>")));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].contains(QStringLiteral("Ctx «Open»: translation unfinished")))
        << problems[0].toStdString();
}

TEST_F(TsCheck, AMissingOrEmptyTranslationIsAProblem)
{
    EXPECT_EQ(checkTranslationFile(write("fr", message("Open", ""))).size(), 1);
    EXPECT_EQ(checkTranslationFile(write("fr", message("Open", "<translation></translation>"))).size(), 1);
}

TEST_F(TsCheck, ALeftOverMessageIsAProblem)
{
    EXPECT_EQ(checkTranslationFile(
                  write("fr", message("Gone", "<translation type=\"vanished\">Parti</translation>")))
                  .size(),
              1);
}

TEST_F(TsCheck, APlaceholderThatDoesNotMatchItsSourceIsAProblem)
{
    const QStringList lost =
        checkTranslationFile(write("fr", message("%1 of %2", "<translation>%1 sur</translation>")));
    ASSERT_EQ(lost.size(), 1);
    EXPECT_TRUE(lost[0].contains(QStringLiteral("[%1], the source [%1 %2]"))) << lost[0].toStdString();
    EXPECT_EQ(checkTranslationFile(write("fr", message("%1", "<translation>%2</translation>"))).size(), 1);
    // The order may change with the language; the set of placeholders may not.
    EXPECT_TRUE(checkTranslationFile(write("fr", message("%1 of %2", "<translation>%2 : %1</translation>")))
                    .isEmpty());
}

TEST_F(TsCheck, APluralMessageNeedsEveryFormWithItsCount)
{
    const QString oneForm = QStringLiteral(
        "<message numerus=\"yes\"><source>%n block(s)</source><translation>"
        "<numerusform>%n bloc</numerusform></translation></message>\n");
    EXPECT_EQ(checkTranslationFile(write("fr", oneForm)).size(), 1);
    const QString lostN = QStringLiteral(
        "<message numerus=\"yes\"><source>%n block(s)</source><translation>"
        "<numerusform>un bloc</numerusform><numerusform>%n blocs</numerusform></translation></message>\n");
    EXPECT_EQ(checkTranslationFile(write("en", lostN)).size(), 1);
}

TEST_F(TsCheck, AnUnreadableFileIsOneProblemNamingIt)
{
    const QStringList missing = checkTranslationFile(dir_.filePath(QStringLiteral("absent.ts")));
    ASSERT_EQ(missing.size(), 1);
    EXPECT_TRUE(missing[0].contains(QStringLiteral("absent.ts: cannot be read")));
    QFile broken(dir_.filePath(QStringLiteral("broken.ts")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("<TS language=\"fr\"><context>");
    broken.close();
    const QStringList problems = checkTranslationFile(broken.fileName());
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].contains(QStringLiteral("not a .ts file"))) << problems[0].toStdString();
}
