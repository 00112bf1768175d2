# Generated from ui/outreach_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/outreach_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: fcf801a81d5fe2a620ca3e9b40655ec1abca85aeb7d3cddddefe900e5304a5d1
# body-sha256: 6e5ce386b99dc6c49e4935cdf631eca35bbf0cf8d551544001645817fe8a8a86

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

from mediation_desktop.gui.widgets.date_edit import DateEdit

class Ui_OutreachForm(object):
    def setupUi(self, OutreachForm):
        if not OutreachForm.objectName():
            OutreachForm.setObjectName(u"OutreachForm")
        self.grid = QGridLayout(OutreachForm)
        self.grid.setObjectName(u"grid")
        self.on_label = QLabel(OutreachForm)
        self.on_label.setObjectName(u"on_label")

        self.grid.addWidget(self.on_label, 0, 0, 1, 1)

        self.on = DateEdit(OutreachForm)
        self.on.setObjectName(u"on")

        self.grid.addWidget(self.on, 0, 1, 1, 1)

        self.title_label = QLabel(OutreachForm)
        self.title_label.setObjectName(u"title_label")

        self.grid.addWidget(self.title_label, 1, 0, 1, 1)

        self.title = QLineEdit(OutreachForm)
        self.title.setObjectName(u"title")

        self.grid.addWidget(self.title, 1, 1, 1, 1)

        self.place_label = QLabel(OutreachForm)
        self.place_label.setObjectName(u"place_label")

        self.grid.addWidget(self.place_label, 2, 0, 1, 1)

        self.place = QLineEdit(OutreachForm)
        self.place.setObjectName(u"place")

        self.grid.addWidget(self.place, 2, 1, 1, 1)

        self.enterprise_label = QLabel(OutreachForm)
        self.enterprise_label.setObjectName(u"enterprise_label")

        self.grid.addWidget(self.enterprise_label, 3, 0, 1, 1)

        self.enterprise = QLineEdit(OutreachForm)
        self.enterprise.setObjectName(u"enterprise")

        self.grid.addWidget(self.enterprise, 3, 1, 1, 1)

        self.audience_label = QLabel(OutreachForm)
        self.audience_label.setObjectName(u"audience_label")

        self.grid.addWidget(self.audience_label, 4, 0, 1, 1)

        self.audience = QLineEdit(OutreachForm)
        self.audience.setObjectName(u"audience")

        self.grid.addWidget(self.audience, 4, 1, 1, 1)

        self.materials_label = QLabel(OutreachForm)
        self.materials_label.setObjectName(u"materials_label")

        self.grid.addWidget(self.materials_label, 5, 0, 1, 1)

        self.materials = QPlainTextEdit(OutreachForm)
        self.materials.setObjectName(u"materials")
        self.materials.setTabChangesFocus(True)

        self.grid.addWidget(self.materials, 5, 1, 1, 1)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.save = QPushButton(OutreachForm)
        self.save.setObjectName(u"save")

        self.buttons.addWidget(self.save)


        self.grid.addLayout(self.buttons, 6, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.on_label.setBuddy(self.on)
        self.title_label.setBuddy(self.title)
        self.place_label.setBuddy(self.place)
        self.enterprise_label.setBuddy(self.enterprise)
        self.audience_label.setBuddy(self.audience)
        self.materials_label.setBuddy(self.materials)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OutreachForm)
    # setupUi

    def retranslateUi(self, OutreachForm):
        OutreachForm.setTitle(QCoreApplication.translate("OutreachForm", u"\u767b\u8bb0\u666e\u6cd5\u6d3b\u52a8", None))
        self.on_label.setText(QCoreApplication.translate("OutreachForm", u"\u65e5\u671f(&D)\uff1a", None))
        self.title_label.setText(QCoreApplication.translate("OutreachForm", u"\u6d3b\u52a8\u540d\u79f0(&T)\uff1a", None))
        self.title.setPlaceholderText(QCoreApplication.translate("OutreachForm", u"\u5982\uff1a\u52b3\u52a8\u5408\u540c\u6cd5\u8fdb\u4f01\u4e1a", None))
        self.place_label.setText(QCoreApplication.translate("OutreachForm", u"\u5730\u70b9(&P)\uff1a", None))
        self.place.setPlaceholderText(QCoreApplication.translate("OutreachForm", u"\u53ef\u4e0d\u586b", None))
        self.enterprise_label.setText(QCoreApplication.translate("OutreachForm", u"\u4f01\u4e1a(&E)\uff1a", None))
        self.enterprise.setPlaceholderText(QCoreApplication.translate("OutreachForm", u"\u5728\u4f01\u4e1a\u5f00\u5c55\u65f6\u586b\u5199\u4f01\u4e1a\u540d\u79f0", None))
        self.audience_label.setText(QCoreApplication.translate("OutreachForm", u"\u53c2\u52a0\u4eba\u6570(&A)\uff1a", None))
        self.audience.setPlaceholderText(QCoreApplication.translate("OutreachForm", u"\u4eba\u6570", None))
        self.materials_label.setText(QCoreApplication.translate("OutreachForm", u"\u5ba3\u4f20\u6750\u6599(&M)\uff1a", None))
        self.materials.setPlaceholderText(QCoreApplication.translate("OutreachForm", u"\u53d1\u653e\u7684\u6750\u6599\u3001\u7167\u7247\u8bf4\u660e", None))
        self.save.setText(QCoreApplication.translate("OutreachForm", u"\u4fdd\u5b58(&S)", None))
    # retranslateUi
