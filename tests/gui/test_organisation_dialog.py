"""组织信息 takes the app's context like the other dialogs: it saves through the task runner with the
back end of the moment, announces a settings change, and keeps a refused field on the form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from mediation_desktop.gui.settings_dialog import OrganisationDialog


def test_the_dialog_saves_through_the_context(make_window, qtbot, wait_idle):
    window = make_window()
    ctx = window.ctx
    announced = []
    ctx.changed.connect(lambda changes: announced.append(changes.kinds))
    dialog = OrganisationDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.edits["name"].text() == "和平区劳动人事争议调解中心"

    dialog.edits["phone"].setText("电话")
    dialog.save()
    wait_idle(window)
    assert dialog.errors["phone"].isVisibleTo(dialog) and dialog.errors["phone"].text()
    assert dialog.result() != QDialog.DialogCode.Accepted and announced == []

    dialog.edits["phone"].setText("022-23456789")
    dialog.save()
    wait_idle(window)
    assert dialog.result() == QDialog.DialogCode.Accepted and ("settings",) in announced
    backend = ctx.backend
    backend._node = None   # read back from the database
    assert backend.node.org.phone == "022-23456789"
