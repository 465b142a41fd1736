#include "lesson/lesson_parser.h"

#include "checker/rule_catalogue.h"
#include "lesson/breakpoint_spec.h"
#include "lesson/lesson_names.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

namespace eapscope {

namespace {

// Thrown inside the parser only, caught in parseLesson(): the first error ends the parse.
struct LessonError {
    MessageText text;
};

// A node with the path that led to it ("tasks[2].done-when.finding.rule"), so every error
// names FILE:LINE:COLUMN and the field.
class Field {
public:
    Field(const std::string* file, YAML::Node node, std::string path, YAML::Mark parentMark)
        : file_(file), node_(std::move(node)), path_(std::move(path)), mark_(parentMark)
    {
        if (node_.IsDefined() && !node_.IsNull() && node_.Mark().line >= 0) {
            mark_ = node_.Mark();
        }
    }

    [[noreturn]] void fail(MessageText what) const
    {
        throw LessonError{phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1:%2:%3: %4: %5"),
            {verbatim(*file_), verbatim(static_cast<std::uint64_t>(mark_.line + 1)),
             verbatim(static_cast<std::uint64_t>(mark_.column + 1)), verbatim(path_), std::move(what)})};
    }

    [[nodiscard]] bool present() const { return node_.IsDefined() && !node_.IsNull(); }
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] SourcePos pos() const { return {mark_.line + 1, mark_.column + 1}; }

    Field child(const std::string& key) const
    {
        return {file_, node_[key], path_.empty() ? key : path_ + "." + key, mark_};
    }

    // A mapping whose keys are all in `known`.
    const Field& expectMap(std::initializer_list<std::string_view> known) const
    {
        if (!node_.IsMap()) {
            fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "expected a mapping (key: value lines)")));
        }
        for (const auto& item : node_) {
            const std::string key = item.first.Scalar();
            bool ok = false;
            std::string list;
            for (std::string_view k : known) {
                ok = ok || key == k;
                list += (list.empty() ? "" : ", ") + std::string(k);
            }
            if (!ok) {
                Field(file_, item.first, path_.empty() ? key : path_ + "." + key, mark_)
                    .fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "unknown key '%1' (known: %2)"),
                                 {verbatim(key), verbatim(list)}));
            }
        }
        return *this;
    }

    std::vector<Field> items() const
    {
        if (!node_.IsSequence()) {
            fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "expected a list (lines starting with '-')")));
        }
        std::vector<Field> out;
        for (std::size_t i = 0; i < node_.size(); ++i) {
            out.emplace_back(file_, node_[i], path_ + "[" + std::to_string(i) + "]", mark_);
        }
        return out;
    }

    // The single key of a one-key mapping (a condition, a solution step).
    std::string onlyKey() const
    {
        if (!node_.IsMap() || node_.size() != 1) {
            fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "expected exactly one key")));
        }
        return node_.begin()->first.Scalar();
    }

    [[nodiscard]] bool isScalar() const { return node_.IsScalar(); }

    std::string text() const
    {
        if (!node_.IsScalar()) {
            fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "expected a text")));
        }
        return node_.Scalar();
    }

    std::string nonEmptyText() const
    {
        std::string t = text();
        if (trimmed(t).empty()) {
            fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "must not be empty")));
        }
        return t;
    }

    std::uint32_t number(std::uint32_t min, std::uint32_t max) const
    {
        const auto n = parseNumber(text());
        if (!n || *n < min || *n > max) {
            fail(phrase(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "expected a whole number from %1 to %2, not '%3'"),
                {verbatim(std::to_string(min)), verbatim(std::to_string(max)),
                 verbatim(std::string(text()))}));
        }
        return static_cast<std::uint32_t>(*n);
    }

    bool boolean() const
    {
        const std::string t = lowerAscii(text());
        if (t == "true" || t == "yes") {
            return true;
        }
        if (t == "false" || t == "no") {
            return false;
        }
        fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "expected true or false, not '%1'"),
                    {verbatim(std::string(text()))}));
    }

    template <typename T>
    T parsed(std::optional<T> (*parse)(std::string_view), const char* what) const
    {
        const auto v = parse(text());
        if (!v) {
            fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not %2"),
                        {verbatim(std::string(text())), phrase(what)}));
        }
        return *v;
    }

private:
    const std::string* file_;
    YAML::Node node_;
    std::string path_;
    YAML::Mark mark_;
};

