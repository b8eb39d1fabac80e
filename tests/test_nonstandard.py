"""spelling/nonstandard: KBBI's tidak baku forms in any inflection, meN-/peN- assimilation."""

from __future__ import annotations

import pytest

from termbase.lang.morphology import attach_prefix, nasal_prefix

RULE = "spelling/nonstandard"


def reported(lint, text):
    # Only this rule: a glossary's term/deprecated would take precedence over it.
    return [(f.text, f.suggestions[0]) for f in lint(text, (RULE,))]


@pytest.mark.parametrize("text, wrong, right", [
    # listed bare forms
    ("Kami menunggu dalam antrian yang panjang.", "antrian", "antrean"),
    ("Ia mengurus ijin usaha di kantor itu.", "ijin", "izin"),
    ("Harga obat di apotik naik lagi.", "apotik", "apotek"),
    ("Pada jaman dahulu desa itu sepi.", "jaman", "zaman"),
    ("Ia bukan sekedar penonton biasa.", "sekedar", "sekadar"),
    ("Warga diminta melunasi hutang tahun lalu.", "hutang", "utang"),
    ("Dia merubah jadwal rapat mendadak.", "merubah", "mengubah"),
    # clitics and suffixes
    ("Pabrik itu menanggung resikonya sendiri.", "resikonya", "risikonya"),
    ("Kantor itu mencabut ijinnya kemarin.", "ijinnya", "izinnya"),
    ("Semua himbauan itu diabaikan warga.", "himbauan", "imbauan"),
    ("Kami membaca analisanya dengan teliti.", "analisanya", "analisisnya"),
    # prefixes, re-assimilated
    ("Warga dihimbau tetap di rumah.", "dihimbau", "diimbau"),
    ("Bupati menghimbau warga tetap tenang.", "menghimbau", "mengimbau"),
    ("Guru itu mempraktekkan metode baru.", "mempraktekkan", "mempraktikkan"),
    ("Tim itu menganalisa data penjualan.", "menganalisa", "menganalisis"),
    ("Dia menjadi penasehat gubernur.", "penasehat", "penasihat"),
    # reduplication and a phrase KBBI hyphenates
    ("Nasehat-nasehat itu berguna.", "Nasehat-nasehat", "Nasihat-nasihat"),
    ("Rencana itu serta merta dibatalkan.", "serta merta", "serta-merta"),
    # a capitalised sentence opener keeps its capital
    ("Resiko itu sudah dihitung.", "Resiko", "Risiko"),
    # a proper noun whose standard form is a proper noun is checked inside a sentence
    ("Menteri itu terbang ke Perancis kemarin.", "Perancis", "Prancis"),
])
def test_nonstandard_forms_get_the_standard_form_first(lint, text, wrong, right):
    assert reported(lint, text) == [(wrong, right)]


@pytest.mark.parametrize("text, wrong, right", [
    ("Warga mengkonsumsi beras lokal.", "mengkonsumsi", "mengonsumsi"),
    ("Cuaca mempengaruhi panen tahun ini.", "mempengaruhi", "memengaruhi"),
    ("Relawan mensukseskan acara itu.", "mensukseskan", "menyukseskan"),
    ("Semua pihak mentaati aturan baru.", "mentaati", "menaati"),
    ("Tarian itu mempesona penonton.", "mempesona", "memesona"),
    ("Pemda mensosialisasikan aturan baru.", "mensosialisasikan", "menyosialisasikan"),
    ("Para pengkonsumsi gula diminta waspada.", "pengkonsumsi", "pengonsumsi"),
    ("Dinas itu mengkoordinasikan bantuan.", "mengkoordinasikan", "mengoordinasikan"),
])
def test_men_assimilation_faults(lint, text, wrong, right):
    found = [f for f in lint(text) if f.rule == RULE]
    assert [(f.text, f.suggestions[0]) for f in found] == [(wrong, right)]
    assert found[0].fix is not None and found[0].fix.replacement == right


@pytest.mark.parametrize("text", [
    "Risiko itu sudah dihitung dan izinnya terbit.",
    "Warga diimbau tetap di rumah; bupati mengimbau warga.",
    "Guru itu mempraktikkan metode baru dan menganalisis data.",
    "Antrean di apotek panjang pada zaman ini.",
    "Kami memperhatikan, memperkuat, dan mempelajari laporan itu.",
    "Pabrik itu memproduksi, mengkritik, mentransfer, dan menstabilkan harga.",
    "Ia mempunyai rumah dan mengkaji laporan itu.",
    "Mereka mentertawakan lelucon itu.",
    "Mentega di pentas itu penting; airnya keruh.",
    "Warga mensyukuri panen dan mempekerjakan buruh.",
    "Pengkhianat itu ditangkap.",
])
def test_standard_forms_are_silent(lint, text):
    assert reported(lint, text) == []


