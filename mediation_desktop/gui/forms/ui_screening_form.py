# Generated from ui/screening_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/screening_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 936d9f403983903bbba516afab69f333f0747c666cb5327a167a9fa1afdfb295
# body-sha256: 72dee59065baa3d9e1b71558ffb2719f1a13cd1d86a51fc6fc11287ea3e01174

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QWidget)

from mediation_desktop.gui.widgets.date_edit import DateEdit

class Ui_ScreeningForm(object):
    def setupUi(self, ScreeningForm):
        if not ScreeningForm.objectName():
            ScreeningForm.setObjectName(u"ScreeningForm")
        self.grid = QGridLayout(ScreeningForm)
        self.grid.setObjectName(u"grid")
        self.enterprise_label = QLabel(ScreeningForm)
        self.enterprise_label.setObjectName(u"enterprise_label")

        self.grid.addWidget(self.enterprise_label, 0, 0, 1, 1)

        self.enterprise = QLineEdit(ScreeningForm)
        self.enterprise.setObjectName(u"enterprise")

        self.grid.addWidget(self.enterprise, 0, 1, 1, 1)

        self.uscc_label = QLabel(ScreeningForm)
        self.uscc_label.setObjectName(u"uscc_label")

        self.grid.addWidget(self.uscc_label, 1, 0, 1, 1)

        self.uscc = QLineEdit(ScreeningForm)
        self.uscc.setObjectName(u"uscc")

        self.grid.addWidget(self.uscc, 1, 1, 1, 1)

        self.on_label = QLabel(ScreeningForm)
        self.on_label.setObjectName(u"on_label")

        self.grid.addWidget(self.on_label, 2, 0, 1, 1)

        self.on = DateEdit(ScreeningForm)
        self.on.setObjectName(u"on")

        self.grid.addWidget(self.on, 2, 1, 1, 1)

        self.level_label = QLabel(ScreeningForm)
        self.level_label.setObjectName(u"level_label")

        self.grid.addWidget(self.level_label, 3, 0, 1, 1)

        self.level = QComboBox(ScreeningForm)
        self.level.setObjectName(u"level")

        self.grid.addWidget(self.level, 3, 1, 1, 1)

        self.check_wage_arrears = QCheckBox(ScreeningForm)
        self.check_wage_arrears.setObjectName(u"check_wage_arrears")

        self.grid.addWidget(self.check_wage_arrears, 4, 1, 1, 1)

        self.check_social_insurance = QCheckBox(ScreeningForm)
        self.check_social_insurance.setObjectName(u"check_social_insurance")

        self.grid.addWidget(self.check_social_insurance, 5, 1, 1, 1)

        self.check_rent_utilities = QCheckBox(ScreeningForm)
        self.check_rent_utilities.setObjectName(u"check_rent_utilities")

        self.grid.addWidget(self.check_rent_utilities, 6, 1, 1, 1)

        self.check_halted = QCheckBox(ScreeningForm)
        self.check_halted.setObjectName(u"check_halted")

        self.grid.addWidget(self.check_halted, 7, 1, 1, 1)

        self.check_layoffs = QCheckBox(ScreeningForm)
        self.check_layoffs.setObjectName(u"check_layoffs")

        self.grid.addWidget(self.check_layoffs, 8, 1, 1, 1)

        self.check_collective_complaints = QCheckBox(ScreeningForm)
        self.check_collective_complaints.setObjectName(u"check_collective_complaints")

        self.grid.addWidget(self.check_collective_complaints, 9, 1, 1, 1)

        self.workers_label = QLabel(ScreeningForm)
        self.workers_label.setObjectName(u"workers_label")

        self.grid.addWidget(self.workers_label, 10, 0, 1, 1)

        self.workers = QLineEdit(ScreeningForm)
        self.workers.setObjectName(u"workers")

        self.grid.addWidget(self.workers, 10, 1, 1, 1)

        self.findings_label = QLabel(ScreeningForm)
        self.findings_label.setObjectName(u"findings_label")

        self.grid.addWidget(self.findings_label, 11, 0, 1, 1)

        self.findings = QPlainTextEdit(ScreeningForm)
        self.findings.setObjectName(u"findings")
        self.findings.setTabChangesFocus(True)

        self.grid.addWidget(self.findings, 11, 1, 1, 1)

        self.follow_up_label = QLabel(ScreeningForm)
        self.follow_up_label.setObjectName(u"follow_up_label")

        self.grid.addWidget(self.follow_up_label, 12, 0, 1, 1)

        self.follow_up = QPlainTextEdit(ScreeningForm)
        self.follow_up.setObjectName(u"follow_up")
        self.follow_up.setTabChangesFocus(True)

        self.grid.addWidget(self.follow_up, 12, 1, 1, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.save = QPushButton(ScreeningForm)
        self.save.setObjectName(u"save")

        self.buttons.addWidget(self.save)


        self.grid.addLayout(self.buttons, 13, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.enterprise_label.setBuddy(self.enterprise)
        self.uscc_label.setBuddy(self.uscc)
        self.on_label.setBuddy(self.on)
        self.level_label.setBuddy(self.level)
        self.workers_label.setBuddy(self.workers)
        self.findings_label.setBuddy(self.findings)
        self.follow_up_label.setBuddy(self.follow_up)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScreeningForm)
    # setupUi

    def retranslateUi(self, ScreeningForm):
        ScreeningForm.setTitle(QCoreApplication.translate("ScreeningForm", u"\u767b\u8bb0\u98ce\u9669\u9690\u60a3\u6392\u67e5", None))
        self.enterprise_label.setText(QCoreApplication.translate("ScreeningForm", u"\u4f01\u4e1a\u540d\u79f0(&E)\uff1a", None))
        self.enterprise.setPlaceholderText(QCoreApplication.translate("ScreeningForm", u"\u7528\u4eba\u5355\u4f4d\u5168\u79f0", None))
        self.uscc_label.setText(QCoreApplication.translate("ScreeningForm", u"\u4fe1\u7528\u4ee3\u7801(&U)\uff1a", None))
        self.uscc.setPlaceholderText(QCoreApplication.translate("ScreeningForm", u"18\u4f4d\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\uff0c\u53ef\u4e0d\u586b", None))
        self.on_label.setText(QCoreApplication.translate("ScreeningForm", u"\u6392\u67e5\u65e5\u671f(&D)\uff1a", None))
        self.level_label.setText(QCoreApplication.translate("ScreeningForm", u"\u98ce\u9669\u7b49\u7ea7(&L)\uff1a", None))
        self.check_wage_arrears.setText(QCoreApplication.translate("ScreeningForm", u"\u62d6\u6b20\u5de5\u8d44", None))
        self.check_social_insurance.setText(QCoreApplication.translate("ScreeningForm", u"\u6b20\u7f34\u793e\u4f1a\u4fdd\u9669\u8d39", None))
        self.check_rent_utilities.setText(QCoreApplication.translate("ScreeningForm", u"\u62d6\u6b20\u623f\u79df\u6216\u6c34\u7535\u8d39", None))
        self.check_halted.setText(QCoreApplication.translate("ScreeningForm", u"\u505c\u4ea7\u3001\u642c\u8fc1\u6216\u5173\u95ed", None))
        self.check_layoffs.setText(QCoreApplication.translate("ScreeningForm", u"\u5927\u89c4\u6a21\u88c1\u5458", None))
        self.check_collective_complaints.setText(QCoreApplication.translate("ScreeningForm", u"\u96c6\u4f53\u6295\u8bc9", None))
        self.workers_label.setText(QCoreApplication.translate("ScreeningForm", u"\u6d89\u53ca\u4eba\u6570(&W)\uff1a", None))
        self.workers.setPlaceholderText(QCoreApplication.translate("ScreeningForm", u"\u53ef\u4e0d\u586b", None))
        self.findings_label.setText(QCoreApplication.translate("ScreeningForm", u"\u6392\u67e5\u53d1\u73b0(&F)\uff1a", None))
        self.findings.setPlaceholderText(QCoreApplication.translate("ScreeningForm", u"\u53d1\u73b0\u7684\u95ee\u9898", None))
        self.follow_up_label.setText(QCoreApplication.translate("ScreeningForm", u"\u8ddf\u8fdb\u63aa\u65bd(&G)\uff1a", None))
        self.follow_up.setPlaceholderText(QCoreApplication.translate("ScreeningForm", u"\u5df2\u91c7\u53d6\u6216\u62df\u91c7\u53d6\u7684\u63aa\u65bd", None))
        self.save.setText(QCoreApplication.translate("ScreeningForm", u"\u4fdd\u5b58(&S)", None))
    # retranslateUi
