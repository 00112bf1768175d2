"""The lifecycle facts travel in sync records: the extension's agreed date, late acceptance, the
agreement's tax basis, other terms, per-worker amounts and item accounts; a record from a node that
does not know them yet still reads, with the values that mean "not recorded"."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from mediation_desktop.core.model import Agreement, AgreementItem, WorkerAmount
from mediation_desktop.sync import records as rec
from mediation_desktop.sync.records import RecordError

from .helpers import walk_in


def _case():
    case = walk_in("张三", workers=12)
    case.case_no, case.seq_no, case.org_id = "津和平劳调〔2026〕1号", 1, "6f1c1a9e-3a34-4b8e-9a53-5b3e2f0b9c11"
    case.created_at = case.updated_at = datetime(2026, 9, 1, tzinfo=UTC)
    case.accepted_on, case.accepted_late = date(2026, 2, 26), True
    case.extended_until, case.extension_agreed_on = date(2026, 3, 20), date(2026, 3, 10)
    case.agreement = Agreement(signed_on=date(2026, 3, 12), tax="after_tax", other_terms="再无争议。",
                               items=[AgreementItem("公司", "张三等12人", "工资", 1200000, account="6222")],
                               per_worker=[WorkerAmount(f"工人{i}", 100000) for i in range(12)])
    return case


def _wire(case) -> dict:
    return json.loads(json.dumps(rec.case_data(case, [], [], "测试员"), ensure_ascii=False))


def test_the_lifecycle_facts_round_trip():
    case = _case()
    back = rec.case_from_data(case.id, "6f1c1a9e-3a34-4b8e-9a53-5b3e2f0b9c12", 1, rec.CASE(_wire(case), "data"))
    assert (back.accepted_late, back.extension_agreed_on) == (True, date(2026, 3, 10))
    ag = back.agreement
    assert (ag.tax, ag.other_terms, ag.items[0].account) == ("after_tax", "再无争议。", "6222")
    assert [(w.name, w.amount_fen) for w in ag.per_worker] == [(f"工人{i}", 100000) for i in range(12)]


def test_a_record_from_an_older_node_reads_as_not_recorded():
    wire = _wire(_case())
    for key in ("extension_agreed_on", "accepted_late"):
        del wire[key]
    for key in ("tax", "other_terms", "per_worker"):
        del wire["agreement"][key]
    del wire["agreement"]["items"][0]["account"]
    checked = rec.CASE(wire, "data")
    assert (checked["extension_agreed_on"], checked["accepted_late"]) == (None, False)
    ag = checked["agreement"]
    assert (ag["tax"], ag["other_terms"], ag["per_worker"], ag["items"][0]["account"]) == (None, "", [], "")


@pytest.mark.parametrize("path,value", [
    (("accepted_late",), "yes"), (("agreement", "tax"), "gross"),
    (("agreement", "per_worker"), [{"id": "x", "name": "甲", "amount_fen": 1}]),
    (("agreement", "per_worker"), [{"id": "6f1c1a9e-3a34-4b8e-9a53-5b3e2f0b9c13", "name": "甲", "amount_fen": 1.5}]),
    (("unknown_field",), 1)])
def test_a_bad_or_unknown_lifecycle_value_is_refused(path, value):
    wire = _wire(_case())
    target = wire
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(RecordError):
        rec.CASE(wire, "data")
