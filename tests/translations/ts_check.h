// Checks a Qt Linguist .ts file the way a release needs it: every message translated (none
// missing, unfinished, empty or left over), every plural message with all the forms of its
// language, and the same placeholders (%1…%99, %n) in every translation as in the source.
#pragma once

#include <QString>
#include <QStringList>

namespace eapscope::tools {

/// One line per problem ("context «source»: what is wrong"); empty when the file is complete.
/// A file that cannot be read or parsed is one problem naming the file.
[[nodiscard]] QStringList checkTranslationFile(const QString& path);

/// The placeholders of `text`, sorted: "%1", "%2", "%n" (%L1 counts as %1).
[[nodiscard]] QStringList placeholdersOf(const QString& text);

/// How many plural forms Qt uses for `language` ("fr", "en_GB"): 2 for English and French.
[[nodiscard]] int pluralFormCount(const QString& language);

}  // namespace eapscope::tools
