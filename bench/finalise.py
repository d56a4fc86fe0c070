"""Finalising a record: canonical record + signatures + PDF with QR + PAdES + one transaction,
against a bare reportlab page with a table and a QR plus a bare pyHanko signature, in the same run.
Target (DESIGN.md): ≤ 2 × the bare pair.

    .venv/bin/python bench/finalise.py [--runs 15]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

from forms import load_definition
from inspector_app import credit_code
from inspector_app.readings import flatten
from inspector_app.services import open_services
from inspector_app.signing import keys, pades

PASSPHRASE = "bench-passphrase"
SCALE = {
    "accuracy_class": "III",
    "max": "15000",
    "e": "5",
    "zero": {"load": "50", "indication": "50", "added": "2.0"},
    "weighings": [
        {"load": str(x), "indication": str(x), "added": "2.5"} for x in (100, 2500, 5000, 10000, 15000)
    ],
    "price": [{"unit_price": "12.80", "per": "kg", "weight_kg": "1.235", "displayed": "15.81"}],
    # finalising needs every checklist item answered (spec README, "Minimum content")
    "checklist": {item.id: True for item in load_definition("scale").checklist},
}


def bare_pair(key, cert) -> None:
    """A bare reportlab page (table + qrcode PNG) and a bare pyHanko PAdES signature."""
    import qrcode
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import SimpleDocTemplate, Table

    png = io.BytesIO()  # same QR settings as the app (a fixed mask is ~4× faster, PLATFORM.md)
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, mask_pattern=0)
    code.add_data("IA1:" + "A" * 280)
    code.make_image().save(png)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    qr = ImageReader(io.BytesIO(png.getvalue()))

    def on_page(canvas, _doc):
        canvas.drawImage(qr, 450, 720, 100, 100)

    doc.build([Table([[str(i * j) for j in range(8)] for i in range(20)])], onFirstPage=on_page)
    pades.sign_pdf(buffer.getvalue(), key=key, cert=cert, attachment=b"{}", signer_name="bench")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, open_services(Path(tmp) / "f.sqlite") as s:
        s.records.create_identity(name="测试", id_number="B1", office="局", passphrase=PASSPHRASE)
        # two enforcement officers inspect: new inspections take the laptop's usual second one
        s.settings.set("partner_name", "王强")
        s.settings.set("partner_id", "渝执 50012388")
        identity = s.records.identities()[0]
        key, cert = (
            keys.unlock(identity["encrypted_key_pem"], PASSPHRASE),
            keys.load_cert(identity["cert_pem"]),
        )
        body = "91500112MA5U7XY1P"
        site = s.registry.create(
            "sites", {"name": "集贸市场", "credit_code": body + credit_code.check_character(body)}
        )
        inst = s.registry.create("instruments", {"site_id": site, "kind": "scale", "serial": "S1"})
        sealer = s.records.sealer(PASSPHRASE)

        def ours() -> None:
            iid = s.inspections.start(
                form_id="scale", site_id=site, instrument_id=inst, readings=flatten(SCALE)
            )
            start = time.perf_counter()
            s.inspections.finalise(iid, sealer=sealer)
            ours_times.append((time.perf_counter() - start) * 1000)

        bare_times: list[float] = []
        ours_times: list[float] = []
        bare_pair(key, cert)
        ours()  # warm both paths (imports, font registration)
        ours_times.clear()
        for _ in range(args.runs):  # interleaved, so machine load hits both alike
            start = time.perf_counter()
            bare_pair(key, cert)
            bare_times.append((time.perf_counter() - start) * 1000)
            ours()
        b, o = statistics.median(bare_times), statistics.median(ours_times)
        print(f"bare reportlab page + QR + pyHanko signature: {b:.1f} ms (median of {args.runs})")
        print(f"finalise (canonical, 2 signatures, QR, PDF, PAdES, transaction): {o:.1f} ms")
        print(f"ratio: {o / b:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
