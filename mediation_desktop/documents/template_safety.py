"""What a document template may ask for, checked on its syntax tree before it is compiled.

A template is a Word file from outside: a user's own, or one a district package offers. Jinja can
reach Python objects (``lipsum.__globals__``, ``''.__class__``), call functions and build huge
strings, so a template is an untrusted program. Rendering happens in Jinja's immutable sandbox, and
before that every source is checked against an allow-list, so that a refusal can name the placeholder:

- names and attributes: the fields the context builder produces (docs/documents/README.md), the
  loop variables a template binds, and ``loop.index`` and its siblings. A name or attribute that
  reaches Python itself (``_``-prefixed, a builtin or Jinja global, a method of str, list, dict…) is
  refused; any other unknown one is a misspelt field, left to the render, which names it (E_TEMPLATE);
- loops only over the documented lists (applicants, claims, agreement terms…), nested at most
  :data:`MAX_LOOP_DEPTH` deep, so the work is bounded by the case's own data;
- no calls, no ``*`` ``**`` ``/`` ``%`` (``'x' * 10**9`` and ``'%999999999s'`` would exhaust memory),
  no macros, includes, imports or filter blocks;
- only filters and tests that cannot grow the text; ``set``/``with`` values may not concatenate, so
  no chain of assignments doubles a string.

The allow-list of fields is derived from the context of the sample cases for every document kind:
the context builder stays the one place that defines the fields.
"""

from __future__ import annotations

import builtins
import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from jinja2 import nodes
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.runtime import LoopContext

from mediation_desktop.core.errors import UserError

CODE = "E_TEMPLATE_UNSAFE"
MAX_LOOP_DEPTH = 2

# Filters that return at most what they were given (or a number); none takes a size argument.
ALLOWED_FILTERS = frozenset({"default", "d", "upper", "lower", "trim", "title", "capitalize", "length",
                             "count", "first", "last", "string", "e", "escape"})
ALLOWED_TESTS = frozenset({"defined", "undefined", "none", "number", "string", "sequence", "even", "odd",
                           "eq", "equalto", "==", "ne", "!=", "true", "false", "in"})
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length",
                             "previtem", "nextitem"})

# Names that would reach Python or Jinja machinery rather than a field. The environment has no
# globals and no unsafe attributes anyway; refusing them here names the placeholder.
_MACHINERY_NAMES = frozenset(dir(builtins)) | frozenset(DEFAULT_NAMESPACE) | frozenset(
    {"self", "caller", "varargs", "kwargs", "loop", "context", "environment", "config", "request", "os", "sys"})
_MACHINERY_ATTRIBUTES = frozenset().union(*(dir(t) for t in (str, int, float, bool, list, tuple, dict, LoopContext)))

_EXPRESSIONS = (nodes.Name, nodes.Const, nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.Filter, nodes.Test,
                nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not, nodes.CondExpr, nodes.Concat,
                nodes.Add, nodes.Sub, nodes.Neg, nodes.Pos, nodes.Tuple, nodes.List, nodes.Keyword)
_GROWING = (nodes.Concat, nodes.Add)
_TAGS = re.compile(r"<[^>]*>")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


class UnsafeTemplate(UserError):
    """A template that asks for more than the documented fields; ``placeholder`` as the user typed it."""

    def __init__(self, placeholder: str, reason: str):
        self.placeholder = placeholder
        self.reason = reason
        super().__init__(CODE, f"占位符“{placeholder}”不允许使用：{reason}")


@dataclass(frozen=True)
class Fields:
    top: frozenset[str]        # names a template may start from
    all: frozenset[str]        # attribute names at any depth
    lists: frozenset[str]      # dotted paths a template may loop over


@functools.lru_cache(maxsize=1)
def documented_fields() -> Fields:
    """Every field the context builder produces for the sample cases, over every document kind."""
    from mediation_desktop.documents.context import build_context
    from mediation_desktop.documents.kinds import KINDS
    from mediation_desktop.documents.samples import sample_collective_case, sample_org, sample_single_case

    top: set[str] = set()
    every: set[str] = set()
    lists: set[str] = set()
    for case in (sample_collective_case(), sample_single_case()):
        for kind in KINDS:
            try:
                context = build_context(kind, case, sample_org(), today=date(2026, 3, 2))
            except UserError:
                continue  # this sample cannot have this document; the other one can
            top.update(context)
            _walk(context, "", every, lists)
    return Fields(frozenset(top), frozenset(every), frozenset(lists))


