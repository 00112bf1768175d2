"""``doc CASE_NO KIND --out FILE.docx``: render one document and enter it in the register."""

from __future__ import annotations

import sys
from pathlib import Path

KIND_HELP = ("application 调解申请书, acceptance 受理通知书, rejection 不予受理通知书, record 调解笔录, "
             "extension 延期调解确认书, agreement 调解协议书, termination 终止调解告知书, service 送达回证")


def register(sub) -> None:
    p = sub.add_parser("doc", help="生成文书（Word .docx）")
    p.add_argument("case_no", metavar="CASE_NO")
    p.add_argument("kind", metavar="KIND", help=KIND_HELP)
    p.add_argument("--out", required=True, help="输出文件（.docx）")
    p.add_argument("--serves", metavar="KIND",
                   help="送达回证所送达的文书（如 agreement）；默认按案件进度取最近一份应送达的文书")
    p.set_defaults(func=run)


def run(ctx) -> int:
    from mediation_desktop.services.document_register import DocumentService

    rec, warning = DocumentService(ctx.backend()).generate(ctx.args.case_no, ctx.args.kind, Path(ctx.args.out),
                                                      serves=ctx.args.serves)
    if warning:  # the user's template was refused; the document came from the built-in one
        sys.stderr.write("注意：" + warning + "\n")
    ctx.say(f"已生成：{ctx.args.out}（第{rec.version}版，SHA-256 {rec.sha256[:16]}…）")
    return 0
