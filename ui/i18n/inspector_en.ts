<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChecklistStep</name>
    <message>
        <location filename="../inspection/steps.py" line="376"/>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="377"/>
        <source>Conforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="378"/>
        <source>Does not conform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../office/conflicts_dialog.py" line="45"/>
        <location filename="../office/conflicts_dialog.py" line="66"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="49"/>
        <source>These records arrived with the number of a record already stored here but with other content, or correct a record that is no longer the current one. Both versions are kept; nothing stored is overwritten. Compare them and say what happens next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="55"/>
        <source>Show resolved conflicts too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="58"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="59"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="60"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="61"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="62"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="63"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="68"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="68"/>
        <source>Stored record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="68"/>
        <source>Arriving version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="69"/>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="74"/>
        <source>Why (kept in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="75"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="78"/>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="79"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="110"/>
        <source>same number, other content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="111"/>
        <source>corrects a record that is no longer current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="122"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="122"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="154"/>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="160"/>
        <source>Record %1: the stored record (fingerprint %2…) beside the arriving version (%3…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/conflicts_dialog.py" line="189"/>
        <source>Conflict of record %1 resolved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="19"/>
        <source>Correct record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="22"/>
        <source>Record %1 (%2, finalised %3, verdict “%4”) stays as it was signed. A new record replaces it: it copies the readings, the standards, the measures and both inspectors, and you correct what was wrong. Its own verdict is decided anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="32"/>
        <source>e.g. a reading was typed wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="33"/>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="38"/>
        <source>Start the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/correction_dialog.py" line="45"/>
        <source>Reason for the correction (printed on the new record):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditPage</name>
    <message>
        <location filename="../office/credit_page.py" line="108"/>
        <location filename="../office/credit_page.py" line="128"/>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="109"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="110"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="111"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="112"/>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="114"/>
        <source>No site is on the black list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="115"/>
        <source>Black list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="116"/>
        <source>No site is on the red list yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="117"/>
        <source>Red list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="118"/>
        <source>Black list (serious breach, close supervision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="120"/>
        <source>Red list (trustworthy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="127"/>
        <source>Credit code of any entity: its integrity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="129"/>
        <source>Export lists (XLSX/CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="152"/>
        <source>As on %1, over the last %2 months. Black: a failed check with a cheating or seal item, or %3 failed checks within %4 months; leaves after %5 months without a failure. Red: at least %6 checks over at least %7 months, none failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="194"/>
        <source>Credit lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="194"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="204"/>
        <source>Saved %1: %2 on the black list, %3 on the red list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message>
        <location filename="../office/draw_page.py" line="60"/>
        <source>Import entities (CSV/XLSX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="61"/>
        <source>Search name, credit code, district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="62"/>
        <source>Search entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="130"/>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="70"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="71"/>
        <location filename="../office/draw_page.py" line="132"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="64"/>
        <location filename="../office/draw_page.py" line="133"/>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="66"/>
        <location filename="../office/draw_page.py" line="83"/>
        <location filename="../office/draw_page.py" line="263"/>
        <source>Entity directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="69"/>
        <source>Employee no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="72"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="73"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="76"/>
        <location filename="../office/draw_page.py" line="91"/>
        <source>Inspector directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="77"/>
        <source>District of the inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="78"/>
        <source>(no district)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="81"/>
        <source>Set district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="82"/>
        <source>Available / not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="105"/>
        <source>Plan (TOML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="108"/>
        <source>Open plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="109"/>
        <source>Witness number drawn in public, e.g. 3 8 1 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="110"/>
        <source>Witness number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="111"/>
        <location filename="../office/draw_page.py" line="336"/>
        <source>Draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="113"/>
        <location filename="../office/draw_page.py" line="312"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="118"/>
        <source>Witness number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="123"/>
        <source>Draws made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="129"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="131"/>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="134"/>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="135"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="138"/>
        <source>Draw result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="139"/>
        <source>Print / PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="140"/>
        <source>Save draw record (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="141"/>
        <source>Draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="191"/>
        <source>A plan of the double-random draw: adjust it, then press Draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="192"/>
        <source>the procedure, one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="193"/>
        <source>enforcement officers sent to each site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="204"/>
        <source>the districts drawn from; empty: every district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="205"/>
        <source>the kinds of site drawn, of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="213"/>
        <source>The share (%) of each risk level drawn, rounded up; at least one per level with sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="237"/>
        <source>%1 entities in the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="241"/>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="241"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="241"/>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="249"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="249"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="263"/>
        <source>Tables (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="273"/>
        <source>%1: %2 rows, %3 added, %4 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="312"/>
        <source>Plans (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="337"/>
        <source>Draw plan %1 with witness number %2: the office root&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="346"/>
        <source>Wrong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="353"/>
        <source>Drawn: %1 entities, %2 tasks for the next return packages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="386"/>
        <source>No draw yet: import the entities, check the plan, type the witness number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="395"/>
        <source>Witness %1 · seed %2… · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="405"/>
        <source>not assigned (too few after recusal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="439"/>
        <source>Draw record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/draw_page.py" line="444"/>
        <source>Saved %1 (check it with: inspector-app office draw --verify).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <location filename="../office/enrol_page.py" line="43"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="44"/>
        <source>Enforcement ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="45"/>
        <location filename="../office/enrol_page.py" line="80"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="46"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="47"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="49"/>
        <source>No enrolment request is waiting: they come in the laptops&apos; bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="51"/>
        <location filename="../office/enrol_page.py" line="64"/>
        <source>Enrolment requests waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="53"/>
        <location filename="../office/enrol_page.py" line="132"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="54"/>
        <location filename="../office/enrol_page.py" line="132"/>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="55"/>
        <location filename="../office/enrol_page.py" line="59"/>
        <location filename="../office/enrol_page.py" line="79"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="56"/>
        <source>Enrol selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="57"/>
        <source>Enrol from a request file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="68"/>
        <source>No requests waiting. A laptop&apos;s request comes as a .csr file (Enrol from a request file…) or inside a bundle from an enrolled laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="78"/>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="81"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="82"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="83"/>
        <source>Certificate fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="86"/>
        <location filename="../office/enrol_page.py" line="88"/>
        <source>Certificates issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="87"/>
        <source>Revoke selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="109"/>
        <source>Root fingerprint: %1
Trust list version %2, valid until %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="115"/>
        <source>bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="115"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="141"/>
        <source>Revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="143"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="162"/>
        <source>Office root key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="162"/>
        <source>Passphrase of the office root key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="169"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="182"/>
        <source>%1 enrolled until %2; trust list version %3. Make this laptop&apos;s package next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="200"/>
        <source>Enrolment request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="200"/>
        <source>Request (*.csr *.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="220"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="220"/>
        <source>Reason (e.g. laptop lost, left the office):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/enrol_page.py" line="233"/>
        <source>Revoked from now; trust list version %1 goes out with the next packages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <location filename="../office/credit_page.py" line="40"/>
        <source>Integrity file — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="42"/>
        <source>Black list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="42"/>
        <source>Red list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="42"/>
        <source>No list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="46"/>
        <source>risk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="52"/>
        <source>(since %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="58"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="59"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="60"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="61"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="62"/>
        <source>Failed items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="63"/>
        <source>Measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="64"/>
        <source>Drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="65"/>
        <source>List after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="68"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="79"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/credit_page.py" line="87"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../inspection/evidence.py" line="146"/>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="147"/>
        <source>Camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="151"/>
        <source>The camera needs Qt Multimedia, which this installation lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="156"/>
        <source>If the site refuses to sign: the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="200"/>
        <source>Site representative signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="167"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="144"/>
        <location filename="../inspection/evidence.py" line="182"/>
        <source>Evidence photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="198"/>
        <source>Inspector (1) signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="199"/>
        <source>Inspector (2) signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="204"/>
        <source>name the second inspector above first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="208"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="226"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="250"/>
        <location filename="../inspection/evidence.py" line="298"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="252"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="259"/>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="259"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="276"/>
        <source>Sign in the box first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="157"/>
        <source>Reason the site refused to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="211"/>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="240"/>
        <source>Signed and saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/evidence.py" line="240"/>
        <source>Not signed yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldsStep</name>
    <message>
        <location filename="../inspection/steps.py" line="343"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridStep</name>
    <message>
        <location filename="../inspection/steps.py" line="471"/>
        <source>Current cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="475"/>
        <source>Enter or Tab: next cell (Shift: back) · typing replaces the cell, F2 edits it · Delete clears the selected cells · Ctrl+V pastes from a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="485"/>
        <source>Rows needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="496"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="529"/>
        <source>Not stored: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../office/import_page.py" line="47"/>
        <source>Import the bundles laptops bring on a USB stick. Each is checked whole first — signatures, every file&apos;s hash — and refused whole if anything is wrong; an accepted bundle is stored in one step. Importing a bundle twice changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="53"/>
        <source>Import bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="54"/>
        <source>Import a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="61"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="62"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="63"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="64"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="65"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="66"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="67"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="68"/>
        <source>Missing bundle nos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="69"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="72"/>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="74"/>
        <source>Imported before (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="106"/>
        <source>imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="115"/>
        <source>No bundle imported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="121"/>
        <source>Bundles to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="121"/>
        <source>Bundle (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="128"/>
        <source>Folder of bundles (e.g. a USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="139"/>
        <source>No bundle (.zip) there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="150"/>
        <location filename="../office/import_page.py" line="155"/>
        <source>Checking and importing bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="150"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="98"/>
        <location filename="../office/import_page.py" line="184"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="156"/>
        <source>Waiting for another import into this office to finish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="185"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="186"/>
        <source>Unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="195"/>
        <source>imported before: nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="198"/>
        <source>the laptop holds an acknowledgement this office lacks: ask for an export of all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/import_page.py" line="222"/>
        <source>%1 of %2 bundle(s) accepted: %3 new record(s), %4 duplicate(s), %5 conflict(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../models/inspection_table_model.py" line="71"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="72"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="73"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="74"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="75"/>
        <source>Instrument / lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="76"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="77"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="191"/>
        <location filename="../models/inspection_table_model.py" line="216"/>
        <source>Superseded</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="194"/>
        <location filename="../models/inspection_table_model.py" line="207"/>
        <source>%1 (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/inspection_table_model.py" line="212"/>
        <source>%1, superseded by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../inspection/window.py" line="120"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="227"/>
        <source>Recovered: this inspection was open when the app stopped. Every entry confirmed (Enter, Tab or leaving the field) had been saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="232"/>
        <source>; nothing was being typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="253"/>
        <source>; “%1” being typed in %2 could not be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="256"/>
        <source>; “%1”, still being typed in %2, was put back and saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="313"/>
        <source>Not stored: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="338"/>
        <location filename="../inspection/window.py" line="500"/>
        <source>This inspection is finalised and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="350"/>
        <source>The database is in use by another program (%1). Your entries are kept and will be saved as soon as it is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="359"/>
        <source>Saved: the database is free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="396"/>
        <source>Still to fill in: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="450"/>
        <source>Input error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="536"/>
        <source>It replaces record %1 of %2: verdict “%3” → “%4”. Reason: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="542"/>
        <source>Finalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="591"/>
        <location filename="../inspection/window.py" line="598"/>
        <source>Signing and making the record PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="592"/>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="530"/>
        <source>Finalise record %1 with the verdict “%2”? A finalised record can no longer be changed; a correction is a new record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="546"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="546"/>
        <source>Passphrase of your key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="567"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="505"/>
        <location filename="../inspection/window.py" line="575"/>
        <source>The database is in use by another program (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="395"/>
        <source> (and %1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="68"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="69"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="70"/>
        <source>Something is still missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="71"/>
        <source>Undecided: a further test is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="72"/>
        <source>Not begun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="73"/>
        <source>Input error: correct the marked cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="74"/>
        <source>Not applicable or optional for this type of check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="150"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="155"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="156"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/window.py" line="306"/>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../pages/inspections_page.py" line="46"/>
        <source>Search site, credit code, serial, record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="47"/>
        <source>Search inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="48"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="49"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="52"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="53"/>
        <source>All procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="54"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="55"/>
        <source>All verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="59"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/inspections_page.py" line="98"/>
        <source>Export signed PDFs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/inspections_page.py" line="149"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../pages/keys_page.py" line="42"/>
        <source>Create a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="51"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="52"/>
        <source>Enforcement ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="53"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="54"/>
        <source>Passphrase (8 characters or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="55"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <location filename="../pages/keys_page.py" line="85"/>
        <source>Your key signs every record you finalise. The office enrols it from an enrolment request (a file you take to the office); records signed before enrolment stay valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="92"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="93"/>
        <source>Enforcement ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="94"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="95"/>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="96"/>
        <source>Enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="99"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="100"/>
        <source>Create key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="101"/>
        <source>Export enrolment request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="102"/>
        <source>Change passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="123"/>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="125"/>
        <source>Enrolled until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="126"/>
        <source>Request exported, waiting for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="127"/>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="177"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="197"/>
        <source>Key created. Export its enrolment request and take it to the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="209"/>
        <source>Save the enrolment request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="211"/>
        <source>Request (*.csr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="216"/>
        <source>Sign the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="216"/>
        <source>Passphrase of this key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="223"/>
        <source>Wrong passphrase; no request was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="230"/>
        <source>Enrolment request written to %1. Take it to the office; it also travels with your next bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="244"/>
        <location filename="../pages/keys_page.py" line="249"/>
        <location filename="../pages/keys_page.py" line="253"/>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="244"/>
        <source>Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="249"/>
        <source>New passphrase (8 characters or more):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="253"/>
        <source>New passphrase again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="257"/>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="262"/>
        <source>Wrong passphrase; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/keys_page.py" line="267"/>
        <source>Passphrase changed. The key itself is the same; records stay valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Instruments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="22"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="55"/>
        <source>Metrology inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="58"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="82"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="83"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="87"/>
        <source>Verify a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="88"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="89"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="90"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="101"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>Record %1 has no signed PDF (a draft, or finalised without a key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232"/>
        <source>Returned by the office: %1 — correct it with Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279"/>
        <source>Export signed PDFs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>Exporting signed PDFs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="287"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297"/>
        <source>%1 signed PDF(s) exported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../inspection/new_dialog.py" line="41"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="43"/>
        <location filename="../inspection/new_dialog.py" line="82"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="46"/>
        <location filename="../inspection/new_dialog.py" line="83"/>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="47"/>
        <location filename="../inspection/new_dialog.py" line="84"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="50"/>
        <location filename="../inspection/new_dialog.py" line="85"/>
        <source>Control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="51"/>
        <source>In-service inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="52"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="53"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="54"/>
        <location filename="../inspection/new_dialog.py" line="90"/>
        <source>Nominal quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="59"/>
        <location filename="../inspection/new_dialog.py" line="91"/>
        <source>Lot size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="61"/>
        <location filename="../inspection/new_dialog.py" line="92"/>
        <source>Standards used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="62"/>
        <source>valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="71"/>
        <source>Add site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="72"/>
        <source>Add instrument…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="86"/>
        <source>Product (net content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="112"/>
        <source>Add to the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="142"/>
        <source>(none: a product lot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/new_dialog.py" line="55"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../office/window.py" line="69"/>
        <source>Office — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="72"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="96"/>
        <source>Import bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="97"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="98"/>
        <source>Random draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="99"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="100"/>
        <source>Credit lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="101"/>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="102"/>
        <source>Enrolment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="103"/>
        <source>Return packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="105"/>
        <source>Verify a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="106"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="116"/>
        <source>Office database: %1 — root %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/window.py" line="104"/>
        <source>Import scans</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <location filename="../office/packages_page.py" line="32"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="33"/>
        <source>Inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="34"/>
        <source>Last bundle no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="35"/>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="36"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="37"/>
        <source>Last package no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="38"/>
        <source>Last bundle received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="41"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="43"/>
        <source>Make package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="64"/>
        <source>this office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="85"/>
        <source>Conflict queue: %1 record(s) for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="87"/>
        <source>No conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="111"/>
        <source>Write the package to (e.g. a USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="117"/>
        <source>Office root key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="117"/>
        <source>Passphrase of the office root key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="124"/>
        <source>Wrong passphrase; no package was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="133"/>
        <source>Package no. %1 written: %2 (%3 task(s), %4 review decision(s), acknowledges bundle no. %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/packages_page.py" line="45"/>
        <source>Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublicationPage</name>
    <message>
        <location filename="../office/publication_page.py" line="47"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="48"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="49"/>
        <source>Inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="50"/>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="51"/>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="52"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="53"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="54"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="55"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="58"/>
        <source>Results to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="59"/>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="59"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="60"/>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="60"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="61"/>
        <source>Include records already published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="62"/>
        <source>Export and mark published (XLSX/CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="90"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="90"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="90"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="92"/>
        <source>Overdue %1 · due %2 · published %3 · awaiting review %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="103"/>
        <source>The holiday list in the settings has no date in %1: deadlines count weekends only. Add this year&apos;s official holidays (Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="115"/>
        <source>(%1 working days left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="142"/>
        <source>Publication list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="142"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/publication_page.py" line="157"/>
        <source>Saved %1: %2 rows, %3 newly published.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingsTableModel</name>
    <message>
        <location filename="../inspection/grid.py" line="221"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPreviewDialog</name>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="38"/>
        <source>Record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="54"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="55"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="56"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="57"/>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="58"/>
        <source>Start a new record that supersedes this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="61"/>
        <source>Signed record: the exported file is the signed original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="84"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../dialogs/record_preview_dialog.py" line="84"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <location filename="../pages/registry_page.py" line="59"/>
        <location filename="../pages/registry_page.py" line="60"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="66"/>
        <source>All: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="96"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="97"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="98"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="160"/>
        <source>18 characters, e.g. 91500112MA5U7XY1P…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="232"/>
        <location filename="../pages/registry_page.py" line="331"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="240"/>
        <location filename="../pages/registry_page.py" line="331"/>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="253"/>
        <location filename="../pages/registry_page.py" line="279"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/registry_page.py" line="332"/>
        <source>Recovered what was being typed before the app stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../office/review_page.py" line="167"/>
        <source>Review state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="169"/>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="170"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="171"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="172"/>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="173"/>
        <source>All current records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="177"/>
        <location filename="../office/review_page.py" line="418"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="178"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="180"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="182"/>
        <location filename="../office/review_page.py" line="430"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="183"/>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="183"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="184"/>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="184"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="185"/>
        <source>Record no., site or credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="186"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="203"/>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="229"/>
        <source>Figures of the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="230"/>
        <source>Select a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="231"/>
        <source>Signed PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="249"/>
        <location filename="../office/review_page.py" line="479"/>
        <source>Sign in as supervisor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="250"/>
        <source>Reason for returning (Ctrl+R, then Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="251"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="252"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="253"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="306"/>
        <source>All: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="330"/>
        <source>%1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="348"/>
        <source>No record matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="373"/>
        <source>Rendering the signed PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="394"/>
        <source>The laptop sent no PDF for this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="417"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="420"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="424"/>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="431"/>
        <source>Finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="439"/>
        <source>Failed items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="442"/>
        <source>Measures taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="445"/>
        <source>Corrects record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="448"/>
        <source>A correction replaced this record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="456"/>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="477"/>
        <source>Not signed in: decisions need the supervisor&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="481"/>
        <source>Signing as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="483"/>
        <source>Lock (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="518"/>
        <source>No supervisor key in this database: make one (keys create) and enrol it with the supervisor role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="527"/>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="527"/>
        <source>Passphrase of %1&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="534"/>
        <source>Wrong passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="538"/>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="556"/>
        <source>This record was returned: say in the reason why it is approved instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="560"/>
        <source>This record was returned. Approve it instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="568"/>
        <source>Say why the record is returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="571"/>
        <source>This record was approved. Return it instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="585"/>
        <source>Replace the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="605"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="605"/>
        <source>returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="607"/>
        <source>%1 %2; it travels in the next return package.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../office/review_page.py" line="71"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="72"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="73"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="74"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="75"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="76"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="77"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="80"/>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="81"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="82"/>
        <source>Returned (not yet sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="83"/>
        <source>Returned (sent to the laptop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/review_page.py" line="84"/>
        <source>Corrected by a new revision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../office/scan_page.py" line="63"/>
        <source>A printed record carries its signed data in the sync codes of its last page. Scan the pages (PDF, PNG or JPEG, any order, many records at once) to import records whose bundle has not come; each is checked like a bundle record. A summary QR scanned alone registers the record as known from paper until its data arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="70"/>
        <source>Import scans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="71"/>
        <source>Import a folder of scans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="78"/>
        <source>Scan a record&apos;s QR code here (USB scanner) or paste its text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="80"/>
        <source>Scan box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="84"/>
        <source>Scan box:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="91"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="92"/>
        <location filename="../office/scan_page.py" line="105"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="93"/>
        <source>Sync codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="94"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="95"/>
        <source>Read from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="96"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="99"/>
        <source>Scan results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="104"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="106"/>
        <source>Inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="107"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="108"/>
        <source>Site code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="109"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="110"/>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="113"/>
        <source>Records known from paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="135"/>
        <location filename="../office/scan_page.py" line="288"/>
        <source>awaited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="136"/>
        <location filename="../office/scan_page.py" line="289"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="137"/>
        <location filename="../office/scan_page.py" line="290"/>
        <source>differs from the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="138"/>
        <location filename="../office/scan_page.py" line="291"/>
        <source>in the conflict queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="160"/>
        <source>Known from paper, data awaited: %1 (overdue: %2); arrived: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="169"/>
        <source>Scans to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="169"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="174"/>
        <source>Folder of scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="186"/>
        <source>No scan (PDF, PNG, JPEG) there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="198"/>
        <source>Reading the QR codes of the scans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="198"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="239"/>
        <source>%1: sync code %2 of %3 read — scan the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="250"/>
        <source>%1 (%2, %3) known from paper — data: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="258"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="261"/>
        <source>Not a QR code of this app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="287"/>
        <source>arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="296"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="297"/>
        <source>Held already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="298"/>
        <source>Conflict (kept for review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="299"/>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="300"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="328"/>
        <source>Unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="338"/>
        <source>Cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/scan_page.py" line="342"/>
        <source>%1 page(s) read: %2 record(s) imported, %3 held already, %4 conflict(s), %5 incomplete, %6 refused; %7 summary QR code(s) registered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/settings_page.py" line="78"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../office/statistics_page.py" line="79"/>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="79"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="80"/>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="80"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="81"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="82"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="83"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="84"/>
        <source>PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="121"/>
        <source>All: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="146"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="179"/>
        <source>%1 checks · pass %2 · fail %3 · inconclusive %4 · pass rate %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="188"/>
        <source> · inspection to import: median %1 days, 90 % within %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="263"/>
        <source>Statistics report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="273"/>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="98"/>
        <source>Known only from paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="202"/>
        <source>† Also %1 known only from a paper record (data awaited): pass %2 · fail %3 · inconclusive %4; with them %5 checks, pass rate %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="214"/>
        <source>⚠ %1 of them overdue: no data %2 days after the inspection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../office/statistics_page.py" line="222"/>
        <source>† %1 known only from paper are not counted under a district or inspector filter (a summary names neither).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../inspection/steps.py" line="790"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="791"/>
        <source>Second inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="792"/>
        <source>Enforcement ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="793"/>
        <source>Second inspector&apos;s enforcement ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="798"/>
        <source>Why this record is corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="799"/>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="803"/>
        <source>Inspector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="807"/>
        <source>Second inspector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="808"/>
        <source>Reason for the correction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="813"/>
        <source>Measures taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="821"/>
        <source>Finalise and sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="827"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="897"/>
        <source>This record corrects and replaces record %1 (verdict: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="943"/>
        <source>Input error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="946"/>
        <source>%1 more refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="959"/>
        <source>%1 row(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="962"/>
        <source>row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="966"/>
        <source>%1 more failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="970"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="973"/>
        <source>Missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="976"/>
        <source>not begun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="978"/>
        <source>not applicable / optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1038"/>
        <source>Failed items: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1041"/>
        <source>To measure next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1054"/>
        <source>Still to fill in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1062"/>
        <source>An incomplete check cannot be finalised: fill in what is listed above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../inspection/steps.py" line="1046"/>
        <source>Note: the marked class does not fit Max/e (classes that fit: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../pages/sync_page.py" line="57"/>
        <source>This laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="58"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="59"/>
        <source>Trust list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="60"/>
        <source>Records to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="61"/>
        <source>Last export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="62"/>
        <source>Acknowledged by the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="63"/>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="68"/>
        <source>Export to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="70"/>
        <source>Write every record the office has not acknowledged into a folder, e.g. a USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="72"/>
        <source>Import package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="73"/>
        <source>Apply the return package the office made for this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="81"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="85"/>
        <source>Record no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="86"/>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="87"/>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="88"/>
        <source>Returned on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="89"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="90"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="93"/>
        <source>The office has returned no record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="95"/>
        <location filename="../pages/sync_page.py" line="105"/>
        <source>Records returned by the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="97"/>
        <source>Open and correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="100"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="102"/>
        <source>No task received yet: tasks come with the office&apos;s return package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="104"/>
        <location filename="../pages/sync_page.py" line="109"/>
        <source>Tasks received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="131"/>
        <source>Root fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="136"/>
        <source>No office yet: records are signed and verify with this laptop&apos;s own key (trusted on this laptop only). Export an enrolment request on the Keys page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="143"/>
        <source>None yet (arrives with the first return package)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="147"/>
        <source>Version %1, valid until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="153"/>
        <source>expired: ask the office for a new return package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="156"/>
        <source>expires in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="160"/>
        <source>%1 signed record(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="162"/>
        <source>%1 finalised without a key cannot be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="166"/>
        <source>%1 enrolment request(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="172"/>
        <source>No. %1, %2 record(s), %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="179"/>
        <source>up to bundle no. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="193"/>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="193"/>
        <source>To correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="208"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="208"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="231"/>
        <source>Export to (e.g. a USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="235"/>
        <source>Sign the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="235"/>
        <source>Passphrase of your key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="250"/>
        <source>Writing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="250"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="264"/>
        <source>Wrong passphrase; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="268"/>
        <source>Nothing to send: the office has acknowledged every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="271"/>
        <source>Bundle no. %1 written: %2 (%3 record(s)). Take it to the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="281"/>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="295"/>
        <source>Trust this office?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="297"/>
        <source>This is the first package from %1. Compare its root fingerprint with the one the office gave you; trust it only if they are the same:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="312"/>
        <source>Import the office&apos;s package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="312"/>
        <source>Package (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="323"/>
        <source>an office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="326"/>
        <source>Not trusted; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="329"/>
        <source>Package refused; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="335"/>
        <source>Package no. %1 was already applied; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="341"/>
        <source>Package no. %1 applied: %2 task(s), %3 review decision(s), trust list version %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/sync_page.py" line="349"/>
        <source>The trust list expires on %1: bring the next bundle soon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../pages/tasks_page.py" line="58"/>
        <source>No tasks yet. Tasks drawn by the office (双随机) arrive with the next task file; inspections can also start from scratch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="63"/>
        <source>Start inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="79"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="84"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="84"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="124"/>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/tasks_page.py" line="125"/>
        <source>Which instrument of this site is inspected?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../pages/verify_page.py" line="42"/>
        <source>Check that a record is authentic and unaltered: open its PDF, or scan the QR code printed on any page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="47"/>
        <source>Open PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="48"/>
        <source>Scan or paste the QR text, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="49"/>
        <source>QR text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="53"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="73"/>
        <source>Open record PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="73"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/verify_page.py" line="99"/>
        <source>Record no.: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="101"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="102"/>
        <source>Something went wrong. Your data is saved; the last action may not have completed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../inspection/window.py" line="54"/>
        <source>Edit readings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
