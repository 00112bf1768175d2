from datetime import date

import pytest
from sqlalchemy import func, select

from mediation_desktop.core.enums import Channel, Outcome, Stage
from mediation_desktop.core.errors import (
    NotFoundError,
    TransitionError,
    UserError,
    ValidationError,
    ValidationErrors,
)
from mediation_desktop.core.model import Agreement, AgreementItem, CaseFilter, MediationSession
from mediation_desktop.services.cases import CaseService
from mediation_desktop.storage.outbox import verify_audit_chain
from mediation_desktop.storage.queries import count_cases, list_cases
from mediation_desktop.storage.schema import audit_log, cases, changes

from .helpers import make_backend, walk_in


@pytest.fixture
def svc(tmp_path):
    backend = make_backend(tmp_path / "d")
    yield CaseService(backend)
    backend.close()


def counts(svc):
    with svc.backend.db.read() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in (cases, changes, audit_log))


def test_register_numbers_cases_per_year_and_writes_outbox_and_audit(svc):
    a = svc.register(walk_in("张三"))
    b = svc.register(walk_in("李四"))
    c = svc.register(walk_in("王五", received=date(2025, 12, 30)))
    assert a.case_no == "津和平劳调〔2026〕1号"
    assert b.case_no == "津和平劳调〔2026〕2号"
    assert c.case_no == "津和平劳调〔2025〕1号"
    assert counts(svc) == (3, 3, 4)  # init + 3 registrations in the audit log
    view = svc.view(a.case_no)
    assert view.deadlines.acceptance_due == date(2026, 2, 25)
    assert view.case.amount_claimed_fen == 1640902


def test_invalid_case_is_refused_and_changes_nothing(svc):
    before = counts(svc)
    bad = walk_in("")
    bad.applicants[0].id_number = "110105194912310021"
    bad.respondent.uscc = "91350100M000100Y44"
    bad.channel = Channel.COURT_DELEGATED
    with pytest.raises(ValidationErrors) as exc:
        svc.register(bad)
    fields = {e.field for e in exc.value.errors}
    assert {"applicants.0.name", "applicants.0.id_number", "respondent.uscc", "court_case_no"} <= fields
    assert counts(svc) == before


def test_future_received_date_is_refused(svc):
    with pytest.raises(ValidationError) as exc:
        svc.register(walk_in(received=date(2999, 1, 1)))
    assert exc.value.field == "received_on"


def test_duplicates_are_pointed_out(svc):
    first = svc.register(walk_in("张三"))
    assert svc.find_duplicates(walk_in("张三")) == [first.case_no]
    other = walk_in("张三", employer="天津恒通物流有限公司")
    other.respondent.uscc = None
    assert svc.find_duplicates(other) == []
    same_code = walk_in("张三", employer="鑫达建筑（更名后）")
    assert svc.find_duplicates(same_code) == [first.case_no]  # same credit code, new name


def test_lifecycle_through_the_service_keeps_deadlines_current(svc):
    c = svc.register(walk_in())
    svc.accept(c.case_no, date(2026, 2, 14), mediator="刘建华")
    assert svc.view(c.case_no).deadlines.mediation_due == date(2026, 3, 2)
    svc.record_session(c.case_no, MediationSession(held_on=date(2026, 2, 16), notes="首次调解"))
    svc.conclude(c.case_no, Outcome.AGREEMENT, date(2026, 2, 20), agreement=Agreement(
        signed_on=date(2026, 2, 20), items=[AgreementItem("天津鑫达建筑工程有限公司", "张三", "工资", 1500000)]))
    view = svc.view(c.case_no)
    assert view.case.stage == Stage.CONCLUDED
    assert view.deadlines.arbitration_review_due == date(2026, 3, 9)
    assert len(view.case.sessions) == 1 and view.case.agreement.items[0].amount_fen == 1500000
    svc.close(c.case_no, date(2026, 3, 10))
    with pytest.raises(TransitionError):
        svc.accept(c.case_no, date(2026, 3, 11))
    with svc.backend.db.read() as conn:
        assert verify_audit_chain(conn) == []
        assert conn.execute(select(cases.c.version).where(cases.c.id == c.id)).scalar_one() == 5


