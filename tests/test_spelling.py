"""Spelling on the kinds of error real news has: acceptance by dictionary and affix
grammar first, slips that web frequency hides, names the article itself spells, English."""

from __future__ import annotations

import pytest

from termbase.lang.abbreviations import defined_abbreviations
from termbase.lang.morphology import analyses
from termbase.model import Severity


def spelling(findings, severity=None):
    return [f for f in findings if f.category == "spelling"
            and (severity is None or f.severity is severity)]


@pytest.mark.parametrize("typo, fix", [
    ("menaikan", "menaikkan"),          # naik + -kan keeps both k's
    ("dimasukan", "dimasukkan"),        # not di- + the noun masukan
    ("tidakah", "tidakkah"),
    ("menggalakan", "menggalakkan"),    # Hunspell id_ID lists it, with one k lost
    ("meletakan", "meletakkan"),
    ("mengutungkan", "menguntungkan"),  # meN- + rare kutung + -kan: a slip
    ("penerbagan", "penerbangan"),      # no peN- + ter- stack
    ("tradisonal", "tradisional"),
    ("tu", "itu"),                      # common on the web, still a slip
])
def test_slips_that_frequency_or_a_rare_root_would_accept(lint, typo, fix):
    found = spelling(lint(f"Pemerintah daerah {typo} anggaran itu."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [(typo, fix)]
    assert found[0].rule == "spelling/unknown-word"
    assert found[0].suggestions[0] == fix


@pytest.mark.parametrize("word", [
    "bukulah", "seusai", "menaikkan", "dimasukkan", "masukan", "diimbau", "kesepahaman",
    "berdasarkan", "keberhasilan", "pemberdayaan", "berkelanjutan", "memperhatikan",
    "mengecat", "ketersediaannya", "kepemimpinan", "pemersatu",
])
def test_well_formed_words_stay_correct(lint, word):
    assert spelling(lint(f"Kata {word} itu benar."), Severity.ERROR) == []


def test_affix_grammar_refuses_impossible_combinations():
    roots = {(a.root, a.prefixes, a.suffix) for a in analyses("menaikan")}
    assert ("naik", ("meN",), "an") not in roots  # meN- never takes a bare -an
    assert all(a.root != "bagan" for a in analyses("penerbagan"))  # no peN- + ter-
    assert any(a.root == "hasil" and a.prefixes == ("ke", "ber") and a.suffix == "an"
               for a in analyses("keberhasilan"))
    assert any(a.root == "cat" and a.prefixes == ("meN",) for a in analyses("mengecat"))
    assert not any(a.root == "kaji" and a.prefixes == ("meN",) for a in analyses("mengekaji"))


def test_name_misspelt_against_its_other_uses(lint):
    text = ("Presiden Widodo tiba pagi ini. Ia disambut warga. Kata Widiodo, kunjungan "
            "itu penting. Widodo lalu kembali.")
    found = spelling(lint(text), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Widiodo", "Widodo")]


def test_a_name_used_once_is_only_info(lint):
    found = spelling(lint("Kata Widiodo, kunjungan itu penting."))
    assert [(f.rule, f.severity) for f in found] == [("spelling/unknown-name", Severity.INFO)]


def test_name_one_slip_from_a_well_known_place(lint):
    found = spelling(lint("Rombongan menuju Semenep untuk meresmikan pasar."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Semenep", "Sumenep")]


def test_tripled_letter_in_a_capitalised_word(lint):
    found = spelling(lint("Hubungan itu disebut Kemitraaan Strategis."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Kemitraaan", "Kemitraan")]


def test_names_run_together_are_not_an_acronym(lint):
    found = spelling(lint("Menteri Wang Yi tiba. Menurut WangYi, kerja sama itu penting."),
                     Severity.ERROR)
    assert [(f.text, f.suggestions) for f in found] == [("WangYi", ["Wang Yi"])]
    assert spelling(lint("Saham PetroChina dan McKinsey naik."), Severity.ERROR) == []


def test_abbreviations_the_article_defines(lint):
    text = ("DPRD menggelar Rapat Paripurna (Rapur) kemarin. Dalam rapur itu disebutkan "
            "inflasi 3 persen (year on year/yoy). Angka yoy itu turun.")
    assert spelling(lint(text), Severity.ERROR) == []
    assert [f.text for f in spelling(lint("Dalam rapur itu, hadir semua."), Severity.ERROR)] \
        == ["rapur"]


def test_defined_abbreviations_need_their_expansion():
    found = defined_abbreviations("Badan Pusat Statistik (BPS) dan harga (naik) terus.")
    assert found == {"bps"}


def test_english_phrases_are_info_not_misspellings(lint):
    found = spelling(lint("Kedua negara menyepakati code of conduct dan multiplier effect."))
    assert [(f.rule, f.text, f.severity) for f in found] == [
        ("spelling/foreign", "code of conduct", Severity.INFO),
        ("spelling/foreign", "multiplier effect", Severity.INFO),
    ]


def test_a_lone_english_word_is_info_unless_it_is_a_slip(lint):
    found = spelling(lint("Harga feedstock naik tahun ini."))
    assert [(f.rule, f.severity) for f in found] == [("spelling/foreign", Severity.INFO)]
    found = spelling(lint("Ia sakit hat karena keputusan itu."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("hat", "hati")]


def test_half_of_a_spaced_reduplication_is_not_a_word_of_its_own(lint):
    findings = lint("Kedua negara pertama -tama menyelesaikan masalah itu.")
    assert spelling(findings) == []
    assert [f.rule for f in findings] == ["typography/spaced-hyphen"]


def test_closing_credit_initials_are_not_words(lint):
    text = "Rapat itu selesai sore hari. (mia)\nHarga beras turun.(bri/asp)\n"
    assert spelling(lint(text), Severity.ERROR) == []
    inside = spelling(lint("Rapat (qwrt) itu selesai."), Severity.ERROR)
    assert [f.text for f in inside] == ["qwrt"]  # not at the end of a line: a word


def test_a_name_after_another_name_is_not_taken_for_a_known_place(lint):
    assert not spelling(lint("Tersangka lain, I Wayan Semenep, ditahan."), Severity.ERROR)
    found = spelling(lint("Bupati Semenep meresmikan pasar itu."), Severity.ERROR)
    assert [f.suggestions[0] for f in found] == ["Sumenep"]


def test_handles_and_hashtags_are_not_words(lint):
    assert not spelling(lint("Akun @qwrtzx dan tagar #qwrtzy ramai."), Severity.ERROR)


def test_a_bound_form_before_an_english_word_is_left_alone(lint):
    assert not [f for f in lint("Kontrak multi years itu diteken.")
                if f.rule == "orthography/bound-form-apart"]


def test_an_unattested_capitalised_word_one_slip_from_a_common_word(lint):
    found = spelling(lint("Hal itu disampaikan Lepala Desa Sukamaju kemarin."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Lepala", "Kepala")]
    assert not spelling(lint("Pejabat itu, Tirtha Adhi Kazmi, hadir."), Severity.ERROR)


def test_a_slip_after_a_confix_noun_is_a_slip_in_an_institutions_name(lint):
    found = spelling(lint("Dana itu menutup Kerugian Negera tahun lalu."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Negera", "Negara")]


def test_after_a_first_name_that_is_also_a_word_a_capital_stays_a_name(lint):
    # Rahmat and Ketut are dictionary words and common first names.
    text = "Kata Rahmat Jakaria dan I Ketut Surbawa, pasar itu ramai."
    assert not spelling(lint(text), Severity.ERROR)


def test_a_slip_inside_an_english_name_is_a_foreign_typo(lint):
    text = ("Delegasi hadir di forum Asia-Pasific Economic Cooperation. "
            "Perusahaan Nusantara Mining Invesment ikut.")
    found = spelling(lint(text), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [
        ("Asia-Pasific", "Asia-Pacific"), ("Invesment", "Investment")]


def test_names_beside_english_words_are_not_english_slips(lint):
    # Fathur is one slip from father, Wamen from women; neither stands in an English name.
    text = "Kata Fathur Rachman dan Wamen Diaz, forum Asia-Pacific Economic Cooperation usai."
    assert not spelling(lint(text), Severity.ERROR)


def test_a_long_capitalised_word_one_letter_from_a_word_is_a_slip(lint):
    text = ("Petugas melakukan Pemantauan Epidemilogi di desa. Setelah Infrastrukur "
            "memadai, BBM Non Susbsidi dijual.")
    found = spelling(lint(text), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [
        ("Epidemilogi", "Epidemiologi"), ("Infrastrukur", "Infrastruktur"),
        ("Susbsidi", "Subsidi")]


def test_long_names_near_words_or_other_names_stay_names(lint):
    # A swapped vowel (Parlindungan: perlindungan), a name beside a name (Mochammad),
    # a place after a place word, a foreign word with its clitic: none is a slip.
    text = ("Saud Parlindungan dan Mochammad Supriadi datang ke desa Sambilang. "
            "Akun Twitter-nya ramai.")
    assert not spelling(lint(text), Severity.ERROR)


def test_a_name_opening_a_sentence_with_its_age_or_an_apposition_is_a_name(lint):
    text = ("Yani (45), seorang penjual daging, datang. Kecuk, panggilan akrabnya, "
            "menambahkan hal itu. “Harga naik,” tutur Oong, biasa disapa.")
    assert not spelling(lint(text), Severity.ERROR)
    found = spelling(lint("Nmaun, harga tetap naik. Permintan naik tajam."), Severity.ERROR)
    assert [f.text for f in found] == ["Nmaun", "Permintan"]


def test_a_name_spelt_two_ways_takes_the_commoner_spelling(lint):
    text = ("Kepala dinas Suwandi datang. Suwandi menyapa warga. Kata Suwandy, "
            "jalan itu segera diperbaiki.")
    found = spelling(lint(text), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Suwandy", "Suwandi")]


def test_ber_and_ter_lose_their_r_before_an_er_syllable(lint):
    found = [f for f in lint("Warga berpergian ke kota dan berkerja di pasar.")
             if f.category == "spelling"]
    assert [(f.text, f.suggestions[0]) for f in found] == [
        ("berpergian", "bepergian"), ("berkerja", "bekerja")]
    assert not spelling(lint("Mereka berperan dan bersertifikat."), Severity.ERROR)


def test_ter_does_not_lose_its_r_before_other_stems(lint):
    found = spelling(lint("Hasilnya telihat jelas."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("telihat", "terlihat")]


def test_a_sentence_opening_common_word_is_no_name_to_correct_to(lint):
    text = ("Menurut pelatih, Yadi Mulyadi, timnya siap. Jadi, mereka menang. "
            "Sebelum itu, Yadi memberi arahan.")
    assert not spelling(lint(text), Severity.ERROR)


def test_a_name_after_a_place_head_is_a_place(lint):
    assert not spelling(lint("Warga Kecamatan Tabang datang pagi."), Severity.ERROR)


def test_function_words_take_no_affixes(lint):
    found = spelling(lint("Beritu juga dengan warga."), Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [("Beritu", "Begitu")]


def test_a_foreign_dish_name_with_an_english_word_is_one_phrase(lint):
    found = spelling(lint("Menu itu berisi bakso, zuppa soup, dan capcay."))
    assert [(f.rule, f.text, f.severity) for f in found] == [
        ("spelling/foreign", "zuppa soup", Severity.INFO)]
    # an unknown word a slip explains is not swallowed by a neighbouring English word
    found = spelling(lint("Layanan platform digtal itu baru."), Severity.ERROR)
    assert [f.text for f in found] == ["digtal"]


def test_a_place_in_a_list_is_no_slip_for_a_common_word(lint):
    text = "Jalan itu menghubungkan Desa Sidomulyo, Tabang atau Desa Umaq."
    assert not spelling(lint(text), Severity.ERROR)


@pytest.mark.parametrize("text, expected", [
    ("Pembangunan Infrastrukur Desa Dikebut\nWarga desa bekerja keras.\n",
     [("spelling/unknown-word", "Infrastrukur", "Infrastruktur")]),
    ("Kementrian Perdagangan Buka Pasar\nMenteri datang.\n",
     [("spelling/nonstandard", "Kementrian", "Kementerian")]),
    ("Warga Keluhkan Resiko Banjir\nWarga cemas.\n",
     [("spelling/nonstandard", "Resiko", "Risiko")]),
    # a name the body also writes capitalised stays a name
    ("Apotik Sehat Buka Cabang Baru\nApotik Sehat melayani warga.\n", []),
])
def test_a_title_case_headline_is_checked_like_running_text(lint, text, expected):
    found = [(f.rule, f.text, f.suggestions[0]) for f in spelling(lint(text))
             if f.severity is not Severity.INFO]
    assert found == expected


def test_a_spaced_en_dash_in_a_reduplication(lint):
    assert [f.rule for f in lint("Warga membersihkan sungai – sungai di kota.")] == [
        "typography/spaced-hyphen"]
    assert not [f for f in lint("Jarak Jakarta – Bandung dekat.")
                if f.rule == "typography/spaced-hyphen"]


def test_an_english_word_whose_slip_target_is_english_too_stays_foreign(lint):
    found = spelling(lint("Kita semua kena prank sama isu itu."))
    assert [(f.rule, f.severity) for f in found] == [("spelling/foreign", Severity.INFO)]


def test_an_english_word_in_a_headline_is_no_misspelling(lint):
    text = "Warga Minta Fogging Dilakukan Segera\nWarga cemas.\n"
    assert not spelling(lint(text), Severity.ERROR)


def test_a_vowel_slip_in_a_long_word_against_a_far_commoner_one(lint):
    found = spelling(lint("Kepala Negera hadir. Kata sekretaris, negera itu maju."),
                     Severity.ERROR)
    assert [(f.text, f.suggestions[0]) for f in found] == [
        ("Negera", "Negara"), ("negera", "negara")]
    assert not spelling(lint("Polisi menyita sabu dan mia datang."), Severity.ERROR)
