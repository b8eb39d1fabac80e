"""Readers that must take what other tools write (issue #11): an XLIFF 1.2
<trans-unit> inside a <bin-unit>; PO files with `#text` comments, stray empty msgids,
legacy or UTF-16 encodings; TBX files with one odd entry among good ones."""

from __future__ import annotations

import codecs
import warnings

import pytest

from termbase.errors import InputError, TermbaseWarning
from termbase.exchange.merge import merge_xliff
from termbase.formats.bilingual import read_bilingual
from termbase.formats.csv import read_csv
from termbase.formats.po import read_po
from termbase.formats.tbx import TbxNotice, parse_tbx
from termbase.formats.tm_io import iter_units
from termbase.formats.tm_po import parse_po
from termbase.formats.xliff import XLIFF12, read_xliff
from termbase.glossary import service as glossaries
from termbase.glossary.cache import load_concepts
from termbase.model import Status

# --- XLIFF 1.2 <bin-unit> -------------------------------------------------------------

BIN_UNIT = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{XLIFF12}">
<file original="peta.txt" source-language="id" target-language="en" datatype="plaintext">
<body>
<trans-unit id="u1"><source>Peta banjir diperbarui.</source>
<target state="translated">The flood map was updated.</target></trans-unit>
<bin-unit id="b1" mime-type="image/png">
<bin-source><external-file href="peta.png"/></bin-source>
<bin-target><external-file href="map.png"/></bin-target>
<trans-unit id="b1-t1"><source>Wilayah tergenang</source>
<target state="translated">Flooded areas</target></trans-unit>
</bin-unit>
<bin-unit id="b2" mime-type="image/png" translate="no">
<bin-source><external-file href="logo.png"/></bin-source>
<trans-unit id="b2-t1"><source>Logo redaksi</source>
<target state="translated">Newsroom logo</target></trans-unit>
</bin-unit>
</body></file></xliff>
"""


def test_a_trans_unit_inside_a_bin_unit_is_read_for_import_check_and_merge(tmp_path):
    path = tmp_path / "peta.xlf"
    path.write_text(BIN_UNIT, encoding="utf-8")
    _meta, units = read_xliff(str(path))
    assert [(u.id, u.source, u.target) for u in units] == [
        ("u1", "Peta banjir diperbarui.", "The flood map was updated."),
        ("b1-t1", "Wilayah tergenang", "Flooded areas")]
    assert [u.unit.id for u in read_bilingual(str(path)).units] == ["u1", "b1-t1"]
    assert [u.target for u in iter_units(str(path))] == [
        "The flood map was updated.", "Flooded areas"]
    # translate="no" on the bin-unit holds for its trans-units: read, not translated
    located = [u for f in read_xliff(str(path))[0].files for u in f.located]
    assert [(u.unit.id, u.translate) for u in located][-1] == ("b2-t1", False)
    assert merge_xliff(str(path))


def test_a_bin_unit_without_trans_units_gives_no_unit(tmp_path):
    path = tmp_path / "gambar.xlf"
    path.write_text(BIN_UNIT.replace(
        '<trans-unit id="b1-t1"><source>Wilayah tergenang</source>\n'
        '<target state="translated">Flooded areas</target></trans-unit>\n', ""),
        encoding="utf-8")
    assert [u.id for u in read_xliff(str(path))[1]] == ["u1"]


# --- PO -------------------------------------------------------------------------------

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset={charset}\\n"
"Language: en\\n"
"X-Source-Language: id\\n"

"""


def po(body: str, charset: str = "UTF-8") -> str:
    return HEADER.format(charset=charset) + body


def read_all(data: bytes, tmp_path, name: str = "berita.po") -> tuple:
    """What the glossary, memory and bilingual readers make of one PO file."""
    path = tmp_path / name
    path.write_bytes(data)
    return (read_po(data, name), list(parse_po(data, name)), read_bilingual(str(path)))


def test_a_comment_without_a_space_after_the_hash_is_a_translator_comment(tmp_path):
    data = po("#catatan redaksi\n#. status: preferred\nmsgctxt \"c1\"\n"
              "msgid \"banjir\"\nmsgstr \"flood\"\n").encode()
    concepts, units, bilingual = read_all(data, tmp_path)
    assert concepts[0].note == "catatan redaksi"
    assert units[0].notes == ["catatan redaksi", "status: preferred"]
    assert bilingual.units[0].unit.notes == ["catatan redaksi"]
    assert [t.text for t in concepts[0].terms] == ["banjir", "flood"]


