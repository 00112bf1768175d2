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
# Two signers a row: a dozen signatures then fit on the page that ends the body.
SIGNATURE_TABLE = [1.4, 2.4, 4.0, 1.4, 2.4, 4.0]


def _applicants(b: TemplateBuilder) -> None:
    """Applicants as sentences, or as a table in a collective case; their agents; then the respondent,
    its legal representative (with 职务) and its agent."""
    b.tag("{%p if applicants_as_table %}")
    b.labelled("申请人：", "{{ applicant_names_short }}{{ representatives_note }}，名单如下：")
    t = b.table(APPLICANT_TABLE)
    b.row(t, APPLICANT_TABLE, ["序号", "姓名", "性别", "公民身份号码", "联系电话", "住址", "代表人"],
          style="TableSmall", header=True)
    b.loop_rows(t, APPLICANT_TABLE, "a in applicants",
                ["{{ a.no }}", "{{ a.name }}", "{{ a.gender }}", "{{ a.id_number }}", "{{ a.phone }}",
                 "{{ a.address }}", "{{ a.rep_mark }}"], style="TableSmall")
    b.tag("{%p for a in applicant_agents %}")
    b.labelled("{{ a.name }}的委托代理人：", "{{ a.agent_line }}")
    b.tag("{%p endfor %}")
    b.tag("{%p else %}")
    b.tag("{%p for a in applicants %}")
    b.labelled("申请人：", "{{ a.line }}")
    b.tag("{%p if a.agent %}")
    b.labelled("委托代理人：", "{{ a.agent_line }}")
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.labelled("被申请人：", "{{ respondent.line }}")
    b.tag("{%p if respondent.legal_rep_line %}")
    b.labelled("法定代表人（主要负责人）：", "{{ respondent.legal_rep_line }}")
    b.tag("{%p endif %}")
    b.tag("{%p if respondent.agent %}")
    b.labelled("委托代理人：", "{{ respondent.agent_line }}")
    b.tag("{%p endif %}")


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


def _signature_table(b: TemplateBuilder, loop: str) -> None:
    t = b.table(SIGNATURE_TABLE)
    b.row(t, SIGNATURE_TABLE, ["序号", "姓名", "签名（捺印）"] * 2, header=True, keep=True)
    b.loop_rows(t, SIGNATURE_TABLE, loop, ["{{ p.a.no }}", "{{ p.a.name }}", "", "{{ p.b.no }}", "{{ p.b.name }}", ""],
                height_cm=1.1, keep=True)


def _applicant_signatures(b: TemplateBuilder, label: str = "申请人", *, present_only: bool = False) -> None:
    """Every applicant signs: a signature table in a collective case, one line each otherwise.

    ``present_only`` (a session record): those the record names as present sign. Otherwise, in a
    collective case with elected representatives, the representatives sign under the workers'
    written authorisation."""
    b.tag("{%p if applicants_as_table %}")
    if present_only:
        b.signature(f"到场的{label}签名（捺印）：")
        _signature_table(b, "p in session.present_pairs")
    else:
        b.tag("{%p if signed_by_representatives %}")
        b.keep(b.p("申请人代表人依据全体申请人的推举和签署的授权委托书（附后），代表全体申请人签署本文书。"))
        b.signature(f"{label}代表人签名（捺印）：")
        b.tag("{%p else %}")
        b.signature(f"{label}签名（捺印）：")
        b.tag("{%p endif %}")
        _signature_table(b, "p in signatory_pairs")
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


def _contact(b: TemplateBuilder, no: str) -> None:
    b.p(f"{no}、{{{{ org.self }}}}地址：{{{{ org.address }}}}，联系电话：{{{{ org.phone }}}}。")


# 调解仲裁法 第21条: the committee where the contract is performed or where the employer is located
# has jurisdiction. The configured committee is the one for this district, not the only place.
JURISDICTION = ("依照《中华人民共和国劳动争议调解仲裁法》第二十一条，劳动争议由劳动合同履行地或者用人单位所在地的"
                "劳动人事争议仲裁委员会管辖；本辖区的劳动人事争议仲裁委员会为{{ arbitration.name }}，"
                "地址：{{ arbitration.address }}。")


TIGHT = "BodyTight"


