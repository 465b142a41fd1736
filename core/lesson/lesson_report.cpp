#include "lesson/lesson_report.h"

#include "checker/rule_catalogue.h"
#include "lesson/lesson_setup.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace eapscope {

namespace {

std::string seconds(std::uint64_t ns)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(ns) / 1e9);
    return text;
}

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (char c : value) {
        quoted += c == '"' ? "\"\"" : std::string(1, c);
    }
    return quoted + "\"";
}

// Why a task is not done, for the learner and the trainer.
std::string notDoneReason(const LessonTask& task, const TaskState& state)
{
    if (task.condition.kind == ConditionKind::Answer) {
        return state.wrongAnswers > 0 ? std::to_string(state.wrongAnswers) + " wrong answer(s), none right"
                                      : "no answer given";
    }
    if (task.condition.selected) {
        return "the right " + std::string(toString(task.condition.kind)) + " was never selected";
    }
    if (task.condition.kind == ConditionKind::Breakpoint) {
        return "no " + task.condition.breakpointKind + " breakpoint was hit where the task asks";
    }
    return "the session never reached the task's " + std::string(toString(task.condition.kind));
}

// --- YAML text for drafts -----------------------------------------------------------------

std::string yamlQuoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

std::string localized(const std::string& en, const std::string& fr)
{
    return "{en: " + yamlQuoted(en) + ", fr: " + yamlQuoted(fr) + "}";
}

std::string sideFr(Side side)
{
    return side == Side::Authenticator ? "l'authentificateur" : "le pair";
}

std::string lowerAsciiId(std::string_view text)
{
    std::string out;
    for (char c : text) {
        out += c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

struct DraftTask {
    std::string id, textEn, textFr, hintEn, hintFr, explainEn, explainFr, condition;
};

std::vector<DraftTask> findingTasks(const Trace& trace)
{
    std::vector<DraftTask> tasks;
    std::set<std::string> seen;
    for (const FindingRecord& f : trace.findings()) {
        const std::uint32_t number = f.context.valid() && f.context.value() < trace.contexts().size()
                                         ? trace.context(f.context).number
                                         : 0;
        std::string id = "finding-" + lowerAsciiId(f.rule) + (number ? "-" + std::to_string(number) : "");
        if (!seen.insert(id).second) {
            continue;
        }
        const std::string side(toString(f.side));
        const std::string call(entryPointName(f.entry));
        std::string cond = "{rule: " + f.rule;
        cond += f.side != Side::None ? ", side: " + side : "";
        cond += number ? ", context: " + std::to_string(number) : "";
        cond += !call.empty() ? ", call: " + call : "";
        cond += "}";
        const std::string where = (f.side != Side::None ? " on the " + side + " side" : "") +
                                  (number ? ", context " + std::to_string(number) : "") +
                                  (!call.empty() ? ", in " + call : "");
        const std::string whereFr = (f.side != Side::None ? " du côté de " + sideFr(f.side) : "") +
                                    (number ? ", contexte " + std::to_string(number) : "") +
                                    (!call.empty() ? ", dans " + call : "");
        tasks.push_back(
            {id, "Find the " + f.rule + " finding" + where + ".",
             "Trouvez le constat " + f.rule + whereFr + ".", "Run the session and look at the findings list.",
             "Exécutez la session et regardez la liste des constats.", std::string(ruleInfo(f.rule).text),
             "Constat " + f.rule + " : " + std::string(ruleInfo(f.rule).text), "finding: " + cond});
    }
    return tasks;
}

std::vector<DraftTask> outcomeTasks(const Trace& trace)
{
    std::vector<DraftTask> tasks;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::State || !trace.contextsColumn()[i].valid()) {
            continue;
        }
        const auto state = static_cast<ContextState>(trace.auxes()[i]);
        if (state != ContextState::Done && state != ContextState::Failed) {
            continue;
        }
        const ContextInfo& ctx = trace.context(trace.contextsColumn()[i]);
        const std::string outcome = state == ContextState::Failed ? "error"
                                    : trace.results()[i] == 0     ? "success"
                                                                  : "failure";
        const std::string side(toString(ctx.side));
        const std::string n = std::to_string(ctx.number);
        const std::string outcomeFr = outcome == "success"   ? "un succès"
                                      : outcome == "failure" ? "un échec"
                                                             : "une erreur";
        tasks.push_back({"outcome-" + side + "-" + n,
                         "Step until the " + side + " of context " + n + " decides: " + outcome + ".",
                         "Avancez jusqu'à ce que " + sideFr(ctx.side) + " du contexte " + n +
                             " décide : " + outcomeFr + ".",
                         "Press F10 until the context's lane shows its outcome.",
                         "Appuyez sur F10 jusqu'à ce que la ligne du contexte montre son issue.",
                         "The engine decided the outcome of this context here.",
                         "Le moteur a décidé ici de l'issue de ce contexte.",
                         "outcome: {side: " + side + ", context: " + n + ", is: " + outcome + "}"});
    }
    return tasks;
}

