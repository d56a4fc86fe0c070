<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChecklistStep</name>
    <message>
        <location filename="../inspection/steps.py" line="193"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="194"/>
        <source>Conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="195"/>
        <source>Does not conform</source>
        <translation>不符合</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../inspection/evidence.py" line="128"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="129"/>
        <source>Camera…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="133"/>
        <source>The camera needs Qt Multimedia, which this installation lacks.</source>
        <translation>拍照需要 Qt Multimedia，本安装未包含。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="136"/>
        <source>If the site refuses to sign: the reason</source>
        <translation>如被检查单位拒绝签字：填写原因</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="142"/>
        <location filename="../inspection/evidence.py" line="178"/>
        <source>Inspector signature</source>
        <translation>检查人员签名</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="143"/>
        <location filename="../inspection/evidence.py" line="179"/>
        <source>Site representative signature</source>
        <translation>被检查单位代表签名</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="148"/>
        <source>Save signature</source>
        <translation>保存签名</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="149"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="164"/>
        <source>Evidence photos</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="177"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="190"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation>此检查已定稿，不能再修改。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="192"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="199"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="199"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="215"/>
        <source>Sign in the box first.</source>
        <translation>请先在框内签名。</translation>
    </message>
</context>
<context>
    <name>GridStep</name>
    <message>
        <location filename="../inspection/steps.py" line="245"/>
        <source>Group</source>
        <translation>组（流量点）</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="256"/>
        <source>Enter moves to the next cell; Ctrl+V pastes a column from a spreadsheet; Delete clears the selected cells.</source>
        <translation>回车移到下一格；Ctrl+V 粘贴表格中复制的一列；Delete 清除选中的单元格。</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="305"/>
        <source>More digits than the resolution %1 %2</source>
        <translation>位数多于分度值 %1 %2，请核对</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="346"/>
        <source>Result</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <source>Below Min</source>
        <translation>低于 Min（不判定）</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../models/inspection_table_model.py" line="92"/>
        <source>Record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="94"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="95"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="96"/>
        <source>Instrument / lot</source>
        <translation>计量器具 / 检验批</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="97"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="98"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../inspection/window.py" line="75"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="133"/>
        <source>Recovered: this inspection was open when the app stopped; nothing typed was lost.</source>
        <translation>已恢复：程序退出时此检查正在进行，已输入的内容没有丢失。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="179"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation>此检查已定稿，不能再修改。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="188"/>
        <source>The database is in use by another program (%1). Your entries are kept and will be saved as soon as it is free.</source>
        <translation>数据库正被另一个程序占用（%1）。已输入的数据保留在本窗口，数据库空闲后立即自动保存。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="197"/>
        <source>Saved: the database is free again.</source>
        <translation>已保存：数据库已空闲。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="221"/>
        <source>Still to fill in: </source>
        <translation>待填写：</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="250"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="252"/>
        <source>Finalise record %1 with the verdict “%2”? A finalised record can no longer be changed; a correction is a new record.</source>
        <translation>以结论“%2”定稿记录 %1？定稿后不能再修改；如需更正须新建更正记录。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="261"/>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="261"/>
        <source>Passphrase of your key:</source>
        <translation>密钥口令：</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="278"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation>口令不正确，未做任何改动。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="286"/>
        <source>The database is in use by another program (%1); nothing was changed.</source>
        <translation>数据库正被另一个程序占用（%1），未做任何改动。</translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="220"/>
        <source> (and %1 more)</source>
        <translation>（另有 %1 项）</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../pages/inspections_page.py" line="37"/>
        <source>Search site, credit code, serial, record no.</source>
        <translation>搜索单位、信用代码、出厂编号、记录编号</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="39"/>
        <source>Search inspections</source>
        <translation>搜索检查记录</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="40"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="41"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="44"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="45"/>
        <source>All procedures</source>
        <translation>全部检查项目</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="48"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="49"/>
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="53"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="81"/>
        <source>Export signed PDFs…</source>
        <translation>导出已签名 PDF…</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/inspections_page.py" line="111"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共 %n 条检查记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="12"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>Finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Inconclusive</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Not evaluated</source>
        <translation>未评定</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Fuel dispenser</source>
        <translation>燃油加油机</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Taxi meter</source>
        <translation>出租车计价器</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Scale</source>
        <translation>衡器</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>Net content</source>
        <translation>定量包装商品净含量</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>Sites</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Instruments</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>Standards</source>
        <translation>标准器</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="40"/>
        <source>Metrology inspections</source>
        <translation>计量监督检查</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="43"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="67"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="71"/>
        <source>Verify a record</source>
        <translation>核验记录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="72"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>Record %1 has no signed PDF (a draft, or finalised without a key).</source>
        <translation>记录 %1 没有已签名的 PDF（草稿，或定稿时未签名）。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>Export signed PDFs to</source>
        <translation>导出已签名 PDF 到</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Exporting signed PDFs…</source>
        <translation>正在导出已签名 PDF…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>%1 signed PDF(s) exported.</source>
        <translation>已导出 %1 份已签名 PDF。</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../inspection/new_dialog.py" line="36"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="38"/>
        <location filename="../inspection/new_dialog.py" line="73"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="41"/>
        <location filename="../inspection/new_dialog.py" line="74"/>
        <source>Instrument</source>
        <translation>计量器具</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="42"/>
        <location filename="../inspection/new_dialog.py" line="75"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="45"/>
        <location filename="../inspection/new_dialog.py" line="76"/>
        <source>Control</source>
        <translation>检查类别</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="46"/>
        <source>In-service inspection</source>
        <translation>使用中检查</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="47"/>
        <source>Verification</source>
        <translation>检定</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="48"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="49"/>
        <location filename="../inspection/new_dialog.py" line="78"/>
        <source>Nominal quantity</source>
        <translation>标注净含量</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="50"/>
        <location filename="../inspection/new_dialog.py" line="79"/>
        <source>Lot size</source>
        <translation>检验批量</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="52"/>
        <location filename="../inspection/new_dialog.py" line="80"/>
        <source>Standards used</source>
        <translation>使用的标准器</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="53"/>
        <source>valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="62"/>
        <source>Add site…</source>
        <translation>新增单位…</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="63"/>
        <source>Add instrument…</source>
        <translation>新增器具…</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="77"/>
        <source>Product (net content)</source>
        <translation>商品（净含量检验）</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="100"/>
        <source>Add to the registry</source>
        <translation>新增登记</translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="130"/>
        <source>(none: a product lot)</source>
        <translation>（无：定量包装商品检验批）</translation>
    </message>
