# Generated from ui/register_page.ui by scripts/build-ui.py (pyside6-uic 6.12.0): do not edit.
# Change the form in Qt Designer (`pyside6-designer ui/register_page.ui`) and run `python scripts/build-ui.py`.
# ui-sha256: 22ba9346cf36af5e237b1d60a290a7ab5bca1ded297e713a0b4dd72887bf4b80
# body-sha256: 72997ce7082bb818031fe02e5949a8d06e5b4b1a05034528644e54054feaa5c8

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from mediation_desktop.gui.widgets.date_edit import DateEdit
from mediation_desktop.gui.widgets.mediator_combo import MediatorCombo

class Ui_RegisterPage(object):
    def setupUi(self, RegisterPage):
        if not RegisterPage.objectName():
            RegisterPage.setObjectName(u"RegisterPage")
        self.main_layout = QVBoxLayout(RegisterPage)
        self.main_layout.setObjectName(u"main_layout")
        self.scroll = QScrollArea(RegisterPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setObjectName(u"body_layout")
        self.intake_group = QGroupBox(self.body)
        self.intake_group.setObjectName(u"intake_group")
        self.intake_form = QFormLayout(self.intake_group)
        self.intake_form.setObjectName(u"intake_form")
        self.received_on_label = QLabel(self.intake_group)
        self.received_on_label.setObjectName(u"received_on_label")

        self.intake_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.received_on_label)

        self.received_on_box = QVBoxLayout()
        self.received_on_box.setSpacing(1)
        self.received_on_box.setObjectName(u"received_on_box")
        self.received_on = DateEdit(self.intake_group)
        self.received_on.setObjectName(u"received_on")

        self.received_on_box.addWidget(self.received_on)

        self.received_on_error = QLabel(self.intake_group)
        self.received_on_error.setObjectName(u"received_on_error")
        self.received_on_error.setWordWrap(True)

        self.received_on_box.addWidget(self.received_on_error)


        self.intake_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.received_on_box)

        self.channel_label = QLabel(self.intake_group)
        self.channel_label.setObjectName(u"channel_label")

        self.intake_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel = QComboBox(self.intake_group)
        self.channel.setObjectName(u"channel")

        self.intake_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channel)

        self.court_case_no_label = QLabel(self.intake_group)
        self.court_case_no_label.setObjectName(u"court_case_no_label")

        self.intake_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.court_case_no_label)

        self.court_case_no_box = QVBoxLayout()
        self.court_case_no_box.setSpacing(1)
        self.court_case_no_box.setObjectName(u"court_case_no_box")
        self.court_case_no = QLineEdit(self.intake_group)
        self.court_case_no.setObjectName(u"court_case_no")

        self.court_case_no_box.addWidget(self.court_case_no)

        self.court_case_no_error = QLabel(self.intake_group)
        self.court_case_no_error.setObjectName(u"court_case_no_error")
        self.court_case_no_error.setWordWrap(True)

        self.court_case_no_box.addWidget(self.court_case_no_error)


        self.intake_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.court_case_no_box)

        self.mediator_label = QLabel(self.intake_group)
        self.mediator_label.setObjectName(u"mediator_label")

        self.intake_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mediator_label)

        self.mediator = MediatorCombo(self.intake_group)
        self.mediator.setObjectName(u"mediator")

        self.intake_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mediator)


        self.body_layout.addWidget(self.intake_group)

        self.applicants_group = QGroupBox(self.body)
        self.applicants_group.setObjectName(u"applicants_group")
        self.applicants_layout = QVBoxLayout(self.applicants_group)
        self.applicants_layout.setObjectName(u"applicants_layout")
        self.applicants_box = QVBoxLayout()
        self.applicants_box.setObjectName(u"applicants_box")

        self.applicants_layout.addLayout(self.applicants_box)

        self.applicants_error = QLabel(self.applicants_group)
        self.applicants_error.setObjectName(u"applicants_error")
        self.applicants_error.setWordWrap(True)

        self.applicants_layout.addWidget(self.applicants_error)

        self.applicants_bar = QHBoxLayout()
        self.applicants_bar.setObjectName(u"applicants_bar")
        self.add_applicant_button = QPushButton(self.applicants_group)
        self.add_applicant_button.setObjectName(u"add_applicant_button")

        self.applicants_bar.addWidget(self.add_applicant_button)

        self.applicants_bar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.applicants_bar.addItem(self.applicants_bar_spacer)

        self.workers_label = QLabel(self.applicants_group)
        self.workers_label.setObjectName(u"workers_label")

        self.applicants_bar.addWidget(self.workers_label)

        self.workers_box = QVBoxLayout()
        self.workers_box.setSpacing(1)
        self.workers_box.setObjectName(u"workers_box")
        self.workers = QSpinBox(self.applicants_group)
        self.workers.setObjectName(u"workers")

        self.workers_box.addWidget(self.workers)

        self.workers_error = QLabel(self.applicants_group)
        self.workers_error.setObjectName(u"workers_error")
        self.workers_error.setWordWrap(True)

        self.workers_box.addWidget(self.workers_error)


        self.applicants_bar.addLayout(self.workers_box)

        self.collective_hint = QLabel(self.applicants_group)
        self.collective_hint.setObjectName(u"collective_hint")
        self.collective_hint.setStyleSheet(u"color:#546e7a;")

        self.applicants_bar.addWidget(self.collective_hint)


        self.applicants_layout.addLayout(self.applicants_bar)


        self.body_layout.addWidget(self.applicants_group)

        self.respondent_group = QGroupBox(self.body)
        self.respondent_group.setObjectName(u"respondent_group")
        self.respondent_form = QFormLayout(self.respondent_group)
        self.respondent_form.setObjectName(u"respondent_form")
        self.resp_name_label = QLabel(self.respondent_group)
        self.resp_name_label.setObjectName(u"resp_name_label")

        self.respondent_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.resp_name_label)

        self.resp_name_box = QVBoxLayout()
        self.resp_name_box.setSpacing(1)
        self.resp_name_box.setObjectName(u"resp_name_box")
        self.resp_name = QLineEdit(self.respondent_group)
        self.resp_name.setObjectName(u"resp_name")

        self.resp_name_box.addWidget(self.resp_name)

        self.resp_name_error = QLabel(self.respondent_group)
        self.resp_name_error.setObjectName(u"resp_name_error")
        self.resp_name_error.setWordWrap(True)

        self.resp_name_box.addWidget(self.resp_name_error)


        self.respondent_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.resp_name_box)

        self.resp_uscc_label = QLabel(self.respondent_group)
        self.resp_uscc_label.setObjectName(u"resp_uscc_label")

        self.respondent_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.resp_uscc_label)

        self.resp_uscc_box = QVBoxLayout()
        self.resp_uscc_box.setSpacing(1)
        self.resp_uscc_box.setObjectName(u"resp_uscc_box")
        self.resp_uscc = QLineEdit(self.respondent_group)
        self.resp_uscc.setObjectName(u"resp_uscc")

        self.resp_uscc_box.addWidget(self.resp_uscc)

        self.resp_uscc_error = QLabel(self.respondent_group)
        self.resp_uscc_error.setObjectName(u"resp_uscc_error")
        self.resp_uscc_error.setWordWrap(True)

        self.resp_uscc_box.addWidget(self.resp_uscc_error)


        self.respondent_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.resp_uscc_box)

        self.resp_legal_rep_label = QLabel(self.respondent_group)
        self.resp_legal_rep_label.setObjectName(u"resp_legal_rep_label")

        self.respondent_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resp_legal_rep_label)

        self.resp_legal_rep_box = QVBoxLayout()
        self.resp_legal_rep_box.setSpacing(1)
        self.resp_legal_rep_box.setObjectName(u"resp_legal_rep_box")
        self.resp_legal_rep = QLineEdit(self.respondent_group)
        self.resp_legal_rep.setObjectName(u"resp_legal_rep")

        self.resp_legal_rep_box.addWidget(self.resp_legal_rep)

        self.resp_legal_rep_error = QLabel(self.respondent_group)
        self.resp_legal_rep_error.setObjectName(u"resp_legal_rep_error")
        self.resp_legal_rep_error.setWordWrap(True)

        self.resp_legal_rep_box.addWidget(self.resp_legal_rep_error)


        self.respondent_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.resp_legal_rep_box)

        self.resp_legal_rep_title_label = QLabel(self.respondent_group)
        self.resp_legal_rep_title_label.setObjectName(u"resp_legal_rep_title_label")

        self.respondent_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.resp_legal_rep_title_label)

        self.resp_legal_rep_title_box = QVBoxLayout()
        self.resp_legal_rep_title_box.setSpacing(1)
        self.resp_legal_rep_title_box.setObjectName(u"resp_legal_rep_title_box")
        self.resp_legal_rep_title = QLineEdit(self.respondent_group)
        self.resp_legal_rep_title.setObjectName(u"resp_legal_rep_title")

        self.resp_legal_rep_title_box.addWidget(self.resp_legal_rep_title)

        self.resp_legal_rep_title_error = QLabel(self.respondent_group)
        self.resp_legal_rep_title_error.setObjectName(u"resp_legal_rep_title_error")
        self.resp_legal_rep_title_error.setWordWrap(True)

        self.resp_legal_rep_title_box.addWidget(self.resp_legal_rep_title_error)


        self.respondent_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.resp_legal_rep_title_box)

        self.resp_phone_label = QLabel(self.respondent_group)
        self.resp_phone_label.setObjectName(u"resp_phone_label")

        self.respondent_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.resp_phone_label)

        self.resp_phone_box = QVBoxLayout()
        self.resp_phone_box.setSpacing(1)
        self.resp_phone_box.setObjectName(u"resp_phone_box")
        self.resp_phone = QLineEdit(self.respondent_group)
        self.resp_phone.setObjectName(u"resp_phone")

        self.resp_phone_box.addWidget(self.resp_phone)

        self.resp_phone_error = QLabel(self.respondent_group)
        self.resp_phone_error.setObjectName(u"resp_phone_error")
        self.resp_phone_error.setWordWrap(True)

        self.resp_phone_box.addWidget(self.resp_phone_error)


        self.respondent_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.resp_phone_box)

        self.resp_address_label = QLabel(self.respondent_group)
        self.resp_address_label.setObjectName(u"resp_address_label")

        self.respondent_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.resp_address_label)

        self.resp_address_box = QVBoxLayout()
        self.resp_address_box.setSpacing(1)
        self.resp_address_box.setObjectName(u"resp_address_box")
        self.resp_address = QLineEdit(self.respondent_group)
        self.resp_address.setObjectName(u"resp_address")

        self.resp_address_box.addWidget(self.resp_address)

        self.resp_address_error = QLabel(self.respondent_group)
        self.resp_address_error.setObjectName(u"resp_address_error")
        self.resp_address_error.setWordWrap(True)

        self.resp_address_box.addWidget(self.resp_address_error)


        self.respondent_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.resp_address_box)

        self.resp_agent_label = QLabel(self.respondent_group)
        self.resp_agent_label.setObjectName(u"resp_agent_label")

        self.respondent_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.resp_agent_label)

        self.resp_agent_box = QVBoxLayout()
        self.resp_agent_box.setSpacing(1)
        self.resp_agent_box.setObjectName(u"resp_agent_box")
        self.resp_agent = QLineEdit(self.respondent_group)
        self.resp_agent.setObjectName(u"resp_agent")

        self.resp_agent_box.addWidget(self.resp_agent)

        self.resp_agent_error = QLabel(self.respondent_group)
        self.resp_agent_error.setObjectName(u"resp_agent_error")
        self.resp_agent_error.setWordWrap(True)

        self.resp_agent_box.addWidget(self.resp_agent_error)


        self.respondent_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.resp_agent_box)

        self.resp_agent_special = QCheckBox(self.respondent_group)
        self.resp_agent_special.setObjectName(u"resp_agent_special")

        self.respondent_form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.resp_agent_special)


        self.body_layout.addWidget(self.respondent_group)

        self.claims_group = QGroupBox(self.body)
        self.claims_group.setObjectName(u"claims_group")
        self.claims_layout = QVBoxLayout(self.claims_group)
        self.claims_layout.setObjectName(u"claims_layout")
        self.claims_hint = QLabel(self.claims_group)
        self.claims_hint.setObjectName(u"claims_hint")
        self.claims_hint.setStyleSheet(u"color:#546e7a;")
        self.claims_hint.setWordWrap(True)

        self.claims_layout.addWidget(self.claims_hint)

        self.claims_box = QVBoxLayout()
        self.claims_box.setObjectName(u"claims_box")

        self.claims_layout.addLayout(self.claims_box)

        self.types_error = QLabel(self.claims_group)
        self.types_error.setObjectName(u"types_error")
        self.types_error.setWordWrap(True)

        self.claims_layout.addWidget(self.types_error)

        self.claims_bar = QHBoxLayout()
        self.claims_bar.setObjectName(u"claims_bar")
        self.add_claim_button = QPushButton(self.claims_group)
        self.add_claim_button.setObjectName(u"add_claim_button")

        self.claims_bar.addWidget(self.add_claim_button)

        self.claims_bar_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.claims_bar.addItem(self.claims_bar_spacer)

        self.total_label = QLabel(self.claims_group)
        self.total_label.setObjectName(u"total_label")

        self.claims_bar.addWidget(self.total_label)


        self.claims_layout.addLayout(self.claims_bar)


        self.body_layout.addWidget(self.claims_group)

        self.facts_group = QGroupBox(self.body)
        self.facts_group.setObjectName(u"facts_group")
        self.facts_layout = QVBoxLayout(self.facts_group)
        self.facts_layout.setObjectName(u"facts_layout")
        self.facts = QPlainTextEdit(self.facts_group)
        self.facts.setObjectName(u"facts")
        self.facts.setMinimumSize(QSize(0, 90))

        self.facts_layout.addWidget(self.facts)

        self.respondent_position = QPlainTextEdit(self.facts_group)
        self.respondent_position.setObjectName(u"respondent_position")
        self.respondent_position.setMaximumSize(QSize(16777215, 70))

        self.facts_layout.addWidget(self.respondent_position)

        self.ended_row = QHBoxLayout()
        self.ended_row.setObjectName(u"ended_row")
        self.employment_ended = QCheckBox(self.facts_group)
        self.employment_ended.setObjectName(u"employment_ended")

        self.ended_row.addWidget(self.employment_ended)

        self.employment_ended_on = DateEdit(self.facts_group)
        self.employment_ended_on.setObjectName(u"employment_ended_on")
        self.employment_ended_on.setEnabled(False)

        self.ended_row.addWidget(self.employment_ended_on)

        self.ended_suffix = QLabel(self.facts_group)
        self.ended_suffix.setObjectName(u"ended_suffix")

        self.ended_row.addWidget(self.ended_suffix)

        self.ended_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ended_row.addItem(self.ended_spacer)


        self.facts_layout.addLayout(self.ended_row)

        self.employment_ended_on_error = QLabel(self.facts_group)
        self.employment_ended_on_error.setObjectName(u"employment_ended_on_error")
        self.employment_ended_on_error.setWordWrap(True)

        self.facts_layout.addWidget(self.employment_ended_on_error)


        self.body_layout.addWidget(self.facts_group)

        self.body_end = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.body_layout.addItem(self.body_end)

        self.scroll.setWidget(self.body)

        self.main_layout.addWidget(self.scroll)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.summary = QLabel(RegisterPage)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.bottom.addWidget(self.summary)

        self.clear_button = QPushButton(RegisterPage)
        self.clear_button.setObjectName(u"clear_button")

        self.bottom.addWidget(self.clear_button)

        self.save_button = QPushButton(RegisterPage)
        self.save_button.setObjectName(u"save_button")

        self.bottom.addWidget(self.save_button)

        self.bottom.setStretch(0, 1)

        self.main_layout.addLayout(self.bottom)

