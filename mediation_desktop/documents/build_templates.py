"""(Re)build the eight built-in templates in resources/templates/.

    python -m mediation_desktop.documents.build_templates [OUT_DIR]

The wording follows 《劳动争议调解仲裁法》 and 《企业劳动争议协商调解规定》; the placeholders are documented in
docs/documents/README.md. Users may copy a template, edit it in Word or WPS and drop it into their data
folder's templates/ directory to override the built-in one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mediation_desktop.documents.kinds import KINDS
from mediation_desktop.documents.template_builder import TemplateBuilder

SIGN_LINE = "__________"
APPLICANT_TABLE = [1.2, 2.0, 1.2, 4.0, 2.8, 2.9, 1.5]
SIGNATURE_TABLE = [1.4, 3.2, 6.0, 5.0]


def _applicants(b: TemplateBuilder) -> None:
    """Applicants as sentences, or as a table in a collective case; then the respondent."""
    b.tag("{%p if applicants_as_table %}")
    b.labelled("申请人：", "{{ applicant_names_short }}{{ representatives_note }}，名单如下：")
    t = b.table(APPLICANT_TABLE)
    b.row(t, APPLICANT_TABLE, ["序号", "姓名", "性别", "公民身份号码", "联系电话", "住址", "代表人"],
          style="TableSmall", header=True)
    b.loop_rows(t, APPLICANT_TABLE, "a in applicants",
                ["{{ a.no }}", "{{ a.name }}", "{{ a.gender }}", "{{ a.id_number }}", "{{ a.phone }}",
                 "{{ a.address }}", "{{ a.rep_mark }}"], style="TableSmall")
    b.tag("{%p else %}")
    b.tag("{%p for a in applicants %}")
    b.labelled("申请人：", "{{ a.line }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.labelled("被申请人：", "{{ respondent.line }}")


def _claims(b: TemplateBuilder) -> None:
    b.tag("{%p for c in claims %}")
    b.p("{{ c.no }}．{{ c.text }}")
    b.tag("{%p endfor %}")
    b.tag("{%p if amount_claimed %}")
    b.p("以上请求金额合计{{ amount_claimed }}。")
    b.tag("{%p endif %}")


def _facts(b: TemplateBuilder, loop: str = "para in facts_paragraphs") -> None:
    b.tag(f"{{%p for {loop} %}}")
    b.p("{{ para }}")
    b.tag("{%p endfor %}")


def _applicant_signatures(b: TemplateBuilder, label: str = "申请人") -> None:
    """Every applicant signs: a signature table for a collective case, one line each otherwise."""
    b.tag("{%p if applicants_as_table %}")
    b.signature(f"{label}签名（捺印）：")
    t = b.table(SIGNATURE_TABLE)
    b.row(t, SIGNATURE_TABLE, ["序号", "姓名", "签名（捺印）", "日期"], header=True)
    b.loop_rows(t, SIGNATURE_TABLE, "a in applicants",
                ["{{ a.no }}", "{{ a.name }}", "", ""], height_cm=1.1)
    b.keep(b.blank_line())
    b.tag("{%p else %}")
    b.tag("{%p for a in applicants %}")
    b.signature(f"{label}：{{{{ a.name }}}}　　签名（捺印）：{SIGN_LINE}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")


def application() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("{{ title }}")
    b.tag("{%p if oral %}")
    b.labelled("申请时间：", "{{ received_on }}")
    b.tag("{%p endif %}")
    _applicants(b)
    b.heading("调解请求")
    _claims(b)
    b.heading("事实与理由")
    _facts(b)
    b.tag("{%p if oral %}")
    b.keep(b.p("以上记录已向申请人宣读（或交申请人阅看），申请人确认无误。"))
    b.signature(f"申请人（签名或捺印）：{SIGN_LINE}", right=True)
    b.signature(f"记录人：{SIGN_LINE}", right=True)
    b.signature("{{ received_on }}", right=True)
    b.tag("{%p else %}")
    b.keep(b.p("此致"))
    b.keep(b.p("{{ org.name }}", "BodyNoIndent"))
    b.keep(b.blank_line())
    b.signature(f"申请人（签名或捺印）：{SIGN_LINE}", right=True)
    b.signature("{{ received_on }}", right=True)
    b.tag("{%p endif %}")
    return b


def acceptance() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("受理通知书")
    b.p("{{ applicant_names_short }}：", "BodyNoIndent")
    b.p("你（们）与{{ respondent.name }}因{{ dispute_subject }}发生的劳动争议，{{ org.self }}于{{ received_on }}"
        "收到调解申请。经审查，该申请符合受理条件，{{ org.self }}决定于{{ accepted_on }}予以受理。现将有关事项通知如下：")
    b.p("一、本案由调解员{{ mediator }}主持调解。当事人认为调解员与本案有利害关系或者有其他关系可能影响公正调解的，"
        "可以在调解开始前申请其回避。")
    b.p("二、调解应当自受理之日起十五日内结束{{ deadline_hints.mediation_due }}；经双方当事人同意，可以延长调解期限，"
        "延长期限最长不超过十五日。自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。")
    b.p("三、当事人在调解中享有自愿调解、陈述意见、申请回避、自主决定是否达成调解协议等权利，负有如实陈述事实、"
        "遵守调解秩序、尊重对方当事人、自觉履行调解协议等义务。")
    b.p("四、请于调解时携带身份证明、劳动合同、工资支付凭证、考勤记录等与争议有关的证据材料。")
    b.p("五、{{ org.self }}将同时通知被申请人{{ respondent.name }}参加调解。{{ org.self }}地址：{{ org.address }}，"
        "联系电话：{{ org.phone }}。")
    b.keep(b.p("特此通知。"))
    b.seal_and_date("{{ accepted_on }}")
    return b


def rejection() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("不予受理通知书")
    b.p("{{ applicant_names_short }}：", "BodyNoIndent")
    b.p("你（们）于{{ received_on }}向{{ org.self }}提出的与{{ respondent.name }}因{{ dispute_subject }}发生劳动争议的"
        "调解申请，经审查，{{ rejection_reason }}。根据有关规定，{{ org.self }}决定不予受理。")
    b.p("你（们）可以自知道或者应当知道其权利被侵害之日起一年内，依法向{{ arbitration.name }}申请仲裁"
        "（地址：{{ arbitration.address }}），也可以通过其他合法途径解决。")
    b.keep(b.p("特此通知。"))
    b.seal_and_date("{{ concluded_on }}")
    return b


def record() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("调解笔录")
    w = [2.6, 5.2, 2.6, 5.2]
    t = b.table(w)
    b.row(t, w, ["时间", "{{ session.held_on }}", "调解方式", "{{ session.mode }}"], height_cm=0.9)
    b.merged_row(t, w, "地点", "{{ session.place }}", height_cm=0.9)
    b.row(t, w, ["调解员", "{{ mediator }}", "记录人", "{{ session.recorder }}"], height_cm=0.9)
    b.merged_row(t, w, "参加人员", "{{ session.attendees }}", height_cm=0.9)
    b.merged_row(t, w, "案由", "申请人{{ applicant_names_short }}与被申请人{{ respondent.name }}"
                 "{{ dispute_subject }}争议（第{{ session.number_cn }}次调解）", height_cm=0.9)
    b.blank_line()
    b.heading("告知事项")
    b.p("调解员：今天，{{ org.self }}依法对申请人{{ applicant_names_short }}与被申请人{{ respondent.name }}之间的劳动争议"
        "进行调解。调解遵循自愿、合法、公正的原则。当事人有权申请调解员回避，有权自主决定是否达成调解协议，"
        "应当如实陈述事实、遵守调解秩序。双方是否申请调解员回避？")
    b.heading("调解经过")
    _facts(b, "para in session.notes_paragraphs")
    b.keep(b.p("以上笔录已经当事人阅看（或向当事人宣读），确认无误。"))
    b.keep(b.blank_line())
    _applicant_signatures(b)
    b.signature(f"被申请人（签名或盖章）：{SIGN_LINE}")
    b.signature(f"调解员（签名）：{SIGN_LINE}　　记录人（签名）：{SIGN_LINE}")
    return b


def extension() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("延期调解确认书")
    # Names only: the full particulars are already on the application and the agreement.
    b.labelled("申请人：", "{{ applicant_names_short }}{{ representatives_note }}")
    b.labelled("被申请人：", "{{ respondent.name }}")
    b.p("申请人与被申请人因{{ dispute_subject }}发生的劳动争议，{{ org.self }}于{{ received_on }}收到调解申请，"
        "于{{ accepted_on }}受理。依照规定，调解应当自受理之日起十五日内结束。")
    b.p("因本案尚需进一步调解，经双方当事人协商一致，同意将调解期限延长至{{ extended_until }}。"
        "延长的期限最长不超过十五日。")
    b.keep(b.p("延长期间，双方当事人应当配合调解工作；延长的期限届满仍未达成调解协议的，视为调解不成，"
               "当事人可以依法申请仲裁。"))
    _both_parties_sign(b, "{{ today }}")
    return b


def _both_parties_sign(b: TemplateBuilder, date_expr: str) -> None:
    """The close of a document both sides sign: applicants, the employer with its seal, the mediator,
    then the organisation's seal and the date."""
    b.keep(b.blank_line())
    _applicant_signatures(b)
    b.signature("被申请人（盖章）：{{ respondent.name }}")
    b.signature(f"法定代表人或委托代理人（签名）：{SIGN_LINE}")
    b.signature(f"调解员（签名）：{SIGN_LINE}")
    b.seal_and_date(date_expr)


