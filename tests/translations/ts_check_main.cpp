// eapscope_ts_check FILE.ts...: prints every problem of the translation files and exits 1 when
// there is one (tests/translations/CMakeLists.txt runs it on freshly refreshed copies).
#include "ts_check.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList files = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    if (files.isEmpty()) {
        err << "usage: eapscope_ts_check FILE.ts...\n";
        return 2;
    }
    int problems = 0;
    for (const QString& file : files) {
        for (const QString& problem : eapscope::tools::checkTranslationFile(file)) {
            err << problem << '\n';
            ++problems;
        }
    }
    if (problems > 0) {
        err << problems << " translation problem(s). Refresh the .ts files with\n"
            << "    cmake --build build/dev --target eapscope_lupdate\n"
            << "and translate every message listed above in resources/translations/.\n";
        return 1;
    }
    return 0;
}
