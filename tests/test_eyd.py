"""EYD V capitalisation and punctuation rules: positives and negatives per rule.

Every sentence here is our own; the negatives include the kinds of false alarm found
while running the rules over published news (datelines, headings, names that the
dictionary also lists in lower case, lists of places, domain names).
"""

from __future__ import annotations

import pytest

from termbase.check.punctuation import spell_number


def found(lint, text, rule):
    return [(f.text, f.suggestions[:1]) for f in lint(text, select=(rule,))]


# --- orthography/title-capital -------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Kemarin menteri luar negeri Wang Yi tiba.", "menteri luar negeri", "Menteri Luar Negeri"),
    ("Rombongan disambut presiden Joko Widodo.", "presiden", "Presiden"),
    ("Surat dikirim ke gubernur Jawa Tengah kemarin.", "gubernur", "Gubernur"),
    ("Dia bertemu duta besar Indonesia untuk Jepang.", "duta besar", "Duta Besar"),
    ("Acara dibuka Menteri luar negeri Retno pagi ini.", "Menteri luar negeri",
     "Menteri Luar Negeri"),
    ("Hadiah itu untuk kaisar Jepang.", "kaisar", "Kaisar"),
    ("Pesan dibacakan menteri pemuda dan olahraga Dito.", "menteri pemuda dan olahraga",
     "Menteri Pemuda dan Olahraga"),
    # At a sentence start only the words after the first are checked.
    ("Menteri luar negeri Wang Yi tiba.", "Menteri luar negeri", "Menteri Luar Negeri"),
])
def test_title_before_a_name_is_capitalised(lint, text, wrong, right):
    assert found(lint, text, "orthography/title-capital") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Para menteri ASEAN bertemu di Jakarta.",          # generic plural
    "Seorang menteri Kabinet itu mundur.",
    "Dua gubernur Sumatra hadir.",
    "Menteri itu datang terlambat.",                   # no name after it
    "Kami menunggu presiden. Joko Widodo datang kemudian.",  # name opens a new sentence
    "Yang datang adalah gubernur, Ganjar, dan stafnya.",     # punctuation between
    "Menteri Luar Negeri Wang Yi tiba.",               # already right
    "Gubernur Jawa Tengah hadir.",
    "WAKIL PRESIDEN HADIR DI ACARA ITU",               # heading in capitals
    "Kunjungan Menteri ke Beijing Ditunda",            # heading
    "Ia tinggal di sungai Musi selama setahun.",       # not a title
])
def test_title_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/title-capital") == []


# --- orthography/name-capital --------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Produk itu dijual ke negara paman Sam.", "paman Sam", "Paman Sam"),
    ("Konflik di timur tengah memanas.", "timur tengah", "Timur Tengah"),
    ("Kawasan asia tenggara tumbuh cepat.", "asia tenggara", "Asia Tenggara"),
    ("Warga negeri Jiran datang berlibur.", "negeri Jiran", "Negeri Jiran"),
    ("Investor dari Negeri tirai bambu masuk.", "Negeri tirai bambu", "Negeri Tirai Bambu"),
])
def test_proper_names_are_capitalised(lint, text, wrong, right):
    assert found(lint, text, "orthography/name-capital") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Produk itu dijual ke Negeri Paman Sam.",
    "Kawasan Asia Tenggara tumbuh cepat.",
    "KONFLIK TIMUR TENGAH MEMANAS",
    "Rumahnya di sebelah timur pasar.",
])
def test_name_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/name-capital") == []


# --- orthography/common-noun-capital -------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("Pertemuan ini Akan dihadiri banyak pihak.", "Akan"),
    ("Kapal itu berlayar ke Teluk kemarin sore.", "Teluk"),
    ("Kemarin harga Minyak goreng naik lagi.", "Minyak"),
    # A bare dictionary stem counts when the article writes it in lower case too.
    ("Ekspor feronikel naik. Kemarin produksi Feronikel juga naik.", "Feronikel"),
])
def test_common_noun_capitalised_mid_sentence(lint, text, wrong):
    findings = lint(text, select=("orthography/common-noun-capital",))
    assert [(f.text, f.suggestions, f.fix) for f in findings] == [(wrong, [wrong.lower()], None)]