bool validId(std::string_view id)
{
    if (id.empty() || id.size() > 64) {
        return false;
    }
    for (char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return false;
        }
    }
    return true;
}

LocalizedText localized(const Field& f, bool required = true)
{
    if (!f.present()) {
        if (required) {
            f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "missing (give it in English and French: {en: …, fr: …})")));
        }
        return {};
    }
    f.expectMap({"en", "fr"});
    LocalizedText t;
    for (const auto& [lang, slot] : {std::pair{"en", &t.en}, std::pair{"fr", &t.fr}}) {
        const Field text = f.child(lang);
        if (!text.present()) {
            f.fail(slot == &t.en
                       ? phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing the English text (%1)"),
                                {verbatim(std::string(lang))})
                       : phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing the French text (%1)"),
                                {verbatim(std::string(lang))}));
        }
        *slot = text.nonEmptyText();
    }
    return t;
}

std::string requiredId(const Field& f)
{
    if (!f.present()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing")));
    }
    std::string id = f.text();
    if (!validId(id)) {
        f.fail(phrase(
            EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "'%1' is not a valid id (lower-case letters, digits and '-', at most 64)"),
            {verbatim(id)}));
    }
    return id;
}

// --- scenario -----------------------------------------------------------------------------

std::vector<std::string> textList(const Field& f)
{
    std::vector<std::string> out;
    for (const Field& item : f.items()) {
        out.push_back(item.nonEmptyText());
    }
    if (out.empty()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the list of choices is empty")));
    }
    return out;
}

std::vector<std::uint32_t> numberList(const Field& f, std::uint32_t min, std::uint32_t max)
{
    std::vector<std::uint32_t> out;
    for (const Field& item : f.items()) {
        out.push_back(item.number(min, max));
    }
    if (out.empty()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "the list of choices is empty")));
    }
    return out;
}

void parseVary(const Field& f, LessonScenario& s)
{
    f.expectMap({"identity", "password", "drop-packet", "contexts"});
    if (const Field v = f.child("identity"); v.present()) {
        s.varyIdentity.choices = textList(v);
    }
    if (const Field v = f.child("password"); v.present()) {
        s.varyPassword.choices = textList(v);
    }
    if (const Field v = f.child("drop-packet"); v.present()) {
        s.varyDropPacket.choices = numberList(v, 1, 1000);
    }
    if (const Field v = f.child("contexts"); v.present()) {
        s.varyContexts.choices = numberList(v, 1, 64);
    }
}

LessonCounterpart counterpartOf(const Field& f)
{
    const std::string t = f.text();
    if (t == "loopback") {
        return LessonCounterpart::Loopback;
    }
    if (t == "capture") {
        return LessonCounterpart::Capture;
    }
    if (t == "replay") {
        return LessonCounterpart::Replay;
    }
    f.fail(phrase(
        EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not a counterpart (loopback, capture or replay)"),
        {verbatim(t)}));
}

void parseScenarioMethods(const Field& f, LessonScenario& s)
{
    if (const Field c = f.child("counterpart"); c.present()) {
        s.counterpart = counterpartOf(c);
    }
    for (const auto& [key, slot] :
         {std::pair{"authenticator", &s.authenticator}, std::pair{"peer", &s.peer}}) {
        if (const Field m = f.child(key); m.present()) {
            *slot = m.nonEmptyText();
            if (slot->find('/') != std::string::npos || slot->ends_with(".so")) {
                m.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
                    "EngineText",
                    "name a bundled method (e.g. md5, training-heap-leak), not a library path")));
            }
        }
    }
    if (const Field c = f.child("capture"); c.present()) {
        s.capture = c.nonEmptyText();
        if (s.capture.find('/') != std::string::npos) {
            c.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                  "name a bundled capture by its file name, not a path")));
        }
    }
    if (s.counterpart != LessonCounterpart::Loopback && s.capture.empty()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "a capture or replay lesson needs 'capture: FILE' (a bundled capture)")));
    }
    if (s.counterpart == LessonCounterpart::Loopback && !s.capture.empty()) {
        f.child("capture").fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "a loopback lesson runs no capture; set 'counterpart: capture' or 'replay'")));
    }
    if (const Field c = f.child("conversation"); c.present()) {
        s.conversation = c.number(1, 100000);
    }
    if (const Field r = f.child("role"); r.present()) {
        s.replayRole =
            r.parsed(&parseSide, EAPSCOPE_TRANSLATE_NOOP("EngineText", "a side (authenticator or peer)"));
    }
}

