#include "text/core_text.h"

#include "checker/rule_catalogue.h"
#include "eap/eap_anomaly_catalogue.h"

#include <QCoreApplication>

namespace eapscope::ui {

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString severityText(Severity severity)
{
    switch (severity) {
        case Severity::Info:
            return QCoreApplication::translate("eapscope", "info");
        case Severity::Warning:
            return QCoreApplication::translate("eapscope", "warning");
        case Severity::Error:
            break;
    }
    return QCoreApplication::translate("eapscope", "error");
}

QString ruleText(std::string_view rule)
{
    const std::string text(ruleInfo(rule).text);
    return QCoreApplication::translate("RuleCatalogue", text.c_str());
}

QString messageText(const MessageText& text)
{
    if (text.verbatim) {
        return fromStd(text.source);
    }
    const QString translated = QCoreApplication::translate(kMessageTextContext, text.source.c_str());
    std::vector<std::string> args;
    args.reserve(text.args.size());
    for (const MessageText& arg : text.args) {
        args.push_back(messageText(arg).toStdString());
    }
    return fromStd(fillPlaceholders(translated.toStdString(), args));
}

QString errorText(const Error& error)
{
    return messageText(error.sentence());
}

QString eventText(const Trace& trace, StringId text)
{
    if (const MessageText* sentence = trace.sentence(text)) {
        return messageText(*sentence);
    }
    return fromStd(trace.string(text));
}

QString findingMessageText(const FindingRecord& finding)
{
    if (!finding.text.empty()) {
        return messageText(finding.text);
    }
    if (finding.message.empty() || finding.message == ruleInfo(finding.rule).text) {
        return ruleText(finding.rule);
    }
    return fromStd(finding.message);
}

QString anomalyText(std::string_view id, std::string_view message)
{
    const AnomalyInfo* info = anomalyInfo(id);
    if (info == nullptr || message != info->text) {
        return fromStd(message);
    }
    const std::string text(info->text);
    return QCoreApplication::translate("EapAnomalyCatalogue", text.c_str());
}

}  // namespace eapscope::ui
