# Generated from ui/training_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/training_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 8faaed6f265af243ab7ee578cb5f8e21aa79ac0f55a74ddbd5f63004780d7598
# body-sha256: 41d4f0796ef34b656feafa0406df76e4000e8ff2d2a6836319bc2f16522a2d09

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

class Ui_TrainingForm(object):
    def setupUi(self, TrainingForm):
        if not TrainingForm.objectName():
            TrainingForm.setObjectName(u"TrainingForm")
        self.grid = QGridLayout(TrainingForm)
        self.grid.setObjectName(u"grid")
        self.mediator_label = QLabel(TrainingForm)
        self.mediator_label.setObjectName(u"mediator_label")

        self.grid.addWidget(self.mediator_label, 0, 0, 1, 1)

        self.mediator = QComboBox(TrainingForm)
        self.mediator.setObjectName(u"mediator")

        self.grid.addWidget(self.mediator, 0, 1, 1, 1)

        self.course_label = QLabel(TrainingForm)
        self.course_label.setObjectName(u"course_label")

        self.grid.addWidget(self.course_label, 1, 0, 1, 1)

        self.course = QLineEdit(TrainingForm)
        self.course.setObjectName(u"course")

        self.grid.addWidget(self.course, 1, 1, 1, 1)

        self.hours_label = QLabel(TrainingForm)
        self.hours_label.setObjectName(u"hours_label")

        self.grid.addWidget(self.hours_label, 2, 0, 1, 1)

        self.hours = QLineEdit(TrainingForm)
        self.hours.setObjectName(u"hours")

        self.grid.addWidget(self.hours, 2, 1, 1, 1)

        self.on_label = QLabel(TrainingForm)
        self.on_label.setObjectName(u"on_label")

        self.grid.addWidget(self.on_label, 3, 0, 1, 1)

        self.on = DateEdit(TrainingForm)
        self.on.setObjectName(u"on")

        self.grid.addWidget(self.on, 3, 1, 1, 1)

        self.organiser_label = QLabel(TrainingForm)
        self.organiser_label.setObjectName(u"organiser_label")

        self.grid.addWidget(self.organiser_label, 4, 0, 1, 1)

        self.organiser = QLineEdit(TrainingForm)
        self.organiser.setObjectName(u"organiser")

        self.grid.addWidget(self.organiser, 4, 1, 1, 1)

        self.certificate_label = QLabel(TrainingForm)
        self.certificate_label.setObjectName(u"certificate_label")

        self.grid.addWidget(self.certificate_label, 5, 0, 1, 1)

        self.certificate = QLineEdit(TrainingForm)
        self.certificate.setObjectName(u"certificate")

        self.grid.addWidget(self.certificate, 5, 1, 1, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.save = QPushButton(TrainingForm)
        self.save.setObjectName(u"save")

        self.buttons.addWidget(self.save)


        self.grid.addLayout(self.buttons, 6, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.mediator_label.setBuddy(self.mediator)
        self.course_label.setBuddy(self.course)
        self.hours_label.setBuddy(self.hours)
        self.on_label.setBuddy(self.on)
        self.organiser_label.setBuddy(self.organiser)
        self.certificate_label.setBuddy(self.certificate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingForm)
    # setupUi

    def retranslateUi(self, TrainingForm):
        TrainingForm.setTitle(QCoreApplication.translate("TrainingForm", u"\u767b\u8bb0\u57f9\u8bad", None))
        self.mediator_label.setText(QCoreApplication.translate("TrainingForm", u"\u8c03\u89e3\u5458(&M)\uff1a", None))
        self.course_label.setText(QCoreApplication.translate("TrainingForm", u"\u8bfe\u7a0b(&C)\uff1a", None))
        self.course.setPlaceholderText(QCoreApplication.translate("TrainingForm", u"\u57f9\u8bad\u8bfe\u7a0b\u540d\u79f0", None))
        self.hours_label.setText(QCoreApplication.translate("TrainingForm", u"\u5b66\u65f6(&H)\uff1a", None))
        self.hours.setPlaceholderText(QCoreApplication.translate("TrainingForm", u"\u5982 3 \u6216 1.5", None))
        self.on_label.setText(QCoreApplication.translate("TrainingForm", u"\u65e5\u671f(&D)\uff1a", None))
        self.organiser_label.setText(QCoreApplication.translate("TrainingForm", u"\u4e3b\u529e\u5355\u4f4d(&O)\uff1a", None))
        self.organiser.setPlaceholderText(QCoreApplication.translate("TrainingForm", u"\u53ef\u4e0d\u586b", None))
        self.certificate_label.setText(QCoreApplication.translate("TrainingForm", u"\u8bc1\u4e66\u7f16\u53f7(&E)\uff1a", None))
        self.certificate.setPlaceholderText(QCoreApplication.translate("TrainingForm", u"\u53ef\u4e0d\u586b", None))
        self.save.setText(QCoreApplication.translate("TrainingForm", u"\u4fdd\u5b58(&S)", None))
    # retranslateUi
