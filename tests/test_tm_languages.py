"""A memory knows its language pair: imports take the languages files state and refuse
another pair, exports write the stored languages, search goes by the pair."""

from __future__ import annotations

import json
import sqlite3

import polib
import pytest
from lxml import etree

from termbase.errors import InputError
from termbase.model import TranslationUnit
from termbase.tm.migrations import MIGRATIONS
from termbase.tm.store import SQLiteMemory, _statements

LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def po(target_language: str | None, msgid: str, msgstr: str) -> str:
    header = '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    if target_language:
        header += f'"Language: {target_language}\\n"\n'
    return f'msgid ""\nmsgstr ""\n{header}\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'


def xliff(target_language: str | None, source: str, target: str,
          original: str = "catatan.txt", first_unit: str = "") -> str:
    target_attribute = f' target-language="{target_language}"' if target_language else ""
    return ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            f'<file original="{original}" source-language="id"{target_attribute} '
            f'datatype="plaintext"><body>{first_unit}'
            '<trans-unit id="1" approved="yes">'
            f"<source>{source}</source><target>{target}</target></trans-unit>"
            "</body></file></xliff>")


@pytest.fixture
def memory(tmp_path):
    return tmp_path / "memory.sqlite"


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def stats(invoke, memory) -> dict:
    return json.loads(invoke("tm", "stats", "--format", "json", "--tm", str(memory)).output)


# --- import ----------------------------------------------------------------------------

def test_an_afrikaans_po_is_refused_by_an_indonesian_english_memory(invoke, memory, tmp_path):
    english = write(tmp_path / "en.po", po("en", "Sapi itu makan rumput.",
                                           "The cow eats grass."))
    assert invoke("tm", "import", str(english), "--tm", str(memory)).exit_code == 0
    afrikaans = write(tmp_path / "af.po", po("af", "Kucing itu tidur di kursi.",
                                             "Die kat slaap op die stoel."))
    result = invoke("tm", "import", str(afrikaans), "--tm", str(memory))
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if "af.po" in line]
    assert "af.po:" in line and "→af" in line and "Language" in line
    assert "nothing imported" in line
    assert stats(invoke, memory)["units"] == 1
    # the Afrikaans sentence is no "English" match
    found = invoke("tm", "search", "Kucing itu tidur di kursi.", "--tm", str(memory))
    assert found.exit_code == 1


def test_an_afrikaans_po_is_refused_for_a_new_memory_unless_to_says_so(invoke, memory,
                                                                       tmp_path):
    afrikaans = write(tmp_path / "af.po", po("af", "Pintu itu terbuka.", "Die deur is oop."))
    refused = invoke("tm", "import", str(afrikaans), "--tm", str(memory))
    assert refused.exit_code == 2 and "default" in refused.output
    assert not memory.exists()  # no empty memory left behind
    taken = invoke("tm", "import", str(afrikaans), "--to", "af", "--tm", str(memory))
    assert taken.exit_code == 0, taken.output
    assert stats(invoke, memory)["language_pair"] == "id-ID>af"
    # --to that contradicts the memory's pair names the memory
    other = invoke("tm", "import", str(afrikaans), "--to", "en", "--tm", str(memory))
    assert other.exit_code == 2 and "the memory is id-ID→af" in other.output


def test_a_po_without_language_takes_the_memorys_pair(invoke, memory, tmp_path):
    first = write(tmp_path / "first.po", po("af", "Air itu dingin.", "Die water is koud."))
    assert invoke("tm", "import", str(first), "--to", "af", "--tm", str(memory)).exit_code == 0
    bare = write(tmp_path / "bare.po", po(None, "Jalan itu panjang.", "Die pad is lank."))
    result = invoke("tm", "import", str(bare), "--tm", str(memory))
    assert result.exit_code == 0, result.output
    with SQLiteMemory(memory) as opened:
        assert {(u.source_lang, u.target_lang) for _, u in opened.units()} == {("id-ID", "af")}