def agreement() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("调解协议书")
    _applicants(b)
    b.labelled("调解员：", "{{ mediator }}")
    b.p("申请人{{ applicant_names_short }}与被申请人{{ respondent.name }}因{{ dispute_subject }}发生劳动争议，申请人于"
        "{{ received_on }}向{{ org.self }}申请调解，{{ org.self }}于{{ accepted_on }}受理。")
    b.heading("调解请求")
    _claims(b)
    b.heading("基本事实")
    _facts(b)
    b.heading("协议内容")
    b.p("经{{ org.self }}主持调解，双方当事人在自愿、平等的基础上，达成如下协议：")
    b.tag("{%p for i in agreement.terms %}")
    b.p("{{ i.no_cn }}、{{ i.text }}")
    b.tag("{%p endfor %}")
    b.tag("{%p if agreement.several_payments %}")
    b.p("以上款项合计{{ agreement.total }}。")
    b.tag("{%p endif %}")
    b.tag("{%p if agreement.full_and_final %}")
    b.p("{{ agreement.clause_no.final }}、本协议约定的义务履行完毕后，双方当事人就本劳动争议再无其他争议，"
        "申请人不再就本协议所涉事项另行主张权利。")
    b.tag("{%p endif %}")
    b.tag("{%p if agreement.payment_order %}")
    b.p("{{ agreement.clause_no.route }}、被申请人未按本协议约定的期限履行给付义务的，申请人可以依照《中华人民共和国劳动争议"
        "调解仲裁法》第十六条的规定，持本协议书依法向人民法院申请支付令；一方当事人在协议约定期限内不履行本协议的，"
        "另一方当事人也可以依法申请仲裁。")
    b.tag("{%p else %}")
    b.p("{{ agreement.clause_no.route }}、一方当事人在协议约定期限内不履行本协议的，另一方当事人可以依照《中华人民共和国"
        "劳动争议调解仲裁法》第十五条的规定，依法向劳动人事争议仲裁委员会申请仲裁。")
    b.tag("{%p endif %}")
    b.p("{{ agreement.clause_no.effect }}、本协议经双方当事人签名或者盖章，经调解员签名并加盖{{ org.name }}印章后生效，"
        "对双方当事人具有约束力，当事人应当履行。")
    b.p("{{ agreement.clause_no.review }}、双方当事人可以自本协议生效之日起十五日内，共同向有管辖权的劳动人事争议仲裁委员会"
        "提出仲裁审查申请；也可以自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认。"
        "{{ agreement.review_hint }}")
    b.keep(b.p("{{ agreement.clause_no.copies }}、本协议一式三份，双方当事人各执一份，{{ org.self }}留存一份，"
               "具有同等法律效力。"))
    _both_parties_sign(b, "{{ agreement.signed_on }}")
    return b


