<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>eapscope</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ContextsModel</name>
    <message numerus="yes">
        <source>%1 in %n block(s)</source>
        <translation>
            <numerusform>%1 in %n block</numerusform>
            <numerusform>%1 in %n blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ConversationsDock</name>
    <message numerus="yes">
        <source>%n conversation(s): select one to see why it ended as it did.</source>
        <translation>
            <numerusform>%n conversation: select it to see why it ended as it did.</numerusform>
            <numerusform>%n conversations: select one to see why it ended as it did.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::FindingsDock</name>
    <message numerus="yes">
        <source> in %n block(s)</source>
        <translation>
            <numerusform> in %n block</numerusform>
            <numerusform> in %n blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonDock</name>
    <message numerus="yes">
        <source>%n of %1 tasks done</source>
        <translation>
            <numerusform>%n of %1 tasks done</numerusform>
            <numerusform>%n of %1 tasks done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonTaskModel</name>
    <message numerus="yes">
        <source>%n hint(s) used</source>
        <translation>
            <numerusform>%n hint used</numerusform>
            <numerusform>%n hints used</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::MainWindow</name>
    <message numerus="yes">
        <source>This session produced %n finding(s) and is not saved.</source>
        <translation>
            <numerusform>This session produced %n finding and is not saved.</numerusform>
            <numerusform>This session produced %n findings and is not saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::TimelineToolTip</name>
    <message numerus="yes">
        <source>
%n byte(s)</source>
        <translation>
            <numerusform>
%n byte</numerusform>
            <numerusform>
%n bytes</numerusform>
        </translation>
    </message>
</context>
</TS>
