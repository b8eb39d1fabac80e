"""Inputs that once crashed `check` or cost it time or memory in the square of their size
(issue #9, section 2): each must give a sound report at a cost linear in its length."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termbase.check.document import Document
from termbase.check.engine import CHARACTERS_PER_FINDING, PARAGRAPH_LIMIT
from termbase.lang import english, speller, suggest
from termbase.lang.edits import LONGEST
from termbase.lang.segment import sentence_spans
from termbase.lang.tokens import Kind, tokenize

# One-letter words outside ASCII: once min() of an empty sequence in the speller.
ONE_LETTER_WORDS = ["é", "ü", "ß", "ﬁ", "ǅ", "ŉ", "的"]


def assert_exact_spans(text: str, findings) -> None:
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text, finding


@pytest.mark.parametrize("letter", ONE_LETTER_WORDS)
def test_a_one_letter_word_outside_ascii_alone(lint, letter):
    findings = lint(letter + "\n")
    assert_exact_spans(letter + "\n", findings)


@pytest.mark.parametrize("letter", ONE_LETTER_WORDS)
def test_a_one_letter_word_outside_ascii_in_sentences(lint, letter):
    text = (f"Warga menyebut {letter} sebagai tanda. {letter.upper()} ditulis di papan, "
            f"lalu {letter}-{letter} dibaca \u201c{letter}\u201d oleh guru.\n")
    findings = lint(text)
    assert_exact_spans(text, findings)
    # The sentence around it is ordinary Indonesian: only the letter may be reported.
    assert all(letter.lower() in f.text.lower() or letter.upper() in f.text
               for f in findings if f.category == "spelling")


def _peak_bytes(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("token", ["a" * 5_000, "qwertyuiop" * 500, "sebagaimana" * 450])
def test_a_long_unknown_token_costs_bounded_memory_and_gets_no_suggestions(lint, token):
    text = f"Kata {token} itu tidak dikenal.\n"
    lint(f"Kata {token[:LONGEST + 5]} itu tidak dikenal.\n")  # dictionaries loaded
    peak = _peak_bytes(lambda: lint(text))
    # Editing the token letter by letter took memory in its length squared: over
    # 600 MB for 3,300 letters. Linear work stays within a few megabytes.
    assert peak < 20_000_000
    findings = lint(text)
    assert_exact_spans(text, findings)
    reported = [f for f in findings if f.text == token]
    assert all(not f.suggestions for f in reported)
    assert [f.rule for f in reported] in ([], ["spelling/unknown-word"])


def test_a_word_just_short_enough_is_still_corrected(lint):
    findings = lint("Pemerintah membahas penyelenggaran acara itu.\n")
    slip = next(f for f in findings if f.text == "penyelenggaran")
    assert "penyelenggaraan" in slip.suggestions


@pytest.mark.parametrize("edit", ["_common_edits", "slip_target", "candidates"])
def test_words_past_the_longest_are_not_edited(ctx, edit):
    long_word = "x" * (LONGEST + 1)
    if edit == "_common_edits":
        assert speller._common_edits(long_word, 0.0) == set()
        assert speller._common_edits("kepada"[:LONGEST], 3.0)  # near: kepada itself
    elif edit == "slip_target":
        assert english.english_speller().slip_target(long_word) is None
        assert english.english_speller().slip_target("invesment") == "investment"
    else:
        assert suggest.candidates(long_word, {"x" * LONGEST}) == set()
        assert suggest.candidates("x" * LONGEST, {"x" * (LONGEST - 1)})


# --- Markdown: ignored and switched-off regions answer by index, not by comparing pairs


def _brute_is_ignored(regions, start: int, end: int) -> bool:
    return any(start < r_end and r_start < end for r_start, r_end in regions)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12),
       st.integers(0, 70), st.integers(0, 10))
@settings(max_examples=3 * settings.default.max_examples)  # cheap examples
def test_ignored_regions_answer_as_comparing_every_region_would(spans, start, width):
    regions = [(s, s + w) for s, w in spans]  # overlapping, touching, nested, empty
    document = Document("t.md", "x" * 80)
    document.ignored = regions
    assert document.is_ignored(start, start + width) == _brute_is_ignored(
        regions, start, start + width)


def test_code_spans_hide_findings_inside_them_only(lint):
    text = "`dirumah` dan dirumah, [teks](dirumah) lagi `dirumah`\n"
    hidden = [f for f in lint(text, path="t.md") if f.text == "dirumah"]
    assert [f.start for f in hidden] == [text.index(" dirumah") + 1]


def test_switched_off_regions_silence_only_their_rules(lint):
    text = ("Ia tinggal dirumah.\n\n<!-- termbase off: orthography -->\n\n"
            "Ia tinggal dirumah.\n\n<!-- termbase on -->\n\n"
            "<!-- termbase off: spelling -->\n\nIa tinggal dirumah.\n")
    attached = [f for f in lint(text, path="t.md")
                if f.rule == "orthography/preposition-attached"]
    assert [text.count("\n", 0, f.start) for f in attached] == [0, 10]


# --- Quotes and brackets: pairing across broken lines in one step per mark


def _unbalanced(lint, text: str):
    return [f for f in lint(text, select=("typography/unbalanced",))]


def test_a_bracket_closed_on_the_next_line_pairs_up(lint):
    assert _unbalanced(lint, "(Kemendag mencatat\nkenaikan) itu.\n") == []


@pytest.mark.parametrize("opened, closed, left", [(3, 3, 0), (3, 2, 1), (2, 3, 1)])
def test_brackets_over_broken_lines_pair_one_for_one(lint, opened, closed, left):
    text = "( " * opened + "kata\n" + "kata " + ") " * closed + "\n"
    findings = _unbalanced(lint, text)
    assert len(findings) == left
    assert_exact_spans(text, findings)


def test_thousands_of_marks_over_two_lines_pair_without_comparing_every_pair(lint):
    text = "( " * 5_000 + "\n" + ") " * 4_000 + "] " * 1_000 + "\n"
    findings = _unbalanced(lint, text)
    # 4,000 pairs across the break; 1,000 ( and 1,000 ] stay unbalanced, reported up to
    # the per-paragraph limit with one finding counting the rest.
    assert {f.text for f in findings} == {"(", "]"}
    assert_exact_spans(text, findings)


@pytest.mark.parametrize("text, odd", [
    ('Ia berkata “kami siap" lalu pergi.\n', False),
    ('Ia berkata "kami siap" lalu "pergi.\n', True),
    ('“Satu" dan “dua" lalu “tiga”.\n', False),
])
def test_a_straight_quote_closing_a_curly_one_is_not_counted_as_odd(lint, text, odd):
    messages = [f.message for f in _unbalanced(lint, text)]
    assert any("odd number" in m for m in messages) == odd


# --- A rule's findings in one paragraph are limited; the rest are counted


def test_a_paragraph_of_one_fault_repeated_is_reported_up_to_the_limit(lint):
    text = "“ " * 1_000 + "x\n"  # 1,000 spaces after an opening quote
    found = lint(text, select=("typography/space-inside-quotes",))
    listed, counted = found[:-1], found[-1]
    assert len(listed) == PARAGRAPH_LIMIT
    assert counted.message.startswith(f"{1_000 - PARAGRAPH_LIMIT:,} more findings")
    assert counted.start == listed[-1].start + 2 and counted.severity == listed[0].severity
    assert_exact_spans(text, found)


def test_a_bilingual_rule_is_held_to_the_same_limit_by_the_same_loop(ctx, tmp_path):
    from termbase.check.engine import Selection, check_bilingual_file

    from .test_bilingual import xliff

    path = tmp_path / "t.xlf"
    path.write_text(xliff([("Harga naik.", "“ " * 1_000 + "x")]), encoding="utf-8")
    found = check_bilingual_file(str(path), ctx, Selection(select=("bilingual/typography",)))
    listed, counted = found.findings[:-1], found.findings[-1]
    assert len(listed) == PARAGRAPH_LIMIT
    assert counted.message.startswith(f"{1_000 - PARAGRAPH_LIMIT:,} more findings")


def test_ordinary_paragraphs_are_never_limited(lint):
    text = "“ Satu ” " * 40 + "\n" + "“ Dua ” " * 40 + "\n"
    found = lint(text, select=("typography/space-inside-quotes",))
    assert len(found) == 160 and not any("more findings" in f.message for f in found)


def test_a_long_paragraph_is_allowed_one_finding_per_hundred_characters(lint):
    text = "“ " * 20_000 + "x\n"  # 40,001 characters
    found = lint(text, select=("typography/space-inside-quotes",))
    assert len(found) == 40_000 // CHARACTERS_PER_FINDING + 1


# --- Tokens and sentences: runs of one shape cost their length, not its square
# (each of these took minutes at 100,000 characters; now they take milliseconds)

RUN = 50_000


@pytest.mark.parametrize("unit", ["a_", "a.", "a+", ".", "a'", "a-", "!?"])
def test_a_long_run_of_one_shape_is_split_into_tokens_covering_it(unit):
    text = unit * (RUN // len(unit))
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert not any(t.kind in (Kind.EMAIL, Kind.URL) for t in tokens)


def test_a_url_followed_by_a_long_run_of_dots_stays_a_url():
    text = "lihat www.contoh.id" + "." * RUN + " sekarang"
    urls = [t.text for t in tokenize(text) if t.kind is Kind.URL]
    assert len(urls) == 1 and urls[0].startswith("www.contoh.id")
    # A URL ends before the punctuation closing its sentence.
    assert [t.text for t in tokenize("Baca www.contoh.id/berita?!) lalu")
            if t.kind is Kind.URL] == ["www.contoh.id/berita"]


def test_addresses_and_domains_within_the_bounds_are_still_recognised():
    tokens = tokenize("surel redaksi.kota@contoh.co.id, situs Warta.Kota.co.id hari ini")
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["redaksi.kota@contoh.co.id"] is Kind.EMAIL
    assert kinds["Warta.Kota.co.id"] is Kind.URL
    overlong = "x" * 65 + "@contoh.id"
    assert Kind.EMAIL not in {t.kind for t in tokenize(overlong)}


def test_a_long_run_of_full_stops_makes_one_sentence_break():
    text = "Ia pergi" + "." * RUN + " Kami tinggal."
    spans = sentence_spans(text, 0, len(text))
    assert [text[s:e][:8] for s, e in spans] == ["Ia pergi", "Kami tin"]


# --- Glued marks: whether one is inside an address is found by bisection


def test_a_glued_bracket_is_reported_unless_inside_an_address(lint):
    text = ("Rapat digelar Selasa(15/11) dan dimuat di www.contoh.id/berita(1) "
            "serta https://contoh.id/a(b) hari itu.\n") * 2_000
    glued = [f for f in lint(text, select=("typography/missing-space",))]
    assert len(glued) == 2_000  # one per line: Selasa(, not the two addresses
    assert {f.text for f in glued} == {"("}
    assert all(text[f.start - 6 : f.start] == "Selasa" for f in glued)


# Patterns that read the rest of the text again from every place a match might start:
# each is given a shape that took seconds per 50 KB before, and must still find what it
# exists to find.
HOSTILE = 50_000


def test_markdown_comments_are_found_and_unclosed_openers_are_cheap():
    from termbase.check.markdown import code_regions

    text = "teks <!-- catatan --> lagi " + "<!--" * (HOSTILE // 4)
    regions = code_regions(text)
    assert (5, 21) in regions and text[5:21] == "<!-- catatan -->"
    assert len(regions) == 1


def test_markdown_inline_scan_finds_its_spans_among_unclosed_ones():
    from termbase.check.markdown import code_regions

    # Backtick runs of every length, none closed; `](` nested past the allowed depth;
    # autolink openers never closed: each opener must not read the rest of the line.
    ticks = "".join("`" * length + " a " for length in range(1, 300))
    for tail in (ticks, "](a" * (HOSTILE // 3), "<a:" * (HOSTILE // 3),
                 "<a@b" * (HOSTILE // 4), '](a "' * (HOSTILE // 5)):
        text = "teks `kode` dan [x](y) lagi " + tail
        regions = code_regions(text)
        assert regions[:2] == [(5, 11), (18, 22)]
        assert len(regions) == 2


def test_markdown_blocks_of_many_fences_and_list_levels_are_found():
    from termbase.check.markdown import code_regions

    fences = "```\nkode\n```\n\nteks\n\n" * (HOSTILE // 22)
    assert len(code_regions(fences)) == HOSTILE // 22
    nested = "".join(" " * (2 * level) + "- butir\n" for level in range(HOSTILE // 200))
    assert code_regions(nested) == []


def test_termbase_switches_are_found_among_unclosed_ones():
    from termbase.check.markdown import suppressed_regions

    text = ("<!-- termbase off: spelling -->x<!-- termbase on -->"
            + "<!-- termbase off: a" * (HOSTILE // 20))
    assert suppressed_regions(text) == [(31, 32, frozenset({"spelling"}))]


def test_a_name_and_comma_before_a_degree_is_read_at_the_end_of_a_long_text():
    from termbase.check.punctuation import _after_name_or_degree

    assert _after_name_or_degree("a" * HOSTILE + " Dadang Hariono, ")
    assert _after_name_or_degree("a" * HOSTILE + " Hariono, SE, ")
    assert not _after_name_or_degree("a" * HOSTILE)


def test_addresses_in_a_bilingual_segment_are_found_and_long_words_are_cheap():
    from termbase.check.bilingual import _NOT_CHECKED

    text = "a" * HOSTILE + " tulis ke ani.b@kantor.id atau www.kantor.id/x"
    assert [m.group() for m in _NOT_CHECKED.finditer(text)] == [
        "ani.b@kantor.id", "www.kantor.id/x"]


def test_line_breaks_inside_a_sentence_become_one_space_after_long_blank_runs():
    from termbase.exchange.export import _LINE_BREAK

    assert _LINE_BREAK.sub(" ", "Satu  \n  dua") == "Satu dua"
    assert _LINE_BREAK.sub(" ", " " * HOSTILE + "x") == " " * HOSTILE + "x"
