"""Which characters the record's embedded font can draw, and every fixed text the record can print.

A character the font lacks prints as nothing (reportlab maps it to the empty glyph): "✗ 不合格" once
printed as " 不合格". The fixed texts are gathered from the code itself (every string constant of the
PDF modules, compiled or not) and from the form definitions, so a new label cannot slip past the
test or `selfcheck`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from functools import cache
from types import CodeType

from forms import FormDefinition
from inspector_app.vocabulary import VERDICT_MARKS

# The marks the record prints, from the one vocabulary (✗ U+2717 is not in WenQuanYi Micro Hei).
PASS_MARK, FAIL_MARK, UNDECIDED_MARK = (VERDICT_MARKS[v] for v in ("pass", "fail", "inconclusive"))


@cache
def font_codepoints() -> frozenset[int]:
    """The code points the embedded font maps to a glyph (raises styles.FontMissing without it)."""
    from reportlab.pdfbase import pdfmetrics

    from inspector_app.pdf.styles import register_font

    return frozenset(pdfmetrics.getFont(register_font()).face.charToGlyph)


def unprintable(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` the font cannot draw, sorted, each once (white space aside)."""
    known = font_codepoints()
    return sorted({c for text in texts for c in text if not c.isspace() and ord(c) not in known})


def _constants(code: CodeType) -> Iterator[str]:
    for const in code.co_consts:
        if isinstance(const, str):
            yield const
        elif isinstance(const, CodeType):
            yield from _constants(const)
        elif isinstance(const, tuple | frozenset):
            yield from (c for c in const if isinstance(c, str))


def _module_strings(module: object) -> Iterator[str]:
    """Every string constant of a module: in its functions' code and in its module-level data."""
    for value in vars(module).values():
        code = getattr(value, "__code__", None)
        if isinstance(code, CodeType) and getattr(value, "__module__", None) == getattr(
            module, "__name__", None
        ):
            yield from _constants(code)
        elif isinstance(value, type) and value.__module__ == getattr(module, "__name__", None):
            for member in vars(value).values():
                if isinstance(getattr(member, "__code__", None), CodeType):
                    yield from _constants(member.__code__)
        else:
            yield from _strings_in(value)


def _strings_in(value: object, depth: int = 0) -> Iterator[str]:
    if depth > 4:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings_in(k, depth + 1)
            yield from _strings_in(v, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings_in(v, depth + 1)


def code_texts() -> list[str]:
    """Every string constant of the PDF package's modules (what they can print whatever the data),
    without their docstrings."""
    import inspector_app.pdf as package
    from inspector_app import vocabulary

    texts: list[str] = [t for t in _module_strings(vocabulary) if t != vocabulary.__doc__]
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        docs = {getattr(v, "__doc__", None) for v in vars(module).values()} | {module.__doc__}
        texts.extend(t for t in _module_strings(module) if t not in docs)
    return texts


def definition_texts(definition: FormDefinition) -> list[str]:
    """The Chinese texts a definition gives the record: its name, steps, fields with their units,
    items, checklist items and their numbers, choices, measures, results with their units and
    values, the report's tables, next steps, what is missing and why a row was not judged."""
    texts = [definition.zh, definition.regulation]
    texts += [s.zh for s in definition.steps]
    for spec in definition.fields.values():
        texts += [spec.zh, spec.unit or ""]
        texts += [getattr(c, "zh", "") for c in getattr(spec, "choices", ()) or ()]
    texts += [zh for zh, _en in definition.items.values()]
    texts += [c.zh + (c.number_zh or "") for c in definition.checklist]
    texts += [m.zh for m in definition.measures]
    for result in definition.results.values():
        texts += [result.zh, result.unit] + [zh for zh, _en in result.values.values()]
    for table in definition.report:
        texts += [table.zh, table.group_zh] + [e.zh for e in table.entries]
        texts += [c.zh + c.prefix + c.absent_zh + (c.unit or "") for c in table.columns]
    for labels in (definition.next_steps, definition.missing, definition.notes):
        texts += [zh for zh, _en in labels.values()]
    return texts
