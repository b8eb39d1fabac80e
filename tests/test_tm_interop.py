"""The translation memory among other tools: OmegaT fills a project from a `tm export`,
TMX → store → TMX keeps every field, and the export of the starter memory is valid
TMX 1.4b."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.formats.tmx import iter_tmx, write_tmx
from termbase.model import TranslationUnit
from termbase.tm.scoring import collapse
from termbase.tm.store import SQLiteMemory

from .conftest import REPO
from .omegat import project_file, run_omegat
from .test_tm_formats import fields, tmx_schemas

STARTER = REPO / "tm" / "starter.tmx"
_BASIC_DATE = re.compile(r"\d{8}T\d{6}Z")

# --- OmegaT ---------------------------------------------------------------------------

OMEGAT_PROJECT = project_file()

# Pairs added with `tm add`: non-ASCII, XML specials, quotes, numbers.
OWN_PAIRS = [
    ("Menlu bertemu mitranya dari Tiongkok di kafé “Sari” & restoran <Nusa>.",
     "The foreign minister met his Chinese counterpart at the café “Sari” & the <Nusa> "
     "restaurant."),
    ("Harga kopi naik 5% menjadi Rp45.000 per kilogram di Medan.",
     "The price of coffee rose 5% to Rp45,000 per kilogram in Medan."),
    ("Delegasi 中国 tiba di Bandara Soekarno–Hatta pukul 07.30 WIB 😀",
     "The 中国 delegation arrived at Soekarno–Hatta Airport at 7:30 a.m. WIB 😀"),
]

# Units with TMX inline markup, imported from a TMX file.
NATIVE_CODES = TranslationUnit(
    "Harga beras naik tajam.", "The price of rice rose sharply.",
    source_markup='Harga <bpt i="1">&lt;b&gt;</bpt>beras<ept i="1">&lt;/b&gt;</ept> naik '
                  'tajam<ph x="2">&lt;br/&gt;</ph>.',
    target_markup='The price of <bpt i="1">&lt;b&gt;</bpt>rice<ept i="1">&lt;/b&gt;</ept> '
                  'rose sharply<ph x="2">&lt;br/&gt;</ph>.')
HIGHLIGHTED = TranslationUnit(
    "Kedua negara memperkuat kerja sama ekonomi.",
    "The two countries strengthen economic cooperation.",
    source_markup="Kedua negara memperkuat <hi>kerja sama</hi> ekonomi.",
    target_markup="The two countries strengthen economic <hi>cooperation</hi>.")

# One sentence for termbase, two for OmegaT 3.6's default segmentation rules.
SPLIT_PAIR = ("Menurut Dr. Laila Nurhayati, vaksin itu aman bagi anak-anak.",
              "According to Dr. Laila Nurhayati, the vaccine is safe for children.")

NOT_IN_MEMORY = "Kalimat ini tidak ada di memori terjemahan."


def make_project(folder: Path, memory: Path, tm_subfolder: str, paragraphs: list[str]) -> Path:
    for sub in ("source", "target", "glossary", "dictionary", "omegat", f"tm/{tm_subfolder}"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    (folder / "source" / "berita.txt").write_text("\n\n".join(paragraphs) + "\n",
                                                  encoding="utf-8")
    shutil.copyfile(memory, folder / "tm" / tm_subfolder / "memory.tmx")
    return folder


def target_paragraphs(project: Path) -> list[str]:
    return (project / "target" / "berita.txt").read_text(encoding="utf-8") \
        .rstrip("\n").split("\n\n")


def whole_sentences(units: list[TranslationUnit]) -> list[TranslationUnit]:
    """Starter units that OmegaT's default segmentation keeps as one sentence, without
    markup, whose source is not repeated. OmegaT 3.6's default rules have no
    Indonesian exceptions: 'Dr.', 'dr.', 'Ir.', 'Jl.', 'M.H.' end a sentence there."""
    repeated = Counter(u.source for u in units)
    return [u for u in units
            if repeated[u.source] == 1 and u.source_markup is None and u.target_markup is None
            and not re.search(r"[.?!]\s", u.source.rstrip())]


@pytest.mark.skipif(shutil.which("omegat") is None,
                    reason="OmegaT is not installed (apt-get install omegat)")
def test_omegat_fills_exact_matches_from_the_exported_memory_in_tm_auto(tmp_path, invoke):
    """OmegaT 3.6 in console-translate mode inserts the translation of every 100% match
    found in tm/auto (RealProject.appendFromAutoTMX when the project loads) and copies
    the source for every other segment. The same memory in tm/ inserts nothing (the
    control run): the English comes from tm/auto.

    Found along the way (OmegaT's behaviour, not termbase's):
    - OmegaT reads an external TMX at level 1 by default (TMXReader2.parseSegExtLevel1):
      the content of every inline element is skipped, <hi> included. A unit exported
      with <bpt>/<ept>/<ph> matches the plain sentence (termbase also drops native
      codes from the plain text), but one with <hi>kerja sama</hi> becomes "Kedua
      negara memperkuat  ekonomi." in OmegaT and never matches.
    - The default segmentation rules split Indonesian sentences after honorifics and
      abbreviations ('Dr. Amina...', 'Jl. M.H. Thamrin'), so such sentences, one
      unit in termbase, find no exact match in an OmegaT project without custom rules.
    """
    memory = tmp_path / "memory.sqlite"
    starter = invoke("tm", "import", str(STARTER), "--tm", str(memory))
    assert starter.exit_code == 0, starter.output
    for source, target in [*OWN_PAIRS, SPLIT_PAIR]:
        added = invoke("tm", "add", source, target, "--tm", str(memory))
        assert added.exit_code == 0 and "added" in added.output, added.output
    marked = tmp_path / "marked.tmx"
    marked.write_bytes(write_tmx([NATIVE_CODES, HIGHLIGHTED]))
    imported = invoke("tm", "import", str(marked), "--tm", str(memory))
    assert "2 added" in imported.output, imported.output

    export = tmp_path / "export.tmx"
    exported = invoke("tm", "export", "--format", "tmx", "-o", str(export), "--tm", str(memory))
    assert exported.exit_code == 0, exported.output

    starter_units = list(iter_tmx(STARTER))
    whole = whole_sentences(starter_units)
    assert len(whole) >= 10
    expected = [*(target for _, target in OWN_PAIRS), NATIVE_CODES.target,
                *(u.target for u in whole)]
    sources = [*(source for source, _ in OWN_PAIRS), NATIVE_CODES.source,
               *(u.source for u in whole)]
    unfilled = [HIGHLIGHTED.source, SPLIT_PAIR[0], NOT_IN_MEMORY]
    paragraphs = sources + unfilled

    project = make_project(tmp_path / "auto", export, "auto", paragraphs)
    run_omegat(project, tmp_path)
    translated = target_paragraphs(project)
    assert len(translated) == len(paragraphs)
    assert translated[: len(expected)] == expected
    # the source copied: <hi> text dropped by OmegaT, split by segmentation, no match
    assert translated[len(expected):] == unfilled

    control = make_project(tmp_path / "control", export, ".", paragraphs)
    run_omegat(control, tmp_path)
    assert target_paragraphs(control) == paragraphs


# --- TMX → store → TMX ----------------------------------------------------------------

# XML 1.0 characters: no C0 controls but tab/newline/CR, no surrogates, no U+FFFE/FFFF.
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                       exclude_characters="\ufffe\uffff")
_SPACE = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2003", "\u3000",
                          " \n\t "])
_WORDS = st.sampled_from(["Tiongkok", "kerja sama", "Menlu RI’s", "“Sidang” Kabinet",
                          "中华人民共和国", "😀", "A&B <C>", 'kata "kutip"', "]]>", "&amp;",
                          "ASEAN–RRT", "kafé", "kafe\u0301", "Rp1.000"])
_TEXT = st.lists(st.one_of(st.text(_CHARS, min_size=1, max_size=5), _SPACE, _WORDS),
                 max_size=4).map("".join)
_WORD = st.one_of(_WORDS, st.text(_CHARS, min_size=1, max_size=5))


def _escape(text: str) -> str:
    """Text as lxml serialises it inside an element."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


