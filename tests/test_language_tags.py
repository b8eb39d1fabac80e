"""Language tags: one reading (termbase.lang.tags) for every format and the store."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from termbase.formats.tbx import parse_tbx
from termbase.formats.tm_io import iter_units
from termbase.formats.tm_po import parse_po
from termbase.formats.tm_tsv import parse_tsv
from termbase.formats.tmx import iter_tmx
from termbase.glossary.validate import validate
from termbase.lang.tags import base_language, language_matches, normal_tag
from termbase.model import Concept, Status, Term


@pytest.mark.parametrize("written, normal", [
    ("id_ID", "id-ID"), ("ID", "id"), ("in", "id"), ("ind", "id"), ("id-ID", "id-ID"),
    ("in-ID", "id-ID"), ("id-id", "id-ID"), (" en-us ", "en-US"), ("eng", "en"),
    ("iw", "he"), ("zh_Hant_TW", "zh-Hant-TW"),
])
def test_normal_tag_reads_every_spelling_of_a_language(written, normal):
    assert normal_tag(written) == normal


@pytest.mark.parametrize("written, base", [
    ("id-ID", "id"), ("ID_id", "id"), ("in", "id"), ("IN-id", "id"), ("ind", "id"),
    ("en-US", "en"), ("en_GB", "en"),
])
def test_base_language(written, base):
    assert base_language(written) == base


@pytest.mark.parametrize("written, normal, base", [
    ("", "", ""), ("   ", "", ""), ("*all*", "*all*", "*all*"), ("x", "x", "x"),
    ("a_b-c!", "a-b-c!", "a"),
])
def test_an_unreadable_tag_is_kept_as_written_not_an_error(written, normal, base):
    assert normal_tag(written) == normal
    assert base_language(written) == base


def test_language_matches():
    assert language_matches("id-ID", "id") and language_matches("in", "id")
    assert language_matches("id_ID", "in-ID") and language_matches("IND", "id")
    assert not language_matches("en", "id") and not language_matches("en-US", "id-ID")
    # an empty tag is no language: it matches nothing, not even another empty tag
    assert not language_matches("", "id") and not language_matches("id", "")
    assert not language_matches("", "")
    assert not language_matches("*all*", "id")


def test_tmx_reads_the_legacy_code_in_as_indonesian():
    data = ('<tmx version="1.4"><header srclang="in" datatype="plaintext" segtype="sentence"'
            ' adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
            '<tu><tuv xml:lang="in"><seg>satu</seg></tuv>'
            '<tuv xml:lang="en"><seg>one</seg></tuv></tu>'
            '<tu><tuv xml:lang="fr"><seg>un</seg></tuv>'
            '<tuv xml:lang="en"><seg>one</seg></tuv></tu></body></tmx>')
    units = list(iter_tmx(io.BytesIO(data.encode()), "t.tmx"))
    assert [(u.source, u.source_lang, u.target_lang) for u in units] == [
        ("satu", "id", "en")]  # the French unit is not Indonesian


def test_xliff_source_language_in_id_is_indonesian(tmp_path):
    path = tmp_path / "job.xlf"
    path.write_text('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                    '<file original="a.txt" source-language="in-ID" target-language="en_US" '
                    'datatype="plaintext"><body><trans-unit id="1" approved="yes">'
                    "<source>satu</source><target>one</target></trans-unit></body></file>"
                    "</xliff>", encoding="utf-8")
    assert [(u.source, u.source_lang, u.target_lang) for u in iter_units(path)] == [
        ("satu", "id-ID", "en-US")]
    # asked for another pair, the file's units keep the file's languages (tm import
    # refuses them: tests/test_tm_languages.py)
    assert [(u.source_lang, u.target_lang) for u in iter_units(
        path, source_lang="fr", target_lang="en")] == [("id-ID", "en-US")]


@pytest.mark.parametrize("target, source, languages", [
    ("en_GB", "in_ID", ("id-ID", "en-GB")),  # "_" and the legacy code read
    ("id_ID", "en", ("en", "id-ID")),  # Indonesian as the target
])
def test_po_language_headers_are_read_in_bcp47_form(target, source, languages):
    data = (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            + f'"Language: {target}\\n"\n"X-Source-Language: {source}\\n"\n\n'.encode()
            + b'msgid "satu"\nmsgstr "one"\n')
    (unit,) = parse_po(data, "t.po")
    assert (unit.source_lang, unit.target_lang) == languages


def test_tsv_header_tags_are_read_in_bcp47_form():
    data = b"in_ID\ten_us\nsatu\tone\n"
    (unit,) = parse_tsv(io.BytesIO(data), "t.tsv")
    assert (unit.source_lang, unit.target_lang) == ("id-ID", "en-US")


def test_tbx_language_sections_match_by_language():
    data = b"""<martif type="TBX"><text><body><termEntry id="a">
    <langSet xml:lang="id-ID"><tig><term>batu bara</term></tig></langSet>
    <langSet xml:lang="in"><tig><term>arang batu</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>coal</term></tig></langSet>
    </termEntry></body></text></martif>"""
    (concept,) = parse_tbx(data, "t.tbx")
    assert [t.text for t in concept.terms_in("id")] == ["batu bara", "arang batu"]
    assert [t.text for t in concept.terms_in("en")] == ["coal"]
    assert concept.terms_in("fr") == []


def test_validate_sees_a_duplicate_under_two_spellings_of_indonesian():
    concept = Concept("c1", terms=[
        Term("kerja sama", "id-ID", Status.PREFERRED), Term("kerja sama", "in", Status.ADMITTED),
        Term("cooperation", "en", Status.PREFERRED)])
    kinds = [p.kind for p in validate([concept])]
    assert kinds.count("duplicate-term") == 1


def test_a_plain_text_check_does_not_import_langcodes(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Pemerintah menetapkan kebijakan baru di Jakarta.\n", encoding="utf-8")
    code = ("import sys\nfrom termbase.cli import main\n"
            "sys.argv = ['termbase', 'check', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('langcodes' in sys.modules, 'wordfreq' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True,
                         text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "False False"
