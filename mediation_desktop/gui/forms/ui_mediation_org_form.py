# Generated from ui/mediation_org_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/mediation_org_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: f0783044cceee7b56149d4130149289c92eb0658e22cbd94db72b6d5fed6a8a9
# body-sha256: 71bd530212ff2984e81484838f78939779c8acff42e6673645cf128b40526447

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

class Ui_MediationOrgForm(object):
    def setupUi(self, MediationOrgForm):
        if not MediationOrgForm.objectName():
            MediationOrgForm.setObjectName(u"MediationOrgForm")
        self.grid = QGridLayout(MediationOrgForm)
        self.grid.setObjectName(u"grid")
        self.name_label = QLabel(MediationOrgForm)
        self.name_label.setObjectName(u"name_label")

        self.grid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name = QLineEdit(MediationOrgForm)
        self.name.setObjectName(u"name")

        self.grid.addWidget(self.name, 0, 1, 1, 1)

        self.org_type_label = QLabel(MediationOrgForm)
        self.org_type_label.setObjectName(u"org_type_label")

        self.grid.addWidget(self.org_type_label, 1, 0, 1, 1)

        self.org_type = QComboBox(MediationOrgForm)
        self.org_type.setObjectName(u"org_type")

        self.grid.addWidget(self.org_type, 1, 1, 1, 1)

        self.address_label = QLabel(MediationOrgForm)
        self.address_label.setObjectName(u"address_label")

        self.grid.addWidget(self.address_label, 2, 0, 1, 1)

        self.address = QLineEdit(MediationOrgForm)
        self.address.setObjectName(u"address")

        self.grid.addWidget(self.address, 2, 1, 1, 1)

        self.head_label = QLabel(MediationOrgForm)
        self.head_label.setObjectName(u"head_label")

        self.grid.addWidget(self.head_label, 3, 0, 1, 1)

        self.head = QLineEdit(MediationOrgForm)
        self.head.setObjectName(u"head")

        self.grid.addWidget(self.head, 3, 1, 1, 1)

        self.mediators_label = QLabel(MediationOrgForm)
        self.mediators_label.setObjectName(u"mediators_label")

        self.grid.addWidget(self.mediators_label, 4, 0, 1, 1)

        self.mediators = QLineEdit(MediationOrgForm)
        self.mediators.setObjectName(u"mediators")

        self.grid.addWidget(self.mediators, 4, 1, 1, 1)

        self.set_up_label = QLabel(MediationOrgForm)
        self.set_up_label.setObjectName(u"set_up_label")

        self.grid.addWidget(self.set_up_label, 5, 0, 1, 1)

        self.set_up = QLineEdit(MediationOrgForm)
        self.set_up.setObjectName(u"set_up")

        self.grid.addWidget(self.set_up, 5, 1, 1, 1)

        self.org_code_label = QLabel(MediationOrgForm)
        self.org_code_label.setObjectName(u"org_code_label")

        self.grid.addWidget(self.org_code_label, 6, 0, 1, 1)

        self.org_code = QLineEdit(MediationOrgForm)
        self.org_code.setObjectName(u"org_code")

        self.grid.addWidget(self.org_code, 6, 1, 1, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.save = QPushButton(MediationOrgForm)
        self.save.setObjectName(u"save")

        self.buttons.addWidget(self.save)


        self.grid.addLayout(self.buttons, 7, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.org_type_label.setBuddy(self.org_type)
        self.address_label.setBuddy(self.address)
        self.head_label.setBuddy(self.head)
        self.mediators_label.setBuddy(self.mediators)
        self.set_up_label.setBuddy(self.set_up)
        self.org_code_label.setBuddy(self.org_code)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MediationOrgForm)
    # setupUi

    def retranslateUi(self, MediationOrgForm):
        MediationOrgForm.setTitle(QCoreApplication.translate("MediationOrgForm", u"\u767b\u8bb0\u8c03\u89e3\u7ec4\u7ec7", None))
        self.name_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u540d\u79f0(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("MediationOrgForm", u"\u8c03\u89e3\u7ec4\u7ec7\u5168\u79f0", None))
        self.org_type_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u7c7b\u578b(&T)\uff1a", None))
        self.address_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u5730\u5740(&A)\uff1a", None))
        self.address.setPlaceholderText(QCoreApplication.translate("MediationOrgForm", u"\u53ef\u4e0d\u586b", None))
        self.head_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u8d1f\u8d23\u4eba(&H)\uff1a", None))
        self.head.setPlaceholderText(QCoreApplication.translate("MediationOrgForm", u"\u53ef\u4e0d\u586b", None))
        self.mediators_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u8c03\u89e3\u5458\u4eba\u6570(&M)\uff1a", None))
        self.mediators.setPlaceholderText(QCoreApplication.translate("MediationOrgForm", u"\u53ef\u4e0d\u586b", None))
        self.set_up_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u6210\u7acb\u65e5\u671f(&D)\uff1a", None))
        self.set_up.setPlaceholderText(QCoreApplication.translate("MediationOrgForm", u"YYYY-MM-DD\uff0c\u53ef\u4e0d\u586b", None))
        self.org_code_label.setText(QCoreApplication.translate("MediationOrgForm", u"\u7ec4\u7ec7\u4ee3\u7801(&C)\uff1a", None))
        self.org_code.setPlaceholderText(QCoreApplication.translate("MediationOrgForm", u"\u4f7f\u7528\u672c\u8f6f\u4ef6\u7684\u7ec4\u7ec7\u586b\u5199\u5176\u7ec4\u7ec7\u4ee3\u7801", None))
        self.save.setText(QCoreApplication.translate("MediationOrgForm", u"\u4fdd\u5b58(&S)", None))
    # retranslateUi
