"""False alarms met on published news, one kind per test: the kind stays silent (or
drops to info) and the genuine error it resembles is still caught.

Every sentence here is our own writing.
"""

from __future__ import annotations

from termbase.model import Severity

COUNTED = ("warning", "error")


def counted(lint, text, rule):
    """(text, first suggestion) of the warnings and errors of one rule."""
    return [(f.text, f.suggestions[:1]) for f in lint(text, select=(rule,))
            if f.severity.value in COUNTED]


# --- orthography/preposition-attached: a word of its own keeps a clitic -----------------

def test_exempt_word_with_a_clitic_is_no_glued_preposition(lint):
    assert counted(lint, "Harga naik karena keluarnya modal asing dari bursa.",
                   "orthography/preposition-attached") == []


def test_glued_preposition_with_a_clitic_is_still_caught(lint):
    assert counted(lint, "Kami berharap kedepannya jalan itu diperbaiki.",
                   "orthography/preposition-attached") == [("kedepannya", ["ke depannya"])]


# --- typography/unbalanced: a straight quote closed by a curly one ----------------------

def test_straight_quote_closed_by_a_curly_one_is_one_quotation(lint):
    assert counted(lint, '"Kami siap bekerja keras tahun ini,” kata Budi.',
                   "typography/unbalanced") == []


def test_quotation_left_open_is_still_caught(lint):
    assert counted(lint, '"Kami siap bekerja keras, kata Budi.',
                   "typography/unbalanced") == [('"', [])]
    assert counted(lint, "Ia berkata hasilnya baik,” lalu pergi.",
                   "typography/unbalanced") == [("”", [])]


# --- spelling/unknown-word: every part of an @handle is the handle's ------------------

def test_words_inside_a_handle_are_not_spelt(lint):
    assert counted(lint, "Retno berdiskusi dengan @Amb_LuKang dan @kemlu_RI kemarin.",
                   "spelling/unknown-word") == []


def test_misspelling_next_to_a_handle_is_still_caught(lint):
    assert [text for text, _ in counted(lint, "Retno menulis di akun @kemlu_RI kemarim.",
                                        "spelling/unknown-word")] == ["kemarim"]


# --- spelling/unknown-word: a sentence opener that begins a title or is English -------

def test_opener_before_a_capitalised_word_is_a_title_not_a_slip(lint):
    assert counted(lint, "Kasat Reskrim Polres Pinrang menjelaskan kasus itu.",
                   "spelling/unknown-word") == []


def test_english_opener_is_no_slip(lint):
    assert counted(lint, "Fogging dilakukan di tiga kelurahan pekan ini.",
                   "spelling/unknown-word") == []


def test_misspelt_opener_is_still_caught(lint):
    assert counted(lint, "Sebanyal 16 orang ditangkap polisi.",
                   "spelling/unknown-word") == [("Sebanyal", ["Sebanyak"])]
    assert counted(lint, "Kemitraaan Strategis kedua negara diperkuat.",
                   "spelling/unknown-word") == [("Kemitraaan", ["Kemitraan"])]


# --- spelling/unknown-word: a sentence in another language, a Latin species name -----

def test_regional_language_sentence_is_foreign_not_misspelt(lint):
    text = '"Yen wis wayah, aku tak lungo mrono," ujar petani itu.'
    assert counted(lint, text, "spelling/unknown-word") == []


def test_species_epithet_is_foreign_not_misspelt(lint):
    assert counted(lint, "Penyakit itu ditularkan nyamuk Aedes aegypti saat hujan.",
                   "spelling/unknown-word") == []


def test_typos_in_an_indonesian_sentence_are_still_caught(lint):
    text = "Kami terpaksa mengunggsi, tapi rumah kami selamat dan warga kmai juga."
    assert [t for t, _ in counted(lint, text, "spelling/unknown-word")] == [
        "mengunggsi", "kmai"]


def test_lower_case_government_acronyms_are_words_of_the_news(lint):
    text = "Petugas dinsos dan nakes dari faskes terdekat mendata warga sesuai sprindik."
    assert not [f for f in lint(text) if f.category == "spelling"]
    found = [f for f in lint("Dewan membahas ranpeda itu.") if f.rule == "spelling/unknown-word"]
    assert [(f.text, f.suggestions[0]) for f in found] == [("ranpeda", "ranperda")]


def test_di_before_a_root_read_as_a_noun_is_only_info_and_not_fixed(lint):
    found = [f for f in lint("Warga dapat minyak murah di operasi pasar.")
             if f.rule == "orthography/prefix-apart"]
    assert [(f.severity, f.fix) for f in found] == [(Severity.INFO, None)]
    found = [f for f in lint("Pelaku di tangkap polisi.") if f.rule == "orthography/prefix-apart"]
    assert [(f.severity, f.suggestions[0]) for f in found] == [(Severity.ERROR, "ditangkap")]