// Captures have no engine states: the conversation's last Success or Failure is the milestone.
std::vector<DraftTask> packetMilestones(const Trace& trace)
{
    std::map<std::uint32_t, std::pair<std::uint32_t, std::uint8_t>> last;  // context -> (number, code)
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace.kinds()[i] != EventKind::Packet || !trace.contextsColumn()[i].valid()) {
            continue;
        }
        const auto bytes = trace.packet(trace.packets()[i]);
        if (!bytes.empty() && (bytes[0] == 3 || bytes[0] == 4)) {
            last[trace.contextsColumn()[i].value()] = {trace.context(trace.contextsColumn()[i]).number,
                                                       bytes[0]};
        }
    }
    std::vector<DraftTask> tasks;
    for (const auto& [context, value] : last) {
        const std::string n = std::to_string(value.first);
        const bool success = value.second == 3;
        tasks.push_back({"outcome-" + n, std::string("Select the packet that ends conversation ") + n + ".",
                         "Sélectionnez le paquet qui termine la conversation " + n + ".",
                         "Look for the last packet of the conversation in the event table.",
                         "Cherchez le dernier paquet de la conversation dans la table des événements.",
                         success ? "The server accepted the peer: EAP-Success."
                                 : "The server refused the peer: EAP-Failure.",
                         success ? "Le serveur a accepté le pair : EAP-Success."
                                 : "Le serveur a refusé le pair : EAP-Failure.",
                         std::string("packet: {code: ") + (success ? "Success" : "Failure") +
                             ", context: " + n + ", selected: true}"});
    }
    return tasks;
}

}  // namespace

LessonGrade gradeSession(const Lesson& lesson, const Trace& trace, const std::string& sessionPath)
{
    LessonGrade grade;
    grade.sessionPath = sessionPath;
    const RecordedLesson recorded = recordedLesson(trace);
    grade.learner = recorded.learner;
    grade.seed = recorded.seed;
    if (grade.learner.empty()) {
        grade.learner = std::filesystem::path(sessionPath).stem().string();
    }
    grade.progress = evaluateLesson(lesson, trace);
    for (std::size_t i = 0; i < grade.progress.tasks.size(); ++i) {
        if (!grade.progress.tasks[i].done) {
            grade.firstUnfinished = grade.progress.tasks[i].id;
            grade.reason = !grade.progress.mismatch.empty()
                               ? grade.progress.mismatch
                               : notDoneReason(lesson.tasks[i], grade.progress.tasks[i]);
            break;
        }
    }
    return grade;
}

nlohmann::json gradeJson(const Lesson& lesson, const LessonGrade& grade)
{
    nlohmann::json tasks = nlohmann::json::array();
    for (const TaskState& t : grade.progress.tasks) {
        nlohmann::json task{{"id", t.id},
                            {"done", t.done},
                            {"hints", t.hints},
                            {"wrong_answers", t.wrongAnswers},
                            {"time_s", static_cast<double>(t.timeNs) / 1e9}};
        task["started_event"] =
            t.started.valid() ? nlohmann::json(t.started.value()) : nlohmann::json(nullptr);
        task["completed_event"] =
            t.completed.valid() ? nlohmann::json(t.completed.value()) : nlohmann::json(nullptr);
        tasks.push_back(std::move(task));
    }
    return {{"lesson", lesson.id},
            {"session", grade.sessionPath},
            {"learner", grade.learner},
            {"seed", grade.seed ? nlohmann::json(*grade.seed) : nlohmann::json(nullptr)},
            {"complete", grade.progress.complete()},
            {"first_unfinished",
             grade.firstUnfinished.empty() ? nlohmann::json(nullptr) : nlohmann::json(grade.firstUnfinished)},
            {"reason", grade.reason},
            {"tasks", std::move(tasks)}};
}

