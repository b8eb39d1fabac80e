"""Each rule's documented example, and the cases the issue names, as a table."""

from __future__ import annotations

import subprocess
import sys

import pytest

from termbase.check import registry
from termbase.check.context import build_context
from termbase.check.engine import Selection, check_bilingual_file, check_text
from termbase.check.rules import Rule, RunsOn
from termbase.model import Severity

from .conftest import rules_of
from .test_bilingual import example_units, xliff

NAMES = [rule.name for rule in registry.RULES]


def is_remark(example: str) -> bool:
    """A right example that is a remark in brackets, "(accept list: Tokayev)", not text:
    what makes the text right is outside it. "(Kemendag) mencatat" is text."""
    return example.startswith("(") and example.endswith(")")


@pytest.fixture
def example_findings(ctx, tmp_path):
    """The findings of a rule (only it selected) on one side of its example."""

    def run(rule: Rule, example: str, context=None):
        selection = Selection(select=(rule.name,))
        if rule.runs_on is RunsOn.BILINGUAL:
            path = tmp_path / "example.xlf"
            path.write_text(xliff(example_units(example)), encoding="utf-8")
            return check_bilingual_file(str(path), context or ctx, selection).findings
        return check_text("t.txt", example + ".", context or ctx, selection).findings

    return run


# How the rules whose right example is a remark are right: their text stays as it was,
# and what the remark names takes the finding away.
REMARKS = {
    # An accepted word is no unknown name.
    "spelling/unknown-name": lambda text: (text, build_context(accept_words=["Tokayev"])),
    # Italics cannot be shown in a text file; the Indonesian term is the other way out.
    "spelling/foreign": lambda text: (text.replace("code of conduct", "kode etik"), None),
}


@pytest.mark.parametrize("name", NAMES)
def test_documented_example_wrong_is_flagged_right_is_not(example_findings, name):
    """Every rule, document and bilingual: its wrong example gives a finding of it, at its
    severity, and its right one none; a remark, as REMARKS says."""
    rule = registry.BY_NAME[name]
    wrong = example_findings(rule, rule.wrong)
    assert name in rules_of(wrong), rule.wrong
    assert all(f.severity is rule.severity for f in wrong if f.rule == name)
    if is_remark(rule.right):
        text, context = REMARKS[name](rule.wrong)
        assert name not in rules_of(example_findings(rule, text, context)), rule.right
    else:
        assert name not in rules_of(example_findings(rule, rule.right)), rule.right


def test_remarks_are_only_where_a_text_cannot_show_the_right_form():
    assert {r.name for r in registry.RULES if is_remark(r.right)} == set(REMARKS)


def test_every_rule_has_an_example():
    for rule in registry.RULES:
        assert rule.wrong and rule.right and rule.summary, rule.name
        expected = {RunsOn.DOCUMENT: {"spelling", "term", "orthography", "typography"},
                    RunsOn.BILINGUAL: {"bilingual"}}[rule.runs_on]
        assert rule.category in expected, rule.name


def test_rule_names_are_unique_and_the_registry_is_all_the_modules_list():
    """Every module of the checker that lists rules is in the registry, with all the
    rules it makes: a rule left out of its module's RULES, or a module left out of the
    registry, would never run."""
    import importlib
    import pkgutil

    import termbase.check

    assert len(set(NAMES)) == len(NAMES)
    assert len(registry.BY_NAME) == len(NAMES)
    listed = []
    for info in pkgutil.iter_modules(termbase.check.__path__):
        if info.name == "registry":
            continue
        module = importlib.import_module(f"termbase.check.{info.name}")
        made = {v for v in vars(module).values() if isinstance(v, Rule)}
        if made or hasattr(module, "RULES"):
            assert made <= set(module.RULES), info.name
            listed.extend(module.RULES)
    assert sorted(r.name for r in listed) == sorted(NAMES)
    assert set(listed) == set(registry.RULES)


def test_fixable_rules_are_the_safe_ones():
    """--fix applies fixes of typography and orthography, a deprecated term, a
    non-standard form; never a spelling guess or an inconsistency, nor a bilingual file."""
    fixable = {r.name for r in registry.RULES if r.fixable}
    assert fixable == {r.name for r in registry.RULES
                       if r.category in ("typography", "orthography")
                       or r.name in ("term/deprecated", "spelling/nonstandard")}


