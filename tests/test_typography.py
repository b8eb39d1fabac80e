"""Typography on faults found in real news: glued quotes, glued currency signs and
scale words, spaced clock times, a space before a closing straight quote."""

from __future__ import annotations

import pytest

from termbase.check.fix import plan_fixes


def found(lint, text, rule):
    return [f for f in lint(text, select=(rule,)) if f.rule == rule]


def fixed(lint, text, rule):
    return plan_fixes(found(lint, text, rule)).apply(text)


# --- typography/missing-space: a sentence end glued to an opening quote ----------------

@pytest.mark.parametrize("text, right", [
    ('Semua izin sudah beres."Kami mulai besok," kata Rudi.',
     'Semua izin sudah beres. "Kami mulai besok," kata Rudi.'),
    ("Datanya aman.“Kami menjaganya,” kata Sari.",
     "Datanya aman. “Kami menjaganya,” kata Sari."),
    ('Ia bertanya:"Kapan rapatnya?"', 'Ia bertanya: "Kapan rapatnya?"'),
])
def test_sentence_end_glued_to_an_opening_quote(lint, text, right):
    assert fixed(lint, text, "typography/missing-space") == right


@pytest.mark.parametrize("text", [
    '“Kami siap." Ujar Rudi lalu pergi.',      # the straight quote closes
    '"Kami siap."Ujar Rudi lalu pergi.',       # glued, but a closing quote: not this case
    'Ia tinggal di U.S."Rumahnya" besar.',     # initials before the quote
    'Nilainya 3,5."Cukup," katanya.',          # a number before the full stop
    "“Kami siap.”Ujar Rudi.",                  # a closing ” is the glued-closer case
    'ke sana," kata Rudi. Ia pulang."Besok lagi', # quotes that do not pair up: unsure
])
def test_a_closing_quote_or_initials_are_not_a_glued_opening(lint, text):
    findings = found(lint, text, "typography/missing-space")
    assert all("opening quotation" not in f.message for f in findings), text


# --- typography/missing-space: currency signs and scale words -----------------------------

@pytest.mark.parametrize("text, right", [
    ("Tiketnya dijual sehargaRp 75.000 per orang.", "Tiketnya dijual seharga Rp 75.000 per orang."),
    ("Kontraknya senilaiUS$2,5 juta.", "Kontraknya senilai US$2,5 juta."),
    ("Dana itu sebanyakRp. 3 miliar.", "Dana itu sebanyak Rp. 3 miliar."),
])
def test_word_glued_to_a_currency_sign(lint, text, right):
    assert fixed(lint, text, "typography/missing-space") == right


@pytest.mark.parametrize("text, right", [
    ("Utangnya US$4,2miliar tahun ini.", "Utangnya US$4,2 miliar tahun ini."),
    ("Warga yang terdaftar 3juta orang.", "Warga yang terdaftar 3 juta orang."),
    ("Harga cabai naik 15persen sepekan.", "Harga cabai naik 15 persen sepekan."),
    ("Anggarannya Rp2triliun.", "Anggarannya Rp2 triliun."),
])
def test_number_glued_to_a_scale_word(lint, text, right):
    assert fixed(lint, text, "typography/missing-space") == right


@pytest.mark.parametrize("text", [
    "Harganya Rp250.000 per paket.",          # sign and amount joined: house style
    "Kenaikannya 5% dan jaraknya 10km.",      # symbols and units joined: house style
    "Pinjamannya US$5bn menurut kantor berita asing.",  # English abbreviations
    "Harga Pertamax Turbo :Rp 15.400 per liter.",
    "Warga yang terdaftar 3 juta orang, naik 15 persen.",
    "Ribuan warga datang; jutaan lainnya menonton.",
    "Lihat https://contoh.id/berita/5juta-warga dan kode #20persen.",
    "Sahamnya dibeli USD53,86 miliar.",
])
def test_joined_styles_and_addresses_are_not_glued_words(lint, text):
    assert not found(lint, text, "typography/missing-space"), text


# --- typography/missing-space: a word glued to an opening bracket, an initial to a name --

@pytest.mark.parametrize("text, right", [
    ("Sidang dibuka Rabu(8/3) pagi.", "Sidang dibuka Rabu (8/3) pagi."),
    ("Usul itu datang dari Budi Santoso(PKS).", "Usul itu datang dari Budi Santoso (PKS)."),
    ("Aturan itu menjadi Peraturan Bupati(Perbup), katanya.",
     "Aturan itu menjadi Peraturan Bupati (Perbup), katanya."),
    ("BANDUNG[Warta] – Hujan turun sejak pagi.", "BANDUNG [Warta] – Hujan turun sejak pagi."),
    ("Hadir pula Pasal 2 ayat(4) dan Gedung Sate(lama).",
     "Hadir pula Pasal 2 ayat (4) dan Gedung Sate(lama)."),
    ("Rapat dipimpin H.Syamsul dan R.Ayu Lestari.",
     "Rapat dipimpin H. Syamsul dan R. Ayu Lestari."),
])
def test_word_glued_to_an_opening_bracket_or_initial_glued_to_a_name(lint, text, right):
    assert fixed(lint, text, "typography/missing-space") == right


