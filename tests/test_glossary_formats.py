"""Glossary import/export: TBX v2/v3, CSV, OmegaT TSV and PO, and the tools that read them."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from termbase.errors import InputError, TermbaseWarning
from termbase.formats.csv import COLUMNS, read_csv, write_csv
from termbase.formats.glossary_io import (
    detect_format,
    read_glossary_file,
    write_glossary_file,
)
from termbase.formats.omegat import read_omegat, target_term, write_omegat
from termbase.formats.po import read_po, write_po
from termbase.formats.tbx import TBX3_NAMESPACE, parse_tbx, read_tbx, write_tbx
from termbase.glossary import default_glossary_paths
from termbase.model import Concept, Status, Term

from .omegat import project_file

# --- Helpers --------------------------------------------------------------------------


def modeled(concepts: list[Concept]) -> list[tuple]:
    """Every modeled field; line, source and match_key are positional bookkeeping."""
    return [
        (c.id, c.subject_field, c.note, dict(c.definitions),
         [(t.text, t.language, t.status, t.term_type, t.part_of_speech, t.note,
           dict(t.properties)) for t in c.terms])
        for c in concepts
    ]


def grouped(concepts: list[Concept]) -> list[Concept]:
    """Terms regrouped by language in order of first appearance (as TBX stores them)."""
    result = []
    for c in concepts:
        order = list(dict.fromkeys(t.language for t in c.terms))
        terms = sorted(c.terms, key=lambda t: order.index(t.language))
        result.append(Concept(c.id, terms, c.subject_field, c.note, dict(c.definitions)))
    return result


def csv_view(concepts: list[Concept]) -> list[tuple]:
    """What CSV holds of concepts: no properties, no empty strings, no term-less
    languages or concepts."""
    view = []
    for c in concepts:
        if not c.terms:
            continue
        languages = {t.language for t in c.terms}
        view.append((
            c.id, c.subject_field or None, c.note or None,
            {k: v for k, v in c.definitions.items() if k in languages and v},
            [(t.text, t.language, t.status, t.term_type or None, t.part_of_speech or None,
              t.note or None, {}) for t in c.terms],
        ))
    return view


def shipped() -> list[Concept]:
    """The shipped glossaries (others add files concurrently: never count them)."""
    concepts = [c for path in default_glossary_paths() for c in read_tbx(path)]
    assert concepts
    return concepts


def sample() -> list[Concept]:
    return [
        Concept("dip-001", [
            Term("Tiongkok", "id", Status.PREFERRED, part_of_speech="noun"),
            Term("Cina", "id", Status.DEPRECATED, part_of_speech="noun",
                 note="Dicabut oleh Keppres 12/2014."),
            Term("China", "en", Status.PREFERRED, part_of_speech="noun"),
        ], subject_field="geography", note="Tiongkok is official since 2014.",
            definitions={"id": "Negara di Asia Timur.", "en": "Country in East Asia."}),
        Concept("eco-002", [
            Term("Badan Pusat Statistik", "id", Status.PREFERRED),
            Term("BPS", "id", Status.ADMITTED, term_type="acronym"),
            Term("Statistics Indonesia", "en", Status.PREFERRED),
            Term("Central Bureau of Statistics", "en", Status.SUPERSEDED),
        ], subject_field="economy"),
        Concept("org-003", [
            Term("Departemen Luar Negeri", "id", Status.SUPERSEDED),
            Term("Kementerian Luar Negeri", "id", Status.PREFERRED),
            Term("Ministry of Foreign Affairs", "en", Status.PREFERRED),
        ]),
    ]


# --- Strategies -----------------------------------------------------------------------

# XML 1.0 characters: no C0 controls but tab/newline/CR, no surrogates, no U+FFFE/FFFF.
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                       exclude_characters="\ufffe\uffff")
_ODD = st.sampled_from(list("&<>\"'’‘“”—–…\u00a0\t\n\r中文😀é") + ["]]>", "&amp;", "\r\n"])
_WORDS = st.sampled_from(["Tiongkok", "kerja sama", "Menlu RI’s", "“Sidang” Kabinet",
                          "中华人民共和国", "😀 emoji", "A&B <C>", 'say "hi"', "ASEAN–RRT",
                          "Rp1.000", "#MeToo", "x-ray; y"])
_TEXT = st.lists(st.one_of(st.text(_CHARS, max_size=4), _ODD, _WORDS), max_size=5).map("".join)


# Text that is not empty once stripped, by construction: it starts with something
# other than white space. (A filter would throw away about half of what it drew.)
_SOLID_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                             exclude_characters="\ufffe\uffff")
_SOLID = st.one_of(_WORDS, _SOLID_CHARS, st.sampled_from(["&", "<", "’", "“", "]]>", "&amp;"]))
_SOLID_TEXT = st.builds(lambda head, tail: head + tail, _SOLID, _TEXT)


def _term_text() -> st.SearchStrategy[str]:
    return _SOLID_TEXT.map(lambda s: " ".join(s.split()))


def _stripped(empty_ok: bool = True) -> st.SearchStrategy[str]:
    return (_TEXT if empty_ok else _SOLID_TEXT).map(str.strip)


_LANGUAGES = st.sampled_from(["id", "en", "id-ID", "en-GB", "zh-Hans", "ms"])
_RESERVED = {"administrativeStatus", "normativeAuthorization", "termType", "partOfSpeech"}


@st.composite
def terms(draw, properties: bool = True) -> Term:
    return Term(
        text=draw(_term_text()),
        language=draw(_LANGUAGES),
        status=draw(st.sampled_from(list(Status))),
        term_type=draw(st.none() | st.sampled_from(["acronym", "fullForm"]) | _stripped()),
        part_of_speech=draw(st.none() | st.sampled_from(["noun", "verb"]) | _stripped()),
        note=draw(st.none() | _stripped()),
        properties=draw(st.dictionaries(
            st.one_of(st.sampled_from(["geographicalUsage", "x-supersededSince"]),
                      _stripped(empty_ok=False).filter(lambda k: k not in _RESERVED)),
            _stripped(), max_size=2)) if properties else {},
    )


@st.composite
def concepts(draw, tbx_order: bool = True) -> Concept:
    term_list = draw(st.lists(terms(), max_size=5))
    if tbx_order:  # TBX groups terms by language, in order of first appearance
        term_list = grouped([Concept("x", term_list)])[0].terms
    return Concept(
        id=draw(_stripped(empty_ok=False)),
        terms=term_list,
        subject_field=draw(st.none() | _stripped(empty_ok=False)),
        note=draw(st.none() | _stripped()),
        definitions=draw(st.dictionaries(_LANGUAGES, _stripped(), max_size=2)),
    )


def glossaries(tbx_order: bool = True):
    return st.lists(concepts(tbx_order), max_size=4, unique_by=lambda c: c.id)


_SETTINGS = settings()  # the profile's (tests/conftest.py)

# --- TBX ------------------------------------------------------------------------------


@_SETTINGS
@given(glossaries())
def test_tbx_v2_round_trip(glossary):
    assert modeled(parse_tbx(write_tbx(glossary, 2), "g.tbx")) == modeled(glossary)


@_SETTINGS
@given(glossaries())
def test_tbx_v3_round_trip(glossary):
    assert modeled(parse_tbx(write_tbx(glossary, 3), "g.tbx")) == modeled(glossary)


def test_tbx_round_trip_of_the_shipped_glossaries():
    concepts = grouped(shipped())
    for version in (2, 3):
        assert modeled(parse_tbx(write_tbx(concepts, version), "g.tbx")) == modeled(concepts)


def test_tbx_v2_layout_matches_the_shipped_files():
    data = write_tbx(sample(), 2, title="Tés & <judul>")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"'
                           b' xml:lang="en">\n  <martifHeader>\n')
    root = etree.fromstring(data)
    assert root.findtext("martifHeader/fileDesc/titleStmt/title") == "Tés & <judul>"
    entry = root.find("text/body/termEntry")
    assert entry.get("id") == "dip-001"
    assert [e.tag for e in entry] == ["descrip", "note", "langSet", "langSet"]
    id_set = entry[2]
    assert id_set.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    assert [e.tag for e in id_set] == ["descrip", "tig", "tig"]
    assert [(e.tag, e.get("type")) for e in id_set[2]] == [
        ("term", None), ("termNote", "administrativeStatus"), ("termNote", "partOfSpeech"),
        ("note", None)]
    assert id_set[2][1].text == "deprecatedTerm-admn-sts"
    # Same element order and indentation as glossaries/*.tbx: an entry reads back alike.
    text = data.decode("utf-8")
    assert ('        <langSet xml:lang="id">\n'
            '          <descrip type="definition">Negara di Asia Timur.</descrip>\n'
            '          <tig>\n'
            '            <term>Tiongkok</term>\n'
            '            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n'
            '            <termNote type="partOfSpeech">noun</termNote>\n'
            '          </tig>\n') in text


def test_tbx_v3_structure():
    data = write_tbx(sample(), 3)
    root = etree.fromstring(data)
    ns = {"t": TBX3_NAMESPACE}
    assert root.tag == f"{{{TBX3_NAMESPACE}}}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    assert root.find("t:tbxHeader/t:fileDesc/t:sourceDesc/t:p", ns) is not None
    entries = root.findall("t:text/t:body/t:conceptEntry", ns)
    assert [e.get("id") for e in entries] == ["dip-001", "eco-002", "org-003"]
    term_secs = entries[0].findall("t:langSec/t:termSec", ns)
    assert [t.findtext("t:term", namespaces=ns) for t in term_secs] == [
        "Tiongkok", "Cina", "China"]


def test_tbx_languages_in_order_of_first_term_then_definition_only():
    concept = Concept("k", [Term("a", "en", Status.PREFERRED), Term("b", "id", Status.ADMITTED),
                            Term("c", "en", Status.ADMITTED)],
                      definitions={"ms": "takrif", "id": "definisi"})
    entry = etree.fromstring(write_tbx([concept])).find("text/body/termEntry")
    languages = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in entry]
    assert languages == ["en", "id", "ms"]
    (back,) = parse_tbx(write_tbx([concept]), "k.tbx")
    assert [t.text for t in back.terms] == ["a", "c", "b"]
    assert back.definitions == concept.definitions


def test_tbx_writer_refuses_what_it_cannot_write():
    with pytest.raises(ValueError, match="version"):
        write_tbx(sample(), version=4)
    reserved = Concept("k", [Term("a", "id", Status.ADMITTED,
                                  properties={"administrativeStatus": "x"})])
    with pytest.raises(ValueError, match="reserved"):
        write_tbx([reserved])


def test_translate_toolkit_reads_the_tbx_v2_export():
    from translate.storage import tbx

    concepts = shipped()
    store = tbx.tbxfile(write_tbx(concepts, 2))
    units = {unit.getid(): unit for unit in store.units}
    assert set(units) == {c.id for c in concepts}
    for concept in grouped(concepts):
        # translate-toolkit takes the first two langSets as source and target.
        languages = list(dict.fromkeys(t.language for t in concept.terms))
        if len(languages) < 2:
            continue
        unit = units[concept.id]
        assert unit.source == concept.terms_in(languages[0])[0].text
        assert unit.target == concept.terms_in(languages[1])[0].text
        statuses = [t.administrative_status for t in unit.get_source_terms()]
        assert statuses == [f"{t.status.value}Term-admn-sts"
                            for t in concept.terms if t.language == languages[0]]


# --- CSV ------------------------------------------------------------------------------


@_SETTINGS
@given(glossaries(tbx_order=False))
def test_csv_round_trip(glossary):
    """CSV keeps every field it has a column for, in term order."""
    back = read_csv(write_csv(glossary).encode("utf-8"), "g.csv")
    assert modeled(back) == csv_view(glossary)


@_SETTINGS
@given(glossaries())
def test_tbx_to_csv_to_tbx(glossary):
    from_csv = read_csv(write_csv(parse_tbx(write_tbx(glossary), "g.tbx")).encode(), "g.csv")
    assert modeled(parse_tbx(write_tbx(from_csv), "g.tbx")) == csv_view(glossary)


def test_csv_of_the_shipped_glossaries():
    concepts = shipped()
    text = write_csv(concepts)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    assert text.splitlines()[0] == ("concept_id,subject_field,concept_note,language,definition,"
                                    "term,status,term_type,part_of_speech,term_note")
    assert len(rows) == 1 + sum(len(c.terms) for c in concepts)
    assert {r[6] for r in rows[1:]} <= {"preferred", "admitted", "deprecated", "superseded"}
    assert modeled(read_csv(text.encode(), "g.csv")) == csv_view(concepts)


def test_csv_reading_is_forgiving_where_it_is_safe():
    data = ("\ufeffterm,language,concept_id,status,definition\n"
            "Tiongkok,id,k1,Preferred,Negara di Asia Timur.\n"
            "\n"
            "Cina,id,k1,deprecated,\n"
            "China,en,k1,,\n"
            '"Republik\nRakyat  Tiongkok",id,k2,preferred,\n').encode("utf-8")
    k1, k2 = read_csv(data, "g.csv")
    assert [(t.text, t.status) for t in k1.terms] == [
        ("Tiongkok", Status.PREFERRED), ("Cina", Status.DEPRECATED), ("China", Status.ADMITTED)]
    assert k1.definitions == {"id": "Negara di Asia Timur."}
    assert k2.terms[0].text == "Republik Rakyat Tiongkok" and k2.line == 6


HEADER = ",".join(COLUMNS) + "\n"


@pytest.mark.parametrize("data, message, line", [
    (b"id,en\nTiongkok,China\n", "unknown column 'id'", 1),
    (b"concept_id,language,term,colour\n", "unknown column 'colour'", 1),
    (b"concept_id,term\n", "no 'language' column", 1),
    (b"concept_id,language,term,term\n", "appears twice", 1),
    (HEADER.encode() + b"k1,,,id,,Tiongkok,preferred,,\n", "9 fields, the header has 10", 2),
    (HEADER.encode() + b"k1,,,id,,Tiongkok,favourite,,,\n", "unknown status 'favourite'", 2),
    (HEADER.encode() + b"k1,,,id,,Tiongkok,,,,\nk1,,,id,,  ,,,,\n", "empty term", 3),
    (HEADER.encode() + b",,,id,,Tiongkok,,,,\n", "empty concept_id", 2),
    (HEADER.encode() + b"k1,,,id,,Tiongkok,,,,\nk1,geo,,id,,Cina,,,,\nk1,eco,,id,,X,,,,\n",
     "subject_field 'eco' differs from 'geo'", 4),
    (HEADER.encode() + b'k1,,,id,,"Tiong\nkok,,,,\n', "malformed CSV", 2),
    (HEADER.encode() + b"k1,,,id,,Tiongkok\x01,,,,\n", "control character U+0001", 2),
    (HEADER.encode() + "k1,,,id,,Tiongkok,,,,\nk2,,,id,,Caf\u00e9,,,,\n".encode("cp1252"),
     "not valid UTF-8", 3),
])
def test_csv_bad_input(data, message, line):
    with pytest.raises(InputError) as caught:
        read_csv(data, "bad.csv")
    assert message in caught.value.message
    assert (caught.value.path, caught.value.line) == ("bad.csv", line)


# --- OmegaT ---------------------------------------------------------------------------

OMEGAT_SAMPLE = (
    "Tiongkok\tChina\tpreferred; Negara di Asia Timur.\n"
    "Cina\tChina\tdeprecated: use Tiongkok\n"
    "Badan Pusat Statistik\tStatistics Indonesia\tpreferred\n"
    "BPS\tStatistics Indonesia\tadmitted\n"
    "Departemen Luar Negeri\tMinistry of Foreign Affairs\tsuperseded: use "
    "Kementerian Luar Negeri\n"
    "Kementerian Luar Negeri\tMinistry of Foreign Affairs\tpreferred\n"
)


def test_omegat_export():
    assert write_omegat(sample()) == OMEGAT_SAMPLE


def test_omegat_fields_never_break_the_line_format():
    concept = Concept("k", [Term("#tagar", "id", Status.PREFERRED),
                            Term("hashtag", "en", Status.PREFERRED)],
                      definitions={"id": "Tanda\tpagar\r\ndi media sosial."})
    assert write_omegat([concept]) == " #tagar\thashtag\tpreferred; Tanda pagar di media sosial.\n"
    (back,) = read_omegat(write_omegat([concept]).encode(), "g.utf8")
    assert back.terms[0].text == "#tagar"


def test_omegat_import():
    data = ("\ufeff# komentar\n" + OMEGAT_SAMPLE + "\r\nkata\tword\tpreferred by the desk\n"
            "tanpa terjemahan\t\n").encode("utf-8")
    concepts = read_omegat(data, "g.utf8")
    assert [c.id for c in concepts][:2] == ["omegat-2", "omegat-3"]
    first, second = concepts[0], concepts[1]
    assert [(t.text, t.language, t.status) for t in first.terms] == [
        ("Tiongkok", "id", Status.PREFERRED), ("China", "en", Status.PREFERRED)]
    assert first.definitions == {"id": "Negara di Asia Timur."}
    assert second.terms[0].status is Status.DEPRECATED and second.note == "use Tiongkok"
    other = concepts[-2]
    assert other.terms[0].status is Status.ADMITTED and other.note == "preferred by the desk"
    assert [t.text for t in concepts[-1].terms] == ["tanpa terjemahan"]


def test_omegat_of_the_shipped_glossaries_and_translate_toolkit():
    from translate.storage import omegat

    concepts = shipped()
    text = write_omegat(concepts)
    store = omegat.OmegaTFile(text.encode("utf-8"))
    pairs = {(u.source, u.target) for u in store.units}
    expected = {(t.text, target_term(c, "en").text) for c in concepts if target_term(c, "en")
                for t in c.terms_in("id")}
    assert pairs == expected
    for unit in store.units:
        assert unit.getnotes().split(":")[0].split(";")[0] in {s.value for s in Status}
    back = read_omegat(text.encode(), "g.utf8")
    assert {(c.terms[0].text, c.terms[1].text) for c in back} == expected


@pytest.mark.parametrize("data, message, line", [
    (b"# only a comment\n\n", None, None),
    (b"Tiongkok\tChina\nCina China\n", "found no tab", 2),
    (b"\tChina\tpreferred\n", "empty source term", 1),
    (b"Tiongkok\tChina\n\x00\x01\x02", "binary file", 2),
])
def test_omegat_bad_input(data, message, line):
    if message is None:
        assert read_omegat(data, "bad.utf8") == []
        return
    with pytest.raises(InputError) as caught:
        read_omegat(data, "bad.utf8")
    assert message in caught.value.message
    assert (caught.value.path, caught.value.line) == ("bad.utf8", line)


OMEGAT_PROJECT = project_file("id", "en")

# Console mode builds no Glossary pane, so the script runs the pane's own lookup
# (FindGlossaryThread: OmegaT's tokenizer and matching) for every segment, one glossary
# file at a time, after OmegaT has loaded the project.
OMEGAT_SCRIPT = """\
import org.omegat.gui.glossary.*
import org.omegat.core.data.SourceTextEntry

