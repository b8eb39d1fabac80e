"""Readers that must take what other tools write (issue #11): an XLIFF 1.2
<trans-unit> inside a <bin-unit>; PO files with `#text` comments, stray empty msgids,
legacy or UTF-16 encodings; TBX files with one odd entry among good ones."""

from __future__ import annotations

from termbase.exchange.merge import merge_xliff
from termbase.formats.bilingual import read_bilingual
from termbase.formats.tm_io import iter_units
from termbase.formats.xliff import XLIFF12, read_xliff

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