@st.composite
def segments(draw) -> tuple[str, str | None]:
    """(plain text, markup or None): text with optional TMX inline markup."""
    markup, plain, elements = [], [], 0
    for kind in draw(st.lists(st.sampled_from(
            ["text", "text", "bpt", "ph", "hi", "it", "sub", "ut"]), min_size=1, max_size=5)):
        n = len(markup) + 1
        if kind == "text":
            text = draw(_TEXT)
            markup.append(_escape(text))
            plain.append(text)
            continue
        elements += 1
        inner = draw(_WORD)
        if kind == "bpt":
            markup.append(f'<bpt i="{n}">&lt;b&gt;</bpt>{_escape(inner)}'
                          f'<ept i="{n}">&lt;/b&gt;</ept>')
            plain.append(inner)
        elif kind == "ph":
            markup.append(f'<ph x="{n}">{{{n}}}</ph>')
        elif kind == "hi":
            markup.append(f'<hi type="term">{_escape(inner)}</hi>')
            plain.append(inner)
        elif kind == "it":
            markup.append('<it pos="begin">&lt;i&gt;</it>')
        elif kind == "sub":
            markup.append(f'<ph type="fn">{{fn:<sub>{_escape(inner)}</sub>}}</ph>')
            plain.append(inner)
        else:
            markup.append("<ut>&lt;br/&gt;</ut>")
    return "".join(plain), "".join(markup) if elements else None


_ATTRIBUTE = st.one_of(_WORDS, st.lists(st.one_of(st.text(_CHARS, min_size=1, max_size=4), _SPACE),
                                        min_size=1, max_size=3).map("".join))
