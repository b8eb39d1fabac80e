"""Fuzzing `termbase check` (issue #9): whatever the text, plain or Markdown, the command
exits 0, 1 or 2 without a traceback, prints valid JSON, and every finding's line,
column and end point at exactly its `text` in the input.

Derandomized (the same examples every run) and bounded to a few seconds."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Presiden", "mengatakan", "di", "rumah", "dirumah", "kota-kota", "DPR", "ASEAN",
         "sebagaimana", "Jakarta", "pasca", "panen", "nya", "Rp", "2024", "ke-20", "bahwa"]
MARKS = ["“", "”", '"', "'", "’", "(", ")", "[", "]", "«", "»", ".", ",", "!", "?", "…",
         "-", "–", "—", ":", ";", "/", "@", "#", "*", "_", "`"]
MARKDOWN = ["<!--", "-->", "<!-- termbase off -->", "<!-- termbase on -->",
            "<!-- termbase off: spelling -->", "[x](y)", "](", "`", "```", "\n```\n", "# ",
            "> ", "- ", "![a](b.png)", "https://contoh.id/a", "www.contoh.id.", "a@b.id"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "\u2028"]
# Letters that compose, scripts written right to left, controls other than NUL, and
# letters that change length when their case changes (ß, ŉ, ǅ, ﬁ).
STRANGE = ["\u0301", "e\u0301", "\u0308", "\u05d0\u05d1", "\u0627\u0644", "\u200f", "\u202e",
           "\u200b", "\ufeff", "\x01", "\x1b", "\x7f", "ß", "ŉ", "ǅ", "ﬁ", "İ", "的", "😀",
           "\U0001f1ee\U0001f1e9", "é", "ü"]

piece = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(MARKDOWN),
    st.sampled_from(SPACES), st.sampled_from(STRANGE),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=8),
    # Very long words and runs: the speller and the patterns must stay linear.
    st.builds(lambda unit, times: unit * times,
              st.sampled_from(["a", "ab", "Aa", "a.", "a_", "“ ", "((", "di", "x-"]),
              st.integers(1, 400)),
)
texts = st.lists(piece, min_size=1, max_size=40).map("".join)


def _offset(line_starts: list[int], line: int, column: int) -> int:
    return line_starts[line - 1] + column - 1


def assert_report_is_sound(text: str, result) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        return  # an input error (an empty file), said on stderr
    report = json.loads(result.stdout)
    text = text.removeprefix("\ufeff")  # a byte order mark is no character of the text
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for finding in report["findings"]:
        start = _offset(line_starts, finding["line"], finding["column"])
        end = _offset(line_starts, finding["end_line"], finding["end_column"])
        assert text[start:end] == finding["text"], finding
    assert report["summary"]["findings"] == len(report["findings"])


@pytest.fixture
def one_context(ctx, monkeypatch):
    """The session's dictionary and glossaries for every run: loading them anew for
    each example costs time, and memory the Hunspell binding does not give back."""
    monkeypatch.setattr("termbase.check.context.build_context", lambda *a, **k: ctx)


@given(text=texts, markdown=st.booleans())
@settings(derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_check_survives_any_text_with_exact_spans(invoke, one_context, tmp_path, text,
                                                  markdown):
    path = tmp_path / ("article.md" if markdown else "article.txt")
    path.write_bytes(text.encode("utf-8"))
    result = invoke("check", "--format", "json", str(path))
    assert_report_is_sound(text, result)


def test_the_fuzzed_shapes_include_findings_to_check(invoke, tmp_path):
    # The span assertion above must have findings to judge: an ordinary faulty line has.
    text = "Ia tinggal dirumah “ sejak 2024 ( ."
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = invoke("check", "--format", "json", str(path))
    assert result.exit_code == 1 and json.loads(result.stdout)["findings"]
    assert_report_is_sound(text, result)
