"""Open 设置→同步文件夹 (cancelled, or saved with ``--save``), close the window and quit the event loop,
then let the interpreter tear everything down as the real app does. Run as a subprocess by
test_exit_after_sync_folder.py; the exit status and stderr are what it checks."""
import sys
import tempfile

from PySide6.QtCore import QTimer


def main() -> int:
    from mediation_desktop.gui import main_window, messages
    from mediation_desktop.gui.application import make_app
    from mediation_desktop.paths import DataPaths
    from mediation_desktop.services.accounts import create_first_user
    from mediation_desktop.services.backend import Backend
    from mediation_desktop.sync.trust import create_keys

    messages.HEADLESS = True
    folder = tempfile.mkdtemp(prefix="md_exit_")
    backend = Backend(DataPaths.resolve(folder), "测试员")
    backend.migrate()
    backend.initialise("和平区劳动人事争议调解中心", "津和平")
    create_keys(backend)
    create_first_user(backend, "测试员", "correct-horse")
    backend.close()
    app = make_app()

    def answer(dialog) -> bool:  # every modal question of the window, answered here
        name = type(dialog).__name__
        if name == "SignInDialog":
            dialog.name.setText("测试员")
            dialog.password.setText("correct-horse")
            dialog.try_sign_in()
            return dialog.account is not None
        dialog.show()
        app.processEvents()
        if "--save" in sys.argv:
            dialog.outbox.setText(tempfile.mkdtemp(prefix="md_out_"))
            dialog.inbox.setText(tempfile.mkdtemp(prefix="md_in_"))
            dialog.save()
            return True
        dialog.reject()
        return False

    main_window.run_dialog = answer
    window = main_window.MainWindow(DataPaths.resolve(folder), "测试员")
    window.show()
    window.start()

    def ready() -> None:
        window.menu_actions["sync_folder"].trigger()
        QTimer.singleShot(200, window.close)
        QTimer.singleShot(400, app.quit)

    window.ready.connect(lambda: QTimer.singleShot(100, ready))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
