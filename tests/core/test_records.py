"""Signed records: a PDF per procedure read back (text, embedded record, QR from a 150 dpi page),
and every kind of tampering refused with its reason."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pypdf
import pypdfium2
import pytest
import zxingcpp

from inspector_app import credit_code
from inspector_app.readings import flatten
from inspector_app.services import ValidationFailed, open_services
from inspector_app.signing import keys, pades, summary
from inspector_app.signing.keys import WrongPassphrase
from tests.core import fleet
from tests.forms.examples import F1_RUNS
from tests.forms.helpers import answered
from tests.people import pair

PASSPHRASE = "correct horse battery"
CODE = "91500112MA5U7XY1P" + credit_code.check_character("91500112MA5U7XY1P")
CHECKS = {
    "fuel_dispenser": {
        "fuel": "gasoline",
        "measure_material": "stainless_steel",
        "flow_points": [{"runs": F1_RUNS}],
        "payment": [{"unit_price": "7.86", "volume": "35.47", "amount": "278.79"}],
        "checklist": answered("fuel_dispenser"),
    },
    "taxi_meter": {
        "distance_tests": [{"meter_m": "1000", "reference_m": "974"}],
        "tariff": "example-hypothetical",
        "date": "2026-11-23",
        "fare_tests": [{"distance_km": "12.4", "waiting_s": "690", "displayed": "35"}],
        "checklist": answered("taxi_meter"),
    },
    "scale": fleet.SCALE,  # the office tests' scale check: zero, two weighings, a price
    "net_content": {
        "quantity": "mass",
        "nominal": "250",
        "lot_size": 8,
        "samples": [
            {"net": q} for q in ("251.2", "248.9", "241.0", "252.3", "249.5", "250.8", "247.7", "253.1")
        ],
        "checklist": answered("net_content"),
    },
}
EXPECTED = {"fuel_dispenser": "合格", "taxi_meter": "不合格", "scale": "合格", "net_content": "合格"}


@pytest.fixture
def laptop(tmp_path):
    with open_services(tmp_path / "laptop.sqlite") as s:
        s.settings.set("inspector_name", "王检查")
        pair(s)
        s.records.create_identity(
            name="王检查",
            id_number="渝执 50000001",
            office="重庆市江北区市场监督管理局",
            passphrase=PASSPHRASE,
        )
        yield s


def finalised(services, form_id: str, check: dict | None = None) -> tuple[str, bytes]:
    pair(services)  # two officers inspect
    site = services.registry.search("sites", credit_code=CODE)
    site_id = (
        site[0]["id"]
        if site
        else services.registry.create(
            "sites", {"name": "观音桥农贸市场", "credit_code": CODE, "district": "江北区"}
        )
    )
    instrument = None
    if form_id != "net_content":
        kind = form_id
        instrument = services.registry.create(
            "instruments", {"site_id": site_id, "kind": kind, "serial": f"SN-{form_id[:4]}", "maker": "凯丰"}
        )
    iid = services.inspections.start(
        form_id=form_id,
        site_id=site_id,
        instrument_id=instrument,
        lot={"product": "白砂糖", "nominal_text": "250 g", "lot_size": 8} if instrument is None else None,
        readings=flatten(check or CHECKS[form_id]),
    )
    services.inspections.finalise(
        iid,
        sealer=services.records.sealer(PASSPHRASE),
        measures=["stop_use"] if form_id == "taxi_meter" else [],
    )
    return iid, services.records.pdf_of(iid)


def page_qr(pdf: bytes, dpi: int = 150) -> str:
    """The summary QR text decoded from a page rendered at ``dpi`` (zxing, then a 2× upscale); a
    last page also carries the sync codes (sync.paper), which are not the summary."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=dpi / 72).to_pil()
    for candidate in (image, image.resize((image.width * 2, image.height * 2))):
        found = [b.text for b in zxingcpp.read_barcodes(candidate) if b.text.startswith("IA1:")]
        if found:
            return found[0]
    raise AssertionError("no QR code found")


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize("form_id", list(CHECKS))
def test_record_pdf_reads_back_and_verifies(laptop, form_id):
    iid, pdf = finalised(laptop, form_id)
    row = laptop.inspections.get(iid)
    text = text_of(pdf)
    for expected in ("观音桥农贸市场", row["record_no"], EXPECTED[form_id], "第1页", "记录指纹"):
        assert expected in text, expected
    attached = json.loads(pades.read_attachment(pdf))
    assert attached["canonical"] == row["canonical"]
    assert json.loads(attached["canonical"])["signer"]["name"] == "王检查"
    qr = page_qr(pdf)
    assert qr == attached["qr"] and len(qr) <= 320
    result = laptop.records.verify_qr(qr)
    assert (result.status, result.record_no, result.verdict) == ("valid", row["record_no"], row["verdict"])
    check = laptop.records.verify_pdf(pdf)
    assert (check.status, check.verdict) == ("valid", row["verdict"])
    assert "王检查" in check.signer