@pytest.mark.parametrize("text", [
    "Kapur tohor, Ca(OH)2, dan besi Fe(III) bereaksi.",  # chemical symbols and formulas
    "Setiap mitra(-mitra) dan buku(nya) serta (s)he dicatat.",  # bracketed word parts
    "Ia menulis fungsi(x) dan f(X) di papan.",  # code and maths: lower case or one letter
    "Harganya Rp(15.000) menurut daftar.",  # a symbol of two letters
    "Baca contoh.com/arsip(Baru) hari ini.",  # inside an address
    "Pasal 5(1) berlaku.",  # a number before the bracket
    "Ia bergelar S.Kom dan M.Kes. sejak lama, juga Ph.D dari Leiden.",  # degrees
    "Tiba di A.S.Baru kemudian.",  # dotted initials: the first letter follows a full stop
])
def test_brackets_and_stops_that_are_no_glued_words(lint, text):
    findings = found(lint, text, "typography/missing-space")
    assert not [f for f in findings if f.text in ("(", "[", ".")], text


# --- typography/spaced-time --------------------------------------------------------------

@pytest.mark.parametrize("text, right", [
    ("Antrean dibuka pukul 07. 26 WIB.", "Antrean dibuka pukul 07.26 WIB."),
    ("Hingga Pukul 12. 05 wib, antrean panjang.", "Hingga Pukul 12.05 wib, antrean panjang."),
    ("Kapal tiba 16. 45 WITA di dermaga.", "Kapal tiba 16.45 WITA di dermaga."),
    ("Rapat dimulai pukul 09: 30 di balai desa.", "Rapat dimulai pukul 09:30 di balai desa."),
])
def test_clock_time_with_a_space_inside(lint, text, right):
    assert fixed(lint, text, "typography/spaced-time") == right


@pytest.mark.parametrize("text", [
    "Proyek itu selesai pada 2023. 15 orang lalu dipindahkan.",
    "Jumlahnya naik jadi 12. 30 di antaranya anak-anak.",
    "Antrean dibuka pukul 07.26 WIB.",
    "Mereka datang pukul 10. Lalu pulang pukul 12.",
    "Nilainya pukul rata 25. 70 persen di antaranya lunas.",   # 70 minutes is no time
])
def test_sentence_ends_and_joined_times_are_not_spaced_times(lint, text):
    assert not found(lint, text, "typography/spaced-time"), text


# --- typography/space-inside-quotes: a space before a closing straight quote ---------------

@pytest.mark.parametrize("text, right", [
    ('"Kami tunggu hasilnya, "ujar Rudi.', '"Kami tunggu hasilnya," ujar Rudi.'),
    ('“Kami tunggu hasilnya, "ujar Rudi.', '“Kami tunggu hasilnya," ujar Rudi.'),
    ('"Kami tunggu hasilnya. " kata Rudi.', '"Kami tunggu hasilnya." kata Rudi.'),
    ("“Kami tunggu hasilnya, ”ujar Rudi.", "“Kami tunggu hasilnya,” ujar Rudi."),
])
def test_space_before_a_closing_quote(lint, text, right):
    assert fixed(lint, text, "typography/space-inside-quotes") == right


@pytest.mark.parametrize("text", [
    'Ia menyebut "tenang", "cepat", dan "tepat" sebagai kuncinya.',
    'Rudi berkata, "kami tunggu hasilnya."',     # the quote opens the quotation
    'Ia berkata, ”Kami siap bekerja.”',
    '"Kami siap," kata Rudi. Lalu ia menambahkan, "nanti kita lihat."',
    'Hasilnya baik, "Kata Rudi" judul bukunya.',  # a capital after it: not a speech tag
    # A quotation running in from the line before: the count cannot be trusted.
    'hasilnya baik," kata Rudi. Ia menambahkan, "kami siap."',
])
def test_opening_quotes_are_not_spaced_closers(lint, text):
    assert not found(lint, text, "typography/space-inside-quotes"), text


def test_reopening_double_comma_quote_is_balanced(lint):
    text = "“Kami tunggu hasilnya, ”ujar Rudi."
    assert not found(lint, text, "typography/unbalanced")
