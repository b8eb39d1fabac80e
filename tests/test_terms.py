"""Terminology rules, driven only by glossary data."""

from __future__ import annotations

import pytest

from termbase.check.context import CheckContext
from termbase.check.engine import check_text
from termbase.formats.tbx import parse_tbx
from termbase.glossary import Glossary
from termbase.model import Severity

# ruff: noqa: E501  (TBX lines are clearer unwrapped)

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1"><langSet xml:lang="id">
  <tig><term>kerja sama</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>kerjasama</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
</langSet><langSet xml:lang="en"><tig><term>cooperation</term></tig></langSet></termEntry>
<termEntry id="c2"><langSet xml:lang="id">
  <tig><term>pinjaman lunak</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>kredit lunak</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
</langSet></termEntry>
<termEntry id="c3"><langSet xml:lang="id">
  <tig><term>Organisasi Kerja Sama Shanghai</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>SCO</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote><termNote type="termType">acronym</termNote></tig>
</langSet></termEntry>
<termEntry id="c4"><langSet xml:lang="id">
  <tig><term>Dana Moneter Internasional</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>IMF</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
</langSet></termEntry>
<termEntry id="c5"><langSet xml:lang="id">
  <tig><term>Nur Sultan</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote><termNote type="x-supersededSince">2022-09-17</termNote></tig>
  <tig><term>Astana</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
</langSet></termEntry>
<termEntry id="c6"><langSet xml:lang="id">
  <tig><term>Sabuk dan Jalan</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>Jalur Sutra Baru</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
