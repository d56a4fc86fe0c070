<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistStep</name>
    <message>
        <location filename="../inspection/steps.py" line="376"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="377"/>
        <source>Conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="378"/>
        <source>Does not conform</source>
        <translation>不符合</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../office/conflicts_dialog.py" line="45"/>
        <location filename="../office/conflicts_dialog.py" line="66"/>
        <source>Conflicts</source>
        <translation>冲突记录</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="49"/>
        <source>These records arrived with the number of a record already stored here but with other content, or correct a record that is no longer the current one. Both versions are kept; nothing stored is overwritten. Compare them and say what happens next.</source>
        <translation>这些记录的编号与本局已存的记录相同，但内容不同；或者更正的不是现行版本。两个版本都已保留，已存的记录不会被覆盖。请逐项比较，并决定如何处理。</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="55"/>
        <source>Show resolved conflicts too</source>
        <translation>同时显示已处理的冲突</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="59"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="60"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="61"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="62"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="63"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="68"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="68"/>
        <source>Stored record</source>
        <translation>已存记录</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="68"/>
        <source>Arriving version</source>
        <translation>新到版本</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="69"/>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="74"/>
        <source>Why (kept in the audit log)</source>
        <translation>处理说明（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="75"/>
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="78"/>
        <source>Resolution:</source>
        <translation>处理方式：</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="79"/>
        <source>Reason:</source>
        <translation>处理说明：</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="110"/>
        <source>same number, other content</source>
        <translation>同一编号，内容不同</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="111"/>
        <source>corrects a record that is no longer current</source>
        <translation>更正的不是现行版本</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="122"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="122"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="154"/>
        <source>No open conflicts.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="160"/>
        <source>Record %1: the stored record (fingerprint %2…) beside the arriving version (%3…).</source>
        <translation>记录 %1：左为已存记录（指纹 %2…），右为新到版本（%3…）。</translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="189"/>
        <source>Conflict of record %1 resolved.</source>
        <translation>记录 %1 的冲突已处理。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="19"/>
        <source>Correct record %1</source>
        <translation>更正记录 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="22"/>
        <source>Record %1 (%2, finalised %3, verdict “%4”) stays as it was signed. A new record replaces it: it copies the readings, the standards, the measures and both inspectors, and you correct what was wrong. Its own verdict is decided anew.</source>
        <translation>记录 %1（%2，定稿于 %3，结论“%4”）保持签名时的原样。新记录将取代它：复制读数、标准器、处理措施和两名检查人员，由您改正有误之处；新记录的结论重新判定。</translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="32"/>
        <source>e.g. a reading was typed wrong</source>
        <translation>例如：读数录入有误</translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="33"/>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="38"/>
        <source>Start the correction</source>
        <translation>开始更正</translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="45"/>
        <source>Reason for the correction (printed on the new record):</source>
        <translation>更正原因（将打印在新记录上）：</translation>
    </message>
