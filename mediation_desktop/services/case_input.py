"""The case and agreement JSON documents of ``case add`` and ``case agree`` (CONTRACT §6), read into
core.model objects.

Every input is hostile: a file that is not UTF-8 JSON, a field of the wrong type, an unknown field
(usually a typo that would otherwise be dropped without a word) are each refused with a code and the
field's path, all problems of a document at once. What the values mean (names, ID numbers, dates in
order, workers and applicants) is then checked by the same rules as the GUI's forms
(``services.cases.validate_case``, ``core.lifecycle.agreement_problems``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from mediation_desktop.core.enums import Channel, DisputeType
from mediation_desktop.core.errors import UserError, ValidationError, ValidationErrors
from mediation_desktop.core.model import (
    AGREEMENT_TAX,
    Agreement,
    AgreementItem,
    Applicant,
    Case,
    Claim,
    Respondent,
    WorkerAmount,
)
from mediation_desktop.core.money import parse_amount

MAX_JSON_BYTES = 5 * 1024 * 1024   # a case with a thousand applicants is far below this

# The channel words of CONTRACT §6, besides the internal codes (which are accepted as they are).
CHANNEL_WORDS = {"oral": Channel.WALK_IN, "written": Channel.WRITTEN, "court_entrusted": Channel.COURT_ENTRUSTED,
                 "transferred": Channel.HOTLINE}

CASE_KEYS = {"received_on", "channel", "applicants", "respondent", "workers_involved", "dispute_types", "claims",
             "facts", "mediator", "court_case_no", "respondent_position", "employment_ended_on"}
# agent / agent_special: the 委托代理人 and whether specially authorised (printed on the agreement).
APPLICANT_KEYS = {"name", "id_number", "phone", "address", "gender", "representative", "agent", "agent_special"}
RESPONDENT_KEYS = {"name", "uscc", "address", "legal_representative", "phone", "legal_representative_title",
                   "agent", "agent_special"}
CLAIM_KEYS = {"dispute_type", "description", "amount"}
AGREEMENT_KEYS = {"signed_on", "effective_on", "tax", "items", "per_worker", "other_terms"}
ITEM_KEYS = {"payer", "payee", "content", "amount", "due", "method", "account"}
WORKER_KEYS = {"name", "amount"}


def read_json_file(path: Path, what: str) -> Any:
    """The parsed document, or E_JSON with a one-line reason (missing, too large, not UTF-8 JSON)."""
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise UserError("E_JSON", f"{what}文件“{path.name}”过大（超过5MB），请检查是否选错了文件")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError("E_JSON", f"找不到{what}文件“{path}”") from None
    except IsADirectoryError:
        raise UserError("E_JSON", f"“{path}”是文件夹，不是{what}文件") from None
    except PermissionError:
        raise UserError("E_JSON", f"没有权限读取{what}文件“{path}”") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError("E_JSON", f"{what}文件“{path.name}”不是 UTF-8 编码的文本，请另存为 UTF-8") from None
    except json.JSONDecodeError as exc:
        raise UserError("E_JSON", f"{what}文件“{path.name}”不是合格的 JSON：第{exc.lineno}行第{exc.colno}列，{exc.msg}") from None
    except RecursionError:
        raise UserError("E_JSON", f"{what}文件“{path.name}”嵌套层数过多，不是合格的{what}") from None


class _Reader:
    """Collects one error per field while reading a document."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def fail(self, code: str, field: str, message: str) -> None:
        self.errors.append(ValidationError(code, f"{field}：{message}", field=field))

    def obj(self, value: Any, field: str, keys: set[str], required: frozenset[str] | set[str] = frozenset()) -> dict | None:
        if not isinstance(value, dict):
            self.fail("E_JSON_TYPE", field or "（根）", "应为 JSON 对象 {…}")
            return None
        for key in sorted(set(value) - keys, key=str):
            self.fail("E_JSON_FIELD", _join(field, key), f"未知字段（可用字段：{'、'.join(sorted(keys))}）")
        for key in sorted(required - set(value)):
            self.fail("E_REQUIRED", _join(field, key), "缺少必填字段")
        return value

    def text(self, d: dict, key: str, field: str, *, required: bool = False) -> str | None:
        value = d.get(key)
        where = _join(field, key)
        if value is None:
            if required:
                self.fail("E_REQUIRED", where, "不能为空")
            return None
        if not isinstance(value, str):
            self.fail("E_JSON_TYPE", where, "应为文字（字符串）")
            return None
        if required and not value.strip():
            self.fail("E_REQUIRED", where, "不能为空")
        return value

    def day(self, d: dict, key: str, field: str, *, required: bool = False) -> date | None:
        value = d.get(key)
        where = _join(field, key)
        if value is None:
            if required:
                self.fail("E_REQUIRED", where, "缺少日期")
            return None
        if not isinstance(value, str):
            self.fail("E_DATE", where, "日期应写成 \"YYYY-MM-DD\" 形式的文字")
            return None
        try:
            return date.fromisoformat(value) if len(value) == 10 else _bad_date()
        except ValueError:
            self.fail("E_DATE", where, f"日期“{value}”格式不正确，应为 YYYY-MM-DD")
            return None

    def money(self, d: dict, key: str, field: str, *, required: bool = False) -> int | None:
        value = d.get(key)
        where = _join(field, key)
        if value is None:
            if required:
                self.fail("E_REQUIRED", where, "缺少金额")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            # Floats are refused: 0.1 + 0.2 is not money. A string like "36800.50" is exact.
            self.fail("E_AMOUNT", where, "金额应写成带两位小数的文字，如 \"36800.50\"；没有金额时写 null")
            return None
        try:
            return parse_amount(value, field=where)
        except ValidationError as exc:
            self.fail(exc.code, where, exc.message)
            return None

    def array(self, d: dict, key: str, field: str, limit: int) -> list:
        value = d.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("E_JSON_TYPE", _join(field, key), "应为 JSON 数组 […]")
            return []
        if len(value) > limit:
            self.fail("E_JSON_TYPE", _join(field, key), f"最多 {limit} 项")
            return []
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise self.errors[0] if len(self.errors) == 1 else ValidationErrors(self.errors)


