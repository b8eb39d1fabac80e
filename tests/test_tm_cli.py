"""termbase tm ...: import, export, search, concordance, add, stats, delete."""

from __future__ import annotations

import json
import sqlite3

import pytest

from .conftest import REPO

STARTER = REPO / "tm" / "starter.tmx"

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" o-tmf="x" segtype="sentence"
          adminlang="en-US" srclang="id-ID" datatype="plaintext"/>
  <body>
    <tu tuid="t1" creationdate="20250101T120000Z" creationid="ani">
      <prop type="x-document">berita-1</prop>
      <note>dicek redaktur</note>
      <tuv xml:lang="id-ID"><seg>Kedua negara memperkuat <hi>kerja sama</hi> ekonomi.</seg></tuv>
      <tuv xml:lang="en-US"><seg>The two countries strengthened economic cooperation.</seg></tuv>
    </tu>
    <tu tuid="t2">
      <tuv xml:lang="id-ID"><seg>Presiden tiba di Astana pada Rabu.</seg></tuv>
      <tuv xml:lang="en-US"><seg>The President arrived in Astana on Wednesday.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


@pytest.fixture
def memory(tmp_path, monkeypatch):
    path = tmp_path / "memory.sqlite"
    monkeypatch.setenv("TERMBASE_TM", str(path))
    return path


@pytest.fixture
def tmx(tmp_path):
    path = tmp_path / "in.tmx"
    path.write_text(TMX, encoding="utf-8")
    return path


def test_import_search_and_reimport(invoke, memory, tmx):
    result = invoke("tm", "import", str(tmx))
    assert result.exit_code == 0, result.output
    assert f"{tmx}: 2 added, 0 updated, 0 skipped" in result.output
    again = invoke("tm", "import", str(tmx))
    assert "0 added, 0 updated, 2 skipped (2 already in the memory)" in again.output
    found = json.loads(invoke("tm", "search", "Kedua negara memperkuat kerja sama pertahanan.",
                              "--format", "json").output)
    (match,) = found["matches"]
    assert match["target"] == "The two countries strengthened economic cooperation."
    assert match["band"] == "fuzzy" and 80 <= match["score"] < 90
    english = json.loads(invoke("tm", "search", "The President arrived in Astana on Wednesday.",
                                "--from", "en", "--format", "json").output)
    assert english["matches"][0]["target"] == "Presiden tiba di Astana pada Rabu."
    assert english["matches"][0]["score"] == 100


def test_search_marks_the_differing_words(invoke, memory, tmx):
    invoke("tm", "import", str(tmx))
    text = invoke("tm", "search", "Kedua negara memperkuat kerja sama pertahanan.").output
    assert "fuzzy" in text and "→ The two countries strengthened economic cooperation." in text
    nothing = invoke("tm", "search", "Kalimat yang sama sekali lain.")
    assert nothing.exit_code == 1


def test_concordance_add_stats_delete(invoke, memory, tmx):
    invoke("tm", "import", str(tmx))
    hits = json.loads(invoke("tm", "concordance", "kerja", "sama", "--format", "json").output)
    assert [u["target"] for u in hits["units"]] == [
        "The two countries strengthened economic cooperation."]
    added = invoke("tm", "add", "Harga batu bara naik.", "Coal prices rose.")
    unit_id = int(added.output.split()[0].lstrip("#"))
    assert "added" in added.output
    figures = json.loads(invoke("tm", "stats", "--format", "json").output)
    assert figures["units"] == 3 and figures["schema_version"] == 2
    assert invoke("tm", "delete", str(unit_id)).exit_code == 0
    missing = invoke("tm", "delete", str(unit_id))
    assert missing.exit_code == 2 and f"no unit #{unit_id}" in missing.output


@pytest.mark.parametrize("source, target, side", [
    ("", "Coal prices rose.", "source"), ("Harga batu bara naik.", "", "target"),
    ("  \t", "Coal prices rose.", "source"), ("Harga batu bara naik.", " \n ", "target"),
    ("", "", "source")])
def test_add_refuses_an_empty_side_and_creates_nothing(invoke, memory, source, target,
                                                       side):
    result = invoke("tm", "add", source, target)
    assert result.exit_code == 2
    assert result.output == f"termbase: the {side} is empty: a pair needs text on both " \
        "sides\n"
    assert not memory.exists()


def test_add_refuses_an_empty_side_of_an_existing_memory(invoke, memory):
    from termbase.errors import InputError
    from termbase.model import TranslationUnit
    from termbase.tm.store import open_memory

    assert invoke("tm", "add", "Harga batu bara naik.", "Coal prices rose.").exit_code == 0
    with pytest.raises(InputError, match="the target is empty"):
        open_memory(memory).add(TranslationUnit("Harga emas turun.", " ", "id-ID", "en-US"))
    assert json.loads(invoke("tm", "stats", "--format", "json").output)["units"] == 1