</context>
<context>
    <name>CreditPage</name>
    <message>
        <location filename="../office/credit_page.py" line="108"/>
        <location filename="../office/credit_page.py" line="128"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="109"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="110"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="111"/>
        <source>Since</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="112"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="114"/>
        <source>No site is on the black list.</source>
        <translation>黑名单上暂无检查对象。</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="115"/>
        <source>Black list</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="116"/>
        <source>No site is on the red list yet.</source>
        <translation>红名单上暂无检查对象。</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="117"/>
        <source>Red list</source>
        <translation>红名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="118"/>
        <source>Black list (serious breach, close supervision)</source>
        <translation>黑名单（严重失信，重点监管）</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="120"/>
        <source>Red list (trustworthy)</source>
        <translation>红名单（守信）</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="127"/>
        <source>Credit code of any entity: its integrity file</source>
        <translation>输入任一检查对象的统一社会信用代码，查看其诚信计量档案</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="129"/>
        <source>Export lists (XLSX/CSV)…</source>
        <translation>导出名单（XLSX/CSV）…</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="152"/>
        <source>As on %1, over the last %2 months. Black: a failed check with a cheating or seal item, or %3 failed checks within %4 months; leaves after %5 months without a failure. Red: at least %6 checks over at least %7 months, none failed.</source>
        <translation>截至 %1，统计最近 %2 个月。黑名单：一次不合格且含作弊或封印项目，或 %4 个月内 %3 次不合格；连续 %5 个月无不合格后移出。红名单：至少 %6 次检查、跨度至少 %7 个月，且全部合格。</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="194"/>
        <source>Credit lists</source>
        <translation>信用名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="194"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格（*.xlsx *.csv）</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="204"/>
        <source>Saved %1: %2 on the black list, %3 on the red list.</source>
        <translation>已保存 %1：黑名单 %2 户，红名单 %3 户。</translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message>
        <location filename="../office/draw_page.py" line="60"/>
        <source>Import entities (CSV/XLSX)…</source>
        <translation>导入检查对象名录（CSV/XLSX）…</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="61"/>
        <source>Search name, credit code, district</source>
        <translation>按名称、信用代码、区县搜索</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="62"/>
        <source>Search entities</source>
        <translation>搜索检查对象</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="130"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="70"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="71"/>
        <location filename="../office/draw_page.py" line="132"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="133"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="66"/>
        <location filename="../office/draw_page.py" line="83"/>
        <location filename="../office/draw_page.py" line="263"/>
        <source>Entity directory</source>
        <translation>检查对象名录</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="69"/>
        <source>Employee no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="72"/>
        <source>Available</source>
        <translation>可派</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="73"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="76"/>
        <location filename="../office/draw_page.py" line="91"/>
        <source>Inspector directory</source>
        <translation>执法检查人员名录</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="77"/>
        <source>District of the inspector</source>
        <translation>检查人员所在区县</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="78"/>
        <source>(no district)</source>
        <translation>（未设区县）</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="81"/>
        <source>Set district</source>
        <translation>设置区县</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="82"/>
        <source>Available / not available</source>
        <translation>可派 / 不可派</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="105"/>
        <source>Plan (TOML)</source>
        <translation>抽查计划（TOML）</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="108"/>
        <source>Open plan…</source>
        <translation>打开计划…</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="109"/>
        <source>Witness number drawn in public, e.g. 3 8 1 4</source>
        <translation>公开摇出的见证号，如 3 8 1 4</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="110"/>
        <source>Witness number</source>
        <translation>见证号</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="111"/>
        <location filename="../office/draw_page.py" line="336"/>
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="113"/>
        <location filename="../office/draw_page.py" line="312"/>
        <source>Plan</source>
        <translation>抽查计划</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="118"/>
        <source>Witness number:</source>
        <translation>见证号：</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="123"/>
        <source>Draws made</source>
        <translation>已进行的抽取</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="129"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="131"/>
        <source>Entity</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="134"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="135"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="138"/>
        <source>Draw result</source>
        <translation>抽取结果</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="139"/>
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="140"/>
        <source>Save draw record (JSON)…</source>
        <translation>保存抽取记录（JSON）…</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="141"/>
        <source>Draws</source>
        <translation>抽取记录</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="191"/>
        <source>A plan of the double-random draw: adjust it, then press Draw.</source>
        <translation>双随机抽查计划：按需修改后按“抽取”。</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="192"/>
        <source>the procedure, one of</source>
        <translation>检查项目，可选</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="193"/>
        <source>enforcement officers sent to each site</source>
        <translation>每户派出的执法检查人员数</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="204"/>
        <source>the districts drawn from; empty: every district</source>
        <translation>抽取的区县；留空 = 全部区县</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="205"/>
        <source>the kinds of site drawn, of</source>
        <translation>抽取的检查对象类型，可选</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="213"/>
        <source>The share (%) of each risk level drawn, rounded up; at least one per level with sites.</source>
        <translation>各风险等级的抽取比例（%），向上取整；有检查对象的等级至少抽 1 户。</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="237"/>
        <source>%1 entities in the directory</source>
        <translation>名录中共 %1 户</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="241"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="241"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="241"/>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="249"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="249"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="263"/>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>表格（*.csv *.xlsx）</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="273"/>
        <source>%1: %2 rows, %3 added, %4 updated.</source>
        <translation>%1：%2 行，新增 %3 户，更新 %4 户。</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="312"/>
        <source>Plans (*.toml)</source>
        <translation>抽查计划（*.toml）</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="337"/>
        <source>Draw plan %1 with witness number %2: the office root&apos;s passphrase</source>
        <translation>以见证号 %2 抽取计划 %1：请输入机构根密钥口令</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="346"/>
        <source>Wrong passphrase.</source>
        <translation>口令不正确。</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="353"/>
        <source>Drawn: %1 entities, %2 tasks for the next return packages.</source>
        <translation>已抽取 %1 户，生成 %2 项任务，随下一个回传包下发。</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="386"/>
        <source>No draw yet: import the entities, check the plan, type the witness number.</source>
        <translation>尚未抽取：请先导入检查对象名录，核对抽查计划，输入见证号。</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="395"/>
        <source>Witness %1 · seed %2… · %3 · %4</source>
        <translation>见证号 %1 · 种子 %2… · %3 · %4</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="405"/>
        <source>not assigned (too few after recusal)</source>
        <translation>未能派员（回避后可派人员不足）</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="439"/>
        <source>Draw record</source>
        <translation>抽取记录</translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="444"/>
        <source>Saved %1 (check it with: inspector-app office draw --verify).</source>
        <translation>已保存 %1（可用 inspector-app office draw --verify 复算核验）。</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <location filename="../office/enrol_page.py" line="43"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="44"/>
        <source>Enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="45"/>
        <location filename="../office/enrol_page.py" line="80"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="46"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="47"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="49"/>
        <source>No enrolment request is waiting: they come in the laptops&apos; bundles.</source>
        <translation>暂无待处理的登记申请：申请随笔记本的同步包送达。</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="51"/>
        <location filename="../office/enrol_page.py" line="64"/>
        <source>Enrolment requests waiting</source>
        <translation>待登记的申请</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="53"/>
        <location filename="../office/enrol_page.py" line="132"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="54"/>
        <location filename="../office/enrol_page.py" line="132"/>
        <source>Supervisor</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="55"/>
        <location filename="../office/enrol_page.py" line="59"/>
        <location filename="../office/enrol_page.py" line="79"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="56"/>
        <source>Enrol selected</source>
        <translation>登记所选申请</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="57"/>
        <source>Enrol from a request file…</source>
        <translation>从申请文件登记…</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="68"/>
        <source>No requests waiting. A laptop&apos;s request comes as a .csr file (Enrol from a request file…) or inside a bundle from an enrolled laptop.</source>
        <translation>暂无待登记的申请。笔记本的申请以 .csr 文件提交（“从申请文件登记…”），或随已登记笔记本的同步包一同送达。</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="78"/>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="81"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="83"/>
        <source>Certificate fingerprint</source>
        <translation>证书指纹</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="86"/>
        <location filename="../office/enrol_page.py" line="88"/>
        <source>Certificates issued</source>
        <translation>已签发的证书</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="87"/>
        <source>Revoke selected…</source>
        <translation>吊销所选证书…</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="109"/>
        <source>Root fingerprint: %1
Trust list version %2, valid until %3</source>
        <translation>根证书指纹：%1
