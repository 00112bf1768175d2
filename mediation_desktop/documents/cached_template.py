"""docxtpl in Jinja's sandbox, with its two pure, costly steps cached: XML patching and Jinja compilation.

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
from jinja2 import StrictUndefined
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from mediation_desktop.documents.template_safety import (
    ALLOWED_FILTERS,
    ALLOWED_TESTS,
    LOOP_ATTRIBUTES,
    check_source,
)

_CACHE_SIZE = 64


class CachingEnvironment(ImmutableSandboxedEnvironment):
    """A sandboxed Jinja environment whose ``from_string`` checks a source against the template
    allow-list (documents/template_safety.py) before compiling it, and reuses the compiled template
    for identical source. Only the allowed filters and tests exist in it, and no globals
    (``range``, ``lipsum``, ``cycler``…), so a check that missed something still finds nothing to call.
    """

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.globals.clear()
        self.filters = {name: f for name, f in self.filters.items() if name in ALLOWED_FILTERS}
        self.tests = {name: t for name, t in self.tests.items() if name in ALLOWED_TESTS}
        self._compiled: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    # Attribute and item access reach only data: a context value's keys, list and string positions,
    # and the loop counters. Never a method or a Python attribute, whatever the check let through.
    def getattr(self, obj, attribute):
        if isinstance(obj, dict):
            return obj[attribute] if attribute in obj else self.undefined(obj=obj, name=attribute)
        if isinstance(obj, LoopContext) and attribute in LOOP_ATTRIBUTES:
            return super().getattr(obj, attribute)
        return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj, argument):
        if isinstance(obj, dict) or (isinstance(obj, (list, tuple, str)) and isinstance(argument, (int, slice))):
            try:
                return obj[argument]
            except (LookupError, TypeError):
                pass
        return self.undefined(obj=obj, name=argument if isinstance(argument, str) else None)

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            raise TypeError("templates are compiled from their XML text only")
        with self._lock:
            template = self._compiled.get(source)
            if template is not None:
                self._compiled.move_to_end(source)
                return template
        ast = self.parse(source)
        check_source(ast, source)  # raises UnsafeTemplate (E_TEMPLATE_UNSAFE); nothing is compiled
        template = super().from_string(ast)
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


# Every template, built-in or not, is checked and rendered in the sandbox (a user's or a district's
# template is untrusted; the built-in ones pass the same check, which a test keeps true).
# StrictUndefined: a misspelt placeholder in a user's template is an error, never a silent blank.
# autoescape: values such as "A&B公司" or "<备注>" must not break the XML.
ENVIRONMENT = CachingEnvironment(undefined=StrictUndefined, autoescape=True)
