"""Whether an agreement has been carried out: the items still owed when a case is about to be closed."""

from __future__ import annotations

from mediation_desktop.core.model import AgreementItem, Case
from mediation_desktop.core.money import format_figures


def item_unpaid(item: AgreementItem) -> bool:
    """An item is owed until its performance is recorded, and a money item until the amount is paid."""
    if item.performed_on is None:
        return True
    return item.amount_fen is not None and (item.performed_fen or 0) < item.amount_fen


def unpaid_items(case: Case) -> list[AgreementItem]:
    return [item for item in case.agreement.items if item_unpaid(item)] if case.agreement else []


def describe_unpaid(item: AgreementItem) -> str:
    """One line naming the item and what is still owed, e.g. “支付工资（鑫达公司→张三）尚欠 ¥4,000.00”."""
    who = f"{item.description}（{item.payer}→{item.payee}）"
    if item.amount_fen is None:
        return f"{who}尚未履行"
    owed = item.amount_fen - (item.performed_fen or 0)
    return f"{who}尚欠 {format_figures(owed)}"