std::string gradeText(const Lesson& lesson, const LessonGrade& grade, Language language)
{
    std::ostringstream out;
    out << lesson.title.in(language) << " — " << grade.learner << " (" << grade.sessionPath << ")\n";
    for (std::size_t i = 0; i < grade.progress.tasks.size(); ++i) {
        const TaskState& t = grade.progress.tasks[i];
        out << (t.done ? "  [x] " : "  [ ] ") << t.id << ": " << lesson.tasks[i].text.in(language);
        out << "  (hints " << t.hints << ", " << seconds(t.timeNs) << " s";
        if (t.completed.valid()) {
            out << ", event #" << t.completed.value();
        }
        out << ")\n";
    }
    if (grade.progress.complete()) {
        out << "complete: every task is done\n";
    } else {
        out << "not complete: first unfinished task '" << grade.firstUnfinished << "': " << grade.reason
            << "\n";
    }
    return out.str();
}

std::string gradeCsvHeader()
{
    return "learner,task,done,hints,time_s\n";
}

std::string gradeCsvRows(const LessonGrade& grade)
{
    std::string rows;
    for (const TaskState& t : grade.progress.tasks) {
        rows += csvField(grade.learner) + "," + csvField(t.id) + "," + (t.done ? "1" : "0") + "," +
                std::to_string(t.hints) + "," + seconds(t.timeNs) + "\n";
    }
    return rows;
}

std::vector<LearnerValues> learnerValues(const Lesson& lesson, const std::vector<std::string>& learners)
{
    std::vector<LearnerValues> out;
    for (const std::string& learner : learners) {
        out.push_back({learner, resolveValues(lesson, seedForLearner(learner))});
    }
    return out;
}

namespace {

// The values `lesson` varies, by their names in the lesson file's `vary:` block.
std::vector<std::string> varyingNames(const Lesson& lesson)
{
    const LessonScenario& s = lesson.scenario;
    std::vector<std::string> names;
    if (s.varyIdentity.varies()) {
        names.emplace_back("identity");
    }
    if (s.varyPassword.varies()) {
        names.emplace_back("password");
    }
    if (s.varyContexts.varies()) {
        names.emplace_back("contexts");
    }
    if (s.varyDropPacket.varies()) {
        names.emplace_back("drop-packet");
    }
    return names;
}

std::string valueText(const LessonValues& v, const std::string& name)
{
    if (name == "identity") {
        return v.identity;
    }
    if (name == "password") {
        return v.password;
    }
    if (name == "contexts") {
        return std::to_string(v.contexts);
    }
    return v.dropPacket ? std::to_string(*v.dropPacket) : std::string("none");
}

}  // namespace

nlohmann::json learnerValuesJson(const Lesson& lesson, const std::vector<LearnerValues>& values)
{
    nlohmann::json out = nlohmann::json::array();
    for (const LearnerValues& l : values) {
        const LessonValues& v = l.values;
        out.push_back(
            {{"learner", l.learner},
             {"seed", v.seed},
             {"identity", v.identity},
             {"password", v.password},
             {"contexts", v.contexts},
             {"drop_packet", v.dropPacket ? nlohmann::json(*v.dropPacket) : nlohmann::json(nullptr)},
             {"varies", varyingNames(lesson)}});
    }
    return out;
}

std::string learnerValuesText(const Lesson& lesson, const std::vector<LearnerValues>& values)
{
    const std::vector<std::string> names = varyingNames(lesson);
    std::ostringstream out;
    for (const LearnerValues& l : values) {
        out << (l.learner.empty() ? std::string("(no name)") : l.learner) << " (seed " << l.values.seed
            << "):";
        if (names.empty()) {
            out << " the lesson varies nothing; every learner has the same values";
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            out << (i == 0 ? " " : ", ") << names[i] << " " << valueText(l.values, names[i]);
        }
        out << "\n";
    }
    return out.str();
}

