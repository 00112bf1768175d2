# Generated from ui/first_user.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/first_user.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 2c598277b5135c5a071513741e660a281d45303605949ecc66ce5ec715602746
# body-sha256: 73cbb49a83118687f63db8ecc2140a5bae8acf69bf6250d882416f1132a29a54

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

class Ui_FirstUserDialog(object):
    def setupUi(self, FirstUserDialog):
        if not FirstUserDialog.objectName():
            FirstUserDialog.setObjectName(u"FirstUserDialog")
        self.main_layout = QVBoxLayout(FirstUserDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(FirstUserDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(FirstUserDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(FirstUserDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.display_label = QLabel(FirstUserDialog)
        self.display_label.setObjectName(u"display_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.display_label)

        self.display = QLineEdit(FirstUserDialog)
        self.display.setObjectName(u"display")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.display)

        self.password_label = QLabel(FirstUserDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(FirstUserDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.again_label = QLabel(FirstUserDialog)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(FirstUserDialog)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.again)


        self.main_layout.addLayout(self.form)

        self.error = QLabel(FirstUserDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #b3261e")
        self.error.setWordWrap(True)

        self.main_layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(FirstUserDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.display_label.setBuddy(self.display)
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstUserDialog)
    # setupUi

    def retranslateUi(self, FirstUserDialog):
        FirstUserDialog.setWindowTitle(QCoreApplication.translate("FirstUserDialog", u"\u521b\u5efa\u7b2c\u4e00\u4e2a\u8d26\u6237", None))
        self.intro.setText(QCoreApplication.translate("FirstUserDialog", u"\u8fd9\u4e2a\u8d26\u6237\u662f\u7ec4\u7ec7\u8d1f\u8d23\u4eba\uff0c\u540c\u65f6\u662f\u7ba1\u7406\u5458\uff0c\u53ef\u4ee5\u4e3a\u5176\u4ed6\u4eba\u5458\u5efa\u7acb\u8d26\u6237\u3002", None))
        self.name_label.setText(QCoreApplication.translate("FirstUserDialog", u"\u7528\u6237\u540d", None))
        self.display_label.setText(QCoreApplication.translate("FirstUserDialog", u"\u59d3\u540d", None))
        self.password_label.setText(QCoreApplication.translate("FirstUserDialog", u"\u5bc6\u7801\uff08\u81f3\u5c118\u4f4d\uff09", None))
        self.again_label.setText(QCoreApplication.translate("FirstUserDialog", u"\u518d\u8f93\u5165\u4e00\u6b21", None))
    # retranslateUi