@pytest.mark.parametrize("text", [
    "Harga minyak goreng naik lagi.",
    "Teluk Jakarta tercemar.",                          # sentence start
    "Bank Mandiri membuka cabang baru di kota itu.",    # a name opening the sentence
    "Kapal tiba di Teluk Bayur kemarin.",               # part of a name
    "Rapat digelar di Menteng, Jakarta Pusat.",        # a name the dictionary has in lower case
    "Kami menunggu kabar dari Beijing kemarin.",
    "Produksi Feronikel naik tajam tahun ini.",        # a bare stem and no lower-case use
    "Bus menuju Garut, Sumedang, dan Tasikmalaya.",    # a list of places
    "Kerja sama Indonesia dan Cina makin erat.",
    "Laporan diterima pihak Pemerintah kemarin.",      # institution word
    "Kecelakaan terjadi pada Minggu pagi.",            # day name
    "Surat itu ditujukan kepada Ibu kemarin.",         # address
    "Sesuai Pasal 5 undang-undang itu.",               # before a number
    "Pesan itu disampaikan kata Dewi kepada kami.",    # after a cue for a name
    "Kata sandi dikirim ke warga Tualang, Siak.",       # a place after warga
    "PEKANBARU, situs.id Seorang pengendara jatuh.",   # a glued domain before it
    "Berita itu dimuat Kompas.com kemarin.",           # a domain name
    "Truk antre di Desa Sukaramai (Suram). Dari arah Suram mobil masuk.",  # defined short name
    "Harga Naik, Warga Mengeluh di Pasar",             # heading
    "“Kami siap,” katanya. “Akan kami kerjakan.”",     # after an opening quote
    "Ada tiga hal: Pertama, soal dana.",               # after a colon
])
def test_common_noun_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/common-noun-capital") == []


# --- orthography/connective-comma ----------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Dana itu habis. Oleh karena itu kami menolak.", "Oleh karena itu", "Oleh karena itu,"),
    ("Namun warga tetap menunggu.", "Namun", "Namun,"),
    ("Selain itu harga beras naik.", "Selain itu", "Selain itu,"),
    ("Di samping itu kami menambah armada.", "Di samping itu", "Di samping itu,"),
    ("Sementara itu polisi berjaga.", "Sementara itu", "Sementara itu,"),
    ("“Akan tetapi kami siap,” katanya.", "Akan tetapi", "Akan tetapi,"),
    ("Karena itu kami pulang.", "Karena itu", "Karena itu,"),
    ("Namun demikian warga tetap datang.", "Namun demikian", "Namun demikian,"),
])
def test_connective_takes_a_comma(lint, text, wrong, right):
    assert found(lint, text, "orthography/connective-comma") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Oleh karena itu, kami menolak.",
    "Namun, warga tetap menunggu.",
    "Harga naik namun warga tetap membeli.",           # not at a sentence start
    "Karena itu adalah hak kami, kami menolak.",       # 'itu' is the subject here
    "Karena itu tidak mungkin, kami berhenti.",
    "Karena itu pula, kami pulang.",                   # the comma comes after the adverb
    "Selain itu juga ada pasar murah.",
    "Jadi korban, ia dirawat di rumah sakit.",         # jadi is not listed: also a verb
])
def test_connective_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/connective-comma") == []


# --- orthography/numeral-opener ------------------------------------------------------

@pytest.mark.parametrize("text, wrong, suggestion", [
    ("Banjir melanda. 21 kabupaten terdampak.", "21", "Dua puluh satu"),
    ("15 warga dirawat di puskesmas.", "15", "Lima belas"),
    ("Ia pulang. 2024 menjadi tahun yang berat.", "2024", None),
    ("“100 orang hadir,” katanya.", "100", "Seratus"),
])
def test_sentence_opening_with_digits(lint, text, wrong, suggestion):
    findings = lint(text, select=("orthography/numeral-opener",))
    assert [f.text for f in findings] == [wrong]
    assert findings[0].fix is None
    if suggestion:
        assert findings[0].suggestions == [suggestion]


@pytest.mark.parametrize("text", [
    "Dua puluh satu kabupaten terdampak.",
    "Sebanyak 21 kabupaten terdampak.",
    "5 Warga Terluka dalam Kecelakaan Bus",            # a title: no full stop
    "14 September 2022 - Harga cabai naik lagi.",      # a dateline
    "1. Siapkan dokumen.",                             # a list item
    "2) Bawa kartu identitas.",
    "Tarifnya Rp250.000 per orang.",                   # digits glued after a period
    "Baca halaman No. 5 dan hlm. 12 untuk rinciannya.",
    "10.00 WIB: rapat dimulai.",
])
def test_numeral_opener_is_silent(lint, text):
    assert found(lint, text, "orthography/numeral-opener") == []


@pytest.mark.parametrize("number, words", [
    (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (20, "dua puluh"),
    (21, "dua puluh satu"), (100, "seratus"), (115, "seratus lima belas"),
    (340, "tiga ratus empat puluh"), (999, "sembilan ratus sembilan puluh sembilan"),
    (0, None), (1000, None),
])
def test_spell_number(number, words):
    assert spell_number(number) == words


# --- orthography/abbreviation-period -------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("Ia membeli beras, gula, dll untuk warga.", "dll"),
    ("Tulisan Ani dkk dimuat di jurnal.", "dkk"),
    ("Lihat buku itu hlm 12.", "hlm"),
    ("Harga pangan, energi, dsb, naik.", "dsb"),
])
def test_abbreviation_takes_a_full_stop(lint, text, wrong):
    assert found(lint, text, "orthography/abbreviation-period") == [(wrong, [wrong + "."])]


