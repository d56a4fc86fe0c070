"""The directories of 一单两库: the entity file (CSV in UTF-8 or GB 18030, XLSX) checked whole —
统一社会信用代码 with its check character, district, type, risk A–D — and refused whole with every
fault and its row; the inspector directory from the enrolled inspectors; recusals."""

from __future__ import annotations

import sqlite3

import pytest

from inspector_app.services import ValidationFailed
from tests.core import fleet
from tests.office.test_draw_algorithm import code

HEADER = "统一社会信用代码,名称,区县,类型,风险等级,上次检查日期,地址\n"


def rows_csv(n: int, start: int = 0) -> str:
    kinds = ["集贸市场", "超市", "market", "Petrol station"]
    return "".join(
        f"{code(start + i)},单位{start + i},渝中区,{kinds[i % 4]},{'ABCD'[i % 4]},"
        f"2025-0{1 + i % 9}-15,示例路{i}号\n"
        for i in range(n)
    )


def sites(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT credit_code, name, type, risk, last_inspected FROM office_sites ORDER BY 1"
        ).fetchall()
    finally:
        conn.close()


def test_csv_import_and_update(tmp_path):
    db = tmp_path / "o.sqlite"
    (tmp_path / "a.csv").write_text(HEADER + rows_csv(8), encoding="utf-8-sig")
    with fleet.office(db) as services:
        done = services.office.directories.import_sites(tmp_path / "a.csv")
        assert (done["rows"], done["added"], done["updated"]) == (8, 8, 0)
        (tmp_path / "b.csv").write_text(HEADER + rows_csv(4, start=6), encoding="utf-8")
        done = services.office.directories.import_sites(tmp_path / "b.csv")
        assert (done["added"], done["updated"]) == (2, 2)
        assert services.office.directories.site_count() == 10
    stored = sites(db)
    assert stored[0] == (code(0), "单位0", "market", "A", "2025-01-15")
    assert {r[2] for r in stored} == {"market", "supermarket", "petrol_station"}


def test_gb18030_csv_and_xlsx(tmp_path):
    import xlsxwriter

    (tmp_path / "gbk.csv").write_bytes((HEADER + rows_csv(3)).encode("gb18030"))
    book = xlsxwriter.Workbook(str(tmp_path / "d.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["统一社会信用代码", "名称", "区县", "类型", "风险等级", "上次检查日期"])
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    import datetime as dt

    for i in range(3):
        sheet.write_row(i + 1, 0, [code(10 + i), f"超市{i}", "江北区", "超市", "b"])
        sheet.write_datetime(i + 1, 5, dt.datetime(2025, 3, 1 + i), date)
    book.close()
    with fleet.office(tmp_path / "o.sqlite") as services:
        assert services.office.directories.import_sites(tmp_path / "gbk.csv")["added"] == 3
        assert services.office.directories.import_sites(tmp_path / "d.xlsx")["added"] == 3
    stored = dict((r[0], r) for r in sites(tmp_path / "o.sqlite"))
    assert stored[code(11)] == (code(11), "超市1", "supermarket", "B", "2025-03-02")


def test_any_fault_refuses_the_whole_file_and_names_every_row(tmp_path):
    bad_check = code(2)[:-1] + ("0" if code(2)[-1] != "0" else "1")
    text = (
        HEADER
        + rows_csv(2)
        + f"{bad_check},坏校验位,渝中区,超市,A,,\n"
        + f"{code(3)},未知区县,火星区,超市,A,,\n"
        + f"{code(4)},未知类型,渝中区,面包店,A,,\n"
        + f"{code(5)},坏等级,渝中区,超市,E,,\n"
        + f"{code(6)},坏日期,渝中区,超市,A,2025-02-30,\n"
        + f"{code(0)},重复,渝中区,超市,A,,\n"
        + f"{code(7)},,渝中区,超市,A,,\n"
    )
    (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
    with fleet.office(tmp_path / "o.sqlite") as services:
        with pytest.raises(ValidationFailed) as caught:
            services.office.directories.import_sites(tmp_path / "bad.csv")
        faults = [(e.field, e.code) for e in caught.value.errors]
        assert faults == [
            ("row 4.credit_code", "credit_code_check"),
            ("row 5.district", "unknown_choice"),
            ("row 6.type", "unknown_choice"),
            ("row 7.risk", "unknown_choice"),
            ("row 8.last_inspected", "not_a_date"),
            ("row 9.credit_code", "duplicate_row"),
            ("row 10.name", "required"),
        ]
        message = caught.value.errors[0].message("zh")
        assert "第 4 行" in message and "统一社会信用代码" in message
        assert services.office.directories.site_count() == 0  # nothing half-imported


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.txt", b"hello", "unknown_kind"),
        ("x.xlsx", b"not a zip", "not_xlsx"),
        ("x.csv", b"", "no_header"),
        ("x.csv", b"\xff\xfe\x00bad\x81", "not_text"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    with fleet.office(tmp_path / "o.sqlite") as services, pytest.raises(ValidationFailed) as caught:
        services.office.directories.import_sites(tmp_path / name)
    assert caught.value.errors[0].params["reason"] == reason


def test_missing_columns_are_named(tmp_path):
    (tmp_path / "c.csv").write_text("名称,区县\n甲,渝中区\n", encoding="utf-8")
    with fleet.office(tmp_path / "o.sqlite") as services, pytest.raises(ValidationFailed) as caught:
        services.office.directories.import_sites(tmp_path / "c.csv")
    assert caught.value.errors[0].code == "columns_missing"
    assert "统一社会信用代码" in caught.value.errors[0].message("zh")


def test_inspector_directory_from_enrolment(tmp_path):
    with fleet.office(tmp_path / "o.sqlite") as o, fleet.laptop(tmp_path / "l.sqlite") as lap:
        fleet.enrol(o, lap)
        fleet.supervisor_key(o)  # a supervisor is not an inspector
        directory = o.office.directories
        [row] = directory.inspectors()
        assert (row["employee_no"], row["name"], row["available"], row["certificate"]) == (
            "渝执 50000001",
            "王检查",
            True,
            "valid",
        )
        directory.set_inspector("渝执 50000001", district="江北区", available=False)
        [row] = directory.inspectors()
        assert (row["district"], row["available"]) == ("江北区", False)
        with pytest.raises(ValidationFailed):
            directory.set_inspector("渝执 404")
        with pytest.raises(ValidationFailed):
            directory.set_inspector("渝执 50000001", district="火星区")
        directory.recuse("渝执 50000001", code(1).lower(), reason="亲属经营")
        assert [(r["employee_no"], r["credit_code"]) for r in directory.recusals()] == [
            ("渝执 50000001", code(1))
        ]
        with pytest.raises(ValidationFailed):
            directory.recuse("渝执 50000001", "123", reason="x")
        directory.recuse("渝执 50000001", code(1), reason="", remove=True)
        assert directory.recusals() == []