def test_a_printed_value_never_contradicts_its_verdict(laptop):
    """Issue 12: E_r = 0.1025 % failed repeatability but printed "E_r 0.10 %" under "≤ 0.10 %". The
    PDF shows digits until the side is visible (README, display rounding): E_r = 0.17/1.69 =
    0.10059 % prints as 0.1006; a flow point at (100.30 − 99.999)/99.999 = +0.301003 % (failed) is
    not printed as "+0.30". (Readings at their fields' resolutions: V_J 0.01 L, V_B 0.001 L.)"""
    point_1 = [("100.00", "100"), ("100.17", "100"), ("100.10", "100")]  # E_r 0.10059 %
    point_2 = [("100.30", "99.999")]  # mean +0.301003 %
    check = {
        **CHECKS["fuel_dispenser"],
        "flow_points": [
            {"runs": [{"v_j": v_j, "v_b": v_b} for v_j, v_b in point]} for point in (point_1, point_2)
        ],
        "payment": [],
    }
    iid, pdf = finalised(laptop, "fuel_dispenser", check)
    assert json.loads(laptop.inspections.get(iid)["failed"]) == ["indication_error", "repeatability"]
    text = text_of(pdf)
    # (text_of drops the spaces) flow point 1: mean, E_r, verdict; 0.10 only in the title's limit
    assert "重复性E_r(%)结果1+0.090.1006" in text and text.count("0.10%") == 1
    assert text.count("+0.3010") == 2 and not re.search(r"\+0\.30(?!\d)", text)  # run and mean


def test_scale_pdf_shows_the_unknown_class_the_tare_test_and_no_guessed_mpe(laptop):
    """README "Scale": no class inferable → only `class` fails and no load is judged (no MPE printed);
    the tare test (verification) is printed with its ±0.25e limit and result."""
    unknown = {
        "max": "3000",  # n = 600: classes III and IIII both fit, none marked
        "e": "5",
        "tare": {"indication": "0", "added": "1.0"},  # E_T = +1.5 g > 0.25e = 1.25 g
        "weighings": [{"load": "1000", "indication": "1000", "added": "2.5"}],
        "checklist": answered("scale"),
    }
    iid, pdf = finalised(laptop, "scale", unknown)
    assert json.loads(laptop.inspections.get(iid)["failed"]) == ["class"]  # in service: tare not judged
    text = text_of(pdf)
    assert "准确度等级无法确定" in text and "等级未定，不判定" in text
    assert "除皮+1.5±1.25仅记录" in text


def test_qr_is_on_every_page(laptop):
    _, pdf = finalised(laptop, "net_content")
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) >= 1
    for index in range(len(document)):
        image = document[index].render(scale=150 / 72).to_pil()
        assert zxingcpp.read_barcodes(image), f"page {index + 1}"


def test_pdf_embeds_a_font_subset_and_declares_chinese(laptop):
    _, pdf = finalised(laptop, "scale")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [
        f.get_object()["/FontDescriptor"].get_object()
        for f in fonts.values()
        if "/FontDescriptor" in f.get_object()
    ]
    assert descriptors and all("/FontFile2" in d for d in descriptors)
    assert all("+" in str(d["/FontName"]) for d in descriptors)  # subset tag


def test_a_flipped_byte_is_refused(laptop):
    _, pdf = finalised(laptop, "scale")
    middle = len(pdf) // 3
    tampered = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1 :]
    assert laptop.records.verify_pdf(tampered).status in ("altered", "unreadable")
    assert laptop.records.verify_pdf(tampered).status != "valid"


def test_an_appended_update_is_refused(laptop):
    _, pdf = finalised(laptop, "scale")
    writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
    writer.add_metadata({"/Subject": "changed"})
    out = io.BytesIO()
    writer.write(out)
    result = laptop.records.verify_pdf(out.getvalue())
    assert (result.status, result.reason) == ("altered", "changed_after_signing")


def test_a_changed_reading_in_the_embedded_record_is_refused(laptop):
    """Re-signing a PDF whose embedded record was edited does not help: the record signature
    (over the canonical bytes) no longer matches."""
    _, pdf = finalised(laptop, "scale")
    attached = json.loads(pades.read_attachment(pdf))
    attached["canonical"] = attached["canonical"].replace('"15010"', '"15005"')
    identity = laptop.records.identities()[0]
    forged = pades.sign_pdf(
        pypdf_without_signature(pdf),
        key=keys.unlock(identity["encrypted_key_pem"], PASSPHRASE),
        cert=keys.load_cert(identity["cert_pem"]),
        attachment=json.dumps(attached).encode(),
        signer_name="x",
    )
    result = laptop.records.verify_pdf(forged)
    assert (result.status, result.reason) == ("altered", "record_signature_broken")