@pytest.mark.parametrize("text", [
    "Ia membeli beras, gula, dll. untuk warga.",
    "Ia membeli beras, gula, dan lain-lain dll.",      # one full stop ends both
    "Berkas kernel32.dll rusak.",                      # a file name
    "Perusahaan DLL membuka cabang.",                  # capitals: another word
])
def test_abbreviation_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/abbreviation-period") == []


# --- orthography/quote-period --------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("“Kami siap berangkat,” kata Ani", "Ani"),
    ("\"Jalan itu rusak,\" ujar warga setempat", "setempat"),
    ("“Siapa yang datang?” tanya dia", "dia"),
    ("“Kami siap,” ujarnya, Senin (12/5)", "(12/5)"),
    ("Baris pertama.\n“Kami siap,” kata Ani\nBaris ketiga.", "Ani"),
    ("“Kami siap,” kata Ani “Besok kami berangkat.”", "Ani"),
])
def test_quotation_with_attribution_ends_with_a_full_stop(lint, text, wrong):
    assert found(lint, text, "orthography/quote-period") == [(wrong, [wrong + "."])]


@pytest.mark.parametrize("text", [
    "“Kami siap berangkat,” kata Ani.",
    "“Kami siap,” kata Ani. “Besok kami berangkat.”",
    "“Kami siap,” kata Ani, “dan besok kami berangkat.”",
    "“Kami siap,” kata Ani, “Besok kami berangkat.”",  # a comma: another fault, not this
    "“Kami siap,” kata Ani:",
    "Judul Berita “Kami Siap” di Halaman Depan",        # no quotation ending in a comma
    "Ia berkata, “Kami siap.”",
])
def test_quote_period_is_silent(lint, text):
    assert found(lint, text, "orthography/quote-period") == []


# --- typography/dash-spacing ---------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Lontar.id– Prestasi siswa itu membanggakan.", "– ", " – "),
    ("Rute Pekanbaru- Petapahan ditutup.", "- ", "-"),
    ("Masa jabatan 2010 -2013 berakhir.", " -", "-"),
    ("Kota Medan —kota terbesar di Sumatra— ramai.", " —", " — "),
    ("JAKARTA- Presiden membuka rapat.", "- ", " - "),
    ("MEDAN (Antara)- Harga cabai naik.", "- ", " - "),
])
def test_dash_with_space_on_one_side(lint, text, wrong, right):
    findings = lint(text, select=("typography/dash-spacing",))
    assert [(f.text, f.suggestions[:1]) for f in findings][:1] == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Rute Pekanbaru-Petapahan ditutup.",
    "Jakarta – Presiden membuka rapat.",
    "Masa jabatan 2010–2013 berakhir.",
    "Suhu turun hingga -5 derajat.",                   # a minus sign
    "Program pra- dan pascapanen berjalan.",           # a suspended compound
    "Lihat https://contoh.id/a- b untuk rinciannya.",  # inside a URL
    "- butir pertama daftar",                          # a bullet
])
def test_dash_spacing_is_silent(lint, text):
    assert found(lint, text, "typography/dash-spacing") == []


def test_spaced_reduplication_is_left_to_spaced_hyphen(lint):
    findings = lint("Mereka datang pertama -tama.")
    assert [f.rule for f in findings if "hyphen" in f.rule or "dash" in f.rule] == [
        "typography/spaced-hyphen"]


# --- the rules read lines, not the segmenter's paragraphs ----------------------------

def test_a_title_line_does_not_join_the_next_line(lint):
    text = "Bupati Tinjau Jalan Rusak\nNamun warga tetap menunggu perbaikan."
    assert found(lint, text, "orthography/connective-comma") == [("Namun", ["Namun,"])]
    assert found(lint, text, "orthography/common-noun-capital") == []


def test_fixes_apply(lint):
    from termbase.check.fix import plan_fixes

    text = "Namun warga datang. Ia menemui gubernur Jawa Barat, dll"
    plan = plan_fixes(lint(text))
    assert plan.apply(text) == "Namun, warga datang. Ia menemui Gubernur Jawa Barat, dll."


def test_names_with_a_conjunction_and_names_used_as_such_are_not_common_nouns(lint):
    for text in ("Kedua negara membangun Sabuk dan Jalan yang berkualitas.",
                 "Pembeli dari kawasan Teluk memesan kopi. Pasar Teluk sangat besar."):
        assert not [f for f in lint(text) if f.rule == "orthography/common-noun-capital"]


def test_connective_followed_by_maka_takes_its_comma_later(lint):
    findings = lint("Dengan demikian maka, harga itu berlaku hari ini.")
    assert not [f for f in findings if f.rule == "orthography/connective-comma"]