def _walk(value: object, path: str, names: set[str], lists: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            names.add(key)
            _walk(item, f"{path}.{key}" if path else key, names, lists)
    elif isinstance(value, (list, tuple)):
        lists.add(path)
        for item in value:
            _walk(item, path + "[]", names, lists)


def check_source(ast: nodes.Template, source: str) -> None:
    """Raise :class:`UnsafeTemplate` for the first construct outside the allow-list."""
    assigned = {n.name for n in ast.find_all(nodes.Name) if n.ctx == "store"}
    _Checker(documented_fields(), source).body(ast.body, frozenset(), 0, assigned)


class _Checker:
    def __init__(self, fields: Fields, source: str):
        self.fields = fields
        self.lines = source.splitlines()

    # -- statements --------------------------------------------------------------------------
    def body(self, statements: Iterable[nodes.Node], bound: frozenset[str], depth: int, assigned: set[str]) -> None:
        for node in statements:
            self.statement(node, bound, depth, assigned)

    def statement(self, node: nodes.Node, bound: frozenset[str], depth: int, assigned: set[str]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, bound | assigned, grow=True)
        elif isinstance(node, nodes.If):
            self.expr(node.test, bound | assigned, grow=True)
            self.body(node.body, bound, depth, assigned)
            for elif_ in node.elif_:
                self.statement(elif_, bound, depth, assigned)
            self.body(node.else_, bound, depth, assigned)
        elif isinstance(node, nodes.For):
            self.loop(node, bound, depth, assigned)
        elif isinstance(node, nodes.Assign):
            self.target(node, node.target)
            self.expr(node.node, bound | assigned, grow=False)
        elif isinstance(node, nodes.With):
            names: set[str] = set()
            for target, value in zip(node.targets, node.values, strict=True):
                self.target(node, target)
                self.expr(value, bound | assigned, grow=False)
                names.update(n.name for n in target.find_all(nodes.Name))
            self.body(node.body, bound | names, depth, assigned)
        else:
            self.refuse(node, _STATEMENT_NAMES.get(type(node).__name__, f"不支持的指令（{type(node).__name__}）"))

    def loop(self, node: nodes.For, bound: frozenset[str], depth: int, assigned: set[str]) -> None:
        if node.recursive:
            self.refuse(node, "不支持递归循环")
        if depth + 1 > MAX_LOOP_DEPTH:
            self.refuse(node, f"循环最多嵌套 {MAX_LOOP_DEPTH} 层")
        path = self.path(node.iter)
        if path is None:
            self.refuse(node, "只能对文档列出的列表（如 applicants、claims、agreement.terms）循环")
        parts = path.split(".")
        for part in parts:
            if part.startswith("_") or part in _MACHINERY_ATTRIBUTES or part in _MACHINERY_NAMES:
                self.refuse(node, f"“{part}”不是可用的字段", part)
        documented = parts[0] in self.fields.top and all(part in self.fields.all for part in parts[1:])
        if documented and path not in self.fields.lists:
            self.refuse(node, "只能对文档列出的列表（如 applicants、claims、agreement.terms）循环")
        # An undocumented path is a misspelt field: the render names it (E_TEMPLATE).
        self.target(node, node.target)
        inner = bound | {n.name for n in node.target.find_all(nodes.Name)} | {"loop"}
        if node.test is not None:
            self.expr(node.test, inner | assigned, grow=True)
        self.body(node.body, inner, depth + 1, assigned)
        self.body(node.else_, bound, depth, assigned)

    def target(self, node: nodes.Node, target: nodes.Node) -> None:
        names = target.items if isinstance(target, nodes.Tuple) else [target]
        if not all(isinstance(n, nodes.Name) for n in names):
            self.refuse(node, "只能给简单的名字赋值")

    def path(self, node: nodes.Node) -> str | None:
        """``agreement.terms`` for a plain path of documented names, else None."""
        parts = []
        while isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        if not isinstance(node, nodes.Name):
            return None
        return ".".join([node.name, *reversed(parts)])

    # -- expressions -------------------------------------------------------------------------
    def expr(self, node: nodes.Node, bound: frozenset[str] | set[str], *, grow: bool) -> None:
        if not isinstance(node, _EXPRESSIONS):
            what = {"Call": "不能调用函数或方法", "Mul": "不能使用乘法", "Pow": "不能使用乘方",
                    "Div": "不能使用除法", "FloorDiv": "不能使用除法", "Mod": "不能使用 % 运算或格式化",
                    "Dict": "不能构造字典"}
            self.refuse(node, what.get(type(node).__name__, f"不支持的表达式（{type(node).__name__}）"))
        if not grow and isinstance(node, _GROWING):
            self.refuse(node, "set/with 的值不能拼接文字")
        if isinstance(node, nodes.Name):
            known = node.name in self.fields.top or node.name in bound
            if not known and (node.name.startswith("_") or node.name in _MACHINERY_NAMES):
                self.refuse(node, f"“{node.name}”不是可用的字段", node.name)
        elif isinstance(node, nodes.Getattr):
            self.attribute(node, node.attr, bound)
        elif isinstance(node, nodes.Getitem):
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                self.attribute(node, arg.value, bound)
            elif isinstance(arg, nodes.Const) and type(arg.value) is int:
                pass
            elif isinstance(arg, nodes.Slice) and all(
                    part is None or (isinstance(part, nodes.Const) and type(part.value) is int)
                    for part in (arg.start, arg.stop, arg.step)):
                pass
            else:
                self.refuse(node, "下标只能是字段名或整数")
        elif isinstance(node, nodes.Filter):
            if node.name not in ALLOWED_FILTERS:
                self.refuse(node, f"不允许使用过滤器“{node.name}”", node.name)
        elif isinstance(node, nodes.Test):
            if node.name not in ALLOWED_TESTS:
                self.refuse(node, f"不允许使用判断“{node.name}”", node.name)
        if isinstance(node, (nodes.Filter, nodes.Test)) and (node.dyn_args is not None or node.dyn_kwargs is not None):
            self.refuse(node, "不允许展开参数")
        for child in node.iter_child_nodes():
            if isinstance(node, nodes.Getitem) and child is node.arg:
                continue
            self.expr(child, bound, grow=grow)

    def attribute(self, node: nodes.Node, name: str, bound: frozenset[str] | set[str]) -> None:
        owner = getattr(node, "node", None)
        if isinstance(owner, nodes.Name) and owner.name == "loop" and "loop" in bound and name in LOOP_ATTRIBUTES:
            return
        if name in self.fields.all and not name.startswith("_"):
            return
        if name.startswith("_") or name in _MACHINERY_ATTRIBUTES:
            self.refuse(node, f"“{name}”不是可用的字段", name)

    # -- refusal -----------------------------------------------------------------------------
    def refuse(self, node: nodes.Node, reason: str, token: str | None = None) -> NoReturn:
        raise UnsafeTemplate(self.placeholder_at(node.lineno, token), reason)

    def placeholder_at(self, lineno: int, token: str | None) -> str:
        """The placeholder on the node's line as the user sees it (XML tags stripped)."""
        line = self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""
        text = html.unescape(_TAGS.sub("", line))
        found = _PLACEHOLDER.findall(text)
        for placeholder in found:
            if token and token in placeholder:
                return _short(placeholder)
        return _short(found[0]) if found else _short(text.strip() or "?")


def _short(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"


_STATEMENT_NAMES = {
    "Macro": "不能定义宏", "CallBlock": "不能使用 call 块", "FilterBlock": "不能使用 filter 块",
    "Include": "不能包含其他文件", "Import": "不能导入其他文件", "FromImport": "不能导入其他文件",
    "Extends": "不能继承其他模板", "Block": "不能使用 block", "ExprStmt": "不支持 do 语句",
    "ScopedEvalContextModifier": "不能改变自动转义", "EvalContextModifier": "不能改变自动转义",
}