def pypdf_without_signature(pdf: bytes) -> bytes:
    """The original, unsigned revision (the bytes before the signature's incremental update)."""
    eof = pdf.find(b"%%EOF")
    return pdf[: eof + 5] + b"\n"


def test_a_qr_with_one_character_changed_is_refused(laptop):
    _, pdf = finalised(laptop, "taxi_meter")
    qr = json.loads(pades.read_attachment(pdf))["qr"]
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    position = len(qr) // 2
    for replacement in alphabet:
        changed = qr[:position] + replacement + qr[position + 1 :]
        if changed == qr:
            continue
        try:
            summary.decode(changed)
        except summary.SummaryUnreadable:
            continue
        result = laptop.records.verify_qr(changed)
        assert result.status == "altered"
        break
    else:
        pytest.fail("no decodable one-character change found")
    assert laptop.records.verify_qr("hello").status == "unreadable"


def test_unenrolled_then_enrolled_then_revoked_signer(laptop, tmp_path):
    """A revocation takes effect from its time (spec/office.md: "not revoked at the signing
    time"): the record signed before stays valid, one signed after is refused, and a QR code —
    which carries only the day — is judged at the end of that day (the cautious side)."""
    import datetime as dt

    today = dt.datetime.now(dt.UTC)
    now = [(today - dt.timedelta(days=200)).isoformat()]
    with open_services(tmp_path / "other.sqlite", clock=lambda: now[0]) as other:
        other.records.create_identity(
            name="赵外地", id_number="渝执 59999999", office="外区", passphrase=PASSPHRASE
        )
        _, pdf = finalised(other, "fuel_dispenser")
        qr = json.loads(pades.read_attachment(pdf))["qr"]
        foreign_cert = other.records.identities()[0]["cert_pem"]
        assert laptop.records.verify_pdf(pdf).status == "unknown_signer"
        assert laptop.records.verify_qr(qr).status == "unknown_signer"
        digest = laptop.records.enrol(foreign_cert)
        assert laptop.records.verify_pdf(pdf).status == "valid"
        laptop.records.revoke(digest, "key lost")  # now: after March 2026, before 2099
        assert laptop.records.verify_pdf(pdf).status == "valid"
        now[0] = (today + dt.timedelta(days=30)).isoformat()  # the other laptop, after the revocation
        _, later = finalised(other, "scale")
        later_qr = json.loads(pades.read_attachment(later))["qr"]
    result = laptop.records.verify_pdf(later)
    assert (result.status, result.reason) == ("revoked", "signer_revoked")
    assert laptop.records.verify_qr(later_qr).status == "revoked"
    assert laptop.records.verify_qr(qr).status == "valid"


def test_keys_are_encrypted_and_the_passphrase_is_never_stored(laptop, tmp_path):
    identity = laptop.records.identities()[0]
    envelope = json.loads(identity["encrypted_key_pem"])
    assert envelope["kdf"]["name"] == "argon2id" and envelope["cipher"] == "aes-256-gcm"
    with pytest.raises(WrongPassphrase):
        laptop.records.sealer("not the passphrase")
    laptop.close()
    assert PASSPHRASE.encode() not in (tmp_path / "laptop.sqlite").read_bytes()


def test_certificate_names_the_inspector_with_non_repudiation():
    from cryptography import x509

    identity = keys.create_identity(
        name="王检查", id_number="渝执 50000001", office="某局", passphrase=PASSPHRASE
    )
    cert = keys.load_cert(identity.cert_pem)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.content_commitment and usage.digital_signature
    assert identity.subject == "王检查 / 渝执 50000001 / 某局"
    with pytest.raises(keys.WeakPassphrase):
        keys.create_identity(name="a", id_number="b", office="c", passphrase="short")


def test_finalise_without_identity_is_explained(tmp_path):
    with open_services(tmp_path / "empty.sqlite") as s:
        with pytest.raises(ValidationFailed) as info:
            s.records.sealer(PASSPHRASE)
        assert "密钥" in info.value.errors[0].message("zh")