# --- orthography/ordinal-apart -------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Nilai untuk ke enam gedung itu naik.", "ke enam", "keenam"),
    ("Tim itu juara untuk ke tiga kalinya.", "ke tiga", "ketiga"),
    ("Ini ke dua kalinya ia datang.", "ke dua", "kedua"),
    ("Pada hari ke tujuh ia pulang.", "ke tujuh", "ketujuh"),
    ("Ia berada di urutan ke sepuluh.", "ke sepuluh", "kesepuluh"),
    ("Yang ke satu sudah dibayar.", "ke satu", "kesatu"),
])
def test_ordinal_ke_is_joined(lint, text, wrong, right):
    assert found(lint, text, "orthography/ordinal-apart") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Bantuan dikirim ke tiga desa itu.",       # the preposition before a number
    "Rombongan pindah ke dua kota lain.",
    "Untuk keenam gedung itu dananya cukup.",  # already joined
    "Ia menempati urutan ke-10.",
    "Pada hari ketujuh ia pulang.",
])
def test_ordinal_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/ordinal-apart") == []


# --- orthography/per-attached --------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Harga solar Rp6.800 perliter sejak pagi.", "perliter", "per liter"),
    ("Biayanya Rp2 juta pertahun untuk tiap siswa.", "pertahun", "per tahun"),
    ("Jatahnya lima kilogram perorang.", "perorang", "per orang"),
    ("Cabai dijual Rp40.000 perkg di pasar.", "perkg", "per kg"),
    ("Perhari mereka memasak seratus porsi.", "Perhari", "Per hari"),
])
def test_per_stands_apart_before_a_unit(lint, text, wrong, right):
    assert found(lint, text, "orthography/per-attached") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Pertahanan negara diperkuat tahun ini.",  # a word of its own
    "Persen kenaikan itu kecil; perorangan boleh mendaftar.",
    "Harga solar Rp6.800 per liter sejak pagi.",
    "Ia membeli perlengkapan dan peralatan sekolah.",
])
def test_per_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/per-attached") == []


# --- orthography/abbreviation-case ---------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Rapat dimulai pukul 10.00 wib di balai desa.", "wib", "WIB"),
    ("Kapal tiba pukul 08.30 Wita kemarin.", "Wita", "WITA"),
    ("Gempa terjadi pukul 21.15 wit malam tadi.", "wit", "WIT"),
])
def test_time_zone_is_written_in_capitals(lint, text, wrong, right):
    assert found(lint, text, "orthography/abbreviation-case") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Rapat dimulai pukul 10.00 WIB di balai desa.",
    "Kemarin Wita datang bersama ibunya.",  # a name, no clock time before it
    "Humor dan wit penulis itu disukai.",
])
def test_abbreviation_case_is_silent(lint, text):
    assert found(lint, text, "orthography/abbreviation-case") == []


# --- orthography/attribution-capital -------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("“Kami siap berangkat,” Kata Budi kepada kami.", "Kata", "kata"),
    ("“Jalan sudah lancar.” Ucapnya sambil tersenyum.", "Ucapnya", "ucapnya"),
    ("\"Semua beres,\" Ujar Sari di kantornya.", "Ujar", "ujar"),
    ("“Kapan dana itu cair?” Tanya seorang warga.", "Tanya", "tanya"),
    ("“Kami tidak mundur!” Tegasnya.", "Tegasnya", "tegasnya"),
])
def test_attribution_after_a_quotation_is_lower_case(lint, text, wrong, right):
    assert found(lint, text, "orthography/attribution-capital") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "“Kami siap berangkat,” kata Budi kepada kami.",
    "“Jalan sudah lancar.” Kata Budi, warga sudah senang.",  # a new sentence: kata Budi,
    "“Jalan sudah lancar.” Katanya, warga sudah senang.",
    "“Siapa yang datang?” Kata mereka, “Kami tidak tahu.”",  # opens the next quotation
    "Kata Budi, jalan itu sudah lancar.",                     # no quotation before it
    "Ia menyebut “Tegas” Tegasnya sebagai nama toko.",        # no mark inside the quote
])
def test_attribution_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/attribution-capital") == []


# --- abbreviated titles before a name ------------------------------------------------

def test_lower_case_title_before_a_name_takes_a_full_stop(lint):
    text = "Kepala puskesmas dr Rina Wati dan drg Andi hadir."
    assert found(lint, text, "orthography/abbreviation-period") == [
        ("dr", ["dr."]), ("drg", ["drg."])]


@pytest.mark.parametrize("text", [
    "Kepala puskesmas dr. Rina Wati hadir.",
    "Berkas itu bernama dr dan tersimpan rapi.",  # no name after it
    "Gelar Dr Rina Wati diumumkan.",              # Dr (doktor) is left alone
])
def test_title_abbreviation_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/abbreviation-period") == []