def test_the_markers_after_a_hash_keep_their_meaning(tmp_path):
    data = po("# catatan\n#, fuzzy\n#: berita.txt:4\nmsgid \"hujan\"\n"
              "msgstr \"rain\"\n").encode()
    concepts, units, bilingual = read_all(data, tmp_path)
    assert bilingual.units[0].unit.state == "fuzzy"
    assert units == []  # a fuzzy entry is not imported into a memory


def test_a_stray_empty_msgid_is_skipped_with_a_warning_and_the_header_kept(tmp_path):
    body = ('msgid "pasar"\nmsgstr "market"\n\n'
            'msgid ""\nmsgstr "tanpa sumber"\n\n'
            'msgid "harga"\nmsgstr "price"\n')
    data = po(body, "windows-1252").replace("market", "m\u00e4rket").encode("cp1252")
    stray = po(body).splitlines().index('msgid ""', 1) + 1
    with pytest.warns(TermbaseWarning) as caught:
        concepts, units, bilingual = read_all(data, tmp_path)
    messages = {str(w.message) for w in caught}
    assert messages == {f"berita.po:{stray}: entry with an empty msgid skipped: only the "
                        "first entry of a PO file can be its header",
                        f"{tmp_path / 'berita.po'}:{stray}: entry with an empty msgid "
                        "skipped: only the first entry of a PO file can be its header"}
    assert [u.source for u in units] == ["pasar", "harga"]
    assert units[0].target == "m\u00e4rket"  # the header's charset was read
    assert units[0].target_lang == "en-US" and units[0].source_lang == "id-ID"
    assert [u.unit.source for u in bilingual.units] == ["pasar", "harga"]
    assert [c.terms[0].text for c in concepts] == ["pasar", "harga"]


def test_a_header_alone_gives_no_warning(tmp_path):
    data = po('msgid "pasar"\nmsgstr "market"\n').encode()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _concepts, units, _bilingual = read_all(data, tmp_path)
    assert [u.target for u in units] == ["market"]


def test_a_file_without_header_takes_no_later_entry_for_one(tmp_path):
    data = (b'msgid "pasar"\nmsgstr "market"\n\nmsgid ""\n'
            b'msgstr "Language: fr\\n"\n')
    with pytest.warns(TermbaseWarning, match=r"berita.po:4: entry with an empty msgid"):
        units = list(parse_po(data, "berita.po"))
    assert [(u.source, u.target_lang) for u in units] == [("pasar", "en-US")]


CYRILLIC = 'msgid "koran"\nmsgstr "\u0433\u0430\u0437\u0435\u0442\u0430"\n'
LATIN = 'msgid "kafe"\nmsgstr "caf\u00e9 cr\u00e8me"\n'


@pytest.mark.parametrize("charset, codec, body", [
    ("windows-1252", "cp1252", LATIN), ("ISO-8859-1", "latin-1", LATIN),
    ("iso-8859-15", "iso8859-15", LATIN), ("KOI8-R", "koi8-r", CYRILLIC),
    ("cp1251", "cp1251", CYRILLIC)])
def test_a_po_file_is_decoded_by_the_charset_its_header_declares(tmp_path, charset, codec,
                                                                 body):
    data = po(body, charset).encode(codec)
    expected = body.split('msgstr "')[1].rstrip('"\n')
    concepts, units, bilingual = read_all(data, tmp_path)
    assert [u.target for u in units] == [expected]
    assert bilingual.units[0].unit.target == expected
    assert [t.text for t in concepts[0].terms] == ["koran" if body == CYRILLIC else "kafe",
                                                   expected]


def test_a_file_already_converted_to_utf8_reads_as_utf8_whatever_it_declares(tmp_path):
    data = po(LATIN, "iso-8859-1").encode("utf-8")
    assert [u.target for u in parse_po(data, "kafe.po")] == ["caf\u00e9 cr\u00e8me"]


def test_bytes_the_declared_charset_lacks_are_refused_naming_it_and_the_line():
    data = po('msgid "kafe"\nmsgstr "caf\u00e9"\n\nmsgid "x"\nmsgstr "\x81"\n',
              "windows-1252").encode("latin-1")
    with pytest.raises(InputError) as caught:
        list(parse_po(data, "kafe.po"))
    assert caught.value.line == 11
    assert caught.value.message.startswith("not valid windows-1252 (byte 0x81), the charset "
                                           "its header declares")
    assert "iconv -f ENCODING -t UTF-8" in caught.value.message