nlohmann::json lessonListJson(const std::vector<LessonEntry>& entries, Language language)
{
    nlohmann::json list = nlohmann::json::array();
    for (const LessonEntry& e : entries) {
        nlohmann::json item{{"id", e.id}, {"path", e.path}};
        if (e.lesson) {
            item["title"] = e.lesson->title.in(language);
            item["summary"] = e.lesson->summary.in(language);
            item["tasks"] = e.lesson->tasks.size();
        } else {
            item["error"] = e.error;
        }
        list.push_back(std::move(item));
    }
    return list;
}

std::string lessonListText(const std::vector<LessonEntry>& entries, Language language)
{
    std::ostringstream out;
    for (const LessonEntry& e : entries) {
        if (e.lesson) {
            out << e.id << "  " << e.lesson->title.in(language) << "  (" << e.lesson->tasks.size()
                << (language == Language::Fr ? " tâches)\n" : " tasks)\n");
        } else {
            out << e.id << "  ERROR: " << e.error << "\n";
        }
    }
    return out.str();
}

Result<std::string> draftLesson(const Trace& trace, const std::string& id)
{
    const auto auth = trace.option("auth");
    const auto peer = trace.option("peer");
    const auto capturePath = trace.option("capture.path");
    if ((!auth || !peer) && !capturePath) {
        return makeError(
            "the session names no methods (options auth and peer) and no capture: nothing to draft from");
    }
    std::ostringstream y;
    y << "# Draft made by `eapscope-cli lesson draft`: rewrite the texts, keep the conditions that matter.\n";
    y << "format: 1\nid: " << id << "\n";
    y << "title: " << localized("Draft: " + id, "Brouillon : " + id) << "\n";
    y << "summary: " << localized("What the learner will see and do.", "Ce que l'apprenant verra et fera.")
      << "\n";
    y << "scenario:\n";
    if (auth && peer) {
        y << "  counterpart: loopback\n  authenticator: " << *auth << "\n  peer: " << *peer << "\n";
        y << "  identity: " << yamlQuoted(trace.option("identity").value_or("alice")) << "\n";
        y << "  contexts: " << trace.option("contexts").value_or("1") << "\n";
        y << "  interleave: " << trace.option("interleave").value_or("false") << "\n";
        if (const auto drop = trace.option("drop-packet")) {
            y << "  drop-packet: " << *drop << "\n";
        }
        if (const auto watchdog = trace.option("watchdog-ms")) {
            y << "  watchdog-ms: " << *watchdog << "\n";
        }
    } else {
        y << "  counterpart: capture\n  capture: " << std::filesystem::path(*capturePath).filename().string()
          << "\n";
    }
    std::vector<DraftTask> tasks = auth && peer ? outcomeTasks(trace) : packetMilestones(trace);
    for (DraftTask& t : findingTasks(trace)) {
        tasks.push_back(std::move(t));
    }
    if (tasks.empty()) {
        return makeError("the session has no finding and no decided outcome: nothing to make tasks of");
    }
    y << "tasks:\n";
    for (const DraftTask& t : tasks) {
        y << "  - id: " << t.id << "\n";
        y << "    text: " << localized(t.textEn, t.textFr) << "\n";
        y << "    hint: " << localized(t.hintEn, t.hintFr) << "\n";
        y << "    explanation: " << localized(t.explainEn, t.explainFr) << "\n";
        if (t.condition.find("selected: true") != std::string::npos) {
            y << "    feedback: "
              << localized("Not this one: look at the packet's Code.",
                           "Pas celui-ci : regardez le Code du paquet.")
              << "\n";
        }
        y << "    done-when:\n      " << t.condition << "\n";
    }
    if (auth && peer) {
        y << "solution:\n  - run\n";
    } else {
        y << "solution:\n";
        for (const DraftTask& t : tasks) {
            const auto code = t.condition.find("Success") != std::string::npos ? "Success" : "Failure";
            const auto context = t.id.substr(std::string("outcome-").size());
            y << "  - select: {packet: {code: " << code << ", context: " << context << "}}\n";
        }
    }
    return y.str();
}

}  // namespace eapscope
