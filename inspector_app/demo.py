"""`demo`: a realistic Chongqing database — sites, instruments of all four kinds, standards, tasks,
and drafts and finalised inspections of every procedure — made through the same services as the GUI.

Deterministic for a seed. Credit codes are valid GB 32100 codes, invented (not real companies').
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import random
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from forms.taxi_meter.evaluator import fare
from forms.taxi_meter.tariffs import load_tariffs
from inspector_app import credit_code
from inspector_app.readings import flatten
from inspector_app.services import Services

CODE_ALPHABET = credit_code.ALPHABET
DISTRICT_CODES = {  # administrative division codes (GB/T 2260) of the districts used below
    "渝中区": "500103",
    "大渡口区": "500104",
    "江北区": "500105",
    "沙坪坝区": "500106",
    "九龙坡区": "500107",
    "南岸区": "500108",
    "北碚区": "500109",
    "万州区": "500101",
    "涪陵区": "500102",
    "渝北区": "500112",
    "巴南区": "500113",
    "江津区": "500116",
}
# Streets and squares people know, each in the district it is really in (解放碑 in 渝中区, 南坪 in
# 南岸区, 观音桥 in 江北区, 三峡广场 in 沙坪坝区 …): a site's name, address and district agree.
PLACES: tuple[tuple[str, str], ...] = (
    ("渝中区", "解放碑步行街"),
    ("江北区", "观音桥大道"),
    ("南岸区", "南坪正街"),
    ("九龙坡区", "杨家坪正街"),
    ("沙坪坝区", "三峡广场"),
    ("渝北区", "龙溪路"),
    ("巴南区", "鱼洞新街"),
    ("北碚区", "天生路"),
    ("大渡口区", "春晖路"),
    ("江北区", "北滨一路"),
    ("渝中区", "两路口"),
    ("渝北区", "金开大道"),
    ("万州区", "高笋塘"),
    ("涪陵区", "兴华中路"),
    ("江津区", "鼎山大道"),
)

SITES: tuple[tuple[str, str], ...] = (
    ("petrol_station", "中国石化重庆{d}石油分公司{r}加油站"),
    ("petrol_station", "中国石油重庆{d}{r}加油站"),
    ("petrol_station", "重庆{r}能源有限公司加油站"),
    ("petrol_station", "延长壳牌重庆{d}{r}加油站"),
    ("petrol_station", "中国石化{d}{r}服务区加油站"),
    ("taxi_company", "重庆{d}出租汽车有限公司"),
    ("taxi_company", "重庆{r}客运出租车有限责任公司"),
    ("taxi_company", "重庆交运{d}出租汽车公司"),
    ("market", "{d}{r}农贸市场"),
    ("market", "{r}综合批发市场"),
    ("market", "{d}菜市场（{r}）"),
    ("market", "{r}生鲜集贸市场"),
    ("supermarket", "永辉超市{r}店"),
    ("supermarket", "重百超市{d}{r}店"),
    ("supermarket", "新世纪超市{r}店"),
    ("packer", "重庆{r}食品有限公司"),
    ("packer", "重庆{d}调味品有限公司"),
)
CONTACTS = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "黄磊", "周敏", "吴强", "徐丽")


def make_credit_code(rng: random.Random, district: str) -> str:
    """A valid 18-character code: 9 (enterprise) 1 (company), district, organisation part, check."""
    org = "".join(rng.choice(CODE_ALPHABET[:10] + "MA") for _ in range(9))
    body = "91" + DISTRICT_CODES.get(district, "500000") + org
    return body + credit_code.check_character(body)


def _q(value: float, places: str) -> str:
    return str(Decimal(repr(value)).quantize(Decimal(places)))


def fuel_readings(rng: random.Random) -> dict[str, Any]:
    capacity = rng.choice((20, 50))
    bias = rng.gauss(0.0004, 0.0012)
    runs = []
    for _ in range(3):
        v_j = capacity + rng.choice((0, 0, 0.01, 0.02))
        t_b = round(rng.uniform(14, 28), 1)
        v_b = v_j * (1 - bias - rng.gauss(0, 0.0002))
        runs.append(
            {
                "v_j": _q(v_j, "0.01"),
                "v_b": _q(v_b, "0.001"),
                "t_j": _q(t_b + rng.uniform(-0.6, 0.6), "0.1"),
                "t_b": _q(t_b, "0.1"),
            }
        )
    price = rng.choice(("7.86", "8.12", "7.45", "8.65"))
    volume = _q(rng.uniform(10, 45), "0.01")
    amount = str((Decimal(price) * Decimal(volume)).quantize(Decimal("0.01")))
    seals_ok = rng.random() > 0.05
    return {
        "fuel": rng.choice(("gasoline", "gasoline", "diesel")),
        "measure_material": "stainless_steel",
        "flow_points": [{"runs": runs}],
        "payment": [{"unit_price": price, "volume": volume, "amount": amount}],
        "checklist": {
            "certificate": True,
            "nameplate": True,
            "seal_transducer": seals_ok,
            "seal_encoder": True,
            "seal_mainboard": True,
            "zero_return": True,
            "self_lock": True,
            "software_id": True,
        },
    }


def taxi_readings(rng: random.Random, day: str) -> dict[str, Any]:
    tariff = load_tariffs()["example-hypothetical"]
    period = tariff.period_on(day) or tariff.periods[0]
    parsed = {
        k: Decimal(str(v))
        for k, v in period.items()
        if k not in ("effective_from", "effective_to", "night_start", "night_end")
    }
    fares = []
    for _ in range(2):
        km = _q(rng.uniform(2, 25), "0.1")
        wait = str(rng.choice((0, 120, 300, 420, 690, 900)))
        night = rng.random() < 0.3
        computed = fare(parsed, Decimal(km), Decimal(wait), night)
        shown = computed + (1 if rng.random() < 0.04 else 0)
        fares.append({"distance_km": km, "waiting_s": wait, "night": night, "displayed": str(shown)})
    error = rng.uniform(-0.035, 0.012)
    return {
        "distance_tests": [{"meter_m": "1000", "reference_m": _q(1000 / (1 + error), "0.1")}],
        "time_tests": [{"meter_s": _q(300 + rng.gauss(0, 0.3), "0.1"), "reference_s": "300.0"}],
        "tariff": "example-hypothetical",
        "date": day,
        "fare_tests": fares,
        "checklist": {
            "certificate": True,
            "seals": rng.random() > 0.04,
            "functions": True,
            "tariff_parameters": True,
            "receipt": True,
        },
    }


def scale_readings(rng: random.Random, max_g: int, e: int) -> dict[str, Any]:
    small = Decimal(e) / 10  # the small weights: 0.1e each (scale.md §A.4)

    def reading(load: int, spread: float) -> dict[str, str]:
        """A reading as the flash-point method makes it: I as displayed (a multiple of d = e),
        then 0.1e weights added one by one until the display steps up, ΔL their sum (§A.4)."""
        true_value = Decimal(repr(load + rng.gauss(0, spread * e)))
        shown = round(true_value / e) * e
        weights = math.ceil((shown + small * 5 - true_value) / small)
        added = small * min(max(weights, 0), 10)
        return {"load": str(load), "indication": str(shown), "added": str(added)}

    loads = [20 * e, 500 * e, 2000 * e, max_g]
    ecc = max_g // 3
    runs = [reading(max_g, 0.4) for _ in range(3)]
    price = rng.choice(("12.80", "6.50", "28.00", "9.90", "45.00"))
    weight = str(Decimal(round(rng.uniform(300, 3000) / e) * e) / 1000)  # W as shown: a multiple of d
    shown = (Decimal(price) * Decimal(weight)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    settled = rng.choice((500, 1000, 1500, 2000))
    return {
        "accuracy_class": "III",
        "max": str(max_g),
        "e": str(e),
        "d": str(e),
        "zero": {"load": str(10 * e), "indication": str(10 * e), "added": str(small * 4)},
        "weighings": [reading(load, 0.5) for load in loads if load <= max_g],
        "eccentricity": {
            "load": str(ecc),
            "positions": [{k: v for k, v in reading(ecc, 0.6).items() if k != "load"} for _ in range(4)],
        },
        "repeatability": {
            "load": str(max_g),
            "runs": [{k: v for k, v in r.items() if k != "load"} for r in runs],
        },
        "price": [{"unit_price": price, "per": "kg", "weight_kg": weight, "displayed": str(shown)}],
        "reweighing": [
            {
                "category": "2",
                "settled_g": str(settled),
                "actual_g": str(settled - rng.choice((0, 1, 2, 3, 8))),
                "method": "reference",
            }
        ],
        "checklist": {
            "certificate": True,
            "seal": True,
            "nameplate": True,
            "no_cheating": rng.random() > 0.03,
        },
    }


def net_content_readings(rng: random.Random, day: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    product, nominal, lot_size, sd, tare = rng.choice(
        (
            ("白砂糖", 500, 80, 3.0, 5.0),
            ("大米", 5000, 300, 25.0, 40.0),
            ("菜籽油", 1000, 40, 4.0, 60.0),
            ("火锅底料", 400, 150, 2.5, 12.0),
        )
    )
    n = 13 if lot_size <= 99 else (50 if lot_size <= 500 else 80)
    if lot_size <= 50:
        n = 10
    bias = rng.gauss(nominal * 0.004, sd)
    empties = [_q(tare + rng.gauss(0, tare * 0.01), "0.1") for _ in range(10)]
    samples = [{"gross": _q(nominal + tare + bias + rng.gauss(0, sd), "0.1")} for _ in range(n)]
    made = rng.randint(3, 40)  # days between packing and the check
    lot = {
        "product": product,
        "nominal_text": f"{nominal} g",
        "lot_size": lot_size,
        "brand": rng.choice(("山城", "渝味", "巴蜀", "江州")),
        # the lot as its packages are marked: batch number and production date
        "batch": f"{(day - dt.timedelta(days=made)).strftime('%Y%m%d')}{rng.choice('ABC')}",
        "production_date": (day - dt.timedelta(days=made)).isoformat(),
    }
    return lot, {
        "quantity": "mass",
        "nominal": str(nominal),
        "lot_size": lot_size,
        "tare": {"mode": "average", "empty": empties},
        "samples": samples,
        "checklist": {"marking": True, "instrument": True},
    }


DEMO_PASSPHRASE = "demo-passphrase"  # the demo inspector's key; documented in the README


def seed_demo(
    services: Services,
    *,
    inspections: int = 60,
    seed: int = 2026,
    today: dt.date | None = None,
    sign: bool = True,
) -> dict[str, int]:
    """Fill the registries and make ``inspections`` inspections (about 3 in 4 finalised, signed
    with the demo inspector's key unless ``sign`` is false)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    reg = services.registry
    if not services.settings.get("inspector_name"):
        services.settings.set("inspector_name", "李明")
        services.settings.set("inspector_id", "渝执 50012345")
    if not services.settings.get("partner_name"):  # an inspection is made by two officers
        services.settings.set("partner_name", "王强")
        services.settings.set("partner_id", "渝执 50012388")
    sealer = None
    if sign:
        if not services.records.identities():
            services.records.create_identity(
                name="李明",
                id_number="渝执 50012345",
                office=services.settings.get("office"),
                passphrase=DEMO_PASSPHRASE,
            )
        sealer = services.records.sealer(DEMO_PASSPHRASE)
    sites: dict[str, list[dict[str, Any]]] = {}
    for i, (kind, pattern) in enumerate(SITES):
        district, road = PLACES[i % len(PLACES)]
        name = pattern.format(d=district.removesuffix("区"), r=road)
        code = make_credit_code(rng, district)
        existing = reg.search("sites", credit_code=code)
        site_id = (
            existing[0]["id"]
            if existing
            else reg.create(
                "sites",
                {
                    "name": name,
                    "kind": kind,
                    "credit_code": code,
                    "district": district,
                    "address": f"重庆市{district}{road}{rng.randint(1, 300)}号",
                    "contact": rng.choice(CONTACTS),
                    "phone": f"023-{rng.randint(60000000, 69999999)}",
                },
            )
        )
        sites.setdefault(kind, []).append({"id": site_id, "name": name})

    instruments: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    expiry = (today + dt.timedelta(days=rng.randint(30, 170))).isoformat()
    plan = (
        ("petrol_station", "fuel_dispenser", 3, ("正星科技", "托肯恒山", "稳牌石油")),
        ("taxi_company", "taxi_meter", 4, ("聚利", "华泰", "三海")),
        ("market", "scale", 3, ("凯丰", "友声", "顶尖")),
        ("supermarket", "scale", 2, ("大华", "梅特勒-托利多")),
    )
    for site_kind, inst_kind, per_site, makers in plan:
        for site in sites.get(site_kind, []):
            for _ in range(per_site):
                serial = f"{inst_kind[:2].upper()}{rng.randint(100000, 999999)}"
                max_g, e = rng.choice(((15000, 5), (30000, 10), (6000, 2)))
                details: dict[str, Any] = {"max_g": max_g, "e_g": e}
                values = {
                    "site_id": site["id"],
                    "kind": inst_kind,
                    "maker": rng.choice(makers),
                    "serial": serial,
                    "cert_no": f"CQJL{today.year}-{rng.randint(10000, 99999)}",
                    "cert_expiry": expiry,
                }
                if inst_kind == "scale":
                    values.update(
                        model=f"ACS-{max_g // 1000}",
                        accuracy_class="III",
                        max_capacity=str(max_g),
                        e_interval=str(e),
                        q_min=str(20 * e),
                    )
                elif inst_kind == "fuel_dispenser":
                    values.update(model="CS46", max_capacity="50", q_min="5")
                else:
                    values.update(model="JT-2016")
                    details["plate"] = f"渝A·T{rng.randint(1000, 9999)}"
                values["details"] = json.dumps(details, ensure_ascii=False)
                new_id = reg.create("instruments", values)
                instruments.setdefault(inst_kind, []).append((site["id"], new_id, details))

    standards = (
        ("二等标准金属量器 20 L", "metal_measure", "JLQ-20-0131", "二等", 200),
        ("二等标准金属量器 50 L", "metal_measure", "JLQ-50-0207", "二等", 120),
        ("M1 等级砝码组 1 kg×10", "weights", "FM-M1-1K-016", "M1", 300),
        ("M1 等级砝码 5 kg×3", "weights", "FM-M1-5K-004", "M1", 90),
        ("出租车计价器滚轮检定装置", "roller_rig", "GL-2016-033", "0.1 %", 240),
        ("数字温度计", "thermometer", "WD-0.1-078", "0.1 °C", 150),
        ("电子秒表", "stopwatch", "MB-0.01-112", "±0.1 s/h", 60),
        ("电子天平 6200 g", "balance", "TP-6200-021", "II 级 e=0.1 g", 200),
        ("二等标准金属量器 20 L（已过期）", "metal_measure", "JLQ-20-0099", "二等", -15),
    )
    standard_ids = []
    for name, kind, serial, grade, days in standards:
        found = reg.search("standards", serial=serial)
        standard_ids.append(
            found[0]["id"]
            if found
            else reg.create(
                "standards",
                {
                    "name": name,
                    "kind": kind,
                    "serial": serial,
                    "grade": grade,
                    "cert_no": f"CQJL-BZ-{rng.randint(1000, 9999)}",
                    "cert_expiry": (today + dt.timedelta(days=days)).isoformat(),
                },
            )
        )

    # Tasks drawn by the office (双随机): one per procedure, due in the coming weeks.
    if not reg.search("tasks", limit=1):
        for k, (kind, form) in enumerate(
            (("fuel_dispenser", "fuel_dispenser"), ("taxi_meter", "taxi_meter"), ("scale", "scale"))
        ):
            task_site, task_instrument, _ = instruments[kind][k]
            reg.create(
                "tasks",
                {
                    "site_id": task_site,
                    "instrument_id": task_instrument,
                    "form_id": form,
                    "due_date": (today + dt.timedelta(days=7 * (k + 1))).isoformat(),
                    "note": "双随机抽查",
                    "source": "office",
                },
            )
        reg.create(
            "tasks",
            {
                "site_id": sites["packer"][0]["id"],
                "form_id": "net_content",
                "due_date": (today + dt.timedelta(days=30)).isoformat(),
                "note": "双随机抽查：定量包装商品",
                "source": "office",
            },
        )
    made = {
        "sites": sum(len(v) for v in sites.values()),
        "instruments": sum(len(v) for v in instruments.values()),
        "standards": len(standard_ids),
        "inspections": 0,
        "finalised": 0,
    }
    forms_cycle = ("fuel_dispenser", "taxi_meter", "scale", "net_content")
    ins = services.inspections
    # Finalise times from a stream of their own: the readings, sites and verdicts stay those of
    # the seed as before.
    later = random.Random(f"{seed}:finalised")
    for i in range(inspections):
        form_id = forms_cycle[i % 4]
        day = today - dt.timedelta(days=rng.randint(0, 120))
        started = f"{day.isoformat()}T{rng.randint(1, 9):02d}:{rng.randint(0, 59):02d}:00.000Z"
        lot: dict[str, Any] | None = None
        inst_id: str | None = None
        used: tuple[str, ...]
        data: dict[str, Any]
        if form_id == "net_content":
            site_id = rng.choice(sites["packer"] + sites["supermarket"])["id"]
            lot, data = net_content_readings(rng, day)
            used = (standard_ids[7],)
        else:
            site_id, inst_id, details = rng.choice(instruments[form_id])
            if form_id == "fuel_dispenser":
                data, used = fuel_readings(rng), (standard_ids[0], standard_ids[5])
            elif form_id == "taxi_meter":
                data, used = taxi_readings(rng, day.isoformat()), (standard_ids[4], standard_ids[6])
            else:
                data = scale_readings(rng, details["max_g"], details["e_g"])
                used = (standard_ids[2], standard_ids[3])
        inspection_id = ins.start(
            form_id=form_id,
            site_id=site_id,
            instrument_id=inst_id,
            lot=lot,
            standard_ids=used,
            readings=flatten(data),
            started_at=started,
        )
        made["inspections"] += 1
        if rng.random() < 0.75:
            verdict = ins.get(inspection_id)["verdict"]
            measures = ["stop_use", "notice_issued"] if verdict == "fail" else []
            with _clock_at(services, _finalised_after(started, later)):
                ins.finalise(inspection_id, measures=measures, sealer=sealer)
            made["finalised"] += 1
    return made


def _finalised_after(started: str, rng: random.Random) -> str:
    """When a demo inspection begun at ``started`` is finalised: 10 to 60 minutes later (an
    inspection is signed on the spot, the same day), to the second."""
    begun = dt.datetime.fromisoformat(started.replace("Z", "+00:00"))
    done = begun + dt.timedelta(minutes=rng.randint(10, 59), seconds=rng.randint(0, 59))
    return done.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@contextlib.contextmanager
def _clock_at(services: Services, moment: str) -> Iterator[None]:
    """The services' clock stopped at ``moment`` for one call: the demo finalises its records
    through the app's own path (signed, audited), at the time an inspector would have."""
    running = services.clock
    services.clock = lambda: moment
    try:
        yield
    finally:
        services.clock = running


def bulk_signed(
    services: Services, template_id: str, count: int, passphrase: str, *, pdf_size: int = 8192, seed: int = 1
) -> list[str]:
    """``count`` more signed, finalised records shaped like ``template_id`` (a signed record), for
    load tests and benchmarks: each its own id, number and times, its canonical record signed with
    the laptop's key, and ``pdf_size`` random bytes standing in for its PDF. One transaction."""
    import uuid

    from db import Stamp
    from db import inspections as repo
    from inspector_app.canonical import canonical_bytes, fingerprint

    rng = random.Random(seed)
    row = services.inspections.get(template_id)
    record = json.loads(row["canonical"])
    sealer = services.records.sealer(passphrase)
    base = dt.datetime.fromisoformat(str(row["finalised_at"]).replace("Z", "+00:00"))
    keep = (
        "form_id",
        "form_version",
        "form_hash",
        "control",
        "site_id",
        "instrument_id",
        "site_name",
        "site_code",
        "instrument_label",
        "lot",
        "inspector",
        "verdict",
        "failed",
        "results",
        "measures",
    )
    rows, pdfs = [], {}
    for i in range(count):
        when = (base - dt.timedelta(seconds=i + 1)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        number = f"{when[:10].replace('-', '')}-BULK-{seed:02d}{i:06d}"
        data = canonical_bytes(
            {
                **record,
                "id": record_id,
                "record_no": number,
                "started_at": when,
                "finalised_at": when,
                "supersedes": None,
            }
        )
        rows.append(
            {
                **{k: row[k] for k in keep},
                "id": record_id,
                "record_no": number,
                "status": "finalised",
                "started_at": when,
                "finalised_at": when,
                "canonical": data.decode("utf-8"),
                "fingerprint": fingerprint(data),
                "signature": sealer.sign_record(data),
            }
        )
        pdfs[record_id] = rng.randbytes(pdf_size)
    definition = {
        "sha256": row["form_hash"],
        "form_id": row["form_id"],
        "version": row["form_version"],
        "text": repo.definition_text(services.db, row["form_hash"]),
    }
    repo.insert_many(
        services.db, rows, Stamp(services.device_id, Stamp.utc_now()), definition=definition, pdfs=pdfs
    )
    return [r["id"] for r in rows]


DEMO_OFFICE_PASSPHRASE = "demo-office-passphrase"  # the demo office's root key (demo data only)
DEMO_SUPERVISOR_PASSPHRASE = "demo-supervisor"  # the demo supervisor 赵审核's key on the office
DEMO_OFFICE = "重庆市渝中区市场监督管理局"


def seed_office(
    laptop: Services, office_path: Any, *, laptop_passphrase: str = DEMO_PASSPHRASE
) -> dict[str, Any]:
    """A matching office database for a demo laptop, through the same services as the CLI: the
    root, the laptop's inspector and a supervisor enrolled, the laptop's first bundle imported, a
    review (one record approved, one returned with a reason), a task, and the first return package
    applied on the laptop — so both ends show a round trip already made."""
    import tempfile
    from pathlib import Path

    from inspector_app.services import create_office, open_services

    with open_services(office_path, create=True, clock=laptop.clock) as office_services:
        office = create_office(office_services, name=DEMO_OFFICE, passphrase=DEMO_OFFICE_PASSPHRASE)
        root = office.unlock(DEMO_OFFICE_PASSPHRASE)
        for identity in laptop.records.identities():
            pem = laptop.keys.request(laptop_passphrase, identity_id=identity["id"])
            office.enrol(office.read_request(pem.encode()), role="inspector", root=root)
        office_services.settings.set("inspector_name", "赵审核")
        office_services.records.create_identity(
            name="赵审核",
            id_number="渝执 50009999",
            office=DEMO_OFFICE,
            passphrase=DEMO_SUPERVISOR_PASSPHRASE,
        )
        pem = office_services.keys.request(DEMO_SUPERVISOR_PASSPHRASE)
        office.enrol(office.read_request(pem.encode()), role="supervisor", root=root)
        with tempfile.TemporaryDirectory() as folder:
            exported = laptop.sync.export(Path(folder), laptop_passphrase)
            results = office.import_bundles([exported.path]) if exported.path else []
            key = office_services.records.sealer(DEMO_SUPERVISOR_PASSPHRASE).key
            received = [r for r in office.store.iter_records(device_id=laptop.device_id)]
            returned = 0
            for n, record in enumerate(received[:4]):
                if n == 1:
                    office.decide(
                        record["id"],
                        decision="returned",
                        reason="计量器具型号未填写，请补充后重新提交",
                        key=key,
                    )
                    returned += 1
                else:
                    office.decide(record["id"], decision="approved", reason="", key=key)
            forms_by_kind = {"scale": "scale", "fuel_dispenser": "fuel_dispenser", "taxi_meter": "taxi_meter"}
            instruments = [
                i for i in laptop.registry.search("instruments", limit=500) if i["kind"] in forms_by_kind
            ]
            for n, inst in enumerate(instruments[-2:]):
                site = laptop.registry.get("sites", inst["site_id"])
                office.add_task(
                    laptop.device_id,
                    site={k: site[k] for k in ("name", "credit_code", "district", "address", "kind")},
                    instrument={k: inst[k] for k in ("kind", "maker", "model", "serial", "accuracy_class")},
                    form_id=forms_by_kind[inst["kind"]],
                    due_date=(dt.date.today() + dt.timedelta(days=10 + 7 * n)).isoformat(),
                    note="双随机抽查（检查机构下发）",
                )
            drawn = seed_office_work(office, laptop, root, Path(folder))
            made = office.make_package(laptop.device_id, Path(folder), root=root)
            laptop.sync.apply_package(made["package"], accept_root=office.info()["root_sha256"])
            drawn["done"] = complete_drawn_tasks(office, laptop, key, Path(folder), laptop_passphrase)
            if drawn["done"]:  # the next package acknowledges them and carries their approval
                made = office.make_package(laptop.device_id, Path(folder), root=root)
                laptop.sync.apply_package(made["package"])
        info = office.info()
    return {
        "office": info["name"],
        "root_sha256": info["root_sha256"],
        "enrolled": info["certificates"],
        "imported": sum(r.imported for r in results),
        "returned": returned,
        "package": made["number"],
        "draw": drawn,
    }


def complete_drawn_tasks(office: Any, laptop: Services, key: Any, folder: Any, passphrase: str) -> int:
    """The laptop's inspector does two of the drawn tasks (scale checks), each sent to the office
    and approved there; the first is published — so the 公示 page shows published and due."""
    rng = random.Random(7)
    tasks = [t for t in laptop.sync.tasks() if t["note"].startswith("双随机抽查 ") and not t["inspection_id"]]
    done = 0
    for n, task in enumerate(tasks[:2]):
        row = laptop.registry.get("tasks", task["id"])
        details = {"maker": "上海友声", "model": "TCS-15", "accuracy_class": "III", "max_capacity": "15000"}
        instrument = laptop.registry.create(
            "instruments",
            {
                "site_id": row["site_id"],
                "kind": "scale",
                "serial": f"DRAW-{n + 1:04d}",
                "e_interval": "5",
                **details,
            },
        )
        iid = laptop.inspections.start_from_task(task["id"], instrument_id=instrument)
        if laptop.inspections.set_readings(iid, flatten(scale_readings(rng, 15000, 5))).missing:
            continue
        laptop.inspections.finalise(iid, sealer=laptop.records.sealer(passphrase))
        exported = laptop.sync.export(folder, passphrase)
        if exported.path is not None:
            office.import_bundles([exported.path])
            office.review.decide(iid, decision="approved", reason="", key=key)
            done += 1
            if n == 0:
                office.publication.export(folder / "disclosure.xlsx")
    return done


DEMO_COLLEAGUES = (  # inspectors of the demo office whose laptops are elsewhere
    ("王芳", "渝执 50012346", "渝中区"),
    ("张伟", "渝执 50012347", "江北区"),
    ("刘洋", "渝执 50012348", "渝中区"),
    ("陈静", "渝执 50012349", "南岸区"),
)


def seed_office_work(office: Any, laptop: Services, root: Any, folder: Any) -> dict[str, Any]:
    """The office at work in the demo: colleagues of the laptop's inspector enrolled, the entity
    directory (the laptop's sites and more, with risk levels), districts, and a 双随机 draw of
    markets and supermarkets whose tasks travel in the first package."""
    import uuid

    from cryptography.hazmat.primitives.asymmetric import ec

    from inspector_app.pki import certs

    for name, number, _district in DEMO_COLLEAGUES:
        pem = certs.build_request(
            ec.generate_private_key(ec.SECP256R1()),
            name=name,
            id_number=number,
            office=DEMO_OFFICE,
            device_id=str(uuid.UUID(int=int.from_bytes(number.encode()[-8:], "big"), version=4)),
        )
        office.enrol(office.read_request(pem.encode()), role="inspector", root=root)
    for _name, number, district in DEMO_COLLEAGUES:
        office.directories.set_inspector(number, district=district)
    for identity in laptop.records.identities():
        office.directories.set_inspector(identity["id_number"], district="渝中区")
    rng = random.Random(14)
    kinds = {
        "market": "集贸市场",
        "supermarket": "超市",
        "petrol_station": "加油站",
        "packer": "定量包装生产企业",
    }
    rows = ["统一社会信用代码,名称,区县,类型,风险等级,上次检查日期,地址"]
    for site in laptop.registry.search("sites", limit=500):
        if site["credit_code"] and site["kind"] in kinds:
            risk = rng.choice("ABBCCCD")
            rows.append(
                f"{site['credit_code']},{site['name']},{site['district']},{kinds[site['kind']]},{risk},,"
                f"{site['address']}"
            )
    streets = ("解放", "观音桥", "南坪", "杨家坪", "大坪", "石桥铺", "两路口", "上清寺", "弹子石", "龙头寺")
    for n in range(60):
        district = ("渝中区", "江北区", "南岸区")[n % 3]
        kind = ("market", "supermarket", "supermarket", "petrol_station", "packer")[n % 5]
        label = {
            "market": "农贸市场",
            "supermarket": "生活超市",
            "petrol_station": "加油站",
            "packer": "食品有限公司",
        }
        last = (dt.date.today() - dt.timedelta(days=40 + 9 * n)).isoformat()
        rows.append(
            f"{make_credit_code(rng, district)},{streets[n % 10]}{n + 1}号{label[kind]},{district},"
            f"{kinds[kind]},{rng.choice('ABBCCCCDD')},{last},重庆市{district}{streets[n % 10]}路{n + 1}号"
        )
    sites = folder / "sites.csv"
    sites.write_text("\n".join(rows) + "\n", encoding="utf-8")
    office.directories.import_sites(sites)
    today = office.credit.today()
    plan = (
        f'id = "YZ-{today[:7]}-SCALE"\n'
        f'name = "{today[:4]}年{int(today[5:7])}月集贸市场与超市衡器双随机抽查"\n'
        f"date = {today}\n"
        'item = "scale"\n'
        f"due = {(dt.date.fromisoformat(today) + dt.timedelta(days=30)).isoformat()}\n"
        '[scope]\ntypes = ["market", "supermarket"]\n'
        "[ratios]\nA = 30\nB = 20\nC = 10\nD = 5\n"
    )
    outcome = office.draws.run(plan, "20260318", root=root)
    return {"draw_id": outcome.draw_id, "selected": len(outcome.result.selected), "tasks": outcome.tasks}