</context>
<context>
    <name>Next</name>
    <message>
        <location filename="../labels.py" line="57"/>
        <source>Weighing: repeat with small weights of 0.1 e (flash-point method)</source>
        <translation>称量测试：加 0.1e 小砝码用闪变点法复测</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Eccentricity: repeat with small weights of 0.1 e (flash-point method)</source>
        <translation>偏载测试：加 0.1e 小砝码用闪变点法复测</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>Make at least one distance test</source>
        <translation>至少做一次计程误差测试</translation>
    </message>
</context>
<context>
    <name>RecordPreviewDialog</name>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="27"/>
        <source>Record %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="43"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="44"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="45"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="46"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="47"/>
        <source>Start a new record that supersedes this one</source>
        <translation>新建一条取代本记录的更正记录</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="50"/>
        <source>Signed record: the exported file is the signed original.</source>
        <translation>已签名记录：导出的文件即签名原件。</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="67"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="67"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../pages/registry_page.py" line="55"/>
        <location filename="../pages/registry_page.py" line="56"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="62"/>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="88"/>
        <source>Messages</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="89"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="90"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="152"/>
        <source>18 characters, e.g. 91500112MA5U7XY1P…</source>
        <translation>18 位，例如 91500112MA5U7XY1P…</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="223"/>
        <location filename="../pages/registry_page.py" line="322"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="231"/>
        <location filename="../pages/registry_page.py" line="322"/>
        <source>New entry</source>
        <translation>新建条目</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="244"/>
        <location filename="../pages/registry_page.py" line="270"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="323"/>
        <source>Recovered what was being typed before the app stopped.</source>
        <translation>已恢复程序上次退出前正在输入的内容。</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>V_B (L)</source>
        <translation>V_B (L)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>V_Bt (L)</source>
        <translation>V_Bt (L)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>Error (%)</source>
        <translation>误差 (%)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>P</source>
        <translation>P（化整前示值）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>E</source>
        <translation>E（误差）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Ec</source>
        <translation>Ec（修正误差）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>MPE</source>
        <translation>MPE</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Computed</source>
        <translation>计算值</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Exact amount</source>
        <translation>精确金额</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Shortage</source>
        <translation>短缺量</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Negative deviation</source>
        <translation>负偏差</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>1.4 d</source>
        <translation>1.4 d</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Class</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>Suggested k</source>
        <translation>建议 k</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>k to set</source>
        <translation>应设 k</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>Expected error (%)</source>
        <translation>预计误差 (%)</translation>
    </message>
    <message>
        <source>Mean error (%)</source>
        <translation>平均示值误差 (%)</translation>
    </message>
    <message>
        <source>Repeatability (%)</source>
        <translation>重复性 (%)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings_page.py" line="65"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../inspection/steps.py" line="383"/>
        <source>Measures taken:</source>
        <translation>处理措施：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="388"/>
        <source>Finalise and sign…</source>
        <translation>定稿并签名…</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="420"/>
        <source>Failed items: %1</source>
        <translation>不合格项目：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="423"/>
        <source>To measure next: %1</source>
        <translation>需补测：%1</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="428"/>
        <source>Still to fill in:</source>
        <translation>尚需填写：</translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="435"/>
        <source>An incomplete check cannot be finalised: fill in what is listed above.</source>
        <translation>检查未完成，不能定稿：请先填写上面列出的内容。</translation>
    </message>
    <message>
        <source>Note: the marked class does not fit Max/e (classes that fit: %1)</source>
        <translation>注意：标称准确度等级与 Max/e 不符（符合的等级：%1）</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../pages/tasks_page.py" line="51"/>
        <source>No tasks yet. Tasks drawn by the office (双随机) arrive with the next task file; inspections can also start from scratch.</source>
        <translation>暂无任务。局里“双随机”抽取的任务随下一个任务文件下发；也可以直接新建检查。</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="56"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Procedure</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Site</source>
        <translation>受检单位</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="77"/>
        <source>Started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="77"/>
        <source>Open</source>
        <translation>待检查</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../pages/verify_page.py" line="39"/>
        <source>Check that a record is authentic and unaltered: open its PDF, or scan the QR code printed on any page.</source>
        <translation>核验记录是否真实、未被改动：打开记录 PDF，或扫描任一页上的二维码。</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="44"/>
        <source>Open PDF…</source>
        <translation>打开 PDF…</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="45"/>
        <source>Scan or paste the QR text, then press Enter</source>
        <translation>扫描或粘贴二维码内容后按回车</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="46"/>
        <source>QR text</source>
        <translation>二维码内容</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="50"/>
        <source>Result</source>
        <translation>核验结果</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="70"/>
        <source>Open record PDF</source>
        <translation>打开记录 PDF</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="70"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="90"/>
        <source>Record no.: %1</source>
        <translation>记录编号：%1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="69"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../app.py" line="70"/>
        <source>Something went wrong. Your data is saved; the last action may not have completed.</source>
        <translation>出现意外错误。数据已保存，但最后一步操作可能没有完成。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../inspection/window.py" line="38"/>
        <source>Edit readings</source>
        <translation>修改读数</translation>
    </message>
</context>
</TS>