信任列表第 %2 版，有效期至 %3</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="115"/>
        <source>bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="115"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="141"/>
        <source>Revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="143"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="162"/>
        <source>Office root key</source>
        <translation>机构根密钥</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="162"/>
        <source>Passphrase of the office root key:</source>
        <translation>机构根密钥口令：</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="169"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation>口令不正确，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="182"/>
        <source>%1 enrolled until %2; trust list version %3. Make this laptop&apos;s package next.</source>
        <translation>%1 已登记，有效期至 %2；信任列表第 %3 版。下一步请为该笔记本生成回传包。</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="200"/>
        <source>Enrolment request</source>
        <translation>登记申请</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="200"/>
        <source>Request (*.csr *.pem)</source>
        <translation>申请文件 (*.csr *.pem)</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="220"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="220"/>
        <source>Reason (e.g. laptop lost, left the office):</source>
        <translation>理由（如：笔记本丢失、人员离职）：</translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="233"/>
        <source>Revoked from now; trust list version %1 goes out with the next packages.</source>
        <translation>即时起吊销；信任列表第 %1 版将随下次回传包下发。</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <location filename="../office/credit_page.py" line="40"/>
        <source>Integrity file — %1</source>
        <translation>诚信计量档案 — %1</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="42"/>
        <source>Black list</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="42"/>
        <source>Red list</source>
        <translation>红名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="42"/>
        <source>No list</source>
        <translation>未列入名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="46"/>
        <source>risk %1</source>
        <translation>风险等级 %1</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="52"/>
        <source>(since %1)</source>
        <translation>（自 %1 起）</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="58"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="59"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="60"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="61"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="62"/>
        <source>Failed items</source>
        <translation>不合格项目</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="63"/>
        <source>Measures</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="64"/>
        <source>Drawn</source>
        <translation>双随机</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="65"/>
        <source>List after</source>
        <translation>检查后名单</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="68"/>
        <source>Checks</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="79"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="87"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../inspection/evidence.py" line="146"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="147"/>
        <source>Camera…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="151"/>
        <source>The camera needs Qt Multimedia, which this installation lacks.</source>
        <translation>拍照需要 Qt Multimedia，本安装未包含。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="156"/>
        <source>If the site refuses to sign: the reason</source>
        <translation>如被检查单位拒绝签字：填写原因</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="200"/>
        <source>Site representative signature</source>
        <translation>被检查单位代表签名</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="167"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="144"/>
        <location filename="../inspection/evidence.py" line="182"/>
        <source>Evidence photos</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="198"/>
        <source>Inspector (1) signature</source>
        <translation>检查人员（1）签名</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="199"/>
        <source>Inspector (2) signature</source>
        <translation>检查人员（2）签名</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="204"/>
        <source>name the second inspector above first</source>
        <translation>请先在上方填写第二检查人员</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="208"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="226"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="250"/>
        <location filename="../inspection/evidence.py" line="298"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation>此检查已定稿，不能再修改。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="252"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="259"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="259"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="276"/>
        <source>Sign in the box first.</source>
        <translation>请先在框内签名。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="157"/>
        <source>Reason the site refused to sign</source>
        <translation>受检单位拒绝签字的原因</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="211"/>
        <source>Clear %1</source>
        <translation>清除%1</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="240"/>
        <source>Signed and saved</source>
        <translation>已签名并保存</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="240"/>
        <source>Not signed yet</source>
        <translation>尚未签名</translation>
    </message>
</context>
<context>
    <name>FieldsStep</name>
    <message>
        <location filename="../inspection/steps.py" line="343"/>
        <source>Results</source>
        <translation>计算结果</translation>
    </message>
