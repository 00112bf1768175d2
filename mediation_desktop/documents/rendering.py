"""Render a document of a case from its template: built-in, or the user's own override."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from docxtpl import DocxTemplate
from jinja2 import Environment, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from mediation_desktop.core import clock
from mediation_desktop.core.errors import UserError
from mediation_desktop.core.model import Case, Organisation
from mediation_desktop.documents import placeholders as ph
from mediation_desktop.documents.cached_template import ENVIRONMENT, CachedDocxTemplate
from mediation_desktop.documents.context import build_context
from mediation_desktop.documents.formatting import safe_file_stem
from mediation_desktop.documents.kinds import KINDS
from mediation_desktop.documents.template_safety import CODE as UNSAFE
from mediation_desktop.documents.template_safety import UnsafeTemplate


@dataclass(frozen=True)
class RenderedDocument:
    path: Path
    sha256: str
    kind: str
    template_source: Literal["builtin", "user"]
    # Set when a broken user template was skipped in favour of the built-in one (Chinese text).
    warning: str | None = None


class BatchResult(list):
    """The rendered documents, plus ``failures``: (case_no, UserError) for cases that were skipped."""

    def __init__(self) -> None:
        super().__init__()
        self.failures: list[tuple[str, UserError]] = []


def builtin_template_dir() -> Path:
    """resources/templates, wherever paths.resources_dir() finds it (checkout, install, bundle)."""
    from mediation_desktop.paths import resources_dir

    return resources_dir() / "templates"


def template_path(kind: str, user_template_dir: Path | None = None) -> tuple[Path, Literal["builtin", "user"]]:
    """Which template file renders ``kind``: the user's ``<kind>.docx`` when present, else the built-in."""
    _check_kind(kind)
    if user_template_dir is not None:
        candidate = Path(user_template_dir) / f"{kind}.docx"
        if candidate.is_file():
            return candidate, "user"
    builtin = builtin_template_dir() / f"{kind}.docx"
    if not builtin.is_file():
        raise UserError("E_TEMPLATE_MISSING", f"缺少内置文书模板“{builtin}”，请重新安装本软件")
    return builtin, "builtin"


def output_file_name(case: Case, kind: str) -> str:
    """``<案号>_<kind>.docx`` with characters Windows forbids replaced."""
    return f"{safe_file_stem(case.case_no or case.id)}_{kind}.docx"


def render(kind: str, case: Case, org: Organisation, out_path: Path | str, *,
           user_template_dir: Path | None = None, today: date | None = None, deadlines: Any = None,
           extra: dict[str, Any] | None = None, fallback_to_builtin: bool = False) -> RenderedDocument:
    """Write ``kind`` for ``case`` to ``out_path`` (.docx).

    A user's ``<user_template_dir>/<kind>.docx`` overrides the built-in template. When it is broken,
    UserError("E_TEMPLATE") names the file and the placeholder, and so does E_TEMPLATE_UNSAFE for one
    that asks for more than the documented fields (documents/template_safety.py); with
    ``fallback_to_builtin=True`` the built-in template is used instead and the returned document
    carries that message as ``warning``.
    """
    context = build_context(kind, case, org, today=today or clock.today(), deadlines=deadlines, extra=extra)
    path, source = template_path(kind, user_template_dir)
    out_path = Path(out_path)
    try:
        digest = render_template(path, context, out_path, repair_runs=source == "user")
    except UserError as exc:
        if source != "user" or not fallback_to_builtin or exc.code not in ("E_TEMPLATE", UNSAFE):
            raise
        builtin, _ = template_path(kind, None)
        digest = render_template(builtin, context, out_path)
        return RenderedDocument(out_path, digest, kind, "builtin",
                                warning=exc.message + "。已改用内置模板生成。")
    return RenderedDocument(out_path, digest, kind, source)


def render_template(template: Path, context: dict[str, Any], out_path: Path, *, repair_runs: bool = True) -> str:
    """Render one template file with ``context``; returns the SHA-256 of the written file.

    The file is written next to its destination and moved into place, so a failed render never
    leaves half a document, and a destination open in Word gives a clear message.
    """
    try:
        tpl = CachedDocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # a corrupt or non-.docx file: python-docx raises several kinds
        raise UserError("E_TEMPLATE", f"模板文件“{template}”无法打开，它可能不是有效的 Word 文档（.docx）") from exc
    if repair_runs:
        ph.merge_split_placeholders(tpl.docx)
    try:
        tpl.render(context, ENVIRONMENT, autoescape=True)
    except UnsafeTemplate as exc:
        raise UserError(UNSAFE, f"模板文件“{template}”中的{exc.message}。模板只能使用文书模板说明"
                                "（docs/documents/README.md）列出的字段、列表和过滤器") from None
    except SecurityError as exc:  # the sandbox stopped something the check let through
        raise UserError(UNSAFE, f"模板文件“{template}”试图访问不允许的内容（{exc}）") from None
    except (TemplateError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _template_error(template, tpl, exc, ENVIRONMENT) from exc
    except Exception as exc:  # lxml rejects XML a template's tags produced (e.g. a {%p %} misplaced)
        raise UserError("E_TEMPLATE", f"模板文件“{template}”生成的文档结构无效（{type(exc).__name__}），"
                        "请检查 {%p %}、{%tr %} 等段落或表格指令的位置") from exc
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".rendering-", suffix=".docx", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tpl.save(str(tmp))
        data = tmp.read_bytes()
        try:
            os.replace(tmp, out_path)
        except PermissionError as exc:
            raise UserError("E_FILE_IN_USE", f"无法写入“{out_path}”：该文件可能正被 Word 或 WPS 打开，请关闭后重试") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return hashlib.sha256(data).hexdigest()


def render_sample(kind: str, template: Path, out_path: Path, *, today: date | None = None) -> str:
    """Render a sample case (documents/samples.py) of ``kind`` through ``template``, sandboxed and
    without falling back: how an offered template is previewed and checked before it is installed.
    Raises E_TEMPLATE_UNSAFE or E_TEMPLATE like any user template; returns the SHA-256 written."""
    from mediation_desktop.documents.samples import sample_collective_case, sample_org, sample_single_case

    _check_kind(kind)
    for case in (sample_collective_case(), sample_single_case()):
        try:
            context = build_context(kind, case, sample_org(), today=today or clock.today())
        except UserError as exc:
            if exc.code == "E_DOC_NOT_READY":
                continue  # e.g. a termination notice: the other sample case has one
            raise
        return render_template(template, context, Path(out_path))
    raise UserError("E_DOC_KIND", f"没有可用于预览“{kind}”的样例案件")


def _template_error(template: Path, tpl: DocxTemplate, exc: Exception, env: Environment) -> UserError:
    found = ph.scan_placeholders(tpl.docx)
    where = f"模板文件“{template}”"
    if isinstance(exc, UndefinedError):
        name = ph.undefined_name(exc)
        bad = ph.placeholder_using(name, found) if name else None
        if bad:
            return UserError("E_TEMPLATE", f"{where}中的占位符“{bad}”无法识别：“{name}”不是可用的字段")
        return UserError("E_TEMPLATE", f"{where}中有无法识别的字段“{name or exc}”")
    if isinstance(exc, TemplateSyntaxError):
        for placeholder in found:
            problem = ph.syntax_problem(placeholder, env)
            if problem:
                return UserError("E_TEMPLATE", f"{where}中的占位符“{placeholder}”有误：{problem}")
        unbalanced = ph.unbalanced_block(found)
        if unbalanced:
            return UserError("E_TEMPLATE", f"{where}中的占位符“{unbalanced[0]}”有误：{unbalanced[1]}")
        return UserError("E_TEMPLATE", f"{where}有语法错误：{exc.message}")
    return UserError("E_TEMPLATE", f"{where}无法生成文书：{type(exc).__name__}: {exc}")


def batch_render(kind: str, cases: Iterable[Case], org: Organisation, out_dir: Path | str,
                 progress: Callable[[int, int], None] | None = None, *, user_template_dir: Path | None = None,
                 today: date | None = None, deadlines_for: Callable[[Case], Any] | None = None,
                 fallback_to_builtin: bool = True, stop_on_error: bool = False) -> BatchResult:
    """Render ``kind`` for many cases into ``out_dir`` as ``<案号>_<kind>.docx`` (unique names).

    Calls ``progress(done, total)`` after each case. A case that cannot have this document (e.g. no
    agreement yet) is listed in ``result.failures`` and skipped, unless ``stop_on_error``.
    """
    cases = list(cases)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    used: set[str] = set()
    for done, case in enumerate(cases, start=1):
        name = _unique(output_file_name(case, kind), used)
        try:
            result.append(render(kind, case, org, out_dir / name, user_template_dir=user_template_dir,
                                 today=today, deadlines=deadlines_for(case) if deadlines_for else None,
                                 fallback_to_builtin=fallback_to_builtin))
        except UserError as exc:
            if stop_on_error:
                raise
            result.failures.append((case.case_no, exc))
        if progress is not None:
            progress(done, len(cases))
    return result


def _unique(name: str, used: set[str]) -> str:
    stem, suffix = name[: -len(".docx")], ".docx"
    candidate, n = name, 2
    # Windows file names are case-insensitive.
    while candidate.casefold() in used:
        candidate = f"{stem}_{n}{suffix}"
        n += 1
    used.add(candidate.casefold())
    return candidate


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UserError("E_DOC_KIND", f"未知的文书类型“{kind}”，可选：{'、'.join(KINDS)}")