LessonScenario parseScenario(const Field& f)
{
    if (!f.present()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing")));
    }
    f.expectMap({"counterpart", "authenticator", "peer", "capture", "conversation", "role", "identity",
                 "password", "auth-password", "context-passwords", "contexts", "interleave", "drop-packet",
                 "watchdog-ms", "stacks", "guard", "vary"});
    LessonScenario s;
    parseScenarioMethods(f, s);
    if (const Field v = f.child("identity"); v.present()) {
        s.identity = v.nonEmptyText();
    }
    if (const Field v = f.child("password"); v.present()) {
        s.password = v.text();
    }
    if (const Field v = f.child("auth-password"); v.present()) {
        s.authPassword = v.text();
    }
    if (const Field v = f.child("context-passwords"); v.present()) {
        s.contextPasswords = textList(v);
    }
    if (const Field v = f.child("contexts"); v.present()) {
        s.contexts = v.number(1, 64);
    }
    if (const Field v = f.child("interleave"); v.present()) {
        s.interleave = v.boolean();
    }
    if (const Field v = f.child("drop-packet"); v.present()) {
        s.dropPacket = v.number(1, 1000);
    }
    if (const Field v = f.child("watchdog-ms"); v.present()) {
        s.watchdogMs = v.number(50, 600000);
    }
    if (const Field v = f.child("stacks"); v.present()) {
        s.stacks = v.boolean();
    }
    if (const Field v = f.child("guard"); v.present()) {
        s.guard = v.boolean();
    }
    if (const Field v = f.child("vary"); v.present()) {
        parseVary(v, s);
    }
    return s;
}

// --- conditions ---------------------------------------------------------------------------

// Reads the filter keys `allowed` of mapping `f` into `where`.
void parseFilter(const Field& f, EventFilter& where)
{
    if (const Field v = f.child("rule"); v.present()) {
        where.rule = v.text();
        if (!isKnownRule(*where.rule)) {
            v.fail(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not a rule of the contract catalogue"),
                       {verbatim(std::string(*where.rule))}));
        }
    }
    for (const char* key : {"side", "from"}) {
        if (const Field v = f.child(key); v.present()) {
            where.side =
                v.parsed(&parseSide, EAPSCOPE_TRANSLATE_NOOP("EngineText", "a side (authenticator or peer)"));
        }
    }
    if (const Field v = f.child("context"); v.present()) {
        where.context = v.number(1, 100000);
    }
    if (const Field v = f.child("call"); v.present()) {
        where.entry =
            v.parsed(&parseEntryPoint,
                     EAPSCOPE_TRANSLATE_NOOP(
                         "EngineText", "an entry point (RasEapBegin, RasEapMakeMessage, RasEapEnd, …)"));
    }
    if (const Field v = f.child("action"); v.present()) {
        where.action =
            v.parsed(&parseAction,
                     EAPSCOPE_TRANSLATE_NOOP(
                         "EngineText", "a PPP_EAP_ACTION (Send, SendWithTimeout, Done, Authenticate, …)"));
    }
    if (const Field v = f.child("code"); v.present()) {
        where.code = v.parsed(
            &parseEapCode, EAPSCOPE_TRANSLATE_NOOP(
                               "EngineText", "an EAP code (Request, Response, Success, Failure or 1-255)"));
    }
    if (const Field v = f.child("type"); v.present()) {
        where.type = v.parsed(
            &parseEapType, EAPSCOPE_TRANSLATE_NOOP(
                               "EngineText", "an EAP type (Identity, Nak, MD5-Challenge, PEAP, … or 1-255)"));
    }
    if (const Field v = f.child("failed"); v.present()) {
        where.failed = v.boolean();
    }
    if (const Field v = f.child("lost"); v.present()) {
        where.lost = v.boolean();
    }
    if (const Field v = f.child("is"); v.present()) {
        const std::string o = v.text();
        if (o != "success" && o != "failure" && o != "error") {
            v.fail(phrase(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "'%1' is not an outcome (success, failure or error)"),
                {verbatim(o)}));
        }
        where.outcome = o;
    }
}