</context>
<context>
    <name>GridStep</name>
    <message>
        <location filename="../inspection/steps.py" line="471"/>
        <source>Current cell</source>
        <translation>当前单元格</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="475"/>
        <source>Enter or Tab: next cell (Shift: back) · typing replaces the cell, F2 edits it · Delete clears the selected cells · Ctrl+V pastes from a spreadsheet</source>
        <translation>回车或 Tab：下一格（加 Shift：上一格）· 直接输入替换单元格内容，F2 在原内容上修改 · Delete 清除所选单元格 · Ctrl+V 粘贴电子表格内容</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="485"/>
        <source>Rows needed</source>
        <translation>所需行数</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="496"/>
        <source>Results</source>
        <translation>计算结果</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="529"/>
        <source>Not stored: </source>
        <translation>未保存：</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../office/import_page.py" line="47"/>
        <source>Import the bundles laptops bring on a USB stick. Each is checked whole first — signatures, every file&apos;s hash — and refused whole if anything is wrong; an accepted bundle is stored in one step. Importing a bundle twice changes nothing.</source>
        <translation>导入笔记本用 U 盘带来的同步包。每个包先整体核验（签名、每个文件的哈希），有任何问题即整包拒收；接收的包一次写入。同一个包导入两次不会有任何变化。</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="53"/>
        <source>Import bundles…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="54"/>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="61"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="62"/>
        <source>Bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="63"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="64"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="65"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="66"/>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="67"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="68"/>
        <source>Missing bundle nos.</source>
        <translation>缺失序号</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="69"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="72"/>
        <source>Import results</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="74"/>
        <source>Imported before (newest first):</source>
        <translation>此前导入的同步包（最新在前）：</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="106"/>
        <source>imported %1</source>
        <translation>导入于 %1</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="115"/>
        <source>No bundle imported yet.</source>
        <translation>尚未导入任何同步包。</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="121"/>
        <source>Bundles to import</source>
        <translation>选择要导入的同步包</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="121"/>
        <source>Bundle (*.zip)</source>
        <translation>同步包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="128"/>
        <source>Folder of bundles (e.g. a USB stick)</source>
        <translation>同步包所在文件夹（如 U 盘）</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="139"/>
        <source>No bundle (.zip) there.</source>
        <translation>该处没有同步包（.zip）。</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="150"/>
        <location filename="../office/import_page.py" line="155"/>
        <source>Checking and importing bundles…</source>
        <translation>正在核验并导入同步包…</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="98"/>
        <location filename="../office/import_page.py" line="184"/>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="156"/>
        <source>Waiting for another import into this office to finish…</source>
        <translation>正在等待本机构的另一个导入完成…</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="185"/>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="186"/>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="195"/>
        <source>imported before: nothing changed</source>
        <translation>此前已导入：无变化</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="198"/>
        <source>the laptop holds an acknowledgement this office lacks: ask for an export of all</source>
        <translation>笔记本持有本机构没有的确认记录：请其导出全部记录</translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="222"/>
        <source>%1 of %2 bundle(s) accepted: %3 new record(s), %4 duplicate(s), %5 conflict(s).</source>
        <translation>%2 个同步包中接收 %1 个：新增 %3 条记录，重复 %4 条，冲突 %5 条。</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../models/inspection_table_model.py" line="71"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="73"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="74"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="75"/>
        <source>Instrument / lot</source>
        <translation>计量器具 / 检验批</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="76"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="77"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="191"/>
        <location filename="../models/inspection_table_model.py" line="216"/>
        <source>Superseded</source>
        <translation>已被更正</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="194"/>
        <location filename="../models/inspection_table_model.py" line="207"/>
        <source>%1 (so far)</source>
        <translation>%1（暂定）</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="212"/>
        <source>%1, superseded by %2</source>
        <translation>%1，已被 %2 更正取代</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../inspection/window.py" line="120"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="227"/>
        <source>Recovered: this inspection was open when the app stopped. Every entry confirmed (Enter, Tab or leaving the field) had been saved</source>
        <translation>已恢复：程序停止时这项检查正在进行。所有已确认（回车、Tab 或离开输入框）的内容都已保存</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="232"/>
        <source>; nothing was being typed.</source>
        <translation>；当时没有正在输入的内容。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="253"/>
        <source>; “%1” being typed in %2 could not be kept.</source>
        <translation>；正在 %2 中输入的“%1”无法保留。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="256"/>
        <source>; “%1”, still being typed in %2, was put back and saved.</source>
        <translation>；正在 %2 中输入、尚未确认的“%1”已填回并保存。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="313"/>
        <source>Not stored: </source>
        <translation>未保存：</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="338"/>
        <location filename="../inspection/window.py" line="500"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation>此检查已定稿，不能再修改。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="350"/>
        <source>The database is in use by another program (%1). Your entries are kept and will be saved as soon as it is free.</source>
        <translation>数据库正被另一个程序占用（%1）。已输入的数据保留在本窗口，数据库空闲后立即自动保存。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="359"/>
        <source>Saved: the database is free again.</source>
        <translation>已保存：数据库已空闲。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="396"/>
        <source>Still to fill in: </source>
        <translation>待填写：</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="450"/>
        <source>Input error</source>
        <translation>输入有误</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="536"/>
        <source>It replaces record %1 of %2: verdict “%3” → “%4”. Reason: %5</source>
        <translation>本记录取代 %2 定稿的记录 %1：结论“%3” → “%4”。更正原因：%5</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="542"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="591"/>
        <location filename="../inspection/window.py" line="598"/>
        <source>Signing and making the record PDF…</source>
        <translation>正在签名并生成记录 PDF…</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="592"/>
        <source>Signing</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="530"/>
        <source>Finalise record %1 with the verdict “%2”? A finalised record can no longer be changed; a correction is a new record.</source>
        <translation>以结论“%2”定稿记录 %1？定稿后不能再修改；如需更正须新建更正记录。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="546"/>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="546"/>
        <source>Passphrase of your key:</source>
        <translation>密钥口令：</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="567"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation>口令不正确，未做任何改动。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="505"/>
        <location filename="../inspection/window.py" line="575"/>
        <source>The database is in use by another program (%1); nothing was changed.</source>
        <translation>数据库正被另一个程序占用（%1），未做任何改动。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="395"/>
        <source> (and %1 more)</source>
        <translation>（另有 %1 项）</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="68"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="69"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="70"/>
        <source>Something is still missing</source>
        <translation>尚有缺项</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="71"/>
        <source>Undecided: a further test is needed</source>
        <translation>待定：需补测</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="72"/>
        <source>Not begun</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="73"/>
        <source>Input error: correct the marked cells</source>
        <translation>输入有误：请更正标红的格</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="74"/>
        <source>Not applicable or optional for this type of check</source>
        <translation>本类检查不适用/可选</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="150"/>
        <source>Steps</source>
        <translation>检查步骤</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="155"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="156"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="306"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../pages/inspections_page.py" line="46"/>
        <source>Search site, credit code, serial, record no.</source>
        <translation>搜索单位、信用代码、出厂编号、记录编号</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="47"/>
        <source>Search inspections</source>
        <translation>搜索检查记录</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="49"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="52"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="53"/>
        <source>All procedures</source>
        <translation>全部检查项目</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="54"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="55"/>
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="59"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="98"/>
        <source>Export signed PDFs…</source>
        <translation>导出已签名 PDF…</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/inspections_page.py" line="149"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共 %n 条检查记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../pages/keys_page.py" line="42"/>
        <source>Create a key</source>
        <translation>新建密钥</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="51"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="52"/>
        <source>Enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="53"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="54"/>
        <source>Passphrase (8 characters or more)</source>
        <translation>口令（至少 8 个字符）</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="55"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../pages/keys_page.py" line="85"/>
        <source>Your key signs every record you finalise. The office enrols it from an enrolment request (a file you take to the office); records signed before enrolment stay valid.</source>
        <translation>您的密钥为每条定稿记录签名。检查机构根据登记申请（您带到机构的一个文件）登记该密钥；登记前签名的记录依然有效。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="92"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="93"/>
        <source>Enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="94"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="95"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="96"/>
        <source>Enrolment</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="99"/>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="100"/>
        <source>Create key…</source>
        <translation>新建密钥…</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="101"/>
        <source>Export enrolment request…</source>
        <translation>导出登记申请…</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="102"/>
        <source>Change passphrase…</source>
        <translation>修改口令…</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="123"/>
        <source>supervisor</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="125"/>
        <source>Enrolled until %1</source>
        <translation>已登记，有效期至 %1</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="126"/>
        <source>Request exported, waiting for the office</source>
        <translation>已导出申请，等待检查机构登记</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="127"/>
        <source>Not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="177"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="197"/>
        <source>Key created. Export its enrolment request and take it to the office.</source>
        <translation>密钥已创建。请导出登记申请并带到检查机构。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="209"/>
        <source>Save the enrolment request</source>
        <translation>保存登记申请</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="211"/>
        <source>Request (*.csr)</source>
        <translation>申请文件 (*.csr)</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="216"/>
        <source>Sign the request</source>
        <translation>为申请签名</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="216"/>
        <source>Passphrase of this key:</source>
        <translation>该密钥的口令：</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="223"/>
        <source>Wrong passphrase; no request was written.</source>
        <translation>口令不正确，未写入申请。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="230"/>
        <source>Enrolment request written to %1. Take it to the office; it also travels with your next bundle.</source>
        <translation>登记申请已写入 %1。请带到检查机构；它也会随下一个同步包一同发送。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="244"/>
        <location filename="../pages/keys_page.py" line="249"/>
        <location filename="../pages/keys_page.py" line="253"/>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="244"/>
        <source>Current passphrase:</source>
        <translation>当前口令：</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="249"/>
        <source>New passphrase (8 characters or more):</source>
        <translation>新口令（至少 8 个字符）：</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="253"/>
        <source>New passphrase again:</source>
        <translation>再次输入新口令：</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="257"/>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>两次输入的口令不一致，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="262"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation>口令不正确，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="267"/>
        <source>Passphrase changed. The key itself is the same; records stay valid.</source>
        <translation>口令已修改。密钥本身不变，记录依然有效。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Sites</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Instruments</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Standards</source>
        <translation>标准器</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="55"/>
        <source>Metrology inspections</source>
        <translation>计量监督检查</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="58"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="83"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="87"/>
        <source>Verify a record</source>
        <translation>核验记录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="88"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="89"/>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="101"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>Record %1 has no signed PDF (a draft, or finalised without a key).</source>
        <translation>记录 %1 没有已签名的 PDF（草稿，或定稿时未签名）。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232"/>
        <source>Returned by the office: %1 — correct it with Correct…</source>
        <translation>检查机构已退回：%1 —— 请用“更正…”更正</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279"/>
        <source>Export signed PDFs to</source>
        <translation>导出已签名 PDF 到</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>Exporting signed PDFs…</source>
        <translation>正在导出已签名 PDF…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297"/>
        <source>%1 signed PDF(s) exported.</source>
        <translation>已导出 %1 份已签名 PDF。</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../inspection/new_dialog.py" line="41"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="43"/>
        <location filename="../inspection/new_dialog.py" line="82"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="46"/>
        <location filename="../inspection/new_dialog.py" line="83"/>
        <source>Instrument</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="47"/>
        <location filename="../inspection/new_dialog.py" line="84"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="50"/>
        <location filename="../inspection/new_dialog.py" line="85"/>
        <source>Control</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="51"/>
        <source>In-service inspection</source>
        <translation>使用中检查</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="52"/>
        <source>Verification</source>
        <translation>检定</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="53"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="54"/>
        <location filename="../inspection/new_dialog.py" line="90"/>
        <source>Nominal quantity</source>
        <translation>标注净含量</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="59"/>
        <location filename="../inspection/new_dialog.py" line="91"/>
        <source>Lot size</source>
        <translation>检验批量</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="61"/>
        <location filename="../inspection/new_dialog.py" line="92"/>
        <source>Standards used</source>
        <translation>使用的标准器</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="62"/>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="71"/>
        <source>Add site…</source>
        <translation>新增单位…</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="72"/>
        <source>Add instrument…</source>
        <translation>新增器具…</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="86"/>
        <source>Product (net content)</source>
        <translation>商品（净含量检验）</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="112"/>
        <source>Add to the registry</source>
        <translation>新增登记</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="142"/>
        <source>(none: a product lot)</source>
        <translation>（无：定量包装商品检验批）</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="55"/>
        <source>Quantity</source>
        <translation>计量方式</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../office/window.py" line="69"/>
        <source>Office — %1</source>
        <translation>检查机构 — %1</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="72"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="96"/>
        <source>Import bundles</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="97"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="98"/>
        <source>Random draw</source>
        <translation>双随机</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="99"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="100"/>
        <source>Credit lists</source>
        <translation>信用名单</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="101"/>
        <source>Publication</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="102"/>
        <source>Enrolment</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="103"/>
        <source>Return packages</source>
        <translation>回传包</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="105"/>
        <source>Verify a record</source>
        <translation>核验记录</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="106"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="116"/>
        <source>Office database: %1 — root %2</source>
        <translation>机构数据库：%1 —— 根证书 %2</translation>
    </message>
    <message>
        <location filename="../office/window.py" line="104"/>
        <source>Import scans</source>
        <translation>扫描导入</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../office/packages_page.py" line="32"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="33"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="34"/>
        <source>Last bundle no.</source>
        <translation>最近同步包序号</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="35"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="36"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="37"/>
        <source>Last package no.</source>
        <translation>最近回传包号</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="38"/>
        <source>Last bundle received</source>
        <translation>最近收到同步包</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="41"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="43"/>
        <source>Make package…</source>
        <translation>生成回传包…</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="64"/>
        <source>this office</source>
        <translation>本机构</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="85"/>
        <source>Conflict queue: %1 record(s) for a supervisor.</source>
        <translation>冲突队列：%1 条记录待审核人处理。</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="87"/>
        <source>No conflicts.</source>
        <translation>无冲突。</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="111"/>
        <source>Write the package to (e.g. a USB stick)</source>
        <translation>回传包写入位置（如 U 盘）</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="117"/>
        <source>Office root key</source>
        <translation>机构根密钥</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="117"/>
        <source>Passphrase of the office root key:</source>
        <translation>机构根密钥口令：</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="124"/>
        <source>Wrong passphrase; no package was made.</source>
        <translation>口令不正确，未生成回传包。</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="133"/>
        <source>Package no. %1 written: %2 (%3 task(s), %4 review decision(s), acknowledges bundle no. %5).</source>
        <translation>第 %1 号回传包已写入：%2（任务 %3 项，审核决定 %4 项，确认至第 %5 号同步包）。</translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="45"/>
        <source>Conflicts…</source>
        <translation>冲突记录…</translation>
    </message>