def test_a_tmx_in_en_gb_is_stored_and_exported_with_its_tags(invoke, memory, tmp_path):
    tmx = write(tmp_path / "gb.tmx", """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="id-ID" adminlang="en" segtype="sentence"
 datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en-GB"><seg>The colour of the lorry is grey.</seg></tuv>
<tuv xml:lang="id-ID"><seg>Warna truk itu abu-abu.</seg></tuv></tu>
</body></tmx>""")
    assert invoke("tm", "import", str(tmx), "--tm", str(memory)).exit_code == 0
    with SQLiteMemory(memory) as opened:
        ((_, unit),) = list(opened.units())
    assert (unit.source, unit.source_lang, unit.target_lang) == (
        "Warna truk itu abu-abu.", "id-ID", "en-GB")
    out = tmp_path / "out.tmx"
    assert invoke("tm", "export", "-o", str(out), "--tm", str(memory)).exit_code == 0
    tuvs = etree.parse(str(out)).getroot().iter("tuv")
    assert [tuv.get(LANG) for tuv in tuvs] == ["id-ID", "en-GB"]  # not en-US


def test_an_xliff_without_target_language(invoke, memory, tmp_path):
    bare = write(tmp_path / "bare.xlf", xliff(None, "Perahu itu kecil.", "The boat is small."))
    # a new memory and no --to: refused, not labelled en
    refused = invoke("tm", "import", str(bare), "--tm", str(memory))
    assert refused.exit_code == 2 and "--to" in refused.output
    assert "target language" in refused.output and not memory.exists()
    # --to names it
    assert invoke("tm", "import", str(bare), "--to", "en-GB", "--tm",
                  str(memory)).exit_code == 0
    assert stats(invoke, memory)["language_pairs"] == {"id-ID>en-GB": 1}
    # once the memory has a pair, the pair names it
    other = write(tmp_path / "other.xlf", xliff(None, "Perahu itu besar.", "The boat is big."))
    assert invoke("tm", "import", str(other), "--tm", str(memory)).exit_code == 0
    assert stats(invoke, memory)["units"] == 2


def test_an_xliff_in_another_pair_is_refused_with_its_line(invoke, memory, tmp_path):
    dutch = write(tmp_path / "nl.xlf", xliff("nl", "Sepeda itu baru.", "De fiets is nieuw."))
    result = invoke("tm", "import", str(dutch), "--tm", str(memory))
    assert result.exit_code == 2
    assert "nl.xlf:1:" in result.output and "id-ID→nl" in result.output


def test_the_header_unit_of_a_po_derived_xliff_is_not_stored(invoke, memory, tmp_path):
    header = ('<trans-unit id="0" restype="x-gettext-domain-header" approved="yes">'
              "<source>Project-Id-Version: uji\nContent-Type: text/plain; charset=UTF-8\n"
              "Language: en\n</source><target state=\"translated\">Project-Id-Version: uji\n"
              "Content-Type: text/plain; charset=UTF-8\nLanguage: en\n</target></trans-unit>"
              '<trans-unit id="h" approved="yes"><source></source>'
              "<target>Language: en</target></trans-unit>")
    document = xliff("en", "Lampu itu menyala.", "The lamp is on.", original="pesan.po",
                     first_unit=header).replace('source-language="id"', 'source-language="en-US"')
    path = write(tmp_path / "pesan.poxliff", document)
    result = invoke("tm", "import", "--format", "xliff", str(path), "--tm", str(memory))
    assert result.exit_code == 0, result.output
    assert "2 gettext header" in result.output and "1 added" in result.output
    with SQLiteMemory(memory) as opened:
        ((_, unit),) = list(opened.units())
    # po2xliff's source-language="en-US" is not believed: the msgids are the --from's
    assert (unit.source, unit.source_lang, unit.target_lang) == (
        "Lampu itu menyala.", "id-ID", "en-US")


