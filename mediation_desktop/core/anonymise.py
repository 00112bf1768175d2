"""Anonymising a case's text for the typical-case library (典型案例).

People become 张某 (surname + 某; several people sharing a surname become 张某甲, 张某乙 …), the employer
becomes 某 + the industry word of its name + its kind (天津市顺达物流有限公司 -> 某物流公司), and ID
numbers, phone numbers, credit codes, addresses and case numbers are removed. A name is also caught
in part: a given name of two or more characters alone, and the employer's short name (顺达, 顺达物流).

All replacements happen in one pass, longest term first, so an inserted alias is never scanned again;
:meth:`Anonymiser.leaks` then checks the result, and the caller refuses a write-up that still leaks.
A one-character given name alone is an ordinary character of the language (三, 明) and is not removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
    "令狐", "澹台", "端木", "轩辕", "呼延", "南宫", "独孤", "万俟", "闻人", "西门", "申屠", "太史",
))
_ORDINALS = "甲乙丙丁戊己庚辛壬癸"

# The legal form at the end of an employer's name, and what the alias calls it.
_LEGAL_FORMS: tuple[tuple[str, str], ...] = (
    ("股份有限公司", "公司"), ("有限责任公司", "公司"), ("集团有限公司", "集团"), ("有限公司", "公司"),
    ("分公司", "公司"), ("集团", "集团"), ("公司", "公司"), ("工作室", "工作室"), ("合作社", "合作社"),
    ("事务所", "事务所"), ("经营部", "经营部"), ("商行", "商行"), ("门市部", "门市部"), ("中心", "中心"),
    ("酒店", "酒店"), ("饭店", "饭店"), ("餐厅", "餐厅"), ("医院", "医院"), ("诊所", "诊所"), ("学校", "学校"),
    ("幼儿园", "幼儿园"), ("超市", "超市"), ("工厂", "厂"), ("厂", "厂"), ("店", "店"), ("社", "社"),
)
# Industry words kept in the alias (longest match at the end of the name's core wins).
INDUSTRY_WORDS = tuple(sorted((
    "物流", "快递", "运输", "货运", "建筑", "建筑工程", "建设工程", "建设", "工程", "装饰", "装饰工程", "装修",
    "劳务", "劳务派遣", "人力资源", "餐饮", "餐饮管理", "饮食", "食品", "烧烤", "火锅", "酒业", "科技", "信息技术",
    "网络科技", "电子商务", "网络", "电子", "电器", "机械", "机电", "制造", "汽车", "汽车服务", "汽车销售", "汽配",
    "服装", "服饰", "纺织", "印刷", "包装", "塑料", "五金", "化工", "医药", "药业", "生物", "商贸", "贸易", "商业",
    "超市", "零售", "物业", "物业管理", "保洁", "家政", "安保", "保安", "保安服务", "酒店管理", "房地产", "置业",
    "环保", "能源", "新能源", "电力", "钢铁", "金属", "家具", "木业", "教育", "培训", "文化传媒", "传媒", "广告",
    "健身", "美容", "美发", "养老", "医疗", "口腔", "旅游", "外卖", "配送", "车队", "搬家", "维修", "钢结构",
), key=len, reverse=True))
_REGION = re.compile(r"^[\u4e00-\u9fff]{1,7}?(?:特别行政区|自治区|自治州|省|市|区|县|旗|镇|乡|街道)")
_PAREN = re.compile(r"[（(][^）)]{0,20}[）)]")

# Numbers that identify someone whatever the record says: ID numbers (18 or old 15 digits), credit
# codes, mobile and landline numbers.
_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_USCC_LIKE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[-－ ]\d{7,8}(?!\d)")
REMOVED = "（略）"


def surname_of(name: str) -> str:
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


def _is_han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)


@dataclass(frozen=True)
class EmployerAlias:
    alias: str
    terms: tuple[str, ...]   # the full name and the short names it goes by


def employer_alias(name: str) -> EmployerAlias:
    """某 + industry + kind for an employer's name, and the parts of the name that identify it."""
    full = name.strip()
    terms = {full}
    core = _PAREN.sub("", full)
    terms.add(core)
    kind = "单位"
    for form, shown in _LEGAL_FORMS:
        if core.endswith(form) and len(core) > len(form):
            core, kind = core[: -len(form)], shown
            break
    # Drop leading place names (天津市和平区), as long as something is left to be the name.
    for _ in range(3):
        m = _REGION.match(core)
        if not m or len(core) - m.end() < 2:
            break
        core = core[m.end():]
    industry = next((w for w in INDUSTRY_WORDS if core.endswith(w) and len(core) > len(w)), "")
    brand = core[: len(core) - len(industry)] if industry else core
    if len(core) >= 2:
        terms.add(core)
        terms.add(core + kind)
    if len(brand) >= 2:
        terms.update({brand, brand + kind, brand + "公司"})
    alias = "某" + industry + kind if industry else ("某公司" if kind == "单位" else "某" + kind)
    return EmployerAlias(alias, tuple(sorted((t for t in terms if len(t) >= 2), key=len, reverse=True)))