</context>
<context>
    <name>PublicationPage</name>
    <message>
        <location filename="../office/publication_page.py" line="47"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="48"/>
        <source>Deadline</source>
        <translation>公示期限</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="49"/>
        <source>Inspected</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="50"/>
        <source>Entity</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="51"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="52"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="53"/>
        <source>Result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="54"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="55"/>
        <source>Plan</source>
        <translation>抽查计划</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="58"/>
        <source>Results to publish</source>
        <translation>待公示的检查结果</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="59"/>
        <source>from YYYY-MM-DD</source>
        <translation>起 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="59"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="60"/>
        <source>to YYYY-MM-DD</source>
        <translation>止 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="60"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="61"/>
        <source>Include records already published</source>
        <translation>包括已公示的记录</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="62"/>
        <source>Export and mark published (XLSX/CSV)…</source>
        <translation>导出并标记为已公示（XLSX/CSV）…</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="90"/>
        <source>Published</source>
        <translation>已公示</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="90"/>
        <source>Due</source>
        <translation>待公示</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="90"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="92"/>
        <source>Overdue %1 · due %2 · published %3 · awaiting review %4</source>
        <translation>已逾期 %1 · 待公示 %2 · 已公示 %3 · 尚待审核 %4</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="103"/>
        <source>The holiday list in the settings has no date in %1: deadlines count weekends only. Add this year&apos;s official holidays (Settings).</source>
        <translation>设置中的法定节假日没有 %1 年的日期：期限只扣除了周末。请在“设置”中补充本年度的法定节假日。</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="115"/>
        <source>(%1 working days left)</source>
        <translation>（还剩 %1 个工作日）</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="142"/>
        <source>Publication list</source>
        <translation>公示清单</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="142"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格（*.xlsx *.csv）</translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="157"/>
        <source>Saved %1: %2 rows, %3 newly published.</source>
        <translation>已保存 %1：%2 条，其中新公示 %3 条。</translation>
    </message>