def test_unknown_case(svc):
    with pytest.raises(NotFoundError):
        svc.view("津和平劳调〔2026〕999号")


def test_search_short_and_long_terms(svc):
    svc.register(walk_in("张伟"))
    svc.register(walk_in("李四", employer="天津恒通物流有限公司"))
    with svc.backend.db.read() as conn:
        names = lambda q: [c.applicant_names for c in list_cases(conn, CaseFilter(search=q))]  # noqa: E731
        assert names("张伟") == ["张伟"]            # 2 characters: LIKE
        assert names("伟") == ["张伟"]              # 1 character
        assert names("恒通物流") == ["李四"]        # 3+: FTS5 trigram
        assert names("拖欠工资") == ["李四", "张伟"]  # facts, newest (last inserted) first
        assert names("恒通 李四") == ["李四"]       # terms combine with AND
        assert names('"引号') == []                  # quotes cannot break the FTS query
        assert count_cases(conn, CaseFilter(search="物流")) == 1


def test_audit_chain_detects_edit_and_delete(svc):
    svc.register(walk_in())
    svc.register(walk_in("李四"))
    with svc.backend.db.write() as conn:
        conn.execute(audit_log.update().where(audit_log.c.id == 2).values(user="冒名者"))
    with svc.backend.db.read() as conn:
        assert any("#2" in p for p in verify_audit_chain(conn))
    with svc.backend.db.write() as conn:
        conn.execute(audit_log.update().where(audit_log.c.id == 2).values(user="测试员"))
        conn.execute(audit_log.delete().where(audit_log.c.id == 2))
    with svc.backend.db.read() as conn:
        assert any("#3" in p and "删除" in p for p in verify_audit_chain(conn))


def test_case_number_pattern_is_configurable_and_checked(svc):
    from mediation_desktop.services.organisation import update_organisation

    for bad in ("{org_code}-{seq}", "{year}-{seq}-{name}", "{year}{seq"):
        with pytest.raises(ValidationError) as exc:
            update_organisation(svc.backend, case_no_pattern=bad)
        assert exc.value.code == "E_CASE_NO_PATTERN"
    update_organisation(svc.backend, case_no_pattern="（{year}）{org_code}调字第{seq}号", arbitration_name="和平区劳动人事争议仲裁委员会")
    svc.backend._node = None  # re-read the organisation as a fresh start would
    assert svc.register(walk_in()).case_no == "（2026）津和平调字第1号"
    assert svc.backend.node.org.arbitration_name == "和平区劳动人事争议仲裁委员会"


def test_cases_owned_by_another_node_are_read_only_here(svc):
    case = svc.register(walk_in())
    from mediation_desktop.storage.schema import cases as cases_t

    with svc.backend.db.write() as conn:  # as if the case had arrived in a room's sync package
        conn.execute(cases_t.update().values(origin_node="0b7e2f1c-0000-4000-8000-000000000001"))
    from mediation_desktop.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied) as exc:
        svc.accept(case.case_no, date(2026, 2, 14))
    assert exc.value.code == "E_NOT_OWNER"
    assert svc.get(case.case_no).accepted_on is None


def test_the_nodes_keys_are_made_by_sync_not_by_initialising_the_database(svc):
    from mediation_desktop.sync.trust import create_keys

    key = svc.backend.paths.keys / "node_key.json"
    assert not key.exists()          # services never reach up into sync (Backend.initialise)
    create_keys(svc.backend)         # what init and the first start call
    assert key.exists()


def test_short_search_follows_renames_and_deletes(svc):
    case = svc.register(walk_in("张伟"))
    case.applicants[0].name = "王芳"
    svc.update(case)
    with svc.backend.db.read() as conn:
        assert count_cases(conn, CaseFilter(search="张伟")) == 0
        assert count_cases(conn, CaseFilter(search="王芳")) == 1
        assert count_cases(conn, CaseFilter(search="鑫达")) == 1   # the employer, 2 characters
    with svc.backend.db.write() as conn:
        conn.execute(cases.delete())
        assert conn.exec_driver_sql("SELECT count(*) FROM case_names").scalar() == 0


