# Generated from ui/schedule_dialog.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/schedule_dialog.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: b1c245f835499aa5c6da6c237f345aebdae621426911b0ae844a7eb7106d0323
# body-sha256: 48dfde007ad314c094122af18f238718188c71cdcac57015aa2479e69664d8f4

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from mediation_desktop.gui.widgets.date_edit import DateEdit

class Ui_ScheduleDialog(object):
    def setupUi(self, ScheduleDialog):
        if not ScheduleDialog.objectName():
            ScheduleDialog.setObjectName(u"ScheduleDialog")
        ScheduleDialog.resize(440, 230)
        self.layout = QVBoxLayout(ScheduleDialog)
        self.layout.setObjectName(u"layout")
        self.case_label = QLabel(ScheduleDialog)
        self.case_label.setObjectName(u"case_label")
        self.case_label.setWordWrap(True)

        self.layout.addWidget(self.case_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.on_label = QLabel(ScheduleDialog)
        self.on_label.setObjectName(u"on_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.on_label)

        self.on = DateEdit(ScheduleDialog)
        self.on.setObjectName(u"on")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.on)

        self.at_label = QLabel(ScheduleDialog)
        self.at_label.setObjectName(u"at_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.at_label)

        self.at = QLineEdit(ScheduleDialog)
        self.at.setObjectName(u"at")
        self.at.setMaxLength(20)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.at)

        self.place_label = QLabel(ScheduleDialog)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(ScheduleDialog)
        self.place.setObjectName(u"place")
        self.place.setMaxLength(200)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.place)


        self.layout.addLayout(self.form)

        self.error = QLabel(ScheduleDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color:#c62828;")
        self.error.setWordWrap(True)

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(ScheduleDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.on_label.setBuddy(self.on)
        self.at_label.setBuddy(self.at)
        self.place_label.setBuddy(self.place)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScheduleDialog)
    # setupUi

    def retranslateUi(self, ScheduleDialog):
        ScheduleDialog.setWindowTitle(QCoreApplication.translate("ScheduleDialog", u"\u5b89\u6392\u4e0b\u6b21\u8c03\u89e3", None))
        self.on_label.setText(QCoreApplication.translate("ScheduleDialog", u"\u8c03\u89e3\u65e5\u671f(&D)\uff1a", None))
        self.at_label.setText(QCoreApplication.translate("ScheduleDialog", u"\u65f6\u95f4(&T)\uff1a", None))
        self.at.setPlaceholderText(QCoreApplication.translate("ScheduleDialog", u"\u5982 09:30\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.place_label.setText(QCoreApplication.translate("ScheduleDialog", u"\u5730\u70b9(&P)\uff1a", None))
        self.place.setPlaceholderText(QCoreApplication.translate("ScheduleDialog", u"\u5982 \u7b2c\u4e00\u8c03\u89e3\u5ba4\uff08\u53ef\u4e0d\u586b\uff09", None))
    # retranslateUi
