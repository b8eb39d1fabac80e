"""termbase align: the aligner on texts written for these tests, and the command."""

from __future__ import annotations

import json
import sqlite3

import pytest

from termbase.align import Alignment, Bead, align_texts, sentences_of
from termbase.align.engine import length_cost
from termbase.glossary import Glossary
from termbase.model import Concept, Status, Term


def pairs(alignment: Alignment) -> list[tuple[str, str]]:
    return [alignment.texts(bead) for bead in alignment.beads]


def shapes(alignment: Alignment) -> list[str]:
    return [bead.kind for bead in alignment.beads]


ID_THREE = ("Wali kota meresmikan pasar baru di pusat kota. Pasar itu menampung dua ratus "
            "pedagang kecil. Warga berharap harga sayur menjadi lebih murah.")
EN_THREE = ("The mayor opened a new market in the city centre. The market houses two "
            "hundred small traders. Residents hope vegetable prices will become cheaper.")


def test_one_to_one_text_is_paired_sentence_by_sentence():
    alignment = align_texts(ID_THREE, EN_THREE)
    assert shapes(alignment) == ["1-1", "1-1", "1-1"]
    assert pairs(alignment)[1] == ("Pasar itu menampung dua ratus pedagang kecil.",
                                   "The market houses two hundred small traders.")
    assert all(bead.confidence > 0.5 for bead in alignment.beads)


def test_sentences_of_gives_paragraphs_of_sentences():
    text = "Hujan turun sejak pagi. Jalan tergenang.\n\nSekolah diliburkan."
    assert sentences_of(text, "id") == [["Hujan turun sejak pagi.", "Jalan tergenang."],
                                        ["Sekolah diliburkan."]]
    # without a blank line anywhere, each line is a paragraph
    assert sentences_of("Rain fell.\nRoads flooded.", "en") == [["Rain fell."],
                                                                ["Roads flooded."]]


def test_english_abbreviations_do_not_end_a_sentence():
    assert sentences_of("Mr. Hadi met Gen. Sutomo in Bandung. They talked.", "en") == [
        ["Mr. Hadi met Gen. Sutomo in Bandung.", "They talked."]]


def test_an_omitted_sentence_is_a_lone_bead_with_low_confidence():
    source = ("Banjir merendam tiga desa di lereng gunung. Petugas mengevakuasi warga "
              "dengan perahu karet. Dapur umum didirikan di balai desa untuk ratusan "
              "pengungsi yang kehilangan rumah. Air mulai surut pada sore hari.")
    target = ("Floods submerged three villages on the mountain slope. Officers evacuated "
              "residents in rubber boats. The water began to recede in the afternoon.")
    alignment = align_texts(source, target)
    assert shapes(alignment) == ["1-1", "1-1", "1-0", "1-1"]
    lone = alignment.beads[2]
    assert alignment.texts(lone) == ("Dapur umum didirikan di balai desa untuk ratusan "
                                     "pengungsi yang kehilangan rumah.", "")
    assert lone.confidence < 0.5
    # the other way round: a sentence the translator added
    back = align_texts(" ".join(sentences_of(source, "id")[0][:2]) + " Air mulai surut pada "
                       "sore hari.", target.replace(
                           "boats.", "boats. A public kitchen was set up in the village hall "
                           "for hundreds of people who lost their homes."))
    assert shapes(back) == ["1-1", "1-1", "0-1", "1-1"]


def test_two_sentences_merged_into_one_are_a_two_one_bead():
    source = ("Kapal feri itu berangkat pukul tujuh pagi. Kapal tiba di pelabuhan tujuan "
              "empat jam kemudian. Seluruh penumpang selamat.")
    target = ("The ferry left at seven in the morning and reached its destination port "
              "four hours later. All passengers were safe.")
    alignment = align_texts(source, target)
    assert shapes(alignment) == ["2-1", "1-1"]


