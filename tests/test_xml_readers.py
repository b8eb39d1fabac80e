"""One reader per XML format (issue #10): what `tm import`, `merge` and the bilingual
checks read from an XLIFF 1.2, XLIFF 2.0 or TMX file is the same units with the same
texts, and translate="no" is decided once."""

from __future__ import annotations

import io

import pytest

from termbase.exchange.merge import merge_xliff
from termbase.formats.bilingual import read_bilingual
from termbase.formats.tm_io import iter_units
from termbase.formats.tmx import iter_tmx
from termbase.formats.xliff import XLIFF12, XLIFF20, read_xliff

XLIFF_12 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{XLIFF12}">
<file original="pasar.txt" source-language="id" target-language="en" datatype="plaintext">
<body>
<group id="p1">
<trans-unit id="p1-s1"><source>Pedagang <g id="1">ikan</g> membuka lapak
<ph id="2">&lt;br/&gt;</ph>pagi&#xA0;ini.</source>
<target state="translated">Fish <g id="1">traders</g> opened their stalls
<ph id="2">&lt;br/&gt;</ph>this&#xA0;morning.</target></trans-unit>
<trans-unit id="p1-s2" translate="no"><source>Pasar Minggu</source>
<target state="final">Pasar Minggu</target></trans-unit>
</group>
<group id="p2" translate="no">
<trans-unit id="p2-s1"><source>Kode: PSR-07</source>
<target state="translated">Kode: PSR-07</target></trans-unit>
</group>
<group id="p3">
<trans-unit id="p3-s1"><source>Harga <ut>{{b}}</ut>cabai<ut>{{/b}}</ut> &amp; bawang
turun.</source><target state="translated"><![CDATA[Chili & onion]]> prices <x id="9"/>fell.</target>
</trans-unit>
</group>
</body></file></xliff>
"""

XLIFF_20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="{XLIFF20}" srcLang="id" trgLang="en">
<file id="f1" original="hujan.txt">
<group id="p1">
<unit id="p1-s1"><segment state="translated"><source>Hujan turun <pc id="1">deras</pc><cp
 hex="2026"/></source><target>It rained <pc id="1">heavily</pc><cp hex="2026"/></target>
</segment></unit>
<unit id="p1-s2" translate="no"><segment state="final"><source>BMKG</source>
<target>BMKG</target></segment></unit>
</group>
<group id="p2" translate="no"><unit id="p2-s1" translate="yes"><segment state="reviewed">
<source>Sungai meluap.</source><target>The river overflowed.</target></segment></unit>
</group>
</file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="id" datatype="plaintext"/><body>
<tu tuid="a"><tuv xml:lang="fr"><seg>Le train est parti.</seg></tuv>
<tuv xml:lang="en-GB"><seg><bpt i="1">&lt;i&gt;</bpt>The train<ept i="1">&lt;/i&gt;</ept>
 left &#x2014; <hi>late</hi>.</seg></tuv>
<tuv xml:lang="id-ID"><seg><bpt i="1">&lt;i&gt;</bpt>Kereta<ept i="1">&lt;/i&gt;</ept>
 berangkat &#x2014; <hi>terlambat</hi>.</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="id"><seg>Stasiun <ph x="1">{1}</ph>ramai.</seg></tuv>
<tuv xml:lang="en"><seg>The station <ph x="1">{1}</ph>was busy.</seg></tuv></tu>
</body></tmx>
"""


def _write(tmp_path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name, content", [("pasar.xlf", XLIFF_12),
                                           ("hujan.xlf", XLIFF_20)])
def test_xliff_import_and_check_read_the_same_units_and_texts(tmp_path, name, content):
    path = _write(tmp_path, name, content)
    checked = read_bilingual(path).units
    imported = list(iter_units(path))
    _meta, units = read_xliff(path)
    assert [(u.unit.id, u.unit.source, u.unit.target, u.unit.source_markup,
             u.unit.target_markup) for u in checked] == [
        (u.id, u.source, u.target, u.source_markup, u.target_markup) for u in units]
    assert [(u.unit.source, u.unit.target) for u in checked] == [
        (u.source, u.target) for u in imported]


def test_xliff12_texts_drop_every_native_code_and_keep_cdata_and_entities(tmp_path):
    units = read_bilingual(_write(tmp_path, "pasar.xlf", XLIFF_12)).units
    assert [u.unit.id for u in units] == ["p1-s1", "p3-s1"]
    first, second = units
    assert first.unit.target == "Fish traders opened their stalls\nthis\xa0morning."
    assert second.unit.source == "Harga cabai & bawang\nturun."
    assert second.unit.target == "Chili & onion prices fell."
    assert first.unit.source_markup.startswith('Pedagang <g id="1">ikan</g>')


def test_xliff20_code_points_are_text_for_import_and_check(tmp_path):
    path = _write(tmp_path, "hujan.xlf", XLIFF_20)
    imported = list(iter_units(path))
    assert [(u.source, u.target) for u in imported] == [
        ("Hujan turun deras\u2026", "It rained heavily\u2026"),
        ("Sungai meluap.", "The river overflowed.")]


def test_tmx_import_and_check_read_the_same_texts_and_markup(tmp_path):
    path = _write(tmp_path, "kereta.tmx", TMX)
    checked = read_bilingual(path).units
    imported = list(iter_tmx(io.BytesIO(TMX.encode()), "kereta.tmx"))
    assert [(u.unit.source, u.unit.target, u.unit.source_markup, u.unit.target_markup)
            for u in checked] == [
        (u.source, u.target, u.source_markup, u.target_markup) for u in imported]
    first = checked[0].unit
    assert first.source == "Kereta\n berangkat \u2014 terlambat."
    assert first.target == "The train\n left \u2014 late."  # English, not the first tuv
    assert first.target_markup.startswith('<bpt i="1">&lt;i&gt;</bpt>The train')