QuestionKind questionOf(const Field& f)
{
    const std::string t = f.text();
    for (QuestionKind k :
         {QuestionKind::Packet, QuestionKind::Rule, QuestionKind::Context, QuestionKind::ByteCount,
          QuestionKind::BlockCount, QuestionKind::Call, QuestionKind::Identity, QuestionKind::Method,
          QuestionKind::Outcome, QuestionKind::Count, QuestionKind::ResultCode}) {
        if (t == toString(k)) {
            return k;
        }
    }
    f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                          "'%1' is not a question (packet, rule, context, bytes, blocks, "
                                          "call, identity, method, outcome, count, result-code)"),
                  {verbatim(t)}));
}

void parseBreakpointCondition(const Field& body, TaskCondition& c)
{
    body.expectMap({"kind", "value", "side", "context", "call"});
    const Field kind = body.child("kind");
    if (!kind.present()) {
        body.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "a breakpoint condition needs 'kind' (entry, action, "
                                                 "packet-code, packet-type, finding, live-heap)")));
    }
    c.breakpointKind = kind.text();
    if (!isBreakpointKindName(c.breakpointKind)) {
        kind.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText",
                                                 "'%1' is not a breakpoint kind (entry, action, packet-code, "
                                                 "packet-type, finding, live-heap)"),
                         {verbatim(c.breakpointKind)}));
    }
    if (const Field v = body.child("value"); v.present()) {
        c.breakpointValue = v.text();
        if (auto spec = parseBreakpointSpec(c.breakpointKind + ":" + *c.breakpointValue); !spec) {
            v.fail(spec.errorText());
        }
    }
    parseFilter(body, c.where);
}

TaskCondition parseCondition(const Field& f)
{
    if (!f.present()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText",
            "missing: say when the task is done (finding, call, packet, outcome, breakpoint or answer)")));
    }
    const std::string key = f.onlyKey();
    const Field body = f.child(key);
    TaskCondition c;
    if (key == "finding") {
        c.kind = ConditionKind::Finding;
        body.expectMap({"rule", "side", "context", "call"});
    } else if (key == "call") {
        c.kind = ConditionKind::Call;
        body.expectMap({"side", "context", "call", "action", "failed", "selected"});
    } else if (key == "packet") {
        c.kind = ConditionKind::Packet;
        body.expectMap({"code", "type", "from", "context", "lost", "selected"});
    } else if (key == "timer") {
        c.kind = ConditionKind::Timer;
        body.expectMap({"side", "context"});
    } else if (key == "outcome") {
        c.kind = ConditionKind::Outcome;
        body.expectMap({"side", "context", "is"});
    } else if (key == "breakpoint") {
        c.kind = ConditionKind::Breakpoint;
        parseBreakpointCondition(body, c);
        return c;
    } else if (key == "answer") {
        c.kind = ConditionKind::Answer;
        body.expectMap({"question", "about"});
        const Field q = body.child("question");
        if (!q.present()) {
            body.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "an answer condition needs 'question'")));
        }
        c.question = questionOf(q);
        if (const Field about = body.child("about"); about.present()) {
            about.expectMap({"rule", "side", "from", "context", "call", "action", "code", "type", "failed",
                             "is", "lost"});
            parseFilter(about, c.where);
        }
        return c;
    } else {
        f.fail(phrase(
            EAPSCOPE_TRANSLATE_NOOP(
                "EngineText",
                "unknown condition '%1' (finding, call, packet, outcome, timer, breakpoint or answer)"),
            {verbatim(key)}));
    }
    parseFilter(body, c.where);
    if (const Field s = body.child("selected"); s.present()) {
        c.selected = s.boolean();
    }
    return c;
}

LessonTask parseTask(const Field& f)
{
    f.expectMap({"id", "text", "hint", "explanation", "feedback", "done-when"});
    LessonTask t;
    t.pos = f.pos();
    t.id = requiredId(f.child("id"));
    t.text = localized(f.child("text"));
    t.hint = localized(f.child("hint"));
    t.explanation = localized(f.child("explanation"));
    t.feedback = localized(f.child("feedback"), false);
    t.condition = parseCondition(f.child("done-when"));
    const bool learnerAnswers = t.condition.kind == ConditionKind::Answer || t.condition.selected;
    if (learnerAnswers && t.feedback.en.empty()) {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText",
            "a task the learner answers needs 'feedback' for a wrong answer ({en: …, fr: …})")));
    }
    return t;
}

// --- solution -----------------------------------------------------------------------------

