"""Bilingual checks (termbase check FILE.xlf|.xliff|.tmx|.po): each translation against its
source, reported at the file's own lines and columns."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

import pytest

from termbase.check.engine import Selection, check_bilingual_file
from termbase.check.registry import BILINGUAL_RULES
from termbase.formats.bilingual import read_bilingual
from termbase.lang.numbers import quantities, spelled_numbers, unmatched
from termbase.model import Severity

from .conftest import REPO

DATA = REPO / "tests" / "data"
FAULTS = DATA / "bilingual-faults.xlf"
CLEAN = DATA / "bilingual-clean.xlf"
JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "severity",
             "message", "text", "suggestions", "fixable"}


def xliff(pairs: list[tuple[str, str | None]]) -> str:
    """An XLIFF 1.2 file of (source, target) units; target None: no <target>."""
    units = []
    for number, (source, target) in enumerate(pairs, 1):
        target_xml = "" if target is None else f"\n    <target>{escape(target)}</target>"
        units.append(f'  <trans-unit id="{number}">\n    <source>{escape(source)}</source>'
                     f"{target_xml}\n  </trans-unit>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file original="t.txt" source-language="id" target-language="en" '
            'datatype="plaintext"><body>\n' + "\n".join(units) + "\n</body></file></xliff>\n")


def example_units(example: str) -> list[tuple[str, str]]:
    """A documented example: "source | target" units separated by " // "."""
    units = []
    for unit in example.split(" // "):
        source, _, target = unit.partition("|")
        units.append((source.strip(), target.strip()))
    return units


def where(text: str, marker: str, after: str = "") -> tuple[int, int]:
    """Line and column (1-based) of the first marker after the text `after`."""
    offset = text.index(marker, text.index(after) if after else 0)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.fixture
def check_file(ctx, tmp_path):
    def run(content: str, name: str = "t.xlf", select: tuple[str, ...] = ()):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        return check_bilingual_file(str(path), ctx, Selection(select=select))

    return run


def positions(result, rule: str) -> list[tuple[int, int]]:
    return [result.document.position(f.start) for f in result.findings if f.rule == rule]


# --- Every rule: documented (tests/test_docs.py), its example tested (test_rules.py) ----

BILINGUAL_REGISTRY = {rule.name: rule for rule in BILINGUAL_RULES}


@pytest.mark.parametrize("name", sorted(BILINGUAL_REGISTRY))
def test_bilingual_rule_is_in_the_table_of_rules(name):
    docs = (REPO / "docs" / "check.md").read_text(encoding="utf-8")
    rule = BILINGUAL_REGISTRY[name]
    assert name.startswith("bilingual/")
    assert f"| `{name}` | {rule.severity.value} |" in docs, name


def test_severities_errors_for_the_four_that_change_meaning():
    errors = {n for n, r in BILINGUAL_REGISTRY.items() if r.severity is Severity.ERROR}
    assert errors == {"bilingual/empty-target", "bilingual/number-mismatch",
                      "bilingual/deprecated-term", "bilingual/missing-term"}


# --- The planted-fault file and its clean twin --------------------------------------------

# (rule, the trans-unit it is planted in, the text the finding starts at)
PLANTED = [
    ("bilingual/missing-term", 'id="2"', "The two countries agreed to strengthen ties"),
    ("bilingual/deprecated-term", 'id="3"', "Third World countries"),
    ("bilingual/number-mismatch", 'id="4"', "1.3 billion"),
    ("bilingual/number-mismatch", 'id="5"', "September 15"),
    ("bilingual/empty-target", 'id="6"', '<target state="needs-translation"/>'),
    ("bilingual/untranslated", 'id="7"', "Harga minyak sawit mentah turun tajam pekan lalu.</t"),
    ("bilingual/unbalanced", 'id="8"', "The president said"),
    ("bilingual/unbalanced", 'id="9"', '<g id="2">'),
    ("bilingual/inconsistent-target", 'id="10"', "Both sides declined"),
    ("bilingual/inconsistent-target", 'id="11"', "The two sides refused"),
    ("bilingual/inconsistent-source", 'id="12"', "The meeting was held"),
    ("bilingual/inconsistent-source", 'id="13"', "The meeting was held"),
    ("bilingual/spelling", 'id="14"', "goverment"),
    ("bilingual/typography", 'id="15"', "  rose"),
    # The Indonesian rules on the source, at the source's place.
    ("spelling/unknown-word", 'id="16"', "diplomaltik"),
    ("typography/double-space", 'id="16"', "  semakin"),
    ("term/deprecated", 'id="16"', "kerjasama"),
    ("orthography/bound-form-apart", 'id="16"', "antar pemerintah"),
]


@pytest.fixture(scope="module")
def faults(ctx):
    return check_bilingual_file(str(FAULTS), ctx)


@pytest.mark.parametrize("rule, unit, marker", PLANTED)
def test_each_planted_fault_is_reported_at_its_line_and_column(faults, rule, unit, marker):
    raw = FAULTS.read_text(encoding="utf-8")
    assert where(raw, marker, f"<trans-unit {unit}") in positions(faults, rule)


def test_every_bilingual_kind_is_planted(faults):
    assert {f.rule for f in faults.findings} >= set(BILINGUAL_REGISTRY)
    assert {rule for rule, _, _ in PLANTED} >= set(BILINGUAL_REGISTRY)


def test_nothing_but_the_planted_faults_is_reported(faults):
    raw = FAULTS.read_text(encoding="utf-8")
    expected = sorted((rule, where(raw, marker, f"<trans-unit {unit}"))
                      for rule, unit, marker in PLANTED)
    found = sorted((f.rule, faults.document.position(f.start)) for f in faults.findings
                   if f.severity is not Severity.INFO)
    assert found == expected


def test_positions_are_exact_after_entities_and_inline_tags(faults):
    raw = FAULTS.read_text(encoding="utf-8")
    spelling = next(f for f in faults.findings if f.rule == "bilingual/spelling")
    assert raw[spelling.start:spelling.end] == "goverment" == spelling.text
    assert spelling.suggestions[0] == "government"
    assert faults.document.position(spelling.start) == (75, 98)  # after "&amp;"
    number = next(f for f in faults.findings if f.rule == "bilingual/number-mismatch")
    assert (number.text, faults.document.position(number.start)) == ("1.3 billion", (25, 79))
    assert "1,2 miliar" in number.message


def test_the_suggestions_are_the_english_preferred_terms(faults):
    by_rule = {f.rule: f for f in faults.findings}
    assert by_rule["bilingual/missing-term"].suggestions == ["cooperation"]
    assert by_rule["bilingual/deprecated-term"].suggestions == ["developing country"]
    assert by_rule["bilingual/deprecated-term"].text == "Third World countries"


def test_the_clean_twin_reports_nothing(ctx):
    result = check_bilingual_file(str(CLEAN), ctx)
    assert [(f.rule, f.message) for f in result.findings
            if f.severity is not Severity.INFO] == []


def test_the_twins_hold_the_same_units():
    faulty, clean = read_bilingual(str(FAULTS)), read_bilingual(str(CLEAN))
    assert [u.unit.id for u in faulty.units] == [u.unit.id for u in clean.units]
    assert len(faulty.units) == 16  # the translate="no" unit is not checked


# --- Other formats: one fault each, at the right place ---------------------------------------

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t"
          adminlang="en-US" srclang="id-ID" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="id-ID"><seg>Ekspor naik <bpt i="1">&lt;b&gt;</bpt>10 persen<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="en-US"><seg>Exports rose <bpt i="1">&lt;b&gt;</bpt>10 percent<ept i="1">&lt;/b&gt;</ept> in Kiev.</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="id-ID"><seg>Pasar dibuka.</seg></tuv>
      <tuv xml:lang="en-US"><seg>The market opened.</seg></tuv>
    </tu>
  </body>
</tmx>
"""  # noqa: E501