# --- closed-class words, counted nouns and bare administrative heads -------------------

@pytest.mark.parametrize("text, wrong", [
    ("Di kampung itu ada Sembilan kasus baru pekan ini.", "Sembilan"),
    ("Antrean mengular hingga Pukul 07.26 pagi tadi.", "Pukul"),
    ("Pantauan di lokasi antrean, Pukul 12.05 WIB, masih padat sekali.", "Pukul"),
    ("Ada Sembilan kasus baru di kampung itu pekan ini.", "Sembilan"),
    ("Polisi menangkap 16 Orang itu di rumah kosong.", "Orang"),
    ("Warga itu tidak Peduli dengan imbauan petugas.", "Peduli"),
    ("Jalan baru itu menghubungkan dua Desa, yaitu desa Sukamaju dan desa Cibodas.",
     "Desa"),
    ("Bantuan itu dibagikan di beberapa Kecamatan sejak pagi tadi.", "Kecamatan"),
])
def test_closed_class_and_bare_heads_are_ordinary(lint, text, wrong):
    assert found(lint, text, "orthography/common-noun-capital") == [(wrong, [wrong.lower()])]


@pytest.mark.parametrize("text", [
    "Tim Sembilan dibentuk oleh warga kampung itu.",       # a committee's name
    "Jalan baru itu menghubungkan Desa Sukamaju dan Desa Cibodas.",
    "Dana itu diatur dengan peraturan Desa dan dikelola pemerintah Desa.",  # a defined term
    "Ponsel Xiaomi 14 Ultra dijual mulai pekan depan di toko.",
    "Rapat dihadiri 16 Orang Rimba dari hutan itu.",       # a name after the count
    "Ia menyanyikan lagu “Untuk Kita Semua” di panggung.",  # a title in quotes
    "Kapal berlayar ke kawasan Teluk. Kawasan Teluk kini tegang.",
    "Kerja sama Sabuk dan Jalan terus berlanjut di kawasan itu.",
])
def test_closed_class_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/common-noun-capital") == []


@pytest.mark.parametrize("text, found", [
    ("Tabungan tidak lebih dari Rp. 2 juta, kata petugas.", ["Rp."]),
    ("Harga Rp250.000 per orang.", []),
    ("Jaraknya 5 km. Warga berjalan kaki.", []),
])
def test_symbol_period(lint, text, found):
    assert [f.text for f in lint(text) if f.rule == "orthography/symbol-period"] == found


def test_titles_with_a_serial_comma_keep_their_capitals(lint):
    text = "DPRD membahas raperda tentang Kelautan, Pertanian, dan Perikanan tahun ini."
    assert not [f for f in lint(text) if f.rule == "orthography/common-noun-capital"]


def test_prefix_apart_before_a_suffixed_verb_hunspell_lacks(lint):
    assert [f.suggestions[0] for f in lint("Kegiatan itu di awali doa bersama.")
            if f.rule == "orthography/prefix-apart"] == ["diawali"]
    assert not [f for f in lint("Warga bekerja di laut dan di darat.")
                if f.rule == "orthography/prefix-apart"]


def test_mikro_after_a_noun_is_an_adjective(lint):
    assert not [f for f in lint("Modal usaha mikro masyarakat naik.")
                if f.rule == "orthography/bound-form-apart"]


def test_a_noun_ending_in_i_is_no_suffixed_verb(lint):
    assert not [f for f in lint("Kehidupan di bumi berubah.")
                if f.rule == "orthography/prefix-apart"]


def test_a_capitalised_reduplication_inside_a_sentence_is_a_common_noun(lint):
    text = ("Rapat paripurna kemarin dihadiri oleh wakil dari Fraksi-fraksi yang ada di "
            "gedung dewan dan para anggota komisi.")
    found = [f for f in lint(text) if f.rule == "orthography/common-noun-capital"]
    assert [(f.text, f.suggestions[0]) for f in found] == [("Fraksi-fraksi", "fraksi-fraksi")]
    assert not [f for f in lint("Fraksi-fraksi hadir semua di ruang rapat kemarin sore.")
                if f.rule == "orthography/common-noun-capital"]


@pytest.mark.parametrize("text, found", [
    ("Acara digelar pada 5 oktober 2023 di Jakarta.", ["Oktober"]),
    ("Sejak januari 2024 harga naik.", ["Januari"]),
    ("Pada bulan mei lalu harga naik.", []),  # no date: left alone
])
def test_a_month_in_a_date_is_capitalised(lint, text, found):
    assert [f.suggestions[0] for f in lint(text)
            if f.rule == "orthography/name-capital"] == found