def test_the_same_header_shaped_text_in_a_plain_xliff_is_a_unit(invoke, memory, tmp_path):
    text = "Content-Type: text/plain"
    path = write(tmp_path / "a.xlf", xliff("en", text, text))
    result = invoke("tm", "import", str(path), "--tm", str(memory))
    assert result.exit_code == 0 and "1 added" in result.output


def test_a_tsv_header_naming_another_pair_is_refused(invoke, memory, tmp_path):
    tsv = write(tmp_path / "fr.tsv", "id\tfr\nBuku itu tebal.\tLe livre est épais.\n")
    result = invoke("tm", "import", str(tsv), "--tm", str(memory))
    assert result.exit_code == 2 and "fr.tsv:2:" in result.output and "header" in result.output
    plain = write(tmp_path / "plain.tsv", "Buku itu tipis.\tThe book is thin.\n")
    assert invoke("tm", "import", str(plain), "--tm", str(memory)).exit_code == 0


# --- export and search -----------------------------------------------------------------

def test_po_and_tsv_exports_name_the_memorys_pair(invoke, memory, tmp_path):
    source = write(tmp_path / "af.po", po("af", "Meja itu bulat.", "Die tafel is rond."))
    assert invoke("tm", "import", str(source), "--to", "af", "--tm", str(memory)).exit_code == 0
    out = tmp_path / "out.po"
    assert invoke("tm", "export", "-o", str(out), "--tm", str(memory)).exit_code == 0
    metadata = polib.pofile(str(out)).metadata
    assert (metadata["Language"], metadata["X-Source-Language"]) == ("af", "id")
    tsv = tmp_path / "out.tsv"
    assert invoke("tm", "export", "-o", str(tsv), "--tm", str(memory)).exit_code == 0
    assert tsv.read_text(encoding="utf-8").splitlines()[0] == "id-ID\taf"
    # and the export reads back into the same memory
    again = invoke("tm", "import", str(tsv), "--tm", str(memory))
    assert again.exit_code == 0 and "0 added" in again.output


def test_search_uses_the_memorys_pair(invoke, memory, tmp_path):
    source = write(tmp_path / "af.po", po("af", "Meja itu bulat.", "Die tafel is rond."))
    assert invoke("tm", "import", str(source), "--to", "af", "--tm", str(memory)).exit_code == 0
    found = json.loads(invoke("tm", "search", "Meja itu bulat.", "--format", "json",
                              "--tm", str(memory)).output)
    assert (found["from"], found["to"]) == ("id", "af")
    assert found["matches"][0]["target"] == "Die tafel is rond."
    back = json.loads(invoke("tm", "search", "Die tafel is rond.", "--from", "af",
                             "--format", "json", "--tm", str(memory)).output)
    assert back["matches"][0]["target"] == "Meja itu bulat."
    wrong = invoke("tm", "search", "The table is round.", "--from", "en", "--tm", str(memory))
    assert wrong.exit_code == 2 and "id-ID→af" in wrong.output


def test_add_follows_the_pair_either_way_round(invoke, memory):
    assert invoke("tm", "add", "Kopi itu pahit.", "The coffee is bitter.",
                  "--tm", str(memory)).exit_code == 0
    turned = invoke("tm", "add", "The tea is sweet.", "Teh itu manis.", "--from", "en",
                    "--tm", str(memory))
    assert turned.exit_code == 0, turned.output
    with SQLiteMemory(memory) as opened:
        units = [u for _, u in opened.units()]
    assert [(u.source, u.source_lang, u.target_lang) for u in units][-1] == (
        "Teh itu manis.", "id-ID", "en-US")
    refused = invoke("tm", "add", "Susu itu segar.", "Die melk is vars.", "--to", "af",
                     "--tm", str(memory))
    assert refused.exit_code == 2 and "the memory is id-ID→en-US" in refused.output


# --- old memories ----------------------------------------------------------------------

