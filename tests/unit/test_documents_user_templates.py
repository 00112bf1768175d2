"""A user's own template overrides the built-in one; a broken one is named precisely; Word's run splits heal."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from mediation_desktop.core.errors import UserError
from mediation_desktop.documents import builtin_template_dir, render, template_path
from mediation_desktop.documents.placeholders import merge_split_placeholders

from .documents_cases import TODAY, collective_case, organisation, text_of


def user_template(folder, kind, *paragraph_runs, base=None):
    """Copy the built-in template and append paragraphs, each given as a list of run texts."""
    folder.mkdir(parents=True, exist_ok=True)
    document = Document(str(base or builtin_template_dir() / f"{kind}.docx"))
    for runs in paragraph_runs:
        paragraph = document.add_paragraph()
        for i, text in enumerate(runs):
            run = paragraph.add_run(text)
            run.bold = i % 2 == 1  # different formatting is what makes Word split runs
    path = folder / f"{kind}.docx"
    document.save(str(path))
    return path


def render_with(folder, kind="agreement", **kwargs):
    return render(kind, collective_case(), organisation(), folder.parent / "out.docx", user_template_dir=folder,
                  today=TODAY, **kwargs)


def test_user_template_overrides_builtin(tmp_path):
    folder = tmp_path / "templates"
    user_template(folder, "agreement", ["本协议由", "{{ org.name }}", "制作，案号{{ case_no }}。"])
    result = render_with(folder)
    assert result.template_source == "user" and result.warning is None
    assert "本协议由河西区友谊路街道劳动人事争议调解委员会制作，案号（2026）津西友调字第7号。" in text_of(result.path)
    assert template_path("agreement", folder) == (folder / "agreement.docx", "user")


def test_other_kinds_still_use_builtin(tmp_path):
    folder = tmp_path / "templates"
    user_template(folder, "agreement", ["x"])
    result = render("service", collective_case(), organisation(), tmp_path / "s.docx", user_template_dir=folder,
                    today=TODAY)
    assert result.template_source == "builtin"


@pytest.mark.parametrize("runs,named", [
    (["案号：{{ case_number }}"], ["{{ case_number }}", "case_number"]),
    (["{{ respondent.nmae }}"], ["{{ respondent.nmae }}", "nmae"]),
    (["{{ case_no + }}"], ["{{ case_no + }}", "语法错误"]),
    (["{% fro a in applicants %}"], ["{% fro a in applicants %}", "无法识别的指令“fro”"]),
    (["{{ case_no }"], ["{{ case_no }", "缺少结束符号"]),
    # Split by Word across differently formatted runs: still reported as the user typed it.
    (["{{ case_", "numbr }}"], ["{{ case_numbr }}"]),
])
def test_broken_template_names_file_and_placeholder(tmp_path, runs, named):
    folder = tmp_path / "templates"
    path = user_template(folder, "agreement", runs)
    with pytest.raises(UserError) as exc:
        render_with(folder)
    assert exc.value.code == "E_TEMPLATE"
    assert str(path) in exc.value.message
    for text in named:
        assert text in exc.value.message
    assert not (tmp_path / "out.docx").exists()


def test_unclosed_loop_is_named(tmp_path):
    folder = tmp_path / "templates"
    user_template(folder, "termination", ["{%p for a in applicants %}"], ["{{ a.name }}"])
    with pytest.raises(UserError) as exc:
        render("termination", _failed_case(), organisation(),
               tmp_path / "t.docx", user_template_dir=folder, today=TODAY)
    assert "{%p for a in applicants %}" in exc.value.message and "endfor" in exc.value.message


def _failed_case():
    case = collective_case()
    case.outcome, case.agreement = None, None
    return case


def test_broken_template_falls_back_to_builtin_with_warning(tmp_path):
    folder = tmp_path / "templates"
    user_template(folder, "agreement", ["{{ case_number }}"])
    result = render_with(folder, fallback_to_builtin=True)
    assert result.template_source == "builtin"
    assert "{{ case_number }}" in result.warning and "已改用内置模板" in result.warning
    assert "调解协议书" in text_of(result.path)


def test_file_that_is_not_a_docx(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "agreement.docx").write_bytes(b"not a zip")
    with pytest.raises(UserError) as exc:
        render_with(folder)
    assert exc.value.code == "E_TEMPLATE" and "agreement.docx" in exc.value.message
    assert render_with(folder, fallback_to_builtin=True).template_source == "builtin"


def _proof_error(kind):
    element = OxmlElement("w:proofErr")
    element.set(qn("w:type"), kind)
    return element


def test_placeholders_split_by_word_still_render(tmp_path):
    """The XML Word writes after typing, spell-checking and tracked editing inside placeholders."""
    folder = tmp_path / "templates"
    path = user_template(folder, "agreement",
                         ["编号：{", "{ case", "_no }", "}。"],
                         ["{%p if col", "lective %}"], ["集体争议，共", "{{ workers_", "involved }}", "人"],
                         ["{%p endif %}"],
                         ["机构：{{ org.", "name }}"])
    document = Document(str(path))
    split = [p for p in document.paragraphs if p.text.startswith("编号：")][0]
    split._p.insert(2, _proof_error("spellStart"))  # between the first two runs
    split._p.append(_proof_error("spellEnd"))
    # A tracked insertion wrapping the end of a placeholder.
    org_paragraph = [p for p in document.paragraphs if p.text.startswith("机构：")][0]
    last_run = org_paragraph.runs[-1]._r
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "99")
    insertion.set(qn("w:author"), "调解员")
    org_paragraph._p.replace(last_run, insertion)
    insertion.append(last_run)
    document.save(str(path))

    text = text_of(render_with(folder).path)
    assert "编号：（2026）津西友调字第7号。" in text
    assert "集体争议，共12人" in text
    assert "机构：河西区友谊路街道劳动人事争议调解委员会" in text
    assert "{" not in text and "}" not in text


def test_merge_keeps_the_first_runs_formatting_and_reports_repairs():
    document = Document()
    paragraph = document.add_paragraph()
    for text in ("前{{ ", "case_no", " }}后", "普通"):
        paragraph.add_run(text)
    paragraph.runs[0].bold = True
    assert merge_split_placeholders(document) == 1
    assert [r.text for r in paragraph.runs] == ["前{{ case_no }}", "", "后", "普通"]
    assert paragraph.runs[0].bold
    assert merge_split_placeholders(document) == 0  # idempotent
