"""docxtpl with its two pure, costly steps cached: XML patching and Jinja compilation.

docxtpl re-patches the template XML with ~30 regular expressions and recompiles it with Jinja on every
render, which costs more than opening and saving the .docx. Both depend only on the template's XML
text, so the results are cached by that text: a batch of 100 documents compiles each template once,
and an edited template (different XML) simply gets a new entry.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

_CACHE_SIZE = 64


class CachingEnvironment(Environment):
    """A Jinja environment whose ``from_string`` reuses the compiled template for identical source."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self._compiled: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._lock:
            template = self._compiled.get(source)
            if template is not None:
                self._compiled.move_to_end(source)
                return template
        template = super().from_string(source)
        with self._lock:
            self._compiled[source] = template
            while len(self._compiled) > _CACHE_SIZE:
                self._compiled.popitem(last=False)
        return template


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _patched(src_xml: str) -> str:
    return DocxTemplate.patch_xml(None, src_xml)  # patch_xml never touches self


class CachedDocxTemplate(DocxTemplate):
    def patch_xml(self, src_xml):
        return _patched(src_xml)

    def resolve_listing(self, xml):
        # docxtpl turns \n, \t, \a and \f in values into breaks, tabs and paragraphs with a regex pass
        # over every run; when no value carried one (the usual case) that pass changes nothing.
        if not any(ch in xml for ch in "\n\t\a\f"):
            return xml
        return super().resolve_listing(xml)


# StrictUndefined: a misspelt placeholder in a user's template is an error, never a silent blank.
# autoescape: values such as "A&B公司" or "<备注>" must not break the XML.
ENVIRONMENT = CachingEnvironment(undefined=StrictUndefined, autoescape=True)