def old_memory(path, pairs: list[tuple[str, str]]) -> None:
    """A memory as schema 1 made it: no recorded pair."""
    db = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    for number, (source_lang, target_lang) in enumerate(pairs):
        db.execute("INSERT INTO units (source_lang, target_lang, source, target, source_norm,"
                   " target_norm, source_key, target_key, pair_key) VALUES "
                   "(?, ?, ?, ?, '', '', 0, 0, ?)",
                   (source_lang, target_lang, f"Kalimat lama {number}.", f"Old {number}.",
                    bytes([number])))
    db.close()


def test_an_old_memory_in_one_pair_opens_and_takes_that_pair(tmp_path):
    path = tmp_path / "old.sqlite"
    old_memory(path, [("id-ID", "en-US"), ("id-ID", "en-US"), ("id", "en")])
    with SQLiteMemory(path, create=False) as opened:
        assert opened.schema_version() == len(MIGRATIONS)
        assert opened.language_pair() == ("id-ID", "en-US")
        assert opened.count() == 3


def test_an_old_memory_in_several_pairs_opens_without_a_pair(invoke, tmp_path):
    path = tmp_path / "old.sqlite"
    old_memory(path, [("id-ID", "en-US"), ("id-ID", "af")])
    with SQLiteMemory(path, create=False) as opened:
        assert opened.language_pair() is None and opened.count() == 2
    assert invoke("tm", "stats", "--tm", str(path)).exit_code == 0
    # TMX holds both pairs; PO holds one, so the export says so
    assert invoke("tm", "export", "-o", str(tmp_path / "all.tmx"), "--tm",
                  str(path)).exit_code == 0
    refused = invoke("tm", "export", "-o", str(tmp_path / "all.po"), "--tm", str(path))
    assert refused.exit_code == 2 and "export as TMX" in refused.output
    assert not (tmp_path / "all.po").exists()
    # the next import records its pair
    source = tmp_path / "new.tsv"
    source.write_text("Kalimat baru.\tA new sentence.\n", encoding="utf-8")
    assert invoke("tm", "import", str(source), "--tm", str(path)).exit_code == 0
    with SQLiteMemory(path, create=False) as opened:
        assert opened.language_pair() == ("id-ID", "en-US")


def test_the_store_refuses_a_unit_of_another_pair(tmp_path):
    with SQLiteMemory(tmp_path / "m.sqlite") as opened:
        opened.import_units([TranslationUnit("Angin itu kencang.", "The wind is strong.")])
        with pytest.raises(InputError, match="the memory is id-ID→en-US") as caught:
            opened.import_units([TranslationUnit("Angin itu lemah.", "Le vent est faible.",
                                                 target_lang="fr", line=4)], origin="x.tsv")
        assert (caught.value.path, caught.value.line) == ("x.tsv", 4)
        assert opened.count() == 1


def test_a_tmx_with_no_unit_in_the_pair_is_refused(invoke, memory, tmp_path):
    tmx = write(tmp_path / "de.tmx", """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="id" adminlang="en" segtype="sentence"
 datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="id"><seg>Kebun itu luas.</seg></tuv>
<tuv xml:lang="de"><seg>Der Garten ist groß.</seg></tuv></tu>
</body></tmx>""")
    result = invoke("tm", "import", str(tmx), "--tm", str(memory))
    assert result.exit_code == 2 and "no unit in id-ID→en-US" in result.output
    assert not memory.exists()
    # one tu in the pair among others in a third language is a multilingual TMX: taken
    mixed = write(tmp_path / "mixed.tmx", tmx.read_text(encoding="utf-8").replace(
        "</body>", '<tu><tuv xml:lang="id"><seg>Kebun itu sempit.</seg></tuv>'
                   '<tuv xml:lang="en"><seg>The garden is narrow.</seg></tuv></tu></body>'))
    taken = invoke("tm", "import", str(mixed), "--tm", str(memory))
    assert taken.exit_code == 0 and "1 added" in taken.output and "1 skipped" in taken.output