def test_list_rows_and_whole_cases_give_the_same_json(svc):
    from mediation_desktop.services.case_json import case_json, summary_json
    from mediation_desktop.services.demo import fill_demo
    from mediation_desktop.storage.queries import list_summaries

    fill_demo(svc.backend, 150, seed=7)
    with svc.backend.db.read() as conn:
        whole = [case_json(c) for c in list_cases(conn, CaseFilter())]
        rows = [summary_json(r) for r in list_summaries(conn, CaseFilter())]
    assert rows == whole
    assert {c["stage"] for c in rows} >= {"registered", "mediating", "closed"}


def test_deadlines_list_includes_the_review_and_confirmation_terms_of_an_agreement(svc):
    from mediation_desktop.core.deadlines import compute_deadlines, open_deadline_items
    from mediation_desktop.storage.queries import due_cases

    c = svc.register(walk_in())
    svc.accept(c.case_no, date(2026, 2, 14))
    svc.conclude(c.case_no, Outcome.AGREEMENT, date(2026, 2, 20), agreement=Agreement(
        signed_on=date(2026, 2, 20), items=[AgreementItem("公司", "张三", "工资", 100)]))
    with svc.backend.db.read() as conn:
        found = due_cases(conn, date(2026, 3, 31))
    items = [i for case in found for i in open_deadline_items(case, compute_deadlines(case, svc.backend.calendar),
                                                               date(2026, 3, 1))]
    assert [(i.deadline_key, i.due.isoformat()) for i in items] == [
        ("arbitration_review_due", "2026-03-09"), ("judicial_confirmation_due", "2026-03-23")]


def test_a_refused_settings_change_changes_nothing(svc):
    from mediation_desktop.services.organisation import update_organisation

    before = svc.backend.node.org
    with pytest.raises(ValidationError):
        update_organisation(svc.backend, address="新地址", case_no_pattern="{seq}")
    assert svc.backend.node.org == before and svc.backend.node.org.address is None


def test_key_lists_agree_with_the_filters_of_every_kind(svc):
    from datetime import date as d

    from mediation_desktop.services.demo import fill_demo
    from mediation_desktop.storage.queries import list_keys

    fill_demo(svc.backend, 120, seed=11)
    filters = [CaseFilter(), CaseFilter(status="closed"), CaseFilter(collective=True), CaseFilter(outcome="open"),
               CaseFilter(received_from=d(2026, 1, 1), received_to=d(2026, 6, 30)),
               CaseFilter(overdue_on=d(2026, 11, 1)), CaseFilter(search="建筑工程"), CaseFilter(search="伟"),
               CaseFilter(dispute_type="wages", mediator="刘建华")]
    with svc.backend.db.read() as conn:
        nonempty = sum(bool(list_keys(conn, f)) for f in filters)
        assert nonempty >= 7  # the data exercises the filters, not just empty answers
        for f in filters:
            keys = list_keys(conn, f)
            assert len(keys) == count_cases(conn, f), f
            expected = [c.case_no for c in list_cases(conn, f)]
            by_key = {r.num: r.case_no for r in queries_rows(conn, keys)}
            assert [by_key[k] for k in keys] == expected, f


def queries_rows(conn, keys):
    from mediation_desktop.storage.queries import rows_by_keys

    return rows_by_keys(conn, keys).values()


def test_ledger_import_backs_up_the_state_before_it_and_a_bad_file_costs_no_backup(svc, tmp_path):
    import sqlite3

    from mediation_desktop.services.ledger_import import import_ledger

    svc.register(walk_in())
    bad = tmp_path / "旧台账.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    with pytest.raises(UserError):
        import_ledger(svc.backend, bad)
    assert list(svc.backend.paths.backups.glob("*import*")) == []
    good = tmp_path / "l.csv"
    good.write_text("收案日期,申请人,被申请人,争议类型\n2026-02-13,李四,天津恒通物流有限公司,工资\n"
                    "2026-02-14,王五,天津恒通物流有限公司,工资\n", encoding="utf-8")
    assert import_ledger(svc.backend, good)["imported"] == 2
    (backup,) = svc.backend.paths.backups.glob("*import*")
    con = sqlite3.connect(backup)
    assert con.execute("select count(*) from cases").fetchone()[0] == 1  # as it was before the import
    con.close()