def test_one_sentence_split_in_two_is_a_one_two_bead():
    source = ("Panitia menunda lomba lari karena hujan deras dan angin kencang yang melanda "
              "stadion sejak siang. Lomba akan digelar pekan depan.")
    target = ("Organisers postponed the race. Heavy rain and strong winds had hit the "
              "stadium since midday. The race will be held next week.")
    alignment = align_texts(source, target)
    assert shapes(alignment) == ["1-2", "1-1"]


SOVEREIGNTY = Glossary([Concept("c-sov", [
    Term("kedaulatan", "id", Status.PREFERRED),
    Term("sovereignty", "en", Status.PREFERRED),
])])


def test_a_glossary_anchor_decides_which_sentence_was_translated():
    # The length model alone prefers the second sentence (its length is closer); the
    # approved term pair says the first one was translated.
    source = "Kami menjaga kedaulatan laut kami selalu. Kami memperbaiki jalan desa itu."
    target = "We guard our sovereignty at sea."
    without = align_texts(source, target)
    assert shapes(without) == ["1-0", "1-1"]
    with_glossary = align_texts(source, target, SOVEREIGNTY)
    assert shapes(with_glossary) == ["1-1", "1-0"]
    assert with_glossary.beads[0].confidence > without.beads[1].confidence


def test_a_deprecated_english_term_is_no_anchor():
    glossary = Glossary([Concept("c-sov", [
        Term("kedaulatan", "id", Status.PREFERRED),
        Term("sovereignty", "en", Status.DEPRECATED),
    ])])
    source = "Kami menjaga kedaulatan laut kami selalu. Kami memperbaiki jalan desa itu."
    alignment = align_texts(source, "We guard our sovereignty at sea.", glossary)
    assert shapes(alignment) == ["1-0", "1-1"]


def test_numbers_and_dates_anchor_the_pair():
    # Two Indonesian sentences of about the English one's length: the date (14/9 =
    # September 14) and the amount (1,5 juta = 1.5 million) pick the right one.
    source = ("Harga gula di pasar induk naik lagi pekan lalu. Harga beras naik pada 14/9 "
              "menjadi 1,5 juta rupiah.")
    target = "Rice rose to 1.5 million rupiah on September 14."
    alignment = align_texts(source, target)
    assert shapes(alignment) == ["1-0", "1-1"]
    assert alignment.beads[1].confidence > 0.9


def test_names_shared_by_both_sides_anchor_the_pair():
    source = "Petani memanen padi lebih awal. Sutarmi membuka toko roti di Wonosari."
    target = "Sutarmi opened a bakery in Wonosari."
    alignment = align_texts(source, target)
    assert shapes(alignment) == ["1-0", "1-1"]


def test_paragraphs_joined_in_the_english_still_pair_sentence_by_sentence():
    source = ("Gempa mengguncang pesisir selatan pada Kamis malam.\n\n"
              "Warga berlarian ke luar rumah.\n\n"
              "BMKG menyatakan gempa itu tidak berpotensi tsunami.")
    target = ("An earthquake shook the south coast on Thursday night. Residents ran out of "
              "their homes.\n\nBMKG said the quake had no tsunami potential.")
    alignment = align_texts(source, target)
    assert shapes(alignment) == ["1-1", "1-1", "1-1"]


VISIT_ID = (
    "Menteri Luar Negeri tiba di Canberra pada Senin pagi untuk kunjungan dua hari. Ia "
    "disambut pejabat protokol di bandara.\n\n"
    "Dalam pertemuan dengan mitranya, menteri membahas kerja sama maritim dan perdagangan. "
    "Kedua pihak juga menyinggung rencana latihan bersama.\n\n"
    "Kunjungan itu merupakan yang pertama sejak pemilihan umum tahun lalu.\n\n"
    "Menteri dijadwalkan kembali ke Jakarta pada Selasa malam.")
# The English cuts each of the first two paragraphs in two, as English news does, and
# leaves the third out.
VISIT_EN = (
    "The foreign minister arrived in Canberra on Monday morning for a two-day visit.\n\n"
    "She was welcomed by protocol officials at the airport.\n\n"
    "In talks with her counterpart, the minister discussed maritime cooperation and "
    "trade.\n\n"
    "Both sides also touched on plans for a joint exercise.\n\n"
    "The minister is due back in Jakarta on Tuesday evening.")