def test_tmx_unit_with_a_fault_after_inline_codes(check_file):
    result = check_file(TMX, "memori.tmx")
    assert [(f.rule, f.text) for f in result.findings] == [
        ("bilingual/deprecated-term", "Kiev")]
    assert result.document.position(result.findings[0].start) == where(TMX, "Kiev.")


PO = r'''# Terjemahan artikel
msgid ""
msgstr ""
"Language: en\n"
"X-Source-Language: id\n"

#: artikel.txt:1
msgid "Inflasi tahunan mencapai 2,5 persen."
msgstr "Annual inflation reached 3.5 percent."

msgid ""
"Kedua negara \"sepakat\" "
"memperkuat kerja sama."
msgstr ""
"The two countries \"agreed\" to "
"strengthen cooperation."
'''


def test_po_entry_with_a_fault(check_file):
    result = check_file(PO, "artikel.po")
    assert [(f.rule, f.text) for f in result.findings] == [
        ("bilingual/number-mismatch", "3.5 percent")]
    assert result.document.position(result.findings[0].start) == (9, 34)


def test_po_positions_follow_continuation_lines_and_escapes(tmp_path):
    path = tmp_path / "artikel.po"
    path.write_text(PO, encoding="utf-8")
    units = read_bilingual(str(path)).units
    second = units[1]
    assert second.unit.source == 'Kedua negara "sepakat" memperkuat kerja sama.'
    assert (second.unit.source_line, second.unit.source_column) == (12, 2)
    assert (second.unit.target_line, second.unit.target_column) == (15, 2)
    text = PO
    start, end = second.target.span(len('The two countries "agreed" to '), len(
        'The two countries "agreed" to strengthen'))
    assert text[start:end] == "strengthen"


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="id" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1" state="translated">
        <source>Harga naik <pc id="1">5 persen</pc>.</source>
        <target>Prices rose <pc id="1">6 percent</pc>.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_xliff2_segment_with_a_fault(check_file):
    result = check_file(XLIFF2, "artikel.xliff")
    assert [(f.rule, f.text) for f in result.findings] == [
        ("bilingual/number-mismatch", "6 percent")]
    assert result.document.position(result.findings[0].start) == where(XLIFF2, "6 percent")


