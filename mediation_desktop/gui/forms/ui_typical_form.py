# Generated from ui/typical_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/typical_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 1c4056ea9f0c6bc32a7fa080e49aaa3c521ff9bc89c242604efe9e613cfb8b99
# body-sha256: 7e543ca85fef94d55f879a91a526cc20915cb934f812968119cf60f46b3ec5ad

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QWidget)

class Ui_TypicalForm(object):
    def setupUi(self, TypicalForm):
        if not TypicalForm.objectName():
            TypicalForm.setObjectName(u"TypicalForm")
        self.grid = QGridLayout(TypicalForm)
        self.grid.setObjectName(u"grid")
        self.title_label = QLabel(TypicalForm)
        self.title_label.setObjectName(u"title_label")

        self.grid.addWidget(self.title_label, 0, 0, 1, 1)

        self.title = QLineEdit(TypicalForm)
        self.title.setObjectName(u"title")

        self.grid.addWidget(self.title, 0, 1, 1, 1)

        self.facts_label = QLabel(TypicalForm)
        self.facts_label.setObjectName(u"facts_label")

        self.grid.addWidget(self.facts_label, 1, 0, 1, 1)

        self.facts = QPlainTextEdit(TypicalForm)
        self.facts.setObjectName(u"facts")
        self.facts.setTabChangesFocus(True)

        self.grid.addWidget(self.facts, 1, 1, 1, 1)

        self.process_label = QLabel(TypicalForm)
        self.process_label.setObjectName(u"process_label")

        self.grid.addWidget(self.process_label, 2, 0, 1, 1)

        self.process = QPlainTextEdit(TypicalForm)
        self.process.setObjectName(u"process")
        self.process.setTabChangesFocus(True)

        self.grid.addWidget(self.process, 2, 1, 1, 1)

        self.result_label = QLabel(TypicalForm)
        self.result_label.setObjectName(u"result_label")

        self.grid.addWidget(self.result_label, 3, 0, 1, 1)

        self.result = QPlainTextEdit(TypicalForm)
        self.result.setObjectName(u"result")
        self.result.setTabChangesFocus(True)

        self.grid.addWidget(self.result, 3, 1, 1, 1)

        self.experience_label = QLabel(TypicalForm)
        self.experience_label.setObjectName(u"experience_label")

        self.grid.addWidget(self.experience_label, 4, 0, 1, 1)

        self.experience = QPlainTextEdit(TypicalForm)
        self.experience.setObjectName(u"experience")
        self.experience.setTabChangesFocus(True)

        self.grid.addWidget(self.experience, 4, 1, 1, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.save = QPushButton(TypicalForm)
        self.save.setObjectName(u"save")

        self.buttons.addWidget(self.save)


        self.grid.addLayout(self.buttons, 5, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title)
        self.facts_label.setBuddy(self.facts)
        self.process_label.setBuddy(self.process)
        self.result_label.setBuddy(self.result)
        self.experience_label.setBuddy(self.experience)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TypicalForm)
    # setupUi

    def retranslateUi(self, TypicalForm):
        TypicalForm.setTitle(QCoreApplication.translate("TypicalForm", u"\u5178\u578b\u6848\u4f8b", None))
        self.title_label.setText(QCoreApplication.translate("TypicalForm", u"\u6807\u9898(&T)\uff1a", None))
        self.title.setPlaceholderText(QCoreApplication.translate("TypicalForm", u"\u6807\u9898", None))
        self.facts_label.setText(QCoreApplication.translate("TypicalForm", u"\u6848\u60c5(&A)\uff1a", None))
        self.process_label.setText(QCoreApplication.translate("TypicalForm", u"\u8c03\u89e3\u8fc7\u7a0b(&P)\uff1a", None))
        self.result_label.setText(QCoreApplication.translate("TypicalForm", u"\u7ed3\u679c(&R)\uff1a", None))
        self.experience_label.setText(QCoreApplication.translate("TypicalForm", u"\u7ecf\u9a8c(&E)\uff1a", None))
        self.save.setText(QCoreApplication.translate("TypicalForm", u"\u4fdd\u5b58(&S)", None))
    # retranslateUi