def acceptance() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("受理通知书")
    b.p("{{ applicant_names_short }}：", "BodyNoIndent")
    b.p("{{ you }}与{{ respondent.name }}因{{ dispute_subject }}发生的劳动争议，{{ org.self }}于{{ received_on }}"
        "收到调解申请，经审查符合受理条件，决定于{{ accepted_on }}予以受理。有关事项通知如下：", TIGHT)
    b.p("一、本案由调解员{{ mediator }}主持调解。当事人认为调解员与本案有利害关系、可能影响公正调解的，可以申请其回避。", TIGHT)
    # No cap on an extension is stated here: 《企业劳动争议协商调解规定》 第二十六条 sets none (see
    # core/deadlines.py for where one is set).
    b.p("二、调解期限为自受理之日起十五日{{ deadline_until.mediation_due }}；经双方当事人同意，可以延长。"
        "自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。", TIGHT)
    b.p("三、调解中请如实陈述事实，遵守调解秩序；调解时请携带身份证明、劳动合同、工资支付凭证等证据材料。", TIGHT)
    b.p("四、{{ org.self }}将同时通知被申请人参加调解。{{ org.self }}地址：{{ org.address }}，联系电话：{{ org.phone }}。", TIGHT)
    # One page: the notice is a single sheet handed over or posted (tests/unit/test_documents_pages.py).
    b.keep(b.p("特此通知。", TIGHT))
    b.seal_and_date("{{ accepted_on }}", space=False)
    return b


def rejection() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("不予受理通知书")
    b.p("{{ applicant_names_short }}：", "BodyNoIndent")
    b.p("{{ you }}于{{ received_on }}向{{ org.self }}提出的与{{ respondent.name }}因{{ dispute_subject }}发生劳动争议的"
        "调解申请，经审查，{{ rejection_reason }}。根据有关规定，{{ org.self }}决定不予受理。")
    b.p("{{ you }}可以自知道或者应当知道其权利被侵害之日起一年内依法申请仲裁，也可以通过其他合法途径解决。" + JURISDICTION)
    b.p("{{ org.self }}地址：{{ org.address }}，联系电话：{{ org.phone }}。")
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
    _applicant_signatures(b, present_only=True)
    b.signature(f"被申请人（签名或盖章）：{SIGN_LINE}")
    # Two lines: both on one line ran past the right margin at A4 width.
    b.signature(f"调解员（签名）：{SIGN_LINE}")
    b.signature(f"记录人（签名）：{SIGN_LINE}").paragraph_format.keep_with_next = False
    return b


def extension() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("延期调解确认书")
    # Names only: the full particulars are already on the application and the agreement.
    b.labelled("申请人：", "{{ applicant_names_short }}{{ representatives_note }}")
    b.labelled("被申请人：", "{{ respondent.name }}")
    b.p("申请人与被申请人因{{ dispute_subject }}发生的劳动争议，{{ org.self }}于{{ received_on }}收到调解申请，"
        "于{{ accepted_on }}受理。依照规定，调解应当自受理之日起十五日内结束；双方当事人同意的，可以延长。")
    b.p("因本案尚需进一步调解，经双方当事人协商一致，同意将调解期限延长至{{ extended_until }}。")
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
    b.tag("{%p if employment_ended_on %}")
    b.p("双方确认，申请人与被申请人的劳动关系于{{ employment_ended_on }}解除（终止）。")
    b.tag("{%p endif %}")
    b.tag("{%p if respondent_position_paragraphs %}")
    b.heading("被申请人意见")
    _facts(b, "para in respondent_position_paragraphs")
    b.tag("{%p endif %}")
    b.heading("协议内容")
    b.p("经{{ org.self }}主持调解，双方当事人在自愿、平等的基础上，达成如下协议：")
    b.tag("{%p for i in agreement.terms %}")
    b.p("{{ i.no_cn }}、{{ i.text }}")
    b.tag("{%p endfor %}")
    b.tag("{%p if agreement.several_payments %}")
    b.p("以上款项合计{{ agreement.total }}。")
    b.tag("{%p endif %}")
    b.tag("{%p if agreement.per_worker %}")
    b.p("各申请人应得的款项见本协议附表。")
    b.tag("{%p endif %}")
    b.tag("{%p if agreement.tax_text %}")
    b.p("{{ agreement.tax_text }}")
    b.tag("{%p endif %}")
    b.tag("{%p if agreement.other_terms_paragraphs %}")
    b.tag("{%p for para in agreement.other_terms_paragraphs %}")
    b.p("{% if loop.first %}{{ agreement.clause_no.other }}、{% endif %}{{ para }}")
    b.tag("{%p endfor %}")
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
    b.keep(b.p("{{ agreement.clause_no.copies }}、本协议一式{{ agreement.copies_cn }}份，{{ agreement.copy_holders }}，"
               "{{ org.self }}留存一份，具有同等法律效力。"))
    b.keep(b.p("（以下无正文）", "BodyNoIndent"))
    _both_parties_sign(b, "{{ agreement.signed_on }}")
    _per_worker_schedule(b)
    return b