def _bad_date() -> date:
    raise ValueError("not YYYY-MM-DD")


def _join(field: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{field}.{key}"
    return f"{field}.{key}" if field else str(key)


def case_from_json(data: Any) -> Case:
    """A new (unsaved, unnumbered) case from the ``case add`` document; org_id is set on registration."""
    r = _Reader()
    d = r.obj(data, "", CASE_KEYS, {"received_on", "applicants", "respondent"})
    if d is None:
        r.raise_if_any()
    assert d is not None
    received_on = r.day(d, "received_on", "", required=True)
    channel = Channel.WRITTEN
    raw_channel = d.get("channel")
    if raw_channel is not None:
        if raw_channel in CHANNEL_WORDS:
            channel = CHANNEL_WORDS[raw_channel]
        elif isinstance(raw_channel, str) and raw_channel in Channel._value2member_map_:
            channel = Channel(raw_channel)
        else:
            r.fail("E_CHANNEL", "channel", f"未知的申请方式“{raw_channel}”，可选：{'、'.join(CHANNEL_WORDS)}")
    applicants = []
    for i, a in enumerate(r.array(d, "applicants", "", 1000)):
        where = f"applicants.{i}"
        ad = r.obj(a, where, APPLICANT_KEYS, {"name"})
        if ad is None:
            continue
        rep = ad.get("representative", False)
        if not isinstance(rep, bool):
            r.fail("E_JSON_TYPE", f"{where}.representative", "应为 true 或 false")
            rep = False
        applicants.append(Applicant(name=r.text(ad, "name", where, required=True) or "",
                                    id_number=r.text(ad, "id_number", where) or None,
                                    phone=r.text(ad, "phone", where) or None,
                                    gender=r.text(ad, "gender", where) or None,
                                    address=r.text(ad, "address", where) or None, is_representative=rep,
                                    agent=r.text(ad, "agent", where) or None,
                                    agent_special=_flag(r, ad, "agent_special", where)))
    respondent = Respondent(name="")
    rd = r.obj(d.get("respondent"), "respondent", RESPONDENT_KEYS, {"name"}) if "respondent" in d else None
    if rd is not None:
        respondent = Respondent(name=r.text(rd, "name", "respondent", required=True) or "",
                                uscc=r.text(rd, "uscc", "respondent") or None,
                                address=r.text(rd, "address", "respondent") or None,
                                legal_rep=r.text(rd, "legal_representative", "respondent") or None,
                                phone=r.text(rd, "phone", "respondent") or None,
                                legal_rep_title=r.text(rd, "legal_representative_title", "respondent") or None,
                                agent=r.text(rd, "agent", "respondent") or None,
                                agent_special=_flag(r, rd, "agent_special", "respondent"))
    types = []
    for i, t in enumerate(r.array(d, "dispute_types", "", len(DisputeType))):
        if not isinstance(t, str) or t not in DisputeType._value2member_map_:
            r.fail("E_DISPUTE_TYPE", f"dispute_types.{i}", f"未知的争议类型“{t}”")
        elif t not in types:
            types.append(t)
    claims = []
    for i, c in enumerate(r.array(d, "claims", "", 200)):
        where = f"claims.{i}"
        cd = r.obj(c, where, CLAIM_KEYS, {"description", "amount"})
        if cd is None:
            continue
        kind = cd.get("dispute_type")
        if kind is not None and (not isinstance(kind, str) or kind not in DisputeType._value2member_map_):
            r.fail("E_DISPUTE_TYPE", f"{where}.dispute_type", f"未知的争议类型“{kind}”")
            kind = None
        claims.append(Claim(description=r.text(cd, "description", where, required=True) or "",
                            amount_fen=r.money(cd, "amount", where), dispute_type=kind))
        if kind and kind not in types:
            types.append(kind)   # a claim's type is a type of the dispute
    workers = d.get("workers_involved", max(1, len(applicants)))
    if isinstance(workers, bool) or not isinstance(workers, int):
        r.fail("E_WORKERS", "workers_involved", "涉及人数应为整数")
        workers = max(1, len(applicants))
    employment_ended_on = r.day(d, "employment_ended_on", "")
    respondent_position = r.text(d, "respondent_position", "") or ""
    r.raise_if_any()
    assert received_on is not None
    return Case(org_id="", received_on=received_on, applicants=applicants, respondent=respondent,
                channel=channel, workers_involved=workers, dispute_types=types, claims=claims,
                facts=r.text(d, "facts", "") or "", mediator=r.text(d, "mediator", "") or None,
                court_case_no=r.text(d, "court_case_no", "") or None,
                respondent_position=respondent_position, employment_ended_on=employment_ended_on)


def _flag(r: _Reader, d: dict, key: str, field: str) -> bool:
    value = d.get(key, False)
    if not isinstance(value, bool):
        r.fail("E_JSON_TYPE", _join(field, key), "应为 true 或 false")
        return False
    return value


def agreement_from_json(data: Any) -> Agreement:
    """The agreement of ``case agree``; what it must hold for the case is checked on recording."""
    r = _Reader()
    d = r.obj(data, "", AGREEMENT_KEYS, {"signed_on", "items"})
    if d is None:
        r.raise_if_any()
    assert d is not None
    signed_on = r.day(d, "signed_on", "", required=True)
    effective_on = r.day(d, "effective_on", "")
    tax = d.get("tax")
    if tax is not None and tax not in AGREEMENT_TAX:
        r.fail("E_AGREEMENT_TAX", "tax", "应为 pre_tax（税前）、after_tax（税后）或 none（不涉及）")
        tax = None
    items = []
    for i, it in enumerate(r.array(d, "items", "", 200)):
        where = f"items.{i}"
        idict = r.obj(it, where, ITEM_KEYS, {"payer", "payee", "content"})
        if idict is None:
            continue
        items.append(AgreementItem(
            payer=r.text(idict, "payer", where, required=True) or "",
            payee=r.text(idict, "payee", where, required=True) or "",
            description=r.text(idict, "content", where, required=True) or "",
            amount_fen=r.money(idict, "amount", where), due_on=r.day(idict, "due", where),
            method=r.text(idict, "method", where) or "", account=r.text(idict, "account", where) or ""))
    workers = []
    for i, w in enumerate(r.array(d, "per_worker", "", 100_000)):
        where = f"per_worker.{i}"
        wd = r.obj(w, where, WORKER_KEYS, {"name", "amount"})
        if wd is None:
            continue
        amount = r.money(wd, "amount", where, required=True)
        workers.append(WorkerAmount(name=r.text(wd, "name", where, required=True) or "", amount_fen=amount or 0))
    r.raise_if_any()
    assert signed_on is not None
    return Agreement(signed_on=signed_on, effective_on=effective_on, items=items, tax=tax, per_worker=workers,
                     other_terms=r.text(d, "other_terms", "") or "")


def read_case(path: Path) -> Case:
    return case_from_json(read_json_file(path, "案件"))


def read_agreement(path: Path) -> Agreement:
    return agreement_from_json(read_json_file(path, "调解协议"))