def test_missing_target_is_reported_at_the_unit(check_file):
    content = xliff([("Pasar dibuka.", None)])
    result = check_file(content)
    assert positions(result, "bilingual/empty-target") == [where(content, "<trans-unit")]


def test_reader_decodes_utf16_crlf_and_character_references(tmp_path):
    content = xliff([("Nilai Rp5.000.", "Worth Rp5,000 &#x2014; AT&amp;T's bid.")])
    content = content.replace("&amp;amp;", "&amp;").replace("&amp;#x2014;", "&#x2014;")
    path = tmp_path / "u16.xlf"
    path.write_bytes(content.replace("\n", "\r\n").encode("utf-16"))
    bilingual = read_bilingual(str(path))
    unit = bilingual.units[0]
    assert unit.unit.target == "Worth Rp5,000 \u2014 AT&T's bid."
    start, end = unit.target.span(unit.unit.target.index("bid"), len(unit.unit.target) - 1)
    assert bilingual.text[start:end] == "bid"


# --- Numbers, dates and percentages across the two languages -----------------------------

@pytest.mark.parametrize("source, target", [
    ("US$1,2 miliar", "US$1.2 billion"),
    ("Rp1,5 triliun", "Rp1.5 trillion"),
    ("Rp250.000", "Rp250,000"),
    ("Rp250 ribu", "Rp250,000"),
    ("1.000,5 ton", "1,000.5 tonnes"),
    ("3 juta orang", "three million people"),
    ("naik 5,2 persen", "up 5.2%"),
    ("naik 5,2%", "up 5.2 per cent"),
    ("Kamis (14/9)", "Thursday (September 14)"),
    ("Kamis (14/9)", "Thursday (14 September)"),
    ("Kamis (12/6/2025)", "Thursday (June 12, 2025)"),
    ("14-15 September 2025", "September 14-15, 2025"),
    ("14-09-2022", "September 14, 2022"),
    ("pukul 16.20 WIB", "at 4:20 p.m. WIB"),
    ("KTT ke-47", "the 47th summit"),
    ("dua negara", "2 countries"),
    ("tahun 1990-an", "the 1990s"),
])
def test_numbers_that_agree(source, target):
    missing, extra = unmatched(quantities(source, "id"), quantities(target, "en"),
                               spelled_numbers(source), spelled_numbers(target))
    assert (missing, extra) == ([], [])