def test_a_capitalised_bound_form_inside_a_sentence_is_a_name(lint):
    assert not [f for f in lint("Kepala dinas, Adi Bayauw, hadir.")
                if f.rule == "orthography/bound-form-apart"]
    assert [f.rule for f in lint("Pasca Reformasi, pers lebih bebas.")
            if f.rule == "orthography/bound-form-apart"] == ["orthography/bound-form-apart"]


@pytest.mark.parametrize("text, found", [
    ("Gempa terjadi pukul 13:41 WIB tadi.", ["13.41"]),
    ("Kejadian itu pukul 8:17 pagi.", ["8.17"]),
    ("Skor akhir 2:1 untuk tuan rumah.", []),
    ("Pukul 13.41 WIB sudah selesai.", []),
])
def test_time_separator(lint, text, found):
    assert [f.suggestions[0] for f in lint(text)
            if f.rule == "orthography/time-separator"] == found


def test_ordinal_ke_before_digits_takes_a_hyphen(lint):
    assert [f.suggestions[0] for f in lint("Peserta angkatan ke 63 hadir.")
            if f.rule == "orthography/ordinal-apart"] == ["ke-63"]
    assert not [f for f in lint("Barang itu dikirim ke 63 negara.")
                if f.rule == "orthography/ordinal-apart"]


def test_glued_preposition_before_posisi(lint):
    assert [f.suggestions[0] for f in lint("Diposisi itu ia bermain baik.")
            if f.rule == "orthography/preposition-attached"] == ["Di posisi"]


# --- academic degrees and Jl. take their full stops --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kata Rudi Hartono, SE, kepada warga.", [("SE", ["S.E."])]),
    ("Kepala puskesmas Sinta Dewi SKM, MKes menjelaskan.", [("MKes", ["M.Kes."])]),
    ("Hadir Lina Marlina, A.Md turun ke desa.", [("A.Md", ["A.Md."])]),
    ("Sambutan Yusuf Efendi, S.Sos, M.Si dibacakan.",
     [("S.Sos", ["S.Sos."]), ("M.Si", ["M.Si."])]),
    ("Pengacaranya Rahmat Ali, SH, MH.", [("SH", ["S.H."]), ("MH", ["M.H."])]),
    ("Kantornya di Jl Melati Nomor 3.", [("Jl", ["Jl."])]),
])
def test_academic_degrees_and_street_take_full_stops(lint, text, expected):
    assert found(lint, text, "orthography/abbreviation-period") == expected


@pytest.mark.parametrize("text", [
    "Hadir Rina Sari, S.E., M.M. dan Ir. Joko, M.T.",     # written right
    "Menurut Kemenhub, SE tersebut berlaku sejak Senin.",  # SE = surat edaran
    "Kata Ani, SE Menteri sudah terbit.",                  # not before a comma
    "Pelaku berinisial AS, MH, dan RT ditangkap.",          # initials in a list
    "Kejaksaan, MA, dan KY hadir.",                         # MA = Mahkamah Agung
    "Ia dilantik oleh S.H Siregar kemarin.",                # initials before a name
    "Kantornya di Jl. Melati dan JL MELATI.",               # with its stop; capitals
])
def test_degree_and_street_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/abbreviation-period") == []


# --- orthography/ellipsis ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Hmm.. harganya naik lagi.", [("..", ["..."])]),
    ("Ia pun menunggu lama..", [("..", [".", "..."])]),   # a doubled full stop as likely
])
def test_two_dots_are_no_ellipsis(lint, text, expected):
    assert [(f.text, f.suggestions) for f in lint(text, select=("orthography/ellipsis",))
            ] == expected


@pytest.mark.parametrize("text", [
    "Ia menunggu... lalu pergi.",
    "Berkasnya ada di ../data dan versi 1..3 dipakai.",
    "Ia menunggu… lalu pergi.",
])
def test_ellipsis_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/ellipsis") == []


def test_a_number_word_that_ends_the_clause_is_an_ordinal(lint):
    text = "Tim Kota Batu (KB) ke sembilan. Tim Malang ke lima, lalu pulang."
    assert found(lint, text, "orthography/ordinal-apart") == [
        ("ke sembilan", ["kesembilan"]), ("ke lima", ["kelima"])]


@pytest.mark.parametrize("text", [
    "Skornya berubah dari dua ke tiga.",   # a range
    "Bantuan dikirim ke tiga desa.",       # the preposition before a noun
])
def test_a_number_word_before_a_noun_or_in_a_range_is_no_ordinal(lint, text):
    assert found(lint, text, "orthography/ordinal-apart") == []


# --- orthography/ordinal-roman -----------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Festival Danau Toba ke-XII dibuka Senin.", "ke-XII", ["XII", "ke-12"]),
    ("Pekan Olahraga Kota (Porkot) ke IV digelar di Solo.", "ke IV", ["IV", "ke-4"]),
    ("Abad ke-XIX ditandai revolusi industri.", "ke-XIX", ["XIX", "ke-19"]),
])
def test_roman_numeral_takes_no_ke(lint, text, wrong, right):
    assert [(f.text, f.suggestions) for f in
            lint(text, select=("orthography/ordinal-roman",))] == [(wrong, right)]


