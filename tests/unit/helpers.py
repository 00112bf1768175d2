"""Shared builders for tests that need a real database."""

from __future__ import annotations

from datetime import date

from mediation_desktop.core.model import Applicant, Case, Claim, Respondent
from mediation_desktop.paths import DataPaths
from mediation_desktop.services.backend import Backend


def make_backend(root, user: str = "测试员", role: str = "room") -> Backend:
    backend = Backend(DataPaths.resolve(root), user)
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平", role)
    return backend


def walk_in(name: str = "张三", employer: str = "天津鑫达建筑工程有限公司", received: date = date(2026, 2, 13),
            amount_fen: int = 1640902, workers: int = 1) -> Case:
    return Case(org_id="", received_on=received, applicants=[Applicant(name, is_representative=workers >= 10)],
                respondent=Respondent(employer, uscc="91350100M000100Y43"), dispute_types=["wages"],
                workers_involved=workers, claims=[Claim("支付拖欠工资", amount_fen, "wages")],
                facts="申请人在被申请人处从事焊工工作，被申请人拖欠工资三个月。")