@pytest.mark.parametrize("source, target, found", [
    ("US$1,2 miliar", "US$1.2 million", "1.2 million"),
    ("naik 5 persen", "up 5 points", "5"),
    ("Kamis (14/9)", "Thursday (September 15)", "September 15"),
    ("Rp5.000", "Rp5.000", "5.000"),  # Indonesian format left in the English
    ("pada 2024", "in 2025", "2025"),
])
def test_numbers_that_differ(source, target, found):
    _, extra = unmatched(quantities(source, "id"), quantities(target, "en"))
    assert [q.text for q in extra] == [found]


def test_a_number_missing_from_the_target_is_reported_on_the_target(check_file):
    content = xliff([("Sebanyak 12 kapal tiba pada Senin (14/9).", "Ships arrived on Monday.")])
    result = check_file(content, select=("bilingual/number-mismatch",))
    assert len(result.findings) == 1
    assert "'12'" in result.findings[0].message and "'14/9'" in result.findings[0].message
    assert positions(result, "bilingual/number-mismatch") == [where(content, "Ships")]


# --- Terms on both sides: inflection-tolerant ----------------------------------------------

@pytest.mark.parametrize("source, target", [
    ("Para menteri luar negeri bertemu.", "The foreign ministers met."),
    ("Delegasi Tiongkok tiba.", "The Chinese delegation arrived."),
    ("Kerja samanya erat.", "Their cooperation is close."),
    ("Dua MoU diteken.", "Two MoUs were signed."),
    ("Ekspor naik.", "Exports rose."),
])
def test_terms_found_despite_inflection(check_file, source, target):
    result = check_file(xliff([(source, target)]), select=("bilingual/missing-term",))
    assert result.findings == []


def test_acronym_terms_keep_their_case(check_file):
    # "AS" (Amerika Serikat) in lower case is not the acronym, so nothing is required.
    result = check_file(xliff([("Ini dikenal as tersebut.", "This is known.")]),
                        select=("bilingual/missing-term",))
    assert result.findings == []


def test_untranslated_spares_names_and_numbers(check_file):
    result = check_file(xliff([("Kuala Lumpur, 12/6 (ASEAN)", "Kuala Lumpur, 12/6 (ASEAN)")]),
                        select=("bilingual/untranslated",))
    assert result.findings == []


def test_spelling_spares_names_source_words_glossary_and_british_forms(check_file):
    target = ("Nguyen visited the hilirisasi centres of the defence ministry on "
              "https://kemlu.go.id/xyzq and 1990s plans.")
    result = check_file(xliff([("Nguyen mengunjungi pusat hilirisasi.", target)]),
                        select=("bilingual/spelling",))
    assert result.findings == []


