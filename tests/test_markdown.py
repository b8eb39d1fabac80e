"""Markdown: what is code, front matter or markup is not checked and not fixed; the
same faults in prose are. Which lines are code follows CommonMark (markdown-it)."""

from __future__ import annotations

import pytest

from termbase.check.markdown import code_regions

FAULT = "Ia tinggal dirumah."  # orthography/preposition-attached, with a safe fix
FIXED = "Ia tinggal di rumah."

# The file of issue #10: front matter, indented code, a ```` fence holding a ``` one.
ARTICLE = (
    "---\n"
    "judul: Warga tinggal dirumah\n"
    "slug: warga-tinggal-dirumah\n"
    "tags: [kerjasama, banjir, dirumah]\n"
    "---\n"
    "\n"
    f"{FAULT}\n"
    "\n"
    f"    {FAULT}\n"
    "\n"
    "````markdown\n"
    "```\n"
    f"{FAULT}\n"
    "```\n"
    "````\n"
    "\n"
    "Kerjasama kedua desa berjalan baik.\n"
)
PROSE_LINES = (7, 17)


def attached(lint, text: str) -> list[int]:
    """1-based lines of the attached-preposition findings in `text` as Markdown."""
    return [text.count("\n", 0, f.start) + 1 for f in lint(text, path="t.md")
            if f.rule == "orthography/preposition-attached"]


def test_front_matter_indented_code_and_a_longer_fence_have_no_findings(lint):
    findings = lint(ARTICLE, path="t.md")
    lines = {ARTICLE.count("\n", 0, f.start) + 1 for f in findings}
    assert lines == set(PROSE_LINES)
    assert {f.rule for f in findings} >= {"orthography/preposition-attached",
                                           "term/deprecated"}


def test_the_same_file_as_plain_text_is_checked_everywhere(lint):
    # The negative: nothing above is hidden by the rules themselves.
    lines = {ARTICLE.count("\n", 0, f.start) + 1 for f in lint(ARTICLE, path="t.txt")}
    assert {2, 9, 13} <= lines


def test_fix_leaves_code_and_front_matter_alone_and_fixes_prose(invoke, tmp_path):
    path = tmp_path / "artikel.md"
    path.write_text(ARTICLE, encoding="utf-8")
    invoke("check", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8").split("\n")
    original = ARTICLE.split("\n")
    assert fixed[PROSE_LINES[0] - 1] == FIXED
    assert fixed[PROSE_LINES[1] - 1] != original[PROSE_LINES[1] - 1]  # Kerjasama
    untouched = [i for i in range(len(original)) if i + 1 not in PROSE_LINES]
    assert [fixed[i] for i in untouched] == [original[i] for i in untouched]


@pytest.mark.parametrize("text, lines", [
    # Tilde fences are fences; an unclosed fence runs to the end of the file.
    (f"~~~\n{FAULT}\n~~~\n\n{FAULT}\n", [5]),
    (f"{FAULT}\n\n```\n{FAULT}\n\n{FAULT}\n", [1]),
    # A closing fence must be as long as the opening one.
    (f"````\n```\n{FAULT}\n", []),
    # In a list, four spaces continue the item's paragraph; code needs four more.
    (f"- {FAULT}\n\n    {FAULT}\n", [1, 3]),
    (f"- {FAULT}\n\n        {FAULT}\n", [1]),
    # Code in a block quote; the quote's prose is checked.
    (f"> {FAULT}\n>\n> ```\n> {FAULT}\n> ```\n", [1]),
    # Four spaces inside a paragraph do not start code.
    (f"Pembuka.\n    {FAULT}\n", [2]),
    # Front matter only on the first line, and only when closed (also by `...`).
    (f"---\nslug: dirumah\n...\n{FAULT}\n", [4]),
    (f"---\n{FAULT}\n", [2]),
    (f"{FAULT}\n\n---\nslug: dirumah\n---\n", [1, 4]),
    # HTML blocks and link reference definitions.
    (f"<!--\n{FAULT}\n-->\n\n<div>\n{FAULT}\n</div>\n\n{FAULT}\n", [9]),
    (f"[rumah]: https://contoh.id/dirumah\n\n{FAULT}\n", [3]),
    # A comment starting a line hides itself, not the text after it on the line (shown
    # by browsers); never closed, it hides the rest of the file, as CommonMark reads it.
    (f"<!-- catatan: dirumah --> {FAULT}\n", [1]),
    (f"{FAULT}\n\n<!-- catatan\n{FAULT}\n\n{FAULT}\n", [1]),
    # Line ends other than LF: offsets still fall on the right lines.
    (f"```\r\n{FAULT}\r\n```\r\n\r\n{FAULT}\r\n", [5]),
])
def test_code_blocks_follow_commonmark(lint, text, lines):
    assert attached(lint, text) == lines


@pytest.mark.parametrize("text, hidden", [
    ("Ia tinggal ``di ` dirumah`` sejak lama.", True),  # a longer run holds a backtick
    ("Kode `Ia tinggal\ndirumah` di dua baris.", True),  # a code span spans lines
    ("Satu ` lalu tinggal dirumah.", False),  # a backtick never closed
    ("Ia \\`tinggal dirumah` lagi.", False),  # an escaped backtick opens nothing
    ("Lihat [berita](https://contoh.id/(dirumah) \"judul\").", True),
    ("Lihat [berita](<https://contoh.id/di rumah/dirumah>).", True),
    ("Lihat <https://contoh.id/dirumah> dan <redaksi@contoh.id>.", True),
    ("Ia tinggal <!-- dirumah --> di sana.", True),
    ("Lihat [tinggal dirumah](https://contoh.id).", False),  # link text is prose
])
def test_inline_code_links_and_comments(lint, text, hidden):
    assert (attached(lint, text + "\n") == []) == hidden


def test_regions_are_offsets_into_the_original_text():
    text = "---\r\nslug: a\r\n---\r\nTeks `kode` ya.\r\n\r\n    blok\r\n"
    regions = sorted(code_regions(text))
    assert [text[start:end] for start, end in regions] == [
        "---\r\nslug: a\r\n---\r\n", "`kode`", "    blok\r\n"]