ConditionKind selectKindOf(const Field& f, EventFilter& where)
{
    const std::string key = f.onlyKey();
    const Field body = f.child(key);
    if (key == "packet") {
        body.expectMap({"code", "type", "from", "context", "lost"});
    } else if (key == "call") {
        body.expectMap({"side", "context", "call", "action", "failed"});
    } else if (key == "finding") {
        body.expectMap({"rule", "side", "context", "call"});
    } else {
        f.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "select a packet, call or finding, not '%1'"),
                      {verbatim(key)}));
    }
    parseFilter(body, where);
    return key == "packet" ? ConditionKind::Packet
           : key == "call" ? ConditionKind::Call
                           : ConditionKind::Finding;
}

void parseSelection(const Field& body, SolutionStep& s)
{
    // {packet: {…}, nth: 2} or {call: {…}} …
    std::vector<std::string> keys;
    body.expectMap({"packet", "call", "finding", "nth", "task", "value", "select"});
    for (const char* k : {"packet", "call", "finding"}) {
        if (body.child(k).present()) {
            keys.push_back(k);
        }
    }
    if (keys.size() != 1) {
        body.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
            "EngineText", "say what to select: exactly one of packet, call or finding")));
    }
    const Field what = body.child(keys[0]);
    if (!what.present()) {
        what.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing")));
    }
    // Reuse the one-key reader on a synthetic view: the filter is the child's body.
    if (keys[0] == "packet") {
        what.expectMap({"code", "type", "from", "context", "lost"});
        s.selectKind = ConditionKind::Packet;
    } else if (keys[0] == "call") {
        what.expectMap({"side", "context", "call", "action", "failed"});
        s.selectKind = ConditionKind::Call;
    } else {
        what.expectMap({"rule", "side", "context", "call"});
        s.selectKind = ConditionKind::Finding;
    }
    parseFilter(what, s.where);
    if (const Field n = body.child("nth"); n.present()) {
        s.nth = n.number(1, 100000);
    }
}

SolutionStep parseStep(const Field& f)
{
    SolutionStep s;
    s.pos = f.pos();
    if (f.isScalar()) {
        const std::string t = f.text();
        if (t == "run") {
            s.kind = SolutionStep::Kind::Run;
        } else if (t == "fire-timeout") {
            s.kind = SolutionStep::Kind::FireTimeout;
        } else if (t == "continue") {
            s.kind = SolutionStep::Kind::Continue;
        } else {
            f.fail(phrase(
                EAPSCOPE_TRANSLATE_NOOP(
                    "EngineText",
                    "'%1' is not a solution step (step, continue, run, fire-timeout, select, answer, hint)"),
                {verbatim(t)}));
        }
        return s;
    }
    const std::string key = f.onlyKey();
    const Field body = f.child(key);
    if (key == "step") {
        s.kind = SolutionStep::Kind::Step;
        s.count = body.number(1, 100000);
    } else if (key == "continue") {
        s.kind = SolutionStep::Kind::Continue;
        s.breakpoint = body.text();
        if (auto spec = parseBreakpointSpec(s.breakpoint); !spec) {
            body.fail(spec.errorText());
        }
    } else if (key == "select") {
        s.kind = SolutionStep::Kind::Select;
        parseSelection(body, s);
    } else if (key == "answer") {
        s.kind = SolutionStep::Kind::Answer;
        body.expectMap({"task", "value", "select"});
        s.task = requiredId(body.child("task"));
        const Field value = body.child("value");
        const Field select = body.child("select");
        if (value.present() == select.present()) {
            body.fail(phrase(EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "an answer gives either 'value' or 'select' (for packet questions)")));
        }
        if (value.present()) {
            s.value = value.text();
        } else {
            s.selectKind = selectKindOf(select, s.where);
        }
    } else if (key == "hint") {
        s.kind = SolutionStep::Kind::Hint;
        s.task = requiredId(body);
    } else {
        f.fail(phrase(
            EAPSCOPE_TRANSLATE_NOOP(
                "EngineText",
                "'%1' is not a solution step (step, continue, run, fire-timeout, select, answer, hint)"),
            {verbatim(key)}));
    }
    return s;
}

// --- the lesson ---------------------------------------------------------------------------

