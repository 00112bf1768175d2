# Generated from ui/signin.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/signin.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 0cb3ba924ec34b1ffdf7e5e80400d3f84a2dde4abd5171c14d48d437700380a4
# body-sha256: f1a48143f6a269b767fb0799e4623d9fe95f6efa8597eb7cf9bc2550e33b40ff

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

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        self.main_layout = QVBoxLayout(SignInDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.locked_note = QLabel(SignInDialog)
        self.locked_note.setObjectName(u"locked_note")
        self.locked_note.setWordWrap(True)

        self.main_layout.addWidget(self.locked_note)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(SignInDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(SignInDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.password_label = QLabel(SignInDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(SignInDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.main_layout.addLayout(self.form)

        self.error = QLabel(SignInDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #b3261e")
        self.error.setWordWrap(True)

        self.main_layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(SignInDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.password_label.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"\u767b\u5f55", None))
        self.locked_note.setText(QCoreApplication.translate("SignInDialog", u"\u957f\u65f6\u95f4\u672a\u64cd\u4f5c\uff0c\u7a97\u53e3\u5df2\u9501\u5b9a\u3002\u8bf7\u8f93\u5165\u5bc6\u7801\u7ee7\u7eed\u3002", None))
        self.name_label.setText(QCoreApplication.translate("SignInDialog", u"\u7528\u6237\u540d", None))
        self.password_label.setText(QCoreApplication.translate("SignInDialog", u"\u5bc6\u7801", None))
    # retranslateUi
