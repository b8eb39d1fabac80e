"""meN- forms with menge- for one-syllable roots (lang/affixes.py)."""

from __future__ import annotations

import pytest

from termbase.lang.affixes import (
    menge_form,
    syllables,
    verb_root,
)


@pytest.mark.parametrize("word, count", [
    ("sah", 1), ("bom", 1), ("bank", 1), ("sana", 2), ("dua", 2), ("kios", 2),
    ("pulau", 2), ("sahkan", 2), ("tandatangani", 5),
])
def test_syllables(word, count):
    assert syllables(word) == count


def test_verb_root_strips_kan():
    assert [verb_root(w) for w in ("sahkan", "cat", "kan")] == ["sah", "cat", "kan"]


@pytest.mark.parametrize("stem, form", [
    ("sahkan", "mengesahkan"), ("bom", "mengebom"), ("cat", "mengecat"), ("cek", "mengecek"),
    ("sana", None), ("rumah", None), ("tandatangani", None),
])
def test_menge_form(stem, form):
    assert menge_form(stem) == form
