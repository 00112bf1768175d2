"""The case page opens an attachment only for document and image types, from a fresh folder of its
own; anything else is offered for saving and never handed to the system to run."""

from __future__ import annotations

from pathlib import Path

from gui.conftest import dialog_answers, headless_dialogs, make_window, wait_idle  # noqa: F401 - fixtures

from mediation_desktop.gui.pages import case_detail


def _open_a_case(window, wait_idle):  # noqa: F811
    from mediation_desktop.services.case_list import CaseListService, ListFilter

    service = CaseListService(window.ctx.backend)
    num = service.keys(ListFilter())[0]
    window.open_case(service.rows([num])[num].case_id)
    wait_idle(window)
    return window.detail


def test_only_safe_types_are_opened(make_window, wait_idle, tmp_path, monkeypatch):  # noqa: F811
    opened: list[Path] = []
    saved_as: list[str] = []
    monkeypatch.setattr(case_detail.QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    target = tmp_path / "chosen" / "saved.bin"
    target.parent.mkdir()
    monkeypatch.setattr(case_detail.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (saved_as.append(a[2]) or str(target), ""))
    window = make_window(demo=2)
    detail = _open_a_case(window, wait_idle)
    for name, body in (("扫描件.pdf", b"%PDF-1.4 scan"), ("a\u202egpj.exe", b"MZ not a picture")):
        src = tmp_path / "picked" / name
        src.parent.mkdir(exist_ok=True)
        src.write_bytes(body)
        detail.add_attachment(str(src))
        wait_idle(window)
    names = [detail.attachments.item(r, 0).text() for r in range(detail.attachments.rowCount())]
    assert sorted(names) == ["agpj.exe", "扫描件.pdf"]

    detail.open_attachment(names.index("扫描件.pdf"))
    wait_idle(window)
    detail.open_attachment(names.index("扫描件.pdf"))
    wait_idle(window)
    assert [p.name for p in opened] == ["扫描件.pdf", "扫描件.pdf"]
    assert opened[0].parent != opened[1].parent  # a fresh folder for every open
    assert all(p.read_bytes() == b"%PDF-1.4 scan" for p in opened)

    detail.open_attachment(names.index("agpj.exe"))
    wait_idle(window)
    assert len(opened) == 2  # never opened
    assert saved_as == ["agpj.exe"] and target.read_bytes() == b"MZ not a picture"
