<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Texts of Qt's own dialogs that Qt's shipped zh_CN catalogue (qtbase_zh_CN.qm) lacks for this
     Qt version; installed after it (ui/app.py). Kept by hand: lupdate does not see Qt's sources.
     tests/ui/test_qt_dialogs_chinese.py opens the dialogs and fails on any English word. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
</context>
</TS>