def test_spelling_names_an_indonesian_word_left_in_the_target(check_file):
    result = check_file(xliff([("Harga beras naik tajam.", "Prices of beras naik sharply."),
                               ("Kapal itu berlabuh.", "The ship docked.")]),
                        select=("bilingual/spelling",))
    # "beras" and "naik" are in the source: spared. A word of another unit is not.
    assert result.findings == []
    left = check_file(xliff([("Harga beras naik tajam.", "Prices rose, pedagang said."),
                             ("Kapal itu berlabuh.", "The ship arived.")]),
                      select=("bilingual/spelling",))
    found = {f.text: f for f in left.findings}
    assert found["pedagang"].message == ("translate 'pedagang': it is an Indonesian word, "
                                         "not an English one")
    assert found["pedagang"].suggestions == []
    # A typing slip gets the common word it slipped from; another unknown word,
    # Hunspell's suggestions.
    assert found["arived"].message == ("correct the spelling of 'arived': the English "
                                       "dictionary does not know it")
    assert found["arived"].suggestions == ["arrived"]


def test_hunspell_suggestions_are_asked_for_a_few_words_only(check_file, monkeypatch):
    from termbase.check import bilingual
    from termbase.lang.english import EnglishSpeller

    asked = []
    monkeypatch.setattr(EnglishSpeller, "slip_target", lambda self, lower: None)
    monkeypatch.setattr(EnglishSpeller, "suggest",
                        lambda self, word, limit=3: asked.append(word) or ["x"])
    words = [f"zqv{letter}wk" for letter in "abcdefghij"]
    pairs = [("Harga naik.", f"Prices {word} rose {word}.") for word in words]
    result = check_file(xliff(pairs), select=("bilingual/spelling",))
    assert len(result.findings) == 2 * len(words)
    assert list(dict.fromkeys(asked)) == words[:bilingual.HUNSPELL_SUGGESTIONS]  # (cached)
    assert [f.suggestions for f in result.findings] == [
        ["x"] if f.text in asked else [] for f in result.findings]


def test_acronyms_in_brackets_are_not_counted(check_file):
    pair = ("Badan usaha milik negara (BUMN) itu untung.", "The state-owned enterprise (SOE) "
            "made a profit.")
    result = check_file(xliff([pair, ("KBRI (Kedutaan Besar) buka.", "The embassy opened.")]),
                        select=("bilingual/unbalanced",))
    assert positions(result, "bilingual/unbalanced") == [where(
        xliff([pair, ("KBRI (Kedutaan Besar) buka.", "The embassy opened.")]),
        "The embassy")]


# --- The command line ---------------------------------------------------------------------

def test_json_contract_is_the_check_contract(invoke):
    result = invoke("check", "--format", "json", str(FAULTS))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    assert all(set(f) == JSON_KEYS for f in data["findings"])
    spelling = next(f for f in data["findings"] if f["rule"] == "bilingual/spelling")
    assert (spelling["line"], spelling["column"], spelling["end_line"],
            spelling["end_column"]) == (75, 98, 75, 107)
    assert spelling["fixable"] is False
    summary = data["summary"]
    assert summary["files"] == 1 and summary["fixable"] == 0
    assert summary["by_category"]["bilingual"] == 14
    assert summary["errors"] == sum(f["severity"] == "error" for f in data["findings"])


def test_clean_twin_exits_zero(invoke):
    result = invoke("check", str(CLEAN))
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


def test_text_output_points_into_the_bilingual_file(invoke):
    result = invoke("check", "--select", "bilingual/spelling", str(FAULTS))
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{FAULTS}:75:98: warning bilingual/spelling:")
    assert lines[2].index("^") == lines[1].index("goverment")


@pytest.mark.parametrize("options, expected", [
    (("--select", "bilingual"), {"bilingual"}),
    (("--select", "bilingual/spelling,bilingual/typography"), {"bilingual"}),
    (("--ignore", "bilingual"), {"spelling", "typography", "term", "orthography"}),
    (("--select", "term"), {"term"}),
])
def test_select_and_ignore_bilingual(invoke, options, expected):
    data = json.loads(invoke("check", "--format", "json", *options, str(FAULTS)).output)
    assert {f["rule"].split("/")[0] for f in data["findings"]} == expected


