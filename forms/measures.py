"""The measures an inspector may record after a check (处理措施), as a definition's default list.

Administrative measures under 《中华人民共和国计量法》 (Art. 26-27) and 《计量违法行为处罚细则》
(stop use, sealing up, notice, sending for verification, filing a case). A definition may list its
own `[[measures]]`; the CLI, the GUI and the PDF all read the definition's list, so a signed record
never carries a measure outside it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    id: str
    zh: str
    en: str


STANDARD_MEASURES = (
    Measure("stop_use", "责令停止使用", "Order to stop use"),
    Measure("seal_up", "封存", "Seal up"),
    Measure("notice_issued", "下达检查结果通知书", "Notice issued"),
    Measure("send_for_verification", "责令送检", "Send for verification"),
    Measure("case_filed", "立案调查", "Case filed"),
)