@pytest.mark.parametrize("text", [
    "Pelanggan pindah dari Telkomsel ke XL tahun lalu.",  # a brand: L is not checked
    "Akunnya dipindah dari Facebook ke X kemarin.",       # one letter apart: the platform
    "Ia naik ke kelas VII dan masuk ke CV Maju.",         # no name before ke; a company
    "Festival Danau Toba XII dan abad ke-19.",            # written right
])
def test_roman_rule_is_silent(lint, text):
    assert found(lint, text, "orthography/ordinal-roman") == []


# --- orthography/preposition-attached: quantity words and nouns in -an --------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("Posko dibuka disetiap kecamatan.", "disetiap", "di setiap"),
    ("Harga naik diberbagai daerah.", "diberbagai", "di berbagai"),
    ("Timnya berada diurutan ketiga.", "diurutan", "di urutan"),
    ("Sampah menumpuk dilingkungan sekolah.", "dilingkungan", "di lingkungan"),
    ("Kuncinya ada ditangannya.", "ditangannya", "di tangannya"),
])
def test_di_glued_to_a_quantity_word_or_a_noun_in_an(lint, text, wrong, right):
    assert found(lint, text, "orthography/preposition-attached") == [(wrong, [right])]


@pytest.mark.parametrize("text", [
    "Pelaku ditahan polisi dan dilawan warga.",   # passives of roots in -an
    "Pesanan dipesan lalu ditelan habis.",
    "Ia dipukul dan bukunya dimainkan.",          # a verb; -kan makes verbs
    "Anak itu didikan orang tuanya.",
])
def test_passives_are_not_glued_prepositions(lint, text):
    assert found(lint, text, "orthography/preposition-attached") == []


# --- common nouns that context shows to be no name -----------------------------------

@pytest.mark.parametrize("text, wrong", [
    # after a lower-case field head, a list of dictionary words
    ("Kedua kota sepakat bekerja sama di bidang Pertanian, Pariwisata dan Perikanan.",
     ["Pertanian", "Pariwisata", "Perikanan"]),
    # a count before the run: all of it, or the ordinary words before a name
    ("Ia datang bersama dua Kepala Seksi lainnya ke lokasi.", ["Kepala Seksi"]),
    ("Keluhan serupa datang dari salah satu Pedagang Buah Rudi di pasar itu.",
     ["Pedagang Buah"]),
    ("Keluhan itu datang dari salah satu Anggota DPRD kemarin.", ["Anggota"]),
    ("Listrik padam di sejumlah Kabupaten/kota di pulau itu.", ["Kabupaten/kota"]),
    # a direction after bagian or sebelah
    ("Banjir melanda kota itu di bagian Selatan sejak pagi tadi.", ["Selatan"]),
    # the capitalised head of a lower-case compound
    ("Laga itu dimenangi Tuan rumah dengan skor tipis kemarin.", ["Tuan"]),
    # a word the article writes in lower case elsewhere, though part of a name too
    ("Warga dibawa ke Puskesmas Sukamaju. Petugas puskesmas datang, dan pihak "
     "Puskesmas sudah mengambil sampel.", ["Puskesmas"]),
    # after a comma glued to a lower-case word, with lower-case evidence
    ("Harga emas naik, total penjualan turun. Ada 12 emas dan 9 perak, Total medali "
     "itu cukup.", ["Total"]),
    # closed-class words: after a bracket; a reduplication after a comma
    ("Pendataan dimulai Selasa (7/5) Pukul 05.00 di balai desa.", ["Pukul"]),
    ("Gol itu lahir di menit akhir, Lagi-lagi dari sundulan kapten tim.", ["Lagi-lagi"]),
])
def test_context_shows_a_common_noun(lint, text, wrong):
    assert [f.text for f in lint(text, select=("orthography/common-noun-capital",))] == wrong