def test_paragraphs_cut_in_two_and_one_left_out_do_not_shift_the_pairs():
    alignment = align_texts(VISIT_ID, VISIT_EN)
    assert [(bead.source, bead.target) for bead in alignment.beads] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), ()), ((5,), (4,))]
    assert alignment.beads[4].confidence < 0.5 <= min(
        bead.confidence for bead in alignment.beads if bead.source and bead.target)


def test_paragraphs_are_paired_first_only_when_they_pair_without_doubt():
    from termbase.align.engine import _items, _term_index, _within_paragraphs, paragraphs_of

    def items(text, language):
        return _items(paragraphs_of(text, language), language, _term_index(None))

    # cut and left-out paragraphs: in doubt, so the whole article is aligned at once
    assert _within_paragraphs(items(VISIT_ID, "id"), items(VISIT_EN, "en")) is None
    # the same paragraphs in both: paired first, then their sentences
    whole = VISIT_EN.replace(".\n\nShe", ". She").replace(".\n\nBoth", ". Both")
    kept = VISIT_ID.replace("Kunjungan itu merupakan yang pertama sejak pemilihan umum "
                            "tahun lalu.\n\n", "")
    paired = _within_paragraphs(items(kept, "id"), items(whole, "en"))
    assert paired is not None
    assert [(list(s), list(t)) for s, t, _ in paired] == [
        ([0], [0]), ([1], [1]), ([2], [2]), ([3], [3]), ([4], [4])]


def test_a_loan_shared_by_both_sides_anchors_the_pair():
    from termbase.align.anchors import LOAN, TermIndex, sentence_keys

    def loans(text, language):
        return {key for key in sentence_keys(text, language, TermIndex()) if key[0] == LOAN}

    indonesian = loans("Kasus tuberkulosis dan komitmen pendanaan terus bertambah.", "id")
    english = loans("Cases of tuberculosis and the funding commitment keep rising.", "en")
    assert len(indonesian & english) == 2  # tuberkulosis, komitmen
    assert not indonesian & loans("The price of rice rose again in March.", "en")


def test_confidence_falls_as_lengths_drift_apart():
    assert length_cost(100, 98) < length_cost(100, 130) < length_cost(100, 200)
    assert length_cost(10_000, 1) > 100  # far in the tail, still finite


def test_beads_cover_every_sentence_once_in_order():
    alignment = align_texts(ID_THREE + "\n\n" + ID_THREE, EN_THREE)
    sources = [i for bead in alignment.beads for i in bead.source]
    targets = [i for bead in alignment.beads for i in bead.target]
    assert sources == list(range(len(alignment.source_sentences)))
    assert targets == list(range(len(alignment.target_sentences)))
    assert isinstance(alignment.beads[0], Bead)


# --- The command --------------------------------------------------------------------------

@pytest.fixture
def article(tmp_path):
    """An article pair where one sentence was left out of the translation."""
    source = tmp_path / "banjir.id.txt"
    target = tmp_path / "banjir.en.txt"
    source.write_text("Banjir merendam tiga desa di lereng gunung. Petugas mengevakuasi "
                      "warga dengan perahu karet.\n\nDapur umum didirikan di balai desa untuk "
                      "ratusan pengungsi yang kehilangan rumah. Air mulai surut pada sore "
                      "hari.\n", encoding="utf-8")
    target.write_text("Floods submerged three villages on the mountain slope. Officers "
                      "evacuated residents in rubber boats.\n\nThe water began to recede "
                      "in the afternoon.\n", encoding="utf-8")
    return source, target


def test_cli_prints_pairs_with_confidence(invoke, article):
    result = invoke("align", *map(str, article))
    assert result.exit_code == 0, result.output
    assert "4 pairs, 1 to review" in result.output
    assert "Dapur umum didirikan di balai desa untuk" in result.output


