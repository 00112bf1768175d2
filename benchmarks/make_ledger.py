"""Write a realistic N-row 调解台账 (.xlsx) for the import benchmark.

Usage: python benchmarks/make_ledger.py OUT.xlsx [ROWS]

The rows look like a district mediation room's ledger: a title row above the header, Chinese names
(now and then several in one cell), employers that recur with valid 统一社会信用代码, valid 身份证号,
dates mostly as Excel date cells but also typed as text in the usual styles, amounts as numbers and as
``¥16,409.02`` / ``16409.02元`` / ``1.2万元``, several dispute types in some cells.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from mediation_desktop.core.validation import USCC_ALPHABET, id_check_char, uscc_check_char

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕红梅玉兰凤英春梅晓东文博子涵浩然思远雨萱"
PLACES = ("北京", "天津", "河北", "石家庄", "保定", "廊坊", "沧州", "唐山", "邯郸", "邢台")
TRADES = ("建筑工程", "劳务派遣", "物业管理", "餐饮管理", "商贸", "物流", "电子科技", "机械制造", "服装", "家政服务",
          "保安服务", "装饰工程", "汽车销售", "食品", "网络科技")
FORMS = ("有限公司", "有限责任公司", "股份有限公司", "分公司", "个体工商户")
REGIONS = ("110105", "110108", "120101", "130102", "130602", "131002", "130903", "130203", "130402", "130502")
TYPES = ("劳动报酬", "拖欠工资", "经济补偿", "工伤医疗费", "社会保险", "解除劳动合同", "确认劳动关系", "辞退",
         "加班", "福利", "赔偿金", "欠薪")
OUTCOMES = ("调解成功", "达成协议", "调解不成", "终止", "撤回", "和解", "不予受理", "在办", "", "转办")
MEDIATORS = ("王建国", "李秀兰", "张志强", "刘海燕", "陈文博", "赵春梅")
HEADERS = ("序号", "收案日期", "受理日期", "申请人", "申请人身份证号", "申请人电话", "被申请人", "统一社会信用代码",
           "争议类型", "涉及人数", "请求金额", "调解员", "调解结果", "结案日期", "协议金额", "备注")


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def id_number(rng: random.Random) -> str:
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 45))
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_char(first17)


def credit_code(rng: random.Random) -> str:
    body = "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    first17 = f"91{rng.choice(REGIONS)}{body}"
    return first17 + uscc_check_char(first17)


def employers(rng: random.Random, count: int) -> list[tuple[str, str]]:
    return [(f"{rng.choice(PLACES)}{rng.choice('华兴盛达鑫源恒泰宏远')}{rng.choice('华兴盛达鑫源恒泰宏远')}"
             f"{rng.choice(TRADES)}{rng.choice(FORMS)}", credit_code(rng)) for _ in range(count)]


def written_date(rng: random.Random, day: date) -> object:
    style = rng.random()
    if style < 0.7:
        return datetime(day.year, day.month, day.day)      # an Excel date cell
    if style < 0.8:
        return f"{day.year}-{day.month}-{day.day}"
    if style < 0.87:
        return f"{day:%Y/%m/%d}"
    if style < 0.93:
        return f"{day.year}年{day.month}月{day.day}日"
    if style < 0.97:
        return f"{day.year}.{day.month}.{day.day}"
    return f"{day:%Y%m%d}"


def written_amount(rng: random.Random, fen: int) -> object:
    style = rng.random()
    if style < 0.75:
        return fen / 100 if fen % 100 else fen // 100
    if style < 0.85:
        return f"¥{fen / 100:,.2f}"
    if style < 0.95:
        return f"{fen / 100:.2f}元"
    return f"{fen / 1_000_000:g}万元"


def ledger_rows(rows: int, seed: int = 20260213):
    rng = random.Random(seed)
    companies = employers(rng, max(10, rows // 20))
    start = date(2019, 1, 1)
    for number in range(1, rows + 1):
        people = 1 if rng.random() < 0.85 else rng.randint(2, 4)
        names = [person_name(rng) for _ in range(people)]
        ids = [id_number(rng) for _ in range(people)]
        phones = [f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}" for _ in range(people)]
        company, uscc = rng.choice(companies)
        received = start + timedelta(days=rng.randrange(2500))
        accepted = received + timedelta(days=rng.randrange(4))
        outcome = rng.choice(OUTCOMES)
        closed = accepted + timedelta(days=rng.randrange(1, 30)) if outcome not in ("", "在办") else None
        claimed = rng.randrange(100, 50000) * 100 + rng.choice((0, 0, 0, 50, 2))
        agreed = int(claimed * rng.uniform(0.5, 1.0)) if outcome in ("调解成功", "达成协议") else None
        types = "、".join(rng.sample(TYPES, rng.choice((1, 1, 1, 2, 3))))
        yield (
            number, written_date(rng, received), written_date(rng, accepted), "、".join(names),
            "、".join(ids), "、".join(phones), company, uscc, types,
            people if rng.random() < 0.6 else None, written_amount(rng, claimed), rng.choice(MEDIATORS),
            outcome or None, written_date(rng, closed) if closed else None,
            written_amount(rng, agreed) if agreed else None, "" if rng.random() < 0.8 else "已电话回访",
        )


def write_ledger(path: Path, rows: int, seed: int = 20260213) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("调解台账")
    sheet.append([f"{PLACES[0]}市某区劳动人事争议调解委员会 调解台账"])
    sheet.append(HEADERS)
    for values in ledger_rows(rows, seed):
        cells = []
        for value in values:
            if isinstance(value, datetime):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    book.save(path)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    rows = int(argv[1]) if len(argv) > 1 else 100_000
    write_ledger(Path(argv[0]), rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