def _per_worker_schedule(b: TemplateBuilder) -> None:
    """附表: each worker's name and amount, so each can apply for a 支付令 on his own share."""
    b.tag("{%p if agreement.per_worker %}")
    b.labelled("附表：", "各申请人应得款项明细（案号：{{ case_no }}）", "BodyNoIndent"
               ).paragraph_format.page_break_before = True
    w = [1.6, 4.0, 6.4, 3.6]
    t = b.table(w)
    b.row(t, w, ["序号", "姓名", "金额", "本人签名"], header=True)
    b.loop_rows(t, w, "p in agreement.per_worker",
                ["{{ p.no }}", "{{ p.name }}", "{{ p.amount.figures }}", ""], height_cm=0.9)
    b.p("合计：{{ agreement.per_worker_total }}", "BodyNoIndent")
    b.tag("{%p endif %}")


def termination() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("终止调解告知书")
    b.p("{{ applicant_names_short }}、{{ respondent.name }}：", "BodyNoIndent")
    b.p("申请人{{ applicant_names_short }}与被申请人{{ respondent.name }}因{{ dispute_subject }}发生的劳动争议，"
        "{{ org.self }}于{{ received_on }}收到调解申请，于{{ accepted_on }}受理。申请人的调解请求为：")
    _claims(b)
    b.p("终止调解的原因：{{ termination_reason }}。{{ org.self }}决定终止调解。当事人可以依法申请仲裁。")
    b.p(JURISDICTION)
    b.p("劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算。依照该法第二十七条第二款，"
        "申请人于{{ received_on }}向{{ org.self }}申请调解，仲裁时效因此中断，从中断时起，仲裁时效期间重新计算。"
        "劳动关系存续期间因拖欠劳动报酬发生争议的，劳动者申请仲裁不受一年仲裁时效期间的限制；但是，劳动关系终止的，"
        "应当自劳动关系终止之日起一年内提出。请及时行使权利。")
    b.keep(b.p("特此告知。"))
    b.seal_and_date("{{ concluded_on }}")
    return b


def service() -> TemplateBuilder:
    b = TemplateBuilder()
    b.header("送达回证")
    w = [3.6, 12.0]
    t = b.table(w)
    b.row(t, w, ["案号", "{{ case_no }}"], style="TableLeft", height_cm=1.0)
    b.row(t, w, ["案由", "{{ dispute_subject }}争议"], style="TableLeft", height_cm=1.0)
    b.row(t, w, ["送达文书", "《{{ served_document }}》一份"], style="TableLeft", height_cm=1.0)
    b.row(t, w, ["送达单位", "{{ org.name }}"], style="TableLeft", height_cm=1.0)
    b.row(t, w, ["签发人", ""], style="TableLeft", height_cm=1.0)
    b.blank_line()
    # The recipients in a table of their own, so its header row repeats on every page it runs onto.
    # The time of receipt is left for the recipient to write: the signed time is the time of service.
    rw = [2.8, 3.4, 2.4, 3.0, 4.0]
    r = b.table(rw)
    b.row(r, rw, ["受送达人", "送达地址", "送达方式", "签名或盖章", "签收时间"], header=True, height_cm=1.0)
    b.loop_rows(r, rw, "r in service_recipients",
                ["{{ r.role }}\n{{ r.name }}", "{{ r.address }}", "", "", "　　年　月　日\n　时　分"],
                height_cm=1.6)
    b.blank_line()
    e = b.table(w)
    b.row(e, w, ["代收人及代收理由", ""], style="TableLeft", height_cm=1.4)
    b.row(e, w, ["拒收事由", ""], style="TableLeft", height_cm=1.4)
    b.row(e, w, ["见证人（签名）", ""], style="TableLeft", height_cm=1.2)
    b.row(e, w, ["送达人（签名）", ""], style="TableLeft", height_cm=1.2)
    b.row(e, w, ["备注", ""], style="TableLeft", height_cm=2.4)
    b.keep(b.p("注：送达方式填写直接送达、邮寄送达、电子送达或留置送达；签收时间由受送达人填写。受送达人拒绝签收的，"
               "送达人在“拒收事由”栏注明情况，并由见证人签名。", "TableLeft"))
    b.seal_and_date("{{ today }}")
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
