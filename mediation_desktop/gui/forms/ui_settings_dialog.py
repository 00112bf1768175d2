# Generated from ui/settings_dialog.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/settings_dialog.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: ee3f70d4d150fd4371f351fa3cbfbac46509a75c2acfece64cd32926f3cccbf8
# body-sha256: e864cc78b8695045df693fcd23bff4114070817d08ddf516c35840573ee35d89

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

class Ui_OrganisationDialog(object):
    def setupUi(self, OrganisationDialog):
        if not OrganisationDialog.objectName():
            OrganisationDialog.setObjectName(u"OrganisationDialog")
        OrganisationDialog.setMinimumSize(QSize(560, 0))
        self.main_layout = QVBoxLayout(OrganisationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(OrganisationDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_box = QVBoxLayout()
        self.name_box.setSpacing(1)
        self.name_box.setObjectName(u"name_box")
        self.name = QLineEdit(OrganisationDialog)
        self.name.setObjectName(u"name")

        self.name_box.addWidget(self.name)

        self.name_error = QLabel(OrganisationDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setVisible(False)
        self.name_error.setWordWrap(True)

        self.name_box.addWidget(self.name_error)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.name_box)

        self.address_label = QLabel(OrganisationDialog)
        self.address_label.setObjectName(u"address_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_box = QVBoxLayout()
        self.address_box.setSpacing(1)
        self.address_box.setObjectName(u"address_box")
        self.address = QLineEdit(OrganisationDialog)
        self.address.setObjectName(u"address")

        self.address_box.addWidget(self.address)

        self.address_error = QLabel(OrganisationDialog)
        self.address_error.setObjectName(u"address_error")
        self.address_error.setVisible(False)
        self.address_error.setWordWrap(True)

        self.address_box.addWidget(self.address_error)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.address_box)

        self.phone_label = QLabel(OrganisationDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_box = QVBoxLayout()
        self.phone_box.setSpacing(1)
        self.phone_box.setObjectName(u"phone_box")
        self.phone = QLineEdit(OrganisationDialog)
        self.phone.setObjectName(u"phone")

        self.phone_box.addWidget(self.phone)

        self.phone_error = QLabel(OrganisationDialog)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setVisible(False)
        self.phone_error.setWordWrap(True)

        self.phone_box.addWidget(self.phone_error)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.phone_box)

        self.arbitration_name_label = QLabel(OrganisationDialog)
        self.arbitration_name_label.setObjectName(u"arbitration_name_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.arbitration_name_label)

        self.arbitration_name_box = QVBoxLayout()
        self.arbitration_name_box.setSpacing(1)
        self.arbitration_name_box.setObjectName(u"arbitration_name_box")
        self.arbitration_name = QLineEdit(OrganisationDialog)
        self.arbitration_name.setObjectName(u"arbitration_name")

        self.arbitration_name_box.addWidget(self.arbitration_name)

        self.arbitration_name_error = QLabel(OrganisationDialog)
        self.arbitration_name_error.setObjectName(u"arbitration_name_error")
        self.arbitration_name_error.setVisible(False)
        self.arbitration_name_error.setWordWrap(True)

        self.arbitration_name_box.addWidget(self.arbitration_name_error)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.arbitration_name_box)

        self.arbitration_address_label = QLabel(OrganisationDialog)
        self.arbitration_address_label.setObjectName(u"arbitration_address_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.arbitration_address_label)

        self.arbitration_address_box = QVBoxLayout()
        self.arbitration_address_box.setSpacing(1)
        self.arbitration_address_box.setObjectName(u"arbitration_address_box")
        self.arbitration_address = QLineEdit(OrganisationDialog)
        self.arbitration_address.setObjectName(u"arbitration_address")

        self.arbitration_address_box.addWidget(self.arbitration_address)

        self.arbitration_address_error = QLabel(OrganisationDialog)
        self.arbitration_address_error.setObjectName(u"arbitration_address_error")
        self.arbitration_address_error.setVisible(False)
        self.arbitration_address_error.setWordWrap(True)

        self.arbitration_address_box.addWidget(self.arbitration_address_error)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.arbitration_address_box)

        self.case_no_pattern_label = QLabel(OrganisationDialog)
        self.case_no_pattern_label.setObjectName(u"case_no_pattern_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.case_no_pattern_label)

        self.case_no_pattern_box = QVBoxLayout()
        self.case_no_pattern_box.setSpacing(1)
        self.case_no_pattern_box.setObjectName(u"case_no_pattern_box")
        self.case_no_pattern = QLineEdit(OrganisationDialog)
        self.case_no_pattern.setObjectName(u"case_no_pattern")

        self.case_no_pattern_box.addWidget(self.case_no_pattern)

        self.case_no_pattern_error = QLabel(OrganisationDialog)
        self.case_no_pattern_error.setObjectName(u"case_no_pattern_error")
        self.case_no_pattern_error.setVisible(False)
        self.case_no_pattern_error.setWordWrap(True)

        self.case_no_pattern_box.addWidget(self.case_no_pattern_error)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.case_no_pattern_box)


        self.main_layout.addLayout(self.form)

        self.pattern_help = QLabel(OrganisationDialog)
        self.pattern_help.setObjectName(u"pattern_help")
        self.pattern_help.setStyleSheet(u"color:#546e7a;")
        self.pattern_help.setWordWrap(True)

        self.main_layout.addWidget(self.pattern_help)

        self.pattern_example = QLabel(OrganisationDialog)
        self.pattern_example.setObjectName(u"pattern_example")
        self.pattern_example.setStyleSheet(u"color:#546e7a;")
        self.pattern_example.setWordWrap(True)

        self.main_layout.addWidget(self.pattern_example)

        self.general_error = QLabel(OrganisationDialog)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setWordWrap(True)

        self.main_layout.addWidget(self.general_error)

        self.buttons = QDialogButtonBox(OrganisationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.address_label.setBuddy(self.address)
        self.phone_label.setBuddy(self.phone)
        self.arbitration_name_label.setBuddy(self.arbitration_name)
        self.arbitration_address_label.setBuddy(self.arbitration_address)
        self.case_no_pattern_label.setBuddy(self.case_no_pattern)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OrganisationDialog)
    # setupUi

    def retranslateUi(self, OrganisationDialog):
        OrganisationDialog.setWindowTitle(QCoreApplication.translate("OrganisationDialog", u"\u7ec4\u7ec7\u4fe1\u606f", None))
        self.name_label.setText(QCoreApplication.translate("OrganisationDialog", u"\u7ec4\u7ec7\u540d\u79f0\uff1a", None))
        self.address_label.setText(QCoreApplication.translate("OrganisationDialog", u"\u5730\u5740\uff1a", None))
        self.address.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"\u5982\uff1a\u5929\u6d25\u5e02\u548c\u5e73\u533a\u5357\u4eac\u8def100\u53f7", None))
        self.phone_label.setText(QCoreApplication.translate("OrganisationDialog", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.arbitration_name_label.setText(QCoreApplication.translate("OrganisationDialog", u"\u4ef2\u88c1\u59d4\u5458\u4f1a\u540d\u79f0\uff1a", None))
        self.arbitration_name.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"\u5982\uff1a\u5929\u6d25\u5e02\u548c\u5e73\u533a\u52b3\u52a8\u4eba\u4e8b\u4e89\u8bae\u4ef2\u88c1\u59d4\u5458\u4f1a\uff08\u7528\u4e8e\u7ec8\u6b62\u8c03\u89e3\u544a\u77e5\u4e66\uff09", None))
        self.arbitration_address_label.setText(QCoreApplication.translate("OrganisationDialog", u"\u4ef2\u88c1\u59d4\u5458\u4f1a\u5730\u5740\uff1a", None))
        self.arbitration_address.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"\u7528\u4e8e\u7ec8\u6b62\u8c03\u89e3\u544a\u77e5\u4e66", None))
        self.case_no_pattern_label.setText(QCoreApplication.translate("OrganisationDialog", u"\u6848\u53f7\u683c\u5f0f\uff1a", None))
        self.case_no_pattern.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"{org_code}\u52b3\u8c03\u3014{year}\u3015{seq}\u53f7", None))
        self.pattern_help.setText(QCoreApplication.translate("OrganisationDialog", u"\u6848\u53f7\u683c\u5f0f\u91cc\u53ef\u4ee5\u5199\uff1a{org_code} \u4ee3\u8868\u7ec4\u7ec7\u4ee3\u7801\uff0c{year} \u4ee3\u8868\u5e74\u4efd\uff0c{seq} \u4ee3\u8868\u5f53\u5e74\u7684\u5e8f\u53f7\uff1b\u5fc5\u987b\u542b\u5e74\u4efd\u548c\u5e8f\u53f7\u3002", None))
    # retranslateUi
