"""The PO header termbase writes, the same for glossaries and memories (formats/po.py)."""

from __future__ import annotations

import polib

from termbase.formats.po import write_po as write_glossary_po
from termbase.formats.tm_po import write_po as write_memory_po
from termbase.model import Concept, Status, Term, TranslationUnit


def header(text: str) -> dict[str, str]:
    return polib.pofile(text).metadata


def test_glossary_and_memory_po_headers_differ_only_in_the_project():
    glossary = header(write_glossary_po([Concept("c1", [
        Term("kerja sama", "id", Status.PREFERRED), Term("cooperation", "en", Status.PREFERRED)])],
        "id", "en"))
    memory = header(write_memory_po([TranslationUnit("Satu", "One")], "id", "en"))
    assert glossary.pop("Project-Id-Version") == "termbase glossary"
    assert memory.pop("Project-Id-Version") == "termbase translation memory"
    assert glossary == memory
    # gettext's Language is the language of the msgstrs: the target, not the source
    assert memory["Language"] == "en" and memory["X-Source-Language"] == "id"
    assert memory["Content-Type"] == "text/plain; charset=UTF-8"
    assert "Plural-Forms" not in memory


def test_the_header_names_the_languages_asked_for():
    memory = header(write_memory_po([TranslationUnit("One", "Satu")], "en", "id"))
    assert (memory["Language"], memory["X-Source-Language"]) == ("id", "en")