def test_cli_report_and_verify_exit_codes(tmp_path):
    db = str(tmp_path / "cli.sqlite")

    def cli(*args, stdin=None):
        return subprocess.run(
            [sys.executable, "-m", "ui.entry", *args],
            capture_output=True,
            text=True,
            input=stdin,
            timeout=300,
            env={**__import__("os").environ, "INSPECTOR_APP_PASSPHRASE": PASSPHRASE},
        )

    with open_services(db) as s:
        s.records.create_identity(name="王检查", id_number="X1", office="局", passphrase=PASSPHRASE)
        iid, _ = finalised(s, "scale")
        record_no = s.inspections.get(iid)["record_no"]
    out = tmp_path / "r.pdf"
    assert cli("report", "--db", db, record_no, "-o", str(out)).returncode == 0
    ok = cli("verify", "--db", db, str(out))
    assert ok.returncode == 0 and ok.stdout.startswith("有效") and "valid: 王检查" in ok.stdout
    bad = bytearray(out.read_bytes())
    bad[len(bad) // 3] ^= 0x01
    (tmp_path / "bad.pdf").write_bytes(bytes(bad))
    refused = cli("verify", "--db", db, str(tmp_path / "bad.pdf"))
    assert refused.returncode in (1, 2) and "Traceback" not in refused.stderr
    (tmp_path / "junk.pdf").write_bytes(b"not a pdf at all")
    junk = cli("verify", "--db", db, str(tmp_path / "junk.pdf"))
    assert junk.returncode == 2 and "Traceback" not in junk.stderr
    qr = json.loads(pades.read_attachment(out.read_bytes()))["qr"]
    assert cli("verify", "--db", db, "--qr", qr).returncode == 0
    assert cli("verify", "--db", db, "--qr", "IA1:XYZ").returncode == 2
    missing = cli("verify", "--db", db, str(tmp_path / "nope.pdf"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_export_all_writes_every_signed_pdf_and_stops_when_cancelled(laptop, tmp_path):
    for form_id in ("scale", "net_content"):
        finalised(laptop, form_id)
    seen: list[tuple[int, int]] = []
    assert laptop.records.export_all(tmp_path / "all", progress=lambda d, t: seen.append((d, t))) == 2
    assert seen[-1] == (2, 2) and len(list((tmp_path / "all").glob("*.pdf"))) == 2
    assert laptop.records.export_all(tmp_path / "none", cancelled=lambda: True) == 0


def test_choices_are_printed_by_their_labels_not_their_codes(laptop):
    """Issue 12: the re-weighing table printed "gold"; the record shows what the screen shows."""
    check = {
        **CHECKS["scale"],
        "reweighing": [
            {"category": "gold", "settled_g": "10.00", "actual_g": "9.99", "method": "equal_accuracy"},
            {"category": "2", "settled_g": "1000", "actual_g": "995", "method": "own_scale"},
        ],
    }
    _, pdf = finalised(laptop, "scale", check)
    text = text_of(pdf)
    assert "金饰品" in text and "等准确度称重计量器具核称法" in text and "原计量器具核称法" in text
    assert "gold" not in text and "own_scale" not in text


@pytest.mark.parametrize("form_id", ["fuel_dispenser", "taxi_meter", "scale", "net_content"])
def test_every_stored_reading_and_signed_field_is_printed(laptop, form_id):
    """Issue 12: the scale PDF left out the zero check, every discrimination test, the
    repeatability readings and the site's refusal reason (stored and signed, printed as a blank
    "（签名）"). Every reading of a complete inspection (the keyboard tests' table) is on paper: in
    its procedure's tables, or under 其他记录项 by its name with its value."""
    from forms import load_definition
    from inspector_app import cells
    from inspector_app.pdf.model import printed_readings, printed_results
    from inspector_app.readings import nest
    from inspector_app.sheets import place_of, spec_at
    from tests.ui.scripts import SCRIPTS

    readings = {**SCRIPTS[form_id]()[1], "signatures.refusal": "负责人外出，拒绝签字"}
    iid, pdf = finalised(laptop, form_id, nest(readings))
    text = text_of(pdf)
    assert "被检查单位签名拒绝签字，理由：负责人外出，拒绝签字" in text
    definition = load_definition(form_id)
    _, _, others = text.partition("其他记录项项目记录值")
    for path, value in laptop.inspections.readings(iid).items():
        spec = spec_at(definition, path)
        shown = "".join((cells.shown(spec, value, "zh") if spec else value).split())
        if path.startswith("checklist."):
            shown = value if path.endswith(".number") else {"true": "✓符合", "false": "✘不符合"}[value]
        assert shown in text, (path, shown)
        name = "".join(place_of(definition, path, "zh").split())
        if name + shown in others:  # named right beside its value
            continue
        # otherwise in a table of its procedure: one its definition prints (a column or a title)
        printed = path.startswith("checklist.") or path == "signatures.refusal"
        printed = printed or any(re.fullmatch(p, path) for p in printed_readings(definition))
        # or as its own result (a V_B typed, the marked class): printed there, not listed again
        printed = printed or any(re.fullmatch(p, path) for p in printed_results(definition))
        assert printed, (path, "not printed")
    if form_id == "scale":
        for entry in ("置零：载荷L50g", "置零：示值I50g", "示值I（重复性第2行）7505g"):
            assert entry in others, entry
        assert "重复性（L=7500g）" in text  # the repeatability table's title
        assert "鉴别力" in text and "鉴别力" not in others  # its own table: L and the change
