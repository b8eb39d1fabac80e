"""Segmentation: Indonesian sentence rules and exact offsets."""

from __future__ import annotations

import json

import pytest

from termbase.check.document import Document
from termbase.lang.segment import lines_are_paragraphs, segment
from termbase.lang.tokens import Kind, tokenize


def sentences(text):
    return [s.text for p in segment(text) for s in p.sentences]


@pytest.mark.parametrize("text", [
    "Ia tinggal di Jl. Soekarno-Hatta No. 112 Bandung.",
    "Hadir Dr. Ir. Bambang dan Prof. Sri Wulandari.",
    "Rapat dimulai pukul 10.30 WIB dan selesai 12.00 WIB.",
    "Jasa A.H. Nasution dikenang.",
    "Surat a.n. Menteri berlaku s.d. Senin.",
    "Ia membeli sabun, minyak, dll. lalu pulang.",
    "Asisten Gubernur Ma. Teresa Villanueva hadir.",
    "Sdr. Budi dan Hj. Siti, S.H., M.Si. hadir.",
    "“Kami siap!” katanya.",
])
def test_no_break_inside(text):
    assert sentences(text) == [text]


def test_breaks_between_sentences():
    text = "Ekspor naik. “Kami senang,” kata Ani. Ia membeli sabun, dll. Kemudian pergi! Apa?"
    assert sentences(text) == [
        "Ekspor naik.", "“Kami senang,” kata Ani.", "Ia membeli sabun, dll.",
        "Kemudian pergi!", "Apa?"]


def test_markdown_paragraphs_are_blank_line_separated():
    paragraphs = segment("Judul\n\nBaris satu.\nBaris dua.\r\n\r\nAkhir.", line_paragraphs=False)
    assert len(paragraphs) == 3


def test_plain_text_paragraphs_are_lines():
    # Many outlets write one paragraph per line with no blank line between.
    paragraphs = segment("Judul\n\nBaris satu.\nBaris dua.\r\n\r\nAkhir.")
    assert [len(p.sentences) for p in paragraphs] == [1, 1, 1, 1]
    assert sentences("Judul Berita\nJakarta - Harga naik.") == ["Judul Berita",
                                                                "Jakarta - Harga naik."]


@pytest.mark.parametrize("path, expected", [
    ("berita.txt", True), ("<stdin>", True), ("berita", True),
    ("berita.md", False), ("BERITA.Markdown", False),
])
def test_which_files_take_lines_as_paragraphs(path, expected):
    assert lines_are_paragraphs(path) is expected
    assert Document(path, "a").line_paragraphs is expected


_QUOTE_OVER_LINES = ("“Kami siap bekerja sama,” kata Ani.\n"
                     "“Harga beras turun pekan ini.\n"
                     "Pasar ramai lagi.\n")


def test_quotes_are_not_counted_across_lines_of_plain_text(lint):
    unbalanced = [f for f in lint(_QUOTE_OVER_LINES) if f.rule == "typography/unbalanced"]
    # The second line opens a quote it never closes: reported there, not balanced by
    # a quote on another line.
    assert [(f.text, f.start) for f in unbalanced] == [("“", _QUOTE_OVER_LINES.index("“Harga"))]
    assert not [f for f in lint("“Kami siap,” kata Ani.\n(Ia pergi.)\nBesok pulang.\n")
                if f.rule == "typography/unbalanced"]


def test_markdown_keeps_soft_wrapped_paragraphs(lint):
    text = "“Kami siap bekerja\nsama,” kata Ani\n(ketua panitia).\n\nAkhir.\n"
    assert not [f for f in lint(text, path="t.md") if f.rule == "typography/unbalanced"]
    # In plain text each line is a paragraph, but marks closed on a following line
    # still pair up (pages that break lines inside a sentence).
    assert not [f for f in lint(text) if f.rule == "typography/unbalanced"]


def test_tokens_cover_the_text_exactly():
    text = "Xi’an, 14/9: US$1,2 miliar (ke-20)\tdi https://a.id/x."
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start:t.end] == t.text for t in tokens)
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["Xi’an"] is Kind.WORD
    assert kinds["14/9"] is Kind.NUMBER
    assert kinds["ke-20"] is Kind.WORD
    assert kinds["https://a.id/x"] is Kind.URL