def termination() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("终止调解告知书")
    b.p("{{ applicant_names_short }}、{{ respondent.name }}：", "BodyNoIndent")
    b.p("申请人{{ applicant_names_short }}与被申请人{{ respondent.name }}因{{ dispute_subject }}发生的劳动争议，"
        "{{ org.self }}于{{ received_on }}收到调解申请，于{{ accepted_on }}受理。因{{ termination_reason }}，"
        "{{ org.self }}决定终止调解。")
    b.p("根据《中华人民共和国劳动争议调解仲裁法》第十四条、第二十七条的规定，当事人可以依法向{{ arbitration.name }}"
        "申请仲裁（地址：{{ arbitration.address }}）。")
    b.p("劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算。劳动关系存续期间因拖欠劳动报酬"
        "发生争议的，劳动者申请仲裁不受一年仲裁时效期间的限制；但是，劳动关系终止的，应当自劳动关系终止之日起一年内提出。"
        "请及时行使权利。")
    b.keep(b.p("特此告知。"))
    b.seal_and_date("{{ concluded_on }}")
    return b


def service() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("送达回证")
    w = [2.6, 3.8, 2.2, 3.4, 3.6]
    t = b.table(w)
    b.merged_row(t, w, "案号", "{{ case_no }}", height_cm=1.0)
    b.merged_row(t, w, "送达文书", "《{{ served_document }}》一份", height_cm=1.0)
    b.merged_row(t, w, "送达单位", "{{ org.name }}", height_cm=1.0)
    b.row(t, w, ["受送达人", "送达地址", "送达方式", "签名或盖章", "签收日期"], header=True, height_cm=1.0)
    b.loop_rows(t, w, "r in service_recipients",
                ["{{ r.role }}\n{{ r.name }}", "{{ r.address }}", "", "", ""], height_cm=1.4)
    b.merged_row(t, w, "代收人及代收理由", "", height_cm=1.4)
    b.merged_row(t, w, "送达人（签名）", "", height_cm=1.2)
    b.merged_row(t, w, "备注", "送达方式填写直接送达、邮寄送达、电子送达或留置送达。受送达人拒绝签收的，送达人应当在本栏注明"
                 "拒收事由和日期，并由见证人签名。", height_cm=2.4)
    b.seal_and_date("{{ today }}", who="送达单位：{{ org.name }}（印章）")
    return b


BUILDERS = {
    "application": application,
    "acceptance": acceptance,
    "rejection": rejection,
    "record": record,
    "extension": extension,
    "agreement": agreement,
    "termination": termination,
    "service": service,
}


def build_all(out_dir: Path) -> list[Path]:
    paths = []
    for kind, build in BUILDERS.items():
        path = out_dir / f"{kind}.docx"
        build().save(path, title=KINDS[kind])
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    from mediation_desktop.documents.rendering import builtin_template_dir

    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else builtin_template_dir()
    for path in build_all(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
