"""A Word template is untrusted code: it may print the documented fields and nothing else.

Each attack is a real .docx (the built-in template with the attack appended, or in its document
properties). The attack must not run (no marker file, no huge string), the render is refused with
E_TEMPLATE_UNSAFE naming the placeholder, and with fallback the built-in document is produced.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_desktop.core.errors import UserError
from mediation_desktop.documents import builtin_template_dir, render
from mediation_desktop.documents.samples import sample_collective_case, sample_org
from mediation_desktop.documents.template_safety import (
    ALLOWED_FILTERS,
    MAX_LOOP_DEPTH,
    UnsafeTemplate,
    check_source,
    documented_fields,
)

TODAY = date(2026, 3, 2)
KIND = "application"


def attack_template(folder: Path, *paragraphs: str, title: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = Document(str(builtin_template_dir() / f"{KIND}.docx"))
    for text in paragraphs:
        document.add_paragraph(text)
    if title is not None:
        document.core_properties.title = title
    path = folder / f"{KIND}.docx"
    document.save(str(path))
    return path


def render_user(folder: Path, out: Path, **kwargs):
    return render(KIND, sample_collective_case(), sample_org(), out, user_template_dir=folder, today=TODAY, **kwargs)


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _attacks(marker: Path) -> list[tuple[str, str]]:
    """(template text, what the refusal must name)."""
    shell = f"touch {marker}"
    return [
        (f"{{{{ lipsum.__globals__['os'].popen('{shell}').read() }}}}", "lipsum"),
        (f"{{{{ lipsum.__globals__.os.popen('{shell}').read() }}}}", "lipsum"),
        (f"{{{{ cycler.__init__.__globals__.os.popen('{shell}').read() }}}}", "cycler"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
        ("{{ case_no.__class__ }}", "__class__"),
        ("{{ self.__init__.__globals__ }}", "self"),
        ("{{ namespace }}", "namespace"),
        ("{% for x in range(10**9) %}{{ x }}{% endfor %}", "range"),
        ("{{ 'x' * 999999999 }}", "乘法"),
        ("{{ 9 ** 9 ** 9 }}", "乘方"),
        ("{{ '%999999999s' % case_no }}", "%"),
        ("{{ case_no|center(999999999) }}", "center"),
        ("{{ case_no|attr('__class__') }}", "attr"),
        ("{{ case_no|format(1) }}", "format"),
        ("{{ case_no is callable }}", "callable"),
        ("{{ org.name.upper() }}", "调用"),
        ("{{ case_no.format }}", "format"),
        ("{{ applicants.append }}", "append"),
        ("{{ org.items }}", "items"),
        ("{% set x = case_no ~ case_no %}{{ x }}", "拼接"),
        ("{% macro m() %}x{% endmacro %}", "宏"),
        ("{% filter upper %}x{% endfilter %}", "filter"),
        ("{% include 'x.xml' %}", "包含"),
        ("{% import 'x.xml' as y %}", "导入"),
        ("{% for c in case_no %}{{ c }}{% endfor %}", "列表"),
        ("{% for a in applicants %}{% for b in applicants %}{% for c in applicants %}x"
         "{% endfor %}{% endfor %}{% endfor %}", f"{MAX_LOOP_DEPTH} 层"),
        ("{{ applicants[case_no] }}", "下标"),
    ]


MARKER_NAME = "pwned"


@pytest.mark.parametrize("index", range(len(_attacks(Path(MARKER_NAME)))))
def test_attack_is_refused_named_and_never_runs(tmp_path, index):
    marker = tmp_path / MARKER_NAME
    text, named = _attacks(marker)[index]
    folder = tmp_path / "templates"
    path = attack_template(folder, "正文：" + text)
    with pytest.raises(UserError) as exc:
        render_user(folder, tmp_path / "out.docx")
    assert exc.value.code == "E_TEMPLATE_UNSAFE", exc.value.message
    assert str(path) in exc.value.message and named in exc.value.message
    assert "{" in exc.value.message  # the placeholder itself is quoted
    assert not marker.exists()
    assert not (tmp_path / "out.docx").exists()


def test_refused_template_falls_back_to_the_builtin_rendering(tmp_path):
    marker = tmp_path / MARKER_NAME
    folder = tmp_path / "templates"
    attack_template(folder, f"{{{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}}}")
    result = render_user(folder, tmp_path / "out.docx", fallback_to_builtin=True)
    builtin = render(KIND, sample_collective_case(), sample_org(), tmp_path / "builtin.docx", today=TODAY)
    assert result.template_source == "builtin" and not marker.exists()
    assert "lipsum" in result.warning and "已改用内置模板" in result.warning
    assert text_of(result.path) == text_of(builtin.path)


def test_an_attack_in_the_document_properties_is_refused(tmp_path):
    marker = tmp_path / MARKER_NAME
    folder = tmp_path / "templates"
    attack_template(folder, title=f"{{{{ lipsum.__globals__.os.popen('touch {marker}').read() }}}}")
    with pytest.raises(UserError) as exc:
        render_user(folder, tmp_path / "out.docx")
    assert exc.value.code == "E_TEMPLATE_UNSAFE" and "lipsum" in exc.value.message
    assert not marker.exists()


def test_documented_fields_loops_and_filters_still_work(tmp_path):
    folder = tmp_path / "templates"
    attack_template(
        folder,
        "{{ org.name|upper }}／{{ case_no|default('无') }}／{{ applicants|length }}人",
        "{% for a in applicants %}{% if loop.first %}{{ a.name }}{% endif %}{% endfor %}",
        "{% for t in agreement.terms %}{% for a in applicants %}{% endfor %}{{ loop.index }}{% endfor %}",
        "{% set n = respondent.name %}{{ n }}{% if collective and applicant_count > 10 %}集体{% endif %}",
        "{{ applicants[0].name ~ '等' }}{{ claims[:1]|length }}",
    )
    result = render_user(folder, tmp_path / "out.docx")
    case, org = sample_collective_case(), sample_org()
    text = text_of(result.path)
    assert result.template_source == "user"
    assert f"{org.name.upper()}／{case.case_no}／{len(case.applicants)}人" in text
    assert case.applicants[0].name in text and case.respondent.name + "集体" in text
    assert "".join(str(i) for i in range(1, len(case.agreement.items) + 1)) in text


def test_a_misspelt_field_is_still_a_template_error_not_an_attack(tmp_path):
    folder = tmp_path / "templates"
    attack_template(folder, "{{ respondent.nmae }}", "{% for a in aplicants %}{% endfor %}")
    with pytest.raises(UserError) as exc:
        render_user(folder, tmp_path / "out.docx")
    assert exc.value.code == "E_TEMPLATE" and "nmae" in exc.value.message


@pytest.mark.parametrize("template", sorted(p.name for p in builtin_template_dir().glob("*.docx")))
def test_every_builtin_template_passes_the_check(template):
    """The built-in templates go through the same sandbox; they must need nothing outside it."""
    from mediation_desktop.documents.cached_template import ENVIRONMENT, CachedDocxTemplate

    tpl = CachedDocxTemplate(str(builtin_template_dir() / template))
    tpl.init_docx()
    source = tpl.patch_xml(tpl.get_xml())
    check_source(ENVIRONMENT.parse(source), source)


def test_every_documented_field_in_the_reference_is_allowed():
    """docs/documents/README.md's table and the allow-list (taken from the context builder) agree."""
    import re

    readme = Path(__file__).resolve().parents[2] / "docs" / "documents" / "README.md"
    table = readme.read_text(encoding="utf-8").split("## 可用字段", 1)[1]
    fields = documented_fields()
    for row in table.splitlines():
        if not row.startswith("| `"):
            continue
        first_cell = row.split("|")[1]
        for name in re.findall(r"`([a-z_][a-z_.<>]*)`", first_cell):
            root = name.split(".")[0]
            assert root in fields.top, name
            for part in name.split(".")[1:]:
                assert part.startswith("<") or part in fields.all, name


_IDENT = st.sampled_from(sorted(documented_fields().all) + ["__class__", "__globals__", "mro", "popen", "os",
                                                           "items", "format", "upper", "title", "loop"])
_PYTHON = ("<built-in", "<bound", "<class", "<function", "<module", "<method", "object at 0x")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_IDENT, min_size=1, max_size=4), st.sampled_from(sorted(ALLOWED_FILTERS) + ["attr", "map", "pprint"]),
       st.booleans())
def test_whatever_passes_the_check_prints_only_data(parts, filter_name, subscript):
    """Any dotted path of field names and Python names, with any filter: either the check refuses
    it, or the render fails as a misspelt or misused field (render_template reports both as
    E_TEMPLATE: e.g. ``workers_involved|first`` on a number), or what it prints is data, never a
    Python object."""
    from jinja2 import UndefinedError

    from mediation_desktop.documents.cached_template import ENVIRONMENT
    from mediation_desktop.documents.context import build_context

    path = parts[0] + "".join(f"['{p}']" if subscript else f".{p}" for p in parts[1:])
    source = f"{{% for a in applicants %}}{{{{ {path}|{filter_name} }}}}{{% endfor %}}"
    context = build_context("agreement", sample_collective_case(), sample_org(), today=TODAY)
    try:
        printed = ENVIRONMENT.from_string(source).render(context)
    except UnsafeTemplate:
        return
    except (UndefinedError, TypeError):
        return
    assert not any(marker in printed for marker in _PYTHON), printed
    assert filter_name in ALLOWED_FILTERS
    assert not any(p.startswith("_") for p in parts)


def test_doc_command_warns_on_stderr_and_saves_the_builtin_version(tmp_path):
    """The real command line: the attack never runs, exit 0, a Chinese warning on stderr."""
    marker = tmp_path / MARKER_NAME
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("MEDIATION_DESKTOP_DATA_DIR", None)

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "mediation_desktop", "--data-dir", str(data), "--user", "测试员",
                               *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
                              stdin=subprocess.DEVNULL)

    assert cli("init", "--org", "测试调解中心", "--org-code", "CSTJ").returncode == 0
    assert cli("demo", "--cases", "3").returncode == 0
    case_no = __import__("json").loads(cli("cases", "--json").stdout)[0]["case_no"]
    attack_template(data / "templates", f"{{{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}}}")
    out = tmp_path / "申请书.docx"
    done = cli("doc", case_no, KIND, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "注意" in done.stderr and "lipsum" in done.stderr and "内置模板" in done.stderr
    assert not marker.exists() and "Traceback" not in done.stderr
    assert "lipsum" not in text_of(out) and case_no in text_of(out)