void checkTasks(const Field& tasksField, const Lesson& lesson)
{
    std::set<std::string> ids;
    const auto items = tasksField.items();
    for (std::size_t i = 0; i < lesson.tasks.size(); ++i) {
        if (!ids.insert(lesson.tasks[i].id).second) {
            items[i].child("id").fail(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "task id '%1' is used twice"),
                       {verbatim(std::string(lesson.tasks[i].id))}));
        }
    }
}

void checkSolution(const Field& solutionField, const Lesson& lesson)
{
    const auto items = solutionField.items();
    for (std::size_t i = 0; i < lesson.solution.size(); ++i) {
        const SolutionStep& s = lesson.solution[i];
        if (s.kind != SolutionStep::Kind::Answer && s.kind != SolutionStep::Kind::Hint) {
            continue;
        }
        const auto task = lesson.taskIndex(s.task);
        if (!task) {
            items[i].fail(phrase(
                EAPSCOPE_TRANSLATE_NOOP("EngineText", "names task '%1', which the lesson does not have"),
                {verbatim(s.task)}));
        }
        if (s.kind == SolutionStep::Kind::Answer &&
            lesson.tasks[*task].condition.kind != ConditionKind::Answer) {
            items[i].fail(
                phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "answers task '%1', which asks no question"),
                       {verbatim(s.task)}));
        }
    }
}

Lesson parseRoot(const Field& root, const std::string& fileName)
{
    root.expectMap({"format", "id", "title", "summary", "scenario", "tasks", "solution"});
    Lesson lesson;
    lesson.path = fileName;
    const Field format = root.child("format");
    if (!format.present()) {
        root.fail(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing 'format: 1' (the lesson format version)")));
    }
    lesson.format = static_cast<int>(format.number(1, 1000));
    if (lesson.format != kLessonFormat) {
        format.fail(phrase(
            EAPSCOPE_TRANSLATE_NOOP(
                "EngineText", "format %1 is not one this EapScope reads (%2); open it with a newer EapScope"),
            {verbatim(std::to_string(lesson.format)), verbatim(std::to_string(kLessonFormat))}));
    }
    lesson.id = requiredId(root.child("id"));
    lesson.title = localized(root.child("title"));
    lesson.summary = localized(root.child("summary"));
    lesson.scenario = parseScenario(root.child("scenario"));
    const Field tasks = root.child("tasks");
    if (!tasks.present()) {
        root.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing 'tasks'")));
    }
    for (const Field& t : tasks.items()) {
        lesson.tasks.push_back(parseTask(t));
    }
    if (lesson.tasks.empty()) {
        tasks.fail(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "a lesson needs at least one task")));
    }
    checkTasks(tasks, lesson);
    const Field solution = root.child("solution");
    if (!solution.present()) {
        root.fail(phrase(
            EAPSCOPE_TRANSLATE_NOOP("EngineText", "missing 'solution' (what the lesson's own check plays)")));
    }
    for (const Field& s : solution.items()) {
        lesson.solution.push_back(parseStep(s));
    }
    checkSolution(solution, lesson);
    return lesson;
}

}  // namespace

Result<Lesson> parseLesson(std::string_view text, const std::string& fileName)
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1:%2:%3: not a valid lesson file (YAML): %4"),
                   {verbatim(fileName), verbatim(std::to_string(e.mark.line + 1)),
                    verbatim(std::to_string(e.mark.column + 1)), verbatim(e.msg)}));
    }
    if (!root.IsMap()) {
        return makeError(
            phrase(EAPSCOPE_TRANSLATE_NOOP(
                       "EngineText",
                       "%1:1:1: not a lesson file: expected 'format: 1', 'id:', 'title:', … at the top"),
                   {verbatim(fileName)}));
    }
    try {
        return parseRoot(Field(&fileName, root, "", YAML::Mark()), fileName);
    } catch (const LessonError& e) {
        return makeError(e.text);
    } catch (const YAML::Exception& e) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1:%2:%3: %4"),
                                {verbatim(fileName), verbatim(std::to_string(e.mark.line + 1)),
                                 verbatim(std::to_string(e.mark.column + 1)), verbatim(e.msg)}));
    }
}

Result<Lesson> loadLesson(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot read the lesson file"),
                                {verbatim(path)}));
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) {
        return makeError(phrase(EAPSCOPE_TRANSLATE_NOOP("EngineText", "%1: cannot read the lesson file"),
                                {verbatim(path)}));
    }
    return parseLesson(text.str(), path);
}

}  // namespace eapscope