</context>
<context>
    <name>ReadingsTableModel</name>
    <message>
        <location filename="../inspection/grid.py" line="221"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>RecordPreviewDialog</name>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="38"/>
        <source>Record %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="54"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="55"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="56"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="57"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="58"/>
        <source>Start a new record that supersedes this one</source>
        <translation>新建一条取代本记录的更正记录</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="61"/>
        <source>Signed record: the exported file is the signed original.</source>
        <translation>已签名记录：导出的文件即签名原件。</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="84"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="84"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../pages/registry_page.py" line="59"/>
        <location filename="../pages/registry_page.py" line="60"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="66"/>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="96"/>
        <source>Messages</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="97"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="98"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="160"/>
        <source>18 characters, e.g. 91500112MA5U7XY1P…</source>
        <translation>18 位，例如 91500112MA5U7XY1P…</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="232"/>
        <location filename="../pages/registry_page.py" line="331"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="240"/>
        <location filename="../pages/registry_page.py" line="331"/>
        <source>New entry</source>
        <translation>新建条目</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="253"/>
        <location filename="../pages/registry_page.py" line="279"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="332"/>
        <source>Recovered what was being typed before the app stopped.</source>
        <translation>已恢复程序上次退出前正在输入的内容。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../office/review_page.py" line="167"/>
        <source>Review state</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="169"/>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="170"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="171"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="172"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="173"/>
        <source>All current records</source>
        <translation>全部现行记录</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="177"/>
        <location filename="../office/review_page.py" line="418"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="178"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="180"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="182"/>
        <location filename="../office/review_page.py" line="430"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="183"/>
        <source>from YYYY-MM-DD</source>
        <translation>起 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="183"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="184"/>
        <source>to YYYY-MM-DD</source>
        <translation>止 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="184"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="185"/>
        <source>Record no., site or credit code</source>
        <translation>记录编号、单位名称或信用代码</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="186"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="203"/>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="229"/>
        <source>Figures of the record</source>
        <translation>记录数据</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="230"/>
        <source>Select a record</source>
        <translation>请选择一条记录</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="231"/>
        <source>Signed PDF</source>
        <translation>签名 PDF</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="249"/>
        <location filename="../office/review_page.py" line="479"/>
        <source>Sign in as supervisor…</source>
        <translation>以审核人身份登录…</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="250"/>
        <source>Reason for returning (Ctrl+R, then Enter)</source>
        <translation>退回理由（Ctrl+R 输入，回车退回）</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="251"/>
        <source>Reason</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="252"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>通过（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="253"/>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="306"/>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="330"/>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="348"/>
        <source>No record matches the filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="373"/>
        <source>Rendering the signed PDF…</source>
        <translation>正在显示签名 PDF…</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="394"/>
        <source>The laptop sent no PDF for this record.</source>
        <translation>笔记本未随此记录发送 PDF。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="417"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="420"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="424"/>
        <source>Instrument</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="431"/>
        <source>Finalised</source>
        <translation>定稿时间</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="439"/>
        <source>Failed items</source>
        <translation>不合格项目</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="442"/>
        <source>Measures taken</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="445"/>
        <source>Corrects record %1</source>
        <translation>更正记录 %1</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="448"/>
        <source>A correction replaced this record.</source>
        <translation>本记录已被更正记录取代。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="456"/>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="477"/>
        <source>Not signed in: decisions need the supervisor&apos;s key</source>
        <translation>未登录：审核决定需用审核人密钥签名</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="481"/>
        <source>Signing as %1</source>
        <translation>签名人：%1</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="483"/>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="518"/>
        <source>No supervisor key in this database: make one (keys create) and enrol it with the supervisor role.</source>
        <translation>本库中没有审核人密钥：请新建密钥（keys create）并以审核人角色登记。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="527"/>
        <source>Supervisor</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="527"/>
        <source>Passphrase of %1&apos;s key</source>
        <translation>%1 的密钥口令</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="534"/>
        <source>Wrong passphrase.</source>
        <translation>口令不正确。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="538"/>
        <source>Signed in as %1.</source>
        <translation>已以 %1 的身份登录。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="556"/>
        <source>This record was returned: say in the reason why it is approved instead.</source>
        <translation>该记录已退回：请在理由栏写明改为通过的理由。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="560"/>
        <source>This record was returned. Approve it instead?</source>
        <translation>该记录已退回。确定改为通过吗？</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="568"/>
        <source>Say why the record is returned.</source>
        <translation>请填写退回理由。</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="571"/>
        <source>This record was approved. Return it instead?</source>
        <translation>该记录已通过。确定改为退回吗？</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="585"/>
        <source>Replace the decision</source>
        <translation>更改审核决定</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="605"/>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="605"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="607"/>
        <source>%1 %2; it travels in the next return package.</source>
        <translation>%1 %2，随下一个回传包送达笔记本。</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../office/review_page.py" line="71"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="72"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="73"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="74"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="75"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="76"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="77"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="80"/>
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="81"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="82"/>
        <source>Returned (not yet sent)</source>
        <translation>已退回（尚未下发）</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="83"/>
        <source>Returned (sent to the laptop)</source>
        <translation>已退回（已下发笔记本）</translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="84"/>
        <source>Corrected by a new revision</source>
        <translation>已由新版本更正</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../office/scan_page.py" line="63"/>
        <source>A printed record carries its signed data in the sync codes of its last page. Scan the pages (PDF, PNG or JPEG, any order, many records at once) to import records whose bundle has not come; each is checked like a bundle record. A summary QR scanned alone registers the record as known from paper until its data arrives.</source>
        <translation>纸质记录最后一页的同步码携带该记录经签名的完整数据。同步包未送达时，扫描这些页面（PDF、PNG 或 JPEG，顺序不限，可多份记录混在一起）即可导入；每条记录都按同步包的规则核验。单独扫描页眉的摘要二维码，则将该记录登记为“纸质已知”，直到其数据送达。</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="70"/>
        <source>Import scans…</source>
        <translation>导入扫描件…</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="71"/>
        <source>Import a folder of scans…</source>
        <translation>导入扫描文件夹…</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="78"/>
        <source>Scan a record&apos;s QR code here (USB scanner) or paste its text</source>
        <translation>在此用扫码枪扫描记录上的二维码，或粘贴其文本</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="80"/>
        <source>Scan box</source>
        <translation>扫码框</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="84"/>
        <source>Scan box:</source>
        <translation>扫码框：</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="91"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="92"/>
        <location filename="../office/scan_page.py" line="105"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="93"/>
        <source>Sync codes</source>
        <translation>同步码</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="94"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="95"/>
        <source>Read from</source>
        <translation>读自</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="96"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="99"/>
        <source>Scan results</source>
        <translation>扫描导入结果</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="104"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="106"/>
        <source>Inspected</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="107"/>
        <source>Procedure</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="108"/>
        <source>Site code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="109"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="110"/>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="113"/>
        <source>Records known from paper</source>
        <translation>纸质登记的记录</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="135"/>
        <location filename="../office/scan_page.py" line="288"/>
        <source>awaited</source>
        <translation>数据未到</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="136"/>
        <location filename="../office/scan_page.py" line="289"/>
        <source>overdue</source>
        <translation>逾期未到</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="137"/>
        <location filename="../office/scan_page.py" line="290"/>
        <source>differs from the paper</source>
        <translation>与纸质记录不符</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="138"/>
        <location filename="../office/scan_page.py" line="291"/>
        <source>in the conflict queue</source>
        <translation>在冲突队列中</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="160"/>
        <source>Known from paper, data awaited: %1 (overdue: %2); arrived: %3</source>
        <translation>纸质登记、数据未到：%1 条（逾期 %2 条）；已到 %3 条</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="169"/>
        <source>Scans to import</source>
        <translation>要导入的扫描件</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="169"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="174"/>
        <source>Folder of scans</source>
        <translation>扫描件所在文件夹</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="186"/>
        <source>No scan (PDF, PNG, JPEG) there.</source>
        <translation>该处没有扫描件（PDF、PNG、JPEG）。</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="198"/>
        <source>Reading the QR codes of the scans…</source>
        <translation>正在读取扫描件上的二维码…</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="198"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="239"/>
        <source>%1: sync code %2 of %3 read — scan the others</source>
        <translation>%1：已读同步码 %2 个，共 %3 个——请继续扫描其余的</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="250"/>
        <source>%1 (%2, %3) known from paper — data: %4</source>
        <translation>%1（%2，%3）已纸质登记——数据：%4</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="258"/>
        <source>Refused: %1</source>
        <translation>拒收：%1</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="261"/>
        <source>Not a QR code of this app</source>
        <translation>不是本软件的二维码</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="287"/>
        <source>arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="296"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="297"/>
        <source>Held already</source>
        <translation>已有</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="298"/>
        <source>Conflict (kept for review)</source>
        <translation>冲突（留待审核）</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="299"/>
        <source>Incomplete</source>
        <translation>不全</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="300"/>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="328"/>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="338"/>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="342"/>
        <source>%1 page(s) read: %2 record(s) imported, %3 held already, %4 conflict(s), %5 incomplete, %6 refused; %7 summary QR code(s) registered.</source>
        <translation>已读 %1 页：导入 %2 条记录，已有 %3 条，冲突 %4 条，不全 %5 条，拒收 %6 条；登记摘要二维码 %7 个。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings_page.py" line="78"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../office/statistics_page.py" line="79"/>
        <source>from YYYY-MM-DD</source>
        <translation>起 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="79"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="80"/>
        <source>to YYYY-MM-DD</source>
        <translation>止 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="80"/>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="81"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="82"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="83"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="84"/>
        <source>PDF report…</source>
        <translation>PDF 统计报告…</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="121"/>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="146"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="179"/>
        <source>%1 checks · pass %2 · fail %3 · inconclusive %4 · pass rate %5</source>
        <translation>检查 %1 次 · 合格 %2 · 不合格 %3 · 待定 %4 · 合格率 %5</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="188"/>
        <source> · inspection to import: median %1 days, 90 % within %2</source>
        <translation> · 检查至导入：中位数 %1 天，90% 在 %2 天内</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="263"/>
        <source>Statistics report</source>
        <translation>统计报告</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="273"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="98"/>
        <source>Known only from paper</source>
        <translation>仅凭纸质记录</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="202"/>
        <source>† Also %1 known only from a paper record (data awaited): pass %2 · fail %3 · inconclusive %4; with them %5 checks, pass rate %6.</source>
        <translation>† 另有 %1 份仅凭纸质记录（待数据包）：合格 %2 · 不合格 %3 · 待定 %4；计入后检查 %5 次，合格率 %6。</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="214"/>
        <source>⚠ %1 of them overdue: no data %2 days after the inspection.</source>
        <translation>⚠ 其中 %1 份逾期：检查后超过 %2 天数据仍未到。</translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="222"/>
        <source>† %1 known only from paper are not counted under a district or inspector filter (a summary names neither).</source>
        <translation>† 另有 %1 份仅凭纸质记录，未按区县或检查人员计（纸质摘要不含区县和检查人员）。</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../inspection/steps.py" line="790"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="791"/>
        <source>Second inspector</source>
        <translation>第二检查人员</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="792"/>
        <source>Enforcement ID</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="793"/>
        <source>Second inspector&apos;s enforcement ID</source>
        <translation>第二检查人员执法证号</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="798"/>
        <source>Why this record is corrected</source>
        <translation>说明为何更正本记录</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="799"/>
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="803"/>
        <source>Inspector:</source>
        <translation>检查人员：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="807"/>
        <source>Second inspector:</source>
        <translation>第二检查人员：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="808"/>
        <source>Reason for the correction:</source>
        <translation>更正原因：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="813"/>
        <source>Measures taken:</source>
        <translation>处理措施：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="821"/>
        <source>Finalise and sign…</source>
        <translation>定稿并签名…</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="827"/>
        <source>Items</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="897"/>
        <source>This record corrects and replaces record %1 (verdict: %2).</source>
        <translation>本记录更正并取代记录 %1（原结论：%2）。</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="943"/>
        <source>Input error: %1</source>
        <translation>输入有误：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="946"/>
        <source>%1 more refused</source>
        <translation>另有 %1 处输入有误</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="959"/>
        <source>%1 row(s)</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="962"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="966"/>
        <source>%1 more failing</source>
        <translation>另有 %1 行不合格</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="970"/>
        <source>Failed: %1</source>
        <translation>不合格：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="973"/>
        <source>Missing: %1</source>
        <translation>还缺：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="976"/>
        <source>not begun</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="978"/>
        <source>not applicable / optional</source>
        <translation>不适用/可选</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1038"/>
        <source>Failed items: %1</source>
        <translation>不合格项目：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1041"/>
        <source>To measure next: %1</source>
        <translation>需补测：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1054"/>
        <source>Still to fill in:</source>
        <translation>尚需填写：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1062"/>
        <source>An incomplete check cannot be finalised: fill in what is listed above.</source>
        <translation>检查未完成，不能定稿：请先填写上面列出的内容。</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1046"/>
        <source>Note: the marked class does not fit Max/e (classes that fit: %1)</source>
        <translation>注意：标称准确度等级与 Max/e 不符（符合的等级：%1）</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../pages/sync_page.py" line="57"/>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="58"/>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="59"/>
        <source>Trust list</source>
        <translation>信任列表</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="60"/>
        <source>Records to send</source>
        <translation>待发送记录</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="61"/>
        <source>Last export</source>
        <translation>最近导出</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="62"/>
        <source>Acknowledged by the office</source>
        <translation>检查机构已确认</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="63"/>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="68"/>
        <source>Export to…</source>
        <translation>导出到…</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="70"/>
        <source>Write every record the office has not acknowledged into a folder, e.g. a USB stick</source>
        <translation>把检查机构尚未确认的全部记录写入一个文件夹，如 U 盘</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="72"/>
        <source>Import package…</source>
        <translation>导入回传包…</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="73"/>
        <source>Apply the return package the office made for this laptop</source>
        <translation>应用检查机构为本机生成的回传包</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="81"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="85"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="86"/>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="87"/>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="88"/>
        <source>Returned on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="89"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="90"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="93"/>
        <source>The office has returned no record.</source>
        <translation>检查机构未退回任何记录。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="95"/>
        <location filename="../pages/sync_page.py" line="105"/>
        <source>Records returned by the office</source>
        <translation>检查机构退回的记录</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="97"/>
        <source>Open and correct…</source>
        <translation>打开并更正…</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="102"/>
        <source>No task received yet: tasks come with the office&apos;s return package.</source>
        <translation>尚未收到任务：任务随检查机构的回传包送达。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="104"/>
        <location filename="../pages/sync_page.py" line="109"/>
        <source>Tasks received</source>
        <translation>收到的任务</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="131"/>
        <source>Root fingerprint: %1</source>
        <translation>根证书指纹：%1</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="136"/>
        <source>No office yet: records are signed and verify with this laptop&apos;s own key (trusted on this laptop only). Export an enrolment request on the Keys page.</source>
        <translation>尚未登记到检查机构：记录已签名，可用本机密钥核验（仅本机信任）。请在“密钥”页导出登记申请。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="143"/>
        <source>None yet (arrives with the first return package)</source>
        <translation>尚无（随第一个回传包送达）</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="147"/>
        <source>Version %1, valid until %2</source>
        <translation>第 %1 版，有效期至 %2</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="153"/>
        <source>expired: ask the office for a new return package</source>
        <translation>已过期：请向检查机构索取新的回传包</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="156"/>
        <source>expires in %1 days</source>
        <translation>%1 天后过期</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="160"/>
        <source>%1 signed record(s)</source>
        <translation>%1 条已签名记录</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="162"/>
        <source>%1 finalised without a key cannot be sent</source>
        <translation>%1 条未签名定稿记录无法发送</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="166"/>
        <source>%1 enrolment request(s)</source>
        <translation>%1 份登记申请</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="172"/>
        <source>No. %1, %2 record(s), %3 (%4)</source>
        <translation>第 %1 号，%2 条记录，%3（%4）</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="179"/>
        <source>up to bundle no. %1</source>
        <translation>至第 %1 号同步包</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="193"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="193"/>
        <source>To correct</source>
        <translation>待更正</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="208"/>
        <source>Started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="208"/>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="231"/>
        <source>Export to (e.g. a USB stick)</source>
        <translation>导出到（如 U 盘）</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="235"/>
        <source>Sign the bundle</source>
        <translation>为同步包签名</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="235"/>
        <source>Passphrase of your key:</source>
        <translation>您的密钥口令：</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="250"/>
        <source>Writing the bundle…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="250"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="264"/>
        <source>Wrong passphrase; nothing was written.</source>
        <translation>口令不正确，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="268"/>
        <source>Nothing to send: the office has acknowledged every record.</source>
        <translation>没有待发送的记录：检查机构已确认全部记录。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="271"/>
        <source>Bundle no. %1 written: %2 (%3 record(s)). Take it to the office.</source>
        <translation>第 %1 号同步包已写入：%2（%3 条记录）。请带到检查机构。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="281"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="295"/>
        <source>Trust this office?</source>
        <translation>信任该检查机构？</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="297"/>
        <source>This is the first package from %1. Compare its root fingerprint with the one the office gave you; trust it only if they are the same:

%2</source>
        <translation>这是来自%1的第一个回传包。请将其根证书指纹与检查机构告知您的指纹核对，完全一致时才信任：

%2</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="312"/>
        <source>Import the office&apos;s package</source>
        <translation>导入检查机构的回传包</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="312"/>
        <source>Package (*.zip)</source>
        <translation>回传包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="323"/>
        <source>an office</source>
        <translation>检查机构</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="326"/>
        <source>Not trusted; nothing was changed.</source>
        <translation>未信任，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="329"/>
        <source>Package refused; nothing was changed.</source>
        <translation>回传包被拒收，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="335"/>
        <source>Package no. %1 was already applied; nothing changed.</source>
        <translation>第 %1 号回传包此前已应用，无变化。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="341"/>
        <source>Package no. %1 applied: %2 task(s), %3 review decision(s), trust list version %4.</source>
        <translation>第 %1 号回传包已应用：任务 %2 项，审核决定 %3 项，信任列表第 %4 版。</translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="349"/>
        <source>The trust list expires on %1: bring the next bundle soon.</source>
        <translation>信任列表将于 %1 过期：请尽快送交下一个同步包。</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../pages/tasks_page.py" line="58"/>
        <source>No tasks yet. Tasks drawn by the office (双随机) arrive with the next task file; inspections can also start from scratch.</source>
        <translation>暂无任务。局里“双随机”抽取的任务随下一个任务文件下发；也可以直接新建检查。</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="63"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="84"/>
        <source>Started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="84"/>
        <source>Open</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="124"/>
        <source>Instrument</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="125"/>
        <source>Which instrument of this site is inspected?</source>
        <translation>检查该单位的哪一台计量器具？</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../pages/verify_page.py" line="42"/>
        <source>Check that a record is authentic and unaltered: open its PDF, or scan the QR code printed on any page.</source>
        <translation>核验记录是否真实、未被改动：打开记录 PDF，或扫描任一页上的二维码。</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="47"/>
        <source>Open PDF…</source>
        <translation>打开 PDF…</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="48"/>
        <source>Scan or paste the QR text, then press Enter</source>
        <translation>扫描或粘贴二维码内容后按回车</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="49"/>
        <source>QR text</source>
        <translation>二维码内容</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="53"/>
        <source>Result</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="73"/>
        <source>Open record PDF</source>
        <translation>打开记录 PDF</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="73"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="99"/>
        <source>Record no.: %1</source>
        <translation>记录编号：%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="101"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../app.py" line="102"/>
        <source>Something went wrong. Your data is saved; the last action may not have completed.</source>
        <translation>出现意外错误。数据已保存，但最后一步操作可能没有完成。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../inspection/window.py" line="54"/>
        <source>Edit readings</source>
        <translation>修改读数</translation>
    </message>
</context>
</TS>
