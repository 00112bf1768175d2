# Generated from ui/agreement_item.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/agreement_item.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 13361c12420dea78ba0d71860ad02493acd99e96762db95fa7c92ac163bcac16
# body-sha256: 070ac69e28c69f55c7e4a94fd1af6065282ef5eee49978e7e553defee33926ac

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
from mediation_desktop.gui.widgets.money_edit import MoneyEdit

class Ui_AgreementItemForm(object):
    def setupUi(self, AgreementItemForm):
        if not AgreementItemForm.objectName():
            AgreementItemForm.setObjectName(u"AgreementItemForm")
        self.grid = QGridLayout(AgreementItemForm)
        self.grid.setObjectName(u"grid")
        self.payer_label = QLabel(AgreementItemForm)
        self.payer_label.setObjectName(u"payer_label")

        self.grid.addWidget(self.payer_label, 0, 0, 1, 1)

        self.payer = QLineEdit(AgreementItemForm)
        self.payer.setObjectName(u"payer")

        self.grid.addWidget(self.payer, 0, 1, 1, 1)

        self.payee_label = QLabel(AgreementItemForm)
        self.payee_label.setObjectName(u"payee_label")

        self.grid.addWidget(self.payee_label, 0, 2, 1, 1)

        self.payee = QLineEdit(AgreementItemForm)
        self.payee.setObjectName(u"payee")

        self.grid.addWidget(self.payee, 0, 3, 1, 1)

        self.description_label = QLabel(AgreementItemForm)
        self.description_label.setObjectName(u"description_label")

        self.grid.addWidget(self.description_label, 1, 0, 1, 1)

        self.description = QLineEdit(AgreementItemForm)
        self.description.setObjectName(u"description")

        self.grid.addWidget(self.description, 1, 1, 1, 3)

        self.amount_label = QLabel(AgreementItemForm)
        self.amount_label.setObjectName(u"amount_label")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.grid.addWidget(self.amount_label, 2, 0, 1, 1)

        self.amount = MoneyEdit(AgreementItemForm)
        self.amount.setObjectName(u"amount")

        self.grid.addWidget(self.amount, 2, 1, 1, 1)

        self.due_label = QLabel(AgreementItemForm)
        self.due_label.setObjectName(u"due_label")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.grid.addWidget(self.due_label, 2, 2, 1, 1)

        self.due = DateEdit(AgreementItemForm)
        self.due.setObjectName(u"due")

        self.grid.addWidget(self.due, 2, 3, 1, 1)

        self.method_label = QLabel(AgreementItemForm)
        self.method_label.setObjectName(u"method_label")

        self.grid.addWidget(self.method_label, 3, 0, 1, 1)

        self.method = QComboBox(AgreementItemForm)
        self.method.addItem("")
        self.method.addItem("")
        self.method.addItem("")
        self.method.addItem("")
        self.method.setObjectName(u"method")
        self.method.setEditable(True)

        self.grid.addWidget(self.method, 3, 1, 1, 1)

        self.account_label = QLabel(AgreementItemForm)
        self.account_label.setObjectName(u"account_label")

        self.grid.addWidget(self.account_label, 3, 2, 1, 1)

        self.account = QLineEdit(AgreementItemForm)
        self.account.setObjectName(u"account")

        self.grid.addWidget(self.account, 3, 3, 1, 1)

        self.error = QLabel(AgreementItemForm)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)

        self.grid.addWidget(self.error, 4, 0, 1, 3)

        self.item_buttons = QHBoxLayout()
        self.item_buttons.setObjectName(u"item_buttons")
        self.item_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.item_buttons.addItem(self.item_buttons_spacer)

        self.remove_button = QPushButton(AgreementItemForm)
        self.remove_button.setObjectName(u"remove_button")

        self.item_buttons.addWidget(self.remove_button)


        self.grid.addLayout(self.item_buttons, 4, 3, 1, 1)

#if QT_CONFIG(shortcut)
        self.payer_label.setBuddy(self.payer)
        self.payee_label.setBuddy(self.payee)
        self.description_label.setBuddy(self.description)
        self.method_label.setBuddy(self.method)
        self.account_label.setBuddy(self.account)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.payer, self.payee)
        QWidget.setTabOrder(self.payee, self.description)
        QWidget.setTabOrder(self.description, self.amount)
        QWidget.setTabOrder(self.amount, self.due)
        QWidget.setTabOrder(self.due, self.method)
        QWidget.setTabOrder(self.method, self.account)

        self.retranslateUi(AgreementItemForm)
    # setupUi

    def retranslateUi(self, AgreementItemForm):
        AgreementItemForm.setTitle(QCoreApplication.translate("AgreementItemForm", u"\u7b2c1\u9879", None))
        self.payer_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u7ed9\u4ed8\u65b9(&F)\uff1a", None))
        self.payer.setPlaceholderText(QCoreApplication.translate("AgreementItemForm", u"\u8c01\u4ed8\u6b3e\u6216\u5c65\u884c\uff0c\u5982\u7528\u4eba\u5355\u4f4d\u5168\u79f0", None))
        self.payee_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u63a5\u53d7\u65b9(&E)\uff1a", None))
        self.payee.setPlaceholderText(QCoreApplication.translate("AgreementItemForm", u"\u8c01\u6536\u6b3e\uff0c\u5982\u7533\u8bf7\u4eba\u59d3\u540d", None))
        self.description_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u5185\u5bb9(&C)\uff1a", None))
        self.description.setPlaceholderText(QCoreApplication.translate("AgreementItemForm", u"\u5982\uff1a\u652f\u4ed82026\u5e746\u6708\u81f38\u6708\u5de5\u8d44", None))
        self.amount_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u91d1\u989d\uff08\u5143\uff09\uff1a", None))
        self.due_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u5c65\u884c\u671f\u9650\uff1a", None))
        self.method_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u5c65\u884c\u65b9\u5f0f\uff1a", None))
        self.method.setItemText(0, QCoreApplication.translate("AgreementItemForm", u"\u94f6\u884c\u8f6c\u8d26", None))
        self.method.setItemText(1, QCoreApplication.translate("AgreementItemForm", u"\u73b0\u91d1", None))
        self.method.setItemText(2, QCoreApplication.translate("AgreementItemForm", u"\u5fae\u4fe1\u6216\u652f\u4ed8\u5b9d\u8f6c\u8d26", None))
        self.method.setItemText(3, QCoreApplication.translate("AgreementItemForm", u"\u5176\u4ed6", None))

        self.account_label.setText(QCoreApplication.translate("AgreementItemForm", u"\u6536\u6b3e\u8d26\u6237\uff1a", None))
        self.account.setPlaceholderText(QCoreApplication.translate("AgreementItemForm", u"\u5f00\u6237\u884c\u53ca\u8d26\u53f7\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.remove_button.setText(QCoreApplication.translate("AgreementItemForm", u"\u5220\u9664\u6b64\u9879", None))
    # retranslateUi