@pytest.mark.parametrize("text", [
    "Ia menjabat Menteri Koordinator bidang Perekonomian sejak tahun lalu.",
    "Ia meneliti di bidang Kesehatan Masyarakat Universitas Airlangga kemarin.",
    "Keluhan serupa datang dari salah satu Sopir Budi di terminal itu.",  # a name stem
    "Listrik padam di sebagian Jawa Tengah sejak pagi.",
    "Pertemuan itu dihadiri para Menlu dari kawasan itu.",       # a title alone
    "Libur jatuh setiap tanggal 17 Agustus di negeri ini.",      # a date, not a count
    "Setiap Hari Kemerdekaan warga memasang bendera.",
    "Ia tinggal di bagian Timur Tengah sejak kecil.",           # a name after bagian
    "Peserta menempuh Pendidikan dan Latihan (Diklat) di kota itu.",
    "Aplikasi Digides dipakai desa itu. Aplikasi serupa digides belum dipakai desa lain.",
    "Warga bertemu menteri Kesehatan Budi Santoso kemarin.",    # the title rule's case
    "Warga memasak setiap Nyepi dan Galungan di desa itu.",     # a list of names
    "Rapat koordinasi digelar. Forum Koordinasi Pimpinan di Daerah ikut rapat.",
    "Sidang itu ditunda. Sidang Koordinasi pekan depan membahas koordinasi lagi.",
    "Ia berdoa kepada Tuhanmu. Kami hanya menyembah Dia, kata kami semua.",
])
def test_context_does_not_make_a_name_common(lint, text):
    assert found(lint, text, "orthography/common-noun-capital") == []


def test_a_lower_case_title_head_before_a_capitalised_title_word(lint):
    text = "Data itu dipaparkan kepala Bidang Pencegahan Penyakit, Budi, kemarin."
    assert found(lint, text, "orthography/title-capital") == [
        ("kepala Bidang", ["Kepala Bidang"])]
    assert found(lint, text, "orthography/common-noun-capital") == []


# --- the closing comma of a name set off after a title ---------------------------------

@pytest.mark.parametrize("text, name", [
    ("Pelatih tim itu, Joko Susilarto mengucapkan terima kasih.", "Susilarto"),
    ("Kepala Dinas Kesehatan, drg. Wirastuti melalui stafnya menjelaskan hal itu.",
     "Wirastuti"),
    ("Warga lainnya, Marlina menyampaikan keluhan yang sama.", "Marlina"),
    ("Kepala Desa Sukamaju, H. DARSONO mengatakan jalan itu rusak.", "DARSONO"),
    ("Hal itu penting,” ujar ketua panitia, Rudolf Panjaitan menegaskan.", "Panjaitan"),
])
def test_a_name_after_a_title_and_comma_needs_its_closing_comma(lint, text, name):
    found = [f for f in lint(text) if f.rule == "orthography/apposition-comma"]
    assert [(f.text, f.fix.replacement) for f in found] == [(name, name + ",")]


@pytest.mark.parametrize("text", [
    "Ketua panitia, Joko Susilarto, mengucapkan terima kasih.",  # closed already
    "Namun, Joko Susilarto mengatakan hal lain.",                 # a connective
    "Selain Ketua DPRD, Joko Susilarto menghadiri acara itu.",    # an adverbial
    "Menteri Luar Negeri Retno Marsudi mengatakan itu.",         # no comma at all
    "Kepala Desa Sukamaju, Kecamatan Tegalrejo mengalami banjir.",  # a place
    "Pelatih tim itu, Joko Susilarto dalam jumpa pers berkata.",   # no verb next
    "Ketua panitia, Joko Susilarto dan Marlina mengatakan hal itu.",
])
def test_no_missing_apposition_comma(lint, text):
    assert [f for f in lint(text) if f.rule == "orthography/apposition-comma"] == []


# --- a sentence or a quotation opens with a capital ----------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Harga naik. kami menolak rencana itu.", "kami"),
    ("“kami keluhkan masalah ini,” kata seorang warga.", "kami"),
    ("Ia berkata: “sudah tiga kali lampu itu mati.”", "sudah"),
])
def test_a_sentence_or_quotation_opening_in_lower_case(lint, text, word):
    found = [f for f in lint(text) if f.rule == "orthography/sentence-capital"]
    assert [(f.text, f.fix.replacement) for f in found] == [(word, word.capitalize())]


@pytest.mark.parametrize("text", [
    "“Besok,” katanya, “saya datang.”",               # a split quotation goes on
    "“Jalan sudah lancar.” ucapnya kepada wartawan.",  # an attribution
    "Ada tiga hal: pertama, harga; kedua, mutu.",     # a colon without a quotation
    "Kalau hujan, ya... mandi lumpur.",               # an ellipsis
    "Saham Bank Maju Tbk. naik tajam hari ini.",      # a company's abbreviation
    "Ponsel iPhone baru dijual. e-KTP dicetak ulang.",
    "Kalimat ini dibungkus\ndi tengah baris.",        # a hard-wrapped paragraph
])
def test_no_sentence_capital_finding(lint, text):
    assert [f for f in lint(text) if f.rule == "orthography/sentence-capital"] == []


def test_a_clitic_after_an_acronym_takes_a_hyphen(lint):
    found = [f for f in lint("Layar TV nya rusak dan buku nya hilang.")
             if f.rule == "orthography/clitic-apart"]
    assert [f.suggestions[0] for f in found] == ["TV-nya", "bukunya"]
    assert [f for f in lint("Huruf A nya tebal.") if f.rule == "orthography/clitic-apart"] == []