@pytest.mark.parametrize("prefix", ["", "\r\n", "\t", "“Ya” "])
def test_positions_with_crlf_tabs_and_quotes(lint, prefix):
    text = f"Baris pertama.\r\n{prefix}Hubungan diplomaltik itu.\r\n"
    (finding,) = [f for f in lint(text) if f.rule == "spelling/unknown-word"]
    document = Document("t.txt", text)
    line, column = document.position(finding.start)
    assert document.line_text(line)[column - 1 : column - 1 + 11] == "diplomaltik"


def test_bom_is_not_counted_in_columns(tmp_path, invoke):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHubungan diplomaltik.\n".encode())
    result = invoke("check", "--format", "json", str(path))
    (finding,) = json.loads(result.output)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 10, 21)


def test_segment_command_json(tmp_path, invoke):
    path = tmp_path / "a.txt"
    path.write_text("Judul\n\nIa di Jl. Merdeka. Lalu pulang.\n", encoding="utf-8")
    result = invoke("segment", "--format", "json", str(path))
    assert result.exit_code == 0
    data = json.loads(result.output)
    texts = [s["text"] for p in data["paragraphs"] for s in p["sentences"]]
    assert texts == ["Judul", "Ia di Jl. Merdeka.", "Lalu pulang."]
    second = data["paragraphs"][1]["sentences"][1]
    assert (second["line"], second["column"]) == (3, 20)


def test_segment_command_text(tmp_path, invoke):
    path = tmp_path / "a.txt"
    path.write_text("Satu. Dua.\n", encoding="utf-8")
    result = invoke("segment", str(path))
    assert result.output.splitlines() == ["1\t1:1\tSatu.", "1\t1:7\tDua."]


def test_segment_command_lines_are_paragraphs_on_stdin_not_in_markdown(tmp_path, invoke):
    text = "Judul Berita\nJakarta - Harga naik.\n"
    assert invoke("segment", "-", input=text).output.splitlines() == [
        "1\t1:1\tJudul Berita", "2\t2:1\tJakarta - Harga naik."]
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    assert invoke("segment", str(path)).output.splitlines() == [
        "1\t1:1\tJudul Berita", "Jakarta - Harga naik."]


@pytest.mark.parametrize("domain", [
    "Kompas.com", "Lontar.id", "iNews.Serpong.id", "warta-desa.go.id", "KOMPAS.COM",
    "Liputan6.com", "berita.co.id",
])
def test_domain_names_are_url_tokens(domain):
    text = f"Menurut {domain}, harga naik. Sumber: {domain}."
    urls = [t.text for t in tokenize(text) if t.kind is Kind.URL]
    assert urls == [domain, domain]


@pytest.mark.parametrize("text, words", [
    ("Ia tiba ke Jakarta.Dia pergi.", ["Jakarta", "Dia"]),  # a missing space, not a domain
    ("Hasilnya bagus.kemudian pulang.", ["bagus", "kemudian"]),
    ("Situs contoh.com.xyz dibuka.", ["contoh", "com", "xyz"]),  # not ending in a known TLD
    ("Mitra U.S.-ASEAN bertemu.", ["U", "S", "ASEAN"]),
])
def test_dotted_words_that_are_not_domains(text, words):
    tokens = tokenize(text)
    assert not any(t.kind is Kind.URL for t in tokens)
    assert all(w in [t.text for t in tokens if t.kind is Kind.WORD] for w in words)


def test_a_domain_keeps_its_path_but_not_the_closing_punctuation():
    tokens = tokenize("Foto (Warta.id/budi). Baca warta.co.id/read/2024/x.")
    assert [t.text for t in tokens if t.kind is Kind.URL] == ["Warta.id/budi",
                                                               "warta.co.id/read/2024/x"]


def test_numbers_and_emails_beside_domains():
    kinds = {t.text: t.kind for t in tokenize("Rp 1.000.000 ke redaksi@warta.co.id, 2.5 persen")}
    assert kinds["1.000.000"] is Kind.NUMBER
    assert kinds["redaksi@warta.co.id"] is Kind.EMAIL
    assert kinds["2.5"] is Kind.NUMBER


def test_domain_in_dateline_is_not_spelled_or_spaced(lint):
    findings = lint("Jakarta, Warta.id - Laman iNews.Serpong.id memuat berita itu.\n")
    assert not [f for f in findings if f.rule in ("typography/missing-space",
                                                   "spelling/unknown-word")]
    (missing,) = [f for f in lint("Ia tiba ke Jakarta.Dia pergi.\n")
                  if f.rule == "typography/missing-space"]
    assert missing.text == "."
