"""Standard mediation documents as .docx from editable templates (no Qt, no database).

    render("agreement", case, org, "out.docx", user_template_dir=data_dir / "templates")
"""

from mediation_desktop.documents.context import build_context
from mediation_desktop.documents.kinds import KINDS, TERMINATION_REASONS, termination_reason_text
from mediation_desktop.documents.pdf import convert_to_pdf, find_soffice
from mediation_desktop.documents.rendering import (
    BatchResult,
    RenderedDocument,
    batch_render,
    builtin_template_dir,
    output_file_name,
    render,
    template_path,
)

__all__ = [
    "KINDS",
    "TERMINATION_REASONS",
    "BatchResult",
    "RenderedDocument",
    "batch_render",
    "build_context",
    "builtin_template_dir",
    "convert_to_pdf",
    "find_soffice",
    "output_file_name",
    "render",
    "template_path",
    "termination_reason_text",
]