def test_export_round_trip_keeps_units_tags_notes_and_props(invoke, memory, tmx, tmp_path):
    from termbase.formats.tm_io import iter_units

    invoke("tm", "import", str(tmx))
    out = tmp_path / "out.tmx"
    assert invoke("tm", "export", "--format", "tmx", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert '<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in text and 'segtype="sentence"' in text
    units = {u.tuid: u for u in iter_units(str(out))}
    first = units["t1"]
    assert first.source == "Kedua negara memperkuat kerja sama ekonomi."
    assert "<hi>kerja sama</hi>" in (first.source_markup or "")
    assert first.notes == ["dicek redaktur"]
    assert ("x-document", "berita-1") in first.props
    assert first.created_by == "ani" and first.created_at == "20250101T120000Z"
    assert first.source_lang.lower() == "id-id" and first.target_lang.lower() == "en-us"


@pytest.mark.parametrize("fmt", ["po", "tsv"])
def test_export_and_import_other_formats(invoke, memory, tmx, tmp_path, fmt):
    invoke("tm", "import", str(tmx))
    out = tmp_path / f"out.{fmt}"
    assert invoke("tm", "export", "--format", fmt, "-o", str(out)).exit_code == 0
    other = tmp_path / "other.sqlite"
    result = invoke("tm", "import", str(out), "--tm", str(other))
    assert "2 added" in result.output


@pytest.mark.parametrize("content, message", [
    (b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
     b"<tmx>&x;</tmx>", ":2: entity declarations"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY a "aaaa">\n<!ENTITY b "&a;&a;&a;">]>'
     b"<tmx>&b;</tmx>", ":2: entity declarations"),
    (TMX[: len(TMX) * 2 // 3].encode(), "malformed"),
    (b"", "empty"),
])
def test_bad_tmx_exits_2_and_writes_nothing(invoke, memory, tmx, tmp_path, content, message):
    invoke("tm", "import", str(tmx))
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(content)
    result = invoke("tm", "import", str(bad))
    assert result.exit_code == 2
    assert str(bad) in result.output and message in result.output
    assert "Traceback" not in result.output
    assert json.loads(invoke("tm", "stats", "--format", "json").output)["units"] == 2


def test_reading_commands_do_not_create_a_memory(invoke, memory):
    result = invoke("tm", "stats")
    assert result.exit_code == 2 and "no translation memory here" in result.output
    assert not memory.exists()


def test_starter_memory_imports(invoke, memory):
    result = invoke("tm", "import", str(STARTER))
    assert result.exit_code == 0
    figures = json.loads(invoke("tm", "stats", "--format", "json").output)
    assert figures["units"] >= 150
    found = json.loads(invoke("lookup", "kerja sama", "--format", "json").output)
    units = found["results"][0]["tm_units"]
    assert 1 <= len(units) <= 3 and all("kerja sama" in u["source"].lower() for u in units)


@pytest.mark.parametrize("command", ["import", "export", "search", "concordance", "add",
                                     "stats", "delete"])
def test_help(invoke, command):
    assert invoke("tm", command, "--help").exit_code == 0


def test_a_missing_file_stops_before_any_import(invoke, memory, tmx, tmp_path):
    result = invoke("tm", "import", str(tmx), str(tmp_path / "missing.tmx"))
    assert result.exit_code == 2 and "missing.tmx: no such file" in result.output
    assert not memory.exists()


def test_a_failed_first_import_leaves_no_memory(invoke, memory, tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text(TMX[: len(TMX) // 2], encoding="utf-8")
    assert invoke("tm", "import", str(bad)).exit_code == 2
    assert not memory.exists()
    assert not list(memory.parent.glob("memory.sqlite*"))


@pytest.mark.parametrize("command", [["stats"], ["concordance", "kopi"],
                                     ["export", "--format", "tmx", "-o", "out.tmx"]])
def test_a_memory_damaged_on_disk_is_one_line_and_exit_2(invoke, tmp_path, command):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("".join(f"Kalimat nomor {i} tentang kopi.\tSentence {i} about coffee.\n"
                             for i in range(3000)), encoding="utf-8")
    memory = tmp_path / "m.sqlite"
    assert invoke("tm", "import", "--tm", str(memory), str(pairs)).exit_code == 0
    with sqlite3.connect(memory) as db:  # every page in the file, none in the WAL
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(memory.read_bytes())
    third = len(data) // 3
    data[third : third + 20_000] = b"Z" * 20_000  # pages overwritten in the middle
    memory.write_bytes(bytes(data))
    args = [str(tmp_path / a) if a == "out.tmx" else a for a in command]
    result = invoke("tm", *args, "--tm", str(memory))
    assert result.exit_code == 2
    assert result.output == (f"termbase: {memory}: the memory cannot be read: database "
                             "disk image is malformed\n")
    assert not (tmp_path / "out.tmx").exists()


def test_a_memory_tagged_in_and_id_id_is_one_indonesian_memory(invoke, memory, tmp_path):
    # "in" is the retired code for Indonesian: the same unit under it is the same unit
    legacy = tmp_path / "legacy.tmx"
    legacy.write_text(TMX.replace('xml:lang="id-ID"', 'xml:lang="in"')
                      .replace('srclang="id-ID"', 'srclang="in"'), encoding="utf-8")
    assert "2 added" in invoke("tm", "import", str(legacy)).output
    modern = tmp_path / "modern.tmx"
    modern.write_text(TMX, encoding="utf-8")
    again = invoke("tm", "import", str(modern)).output
    assert "0 added" in again and "memory.sqlite: 2 units" in again
    found = json.loads(invoke("tm", "search", "Presiden tiba di Astana pada Rabu.",
                              "--format", "json").output)
    assert found["matches"][0]["score"] == 100
    assert found["matches"][0]["target"] == "The President arrived in Astana on Wednesday."
