"""termbase export and merge, and tm import of XLIFF: the translator hand-off.

The test article is made of sentences of the starter memory, some changed, so the
expected pre-translation is known: one exact match, one fuzzy match (one word of
fifteen changed: 93.3), one near-exact (a number changed: 98), one near-exact (a
comma dropped: 99), new sentences (one with the deprecated *kerjasama*) and a
repeated one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from termbase.exchange.merge import translated_name
from termbase.formats.tm_io import iter_units
from termbase.formats.tmx import iter_tmx
from termbase.formats.xliff import GLS, MTC, XLIFF12, XLIFF20, parse_xliff, read_xliff
from termbase.lang.segment import segment

from .conftest import REPO

STARTER = REPO / "tm" / "starter.tmx"
EXAMPLE = REPO / "examples" / "artikel-asean.txt"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"

EXACT = ("Indonesia juga menawarkan kerja sama di bidang hilirisasi mineral, termasuk "
         "pengolahan nikel dan bauksit.")
EXACT_EN = ("Indonesia also offered cooperation on mineral downstreaming, including nickel "
            "and bauxite processing.")
FUZZY = ("Di sana ia akan membuka forum investasi yang diikuti sekitar 60 perusahaan dari "
         "kedua negara.")
FUZZY_MEMORY = ("Di sana ia akan membuka forum bisnis yang diikuti sekitar 60 perusahaan dari "
                "kedua negara.")
NUMBER_CHANGED = "Kunjungan ditutup dengan penandatanganan 15 MoU senilai total US$10,3 miliar."
COMMA_DROPPED = "Dewi dijadwalkan melanjutkan lawatannya ke Tashkent Uzbekistan, pada Rabu " \
                "(11/11/2026)."
NEW = "Kalimat ini sama sekali baru bagi memori terjemahan."
DEPRECATED = "Kedua negara sepakat memperluas kerjasama perdagangan."
TITLE = "Kunjungan Dagang ke Asia Tengah"
PARAGRAPHS = [[TITLE], [EXACT, FUZZY], [NUMBER_CHANGED, COMMA_DROPPED], [NEW, DEPRECATED],
              [NEW]]
ARTICLE = "\n\n".join(" ".join(p) for p in PARAGRAPHS) + "\n"


@pytest.fixture
def memory(tmp_path, invoke):
    path = tmp_path / "memory.sqlite"
    result = invoke("tm", "import", str(STARTER), "--tm", str(path))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def export(invoke, memory, *args):
    result = invoke("export", *map(str, args), "--tm", str(memory))
    assert result.exit_code == 0, result.output
    return result


def tree(path):
    return etree.parse(str(path))


def q12(name):
    return f"{{{XLIFF12}}}{name}"


def q20(name):
    return f"{{{XLIFF20}}}{name}"


# --- Export: XLIFF 1.2 --------------------------------------------------------------------

def test_xliff12_pretranslates_from_the_memory_and_attaches_the_glossary(
        invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    result = export(invoke, memory, article, "--format", "xliff", "-o", out)
    root = tree(out).getroot()
    assert root.get("version") == "1.2"
    (file_element,) = root.findall(q12("file"))
    assert file_element.attrib == {"original": str(article), "source-language": "id-ID",
                                   "target-language": "en-US", "datatype": "plaintext"}
    groups = file_element.findall(f"{q12('body')}/{q12('group')}")
    assert [(g.get("id"), g.get("resname")) for g in groups] == [
        (f"p{n}", f"paragraph-{n}") for n in range(1, 6)]
    units = {u.get("id"): u for u in root.iter(q12("trans-unit"))}
    assert list(units) == ["p1-s1", "p2-s1", "p2-s2", "p3-s1", "p3-s2", "p4-s1", "p4-s2",
                           "p5-s1"]
    assert [u.findtext(q12("source")) for u in units.values()] == [
        s for p in PARAGRAPHS for s in p]

    exact = units["p2-s1"].find(q12("target"))
    assert exact.text == EXACT_EN and exact.get("state") == "translated"

    fuzzy = units["p2-s2"]
    assert fuzzy.find(q12("target")) is None
    (alt,) = fuzzy.findall(q12("alt-trans"))
    assert alt.get("match-quality") == "93.3" and alt.get("origin") == "termbase-tm"
    assert alt.findtext(q12("source")) == FUZZY_MEMORY
    assert alt.findtext(q12("target")).startswith("There she will open a business forum")

    for unit_id, quality in (("p3-s1", "98"), ("p3-s2", "99")):
        target = units[unit_id].find(q12("target"))
        assert target.get("state") == "needs-review-translation", unit_id
        assert units[unit_id].find(q12("alt-trans")).get("match-quality") == quality
    assert "14 MoUs" in units["p3-s1"].findtext(q12("target"))  # the memory's, for review

    notes = {u: [(n.get("from"), n.get("priority"), n.text) for n in units[u].findall(
        q12("note"))] for u in units}
    assert ("termbase-glossary", None, "kerja sama → cooperation (dip-006)") in notes["p2-s1"]
    assert ("termbase-glossary", None, "hilirisasi → downstreaming (eco-024)") in notes["p2-s1"]
    assert ("termbase-glossary", "1", "deprecated: kerjasama, use kerja sama") in notes["p4-s2"]
    assert not any(n[1] for u in units if u != "p4-s2" for n in notes[u])
    assert units["p4-s1"].find(q12("target")) is None and not notes["p4-s1"]

    assert f"{out}: XLIFF 1.2, 1 article, 8 segments, 77 words" in result.output
    assert "exact (100)                 1      14" in result.output


def test_analysis_counts_segments_and_words_by_band(invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    result = export(invoke, memory, article, "-o", out, "--summary-format", "json")
    summary = json.loads(result.output)
    assert summary["format"] == "xliff" and summary["output"] == str(out)
    assert summary["segments"] == 8 and summary["words"] == 77 and summary["written"] == 8
    assert summary["articles"] == [{"path": str(article), "paragraphs": 5, "segments": 8,
                                    "words": 77}]
    assert summary["bands"] == {
        "exact": {"segments": 1, "words": 14},
        "near-exact": {"segments": 2, "words": 21},
        "repetition": {"segments": 1, "words": 8},
        "fuzzy-95-97": {"segments": 0, "words": 0},
        "fuzzy-85-94": {"segments": 1, "words": 15},
        "fuzzy-75-84": {"segments": 0, "words": 0},
        "new": {"segments": 3, "words": 19},
    }


# --- Export: XLIFF 2.0 --------------------------------------------------------------------

def test_xliff20_uses_the_matches_and_glossary_modules(invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    export(invoke, memory, article, "--format", "xliff2", "-o", out)
    root = tree(out).getroot()
    assert root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("id-ID", "en-US")
    (file_element,) = root.findall(q20("file"))
    assert file_element.get("id") == "f1" and file_element.get("original") == str(article)
    assert [g.get("id") for g in file_element.findall(q20("group"))] == [
        f"p{n}" for n in range(1, 6)]
    units = {u.get("id"): u for u in root.iter(q20("unit"))}

    def segment_of(unit_id):
        (found,) = units[unit_id].findall(q20("segment"))
        return found

    exact = segment_of("p2-s1")
    assert exact.get("state") == "translated" and exact.findtext(q20("target")) == EXACT_EN

    fuzzy = units["p2-s2"]
    children = [etree.QName(c).localname for c in fuzzy]
    assert children == ["matches", "segment"]  # modules come before the segment
    (match,) = fuzzy.findall(f"{{{MTC}}}matches/{{{MTC}}}match")
    assert match.attrib == {"ref": "#p2-s2", "similarity": "93.3", "type": "tm",
                            "origin": "termbase-tm"}
    assert match.findtext(q20("source")) == FUZZY_MEMORY
    assert segment_of("p2-s2").get("state") == "initial"
    assert segment_of("p2-s2").find(q20("target")) is None

    near = segment_of("p3-s1")
    assert (near.get("state"), near.get("subState")) == ("initial", "termbase:near-exact")
    assert near.find(q20("target")) is not None

    entries = [(e.findtext(f"{{{GLS}}}term"), e.findtext(f"{{{GLS}}}translation"))
               for e in units["p4-s2"].iter(f"{{{GLS}}}glossEntry")]
    assert entries == [("kerjasama", "cooperation")]
    notes = units["p4-s2"].findall(f"{q20('notes')}/{q20('note')}")
    assert [n.text for n in notes] == ["deprecated: kerjasama, use kerja sama"]
    assert [etree.QName(c).localname for c in units["p4-s2"]] == ["glossary", "notes",
                                                                 "segment"]


def test_several_articles_become_one_file_element_each(invoke, memory, article, tmp_path):
    out = tmp_path / "job.xlf"
    export(invoke, memory, article, EXAMPLE, "-o", out)
    meta, units = read_xliff(str(out))
    assert [f.original for f in meta.files] == [str(article), str(EXAMPLE)]
    assert len(meta.files[0].units) == 8
    example_sentences = [s for p in segment(EXAMPLE.read_text(encoding="utf-8"))
                         for s in p.sentences]
    assert len(meta.files[1].units) == len(example_sentences) == 13
    export(invoke, memory, article, EXAMPLE, "--format", "xliff2", "-o", out, "--force")
    files = tree(out).getroot().findall(q20("file"))
    assert [f.get("id") for f in files] == ["f1", "f2"]


def test_export_numbers_paragraphs_as_check_does(invoke, memory, tmp_path):
    # One paragraph per line in plain text; soft-wrapped lines in Markdown (where the
    # title, without a full stop, runs into the first sentence).
    lines = f"{TITLE}\n{EXACT} {FUZZY}\n{NEW}\n"
    plain, markdown = tmp_path / "baris.txt", tmp_path / "baris.md"
    plain.write_text(lines, encoding="utf-8")
    markdown.write_text(lines + f"\n{NEW}\n", encoding="utf-8")
    for path, expected in ((plain, ["p1-s1", "p2-s1", "p2-s2", "p3-s1"]),
                           (markdown, ["p1-s1", "p1-s2", "p1-s3", "p2-s1"])):
        out = tmp_path / f"{path.name}.xlf"
        export(invoke, memory, path, "-o", out)
        assert [u.get("id") for u in tree(out).getroot().iter(q12("trans-unit"))] == expected


# --- translate-toolkit and the seed article ---------------------------------------------

def _articles():
    found = [EXAMPLE]
    if SEED.is_dir():
        found.extend(sorted(SEED.glob("*.txt")))
    return found


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_translate_toolkit_parses_both_versions(invoke, memory, tmp_path, path):
    """translate-toolkit 3.20 reads our XLIFF 1.2 (xliff.xlifffile) and 2.0
    (xliff2.Xliff2File, core only: the mtc and gls modules are checked with lxml)."""
    from translate.storage import xliff, xliff2

    # translate-toolkit collapses runs of white space (xml:space is "default").
    sentences = [re.sub(r"[ \t\r\n]+", " ", s.text)
                 for p in segment(path.read_text(encoding="utf-8")) for s in p.sentences]
    out12, out20 = tmp_path / "a.xlf", tmp_path / "b.xlf"
    export(invoke, memory, path, "--format", "xliff", "-o", out12)
    export(invoke, memory, path, "--format", "xliff2", "-o", out20)

    store12 = xliff.xlifffile(out12.read_bytes())
    assert [u.source for u in store12.units] == sentences
    assert (store12.getsourcelanguage(), store12.gettargetlanguage()) == ("id-ID", "en-US")
    glossary_notes = [u.getnotes() for u in store12.units if u.getnotes()]
    assert glossary_notes and all("→" in n for n in glossary_notes)

    store20 = xliff2.Xliff2File(out20.read_bytes())
    assert [u.source for u in store20.units] == sentences
    assert store20.getsourcelanguage() == "id-ID"
    root = tree(out20).getroot()
    assert root.nsmap == {None: XLIFF20, "mtc": MTC, "gls": GLS}
    assert len(list(root.iter(f"{{{GLS}}}glossEntry"))) > 0
    for entry in root.iter(f"{{{GLS}}}glossEntry"):
        assert [etree.QName(c).localname for c in entry] == ["term", "translation"]
        assert entry.find(f"{{{GLS}}}term").get("source") == "termbase"


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/seed is not present")
def test_seed_article_carries_its_glossary_warnings(invoke, memory, tmp_path):
    (path,) = sorted(SEED.glob("*.txt"))[:1]
    out = tmp_path / "seed.xlf"
    result = export(invoke, memory, path, "-o", out, "--summary-format", "json")
    summary = json.loads(result.output)
    assert summary["segments"] == 21
    _meta, units = read_xliff(str(out))
    notes = [n for u in units for n in u.notes]
    assert "Tiongkok → China (dip-001)" in notes
    assert "superseded: Nur Sultan, use Astana" in notes


# --- Coming back: fill, import, search, export again, merge ------------------------------

def fill_targets(path: Path, prefix: str = "EN: ") -> None:
    """What a translator does: every target filled and confirmed."""
    document = tree(path)
    root = document.getroot()
    if root.get("version") == "1.2":
        for unit in root.iter(q12("trans-unit")):
            source = unit.find(q12("source"))
            target = unit.find(q12("target"))
            if target is None:
                target = etree.Element(q12("target"))
                source.addnext(target)
            target.text = prefix + source.text
            target.attrib.clear()
            target.set("state", "translated")
    else:
        for piece in root.iter(q20("segment")):
            source = piece.find(q20("source"))
            target = piece.find(q20("target"))
            if target is None:
                target = etree.SubElement(piece, q20("target"))
            target.text = prefix + source.text
            piece.attrib.pop("subState", None)
            piece.set("state", "translated")
    document.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_round_trip_export_fill_import_export_merge(invoke, memory, article, tmp_path, fmt):
    out = tmp_path / "berita.xlf"
    export(invoke, memory, article, "--format", fmt, "-o", out)
    fill_targets(out)

    imported = invoke("tm", "import", str(out), "--tm", str(memory))
    assert imported.exit_code == 0, imported.output
    # Eight segments, seven distinct pairs: the repeated sentence is one unit.
    assert f"{out}: 7 added, 0 updated, 1 skipped (1 repeated in the file)" in imported.output

    for sentence in {s for p in PARAGRAPHS for s in p}:
        found = invoke("tm", "search", sentence, "--format", "json", "--tm", str(memory))
        matches = json.loads(found.output)["matches"]
        assert {"score": 100.0, "target": "EN: " + sentence, "origin": str(article)} in [
            {k: m[k] for k in ("score", "target", "origin")} for m in matches], sentence

    again = export(invoke, memory, article, "--format", fmt, "-o", tmp_path / "again.xlf",
                   "--summary-format", "json")
    bands = json.loads(again.output)["bands"]
    assert bands["exact"] == {"segments": 8, "words": 77}
    _meta, units = read_xliff(str(tmp_path / "again.xlf"))
    assert all(u.state == "translated" for u in units)
    # The exact match of the first sentence is in the starter memory too: the newer wins.
    assert {u.target for u in units} >= {"EN: " + FUZZY, "EN: " + NEW}

    english = tmp_path / "berita.en.txt"
    merged = invoke("merge", str(out), "-o", str(english))
    assert merged.exit_code == 0, merged.output
    assert f"{english}: 5 paragraphs, 8 units" in merged.output
    text = english.read_text(encoding="utf-8")
    assert text == "\n\n".join(" ".join("EN: " + s for s in p) for p in PARAGRAPHS) + "\n"
    source_shape = [len(p.sentences) for p in segment(ARTICLE)]
    assert [len(p.sentences) for p in segment(text)] == source_shape == [1, 2, 2, 2, 1]


def test_import_takes_only_confirmed_translations(invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    export(invoke, memory, article, "-o", out)
    before = json.loads(invoke("tm", "stats", "--format", "json", "--tm", str(memory))
                        .output)["units"]
    result = invoke("tm", "import", str(out), "--tm", str(memory))
    assert result.exit_code == 0, result.output
    # The exact match is already in the memory; the two near-exact targets await review.
    # (Its origin becomes the article, as importing any known pair again does.)
    assert (f"{out}: 0 added, 1 updated, 7 skipped (5 no translation; 2 unconfirmed "
            "translation (state needs-review-translation))") in result.output
    after = json.loads(invoke("tm", "stats", "--format", "json", "--tm", str(memory))
                       .output)["units"]
    assert after == before


def test_iter_units_reads_confirmed_units_of_both_versions(tmp_path):
    skipped = []
    path = tmp_path / "mixed.xliff"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="{XLIFF20}" srcLang="id" trgLang="en">
  <file id="f1" original="berita-2.txt">
    <unit id="u1"><segment state="reviewed"><source>Satu.</source><target>One.</target>
    </segment></unit>
    <unit id="u2"><segment><source>Dua.</source><target>Two.</target></segment></unit>
    <unit id="u3"><segment state="final"><source>Tiga.</source><target> </target></segment>
    </unit>
  </file>
</xliff>
""", encoding="utf-8")
    units = list(iter_units(path, on_skip=lambda line, reason: skipped.append((line, reason))))
    assert [(u.source, u.target, u.origin, u.source_lang) for u in units] == [
        ("Satu.", "One.", "berita-2.txt", "id-ID")]  # a bare id reads as termbase's id-ID
    assert skipped == [(6, "unconfirmed translation (state initial)"),
                       (7, "no translation")]