def test_select_single_bilingual_rule(invoke):
    data = json.loads(invoke("check", "--format", "json", "--select",
                             "bilingual/number-mismatch", str(FAULTS)).output)
    assert [f["text"] for f in data["findings"]] == ["1.3 billion", "September 15"]


def test_unknown_bilingual_rule_is_a_usage_error(invoke):
    result = invoke("check", "--select", "bilingual/nope", str(FAULTS))
    assert result.exit_code == 2


def test_articles_and_bilingual_files_together(invoke, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Kedua negara memperkuat kerja sama ekonomi.\n", encoding="utf-8")
    data = json.loads(invoke("check", "--format", "json", str(article), str(CLEAN)).output)
    assert data["summary"]["files"] == 2


def test_fix_never_edits_a_bilingual_file(invoke, tmp_path):
    copy = tmp_path / "copy.xlf"
    copy.write_bytes(FAULTS.read_bytes())
    result = invoke("check", "--fix", str(copy))
    assert result.exit_code == 1
    assert copy.read_bytes() == FAULTS.read_bytes()
    assert invoke("check", "--diff", str(copy)).exit_code == 0


@pytest.mark.parametrize("name, content, message", [
    ("bad.xlf", '<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n'
     '<trans-unit id="1"><source>a</source>\n</file></xliff>\n',
     "bad.xlf:5: malformed XML: Opening and ending tag mismatch"),
    ("page.xliff", "<html><body/></html>\n",
     "page.xliff:1: not an XLIFF file (root element <html>)"),
    ("memory.tmx", '<xliff version="1.2"/>\n',
     "memory.tmx:1: not a TMX file (root element <xliff>)"),
    ("empty.xlf", "  \n", "empty.xlf: empty file, expected XML"),
    ("bomb.xlf", '<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY a "b">\n]>\n<xliff/>\n',
     "bomb.xlf:3: entity declarations are not allowed"),
    ("nosource.xlf", '<xliff version="1.2"><file><body>\n<trans-unit id="1"><target>x'
     "</target></trans-unit></body></file></xliff>\n",
     "nosource.xlf:2: <trans-unit id='1'> without a <source>"),
    ("broken.po", 'msgid "a"\nmsgstr "b"\nmsgid\n', "broken.po:3: malformed PO"),
])
def test_bad_bilingual_input_exits_2_naming_file_and_line(invoke, tmp_path, name, content,
                                                          message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = invoke("check", str(path))
    assert result.exit_code == 2
    assert f"termbase: {tmp_path / message}" in result.output


def test_translations_differing_only_in_quotes_and_dashes_are_consistent(check_file):
    units = [("Kedua pihak menolak lagi.", "Both sides \u201crefused\u201d \u2014 again."),
             ("Kedua pihak menolak lagi.", "Both sides \"refused\" - again.")]
    result = check_file(xliff(units), select=("bilingual/inconsistent-target",
                                              "bilingual/inconsistent-source"))
    assert result.findings == []


def test_different_wording_with_the_same_quotes_is_inconsistent(check_file):
    units = [("Kedua pihak \u201cmenolak\u201d.", "Both sides \u201crefused\u201d."),
             ("Kedua pihak \"menolak\".", "The two sides \"declined\".")]
    result = check_file(xliff(units), select=("bilingual/inconsistent-target",))
    assert [f.rule for f in result.findings] == ["bilingual/inconsistent-target"] * 2


def test_a_target_that_only_changes_the_quotes_is_untranslated(check_file):
    result = check_file(xliff([("Harga \u201cnaik\u201d pekan lalu.", 'Harga "naik" pekan lalu.')]),
                        select=("bilingual/untranslated",))
    assert [f.rule for f in result.findings] == ["bilingual/untranslated"]