_DATES = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2099, 12, 31))


@st.composite
def units(draw) -> TranslationUnit:
    source, source_markup = draw(segments().filter(lambda s: s[0].strip()))
    target, target_markup = draw(segments().filter(lambda s: s[0].strip()))
    created = draw(st.none() | _DATES)
    changed = draw(st.none() | _DATES)
    return TranslationUnit(
        source, target, source_markup=source_markup, target_markup=target_markup,
        # the writer normalises extended dates: both forms are drawn
        created_at=created and created.strftime(draw(st.sampled_from(
            ["%Y%m%dT%H%M%SZ", "%Y-%m-%dT%H:%M:%SZ"]))),
        created_by=draw(st.none() | _ATTRIBUTE),
        changed_at=changed and changed.strftime("%Y%m%dT%H%M%SZ"),
        changed_by=draw(st.none() | _ATTRIBUTE),
        tuid=draw(st.none() | _ATTRIBUTE),
        props=draw(st.lists(st.tuples(
            st.sampled_from(["x-document", "x-origin", "x-context", "x-Note:SingleString"])
            | _ATTRIBUTE, _TEXT), max_size=3)),
        notes=draw(st.lists(_TEXT, max_size=2)),
    )


# The store treats units with the same languages, source and target (white space runs
# collapsed, NFC) as one: generated units are distinct by that key.
_MEMORIES = st.lists(units(), min_size=1, max_size=5,
                     unique_by=lambda u: (collapse(u.source), collapse(u.target)))
_PAIRS = st.sampled_from([("id-ID", "en-US"), ("id", "en"), ("id-ID", "en-GB"), ("in", "en")])


def _read(data: bytes, pair: tuple[str, str]) -> list[TranslationUnit]:
    return list(iter_tmx(io.BytesIO(data), "t.tmx", source_lang=pair[0], target_lang=pair[1]))


def _stamped(unit: TranslationUnit, like: TranslationUnit) -> tuple:
    """fields(unit); a creation date the store stamped on import (the file had none) is
    taken as like's."""
    if like.created_at is None and unit.created_at and _BASIC_DATE.fullmatch(unit.created_at):
        return fields(dataclasses.replace(unit, created_at=None))
    return fields(unit)


@settings(max_examples=settings.default.max_examples // 2)  # each example is a database
@given(_MEMORIES, _PAIRS)
def test_tmx_to_store_to_tmx_keeps_every_field(generated, pair):
    # every tuv is written with its unit's tags
    generated = [dataclasses.replace(u, source_lang=pair[0], target_lang=pair[1])
                 for u in generated]
    first = _read(write_tmx(generated, *pair), pair)
    # what was generated is what TMX holds
    assert [(u.source, u.target, u.source_markup, u.target_markup, u.tuid, u.created_by,
             u.changed_by, u.changed_at, u.props, u.notes) for u in first] == [
        (u.source, u.target, u.source_markup, u.target_markup, u.tuid, u.created_by,
         u.changed_by, u.changed_at, u.props, u.notes) for u in generated]
    language = {"in": "id"}.get(pair[0], pair[0])
    assert {(u.source_lang, u.target_lang) for u in first} == {(language, pair[1])}

    with tempfile.TemporaryDirectory() as folder:
        memory = SQLiteMemory(Path(folder) / "memory.sqlite")
        try:
            report = memory.import_units(first)
            stored = [unit for _, unit in memory.units()]
        finally:
            memory.close()
    assert (report.added, report.updated, report.skipped) == (len(first), 0, 0)
    assert [_stamped(s, f) for s, f in zip(stored, first, strict=True)] == [
        fields(f) for f in first]

    second = _read(write_tmx(stored, *pair), pair)
    assert [_stamped(s, f) for s, f in zip(second, first, strict=True)] == [
        fields(f) for f in first]
    assert [s.created_at for s in second] == [s.created_at for s in stored]


# --- tmx14.dtd ------------------------------------------------------------------------


def test_export_of_the_starter_memory_is_valid_against_tmx14_dtd(tmp_path, invoke):
    xmllint = shutil.which("xmllint")
    schemas = tmx_schemas(tmp_path)
    if xmllint is None or "tmx14.dtd" not in schemas:
        pytest.skip("needs xmllint (libxml2-utils) and a tmx14.dtd (e.g. OmegaT's)")
    memory = tmp_path / "memory.sqlite"
    assert invoke("tm", "import", str(STARTER), "--tm", str(memory)).exit_code == 0
    export = tmp_path / "starter-export.tmx"
    result = invoke("tm", "export", "--format", "tmx", "-o", str(export), "--tm", str(memory))
    assert result.exit_code == 0, result.output
    done = subprocess.run([xmllint, "--noout", "--nonet", "--dtdvalid",
                           str(schemas["tmx14.dtd"]), str(export)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(list(iter_tmx(export))) == len(list(iter_tmx(STARTER)))