#if QT_CONFIG(shortcut)
        self.received_on_label.setBuddy(self.received_on)
        self.channel_label.setBuddy(self.channel)
        self.court_case_no_label.setBuddy(self.court_case_no)
        self.mediator_label.setBuddy(self.mediator)
        self.workers_label.setBuddy(self.workers)
        self.resp_name_label.setBuddy(self.resp_name)
        self.resp_uscc_label.setBuddy(self.resp_uscc)
        self.resp_legal_rep_label.setBuddy(self.resp_legal_rep)
        self.resp_legal_rep_title_label.setBuddy(self.resp_legal_rep_title)
        self.resp_phone_label.setBuddy(self.resp_phone)
        self.resp_address_label.setBuddy(self.resp_address)
        self.resp_agent_label.setBuddy(self.resp_agent)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.received_on, self.channel)
        QWidget.setTabOrder(self.channel, self.court_case_no)
        QWidget.setTabOrder(self.court_case_no, self.mediator)
        QWidget.setTabOrder(self.mediator, self.add_applicant_button)
        QWidget.setTabOrder(self.add_applicant_button, self.workers)
        QWidget.setTabOrder(self.workers, self.resp_name)
        QWidget.setTabOrder(self.resp_name, self.resp_uscc)
        QWidget.setTabOrder(self.resp_uscc, self.resp_legal_rep)
        QWidget.setTabOrder(self.resp_legal_rep, self.resp_legal_rep_title)
        QWidget.setTabOrder(self.resp_legal_rep_title, self.resp_phone)
        QWidget.setTabOrder(self.resp_phone, self.resp_address)
        QWidget.setTabOrder(self.resp_address, self.resp_agent)
        QWidget.setTabOrder(self.resp_agent, self.resp_agent_special)
        QWidget.setTabOrder(self.resp_agent_special, self.add_claim_button)
        QWidget.setTabOrder(self.add_claim_button, self.facts)
        QWidget.setTabOrder(self.facts, self.respondent_position)
        QWidget.setTabOrder(self.respondent_position, self.employment_ended)
        QWidget.setTabOrder(self.employment_ended, self.employment_ended_on)
        QWidget.setTabOrder(self.employment_ended_on, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.save_button)

        self.retranslateUi(RegisterPage)

        self.save_button.setDefault(True)

    # setupUi

    def retranslateUi(self, RegisterPage):
        self.intake_group.setTitle(QCoreApplication.translate("RegisterPage", u"\u6536\u6848", None))
        self.received_on_label.setText(QCoreApplication.translate("RegisterPage", u"\u6536\u6848\u65e5\u671f(&D)\uff1a", None))
        self.channel_label.setText(QCoreApplication.translate("RegisterPage", u"\u6765\u6e90\u6e20\u9053\uff1a", None))
        self.court_case_no_label.setText(QCoreApplication.translate("RegisterPage", u"\u6cd5\u9662\u6848\u53f7\uff1a", None))
        self.court_case_no.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u6cd5\u9662\u59d4\u6d3e/\u59d4\u6258\u65f6\u586b\u5199\uff0c\u5982\uff082026\uff09\u6d250101\u6c11\u8bc9\u524d\u8c03123\u53f7", None))
        self.mediator_label.setText(QCoreApplication.translate("RegisterPage", u"\u8c03\u89e3\u5458\uff1a", None))
        self.applicants_group.setTitle(QCoreApplication.translate("RegisterPage", u"\u7533\u8bf7\u4eba\uff08\u52b3\u52a8\u8005\uff09", None))
        self.add_applicant_button.setText(QCoreApplication.translate("RegisterPage", u"\u6dfb\u52a0\u7533\u8bf7\u4eba(&A)", None))
        self.workers_label.setText(QCoreApplication.translate("RegisterPage", u"\u6d89\u53ca\u52b3\u52a8\u8005\u4eba\u6570\uff1a", None))
        self.respondent_group.setTitle(QCoreApplication.translate("RegisterPage", u"\u88ab\u7533\u8bf7\u4eba\uff08\u7528\u4eba\u5355\u4f4d\uff09", None))
        self.resp_name_label.setText(QCoreApplication.translate("RegisterPage", u"\u5355\u4f4d\u540d\u79f0\uff1a", None))
        self.resp_name.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u5355\u4f4d\u5168\u79f0\uff08\u5fc5\u586b\uff09", None))
        self.resp_uscc_label.setText(QCoreApplication.translate("RegisterPage", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\uff1a", None))
        self.resp_uscc.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"18\u4f4d\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.resp_legal_rep_label.setText(QCoreApplication.translate("RegisterPage", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba\uff1a", None))
        self.resp_legal_rep_title_label.setText(QCoreApplication.translate("RegisterPage", u"\u804c\u52a1\uff1a", None))
        self.resp_legal_rep_title.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u5982\uff1a\u6267\u884c\u8463\u4e8b\u3001\u603b\u7ecf\u7406", None))
        self.resp_phone_label.setText(QCoreApplication.translate("RegisterPage", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.resp_address_label.setText(QCoreApplication.translate("RegisterPage", u"\u5730\u5740\uff1a", None))
        self.resp_agent_label.setText(QCoreApplication.translate("RegisterPage", u"\u59d4\u6258\u4ee3\u7406\u4eba\uff1a", None))
        self.resp_agent.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u59d3\u540d\u53ca\u8eab\u4efd\uff0c\u5982\uff1a\u9a6c\u67d0\uff08\u672c\u516c\u53f8\u4eba\u4e8b\u7ecf\u7406\uff09", None))
        self.resp_agent_special.setText(QCoreApplication.translate("RegisterPage", u"\u59d4\u6258\u4ee3\u7406\u4eba\u6709\u7279\u522b\u6388\u6743\uff08\u53ef\u4ee3\u4e3a\u627f\u8ba4\u3001\u653e\u5f03\u3001\u53d8\u66f4\u8bf7\u6c42\uff0c\u7b7e\u8ba2\u8c03\u89e3\u534f\u8bae\uff09", None))
        self.claims_group.setTitle(QCoreApplication.translate("RegisterPage", u"\u8bf7\u6c42\u4e8b\u9879\u4e0e\u4e89\u8bae\u7c7b\u578b", None))
        self.claims_hint.setText(QCoreApplication.translate("RegisterPage", u"\u6bcf\u9879\u8bf7\u6c42\u9009\u4e00\u79cd\u4e89\u8bae\u7c7b\u578b\uff0c\u6848\u4ef6\u7684\u4e89\u8bae\u7c7b\u578b\u7531\u5404\u9879\u8bf7\u6c42\u5f97\u51fa\uff0c\u4e0d\u5fc5\u53e6\u9009\u3002", None))
        self.add_claim_button.setText(QCoreApplication.translate("RegisterPage", u"\u6dfb\u52a0\u8bf7\u6c42(&Q)", None))
        self.facts_group.setTitle(QCoreApplication.translate("RegisterPage", u"\u4e8b\u5b9e\u4e0e\u7406\u7531", None))
        self.facts.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u7b80\u8981\u5199\u660e\u5165\u804c\u65f6\u95f4\u3001\u5c97\u4f4d\u3001\u4e89\u8bae\u7ecf\u8fc7\u548c\u7533\u8bf7\u4eba\u7684\u4e3b\u5f20", None))
        self.respondent_position.setPlaceholderText(QCoreApplication.translate("RegisterPage", u"\u88ab\u7533\u8bf7\u4eba\u610f\u89c1\uff08\u53ef\u9009\uff09\uff1a\u7528\u4eba\u5355\u4f4d\u5bf9\u7533\u8bf7\u4e8b\u9879\u7684\u7b54\u590d", None))
        self.employment_ended.setText(QCoreApplication.translate("RegisterPage", u"\u52b3\u52a8\u5173\u7cfb\u5df2\u4e8e", None))
        self.ended_suffix.setText(QCoreApplication.translate("RegisterPage", u"\u89e3\u9664\u6216\u7ec8\u6b62", None))
        self.clear_button.setText(QCoreApplication.translate("RegisterPage", u"\u6e05\u7a7a", None))
        self.save_button.setText(QCoreApplication.translate("RegisterPage", u"\u4fdd\u5b58\u767b\u8bb0(&S)", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("RegisterPage", u"Ctrl+S", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi
