"""TBX reading: both versions, statuses, and hostile or broken files."""

from __future__ import annotations

import pytest

from termbase.errors import InputError
from termbase.formats.tbx import parse_tbx, read_tbx
from termbase.glossary import default_glossary_paths
from termbase.model import Concept, Status, Term

V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="k1">
  <descrip type="subjectField">diplomacy</descrip>
  <langSec xml:lang="id">
    <descrip type="definition">Negara di Asia Timur.</descrip>
    <termSec><term>Tiongkok</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
      <termNote type="partOfSpeech">noun</termNote></termSec>
    <termSec><term>Cina</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
  </langSec>
  <langSec xml:lang="en"><termSec><term>China</term>
    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>"""


def test_tbx_v3_dca():
    (concept,) = parse_tbx(V3.encode(), "v3.tbx")
    assert concept.id == "k1" and concept.subject_field == "diplomacy"
    assert concept.definitions["id"] == "Negara di Asia Timur."
    assert [(t.text, t.status) for t in concept.terms_in("id")] == [
        ("Tiongkok", Status.PREFERRED), ("Cina", Status.DEPRECATED)]
    assert concept.preferred("en").text == "China"
    assert concept.terms[0].part_of_speech == "noun"


def test_tbx_v2_ntig_and_normative_authorization():
    data = """<martif type="TBX"><text><body><termEntry id="a">
    <langSet xml:lang="id-ID"><ntig><termGrp><term>batu bara</term>
    <termNote type="normativeAuthorization">preferredTerm</termNote></termGrp></ntig>
    <ntig><termGrp><term>batubara</term>
    <termNote type="normativeAuthorization">supersededTerm</termNote></termGrp></ntig>
    </langSet></termEntry></body></text></martif>"""
    (concept,) = parse_tbx(data.encode(), "v2.tbx")
    assert [(t.text, t.status) for t in concept.terms_in("id")] == [
        ("batu bara", Status.PREFERRED), ("batubara", Status.SUPERSEDED)]


@pytest.mark.parametrize("data, message, line", [
    (b"", "empty file", None),
    (b"<martif><text><body>\n<termEntry id='a'>\n</body></text></martif>", "malformed XML", 3),
    (b'<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>'
     b"<martif>&xxe;</martif>", "entity declarations", 3),
    (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
     b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
     b"<martif>&lol2;</martif>", "entity declarations", 2),
    (b"<html><body/></html>", "not a TBX file", 1),
    (b"<martif><text><body><termEntry id='a'><langSet>\n<tig><term>x</term>"
     b"</tig></langSet></termEntry></body></text></martif>", "<langSet> without xml:lang", 1),
    (b"<martif><text><body><termEntry id='a'/>\n<termEntry id='a'/></body></text></martif>",
     "duplicate concept id", 2),
])
def test_bad_tbx_is_one_error_with_file_and_line(data, message, line):
    with pytest.raises(InputError) as caught:
        parse_tbx(data, "bad.tbx")
    assert message in caught.value.message
    assert caught.value.path == "bad.tbx"
    assert caught.value.line == line


def test_missing_tbx(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_tbx(tmp_path / "none.tbx")


def test_shipped_glossaries_load_and_cover_the_seed_domain():
    concepts = [c for path in default_glossary_paths() for c in read_tbx(path)]
    assert len(concepts) >= 60
    assert len({c.id for c in concepts}) == len(concepts)
    by_term = {t.text: (c, t) for c in concepts for t in c.terms}
    expected = {
        "Kemitraan Strategis Kekal dan Komprehensif":
            "Permanent Comprehensive Strategic Partnership",
        "Sabuk dan Jalan": "Belt and Road",
        "Tiongkok": "China",
        "kerja sama": "cooperation",
        "Organisasi Kerja Sama Shanghai": "Shanghai Cooperation Organisation",
        "penjalinan hubungan diplomatik": "establishment of diplomatic relations",
        "konsulat jenderal": "consulate general",
    }
    for indonesian, english in expected.items():
        concept, term = by_term[indonesian]
        assert term.status is Status.PREFERRED, indonesian
        assert concept.preferred("en").text == english
    assert by_term["Cina"][1].status is Status.DEPRECATED
    assert by_term["kerjasama"][1].status is Status.DEPRECATED
    assert by_term["penggalangan hubungan diplomatik"][1].status is Status.ADMITTED
    for acronym in ("SCO", "CICA", "KTT"):
        assert by_term[acronym][1].is_short_form, acronym


def test_every_shipped_concept_has_preferred_terms_in_both_languages():
    for path in default_glossary_paths():
        for concept in read_tbx(path):
            assert concept.preferred("id") is not None, concept.id
            assert concept.preferred("en") is not None, concept.id


@pytest.mark.parametrize("version", [2, 3])
def test_the_writer_and_the_editor_write_the_same_tbx_vocabulary(tmp_path, version):
    from termbase.formats.tbx import write_tbx
    from termbase.glossary.edit import TbxFile

    written = Concept("c1", [Term(f"kata {status.value}", "id", status) for status in Status])
    path = tmp_path / "g.tbx"
    path.write_bytes(write_tbx([Concept("c0", [Term("awal", "id", Status.PREFERRED)])],
                               version=version))
    edited = TbxFile(path)
    edited.add_concept(written)
    # the added concept reads back whole, under the version's own element names
    (_, added) = parse_tbx(edited.to_bytes(), "g.tbx")
    assert [(t.text, t.status) for t in added.terms] == [
        (t.text, t.status) for t in written.terms]
    text = edited.to_text()
    if version == 3:
        assert "<conceptEntry" in text and "<langSec" in text and "<termEntry" not in text
    else:
        assert "<termEntry" in text and "<langSet" in text and "<conceptEntry" not in text
    assert text.count("Term-admn-sts") == len(Status) + 1
    # and the writer's file reads back the same statuses
    (read,) = parse_tbx(write_tbx([written], version=version), "w.tbx")
    assert [t.status for t in read.terms] == list(Status)
