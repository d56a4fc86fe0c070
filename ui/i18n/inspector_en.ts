<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChecklistStep</name>
    <message>
        <location filename="../inspection/steps.py" line="193"/>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="194"/>
        <source>Conforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="195"/>
        <source>Does not conform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../inspection/evidence.py" line="128"/>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="129"/>
        <source>Camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="133"/>
        <source>The camera needs Qt Multimedia, which this installation lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="136"/>
        <source>If the site refuses to sign: the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="142"/>
        <location filename="../inspection/evidence.py" line="178"/>
        <source>Inspector signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="143"/>
        <location filename="../inspection/evidence.py" line="179"/>
        <source>Site representative signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="148"/>
        <source>Save signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="149"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="164"/>
        <source>Evidence photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="177"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="190"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="192"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="199"/>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="199"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="215"/>
        <source>Sign in the box first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridStep</name>
    <message>
        <location filename="../inspection/steps.py" line="245"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="256"/>
        <source>Enter moves to the next cell; Ctrl+V pastes a column from a spreadsheet; Delete clears the selected cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="305"/>
        <source>More digits than the resolution %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="346"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below Min</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../models/inspection_table_model.py" line="92"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="93"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="94"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="95"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="96"/>
        <source>Instrument / lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="97"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="98"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../inspection/window.py" line="75"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="133"/>
        <source>Recovered: this inspection was open when the app stopped; nothing typed was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="179"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="188"/>
        <source>The database is in use by another program (%1). Your entries are kept and will be saved as soon as it is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="197"/>
        <source>Saved: the database is free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="221"/>
        <source>Still to fill in: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="250"/>
        <source>Finalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="252"/>
        <source>Finalise record %1 with the verdict “%2”? A finalised record can no longer be changed; a correction is a new record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="261"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="261"/>
        <source>Passphrase of your key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="278"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="286"/>
        <source>The database is in use by another program (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="220"/>
        <source> (and %1 more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../pages/inspections_page.py" line="37"/>
        <source>Search site, credit code, serial, record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="39"/>
        <source>Search inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="40"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="41"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="44"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="45"/>
        <source>All procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="48"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="49"/>
        <source>All verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="53"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="81"/>
        <source>Export signed PDFs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/inspections_page.py" line="111"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="12"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>Finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Inconclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Not evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Fuel dispenser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Taxi meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>Net content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Instruments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="40"/>
        <source>Metrology inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="43"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="67"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="71"/>
        <source>Verify a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="72"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>Record %1 has no signed PDF (a draft, or finalised without a key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>Export signed PDFs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Exporting signed PDFs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>%1 signed PDF(s) exported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../inspection/new_dialog.py" line="36"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="38"/>
        <location filename="../inspection/new_dialog.py" line="73"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="41"/>
        <location filename="../inspection/new_dialog.py" line="74"/>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="42"/>
        <location filename="../inspection/new_dialog.py" line="75"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="45"/>
        <location filename="../inspection/new_dialog.py" line="76"/>
        <source>Control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="46"/>
        <source>In-service inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="47"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="48"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="49"/>
        <location filename="../inspection/new_dialog.py" line="78"/>
        <source>Nominal quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="50"/>
        <location filename="../inspection/new_dialog.py" line="79"/>
        <source>Lot size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="52"/>
        <location filename="../inspection/new_dialog.py" line="80"/>
        <source>Standards used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="53"/>
        <source>valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="62"/>
        <source>Add site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="63"/>
        <source>Add instrument…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="77"/>
        <source>Product (net content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="100"/>
        <source>Add to the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="130"/>
        <source>(none: a product lot)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Next</name>
    <message>
        <location filename="../labels.py" line="57"/>
        <source>Weighing: repeat with small weights of 0.1 e (flash-point method)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Eccentricity: repeat with small weights of 0.1 e (flash-point method)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>Make at least one distance test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPreviewDialog</name>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="27"/>
        <source>Record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="43"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="44"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="45"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="46"/>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="47"/>
        <source>Start a new record that supersedes this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="50"/>
        <source>Signed record: the exported file is the signed original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="67"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="67"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../pages/registry_page.py" line="55"/>
        <location filename="../pages/registry_page.py" line="56"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="62"/>
        <source>All: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="88"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="89"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="90"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="152"/>
        <source>18 characters, e.g. 91500112MA5U7XY1P…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="223"/>
        <location filename="../pages/registry_page.py" line="322"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="231"/>
        <location filename="../pages/registry_page.py" line="322"/>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="244"/>
        <location filename="../pages/registry_page.py" line="270"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="323"/>
        <source>Recovered what was being typed before the app stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>V_B (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>V_Bt (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="36"/>
        <source>Error (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Ec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>MPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Exact amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Shortage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Negative deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>1.4 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>Suggested k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>k to set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>Expected error (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean error (%)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeatability (%)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings_page.py" line="65"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../inspection/steps.py" line="383"/>
        <source>Measures taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="388"/>
        <source>Finalise and sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="420"/>
        <source>Failed items: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="423"/>
        <source>To measure next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="428"/>
        <source>Still to fill in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="435"/>
        <source>An incomplete check cannot be finalised: fill in what is listed above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: the marked class does not fit Max/e (classes that fit: %1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../pages/tasks_page.py" line="51"/>
        <source>No tasks yet. Tasks drawn by the office (双随机) arrive with the next task file; inspections can also start from scratch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="56"/>
        <source>Start inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="72"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="77"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="77"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../pages/verify_page.py" line="39"/>
        <source>Check that a record is authentic and unaltered: open its PDF, or scan the QR code printed on any page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="44"/>
        <source>Open PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="45"/>
        <source>Scan or paste the QR text, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="46"/>
        <source>QR text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="50"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="70"/>
        <source>Open record PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="70"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="90"/>
        <source>Record no.: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="69"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="70"/>
        <source>Something went wrong. Your data is saved; the last action may not have completed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../inspection/window.py" line="38"/>
        <source>Edit readings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