def test_translate_no_is_neither_imported_nor_checked(tmp_path, invoke):
    for name, content, kept, skipped in (("pasar.xlf", XLIFF_12, ["p1-s1", "p3-s1"], 2),
                                         ("hujan.xlf", XLIFF_20, ["p1-s1", "p2-s1"], 1)):
        path = _write(tmp_path, name, content)
        assert [u.unit.id for u in read_bilingual(path).units] == kept
        assert [u.id for u in read_xliff(path)[1]] == kept
        assert len(list(iter_units(path))) == len(kept)
        memory = tmp_path / f"{name}.sqlite"
        result = invoke("tm", "import", path, "--tm", str(memory))
        assert result.exit_code == 0, result.output
        assert (f"{len(kept)} added, 0 updated, {skipped} skipped ({skipped} "
                'translate="no")') in result.output


def test_merge_passes_the_source_of_translate_no_units_through(tmp_path):
    path = _write(tmp_path, "pasar.xlf", XLIFF_12)
    (article,) = merge_xliff(path)
    assert article.text.split("\n\n") == [
        "Fish traders opened their stalls\nthis\xa0morning. Pasar Minggu",
        "Kode: PSR-07",
        "Chili & onion prices fell.\n"]
    assert article.untranslated == []
    assert article.units == 4


def _decoded(file_text: str, start: int, end: int) -> str:
    """What the characters at start:end of an XML file stand for."""
    written = file_text[start:end]
    named = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}
    if written in named:
        return named[written]
    if written.startswith("&#x"):
        return chr(int(written[3:-1], 16))
    if written.startswith("<cp"):
        return "\u2026"
    return written


@pytest.mark.parametrize("name, content", [("pasar.xlf", XLIFF_12),
                                           ("hujan.xlf", XLIFF_20),
                                           ("kereta.tmx", TMX)])
def test_every_character_of_a_target_with_inline_codes_and_entities_is_located(
        tmp_path, name, content):
    bilingual = read_bilingual(_write(tmp_path, name, content))
    for located in bilingual.units:
        for side in (located.source, located.target):
            assert "".join(_decoded(bilingual.text, start, end) for start, end in
                           zip(side.starts, side.ends, strict=True)) == side.text


def test_positions_of_a_target_after_codes_and_references(tmp_path):
    bilingual = read_bilingual(_write(tmp_path, "pasar.xlf", XLIFF_12))
    first = bilingual.units[0]
    text = bilingual.text
    target = first.unit.target
    start, end = first.target.span(target.index("this"), len(target))
    assert text[start:end] == "this&#xA0;morning."
    start, end = first.target.span(target.index("traders"), target.index("traders") + 7)
    assert text[start:end] == "traders"
    assert [(t.name, t.id) for t in first.target.tags] == [("g", "1"), ("ph", "2")]
    line = text.count("\n", 0, text.index("<target")) + 1
    assert (first.unit.target_line, first.unit.target_column) == (
        line, len('<target state="translated">') + 1)


def test_an_xliff12_trans_unit_without_an_id_is_read_and_named_by_its_line(tmp_path):
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
               '<file original="a.txt" source-language="id" target-language="en" '
               'datatype="plaintext"><body>\n'
               '<trans-unit><source>Harga naik.</source><target>Prices rose.</target>'
               '</trans-unit>\n'
               '</body></file></xliff>\n')
    units = read_bilingual(_write(tmp_path, "tanpa-id.xlf", content)).units
    assert [(u.unit.id, u.source.text, u.target.text) for u in units] == [
        ("line-4", "Harga naik.", "Prices rose.")]


_SDL_UNIT = ('<trans-unit id="{id}"><source>{source}</source><target>{target}</target>'
             '<sdl:seg-defs><sdl:seg id="1" conf="{conf}"/></sdl:seg-defs></trans-unit>\n')


def test_trados_confirmations_count_as_confirmed_translations(tmp_path):
    from termbase.formats.xliff import is_confirmed, parse_xliff

    units = "".join(_SDL_UNIT.format(id=n, source=s, target=t, conf=c) for n, s, t, c in [
        (1, "Harga naik.", "Prices rose.", "Translated"),
        (2, "Pasar dibuka.", "The market opened.", "ApprovedSignOff"),
        (3, "Kapal berlabuh.", "The ship docked.", "Draft")])
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
               'xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">\n'
               '<file original="a.txt" source-language="id" target-language="en" '
               'datatype="x-sdlfilterframework2"><body>\n' + units +
               '</body></file></xliff>\n')
    meta, read = parse_xliff(content.encode("utf-8"), "trados.sdlxliff")
    assert [is_confirmed(u, meta.version) for u in read] == [True, True, False]


def test_a_plain_xliff_target_without_a_state_has_none(tmp_path):
    from termbase.formats.xliff import parse_xliff

    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
               '<file original="a.txt" source-language="id" target-language="en" '
               'datatype="plaintext"><body>\n'
               '<trans-unit id="1"><source>Harga naik.</source><target>Prices rose.</target>'
               '</trans-unit>\n</body></file></xliff>\n')
    _, read = parse_xliff(content.encode("utf-8"), "polos.xlf")
    assert [u.state for u in read] == [None]
