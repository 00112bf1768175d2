"""Chinese for Qt itself, the UI font and name collation.

Qt's own ``qtbase_zh_CN.qm`` turns standard buttons into 确定/取消; the font list prefers Microsoft
YaHei on Windows and Noto/WenQuanYi elsewhere so Chinese never falls back to tofu boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from mediation_desktop.paths import resources_dir

UI_FONTS = ["Microsoft YaHei", "Microsoft YaHei UI", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Noto Sans SC"]
CHINA = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

_translators: list[QTranslator] = []


def install_translations(app: QCoreApplication) -> list[str]:
    """Load Qt's zh_CN catalogues (bundled copy first, then PySide6's); returns what loaded."""
    QLocale.setDefault(CHINA)
    loaded = []
    folders = [str(resources_dir() / "translations"),
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        for folder in folders:
            tr = QTranslator(app)
            if tr.load(name, folder):
                app.installTranslator(tr)
                _translators.append(tr)
                loaded.append(name)
                break
    return loaded


def choose_font(app: QApplication, point_size: int = 10) -> QFont:
    """The first installed CJK family from UI_FONTS, with the rest as fallbacks."""
    available = set(QFontDatabase.families())
    families = [f for f in UI_FONTS if f in available] or UI_FONTS
    font = QFont(app.font())
    font.setFamilies(families)
    font.setPointSize(point_size)
    app.setFont(font)
    return font


def name_collator() -> QCollator:
    """Pinyin order for Chinese names (张三 after 李四)."""
    collator = QCollator(CHINA)
    collator.setNumericMode(True)
    return collator