def test_tm_import_format_option_reads_xliff_under_any_name(invoke, tmp_path):
    path = tmp_path / "job.xml"
    path.write_text(f"""<xliff version="1.2" xmlns="{XLIFF12}"><file original="b.txt"
 source-language="id-ID" target-language="en-US" datatype="plaintext"><body>
<trans-unit id="p1-s1"><source>Satu.</source><target state="signed-off">One.</target>
</trans-unit><trans-unit id="p1-s2"><source>Dua.</source><target>Two.</target></trans-unit>
</body></file></xliff>""", encoding="utf-8")
    memory = tmp_path / "memory.sqlite"
    result = invoke("tm", "import", str(path), "--format", "xliff", "--tm", str(memory))
    assert result.exit_code == 0, result.output
    assert (f"{path}: 1 added, 0 updated, 1 skipped (1 unconfirmed translation (no state))"
            in result.output)
    stats = json.loads(invoke("tm", "stats", "--format", "json", "--tm", str(memory)).output)
    assert stats["origins"] == {"b.txt": 1}


def test_xliff_made_by_translate_toolkit_is_read(tmp_path):
    """translate-toolkit writes new XLIFF in the 1.1 namespace; approved="yes" counts."""
    from translate.storage import xliff

    store = xliff.xlifffile(sourcelanguage="id", targetlanguage="en")
    unit = store.addsourceunit("Kedua negara sepakat.")
    unit.settarget("The two countries agreed.")
    unit.markapproved(True)
    path = tmp_path / "tt.xlf"
    path.write_bytes(bytes(store))
    units = list(iter_units(path))
    assert [(u.source, u.target) for u in units] == [("Kedua negara sepakat.",
                                                      "The two countries agreed.")]


