"""SIGKILL at random moments during ledger import, case edits and backups (see crash_harness):
afterwards the database passes integrity_check, every change the worker saw committed is there,
no import is half-applied, and the audit chain is intact."""

from __future__ import annotations

import csv
import os
import random
import sqlite3
from pathlib import Path

import pytest

from mediation_desktop.core import clock
from mediation_desktop.services.backend import Backend

from .crash_harness import (
    audit_chain_problems,
    committed_lines,
    integrity,
    record_committed,
    run_and_kill,
    runs,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")

BATCH = 12
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"


def _initialised(root: Path) -> Path:
    b = Backend.open(root, "crash-test", must_exist=False)
    b.initialise("和平区劳动人事争议调解中心", "津和平")
    b.close()
    return root


def _write_ledger(path: Path, batch: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["序号", "收案日期", "申请人", "被申请人", "争议类型", "请求金额", "备注"])
        for i in range(BATCH):
            n = batch * BATCH + i
            name = SURNAMES[n % 20] + GIVEN[(n // 20) % 20] + GIVEN[(n // 400) % 20]
            w.writerow([i + 1, "2026-03-02", name, f"天津第{batch}建筑工程有限公司", "劳动报酬", "1000", f"批次{batch}"])


def test_ledger_import_is_all_or_nothing_under_sigkill(tmp_path):
    from mediation_desktop.services.ledger_import import import_ledger

    root = _initialised(tmp_path / "data")
    db, side = root / "mediation.sqlite3", tmp_path / "imported.txt"
    rng = random.Random(6)
    next_batch = [0]

    def work(ready) -> None:
        backend = Backend.open(root, "crash-test")
        backend.calendar  # noqa: B018 - loaded before the clock starts
        ready()
        batch = next_batch[0]
        while True:
            ledger = tmp_path / f"ledger-{batch}.csv"
            _write_ledger(ledger, batch)
            report = import_ledger(backend, ledger)
            assert report["imported"] == BATCH, report
            record_committed(side, str(batch))
            batch += 1

    kills = 0
    while kills < runs(45) or next_batch[0] < runs(12):
        assert kills < runs(45) * 4, f"only {next_batch[0]} imports finished in {kills} runs"
        kills += run_and_kill(work, 0.2, rng)  # one import (with its backup first) takes ~0.1 s here
        assert integrity(db) == []
        con = sqlite3.connect(db)
        per_batch = dict(con.execute("SELECT remarks, count(*) FROM cases GROUP BY remarks"))
        con.close()
        assert all(n == BATCH for n in per_batch.values()), per_batch  # never half a batch
        committed = {f"批次{b}" for b in committed_lines(side)}
        assert committed <= set(per_batch)  # every import the worker saw finish is there
        unrecorded = set(per_batch) - committed
        assert len(unrecorded) <= 1  # at most the one killed between commit and record
        for name in unrecorded:  # known now: the next round starts from here
            record_committed(side, name.removeprefix("批次"))
        next_batch[0] = len(per_batch)
        assert audit_chain_problems(db) == []


def test_case_edits_survive_sigkill(tmp_path):
    from mediation_desktop.core.enums import Outcome
    from mediation_desktop.services.cases import CaseService
    from mediation_desktop.services.demo import fill_demo

    root = _initialised(tmp_path / "data")
    b = Backend.open(root, "crash-test")
    fill_demo(b, 200)
    with b.db.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM cases WHERE status = 'mediating' AND outcome IS NULL LIMIT 2")]
    b.close()
    edited, cycled = ids
    db, side = root / "mediation.sqlite3", tmp_path / "edits.txt"
    rng = random.Random(7)

    def saves(case_id: str) -> int:
        con = sqlite3.connect(db)
        try:
            return con.execute("SELECT count(*) FROM audit_log WHERE entity_id = ?", (case_id,)).fetchone()[0]
        finally:
            con.close()

    def work(ready) -> None:
        backend = Backend.open(root, "crash-test")
        service = CaseService(backend)
        service.view(cycled)  # loads the calendar before the clock starts
        today = clock.today()
        ready()
        i = 0
        while True:
            i += 1
            service.apply(edited, "edit", lambda c, i=i: setattr(c, "remarks", f"第{i}次修改"))
            record_committed(side, f"{edited} {service.get(edited).version}")
            current = service.get(cycled)
            if current.status == "closed":
                service.reopen(cycled)
            elif current.outcome is None:
                service.conclude(cycled, Outcome.FAILED, today, note="双方分歧较大")
            else:
                service.close(cycled, today)
            record_committed(side, f"{cycled} {service.get(cycled).version}")

    before = {edited: saves(edited), cycled: saves(cycled)}
    kills, changes = 0, 0
    # Until enough kills AND enough committed changes between them (a loaded CI machine is slower).
    while kills < runs(70) or changes < runs(35):
        assert kills < runs(70) * 4, f"only {changes} changes committed in {kills} runs"
        kills += run_and_kill(work, 0.1, rng)
        assert integrity(db) == []
        con = sqlite3.connect(db)
        versions = dict(con.execute("SELECT id, version FROM cases WHERE id IN (?, ?)", ids))
        con.close()
        for case_id in ids:
            seen = [int(line.split()[1]) for line in committed_lines(side) if line.startswith(case_id)]
            if seen:
                # every committed version is there; at most one more (committed, killed before recording)
                assert seen[-1] <= versions[case_id] <= seen[-1] + 1
            record_committed(side, f"{case_id} {versions[case_id]}")  # the next round starts from here
            # each save wrote exactly one audit entry in the same transaction
            assert saves(case_id) - before[case_id] == versions[case_id] - 1
        assert audit_chain_problems(db) == []
        changes = sum(versions.values()) - 2


def test_backups_survive_sigkill(tmp_path):
    from mediation_desktop.services.audit_events import record_event
    from mediation_desktop.services.backups import list_backups, take_backup
    from mediation_desktop.storage.backup import integrity_problems

    root = _initialised(tmp_path / "data")
    db = root / "mediation.sqlite3"
    rng = random.Random(8)

    def work(ready) -> None:
        backend = Backend.open(root, "crash-test")
        ready()
        n = 0
        while True:
            n += 1
            record_event(backend, "export", None, None, {"n": n})
            take_backup(backend, "manual")

    for _ in range(runs(70)):
        run_and_kill(work, 0.06, rng)
        assert integrity(db) == []
        assert audit_chain_problems(db) == []
        for b in list_backups(root / "backups"):  # a finished name means a complete, checked copy
            assert integrity_problems(b.path) == [], b.path.name
    b = Backend.open(root, "after")  # the next start cleans up and works
    b.backup_before("manual")
    b.close()
    assert not list((root / "backups").glob("*.part"))