class ConsoleGlossarySearch extends FindGlossaryThread {
    ConsoleGlossarySearch(SourceTextEntry ste, GlossaryManager manager) {
        super(null, ste, manager)
    }
    @Override protected void checkEntryChanged() { }  // needs the pane
}

if (eventType.toString() != "LOAD") return
new File(project.projectProperties.glossaryRoot).listFiles().sort().each { file ->
    def manager = new GlossaryManager(null)
    manager.@priorityGlossary = new File(project.projectProperties.writeableGlossary)
    try { manager.fileChanged(file) } catch (NullPointerException e) { }  // GUI pane refresh
    // search() of OmegaT 3.6 returns every loaded entry, whatever its argument
    System.out.println("LOADED\\t" + file.name + "\\t" + manager.search("").size())
    project.allEntries.each { ste ->
        new ConsoleGlossarySearch(ste, manager).search().each { e ->
            System.out.println("MATCH\\t" + file.name + "\\t" + e.srcText + "\\t" + e.locText
                               + "\\t" + e.commentText.replace("\\n", " | "))
        }
    }
}
"""


# Groovy errors that mean this OmegaT is not 3.6 (whose internals the probe uses).
_OTHER_OMEGAT = ("MissingMethodException", "MissingPropertyException", "MissingFieldException",
                 "unable to resolve class", "NoSuchMethodError", "NoSuchFieldException")


@pytest.mark.skipif(shutil.which("omegat") is None,
                    reason="OmegaT is not installed (apt-get install omegat)")
def test_omegat_loads_and_matches_the_exported_glossaries(tmp_path):
    project = tmp_path / "project"
    for folder in ("source", "target", "tm", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    (project / "source" / "berita.txt").write_text(
        "Presiden bertemu Menteri Luar Negeri Tiongkok di sebuah kafé di Jakarta.\n\n"
        "Dulu koran menulis Cina.\n", encoding="utf-8")
    local = sample() + [Concept("x-1", [Term("kafé", "id", Status.PREFERRED),
                                        Term("café", "en", Status.PREFERRED)])]
    write_glossary_file(local, project / "glossary" / "termbase.utf8", "omegat")
    write_glossary_file(local, project / "glossary" / "termbase.tbx", "tbx")
    write_glossary_file(shipped(), project / "glossary" / "shipped.utf8", "omegat")
    script = tmp_path / "probe.groovy"
    script.write_text(OMEGAT_SCRIPT, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "LC_ALL": "C.UTF-8"}
    result = subprocess.run(
        ["omegat", str(project), "--mode=console-translate", f"--config-dir={tmp_path / 'cfg'}",
         f"--script={script}", "--disable-project-locking", "--no-team", "--quiet"],
        capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    if "LOADED\t" not in result.stdout and any(e in result.stderr for e in _OTHER_OMEGAT):
        pytest.skip("the probe script is written for OmegaT 3.6's glossary classes")
    loaded = {f: int(n) for _, f, n in
              (line.split("\t") for line in result.stdout.splitlines()
               if line.startswith("LOADED\t"))}
    # OmegaT read every line of the TSV exports (OmegaT exits 0 even when a script
    # fails, so the script's own output is the evidence), and makes one TBX entry per
    # source term and target term pair.
    pairs = sum(len(c.terms_in("id")) * len(c.terms_in("en")) for c in local)
    assert loaded == {"shipped.utf8": len(write_omegat(shipped()).splitlines()),
                      "termbase.tbx": pairs, "termbase.utf8": 7}, result.stderr[-3000:]
    matches = [tuple(line.split("\t")[1:]) for line in result.stdout.splitlines()
               if line.startswith("MATCH\t")]
    # The Glossary pane would show, for the two segments:
    assert [m for m in matches if m[0] == "termbase.utf8"] == [
        ("termbase.utf8", "Tiongkok", "China", "preferred; Negara di Asia Timur."),
        ("termbase.utf8", "kafé", "café", "preferred"),
        ("termbase.utf8", "Cina", "China", "deprecated: use Tiongkok"),
    ]
    assert {m[1:3] for m in matches if m[0] == "termbase.tbx"} == {
        ("Tiongkok", "China"), ("kafé", "café"), ("Cina", "China")}
    assert ("shipped.utf8", "Tiongkok", "China") in {m[:3] for m in matches}


# --- PO -------------------------------------------------------------------------------


def test_po_export():
    text = write_po(sample())
    assert '"Language: en\\n"' in text and '"X-Source-Language: id\\n"' in text
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in text
    assert "Plural-Forms" not in text
    assert textwrap.dedent("""\
        # Tiongkok is official since 2014.
        #. status: deprecated
        #. use: Tiongkok
        #. part-of-speech: noun
        #. subject: geography
        #. note: Dicabut oleh Keppres 12/2014.
        #. definition: Negara di Asia Timur.
        #. definition (en): Country in East Asia.
        msgctxt "dip-001"
        msgid "Cina"
        msgstr "China"
        """) in text


def test_po_round_trip_keeps_what_po_holds():
    back = read_po(write_po(sample()).encode("utf-8"), "g.po")
    expected = sample()
    for concept in expected:
        # PO holds the source terms and one target term per concept; term notes of the
        # target language are not written.
        english = concept.preferred("en")
        concept.terms = [t for t in concept.terms if t.language == "id"]
        concept.terms.append(Term(english.text, "en", Status.PREFERRED))
    assert modeled(back) == modeled(expected)


def test_po_with_awkward_text_passes_msgfmt(tmp_path):
    concept = Concept('k "1"\\', [
        Term('kata "kutip" \\ garis', "id", Status.PREFERRED),
        Term('kata "kutip" \\ garis', "id-ID", Status.ADMITTED),  # same msgid: written once
        Term("naïve “quote” 😀", "en", Status.PREFERRED),
    ], note="baris satu\nbaris dua", definitions={"id": "Takrif\ndua baris."})
    text = write_po([concept])
    assert text.count('msgid "kata') == 1
    (back,) = read_po(text.encode(), "g.po")
    assert back.id == concept.id and back.note == "baris satu\nbaris dua"
    assert back.definitions == {"id": "Takrif dua baris."}
    assert [t.text for t in back.terms] == ['kata "kutip" \\ garis', "naïve “quote” 😀"]
    _msgfmt(tmp_path, text)


def test_po_of_the_shipped_glossaries(tmp_path):
    from translate.storage import pypo

    concepts = shipped()
    text = write_po(concepts)
    store = pypo.pofile(text.encode("utf-8"))
    units = [u for u in store.units if not u.isheader()]
    expected = list(dict.fromkeys((c.id, t.text) for c in concepts for t in c.terms_in("id")))
    assert [(u.getcontext(), u.source) for u in units] == expected
    by_id = {c.id: c for c in concepts}
    for unit in units:
        english = target_term(by_id[unit.getcontext()], "en")
        assert unit.target == (english.text if english else "")
    back = {c.id: c for c in read_po(text.encode(), "g.po")}
    for concept in concepts:
        if not concept.terms_in("id"):
            continue
        assert [(t.text, t.status, t.part_of_speech, t.term_type) for t in
                back[concept.id].terms_in("id")] == [
            (t.text, t.status, t.part_of_speech, t.term_type) for t in concept.terms_in("id")]
        assert back[concept.id].subject_field == concept.subject_field
    _msgfmt(tmp_path, text)


def _msgfmt(tmp_path: Path, text: str) -> None:
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt is not installed (apt-get install gettext)")
    po = tmp_path / "g.po"
    po.write_text(text, encoding="utf-8")
    result = subprocess.run(["msgfmt", "-c", "-o", str(tmp_path / "g.mo"), str(po)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr


def test_po_reader_details():
    data = textwrap.dedent("""\
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"

        #. something a developer wrote
        #. status: superseded
        #. use: Kementerian Luar
        #. Negeri
        #. definition: Kementerian yang mengurus
        #. hubungan luar negeri.
        msgctxt "k1"
        msgid "Departemen Luar Negeri"
        msgstr "Ministry of Foreign Affairs"

        #, fuzzy
        msgctxt "k2"
        msgid "tanpa status"
        msgstr "no status"

        msgid "tanpa konteks"
        msgstr ""

        #~ msgid "usang"
        #~ msgstr "obsolete"
        """).encode()
    k1, k2, loose = read_po(data, "g.po")
    assert k1.terms[0].status is Status.SUPERSEDED
    assert k1.definitions == {"id": "Kementerian yang mengurus hubungan luar negeri."}
    assert [(t.text, t.status) for t in k2.terms] == [
        ("tanpa status", Status.ADMITTED), ("no status", Status.ADMITTED)]
    assert loose.id == "po-20" and [t.text for t in loose.terms] == ["tanpa konteks"]


@pytest.mark.parametrize("data, message, line", [
    (b'msgid "a"\nmsgstr "b"\nthis is not PO\n', "malformed PO", 3),
    (b'msgctxt "k"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "k"\nmsgid "a"\nmsgstr "c"\n',
     "duplicate entry", 5),
    (b'msgid "a\x01"\nmsgstr ""\n', "control character", 1),
])
def test_po_bad_input(data, message, line):
    with pytest.raises(InputError) as caught:
        read_po(data, "bad.po")
    assert message in caught.value.message
    assert (caught.value.path, caught.value.line) == ("bad.po", line)


def test_a_po_term_of_unknown_status_is_left_out_with_a_warning_and_the_rest_read():
    from termbase.errors import TermbaseWarning

    data = (b'#. status: favourite\nmsgctxt "k1"\nmsgid "kerja sama"\nmsgstr "cooperation"\n\n'
            b'#. status: obsolete\nmsgctxt "k2"\nmsgid "Peking"\nmsgstr "Peking"\n\n'
            b'msgctxt "k3"\nmsgid "pasar"\nmsgstr "market"\n')
    with pytest.warns(TermbaseWarning, match=r"bad.po:1: unknown status 'favourite'"):
        k1, k2, k3 = read_po(data, "bad.po")
    assert [t.text for t in k1.terms] == ["cooperation"]  # the Indonesian term left out
    assert k2.terms[0].status is Status.SUPERSEDED  # obsolete, as TBX reads it
    assert [t.text for t in k3.terms] == ["pasar", "market"]


def test_po_content_that_names_a_file_is_not_opened(tmp_path):
    secret = tmp_path / "secret.po"
    secret.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a PO file"):
        read_po(str(secret).encode(), "bad.po")


# --- The factory ----------------------------------------------------------------------


@pytest.mark.parametrize("name, data, fmt", [
    ("g.tbx", b'<?xml version="1.0"?>\n<!-- c --><martif type="TBX-Basic"/>', "tbx"),
    ("g.TBX", b'\xef\xbb\xbf<tbx xmlns="urn:iso:std:iso:30042:ed-2"/>', "tbx3"),
    ("g.xml", b"<?xml version='1.0'?><!DOCTYPE tbx><tbx:tbx xmlns:tbx='x'/>", "tbx3"),
    ("g.xml", b"", "tbx"),
])
def test_detect_format(name, data, fmt):
    assert detect_format(name, data) == fmt


def test_detect_format_unknown_extension():
    with pytest.raises(InputError, match="unknown glossary format '.docx'") as caught:
        detect_format("glosarium.docx", b"")
    assert caught.value.path == "glosarium.docx"
    with pytest.raises(InputError, match="no extension"):
        detect_format("GLOSSARY", b"")


def test_write_is_atomic(tmp_path):
    path = tmp_path / "g.tbx"
    write_glossary_file(sample(), path, "tbx")
    before = path.read_bytes()
    broken = [Concept("k", [Term("bad\x01", "id", Status.PREFERRED)])]
    with pytest.raises(ValueError):
        write_glossary_file(broken, path, "tbx")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]
    with pytest.raises(InputError, match="cannot write"):
        write_glossary_file(sample(), tmp_path / "missing" / "g.csv")
    with pytest.raises(InputError, match="unknown glossary format 'xlsx'"):
        write_glossary_file(sample(), tmp_path / "g.csv", "xlsx")


@pytest.mark.parametrize("name, data, message, line", [
    ("g.tbx", b'<?xml version="1.0" encoding="UTF-8"?>\n<martif>\n<text><body>\n<termEntry',
     "malformed XML", 4),
    ("g.xml", b"<html/>", "not a TBX file", 1),
    ("g.csv", b"concept_id;language;term\n", "unknown column", 1),
    ("g.utf8", b"Tiongkok China\n", "found no tab", 1),
    ("g.po", b"msgid\n", "malformed PO", 1),
    ("g.docx", b"PK\x03\x04", "unknown glossary format", None),
])
def test_read_glossary_file_bad_input(tmp_path, name, data, message, line):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_glossary_file(path)
    assert message in caught.value.message
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_read_glossary_file_missing(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_glossary_file(tmp_path / "nothing.tbx")


def test_a_po_glossary_takes_its_languages_from_the_header():
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Language: ms_MY\\n"\n"X-Source-Language: id\\n"\n\n'
            'msgid "kerja sama"\nmsgstr "kerjasama"\n')
    (concept,) = read_po(text.encode(), "g.po")
    assert [(t.text, t.language) for t in concept.terms] == [("kerja sama", "id"),
                                                              ("kerjasama", "ms-MY")]


def test_a_po_glossary_without_languages_in_its_header_is_id_to_en():
    text = 'msgid "kerja sama"\nmsgstr "cooperation"\n'
    (concept,) = read_po(text.encode(), "g.po")
    assert [t.language for t in concept.terms] == ["id", "en"]


def _po_naming_only(language: str, msgid: str, msgstr: str) -> bytes:
    return ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Language: {language}\\n"\n\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n').encode()


def test_a_po_glossary_naming_only_the_desks_target_has_desk_source_msgids():
    (concept,) = read_po(_po_naming_only("en_GB", "kerja sama", "cooperation"), "g.po")
    assert [t.language for t in concept.terms] == ["id", "en-GB"]


def test_a_po_glossary_naming_only_the_desks_source_has_msgids_in_the_other_language():
    (concept,) = read_po(_po_naming_only("id", "cooperation", "kerja sama"), "g.po")
    assert [(t.text, t.language) for t in concept.terms] == [("cooperation", "en"),
                                                              ("kerja sama", "id")]


def test_a_po_glossary_naming_only_a_third_language_is_refused_not_guessed():
    # gettext msgids are usually English: storing them as Indonesian would be a lie.
    with pytest.raises(InputError, match="X-Source-Language") as caught:
        read_po(_po_naming_only("af", "cooperation", "samewerking"), "g.po")
    assert caught.value.path == "g.po"


def test_a_po_glossary_refused_for_its_header_says_nothing_else(invoke, tmp_path):
    path = tmp_path / "uk.po"
    path.write_bytes(_po_naming_only("uk", "peace", "мир") + b'\nmsgid ""\nmsgstr "x"\n')
    refused = invoke("glossary", "import", str(path), "--into", str(tmp_path / "g.tbx"))
    assert refused.exit_code == 2
    assert len(refused.output.strip().splitlines()) == 1 and "X-Source-Language" in refused.output


def test_a_po_glossary_that_is_read_still_warns_of_a_stray_empty_msgid(tmp_path):
    data = _po_naming_only("en", "kerja sama", "cooperation") + b'\nmsgid ""\nmsgstr "x"\n'
    with pytest.warns(TermbaseWarning, match="empty msgid"):
        (concept,) = read_po(data, "g.po")
    assert concept.terms[0].text == "kerja sama"
