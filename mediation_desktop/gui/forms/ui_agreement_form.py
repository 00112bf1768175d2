# Generated from ui/agreement_form.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/agreement_form.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 6a352a0fcd35cae081bc754bfc20d51f725661dd06849ed8ca46e1222d4dc255
# body-sha256: ab8525d00b0274dc8638f43dc9ad7377b14ad26309a051b9f851425e3e177016

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from mediation_desktop.gui.widgets.date_edit import DateEdit

class Ui_AgreementForm(object):
    def setupUi(self, AgreementForm):
        if not AgreementForm.objectName():
            AgreementForm.setObjectName(u"AgreementForm")
        self.main_layout = QVBoxLayout(AgreementForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.head_form = QFormLayout()
        self.head_form.setObjectName(u"head_form")
        self.signed_on_label = QLabel(AgreementForm)
        self.signed_on_label.setObjectName(u"signed_on_label")

        self.head_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signed_on_label)

        self.signed_on = DateEdit(AgreementForm)
        self.signed_on.setObjectName(u"signed_on")

        self.head_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.signed_on)


        self.main_layout.addLayout(self.head_form)

        self.items_scroll = QScrollArea(AgreementForm)
        self.items_scroll.setObjectName(u"items_scroll")
        self.items_scroll.setMinimumSize(QSize(0, 240))
        self.items_scroll.setWidgetResizable(True)
        self.items_holder = QWidget()
        self.items_holder.setObjectName(u"items_holder")
        self.items_box = QVBoxLayout(self.items_holder)
        self.items_box.setObjectName(u"items_box")
        self.items_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.items_box.addItem(self.items_end)

        self.items_scroll.setWidget(self.items_holder)

        self.main_layout.addWidget(self.items_scroll)

        self.items_bar = QHBoxLayout()
        self.items_bar.setObjectName(u"items_bar")
        self.add_item_button = QPushButton(AgreementForm)
        self.add_item_button.setObjectName(u"add_item_button")

        self.items_bar.addWidget(self.add_item_button)

        self.items_total = QLabel(AgreementForm)
        self.items_total.setObjectName(u"items_total")
        self.items_total.setWordWrap(True)

        self.items_bar.addWidget(self.items_total)

        self.items_bar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.items_bar.addItem(self.items_bar_spacer)


        self.main_layout.addLayout(self.items_bar)

        self.terms_form = QFormLayout()
        self.terms_form.setObjectName(u"terms_form")
        self.tax_label = QLabel(AgreementForm)
        self.tax_label.setObjectName(u"tax_label")

        self.terms_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tax_label)

        self.tax = QComboBox(AgreementForm)
        self.tax.setObjectName(u"tax")

        self.terms_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.tax)

        self.other_terms_label = QLabel(AgreementForm)
        self.other_terms_label.setObjectName(u"other_terms_label")

        self.terms_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.other_terms_label)

        self.other_terms = QPlainTextEdit(AgreementForm)
        self.other_terms.setObjectName(u"other_terms")
        self.other_terms.setMaximumSize(QSize(16777215, 60))

        self.terms_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.other_terms)


        self.main_layout.addLayout(self.terms_form)

        self.per_worker_group = QGroupBox(AgreementForm)
        self.per_worker_group.setObjectName(u"per_worker_group")
        self.per_worker_layout = QVBoxLayout(self.per_worker_group)
        self.per_worker_layout.setObjectName(u"per_worker_layout")
        self.per_worker = QTableWidget(self.per_worker_group)
        if (self.per_worker.columnCount() < 3):
            self.per_worker.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.per_worker.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.per_worker.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.per_worker.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.per_worker.setObjectName(u"per_worker")
        self.per_worker.setMinimumSize(QSize(0, 140))
        self.per_worker.horizontalHeader().setStretchLastSection(True)

        self.per_worker_layout.addWidget(self.per_worker)

        self.per_worker_bar = QHBoxLayout()
        self.per_worker_bar.setObjectName(u"per_worker_bar")
        self.add_worker_button = QPushButton(self.per_worker_group)
        self.add_worker_button.setObjectName(u"add_worker_button")

        self.per_worker_bar.addWidget(self.add_worker_button)

        self.remove_worker_button = QPushButton(self.per_worker_group)
        self.remove_worker_button.setObjectName(u"remove_worker_button")

        self.per_worker_bar.addWidget(self.remove_worker_button)

        self.per_worker_total = QLabel(self.per_worker_group)
        self.per_worker_total.setObjectName(u"per_worker_total")
        self.per_worker_total.setWordWrap(True)

        self.per_worker_bar.addWidget(self.per_worker_total)

        self.per_worker_bar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.per_worker_bar.addItem(self.per_worker_bar_spacer)


        self.per_worker_layout.addLayout(self.per_worker_bar)

        self.per_worker_error = QLabel(self.per_worker_group)
        self.per_worker_error.setObjectName(u"per_worker_error")
        self.per_worker_error.setWordWrap(True)

        self.per_worker_layout.addWidget(self.per_worker_error)


        self.main_layout.addWidget(self.per_worker_group)

#if QT_CONFIG(shortcut)
        self.tax_label.setBuddy(self.tax)
        self.other_terms_label.setBuddy(self.other_terms)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgreementForm)
    # setupUi

    def retranslateUi(self, AgreementForm):
        self.signed_on_label.setText(QCoreApplication.translate("AgreementForm", u"\u7b7e\u8ba2\u65e5\u671f\uff1a", None))
        self.add_item_button.setText(QCoreApplication.translate("AgreementForm", u"\u6dfb\u52a0\u4e00\u9879(&A)", None))
        self.tax_label.setText(QCoreApplication.translate("AgreementForm", u"\u91d1\u989d\u53e3\u5f84\uff1a", None))
        self.other_terms_label.setText(QCoreApplication.translate("AgreementForm", u"\u5176\u4ed6\u7ea6\u5b9a\uff1a", None))
        self.other_terms.setPlaceholderText(QCoreApplication.translate("AgreementForm", u"\u5176\u4ed6\u7ea6\u5b9a\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.per_worker_group.setTitle(QCoreApplication.translate("AgreementForm", u"\u6bcf\u540d\u52b3\u52a8\u8005\u5e94\u5f97\u91d1\u989d\uff08\u96c6\u4f53\u4e89\u8bae\uff1a\u6cd5\u9662\u6309\u4eba\u5ba1\u67e5\u652f\u4ed8\u4ee4\u7533\u8bf7\uff09", None))
        ___qtablewidgetitem = self.per_worker.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("AgreementForm", u"\u59d3\u540d", None))
        ___qtablewidgetitem1 = self.per_worker.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("AgreementForm", u"\u91d1\u989d\uff08\u5143\uff09", None))
        ___qtablewidgetitem2 = self.per_worker.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("AgreementForm", u"\u5927\u5199", None))
        self.add_worker_button.setText(QCoreApplication.translate("AgreementForm", u"\u6dfb\u52a0\u4e00\u4eba", None))
        self.remove_worker_button.setText(QCoreApplication.translate("AgreementForm", u"\u5220\u9664\u9009\u4e2d\u7684\u4eba", None))
        pass
    # retranslateUi