def test_names_and_capitals_are_silent(lint):
    assert reported(lint, "Kami berbelanja di Apotik Sehat kemarin.") == []
    assert reported(lint, "RESIKO TINGGI tertulis di papan.") == []
    # A sentence opener followed by a capitalised word is a name, not a slip.
    assert reported(lint, "Ijin Harahap datang kemarin.") == []


def test_reported_words_are_not_also_unknown_words(lint):
    findings = lint("Mereka mensukseskan acara itu dan mengkonsumsi beras.")
    rules = {f.text: f.rule for f in findings}
    assert rules == {"mensukseskan": RULE, "mengkonsumsi": RULE}


def test_fix_is_applied(ctx):
    from termbase.check.engine import check_text
    from termbase.check.fix import plan_fixes

    text = "Warga dihimbau tetap tenang."
    findings = check_text("t.txt", text, ctx).findings
    assert plan_fixes(findings).apply(text) == "Warga diimbau tetap tenang."


@pytest.mark.parametrize("prefix, stem, word", [
    ("me", "konsumsi", "mengonsumsi"),
    ("me", "pengaruh", "memengaruhi"[:-1]),
    ("me", "sukses", "menyukses"),
    ("me", "taat", "menaat"),
    ("me", "produksi", "memproduksi"),
    ("me", "kritik", "mengkritik"),
    ("me", "stabil", "menstabil"),
    ("me", "bom", "mengebom"),
    ("pe", "nasihat", "penasihat"),
    ("me", "imbau", "mengimbau"),
])
def test_nasal_prefix_follows_kbbi(prefix, stem, word):
    assert nasal_prefix(prefix, stem) == word


def test_ber_and_ter_lose_their_r():
    assert attach_prefix("ber", "kerja") == "bekerja"
    assert attach_prefix("ber", "rencana") == "berencana"
    assert attach_prefix("ber", "main") == "bermain"


def test_old_spelling_inside_an_official_name_is_kept(lint):
    text = "Ia lulus dari Universitas Sepuluh Nopember tahun lalu."
    assert not [f for f in lint(text) if f.rule == "spelling/nonstandard"]
    found = [f for f in lint("Rapat digelar pada 10 Nopember 2022.")
             if f.rule == "spelling/nonstandard"]
    assert [f.suggestions[0] for f in found] == ["November"]


@pytest.mark.parametrize("text, expected", [
    ("Inflasi pada Ramadhan 2023 naik.", ["Ramadan"]),
    ("Pada Ramadhan 2023 harga naik.", ["Ramadan"]),
    ("Kata Ramadhan Pohan, harga naik.", []),       # a person's name
    ("Ahmad Ramadhan hadir.", []),
    ("Jawaban Walikota Depok dibacakan.", ["Wali Kota"]),  # apart even in a title
    ("Walikota itu hadir.", ["Wali kota"]),
])
def test_proper_and_compound_standard_forms(lint, text, expected):
    found = [f for f in lint(text) if f.rule == "spelling/nonstandard"]
    assert [f.suggestions[0] for f in found] == expected


def test_hyphenated_and_open_compounds_and_legal_terms(lint):
    def found(text):
        return [f.suggestions[0] for f in lint(text) if f.rule == "spelling/nonstandard"]
    assert found("Latihan kesiap-siagaan bencana digelar.") == ["kesiapsiagaan"]
    assert found("Peran orangtua penting.") == ["orang tua"]
    assert found("Uji formil dan uji materiil ditolak.") == []  # the court's own terms


def test_curly_apostrophe_and_kaos(lint):
    found = [f.suggestions[0] for f in lint("Acara digelar Jum’at pagi. Ia memakai kaos.")
             if f.rule == "spelling/nonstandard"]
    assert found == ["Jumat", "kaus"]


def test_ber_that_lost_its_r_is_rebuilt_around_a_listed_compound(lint):
    findings = [f for f in lint("Desa itu bekerjasama dengan kampus.")
                if f.rule == "spelling/nonstandard"]
    assert [(f.text, f.suggestions[:1]) for f in findings] == [
        ("bekerjasama", ["bekerja sama"])]


def test_written_apart_or_unlisted_be_words_are_silent(lint):
    text = "Desa itu bekerja sama dengan kampus; warganya bekerja dan bertani."
    assert not [f for f in lint(text) if f.rule == "spelling/nonstandard"]


def test_a_speller_is_not_kept_alive_by_the_verdicts_it_gave():
    """A server or script that builds a context per request must not keep every
    speller (each with its Hunspell dictionary, about 4 MB) for ever."""
    import gc
    import weakref

    from termbase.lang.nonstandard import standard_word
    from termbase.lang.speller import Speller

    speller = Speller()
    assert standard_word("resiko", speller) == standard_word("resiko", speller)
    assert standard_word("resiko", speller) is not None
    assert standard_word("rumah", speller) is None
    gone = weakref.ref(speller)
    del speller
    gc.collect()
    assert gone() is None
