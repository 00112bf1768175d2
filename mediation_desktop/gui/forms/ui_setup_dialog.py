# Generated from ui/setup_dialog.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/setup_dialog.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 842d526d974d56da59bee2ecb02b4d0325db17dd29bdf4c1b69c2836a8bbbf24
# body-sha256: e670bb6efd7d688f47f0c8b457b65ee5f94aa60ca8bbfc2c69fcf5b2c49f1389

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.setMinimumSize(QSize(480, 0))
        self.main_layout = QVBoxLayout(SetupDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(SetupDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.org_name_label = QLabel(SetupDialog)
        self.org_name_label.setObjectName(u"org_name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.org_name_label)

        self.org_name = QLineEdit(SetupDialog)
        self.org_name.setObjectName(u"org_name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.org_name)

        self.org_code_label = QLabel(SetupDialog)
        self.org_code_label.setObjectName(u"org_code_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.org_code_label)

        self.org_code = QLineEdit(SetupDialog)
        self.org_code.setObjectName(u"org_code")
        self.org_code.setMaxLength(32)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.org_code)

        self.org_address_label = QLabel(SetupDialog)
        self.org_address_label.setObjectName(u"org_address_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.org_address_label)

        self.org_address = QLineEdit(SetupDialog)
        self.org_address.setObjectName(u"org_address")
        self.org_address.setMaxLength(200)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.org_address)

        self.org_phone_label = QLabel(SetupDialog)
        self.org_phone_label.setObjectName(u"org_phone_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.org_phone_label)

        self.org_phone = QLineEdit(SetupDialog)
        self.org_phone.setObjectName(u"org_phone")
        self.org_phone.setMaxLength(32)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.org_phone)

        self.role_label = QLabel(SetupDialog)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(SetupDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.role)

        self.user_label = QLabel(SetupDialog)
        self.user_label.setObjectName(u"user_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user = QLineEdit(SetupDialog)
        self.user.setObjectName(u"user")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.user)

        self.password_label = QLabel(SetupDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(SetupDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.password)

        self.again_label = QLabel(SetupDialog)
        self.again_label.setObjectName(u"again_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.again_label)

        self.again = QLineEdit(SetupDialog)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.again)


        self.main_layout.addLayout(self.form)

        self.account_note = QLabel(SetupDialog)
        self.account_note.setObjectName(u"account_note")
        self.account_note.setStyleSheet(u"color:#546e7a;")
        self.account_note.setWordWrap(True)

        self.main_layout.addWidget(self.account_note)

        self.example = QLabel(SetupDialog)
        self.example.setObjectName(u"example")
        self.example.setStyleSheet(u"color:#546e7a;")

        self.main_layout.addWidget(self.example)

        self.error = QLabel(SetupDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)

        self.main_layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(SetupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.org_name_label.setBuddy(self.org_name)
        self.org_code_label.setBuddy(self.org_code)
        self.org_address_label.setBuddy(self.org_address)
        self.org_phone_label.setBuddy(self.org_phone)
        self.role_label.setBuddy(self.role)
        self.user_label.setBuddy(self.user)
        self.password_label.setBuddy(self.password)
        self.again_label.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.org_name, self.org_code)
        QWidget.setTabOrder(self.org_code, self.org_address)
        QWidget.setTabOrder(self.org_address, self.org_phone)
        QWidget.setTabOrder(self.org_phone, self.role)
        QWidget.setTabOrder(self.role, self.user)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.again)

        self.retranslateUi(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"\u9996\u6b21\u4f7f\u7528\u8bbe\u7f6e", None))
        self.intro.setText(QCoreApplication.translate("SetupDialog", u"\u6b22\u8fce\u4f7f\u7528\u8c03\u89e3\u5de5\u4f5c\u53f0\u3002\u8bf7\u586b\u5199\u672c\u8c03\u89e3\u7ec4\u7ec7\u7684\u4fe1\u606f\uff0c\u53ea\u9700\u8bbe\u7f6e\u4e00\u6b21\u3002", None))
        self.org_name_label.setText(QCoreApplication.translate("SetupDialog", u"\u7ec4\u7ec7\u540d\u79f0(&N)\uff1a", None))
        self.org_name.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u5982\uff1a\u548c\u5e73\u533a\u52b3\u52a8\u4eba\u4e8b\u4e89\u8bae\u8c03\u89e3\u4e2d\u5fc3", None))
        self.org_code_label.setText(QCoreApplication.translate("SetupDialog", u"\u7ec4\u7ec7\u4ee3\u7801(&C)\uff1a", None))
        self.org_code.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u7528\u4e8e\u6848\u53f7\uff0c\u5982\uff1a\u6d25\u548c\u5e73", None))
        self.org_address_label.setText(QCoreApplication.translate("SetupDialog", u"\u7ec4\u7ec7\u5730\u5740(&A)\uff1a", None))
        self.org_address.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u5982\uff1a\u5929\u6d25\u5e02\u548c\u5e73\u533a\u5357\u8425\u95e8\u8857\u9053\u529e\u4e8b\u5904\u4e8c\u697c", None))
        self.org_phone_label.setText(QCoreApplication.translate("SetupDialog", u"\u8054\u7cfb\u7535\u8bdd(&T)\uff1a", None))
        self.org_phone.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u5982\uff1a022-23456789", None))
        self.role_label.setText(QCoreApplication.translate("SetupDialog", u"\u89d2\u8272(&R)\uff1a", None))
        self.user_label.setText(QCoreApplication.translate("SetupDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.user.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u767b\u5f55\u7528\u7684\u7528\u6237\u540d\uff0c\u5982\u60a8\u7684\u59d3\u540d\uff0c\u8bb0\u5165\u64cd\u4f5c\u8bb0\u5f55", None))
        self.password_label.setText(QCoreApplication.translate("SetupDialog", u"\u5bc6\u7801(&P)\uff1a", None))
        self.password.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"\u81f3\u5c118\u4f4d", None))
        self.again_label.setText(QCoreApplication.translate("SetupDialog", u"\u518d\u8f93\u5165\u4e00\u6b21\uff1a", None))
        self.account_note.setText(QCoreApplication.translate("SetupDialog", u"\u8fd9\u4e2a\u8d26\u6237\u662f\u7ec4\u7ec7\u8d1f\u8d23\u4eba\uff0c\u540c\u65f6\u662f\u7ba1\u7406\u5458\uff0c\u53ef\u4ee5\u4e3a\u5176\u4ed6\u4eba\u5458\u5efa\u7acb\u8d26\u6237\u3002", None))
    # retranslateUi