def test_cli_json(invoke, article):
    result = invoke("align", *map(str, article), "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.output)
    assert document["version"] == 1
    beads = document["articles"][0]["beads"]
    assert [b["kind"] for b in beads] == ["1-1", "1-1", "1-0", "1-1"]
    assert beads[2]["review"] is True and beads[2]["target"] == ""
    assert document["articles"][0]["origin"] == "banjir.id.txt"


def test_cli_into_tm_adds_confident_pairs_with_the_article_as_origin(invoke, article,
                                                                    tmp_path):
    memory = tmp_path / "memory.sqlite"
    result = invoke("align", *map(str, article), "--into-tm", "--tm", str(memory))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(memory) as db:
        rows = db.execute("SELECT source, target, origin FROM units").fetchall()
    assert len(rows) == 3  # the lone sentence stays out
    assert {origin for _, _, origin in rows} == {"banjir.id.txt"}
    assert ("Air mulai surut pada sore hari.", "The water began to recede in the afternoon.",
            "banjir.id.txt") in rows


def test_cli_min_confidence_keeps_doubtful_pairs_out_of_the_memory(invoke, article,
                                                                  tmp_path):
    memory = tmp_path / "memory.sqlite"
    result = invoke("align", *map(str, article), "--into-tm", "--tm", str(memory),
                    "--min-confidence", "1")
    assert result.exit_code == 0, result.output
    assert "0 added" in result.output


@pytest.mark.parametrize("suffix", ["tmx", "xlf", "tsv"])
def test_cli_review_file_marks_what_needs_a_look(invoke, article, tmp_path, suffix):
    review = tmp_path / f"review.{suffix}"
    result = invoke("align", *map(str, article), "--review", str(review))
    assert result.exit_code == 0, result.output
    content = review.read_text(encoding="utf-8")
    assert "Dapur umum didirikan di balai desa untuk" in content
    if suffix == "tmx":
        assert content.count('<prop type="x-align-review">needs-review</prop>') == 1
        assert '<prop type="x-origin">banjir.id.txt</prop>' in content
    elif suffix == "xlf":
        assert content.count('state="translated"') == 3
        assert "no English sentence" in content
    else:
        rows = [line.split("\t") for line in content.splitlines()]
        assert rows[0] == ["origin", "confidence", "review", "bead", "id", "en"]
        assert [row[2] for row in rows[1:]] == ["", "", "needs-review", ""]


def test_cli_review_marks_pairs_below_min_confidence(invoke, article, tmp_path):
    review = tmp_path / "review.xlf"
    invoke("align", *map(str, article), "--review", str(review), "--min-confidence", "1")
    assert review.read_text(encoding="utf-8").count('state="needs-review-translation"') == 3


def test_cli_review_refuses_to_replace_without_force(invoke, article, tmp_path):
    review = tmp_path / "review.tsv"
    review.write_text("keep me", encoding="utf-8")
    result = invoke("align", *map(str, article), "--review", str(review))
    assert result.exit_code == 2
    assert review.read_text(encoding="utf-8") == "keep me"
    assert invoke("align", *map(str, article), "--review", str(review),
                  "--force").exit_code == 0


def _one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("termbase: "), result.output
    return lines[0]


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"\x00\x01binary\x00", "binary file"),
    ("Harga naik.".encode("cp1252") + b"\xe9\n", "not valid UTF-8"),
    (b"  \n\n", "empty file"),
])
def test_cli_bad_input_is_one_line_and_exit_2(invoke, article, tmp_path, content, message):
    bad = tmp_path / "bad.id.txt"
    if content is not None:
        bad.write_bytes(content)
    line = _one_error_line(invoke("align", str(bad), str(article[1])))
    assert message in line and "bad.id.txt" in line