</langSet></termEntry>
</body></text></martif>"""


@pytest.fixture(scope="module")
def term_ctx(ctx):
    glossary = Glossary(parse_tbx(TBX.encode(), "t.tbx"), ["t.tbx"])
    return CheckContext(glossary, ctx.speller)


def lint_terms(term_ctx, text):
    return [f for f in check_text("t.txt", text, term_ctx).findings if f.category == "term"]


@pytest.mark.parametrize("text, found, fix", [
    ("Mereka memperkuat kerjasama.", "kerjasama", "kerja sama"),
    ("Kerjasama itu erat.", "Kerjasama", "Kerja sama"),
    ("KERJASAMA itu erat.", "KERJASAMA", "KERJA SAMA"),
    ("Kerjasamanya erat.", "Kerjasamanya", "Kerja samanya"),
    ("Ia tiba di Nur Sultan kemarin.", "Nur Sultan", "Astana"),
    # written as the glossary writes it: the preferred term as the glossary writes it,
    # not capitalised word by word
    ("Proyek Jalur Sutra Baru dibahas.", "Jalur Sutra Baru", "Sabuk dan Jalan"),
    ("Proyek JALUR SUTRA BARU dibahas.", "JALUR SUTRA BARU", "SABUK DAN JALAN"),
])
def test_deprecated_and_superseded_variants_are_errors(term_ctx, text, found, fix):
    (finding,) = lint_terms(term_ctx, text)
    assert finding.rule == "term/deprecated"
    assert finding.severity is Severity.ERROR
    assert (finding.text, finding.suggestions[0]) == (found, fix)


def test_preferred_terms_alone_are_fine(term_ctx):
    assert not lint_terms(term_ctx, "Kerja sama dan pinjaman lunak. Kerja samanya erat.")


def test_admitted_and_preferred_in_one_document_warn_on_each_use(term_ctx):
    findings = lint_terms(term_ctx, "Ada pinjaman lunak.\n\nLalu kredit lunak lagi.")
    assert [(f.rule, f.text, f.suggestions) for f in findings] == [
        ("term/inconsistent", "pinjaman lunak", []),
        ("term/inconsistent", "kredit lunak", ["pinjaman lunak"]),
    ]
    assert all(f.severity is Severity.WARNING for f in findings)


def test_admitted_alone_is_consistent(term_ctx):
    assert not lint_terms(term_ctx, "Ada kredit lunak dan kredit lunak lagi.")


def test_acronym_beside_full_form_is_not_inconsistent(term_ctx):
    assert not lint_terms(term_ctx, "Organisasi Kerja Sama Shanghai (SCO) bertemu. SCO setuju.")


def test_two_preferred_terms_are_not_inconsistent(term_ctx):
    assert not lint_terms(term_ctx, "Dana Moneter Internasional (IMF) mencatat.")


def test_matching_is_on_token_boundaries(term_ctx):
    assert not lint_terms(term_ctx, "Kata ekerjasama dan kerjasamawan bukan istilah.")


def test_shipped_glossary_drives_seed_terms(lint):
    findings = lint("Hubungan Cina dan Indonesia serta kerjasama hutang.")
    fixes = {f.text: f.suggestions[0] for f in findings if f.rule == "term/deprecated"}
    assert fixes == {"Cina": "Tiongkok", "kerjasama": "kerja sama", "hutang": "utang"}


@pytest.mark.parametrize("dateline, flagged", [
    ("2022-09-14 22:55:41", False),           # written three days before the renaming
    ("Rabu, 14 September 2022", False),
    ("Sabtu, 17 September 2022", True),
    ("Selasa, 14 Oktober 2025, 19.42 WIB", True),
    ("", True),                               # no dateline: judged as of today
])
def test_superseded_on_a_known_day_is_fine_in_older_articles(term_ctx, dateline, flagged):
    text = f"Judul\n\n{dateline}\n\nPresiden tiba di Nur Sultan.\n"
    assert bool(lint_terms(term_ctx, text)) is flagged


def test_replacement_takes_the_capitals_of_each_word(lint):
    from termbase.check.rules import match_case

    assert match_case("Konsul Jendral", "konsul jenderal") == "Konsul Jenderal"
    assert match_case("Kerjasama", "kerja sama") == "Kerja sama"
    assert match_case("kerjasama", "kerja sama") == "kerja sama"


@pytest.mark.parametrize("text", [
    "Pesawat mendarat di Bandara Internasional Nur Sultan Nazarbayev pagi ini.",
    "Ia belajar di Universitas Nur Sultan Abdulaev sejak lama.",
])
def test_superseded_name_inside_a_longer_proper_name_is_fine(term_ctx, text):
    assert not lint_terms(term_ctx, text)


@pytest.mark.parametrize("text", [
    "Presiden tiba di Nur Sultan.",
    "Presiden tiba di Nur Sultan, Kazakhstan, kemarin.",
    "Presiden tiba di Nur Sultan Kamis pagi.",
    "Presiden tiba di Nur Sultan Desember lalu.",
    "Presiden Tiba di Nur Sultan Hari Ini",         # a title: Hari is a common word
    "Delegasi dari Nur Sultan KTT berikutnya.",     # an acronym is not a name's part
    "Presiden tiba di Nur Sultan\nNazarbayev menyambutnya.",  # another line
])
def test_superseded_name_standing_alone_is_still_reported(term_ctx, text):
    (finding,) = lint_terms(term_ctx, text)
    assert finding.text == "Nur Sultan"


def test_lower_case_terms_are_reported_before_a_capital(term_ctx):
    # Only a name can be part of a longer name: a title in title case is no excuse.
    (finding,) = lint_terms(term_ctx, "Pererat Kerjasama Bilateral")
    assert finding.text == "Kerjasama"


@pytest.mark.parametrize("head, expected", [
    ("Jakarta, 14 September 2022 - Presiden tiba.", "2022-09-14"),
    ("Presiden tiba di sana, Rabu (14/9/2022).", "2022-09-14"),
    ("Harga naik lagi (14/9/2022).", "2022-09-14"),
    ("Dirilis 14-09-2022 pukul 10.15.", "2022-09-14"),
    ("Selasa, 13 Desember 2022 | 10:15 WIB\nHarga naik.", "2022-12-13"),
    ("KAMIS, 18 APRIL 2024 | 07:30 WIB", "2024-04-18"),
    ("2022-09-14T22:55:41+07:00\nHarga naik.", "2022-09-14"),
    # A day and month alone take the year written elsewhere in the head.
    ("Laporan Tahunan 2022\nPresiden tiba, Rabu (14/9).", "2022-09-14"),
    ("Presiden tiba Kamis 15/9 di ibu kota pada 2022.", "2022-09-15"),
    ("Dimuat 2022\nHarga naik (16/9).", "2022-09-16"),
    # The first full date in the head wins, even over an earlier day and month.
    ("Jakarta (1/9) - Selasa, 13 Desember 2022 dan 14 September 2022", "2022-12-13"),
    ("Rapat, 17 September 2022. Ia ingat 1 Januari 2020.", "2022-09-17"),
])
def test_article_date_from_datelines(head, expected):
    from termbase.lang.dates import article_date

    assert str(article_date(head)) == expected


@pytest.mark.parametrize("head", [
    "Harga naik (14/9) tanpa tahun.",   # no year anywhere in the head
    "Skor 3/4 pada 2022.",              # a fraction, not in a dateline
    "Pukul 10.30 (31/2) pada 2022.",    # no such day
    "Judul saja.",
])
def test_no_article_date(head):
    from termbase.lang.dates import article_date

    assert article_date(head) is None


@pytest.mark.parametrize("dateline, flagged", [
    ("Astana, Rabu (14/9/2022)", False),
    ("Jakarta, 14 September 2022", False),
    ("Berita Dunia 2022\n\nJakarta, Rabu (14/9)", False),
    ("Berita Dunia 2022\n\nJakarta, Senin (19/9)", True),
    ("Selasa, 13 Desember 2022 | 10:15 WIB", True),
])
def test_superseded_judged_by_other_dateline_forms(term_ctx, dateline, flagged):
    text = f"{dateline}\n\nPresiden tiba di Nur Sultan.\n"
    assert bool(lint_terms(term_ctx, text)) is flagged
