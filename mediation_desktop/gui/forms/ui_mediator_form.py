# Generated from ui/mediator_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/mediator_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 47af2c04f603f146b8da4086c5b5b045b51a6976828f9de91d9a6d44ecbf1817
# body-sha256: b44049c7d16b845f5873fc3e81af0b7ba4a6cb4232a018afa7336f1cad05a0be

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QWidget)

from mediation_desktop.gui.widgets.date_edit import DateEdit

class Ui_MediatorForm(object):
    def setupUi(self, MediatorForm):
        if not MediatorForm.objectName():
            MediatorForm.setObjectName(u"MediatorForm")
        self.grid = QGridLayout(MediatorForm)
        self.grid.setObjectName(u"grid")
        self.name_label = QLabel(MediatorForm)
        self.name_label.setObjectName(u"name_label")

        self.grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(MediatorForm)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.background_label = QLabel(MediatorForm)
        self.background_label.setObjectName(u"background_label")

        self.grid.addWidget(self.background_label, 1, 0, 1, 1)

        self.background = QComboBox(MediatorForm)
        self.background.setObjectName(u"background")

        self.grid.addWidget(self.background, 1, 1, 1, 1)

        self.phone_label = QLabel(MediatorForm)
        self.phone_label.setObjectName(u"phone_label")

        self.grid.addWidget(self.phone_label, 2, 0, 1, 1)

        self.phone = QLineEdit(MediatorForm)
        self.phone.setObjectName(u"phone")

        self.grid.addWidget(self.phone, 2, 1, 1, 1)

        self.appointed_label = QLabel(MediatorForm)
        self.appointed_label.setObjectName(u"appointed_label")

        self.grid.addWidget(self.appointed_label, 3, 0, 1, 1)

        self.appointed = DateEdit(MediatorForm)
        self.appointed.setObjectName(u"appointed")

        self.grid.addWidget(self.appointed, 3, 1, 1, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.save = QPushButton(MediatorForm)
        self.save.setObjectName(u"save")

        self.buttons.addWidget(self.save)


        self.grid.addLayout(self.buttons, 4, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.background_label.setBuddy(self.background)
        self.phone_label.setBuddy(self.phone)
        self.appointed_label.setBuddy(self.appointed)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MediatorForm)
    # setupUi

    def retranslateUi(self, MediatorForm):
        MediatorForm.setTitle(QCoreApplication.translate("MediatorForm", u"\u767b\u8bb0\u8c03\u89e3\u5458", None))
        self.name_label.setText(QCoreApplication.translate("MediatorForm", u"\u59d3\u540d(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("MediatorForm", u"\u8c03\u89e3\u5458\u59d3\u540d", None))
        self.background_label.setText(QCoreApplication.translate("MediatorForm", u"\u80cc\u666f(&B)\uff1a", None))
        self.phone_label.setText(QCoreApplication.translate("MediatorForm", u"\u7535\u8bdd(&P)\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("MediatorForm", u"\u624b\u673a\u53f7\u6216\u5e26\u533a\u53f7\u7684\u56fa\u5b9a\u7535\u8bdd", None))
        self.appointed_label.setText(QCoreApplication.translate("MediatorForm", u"\u8058\u4efb\u65e5\u671f(&D)\uff1a", None))
        self.save.setText(QCoreApplication.translate("MediatorForm", u"\u4fdd\u5b58(&S)", None))
    # retranslateUi