IMPORT_ALL_AND_LIST = """
import importlib, pkgutil, sys
import termbase.check
from termbase.check import registry
before = [(r.name, id(r)) for r in registry.RULES]
for module in pkgutil.iter_modules(termbase.check.__path__):
    if module.name != "registry":
        importlib.reload(importlib.import_module("termbase.check." + module.name))
after = [(r.name, id(r)) for r in registry.RULES]
print(before == after, len(before))
"""


def test_importing_the_rule_modules_does_not_change_the_registry():
    """Nothing registers itself: importing (even reloading) every module of the checker
    after the registry was built leaves it as it was."""
    done = subprocess.run([sys.executable, "-c", IMPORT_ALL_AND_LIST], capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["True", str(len(NAMES))]


def only(findings, rule):
    return [f for f in findings if f.rule == rule]


# --- spelling -------------------------------------------------------------------

@pytest.mark.parametrize("typo, fix", [
    ("diplomaltik", "diplomatik"),
    ("multiteral", "multilateral"),
    ("eksteral", "eksternal"),
    ("penyelenggaran", "penyelenggaraan"),
    ("permintan", "permintaan"),
    ("jarignan", "jaringan"),
    ("berualng", "berulang"),  # a swapped pair beats dropping a letter (beruang)
    ("ketersedian", "ketersediaan"),  # not ke-ter-se- + dian: ke- wants -an
])
def test_typos_are_errors_with_the_intended_word_first(lint, typo, fix):
    found = only(lint(f"Kedua pihak membahas {typo} itu."), "spelling/unknown-word")
    assert [f.text for f in found] == [typo]
    assert found[0].severity is Severity.ERROR
    assert found[0].suggestions[0] == fix


@pytest.mark.parametrize("word", [
    "potensinya", "kemitraannya", "bukulah", "apakah", "kaupilih",  # clitics
    "negara-negara", "sebaik-baiknya", "pertama-tama", "berlarut-larut",  # reduplication
    "ke-20", "14/9", "10.30", "Rp250.000", "US$1,2",  # numbers and ordinals
    "SCO", "CICA", "KTPnya",  # acronyms
    "https://example.org/berita", "redaksi@example.co.id",
    "multilateralisme", "diperbesar", "nontarif", "kesepahaman",  # affix combinations
    "ketersediaannya", "diimbau", "riyal",
])
def test_correct_forms_are_not_spelling_errors(lint, word):
    assert not [f for f in lint(f"Kata {word} itu benar.") if f.category == "spelling"
                and f.severity is not Severity.INFO]


def test_hyphenated_compound_of_known_parts_and_names(lint):
    findings = lint("Hubungan Tiongkok-Kazakhstan dan e-commerce tumbuh.")
    assert not [f for f in findings if f.severity is not Severity.INFO]


def test_capitalised_unknown_word_is_info_once(lint):
    findings = only(lint("Presiden Tokayev menyambut. Kemudian Tokayev pergi."),
                    "spelling/unknown-name")
    assert [(f.text, f.severity) for f in findings] == [("Tokayev", Severity.INFO)]


def test_misspelt_part_of_a_hyphenated_word(lint):
    found = only(lint("Proyek kereta-kereta cepta itu."), "spelling/unknown-word")
    assert [f.text for f in found] == ["cepta"]


def test_accept_list_silences_a_word(tmp_path):
    from termbase.check.context import build_context
    from termbase.check.engine import check_text

    accept = tmp_path / "accept.txt"
    accept.write_text("# desk vocabulary\nwhoosh\n", encoding="utf-8")
    ctx = build_context(accept_paths=[str(accept)])
    assert not check_text("t.txt", "layanan whoosh itu.", ctx).findings


# --- orthography ----------------------------------------------------------------

@pytest.mark.parametrize("wrong, rule, fix", [
    ("komisi kerja sama antar pemerintah", "orthography/bound-form-apart", "antarpemerintah"),
    ("dampak pasca pandemi", "orthography/bound-form-apart", "pascapandemi"),
    ("ekonomi pasca Covid", "orthography/bound-form-apart", "pasca-Covid"),
    ("produk non-halal", "orthography/bound-form-hyphen", "nonhalal"),
    ("dia tinggal dirumah", "orthography/preposition-attached", "di rumah"),
    ("Diantara kota itu", "orthography/preposition-attached", "Di antara"),
    ("kami pergi kesana", "orthography/preposition-attached", "ke sana"),
    ("ujarnya disela-sela pertemuan", "orthography/preposition-attached", "di sela-sela"),
    ("Disektor tekstil", "orthography/preposition-attached", "Di sektor"),
    ("dibawa keluar negeri", "orthography/preposition-attached", "ke luar negeri"),
    ("dokumen itu di tandatangani", "orthography/prefix-apart", "ditandatangani"),
    ("laporan yang di rilis", "orthography/prefix-apart", "dirilis"),
    # One-syllable roots take menge- (mengesahkan, mengebom, mengecat, mengecek).
    ("undang-undang itu di sahkan", "orthography/prefix-apart", "disahkan"),
    ("jembatan itu di bom musuh", "orthography/prefix-apart", "dibom"),
    ("pagar itu di cat ulang", "orthography/prefix-apart", "dicat"),
    ("data itu di cek lagi", "orthography/prefix-apart", "dicek"),
    ("surat itu di tik rapi", "orthography/prefix-apart", "ditik"),
    ("apapun hasilnya", "orthography/pun", "apa pun"),
    ("walau pun begitu", "orthography/pun", "walaupun"),
    ("buku nya hilang", "orthography/clitic-apart", "bukunya"),
])
def test_orthography_faults(lint, wrong, rule, fix):
    found = only(lint(wrong + "."), rule)
    assert len(found) == 1, wrong
    assert found[0].suggestions == [fix]
    assert found[0].fix is not None and found[0].fix.replacement == fix


@pytest.mark.parametrize("right", [
    "Ia keluar dari ruangan.",          # ke + luar, but a verb of its own
    "Jumlahnya diperbesar tahun ini.",  # di- + per- verb
    "Dokumen itu ditandatangani di Beijing.",
    "Mereka datang ke depan gedung.",
    "Ada pro dan kontra.",              # ambiguous bound form standing alone
    "Ia tidak hadir sekali pun.",       # 'even once'
    "Rumpun bambu itu tumbuh.",         # word ending in -pun
    "Kebijakan antarnegara itu baru.",
    "Ia berada di sela-sela acara.",
    "Ia menyesuaikan harga di pasar.",
    "Anaknya telah divaksin dan diimbau tenang.",  # di- passives of nouns and verbs
    "Ia dirumahkan sejak Mei.",
    "Mereka tinggal di sana dan di bawah jembatan.",
    "Ia bekerja di rumah, di kantor dan di pasar.",
    "Ia ditahan di sel tahanan dan dijaga di pos polisi.",  # one-syllable places
    "Ia unggul di set kedua dan di lap ketiga.",
    "Ia menabung di bank dan di toko.",
])
def test_orthography_stays_silent_on_correct_text(lint, right):
    assert not [f for f in lint(right) if f.category == "orthography"], right


# --- typography -----------------------------------------------------------------

def test_double_space_with_no_break_space(lint):
    found = only(lint("dan\u00a0 pertukaran itu."), "typography/double-space")
    assert [(f.text, f.suggestions) for f in found] == [("\u00a0 ", [" "])]


def test_trailing_and_leading_space_is_not_a_double_space(lint):
    assert not only(lint("  Judul\u00a0\u00a0\n\nKalimat itu."), "typography/double-space")


@pytest.mark.parametrize("text, rule", [
    ("Hendra Prasetyo Nugroho , mengatakan", "typography/space-before-punctuation"),
    ("Ia datang ; lalu pergi", "typography/space-before-punctuation"),
    ("kata Ani,lalu pergi", "typography/missing-space"),
    ("Ia pergi.Dia datang", "typography/missing-space"),
    ("Ia tiba Senin (19/6)saat hujan", "typography/missing-space"),
    ("“Kami siap,”kata Ani", "typography/missing-space"),
    ("berjudul “ Dialog”", "typography/space-inside-quotes"),
    ("lebih murah, ” kata Arief", "typography/space-inside-quotes"),
    ("( Kemendag) mencatat", "typography/space-inside-quotes"),
    ("(Kemendag mencatat", "typography/unbalanced"),
    ("“Kami siap, kata Ani.", "typography/unbalanced"),
    ("pertama -tama", "typography/spaced-hyphen"),
    ("negara- negara", "typography/spaced-hyphen"),
    ("biaya yang yang ditanggung", "typography/repeated-word"),
])
def test_typography_faults(lint, text, rule):
    assert rule in rules_of(lint(text + ".")), text


@pytest.mark.parametrize("text", [
    "Harga naik 1,5 persen pada pukul 10.30 WIB.",
    "Lihat detik.com dan https://a.id/x?y=1,2.",
    "Gelar S.H. dan M.Si. milik A.H. Nasution.",
    "Ekspor ke Tiongkok + 5 Negara Asia Tengah.",
    "Periode 2020 - 2024 dan Jakarta - Bandung.",
    "“Kami siap,” kata Ani. (Ia tersenyum.)",
    "Bora Bora indah.",
    "Ia berkata, ”Kami siap bekerja.”",      # ” opening a quotation: a house style
    "”Kami siap,” kata Ani (ketua).",
    "Penulis(nya) dan (s)he bukan kesalahan spasi.",
])
def test_typography_stays_silent_on_correct_text(lint, text):
    assert not [f for f in lint(text) if f.category == "typography"], text


def test_quote_continued_over_paragraphs_is_balanced(lint):
    text = "“Kami siap bekerja.\n\n“Kami juga siap berunding,” katanya."
    assert not only(lint(text), "typography/unbalanced")
    text = "”Kami siap bekerja.\n”Kami juga siap berunding,” katanya."
    assert not only(lint(text), "typography/unbalanced")


def test_opening_double_comma_quote_still_needs_its_close(lint):
    (found,) = only(lint("Ia berkata, ”Kami siap bekerja.\nLalu pergi.\n"),
                    "typography/unbalanced")
    assert found.text == "”" and found.start == 12


def test_repeated_word_points_at_the_second_word_and_is_not_fixed_blindly(lint):
    (found,) = only(lint("biaya yang yang ditanggung."), "typography/repeated-word")
    assert (found.start, found.end, found.text) == (11, 15, "yang")
    assert found.fix is None  # "kupu kupu" wants a hyphen, "yang yang" a deletion


def test_misspelt_reduplication_is_fixed_in_both_halves(lint):
    (found,) = only(lint("nilai perdaganagn-perdaganagn itu."), "spelling/unknown-word")
    assert found.suggestions[0] == "perdagangan-perdagangan"


def test_all_caps_deprecated_term_keeps_capitals(lint):
    (found,) = [f for f in lint("KERJASAMA ITU ERAT.") if f.rule == "term/deprecated"]
    assert found.suggestions == ["KERJA SAMA"]


def test_unknown_name_is_its_own_rule(lint):
    findings = lint("Presiden Tokayev hadir.", select=("spelling/unknown-name",))
    assert [f.text for f in findings] == ["Tokayev"]


def test_misspelt_sentence_opener_is_an_error_but_a_name_is_not(lint):
    findings = lint("Permintan naik tajam. Tokayev menyatakan setuju.")
    errors = only(findings, "spelling/unknown-word")
    assert [(f.text, f.suggestions[0]) for f in errors] == [("Permintan", "Permintaan")]
    assert [f.text for f in only(findings, "spelling/unknown-name")] == ["Tokayev"]


def test_a_capitalised_word_seen_inside_a_sentence_is_a_name(lint):
    text = "Bersama Permintan hadir. Permintan lalu pulang."
    assert not only(lint(text), "spelling/unknown-word")


def test_quotation_over_a_broken_line_is_balanced(lint):
    text = ("“Antreannya tidak lama, paling\nsetengah jam. Biasanya\nlancar,” katanya.\n"
            "“Kami datang pagi,\" ujar Ani.\n")
    assert not [f for f in lint(text) if f.rule == "typography/unbalanced"]
    assert [f.rule for f in lint("“Antreannya tidak lama.\nKami pulang.\n")
            if f.rule == "typography/unbalanced"] == ["typography/unbalanced"]


@pytest.mark.parametrize("wrong, fix", [
    ("ia duduk didekatnya", "di dekatnya"),
    ("tulisan dipunggungnya", "di punggungnya"),
    ("gol dimenit-menit akhir", "di menit-menit"),
    ("jika dikemudian hari ada aduan", "di kemudian hari"),
    ("ia masuk keruangan kerjanya", "ke ruangan kerjanya"),
])
def test_preposition_glued_to_more_place_and_time_words(lint, wrong, fix):
    found = only(lint(wrong + "."), "orthography/preposition-attached")
    assert [f.suggestions for f in found] == [[fix]], wrong


@pytest.mark.parametrize("right", [
    "Ia didekati warga dan dipunggungi kawannya.",  # di- passives of the same stems
    "Kedekatannya dengan warga terjaga.",
    "Kajian keruangan kota itu selesai.",           # keruangan 'spatial matters'
])
def test_place_words_keep_passives_and_derived_words(lint, right):
    assert not only(lint(right), "orthography/preposition-attached"), right
