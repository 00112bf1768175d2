"""Issue 5's end-to-end check: a room and its district supervisor, each with its own data folder,
exchange packages through the real command line, and the supervisor's totals equal the room's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .cli import run_cli
from .test_cli_foundation import write_gbk_csv

ENV = {"MEDIATION_DESKTOP_PASSPHRASE": "和平区 2026 口令"}

CHANGE_CASES = r"""
import sys
from pathlib import Path
from datetime import date
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.cases import CaseService
backend = Backend.open(sys.argv[1], "刘建华")
svc = CaseService(backend)
for no in sys.argv[2:]:
    svc.apply(no, "edit", lambda c: setattr(c, "facts", c.facts + "（补充材料已收）"))
backend.close()
"""

# More made-up cases in a register that has synced: ``demo`` refuses that (they would be reported
# as real), so the generator is called directly, as the benchmarks do.
FILL_DEMO = r"""
import sys
from mediation_desktop.services.backend import Backend
from mediation_desktop.services.demo import fill_demo
backend = Backend.open(sys.argv[1], "刘建华")
fill_demo(backend, int(sys.argv[2]), seed=int(sys.argv[3]))
backend.close()
"""


def more_demo_cases(d, n: int, seed: int) -> None:
    subprocess.run([sys.executable, "-c", FILL_DEMO, str(d), str(n), str(seed)], check=True, capture_output=True,
                   env={**__import__("os").environ, **ENV})


def cli(d, *args):
    r = run_cli(d, *args, env=ENV)
    assert r.code == 0, (args, r.err)
    return r


def enrol(a, b, tmp):
    card = tmp / f"{a.name}.card"
    fp = cli(a, "keys", "export", "--out", str(card), "--json").json()["fingerprint"]
    wrong = ("0000 " * 8).strip()
    refused = run_cli(b, "keys", "trust", str(card), "--fingerprint", wrong, env=ENV)
    assert refused.code == 2 and refused.err.startswith("E_FINGERPRINT_MISMATCH")
    cli(b, "keys", "trust", str(card), "--fingerprint", fp)


def export(d, out):
    return cli(d, "sync", "export", "--out", str(out), "--json").json()["file"]


def sync_import(d, *files, code=0):
    r = run_cli(d, "sync", "import", *map(str, files), "--json", env=ENV)
    assert r.code == code, r.err
    return r.json()


def org_totals(d, tmp, code):
    out = tmp / f"{d.name}-report.json"
    cli(d, "report", "--from", "2000-01-01", "--to", "2099-12-31", "--out", str(out))
    rows = json.loads(out.read_text(encoding="utf-8"))["organisations"]
    return next(r for r in rows if r.get("org_code") == code or r.get("code") == code)


def test_room_and_supervisor_through_the_command_line(tmp_path):
    room, sup = tmp_path / "room", tmp_path / "sup"
    cli(room, "init", "--org", "和平区劳动人事争议调解中心", "--org-code", "HP")
    cli(sup, "init", "--org", "和平区人力资源和社会保障局", "--org-code", "D01", "--role", "supervisor")
    assert (room / "keys" / "node_key.json").read_text().count("scrypt") == 1  # protected by the passphrase
    enrol(room, sup, tmp_path)
    enrol(sup, room, tmp_path)

    ledger = tmp_path / "台账.csv"
    write_gbk_csv(ledger, [
        [1, "2026年2月13日", "2026.2.14", "张三、李四", "11010519491231002X", "13812345678", "天津鑫达建筑工程有限公司",
         "91350100M000100Y43", "劳动报酬、经济补偿", "2", "￥16,409.02", "刘建华", "调解成功", "2026-2-25", "1.2万元", ""],
        [2, "2026/02/14", "", "王五", "110105194912310021", "", "天津恒通物流有限公司", "91350100M000100Y44",
         "工资", "", "16409.02元", "", "在办", "", "", ""],
    ])
    cli(room, "demo", "--cases", "40")  # into the empty register, before the ledger brings real cases
    cli(room, "ledger", "import", str(ledger))
    first = export(room, tmp_path / "stick1")
    (r,) = sync_import(sup, first)
    assert (r["status"], r["created"]) == ("imported", 42)

    room_cases = cli(room, "cases", "--json").json()
    subprocess.run([sys.executable, "-c", CHANGE_CASES, str(room), room_cases[0]["case_no"], room_cases[1]["case_no"]],
                   check=True, capture_output=True, env={**__import__("os").environ, **ENV})
    more_demo_cases(room, 5, 77)
    second = export(room, tmp_path / "stick2")
    more_demo_cases(room, 3, 78)
    third = export(room, tmp_path / "stick3")

    (held,) = sync_import(sup, third)
    assert held["status"] == "held"
    (r2,) = sync_import(sup, second)
    assert r2["status"] == "imported" and r2["created"] == 5 + 3 and r2["updated"] == 2
    again = sync_import(sup, first, second, third)
    assert [x["status"] for x in again] == ["already_imported"] * 3

    status = cli(sup, "sync", "status", "--json").json()["peers"][0]
    assert status["held"] == 0 and status["cases"] == 50

    sup_cases = {c["id"]: c for c in cli(sup, "cases", "--json").json()}
    here = {c["id"]: c for c in cli(room, "cases", "--json").json()}
    assert sup_cases.keys() == here.keys()
    assert all(sup_cases[i]["amount_claimed"] == here[i]["amount_claimed"] for i in here)
    assert org_totals(sup, tmp_path, "HP") == org_totals(room, tmp_path, "HP")

    # Downstream: the supervisor's acknowledgement reaches the room; a replay there is harmless too.
    down = export(sup, tmp_path / "down")
    (d,) = sync_import(room, down)
    assert d["status"] == "imported"
    (d2,) = sync_import(room, down)
    assert d2["status"] == "already_imported"

    tampered = tmp_path / "tampered.mdpkg"
    data = bytearray(Path(second).read_bytes())
    data[len(data) // 2] ^= 1
    tampered.write_bytes(bytes(data))
    (bad,) = sync_import(sup, tampered, code=2)
    assert bad["status"] == "rejected" and bad["reason"].startswith("E_PKG_SIGNATURE")