def test_a_charset_termbase_does_not_know_names_the_iconv_command():
    data = po(LATIN, "x-mac-kuno").encode("latin-1")
    with pytest.raises(InputError, match=r"charset=x-mac-kuno.*iconv -f x-mac-kuno -t UTF-8"):
        list(parse_po(data, "kafe.po"))


def test_latin1_bytes_in_a_file_declared_utf8_are_refused_with_the_declaration():
    data = po(LATIN).encode("latin-1")
    with pytest.raises(InputError) as caught:
        list(parse_po(data, "kafe.po"))
    assert caught.value.line == 8
    assert caught.value.message.startswith("not valid UTF-8 (byte 0xe9) though its header "
                                           "declares charset=UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_po_file_in_utf16_or_utf32_with_a_byte_order_mark_is_read(tmp_path, encoding):
    text = po(LATIN + "\n#catatan\n" + CYRILLIC).replace("\n", "\r\n")
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = boms.get(encoding, b"") + text.encode(encoding)
    concepts, units, bilingual = read_all(data, tmp_path)
    assert [u.target for u in units] == ["caf\u00e9 cr\u00e8me",
                                         "\u0433\u0430\u0437\u0435\u0442\u0430"]
    assert units[1].notes == ["catatan"]
    assert [u.unit.source for u in bilingual.units] == ["kafe", "koran"]
    assert bilingual.units[1].unit.source_line == 11
    assert len(concepts) == 2


def test_utf16_without_a_byte_order_mark_is_still_refused():
    data = po(LATIN).encode("utf-16-le")
    with pytest.raises(InputError, match="binary file"):
        list(parse_po(data, "kafe.po"))


def test_other_text_readers_name_utf16_rather_than_binary():
    data = codecs.BOM_UTF16_LE + "id,en\nbanjir,flood\n".encode("utf-16-le")
    with pytest.raises(InputError, match=r"istilah.csv: UTF-16 text \(byte order mark\), expected "
                       r"UTF-8; convert it first, e\.g\. iconv -f UTF-16 -t UTF-8$"):
        read_csv(data, "istilah.csv")


# --- TBX ------------------------------------------------------------------------------

def tbx_entry(concept: str, *groups: str, language: str = "id") -> str:
    return (f'<termEntry id="{concept}"><langSet xml:lang="{language}">'
            + "".join(groups) + "</langSet></termEntry>\n")


def tig(term: str, status: str | None = None) -> str:
    note = f'<termNote type="administrativeStatus">{status}</termNote>' if status else ""
    return f"<tig><term>{term}</term>{note}</tig>"


def tbx(*entries: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic">\n'
            "<text><body>\n" + "".join(entries) + "</body></text></martif>\n").encode()


ODD = tbx(
    tbx_entry("jembatan", tig("jembatan", "preferredTerm-admn-sts")),           # line 4
    tbx_entry("gempa", tig("gempa bumi", "preferredTerm-admn-sts"),
              tig("lindu", "archaicTerm-admn-sts")),                            # line 5
    tbx_entry("hutan", tig("  ", "admittedTerm-admn-sts"),
              tig("rimba", "admittedTerm-admn-sts")),                           # line 6
    tbx_entry("sungai", "<tig><term>sungai</term>\n<term>kali</term></tig>"),   # line 7-8
    tbx_entry("kosong", "<tig><note>belum diisi</note></tig>"),                 # line 9
)


def test_one_odd_term_leaves_the_rest_of_the_tbx_read_with_a_warning_each():
    with pytest.warns(TermbaseWarning) as caught:
        concepts = parse_tbx(ODD, "odd.tbx")
    assert {c.id: [t.text for t in c.terms] for c in concepts} == {
        "jembatan": ["jembatan"], "gempa": ["gempa bumi"], "hutan": ["rimba"],
        "sungai": ["sungai"], "kosong": []}
    assert [str(w.message) for w in caught] == [
        "odd.tbx:5: term 'lindu' left out: unknown administrative status "
        "'archaicTerm-admn-sts' (concept gempa)",
        "odd.tbx:6: empty <term> left out (concept hutan)",
        "odd.tbx:8: <tig> holds more than one <term>: 'kali' left out (a term group holds "
        "one term; give it a group of its own) (concept sungai)",
        "odd.tbx:9: <tig> without a <term> left out (concept kosong)"]


def test_notices_go_to_a_list_when_one_is_given_and_nothing_is_warned():
    notices: list[TbxNotice] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parse_tbx(ODD, "odd.tbx", notices=notices)
    assert [(n.line, n.kind) for n in notices] == [
        (5, "unknown-status"), (6, "empty-term"), (8, "several-terms"), (9, "no-term")]


def test_a_good_tbx_gives_no_notice():
    notices: list[TbxNotice] = []
    parse_tbx(tbx(tbx_entry("jembatan", tig("jembatan", "preferredTerm-admn-sts"))),
              "baik.tbx", notices=notices)
    assert notices == []


@pytest.mark.parametrize("value, status", [
    ("standardizedTerm-admn-sts", Status.PREFERRED), ("legalTerm-admn-sts", Status.PREFERRED),
    ("regulatedTerm-admn-sts", Status.PREFERRED), ("obsolete", Status.SUPERSEDED),
    ("obsoleteTerm", Status.SUPERSEDED), ("deprecated", Status.DEPRECATED),
    ("Admitted", Status.ADMITTED), ("supersededTerm-admn-sts", Status.SUPERSEDED)])
def test_status_synonyms_map_to_the_four_statuses(value, status):
    (concept,) = parse_tbx(tbx(tbx_entry("jalan", tig("jalan raya", value))), "s.tbx")
    assert [t.status for t in concept.terms] == [status]


def test_validate_reports_each_odd_term_with_file_and_line(tmp_path):
    path = tmp_path / "odd.tbx"
    path.write_bytes(ODD)
    found = glossaries.validate_files([path])
    odd = [(p.path, p.line, p.kind) for p in found.problems
           if p.kind in ("unknown-status", "empty-term", "several-terms", "no-term")]
    assert odd == [(str(path), 5, "unknown-status"), (str(path), 6, "empty-term"),
                   (str(path), 8, "several-terms"), (str(path), 9, "no-term")]
    assert found.concepts == 5


def test_the_glossary_cache_repeats_the_warnings_under_the_name_read(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("satu.tbx", "dua.tbx"):  # the second is read from the cache
        path = tmp_path / name
        path.write_bytes(ODD)
        with pytest.warns(TermbaseWarning) as caught:
            concepts = load_concepts(path)
        assert len(concepts) == 5
        assert [str(w.message).split(": ")[0] for w in caught] == [
            f"{path}:5", f"{path}:6", f"{path}:8", f"{path}:9"]


def test_the_cli_reads_an_odd_glossary_and_warns_on_stderr(invoke, tmp_path):
    path = tmp_path / "odd.tbx"
    path.write_bytes(ODD)
    result = invoke("lookup", "rimba", "--glossary", str(path),
                    env={"TERMBASE_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.output
    assert "rimba" in result.stdout
    assert f"termbase: {path}:6: empty <term> left out (concept hutan)" in result.stderr


@pytest.mark.parametrize("root, entry, section, group", [
    ("martif", "termEntry", "langSet", "ntig><termGrp"),
    ('tbx xmlns="urn:iso:std:iso:30042:ed-2"', "conceptEntry", "langSec", "termSec")])
def test_two_terms_in_an_ntig_or_termsec_are_reported_too(root, entry, section, group):
    closing = "</termGrp></ntig" if group.startswith("ntig") else f"</{group}"
    data = (f'<{root.split()[0]} {" ".join(root.split()[1:])}><text><body>\n'
            f'<{entry} id="laut"><{section} xml:lang="id">\n<{group}>\n<term>laut</term>\n'
            f"<term>samudra</term>{closing}>\n</{section}></{entry}>\n"
            f"</body></text></{root.split()[0]}>\n").encode()
    notices: list[TbxNotice] = []
    (concept,) = parse_tbx(data, "laut.tbx", notices=notices)
    assert [t.text for t in concept.terms] == ["laut"]
    assert [(n.line, n.kind) for n in notices] == [(5, "several-terms")]
    assert f"<{group.split('>')[0].split('<')[0]}> holds more than one" in notices[0].message


def test_a_repeated_po_msgid_without_context_says_so_plainly(tmp_path):
    from termbase.errors import InputError
    from termbase.formats.glossary_io import read_glossary_file

    path = tmp_path / "istilah.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "kerja sama"\nmsgstr "cooperation"\n\n'
                    'msgid "kerja sama"\nmsgstr "partnership"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_glossary_file(path)
    message = str(caught.value)
    assert "None" not in message
    assert "duplicate entry msgid 'kerja sama' (first at line 5)" in message
