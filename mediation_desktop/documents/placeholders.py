"""Placeholders in a .docx template: repair Word's run-splitting, find the one that breaks a render.

Word splits text into runs wherever formatting, spell-check marks or revision ids change, so a
``{{ case_no }}`` a user typed may be stored as ``{`` ``{ case_`` ``no }}``. docxtpl repairs many such
splits with regular expressions over the XML; :func:`merge_split_placeholders` does it structurally
first (text moves into the placeholder's first run, which keeps its formatting), so user templates do
not depend on the exact shape of Word's XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from docx.oxml.ns import qn
from jinja2 import Environment, TemplateSyntaxError, UndefinedError

# Complete placeholders, and an opening one left without its end (reported as "缺少结束符号").
PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{(?:(?!\}\}).)*$|\{%(?:(?!%\}).)*$", re.DOTALL)
_DOCXTPL_PREFIX = re.compile(r"^(\{[{%])(?:tr|tc|p|r)\s")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _parts(document) -> Iterator:
    """The XML roots whose paragraphs docxtpl renders: body, headers, footers."""
    yield document.element.body
    seen = set()
    for section in document.sections:
        for hf in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                   section.even_page_header, section.even_page_footer):
            if hf.is_linked_to_previous:
                continue
            element = hf._element
            if id(element) not in seen:
                seen.add(id(element))
                yield element


def _paragraphs(document) -> Iterator:
    for root in _parts(document):
        yield from root.iter(qn("w:p"))


def _texts(paragraph) -> list:
    # w:delText (deleted revisions) is not w:t, so tracked deletions never leak into a placeholder.
    return [t for t in paragraph.iter(qn("w:t"))]


def merge_split_placeholders(document) -> int:
    """Put every placeholder's text into a single w:t; returns how many placeholders were repaired."""
    repaired = 0
    for paragraph in _paragraphs(document):
        for proof in list(paragraph.iter(qn("w:proofErr"))):
            proof.getparent().remove(proof)
        while _merge_first_split(paragraph):
            repaired += 1
    return repaired


def _merge_first_split(paragraph) -> bool:
    texts = _texts(paragraph)
    if len(texts) < 2:
        return False
    pieces = [t.text or "" for t in texts]
    joined = "".join(pieces)
    if "{" not in joined:
        return False
    starts, offset = [], 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece)
    for match in PLACEHOLDER.finditer(joined):
        begin, end = match.span()
        first = _index_at(starts, pieces, begin)
        last = _index_at(starts, pieces, end - 1)
        if first == last:
            continue
        head = pieces[first][: begin - starts[first]]
        tail = pieces[last][end - starts[last]:]
        _set_text(texts[first], head + joined[begin:end])
        for i in range(first + 1, last):
            _set_text(texts[i], "")
        _set_text(texts[last], tail)
        return True
    return False


def _index_at(starts: list[int], pieces: list[str], position: int) -> int:
    """The w:t holding character ``position`` of the joined text."""
    for i, (start, piece) in enumerate(zip(starts, pieces, strict=False)):
        if start <= position < start + len(piece):
            return i
    return len(pieces) - 1


def _set_text(t, text: str) -> None:
    t.text = text
    t.set(_XML_SPACE, "preserve")


def scan_placeholders(document) -> list[str]:
    """Every placeholder as the user sees it, in document order (runs joined, quotes normalised)."""
    found: list[str] = []
    for paragraph in _paragraphs(document):
        text = "".join(t.text or "" for t in _texts(paragraph))
        found.extend(m.group(0) for m in PLACEHOLDER.finditer(text))
    return found


# -- diagnosis ---------------------------------------------------------------------------------
_BLOCK_CHECKS = {
    "for": "{%% for %s %%}{%% endfor %%}",
    "if": "{%% if %s %%}{%% endif %%}",
    "elif": "{%% if true %%}{%% elif %s %%}{%% endif %%}",
    "set": "{%% set %s %%}",
    "with": "{%% with %s %%}{%% endwith %%}",
}
_BARE_TAGS = {"else", "endfor", "endif", "endwith", "hm", "vm", "cellbg", "colspan"}
_CLOSERS = {"endfor": "for", "endif": "if", "endwith": "with"}


def _plain(placeholder: str) -> str:
    return _DOCXTPL_PREFIX.sub(r"\1 ", placeholder.translate(_QUOTES))


def syntax_problem(placeholder: str, env: Environment) -> str | None:
    """Why this single placeholder cannot be parsed, or None when it is fine on its own."""
    text = _plain(placeholder)
    if not (text.endswith("}}") or text.endswith("%}") or text.endswith("#}")):
        return "缺少结束符号"
    if text.startswith("{#"):
        return None
    if text.startswith("{{"):
        source = text
    else:
        inner = text[2:-2].strip().lstrip("-").rstrip("-").strip()
        word, _, rest = inner.partition(" ")
        if word in _BARE_TAGS:
            return None if not rest.strip() or word in ("hm", "vm", "cellbg", "colspan") else "多余的内容"
        if word not in _BLOCK_CHECKS:
            return f"无法识别的指令“{word}”"
        source = _BLOCK_CHECKS[word] % rest
    try:
        env.parse(source)
    except TemplateSyntaxError as exc:
        return f"语法错误（{exc.message}）"
    return None


def unbalanced_block(placeholders: Iterable[str]) -> tuple[str, str] | None:
    """The first for/if without its end (or an end without its start), with the reason."""
    stack: list[tuple[str, str]] = []
    for placeholder in placeholders:
        text = _plain(placeholder)
        if not text.startswith("{%"):
            continue
        word = text[2:-2].strip().strip("-").strip().partition(" ")[0]
        if word in ("for", "if", "with"):
            stack.append((word, placeholder))
        elif word in _CLOSERS:
            if not stack or stack[-1][0] != _CLOSERS[word]:
                return placeholder, f"没有与之对应的“{_CLOSERS[word]}”"
            stack.pop()
    if stack:
        word, placeholder = stack[-1]
        return placeholder, f"缺少对应的“end{word}”"
    return None


_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def undefined_name(exc: UndefinedError) -> str | None:
    match = _UNDEFINED_NAME.search(str(exc.message or exc))
    if not match:
        return None
    return match.group(1) or match.group(2)


def placeholder_using(name: str, placeholders: Iterable[str]) -> str | None:
    pattern = re.compile(rf"(?<![\w.]){re.escape(name)}\b|\.{re.escape(name)}\b|\[['\"]{re.escape(name)}['\"]\]")
    for placeholder in placeholders:
        if pattern.search(_plain(placeholder)):
            return placeholder
    return None