# --- Merge --------------------------------------------------------------------------------

def test_merge_keeps_the_source_of_untranslated_units_and_exits_1(
        invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    export(invoke, memory, article, "-o", out)
    english = tmp_path / "draft.txt"
    result = invoke("merge", str(out), "-o", str(english))
    assert result.exit_code == 1
    text = english.read_text(encoding="utf-8")
    assert text.startswith(TITLE + "\n\n" + EXACT_EN + " " + FUZZY + "\n\n")
    assert f"{english}: 5 paragraphs, 8 units (5 not translated)" in result.output
    line = next(n for n, raw in enumerate(out.read_text(encoding="utf-8").splitlines(), 1)
                if FUZZY in raw)
    assert f"termbase: {out}:{line}: unit p2-s2 has no target; its source is kept" \
        in result.output


def test_merge_of_several_articles_writes_into_a_folder(invoke, memory, article, tmp_path):
    out = tmp_path / "job.xlf"
    export(invoke, memory, article, EXAMPLE, "-o", out)
    fill_targets(out)
    folder = tmp_path / "english"
    refused = invoke("merge", str(out), "-o", str(tmp_path / "one.txt"))
    assert refused.exit_code == 2 and "holds 2 articles" in refused.output
    assert not (tmp_path / "one.txt").exists()
    folder.mkdir()
    result = invoke("merge", str(out), "-o", str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["artikel-asean.en.txt",
                                                       "berita.en.txt"]
    example = (folder / "artikel-asean.en.txt").read_text(encoding="utf-8")
    shape = [len(p.sentences) for p in segment(EXAMPLE.read_text(encoding="utf-8"))]
    assert len(example.split("\n\n")) == len(shape) == 8


def test_merge_never_overwrites_the_source_article(invoke, memory, article, tmp_path,
                                                  monkeypatch):
    # Exported from the article's own folder (original="berita.txt"), merged from
    # elsewhere: the original is found relative to the XLIFF file, --force or not.
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "berita.xlf"
    export(invoke, memory, "berita.txt", "-o", out)
    fill_targets(out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for extra in ([], ["--force"]):
        refused = invoke("merge", str(out), "-o", str(article), *extra)
        assert refused.exit_code == 2
        assert refused.output == f"termbase: {article}: the output would overwrite the " \
            "source article the XLIFF was made from\n"
        assert article.read_text(encoding="utf-8") == ARTICLE
    # Merged into the folder of the article: berita.en.txt, the source untouched.
    done = invoke("merge", str(out), "-o", str(tmp_path / "berita.en.txt"))
    assert done.exit_code == 0, done.output
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_merge_replaces_an_existing_file_only_with_force(invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    export(invoke, memory, article, "-o", out)
    fill_targets(out)
    notes = tmp_path / "notes.txt"
    notes.write_text("Catatan redaksi yang tidak boleh hilang.\n", encoding="utf-8")
    refused = invoke("merge", str(out), "-o", str(notes))
    assert refused.exit_code == 2
    assert refused.output == f"termbase: {notes}: already exists; give --force to replace " \
        "it\n"
    assert notes.read_text(encoding="utf-8") == "Catatan redaksi yang tidak boleh hilang.\n"
    if os.path.exists("/dev/null"):  # a device is written into, never replaced
        assert invoke("merge", str(out), "-o", "/dev/null").exit_code == 0
    forced = invoke("merge", str(out), "-o", str(notes), "--force")
    assert forced.exit_code == 0, forced.output
    assert notes.read_text(encoding="utf-8").startswith("EN: " + TITLE)
    # A folder of several articles: one existing file stops all, nothing is written.
    job = tmp_path / "job.xlf"
    export(invoke, memory, article, EXAMPLE, "-o", job)
    fill_targets(job)
    folder = tmp_path / "english"
    folder.mkdir()
    (folder / "berita.en.txt").write_text("lama\n", encoding="utf-8")
    stopped = invoke("merge", str(job), "-o", str(folder))
    assert stopped.exit_code == 2 and "berita.en.txt: already exists" in stopped.output
    assert sorted(p.name for p in folder.iterdir()) == ["berita.en.txt"]
    assert invoke("merge", str(job), "-o", str(folder), "--force").exit_code == 0
    assert len(list(folder.iterdir())) == 2


@pytest.mark.parametrize("original, expected", [
    ("berita.txt", "berita.en.txt"), ("a/b/c.md", "c.en.md"), ("README", "README.en.txt"),
    ("../..", "article-3.en.txt"), (None, "article-3.en.txt"), ("C:\\x\\y.txt", "y.en.txt")])
def test_translated_name(original, expected):
    assert translated_name(original, 3) == expected


# --- TMX ----------------------------------------------------------------------------------

def test_tmx_export_writes_only_segments_with_an_exact_match(invoke, memory, article,
                                                            tmp_path):
    out = tmp_path / "berita.tmx"
    result = export(invoke, memory, article, "-o", out)  # the format from the extension
    assert "TMX 1.4" in result.output and "1 units written (exact matches only" \
        in result.output
    units = list(iter_tmx(str(out)))
    assert [(u.source, u.target, u.origin) for u in units] == [(EXACT, EXACT_EN,
                                                               str(article))]


# --- Positions of the texts ---------------------------------------------------------------

POSITIONS_12 = f"""\ufeff<?xml version="1.0" encoding="UTF-8"?>
<!-- <trans-unit id="fake"><source>not a unit</source></trans-unit> -->
<xlf:xliff version="1.2" xmlns:xlf="{XLIFF12}" xmlns:x="urn:x">
 <xlf:file original="berita.txt" source-language="id" target-language="en"
   datatype="plaintext"><xlf:body>
  <xlf:trans-unit id="a1" x:why="é😀 > 0"><xlf:source>Satu.</xlf:source><xlf:target
    state="final">One.</xlf:target></xlf:trans-unit>
  <xlf:group id="p7"><xlf:trans-unit id="a2" approved="yes">
   <xlf:source
     xml:lang="id">“Dua” é.</xlf:source>
   <xlf:target><![CDATA[Two <b>]]></xlf:target>
   <xlf:alt-trans><xlf:source>Sumber lain.</xlf:source><xlf:target>Other.</xlf:target>
   </xlf:alt-trans>
  </xlf:trans-unit></xlf:group>
  <xlf:trans-unit id="a3"><xlf:source>Tiga <xlf:ph id="1">&lt;br/&gt;</xlf:ph>x.</xlf:source>
   <xlf:x>é</xlf:x> <xlf:target/></xlf:trans-unit>
 </xlf:body></xlf:file>
</xlf:xliff>
"""


def _position(text: str, needle: str) -> tuple[int, int]:
    """Line and column (1-based, code points, BOM not counted) of a unique needle."""
    text = text.lstrip("\ufeff")
    assert text.count(needle) == 1, needle
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_positions_of_xliff12_texts():
    meta, units = parse_xliff(POSITIONS_12.encode("utf-8"), "p.xlf")
    assert meta.version == "1.2" and [f.original for f in meta.files] == ["berita.txt"]
    a1, a2, a3 = units
    assert (a1.id, a1.source, a1.target, a1.state, a1.approved) == ("a1", "Satu.", "One.",
                                                                     "final", False)
    assert (a1.source_line, a1.source_column) == _position(POSITIONS_12, "Satu.")
    assert (a1.target_line, a1.target_column) == _position(POSITIONS_12, "One.")
    assert (a2.source, a2.target, a2.approved, a2.paragraph) == ("“Dua” é.", "Two <b>", True,
                                                                 7)
    assert (a2.source_line, a2.source_column) == _position(POSITIONS_12, "“Dua”")
    assert (a2.target_line, a2.target_column) == _position(POSITIONS_12, "<![CDATA[")
    assert a3.source == "Tiga x." and a3.target == "" and a3.paragraph is None
    assert a3.source_markup == 'Tiga <ph id="1">&lt;br/&gt;</ph>x.'  # prefix dropped
    assert (a3.source_line, a3.source_column) == _position(POSITIONS_12, "Tiga")
    assert (a3.target_line, a3.target_column) == _position(POSITIONS_12, "<xlf:target/>")


POSITIONS_20 = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [ <!ELEMENT xliff ANY> ]>
<xliff version="2.0" xmlns="{XLIFF20}" srcLang="id" trgLang="en"><file id="f1"><group
 id="p3"><unit id="p3-s1"><segment id="s1" state="translated"><source>Ya.</source><target
 >Yes.</target></segment><ignorable><source> </source></ignorable><segment id="s2"><source
>Tidak.</source></segment></unit></group><unit id="p4-s1"><segment state="final"><source
>Ala "x" > y</source><target>Ala</target></segment></unit></file></xliff>
"""


def test_positions_of_xliff20_texts():
    meta, units = parse_xliff(POSITIONS_20.encode("utf-8"), "p.xlf")
    assert meta.version == "2.0"
    yes, no, ala = units
    assert (yes.id, yes.paragraph, yes.state) == ("p3-s1::s1", 3, "translated")
    assert (no.id, no.paragraph, no.target, no.state) == ("p3-s1::s2", 3, "", None)
    assert (ala.id, ala.paragraph, ala.approved) == ("p4-s1", 4, True)
    assert (yes.source_line, yes.source_column) == _position(POSITIONS_20, "Ya.")
    assert (yes.target_line, yes.target_column) == _position(POSITIONS_20, "Yes.")
    assert (no.source_line, no.source_column) == _position(POSITIONS_20, "Tidak.")
    assert (ala.source_line, ala.source_column) == _position(POSITIONS_20, 'Ala "x"')
    assert (ala.target_line, ala.target_column) == _position(POSITIONS_20, "Ala<")


def test_positions_of_an_exported_file(invoke, memory, article, tmp_path):
    out = tmp_path / "berita.xlf"
    export(invoke, memory, article, "--format", "xliff2", "-o", out)
    text = out.read_text(encoding="utf-8")
    _meta, units = read_xliff(str(out))
    lines = text.splitlines()
    for unit in units:
        line = lines[unit.source_line - 1]
        assert line[unit.source_column - 1:].startswith(
            unit.source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        ), unit.id


# --- Bad input ----------------------------------------------------------------------------

BAD_XLIFF = {
    "malformed": (f'<xliff version="1.2" xmlns="{XLIFF12}">\n<file original="a" '
                  'source-language="id" datatype="plaintext">\n<body>\n<trans-unit id="1">'
                  "<source>Satu.</source>\n</body></file></xliff>", 5, "malformed XML"),
    "truncated": (f'<xliff version="1.2" xmlns="{XLIFF12}">\n<file original="a" '
                  'source-language="id" datatype="plaintext">\n<body>\n', 4, "malformed XML"),
    "entity declaration": ('<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY x SYSTEM '
                           '"file:///etc/passwd">]>\n<xliff version="1.2"><file><body>'
                           "<trans-unit id='1'><source>&x;</source></trans-unit></body>"
                           "</file></xliff>", 3, "entity declarations are not allowed"),
    "entity bomb": ('<!DOCTYPE xliff [\n<!ENTITY a "aaaa">\n<!ENTITY b "&a;&a;&a;">]>\n'
                    "<xliff/>", 2, "entity declarations are not allowed"),
    "undeclared entity": (f'<xliff version="1.2" xmlns="{XLIFF12}"><file><body>\n'
                          "<trans-unit id='1'><source>&nbsp;</source></trans-unit>"
                          "</body></file></xliff>", 2,
                          "entity &nbsp; is not defined (external DTDs are not read)"),
    "not xliff": ("<tmx version='1.4'><body/></tmx>", 1, "not an XLIFF file"),
    "unknown version": ("<xliff xmlns='urn:example' version='3.0'><file/></xliff>", 1,
                        "not an XLIFF version termbase reads"),
    "unit without source": (f'<xliff version="1.2" xmlns="{XLIFF12}"><file><body>\n'
                            "<trans-unit id='1'><target>x</target></trans-unit>"
                            "</body></file></xliff>", 2, "without a <source>"),
    "unit without id": (f'<xliff version="2.0" xmlns="{XLIFF20}"><file id="f">\n'
                        "<unit><segment><source>x</source></segment></unit>"
                        "</file></xliff>", 2, "<unit> without an id"),
    "no file": (f'<xliff version="2.0" xmlns="{XLIFF20}" srcLang="id">\n</xliff>', 1,
                "XLIFF without a <file>"),
}


@pytest.mark.parametrize("kind", sorted(BAD_XLIFF))
def test_bad_xliff_is_refused_with_file_and_line_and_nothing_is_written(
        invoke, tmp_path, kind):
    content, line, message = BAD_XLIFF[kind]
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    english = tmp_path / "out.txt"
    merged = invoke("merge", str(path), "-o", str(english))
    assert merged.exit_code == 2
    assert merged.output.startswith(f"termbase: {path}:{line}: ") and message in merged.output
    assert merged.output.count("\n") == 1
    assert not english.exists()
    memory = tmp_path / "memory.sqlite"
    imported = invoke("tm", "import", str(path), "--tm", str(memory))
    assert imported.exit_code == 2 and f"{path}:{line}: " in imported.output
    assert not memory.exists()


def test_empty_and_missing_xliff(invoke, tmp_path):
    empty = tmp_path / "empty.xlf"
    empty.write_text("", encoding="utf-8")
    for path, message in ((empty, "empty file"), (tmp_path / "nope.xlf", "no such file")):
        result = invoke("merge", str(path), "-o", str(tmp_path / "out.txt"))
        assert result.exit_code == 2 and f"termbase: {path}: {message}" in result.output
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("content, message, line", [
    ("", "empty article, nothing to translate", None),
    ("  \n\n \n", "empty article, nothing to translate", None),
    ("Satu.\n\nDua\x0c tiga.\n", "control character U+000C", 3),
    (b"Harga \xff naik.", "not valid UTF-8", 1),
])
def test_bad_articles_are_refused_and_nothing_is_written(invoke, memory, tmp_path, content,
                                                         message, line):
    path = tmp_path / "berita.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    out = tmp_path / "berita.xlf"
    result = invoke("export", str(path), "-o", str(out), "--tm", str(memory))
    assert result.exit_code == 2
    where = f"{path}:{line}: " if line else f"{path}: "
    assert result.output.startswith(f"termbase: {where}") and message in result.output
    assert not out.exists()


def test_export_refuses_missing_articles_and_memories_and_overwriting(invoke, memory, article,
                                                                      tmp_path):
    out = tmp_path / "out.xlf"
    missing = invoke("export", str(article), str(tmp_path / "nope.txt"), "-o", str(out),
                     "--tm", str(memory))
    assert missing.exit_code == 2 and f"{tmp_path / 'nope.txt'}: no such file" in \
        missing.output
    no_memory = invoke("export", str(article), "-o", str(out), "--tm",
                       str(tmp_path / "none.sqlite"))
    assert no_memory.exit_code == 2 and "no translation memory here" in no_memory.output
    twice = invoke("export", str(article), str(article), "-o", str(out), "--tm", str(memory))
    assert twice.exit_code == 2 and "article given twice" in twice.output
    over = invoke("export", str(article), "-o", str(article), "--tm", str(memory))
    assert over.exit_code == 2 and "would overwrite this article" in over.output
    folder = invoke("export", str(article), "-o", str(tmp_path / "no" / "x.xlf"))
    assert folder.exit_code == 2 and "no such folder" in folder.output
    assert not out.exists() and article.read_text(encoding="utf-8") == ARTICLE


def test_export_without_a_memory(invoke, article, tmp_path):
    out = tmp_path / "berita.xlf"
    result = invoke("export", str(article), "-o", str(out), "--no-tm", "--copy-source")
    assert result.exit_code == 0, result.output
    _meta, units = read_xliff(str(out))
    assert all(u.target == u.source and u.state == "new" for u in units)
    assert "new                         7      69" in result.output


# --- OmegaT --------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("omegat") is None,
                    reason="OmegaT is not installed (apt-get install omegat)")
def test_omegat_translates_the_exported_xliff(invoke, memory, article, tmp_path):
    """OmegaT 3.6's XLIFF filter translates the text of <target> elements (<source> is
    an intact tag for it), so the file is exported with --copy-source; OmegaT in
    console-translate mode then fills the exact match from the memory in tm/auto and
    writes target/berita.xlf, which merge turns into the draft article."""
    from .omegat import project_file, run_omegat

    project = tmp_path / "project"
    for sub in ("source", "target", "glossary", "dictionary", "omegat", "tm/auto"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(project_file(), encoding="utf-8")
    exported = invoke("tm", "export", "--format", "tmx", "-o",
                      str(project / "tm" / "auto" / "memory.tmx"), "--tm", str(memory))
    assert exported.exit_code == 0, exported.output
    result = invoke("export", str(article), "-o", str(project / "source" / "berita.xlf"),
                    "--no-tm", "--copy-source")
    assert result.exit_code == 0, result.output
    run_omegat(project, tmp_path)

    translated = project / "target" / "berita.xlf"
    meta, units = read_xliff(str(translated))
    assert meta.version == "1.2" and len(units) == 8
    by_id = {u.id: u for u in units}
    assert by_id["p2-s1"].target == EXACT_EN
    assert by_id["p2-s2"].target == FUZZY  # no exact match: OmegaT keeps the copy
    english = tmp_path / "berita.en.txt"
    merged = invoke("merge", str(translated), "-o", str(english))
    assert merged.exit_code == 1  # seven segments still hold the Indonesian
    assert "unit p2-s2 has its source as target (not translated?)" in merged.output
    assert english.read_text(encoding="utf-8").split("\n\n")[1].startswith(EXACT_EN + " ")


# --- Documentation ------------------------------------------------------------------------

def test_handoff_is_documented():
    docs = (REPO / "docs" / "handoff.md").read_text(encoding="utf-8")
    for command in ("termbase export", "termbase merge", "termbase tm import",
                    "--summary-format json", "--copy-source", "termbase check"):
        assert command in docs, command


def test_export_does_not_replace_an_existing_file_without_force(invoke, memory, article,
                                                                 tmp_path):
    out = tmp_path / "kerja.xlf"
    out.write_text("a translator's work in progress\n", encoding="utf-8")
    refused = invoke("export", str(article), "-o", str(out), "--tm", str(memory))
    assert refused.exit_code == 2
    assert "already exists; give --force to replace it" in refused.output
    assert out.read_text(encoding="utf-8") == "a translator's work in progress\n"
    export(invoke, memory, article, "-o", out, "--force")
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def test_a_translate_no_unit_without_a_target_is_skipped_as_untranslated(tmp_path):
    # translate="no" names what was kept from translation; a unit with nothing to keep
    # is counted with the other untranslated ones, as other tools count it.
    skipped = []
    path = tmp_path / "locked.xlf"
    path.write_text(f"""<xliff version="1.2" xmlns="{XLIFF12}"><file original="b.txt"
 source-language="id-ID" target-language="en-US" datatype="plaintext"><body>
<trans-unit id="1" translate="no"><source>Kode.</source></trans-unit>
<trans-unit id="2" translate="no"><source>Nama.</source><target state="final">Name.</target>
</trans-unit></body></file></xliff>""", encoding="utf-8")
    units = list(iter_units(path, on_skip=lambda line, reason: skipped.append(reason)))
    assert units == [] and skipped == ["no translation", 'translate="no"']
