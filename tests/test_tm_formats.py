"""Translation-memory files: TMX 1.4b, two-column TSV and PO, and the tools that read them."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import termbase
from termbase.errors import InputError
from termbase.formats.tm_io import detect_tm_format, iter_units, write_units
from termbase.formats.tm_po import parse_po, write_po
from termbase.formats.tm_tsv import iter_tsv, parse_tsv, write_tsv
from termbase.formats.tmx import iter_tmx, normalise_date, write_tmx
from termbase.model import TranslationUnit

# --- Helpers --------------------------------------------------------------------------

HEADER = ('<header creationtool="test" creationtoolversion="1" segtype="sentence" '
          'o-tmf="test" adminlang="en" srclang="{srclang}" datatype="plaintext"/>')


def tmx(body: str, srclang: str = "id-ID", prolog: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
            + '<tmx version="1.4">\n' + HEADER.format(srclang=srclang) + "\n<body>\n"
            + textwrap.dedent(body).strip("\n") + "\n</body>\n</tmx>\n")


def tu(source: str, target: str, attributes: str = "", source_lang: str = "id-ID",
       target_lang: str = "en-US") -> str:
    return (f'<tu {attributes}><tuv xml:lang="{source_lang}"><seg>{source}</seg></tuv>'
            f'<tuv xml:lang="{target_lang}"><seg>{target}</seg></tuv></tu>')


def read(text: str | bytes, **options) -> list[TranslationUnit]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(iter_tmx(io.BytesIO(data), "t.tmx", **options))


def fields(unit: TranslationUnit) -> tuple:
    """Every field but the line (bookkeeping of the file read)."""
    return (unit.source, unit.target, unit.source_lang, unit.target_lang,
            unit.source_markup, unit.target_markup, unit.created_at, unit.created_by,
            unit.changed_at, unit.changed_by, unit.origin, unit.tuid, list(unit.props),
            list(unit.notes))


def raises_input_error(function, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        result = function(*args, **kwargs)
        if hasattr(result, "__next__"):
            list(result)
    return caught.value


RICH = tmx(
    '<tu tuid="t1" creationdate="2024-03-05T07:08:09Z" creationid="ani" changeid="budi" '
    'changedate="20240306T101112Z">\n'
    '  <prop type="x-document">berita-1.txt</prop>\n'
    '  <prop type="x-domain">ekonomi</prop>\n'
    '  <note>dicek redaktur</note>\n'
    '  <tuv xml:lang="id-ID"><seg>Harga <bpt i="1" x="1">&lt;b&gt;</bpt>beras'
    '<ept i="1">&lt;/b&gt;</ept> naik<ph x="2">&lt;br/&gt;</ph> di '
    '<hi type="term">Jakarta</hi>, kata Menteri  Perdagangan.</seg></tuv>\n'
    '  <tuv xml:lang="en-US"><seg>The price of <bpt i="1" x="1">&lt;b&gt;</bpt>rice'
    '<ept i="1">&lt;/b&gt;</ept> rose<ph x="2">&lt;br/&gt;</ph> in '
    '<hi type="term">Jakarta</hi>, the Trade Minister said.</seg></tuv>\n'
    '</tu>\n'
    '<tu tuid="t2">\n'
    '  <tuv xml:lang="id-ID"><seg>Catatan kaki<ph type="fn">{fn:<sub>lihat halaman 3</sub>}'
    '</ph> dan <it pos="begin">&lt;i&gt;</it>miring</seg></tuv>\n'
    '  <tuv xml:lang="en-US"><seg>Footnote<ph type="fn">{fn:<sub>see page 3</sub>}</ph> '
    'and <it pos="begin">&lt;i&gt;</it>italic</seg></tuv>\n'
    '</tu>\n'
    '<tu><tuv xml:lang="id-ID"><seg>  Ruang   kosong\ntetap.  </seg></tuv>'
    '<tuv xml:lang="en-US"><seg>Spaces stay.</seg></tuv></tu>\n'
)


# --- TMX reading ----------------------------------------------------------------------


def test_tmx_plain_text_drops_native_codes_and_keeps_hi_and_sub():
    first, second, third = read(RICH)
    assert first.source == "Harga beras naik di Jakarta, kata Menteri  Perdagangan."
    assert first.target == "The price of rice rose in Jakarta, the Trade Minister said."
    assert second.source == "Catatan kakilihat halaman 3 dan miring"
    assert second.target == "Footnotesee page 3 and italic"
    # whitespace inside seg is significant
    assert third.source == "  Ruang   kosong\ntetap.  "
    assert third.source_markup is None and third.target_markup is None


def test_tmx_markup_is_the_exact_inner_xml_of_seg():
    first, second, _ = read(RICH)
    assert first.source_markup == (
        'Harga <bpt i="1" x="1">&lt;b&gt;</bpt>beras<ept i="1">&lt;/b&gt;</ept> naik'
        '<ph x="2">&lt;br/&gt;</ph> di <hi type="term">Jakarta</hi>, kata Menteri  '
        'Perdagangan.')
    assert '<sub>see page 3</sub>' in second.target_markup
    assert '<it pos="begin">&lt;i&gt;</it>' in second.source_markup


def test_tmx_unit_fields_props_notes_and_dates():
    first, second, third = read(RICH)
    assert first.tuid == "t1" and second.tuid == "t2" and third.tuid is None
    assert first.created_at == "20240305T070809Z" and first.created_by == "ani"
    assert first.changed_at == "20240306T101112Z" and first.changed_by == "budi"
    assert first.props == [("x-document", "berita-1.txt"), ("x-domain", "ekonomi")]
    assert first.origin == "berita-1.txt"
    assert first.notes == ["dicek redaktur"]
    assert first.source_lang == "id-ID" and first.target_lang == "en-US"
    assert first.line == 5  # after the declaration, <tmx>, <header> and <body> lines


def test_tmx_round_trip_keeps_everything_modeled():
    units = read(RICH)
    again = read(write_tmx(units))
    assert [fields(u) for u in again] == [fields(u) for u in units]
    # and a second time, byte for byte (the header date aside)
    stamp = "20250101T000000Z"
    assert write_tmx(again, creation_date=stamp) == write_tmx(units, creation_date=stamp)


def test_tmx_round_trip_of_constructed_units_with_non_ascii():
    units = [
        TranslationUnit("Presiden Joko Widodo meresmikan “Jembatan Ampera” — ½ jam.",
                        "President Joko Widodo opened the “Ampera Bridge” — ½ hour.",
                        tuid="u-1", created_at="20230101T000000Z", created_by="désirée",
                        changed_at="20230102T000000Z", changed_by="ǅ",
                        props=[("x-context", "judul"), ("x-Note:SingleString", "ä & <b>")],
                        notes=["catatan ünïcode", "kedua"]),
        TranslationUnit("Kota 北京 dan 😀 & <tag> \"kutip\" 'x'", "City 北京 and 😀 & <tag>",
                        origin="arsip/2024.txt"),
    ]
    again = read(write_tmx(units))
    assert [fields(u) for u in again[:1]] == [fields(u) for u in units[:1]]
    # origin is written as <prop type="x-origin"> and read back from it
    assert again[1].origin == "arsip/2024.txt"
    assert again[1].props == [("x-origin", "arsip/2024.txt")]
    assert (again[1].source, again[1].target) == (units[1].source, units[1].target)


def test_tmx_dates_with_separators_offsets_and_junk():
    assert normalise_date("2024-03-05T07:08:09Z") == "20240305T070809Z"
    assert normalise_date("20240305T070809Z") == "20240305T070809Z"
    assert normalise_date("2024-03-05T07:08:09.123Z") == "20240305T070809Z"
    assert normalise_date("2024-03-05T07:08:09+07:00") == "20240305T000809Z"
    assert normalise_date("20240305T000809-0130") == "20240305T013809Z"
    assert normalise_date("2024-13-05T07:08:09Z") is None
    assert normalise_date("yesterday") is None
    units = read(tmx(tu("a", "b", 'creationdate="2024-03-05T07:08:09Z" '
                                  'changedate="bogus"')))
    assert units[0].created_at == "20240305T070809Z" and units[0].changed_at is None


def test_tmx_dates_and_ids_fall_back_to_the_tuvs():
    body = ('<tu><tuv xml:lang="id" creationdate="20240102T000000Z" creationid="ani" '
            'changedate="2024-02-01T00:00:00Z"><seg>a</seg></tuv>'
            '<tuv xml:lang="en" creationdate="20240101T000000Z" '
            'changedate="20240301T000000Z" changeid="budi"><seg>b</seg></tuv></tu>')
    (unit,) = read(tmx(body))
    assert unit.created_at == "20240101T000000Z"  # earliest
    assert unit.changed_at == "20240301T000000Z"  # latest
    assert unit.created_by == "ani" and unit.changed_by == "budi"


def test_tmx_srclang_all_and_language_tags_in_any_case():
    body = "\n".join([
        tu("satu", "one", source_lang="ID-id", target_lang="EN-us"),
        tu("dua", "two", source_lang="id", target_lang="en"),
        '<tu><tuv lang="in"><seg>tiga</seg></tuv><tuv lang="en_GB"><seg>three</seg></tuv></tu>',
        # target first, extra language in between
        '<tu><tuv xml:lang="en-US"><seg>four</seg></tuv><tuv xml:lang="fr-FR"><seg>quatre'
        '</seg></tuv><tuv xml:lang="id-ID"><seg>empat</seg></tuv></tu>',
    ])
    units = read(tmx(body, srclang="*all*"))
    assert [(u.source, u.target) for u in units] == [
        ("satu", "one"), ("dua", "two"), ("tiga", "three"), ("empat", "four")]
    # tags are kept in their BCP 47 form: case by subtag, "in" and "_" read
    assert units[0].source_lang == "id-ID" and units[0].target_lang == "en-US"
    assert units[2].source_lang == "id" and units[2].target_lang == "en-GB"
    # the other direction, from the same file
    reverse = read(tmx(body, srclang="*all*"), source_lang="en", target_lang="id")
    assert [(u.source, u.target) for u in reverse][0] == ("one", "satu")


def test_tmx_prefers_the_exact_tag_among_tuvs_of_one_language():
    body = ('<tu><tuv xml:lang="en-GB"><seg>colour</seg></tuv><tuv xml:lang="en-US">'
            '<seg>color</seg></tuv><tuv xml:lang="id-ID"><seg>warna</seg></tuv></tu>')
    assert read(tmx(body), target_lang="en-US")[0].target == "color"
    assert read(tmx(body), target_lang="en")[0].target == "colour"


def test_tmx_units_without_both_languages_are_skipped_and_reported():
    body = "\n".join([
        tu("satu", "one"),
        '<tu><tuv xml:lang="id"><seg>hanya</seg></tuv></tu>',
        tu("tiga", "trois", target_lang="fr"),
        tu("empat", "  "),
        '<tu><tuv xml:lang="id"><seg>lima</seg></tuv><tuv xml:lang="en"/></tu>',
        tu("enam", "six"),
    ])
    skipped: list[tuple[int | None, str]] = []
    units = read(tmx(body), on_skip=lambda line, reason: skipped.append((line, reason)))
    assert [u.source for u in units] == ["satu", "enam"]
    assert skipped == [(6, "no tuv in en"), (7, "no tuv in en"),
                       (8, "empty target segment"), (9, "tuv without <seg>")]


def test_tmx_in_utf16_with_bom_and_utf8_with_bom():
    text = tmx(tu("Kopi ☕ di Bandung", "Coffee ☕ in Bandung")).replace(
        'encoding="UTF-8"', 'encoding="UTF-16"')
    for data in (text.encode("utf-16"),  # BOM, native order
                 b"\xff\xfe" + text.encode("utf-16-le"),
                 b"\xfe\xff" + text.encode("utf-16-be")):
        units = read(data)
        assert [(u.source, u.target) for u in units] == [("Kopi ☕ di Bandung",
                                                          "Coffee ☕ in Bandung")]
        assert units[0].line == 5
    no_bom = read(text.encode("utf-16-le"))  # not TMX-conformant, but read
    assert no_bom[0].source == "Kopi ☕ di Bandung"
    utf8 = tmx(tu("Kopi ☕", "Coffee ☕")).encode("utf-8-sig")
    assert read(utf8)[0].source == "Kopi ☕"
    latin1 = tmx(tu("Café", "Coffee")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    assert read(latin1.encode("latin-1"))[0].source == "Café"


def test_tmx_utf16_entity_declaration_is_refused():
    text = tmx(tu("&e;", "x"), prolog='<!DOCTYPE tmx [\n<!ENTITY e "boom">\n]>\n')
    error = raises_input_error(read, text.replace("UTF-8", "UTF-16").encode("utf-16"))
    assert "entity" in error.message and error.line == 3


def test_tmx_from_a_path_and_a_namespaced_tmx(tmp_path):
    path = tmp_path / "ns.tmx"
    path.write_text(tmx(tu("a <hi>b</hi>", "c")).replace(
        '<tmx version="1.4">', '<tmx xmlns="http://www.lisa.org/tmx14" version="1.4">'),
        encoding="utf-8")
    (unit,) = iter_tmx(path)
    assert unit.source == "a b" and unit.source_markup == "a <hi>b</hi>"
    error = raises_input_error(iter_tmx, tmp_path / "missing.tmx")
    assert error.path.endswith("missing.tmx") and "no such file" in error.message


# --- TMX security and faults -----------------------------------------------------------


def test_tmx_external_entity_is_refused_with_its_line(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE tmx [\n  <!ENTITY xxe SYSTEM "{secret.as_uri()}">\n]>\n'
    error = raises_input_error(read, tmx(tu("&xxe;", "x"), prolog=prolog))
    assert "entity declarations are not allowed" in error.message
    assert error.path == "t.tmx" and error.line == 3
    assert "TOP SECRET" not in str(error)


def test_tmx_entity_bomb_is_refused_with_its_line():
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    prolog = '<!DOCTYPE tmx [\n<!ENTITY lol0 "lol">\n' + lol + "]>\n"
    started = time.perf_counter()
    error = raises_input_error(read, tmx(tu("&lol9;", "x"), prolog=prolog))
    assert error.line == 3 and time.perf_counter() - started < 1


def test_tmx_entity_declared_after_a_long_prolog_is_still_refused():
    prolog = ("<!--" + "x" * 70_000 + "-->\n"
              + '<!DOCTYPE tmx [<!ENTITY e "boom">]>\n')
    error = raises_input_error(read, tmx(tu("&e;", "x"), prolog=prolog))
    assert "entity" in error.message and error.line


def test_tmx_undefined_entity_with_external_dtd_is_refused():
    text = tmx(tu("a&nbsp;b", "x"), prolog='<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    error = raises_input_error(read, text)
    assert "&nbsp;" in error.message and error.line == 6


def test_tmx_external_dtd_is_not_loaded(tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY boom "loaded">', encoding="utf-8")
    text = tmx(tu("aman", "safe"), prolog=f'<!DOCTYPE tmx SYSTEM "{dtd.as_uri()}">\n')
    assert read(text)[0].source == "aman"


def test_tmx_malformed_file_names_file_and_line():
    text = tmx(tu("satu", "one") + "\n" + tu("dua</b>", "two"))
    error = raises_input_error(read, text)
    assert error.path == "t.tmx" and error.line == 6 and "malformed XML" in error.message


def test_tmx_truncated_file_yields_units_before_the_error():
    text = tmx("\n".join(tu(f"kalimat {i}", f"sentence {i}") for i in range(5)))
    truncated = text[: text.index("kalimat 3")]
    seen = []
    with pytest.raises(InputError) as caught:
        for unit in read_lazily(truncated):
            seen.append(unit.source)
    assert seen == ["kalimat 0", "kalimat 1", "kalimat 2"]  # streaming: caller rolls back
    assert caught.value.line == 8 and caught.value.path == "t.tmx"


def read_lazily(text: str):
    return iter_tmx(io.BytesIO(text.encode("utf-8")), "t.tmx")


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xff\xfe"])  # 0 bytes: the contract
def test_tmx_empty_file_is_an_input_error(data):
    error = raises_input_error(read, data)
    assert "empty file" in error.message and error.path == "t.tmx"


def test_tmx_other_xml_is_refused():
    error = raises_input_error(read, '<?xml version="1.0"?>\n<xliff version="1.2"/>')
    assert "not a TMX file" in error.message and error.line == 2
    error = raises_input_error(read, "not xml at all")
    assert "malformed XML" in error.message and error.line == 1


# --- TMX writing -----------------------------------------------------------------------


def test_write_tmx_prolog_header_and_structure():
    data = write_tmx([TranslationUnit("a", "b", tuid="1", created_at="2024-01-02T03:04:05Z",
                                      props=[("x-p", "v")], notes=["n"])])
    text = data.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n'
                           '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">')
    root = etree.fromstring(data)
    header = root.find("header")
    assert list(header.attrib)[:7] == ["creationtool", "creationtoolversion", "segtype",
                                       "o-tmf", "adminlang", "srclang", "datatype"]
    assert header.get("creationtool") == "termbase"
    assert header.get("creationtoolversion") == termbase.__version__
    assert header.get("srclang") == "id-ID" and "OmegaT" not in text
    assert len(header.get("creationdate")) == 16 and header.get("creationdate").endswith("Z")
    unit = root.find("body/tu")
    assert unit.get("tuid") == "1" and unit.get("creationdate") == "20240102T030405Z"
    assert [child.tag for child in unit] == ["prop", "note", "tuv", "tuv"]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [tuv.get(lang) for tuv in unit.findall("tuv")] == ["id-ID", "en-US"]


def test_write_tmx_labels_each_tuv_with_its_units_tags():
    units = read(tmx(tu("a", "b", source_lang="in", target_lang="EN-gb")))
    units.append(TranslationUnit("c", "d", source_lang="", target_lang=""))
    root = etree.fromstring(write_tmx(units, "id-ID", "en-US"))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    # the tags read (in BCP 47 form), the given pair only for a unit without tags
    assert [t.get(lang) for t in root.iter("tuv")] == ["id", "en-GB", "id-ID", "en-US"]
    assert root.find("header").get("srclang") == "id-ID"


def test_write_tmx_falls_back_to_plain_text_for_stale_or_foreign_markup():
    units = [
        TranslationUnit("diedit", "edited", source_markup="lama <ph>x</ph>"),
        TranslationUnit("a b", "c", source_markup="a <b>b</b>"),
        TranslationUnit("a b", "c", source_markup="a <hi>b"),
        TranslationUnit("a b", "c", source_markup='a <!DOCTYPE x [<!ENTITY e "b">]>&e;'),
        TranslationUnit("a b", "c", source_markup="a <hi>b</hi>"),
    ]
    again = read(write_tmx(units))
    assert [u.source_markup for u in again] == [None, None, None, None, "a <hi>b</hi>"]
    assert [u.source for u in again] == ["diedit", "a b", "a b", "a b", "a b"]


def test_write_tmx_refuses_text_xml_cannot_hold():
    error = raises_input_error(write_tmx, [TranslationUnit("bel\x07", "bell", tuid="x9")])
    assert "U+0007" in error.message and "x9" in error.message


# --- Property tests ---------------------------------------------------------------------

_CONTROL = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]
_ODD_WHITESPACE = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2009",
                                   "\u3000", "\u200b", "\ufeff", "\u2028", "\x85"])
_XML_CHARACTERS = st.characters(blacklist_categories=("Cs",),
                                blacklist_characters=_CONTROL + ["\ufffe", "\uffff"])
_XML_TEXT = st.lists(st.one_of(_XML_CHARACTERS, _ODD_WHITESPACE, st.sampled_from("éü—“”&<>")),
                     min_size=1, max_size=30).map("".join).filter(lambda s: s.strip())
_TSV_TEXT = _XML_TEXT.map(lambda s: s.replace("\t", "").replace("\n", "").replace("\r", "")
                          ).filter(lambda s: s.strip())


@settings(max_examples=3 * settings.default.max_examples // 2)
@given(st.lists(st.tuples(_XML_TEXT, _XML_TEXT), min_size=1, max_size=5))
def test_tmx_round_trip_of_plain_texts(pairs):
    units = [TranslationUnit(source, target) for source, target in pairs]
    again = read(write_tmx(units))
    assert [(u.source, u.target, u.source_markup) for u in again] == [
        (source, target, None) for source, target in pairs]


@settings(max_examples=3 * settings.default.max_examples // 2)
@given(st.lists(st.tuples(_TSV_TEXT, _TSV_TEXT), min_size=1, max_size=5))
def test_tsv_round_trip_of_plain_texts(pairs):
    data = write_tsv([TranslationUnit(source, target) for source, target in pairs])
    again = list(parse_tsv(io.BytesIO(data.encode("utf-8")), "t.tsv"))
    assert [(u.source, u.target) for u in again] == pairs


# --- Memory ----------------------------------------------------------------------------


def generate_tmx(path: Path, count: int) -> None:
    """A large TMX written fast (every tenth unit with inline codes)."""
    plain = ('<tu tuid="{0}" creationdate="20200101T000000Z"><tuv xml:lang="id-ID"><seg>'
             'Kalimat nomor {0} dalam bahasa Indonesia.</seg></tuv><tuv xml:lang="en-US">'
             '<seg>Sentence number {0} in English.</seg></tuv></tu>\n')
    coded = plain.replace("dalam", 'dalam <ph x="1">&lt;br/&gt;</ph>')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
                     + HEADER.format(srclang="id-ID") + "<body>\n")
        for start in range(0, count, 10_000):
            handle.write("".join((coded if i % 10 == 0 else plain).format(i)
                                 for i in range(start, min(count, start + 10_000))))
        handle.write("</body></tmx>\n")


def test_tmx_streaming_keeps_python_memory_flat(tmp_path):
    # tracemalloc slows lxml work about eightfold: 50,000 units keep this near 3 s.
    path = tmp_path / "big.tmx"
    generate_tmx(path, 50_000)
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_tmx(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 50_000
    assert peak < 30 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_tmx_streaming_keeps_process_memory_flat(tmp_path):
    """libxml2's tree is invisible to tracemalloc: measure the resident set of a child
    process parsing 200,000 units (about 50 MB of TMX, a 250 MB tree if kept)."""
    path = tmp_path / "big.tmx"
    generate_tmx(path, 200_000)
    script = textwrap.dedent("""
        import resource, sys
        from termbase.formats.tmx import iter_tmx
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        count = sum(1 for _ in iter_tmx(sys.argv[1]))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(count, (after - before) // 1024)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True, check=True, timeout=120)
    count, grown_mb = map(int, done.stdout.split())
    assert count == 200_000
    assert grown_mb < 30, f"resident set grew by {grown_mb} MB"


def test_write_tmx_streams_to_a_file(tmp_path):
    def units():
        for i in range(10_000):
            yield TranslationUnit(f"kalimat {i}", f"sentence {i}", tuid=str(i))

    path = tmp_path / "out.tmx"
    tracemalloc.start()
    try:
        assert write_units(units(), path, "tmx") == 10_000
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert path.stat().st_size > 1_500_000
    assert peak < 1_000_000  # far less than the output: written as it goes
    assert sum(1 for _ in iter_tmx(path)) == 10_000


# --- Other tools -----------------------------------------------------------------------


def test_translate_toolkit_reads_our_tmx():
    from translate.storage.tmx import tmxfile

    units = read(RICH) + [TranslationUnit("Kopi ☕ & teh", "Coffee ☕ & tea")]
    store = tmxfile.parsestring(write_tmx(units), sourcelanguage="id-ID",
                                targetlanguage="en-US")
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert len(pairs) == 4
    assert pairs[3] == ("Kopi ☕ & teh", "Coffee ☕ & tea")
    assert pairs[2] == ("  Ruang   kosong\ntetap.  ", "Spaces stay.")
    assert "beras" in pairs[0][0] and "rice" in pairs[0][1]
    assert store.findunit("Kopi ☕ & teh") is not None


def test_msgfmt_accepts_our_po(tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    units = [TranslationUnit("Halo", "Hello", notes=["sapaan", "dua\nbaris"],
                             origin="a.txt:3 b.txt"),
             TranslationUnit("Halo", "Hi", tuid="t2"),
             TranslationUnit("Halo", "Hey"),
             TranslationUnit("Halo", "Hey", props=[("x-context", "tm-1")]),
             TranslationUnit("\nBaris\r\nbaru\t\"kutip\" \\ %s {0}", "New\nline %d"),
             TranslationUnit("ü", "\n"),
             TranslationUnit("Konteks", "Context", props=[("x-context", "judul")])]
    path = tmp_path / "tm.po"
    assert write_units(units, path, "po") == len(units)
    done = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert '"Language: en\\n"' in text and '"X-Source-Language: id\\n"' in text


OMEGAT_JARS = ("/usr/share/omegat/OmegaT.jar", "/usr/share/java/omegat.jar",
               "/opt/omegat/OmegaT.jar", "/usr/lib/omegat/OmegaT.jar")
DTD_FOLDERS = ("/usr/share/omegat", "/usr/share/xml", "/usr/share/sgml", "/opt/omegat")


def tmx_schemas(folder: Path) -> dict[str, Path]:
    """OmegaT's copies of tmx14.dtd and tmx14.xsd (with xml.xsd), extracted at run time
    (OmegaT's files are not part of this repository), or a tmx14.dtd found on disk."""
    found: dict[str, Path] = {}
    for jar in OMEGAT_JARS:
        if not os.path.isfile(jar):
            continue
        with zipfile.ZipFile(jar) as archive:
            names = set(archive.namelist())
            for member in ("schemas/tmx14.dtd", "schemas/tmx14.xsd", "schemas/xml.xsd"):
                if member in names:
                    target = folder / Path(member).name
                    target.write_bytes(archive.read(member))
                    found[target.name] = target
        break
    if "tmx14.dtd" not in found:
        for base in DTD_FOLDERS:
            for candidate in Path(base).rglob("tmx14.dtd") if os.path.isdir(base) else ():
                found["tmx14.dtd"] = candidate
                break
    return found


def test_our_tmx_is_valid_against_tmx14_dtd(tmp_path):
    xmllint = shutil.which("xmllint")
    schemas = tmx_schemas(tmp_path)
    if xmllint is None or "tmx14.dtd" not in schemas:
        pytest.skip("needs xmllint (libxml2-utils) and a tmx14.dtd (e.g. OmegaT's)")
    path = tmp_path / "out.tmx"
    units = read(RICH) + [TranslationUnit("a", "b", origin="x.txt", notes=["n"])]
    write_units(units, path, "tmx")
    done = subprocess.run([xmllint, "--noout", "--nonet", "--dtdvalid",
                           str(schemas["tmx14.dtd"]), str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_our_tmx_is_valid_against_omegat_tmx14_xsd(tmp_path):
    schemas = tmx_schemas(tmp_path)
    if "tmx14.xsd" not in schemas or "xml.xsd" not in schemas:
        pytest.skip("OmegaT's tmx14.xsd is not on this machine")
    schema = etree.XMLSchema(etree.parse(str(schemas["tmx14.xsd"])))
    units = read(RICH) + [TranslationUnit("a", "b", origin="x.txt", notes=["n"])]
    document = etree.fromstring(write_tmx(units))
    assert schema.validate(document), schema.error_log


# --- TSV -------------------------------------------------------------------------------


def tsv(text: str, **options) -> list[TranslationUnit]:
    return list(parse_tsv(io.BytesIO(text.encode("utf-8")), "t.tsv", **options))


def test_tsv_reads_comments_header_bom_and_crlf(tmp_path):
    path = tmp_path / "tm.tsv"
    path.write_bytes("\ufeff# komentar\nid-ID\ten-GB\r\n\n  Halo  dunia\tHello world\r\n"
                     "#tagar\t#hashtag\n".encode())
    units = list(iter_tsv(path))
    assert [(u.source, u.target, u.line) for u in units] == [
        ("  Halo  dunia", "Hello world", 4), ("#tagar", "#hashtag", 5)]
    assert units[0].source_lang == "id-ID" and units[0].target_lang == "en-GB"


def test_tsv_header_in_the_other_order_swaps_columns():
    units = tsv("en\tid\nHello\tHalo\n")
    assert (units[0].source, units[0].target) == ("Halo", "Hello")
    assert units[0].source_lang == "id-ID"  # bare tags keep the model's defaults
    assert [(u.source, u.target) for u in tsv("source\ttarget\nA\tB\n")] == [("A", "B")]
    assert [(u.source, u.target) for u in tsv("fr\tde\n")] == [("fr", "de")]  # not a header


def test_tsv_wrong_column_count_names_the_line():
    error = raises_input_error(tsv, "a\tb\nc\td\te\n")
    assert (error.path, error.line) == ("t.tsv", 2) and "3 columns" in error.message
    error = raises_input_error(tsv, "a\tb\n\nno tab here\n")
    assert error.line == 3 and "1 columns" in error.message


def test_tsv_faults_and_skips():
    skipped = []
    units = tsv("a\t \n\tb\nc\td\n", on_skip=lambda line, reason: skipped.append((line, reason)))
    assert [u.source for u in units] == ["c"]
    assert skipped == [(1, "empty target"), (2, "empty source")]
    assert raises_input_error(tsv, "").message.startswith("empty file")
    assert tsv("# only a comment\n\n") == []  # not empty, but no units
    error = raises_input_error(lambda: list(parse_tsv(io.BytesIO(b"a\tb\n\xe9\tx\n"), "t")))
    assert error.line == 2 and "UTF-8" in error.message
    error = raises_input_error(lambda: list(parse_tsv(io.BytesIO("a\tb\n".encode("utf-16")),
                                                      "t")))
    assert "UTF-16" in error.message
    assert raises_input_error(tsv, "a\x07\tb\n").line == 1


def test_tsv_writer_replaces_tabs_and_line_breaks_and_guards_the_first_line():
    text = write_tsv([TranslationUnit("a\tb\nc\r\nd", "e"), TranslationUnit("#x", "y")])
    assert text == "a b c  d\te\n#x\ty\n"
    guarded = write_tsv([TranslationUnit("id", "en"), TranslationUnit("a", "b")])
    assert guarded.startswith("source\ttarget\n")
    assert [(u.source, u.target) for u in tsv(guarded)] == [("id", "en"), ("a", "b")]


# --- PO --------------------------------------------------------------------------------

PO = textwrap.dedent("""\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Language: en_GB\\n"
    "X-Source-Language: id\\n"

    # catatan penerjemah
    #. dari pengembang
    #: berita/1.txt:12 berita/2.txt
    msgctxt "judul"
    msgid "Harga beras naik"
    msgstr "Rice prices rise"

    #, fuzzy
    msgid "Kabur"
    msgstr "Fuzzy"

    msgid "Kosong"
    msgstr ""

    msgid "satu buku"
    msgid_plural "%d buku"
    msgstr[0] "one book"
    msgstr[1] "%d books"

    msgid "  Spasi\\n"
    msgstr "Spaces\\n"

    #~ msgid "Usang"
    #~ msgstr "Obsolete"
""")


def test_po_reading_maps_fields_and_reports_skips():
    skipped = []
    units = list(parse_po(PO.encode(), "t.po", lambda line, reason: skipped.append(
        (line, reason))))
    first, second = units
    assert (first.source, first.target) == ("Harga beras naik", "Rice prices rise")
    assert first.props == [("x-context", "judul")]
    assert first.notes == ["catatan penerjemah", "dari pengembang"]
    assert first.origin == "berita/1.txt:12 berita/2.txt"
    assert first.line == 7 and first.target_lang == "en-GB" and first.source_lang == "id-ID"
    assert (second.source, second.target) == ("  Spasi\n", "Spaces\n")
    assert [reason for _, reason in skipped] == [
        "fuzzy entry", "untranslated entry (empty msgstr)", "plural entry", "obsolete entry"]
    assert skipped[0][0] == 14  # where the fuzzy entry starts


def test_po_round_trip_and_duplicate_contexts():
    units = [TranslationUnit("Halo", "Hello", notes=["a", "b"], origin="x.txt:1"),
             TranslationUnit("Halo", "Hi", tuid="t2"),
             TranslationUnit("Halo", "Hey", tuid="t2"),
             TranslationUnit("Judul", "Title", props=[("x-context", "k")])]
    again = list(parse_po(write_po(units).encode(), "t.po"))
    assert [(u.source, u.target, u.props) for u in again] == [
        ("Halo", "Hello", []), ("Halo", "Hi", [("x-context", "t2")]),
        ("Halo", "Hey", [("x-context", "tm-1")]), ("Judul", "Title", [("x-context", "k")])]
    assert again[0].notes == ["a", "b"] and again[0].origin == "x.txt:1"


def test_po_faults():
    assert raises_input_error(lambda: list(parse_po(b"", "t.po"))).message.startswith("empty")
    error = raises_input_error(lambda: list(parse_po(b'msgid "a"\nmsgstr "b"\nmsgid\n', "t.po")))
    assert error.path == "t.po" and "malformed PO" in error.message


# --- tm_io -----------------------------------------------------------------------------


def test_detect_tm_format_sniffs_unknown_extensions(tmp_path):
    path = tmp_path / "memory.xml"
    path.write_bytes(tmx(tu("a", "b")).encode("utf-16"))
    assert detect_tm_format(path) == "tmx"
    assert [u.source for u in iter_units(path)] == ["a"]
    other = tmp_path / "notes.md"
    other.write_text("# hi\n", encoding="utf-8")
    assert "unknown translation-memory format" in raises_input_error(
        detect_tm_format, other).message
    xliff = tmp_path / "job.xml"  # XLIFF is read too: its confirmed translations
    xliff.write_text('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                     '<file original="a.txt" source-language="id" target-language="en" '
                     'datatype="plaintext"><body><trans-unit id="1" approved="yes">'
                     "<source>a</source><target>b</target></trans-unit></body></file>"
                     "</xliff>", encoding="utf-8")
    assert detect_tm_format(xliff) == "xliff"
    assert [(u.source, u.target, u.origin) for u in iter_units(xliff)] == [("a", "b",
                                                                            "a.txt")]


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "po"])
def test_write_units_and_iter_units_round_trip(tmp_path, fmt):
    units = [TranslationUnit("Satu ü", "One ü", tuid="1"),
             TranslationUnit("Dua", "Two", tuid="2")]
    path = tmp_path / f"out.{fmt}"
    assert write_units(iter(units), path) == 2
    assert [(u.source, u.target) for u in iter_units(path)] == [("Satu ü", "One ü"),
                                                                 ("Dua", "Two")]
    assert path.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    assert os.listdir(tmp_path) == [path.name]


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "po"])
def test_write_units_leaves_the_old_file_on_error(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)

    def units():
        yield TranslationUnit("a", "b")
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        write_units(units(), path)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == [path.name]
    write_units([TranslationUnit("a", "b")], path)
    assert path.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode


def test_iter_units_passes_languages_and_skips(tmp_path):
    path = tmp_path / "tm.tmx"
    path.write_text(tmx(tu("a", "b") + "\n" + tu("c", "d", target_lang="fr")),
                    encoding="utf-8")
    skipped = []
    units = list(iter_units(path, on_skip=lambda line, reason: skipped.append(reason)))
    assert [u.source for u in units] == ["a"] and skipped == ["no tuv in en"]
    assert [u.target for u in iter_units(path, "tmx", source_lang="id",
                                         target_lang="fr")] == ["d"]
