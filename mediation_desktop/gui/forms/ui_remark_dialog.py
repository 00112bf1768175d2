# Generated from ui/remark_dialog.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/remark_dialog.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 4a3d637e371014c6d537b59c596886e23194899082267a8172857eafd2c1a08d
# body-sha256: 49b6eb5706abcf8901ef87c4fdd002e2d77f7cc87a68db0c919038cad42f85b6

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RemarkDialog(object):
    def setupUi(self, RemarkDialog):
        if not RemarkDialog.objectName():
            RemarkDialog.setObjectName(u"RemarkDialog")
        RemarkDialog.resize(560, 340)
        self.layout = QVBoxLayout(RemarkDialog)
        self.layout.setObjectName(u"layout")
        self.case_label = QLabel(RemarkDialog)
        self.case_label.setObjectName(u"case_label")
        self.case_label.setWordWrap(True)

        self.layout.addWidget(self.case_label)

        self.kind_row = QHBoxLayout()
        self.kind_row.setObjectName(u"kind_row")
        self.kind_remark = QRadioButton(RemarkDialog)
        self.kind_remark.setObjectName(u"kind_remark")
        self.kind_remark.setChecked(True)

        self.kind_row.addWidget(self.kind_remark)

        self.kind_correction = QRadioButton(RemarkDialog)
        self.kind_correction.setObjectName(u"kind_correction")

        self.kind_row.addWidget(self.kind_correction)


        self.layout.addLayout(self.kind_row)

        self.text_label = QLabel(RemarkDialog)
        self.text_label.setObjectName(u"text_label")

        self.layout.addWidget(self.text_label)

        self.text = QPlainTextEdit(RemarkDialog)
        self.text.setObjectName(u"text")

        self.layout.addWidget(self.text)

        self.hint = QLabel(RemarkDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setStyleSheet(u"color:#546e7a;")
        self.hint.setWordWrap(True)

        self.layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(RemarkDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.text_label.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RemarkDialog)
    # setupUi

    def retranslateUi(self, RemarkDialog):
        RemarkDialog.setWindowTitle(QCoreApplication.translate("RemarkDialog", u"\u533a\u4eba\u793e\u610f\u89c1", None))
        self.kind_remark.setText(QCoreApplication.translate("RemarkDialog", u"\u6279\u6ce8\uff08\u4f9b\u8c03\u89e3\u7ec4\u7ec7\u53c2\u8003\uff09", None))
        self.kind_correction.setText(QCoreApplication.translate("RemarkDialog", u"\u66f4\u6b63\u8bf7\u6c42\uff08\u8c03\u89e3\u7ec4\u7ec7\u7b54\u590d\u524d\u4fdd\u6301\u672a\u529e\u7ed3\uff09", None))
        self.text_label.setText(QCoreApplication.translate("RemarkDialog", u"\u5185\u5bb9(&T)\uff1a", None))
        self.text.setPlaceholderText(QCoreApplication.translate("RemarkDialog", u"\u4f8b\u5982\uff1a\u7533\u8bf7\u4eba\u4eba\u6570\u4e0e\u6750\u6599\u4e0d\u7b26\uff0c\u8bf7\u6838\u5b9e\u540e\u66f4\u6b63\u3002", None))
        self.hint.setText(QCoreApplication.translate("RemarkDialog", u"\u968f\u4e0b\u4e00\u4e2a\u4e0b\u53d1\u5305\u9001\u8fbe\u8be5\u6848\u4ef6\u6240\u5c5e\u7684\u8c03\u89e3\u7ec4\u7ec7\u3002", None))
    # retranslateUi
