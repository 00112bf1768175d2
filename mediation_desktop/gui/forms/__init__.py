"""Forms compiled from the Qt Designer files in the top-level ui/ by ``python scripts/build-ui.py``.

Each ``ui_<name>.py`` holds ``Ui_<Class>`` with ``setupUi(widget)``: the layout, labels and widgets only.
The dialog or page that uses it (e.g. gui/setup_dialog.py) keeps the behaviour: validation, signals and
the calls into services. The modules are committed; the installer ships them and not ui/.
"""