@dataclass
class Anonymiser:
    """Replace the given people, employers and identifying numbers in any text of one case."""
    people: list[str] = field(default_factory=list)
    employers: list[str] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)   # exact strings: ID/phone numbers, addresses, case numbers

    def __post_init__(self) -> None:
        self.aliases: dict[str, str] = {}
        self._sensitive: set[str] = set()
        replacements: dict[str, str] = {}
        names = list(dict.fromkeys(p.strip() for p in self.people if p and p.strip()))
        by_surname: dict[str, list[str]] = {}
        for n in names:
            by_surname.setdefault(surname_of(n), []).append(n)
        for surname, group in by_surname.items():
            for i, n in enumerate(group):
                base = (surname if _is_han(surname) else "") + "某"
                alias = base if len(group) == 1 else base + (_ORDINALS[i] if i < len(_ORDINALS) else str(i + 1))
                self.aliases[n] = alias
                replacements[n] = alias
                self._sensitive.add(n)
                given = n[len(surname):]
                if len(given) >= 2:
                    replacements.setdefault(given, alias)
                    self._sensitive.add(given)
        for e in self.employers:
            if not e or not e.strip():
                continue
            found = employer_alias(e)
            self.aliases[e.strip()] = found.alias
            for term in found.terms:
                replacements.setdefault(term, found.alias)
            self._sensitive.update(found.terms)
        for s in self.secrets:
            s = (s or "").strip()
            if len(s) >= 2:
                replacements[s] = REMOVED
                self._sensitive.add(s)
                digits = re.sub(r"\D", "", s)
                if len(digits) >= 7 and digits != s:
                    replacements[digits] = REMOVED
                    self._sensitive.add(digits)
        # An alias must not itself contain a term it replaces (a name such as 张某 stays 张某).
        for term in [t for t in replacements if any(t in a for a in set(replacements.values()))]:
            self._sensitive.discard(term)
        ordered = sorted(replacements, key=len, reverse=True)
        self._replacements = replacements
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def alias_of(self, name: str) -> str:
        return self.aliases.get(name.strip(), "某")

    def __call__(self, text: str) -> str:
        if not text:
            return text
        out = text
        for _ in range(3):
            if self._pattern is not None:
                out = self._pattern.sub(lambda m: self._replacements[m.group(0)], out)
            out = _scrub_numbers(out)
            if not self.leaks(out):
                break
        return out

    def leaks(self, text: str) -> list[str]:
        """The identifying terms still in ``text`` (empty when it is clean)."""
        found = [t for t in self._sensitive if t in text]
        found += [m.group(0) for rx in (_ID_LIKE, _USCC_LIKE, _MOBILE, _LANDLINE) for m in rx.finditer(text)]
        return found


def _scrub_numbers(text: str) -> str:
    for rx in (_ID_LIKE, _USCC_LIKE, _MOBILE, _LANDLINE):
        text = rx.sub(REMOVED, text)
    return text
