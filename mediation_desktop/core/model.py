"""The domain's records as plain dataclasses. Storage maps them to rows; services change them.

Every record carries a UUID made on the node that created it. Money is integer fen. Dates are
``datetime.date`` (legal dates a person enters), timestamps are aware ``datetime``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from os import urandom

from mediation_desktop.core.enums import COLLECTIVE_THRESHOLD, Channel, Outcome, Stage, Status

# 案号: the organisation's code, the year and a number per organisation and year (configurable).
DEFAULT_CASE_NO_PATTERN = "{org_code}劳调〔{year}〕{seq}号"


def uuid4_strings(batch: int = 4096) -> Iterator[str]:
    """Endless random (version 4) UUID strings, like ``str(uuid.uuid4())`` at a fraction of the
    cost: a 100,000-row import makes one per case and per applicant, and uuid4() spends most of
    its time in a system call and object set-up, so random bytes are fetched in batches."""
    while True:
        block = urandom(16 * batch).hex()
        for start in range(0, 32 * batch, 32):
            h = block[start:start + 32]
            yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def uuid7_strings(batch: int = 4096) -> Iterator[str]:
    """Endless time-ordered (version 7, RFC 9562) UUID strings: the Unix time in milliseconds when a
    batch is made, then random bits. A ledger import keys its cases and applicants with them, so the
    indexes on those keys grow at their end instead of at random pages: about a sixth less processor
    time for a 100,000-row ledger (sync-security.md §2.2 allows either version)."""
    while True:
        block = urandom(16 * batch).hex()
        stamp = f"{time.time_ns() // 1_000_000:012x}"
        for start in range(0, 32 * batch, 32):
            h = block[start:start + 32]
            yield f"{stamp[:8]}-{stamp[8:]}-7{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


_ids = uuid4_strings()
_ids_lock = threading.Lock()  # the GUI makes records on its worker thread and its main thread


def _fresh_ids_after_fork() -> None:
    # A forked child would otherwise hand out the very ids its parent has buffered.
    global _ids, _ids_lock
    _ids, _ids_lock = uuid4_strings(), threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_ids_after_fork)


def new_id() -> str:
    with _ids_lock:
        return next(_ids)


@dataclass
class Organisation:
    name: str
    code: str
    role: str = "room"            # room | supervisor
    district_code: str | None = None
    arbitration_name: str | None = None     # 劳动人事争议仲裁委员会 for termination notices
    arbitration_address: str | None = None
    address: str | None = None
    phone: str | None = None
    case_no_pattern: str = DEFAULT_CASE_NO_PATTERN
    id: str = field(default_factory=new_id)

    def format_case_no(self, year: int, seq: int) -> str:
        # The pattern's rules (placeholders only, bounded length) live in core.case_numbers.
        from mediation_desktop.core.case_numbers import format_case_no

        return format_case_no(self.case_no_pattern, self.code, year, seq)


@dataclass
class Applicant:
    name: str
    id_number: str | None = None
    phone: str | None = None
    gender: str | None = None
    address: str | None = None
    is_representative: bool = False
    id: str = field(default_factory=new_id)
    agent: str | None = None              # 委托代理人 (name, and the firm or relation if given)
    agent_special: bool = False           # 特别授权: the agent may agree to terms on the worker's behalf


@dataclass
class Respondent:
    name: str
    uscc: str | None = None
    legal_rep: str | None = None
    address: str | None = None
    phone: str | None = None
    legal_rep_title: str | None = None    # the legal representative's 职务 (经理, 执行董事…)
    agent: str | None = None              # 委托代理人
    agent_special: bool = False


@dataclass
class Claim:
    description: str
    amount_fen: int | None = None
    dispute_type: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class MediationSession:
    held_on: date
    place: str = ""
    mode: str = "现场"            # 现场 | 视频 | 电话
    attendees: str = ""
    notes: str = ""
    recorder: str = ""
    id: str = field(default_factory=new_id)


# The case states that still await an action; the database's open-case queries use the same tuple.
OPEN_STATUSES: tuple[str, ...] = (Status.REGISTERED.value, Status.MEDIATING.value)


def stage_of(status: str, outcome: str | None) -> Stage:
    """The stage of a case from its stored status and outcome: the one derivation every reader
    (the case object, list rows, JSON built from rows) uses."""
    if status == Status.CLOSED:
        return Stage.CLOSED
    if status == Status.REGISTERED:
        return Stage.REGISTERED
    return Stage.CONCLUDED if outcome else Stage.MEDIATING


@dataclass
class AgreementItem:
    payer: str
    payee: str
    description: str
    amount_fen: int | None = None
    due_on: date | None = None
    method: str = ""
    account: str = ""                # the payee's bank account (or other place the money goes)
    performed_on: date | None = None
    performed_fen: int | None = None
    id: str = field(default_factory=new_id)


@dataclass
class WorkerAmount:
    """One worker's share of a collective agreement: the schedule each worker needs for an
    individual 支付令 application."""

    name: str
    amount_fen: int
    id: str = field(default_factory=new_id)


# Whether agreed amounts are before or after individual income tax (None: not stated).
AGREEMENT_TAX = ("pre_tax", "after_tax", "none")


@dataclass
class Agreement:
    signed_on: date
    items: list[AgreementItem] = field(default_factory=list)
    effective_on: date | None = None
    tax: str | None = None
    per_worker: list[WorkerAmount] = field(default_factory=list)
    other_terms: str = ""
    full_and_final: bool = True
    default_route: str = "payment_order"   # payment_order | arbitration
    arbitration_review_applied_on: date | None = None
    arbitration_review_result: str | None = None
    judicial_confirmation_applied_on: date | None = None
    judicial_confirmation_result: str | None = None
    id: str = field(default_factory=new_id)

    @property
    def takes_effect_on(self) -> date:
        return self.effective_on or self.signed_on

    @property
    def total_fen(self) -> int:
        return sum(i.amount_fen or 0 for i in self.items)


@dataclass
class Case:
    org_id: str
    received_on: date
    applicants: list[Applicant]
    respondent: Respondent
    case_no: str = ""
    status: Status = Status.REGISTERED
    outcome: Outcome | None = None
    accepted_on: date | None = None
    concluded_on: date | None = None
    closed_on: date | None = None
    extended_until: date | None = None
    extension_agreed_on: date | None = None   # the day the parties agreed to the extension
    accepted_late: bool = False                # accepted after acceptance_due (allowed, but on record)
    dispute_types: list[str] = field(default_factory=list)
    workers_involved: int = 1
    claims: list[Claim] = field(default_factory=list)
    amount_claimed_fen: int | None = None
    amount_agreed_fen: int | None = None
    channel: Channel = Channel.WALK_IN
    court_case_no: str | None = None
    mediator: str | None = None
    facts: str = ""
    not_accepted_reason: str | None = None
    conclusion_note: str | None = None
    transferred_to: str | None = None
    remarks: str = ""
    respondent_position: str = ""          # 被申请人意见: the employer's answer, as the agreement states it
    employment_ended_on: date | None = None  # the day the employment ended, where it has
    # The next mediation session booked (core.session_schedule): date, "HH:MM" or None, place.
    next_session_on: date | None = None
    next_session_at: str | None = None
    next_session_place: str = ""
    sessions: list[MediationSession] = field(default_factory=list)
    agreement: Agreement | None = None
    id: str = field(default_factory=new_id)
    seq_no: int | None = None          # the number inside the case number, per organisation and year
    version: int = 0                   # row version, +1 on every save (sync conflict detection)
    origin_node: str | None = None     # the node that created the case (its owner for sync)
    ledger_key: str | None = None      # fingerprint of the ledger row it came from (no duplicates on re-import)
    # From a legacy ledger (migration 0011): its 序号 there, the import batch (undo), closed in the
    # ledger with a close date that may be inferred, or open there and held for review.
    ledger_no: str | None = None
    import_batch: str | None = None
    historical: bool = False
    closed_on_inferred: bool = False
    review_pending: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def collective(self) -> bool:
        return self.workers_involved >= COLLECTIVE_THRESHOLD

    @property
    def stage(self) -> Stage:
        return stage_of(self.status, self.outcome)

    @property
    def applicant_names(self) -> str:
        return "、".join(a.name for a in self.applicants)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class CaseFilter:
    """What a case list shows (every field optional). Plain data, so the GUI can build one on the
    GUI thread and storage can turn it into SQL on a worker thread."""

    status: str | None = None
    outcome: str | None = None          # an Outcome code, or "open" for none yet
    dispute_type: str | None = None
    mediator: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    overdue_on: date | None = None      # open cases whose next deadline is before this date
    collective: bool | None = None
    search: str | None = None
    org_id: str | None = None
    # Open cases at this risk level or above (yellow/orange/red): decided by core.risk over the open
    # cases (services.district_risk), not by SQL, so the list's filter and the 风险 page always agree.
    risk_level: str | None = None