def test_cli_pairs_aligns_every_pair_of_a_directory(invoke, article, tmp_path):
    second_source = tmp_path / "gempa.id.txt"
    second_source.write_text("Gempa mengguncang pesisir selatan.\n", encoding="utf-8")
    (tmp_path / "gempa.en.txt").write_text("An earthquake shook the south coast.\n",
                                           encoding="utf-8")
    (tmp_path / "catatan.md").write_text("not an article\n", encoding="utf-8")
    result = invoke("align", "--pairs", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    origins = [a["origin"] for a in json.loads(result.output)["articles"]]
    assert origins == ["banjir.id.txt", "gempa.id.txt"]


def test_cli_pairs_refuses_an_unmatched_file(invoke, article, tmp_path):
    (tmp_path / "sendiri.id.txt").write_text("Hanya satu sisi.\n", encoding="utf-8")
    line = _one_error_line(invoke("align", "--pairs", str(tmp_path)))
    assert "sendiri.id.txt" in line and "sendiri.en.txt" in line


def _archive(tmp_path, article):
    """The article pair filed as an archive whose names do not pair themselves."""
    (tmp_path / "id").mkdir()
    (tmp_path / "en").mkdir()
    article[0].rename(tmp_path / "id" / "2024-03-01-banjir.txt")
    article[1].rename(tmp_path / "en" / "floods-in-the-hills.txt")


@pytest.mark.parametrize("name, lines", [
    ("manifest.tsv", ["# Indonesian\tEnglish\torigin", "",
                      "id/2024-03-01-banjir.txt\ten/floods-in-the-hills.txt\tbanjir-2024"]),
    ("manifest.csv", ['id/2024-03-01-banjir.txt,"en/floods-in-the-hills.txt",banjir-2024']),
])
def test_cli_pairs_reads_a_manifest_with_the_origin_it_gives(invoke, article, tmp_path,
                                                             name, lines):
    _archive(tmp_path, article)
    manifest = tmp_path / name
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    memory = tmp_path / "memory.sqlite"
    result = invoke("align", "--pairs", str(manifest), "--into-tm", "--tm", str(memory))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(memory) as db:
        origins = {row[0] for row in db.execute("SELECT origin FROM units")}
    assert origins == {"banjir-2024"}


def test_a_manifest_without_an_origin_records_the_indonesian_files_name(invoke, article,
                                                                        tmp_path):
    _archive(tmp_path, article)
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text("id/2024-03-01-banjir.txt\ten/floods-in-the-hills.txt\n",
                        encoding="utf-8")
    result = invoke("align", "--pairs", str(manifest), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["articles"][0]["origin"] == "2024-03-01-banjir.txt"


@pytest.mark.parametrize("lines, message", [
    (["id/2024-03-01-banjir.txt\ten/floods-in-the-hills.txt",
      "id/2024-03-01-banjir.txt\ten/missing.txt"], "pairs.tsv:2: no such file"),
    (["id/2024-03-01-banjir.txt"], "pairs.tsv:1: expected the Indonesian file"),
    (["# nothing but a comment"], "lists no article pair"),
])
def test_a_bad_manifest_is_one_line_naming_its_line_and_nothing_is_written(
        invoke, article, tmp_path, lines, message):
    _archive(tmp_path, article)
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    memory = tmp_path / "memory.sqlite"
    line = _one_error_line(invoke("align", "--pairs", str(manifest), "--into-tm",
                                  "--tm", str(memory)))
    assert message in line
    assert not memory.exists()


def test_cli_wants_two_files_or_pairs(invoke, article):
    assert invoke("align", str(article[0])).exit_code == 2


def test_cli_tm_without_into_tm_is_refused(invoke, article, tmp_path):
    line = _one_error_line(invoke("align", *map(str, article), "--tm",
                                  str(tmp_path / "m.sqlite")))
    assert "--into-tm" in line
    assert not (tmp_path / "m.sqlite").exists()


def test_cli_review_suffix_is_checked_before_any_work(invoke, article, tmp_path):
    line = _one_error_line(invoke("align", *map(str, article), "--review",
                                  str(tmp_path / "review.docx")))
    assert ".tmx, .tsv, .xlf or .xliff" in line


def test_cli_pairs_that_is_neither_a_directory_nor_a_file_is_refused(invoke, tmp_path):
    line = _one_error_line(invoke("align", "--pairs", str(tmp_path / "nowhere")))
    assert "nowhere" in line and "no such directory or manifest" in line
