"""The align gold sets (benchmarks/align-gold/, and align-gold-free/ of free
translations) are consistent with their own articles.

Every gold bead's sentences are the articles' sentences, in order, each used once, as the
segmenter splits them; the aligner's score on the set is benchmarks/bench_align.py's
business, not a test's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termbase.lang.segment import segment

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
GOLD = BENCHMARKS / "align-gold"
SETS = [GOLD, BENCHMARKS / "align-gold-free"]
MIN_ARTICLES = 20
MIN_SENTENCE_PAIRS = 500  # beads with sentences on both sides
BEAD_SHAPES = {(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)}


def sentences(text: str, language: str) -> list[str]:
    """The text's sentences as termbase align segments them, when align is there; the
    Indonesian segmenter it builds on otherwise (the gold texts avoid the English
    abbreviations that are the only difference)."""
    try:
        from termbase.align import sentences_of
    except ImportError:
        return [" ".join(s.text.split()) for p in segment(text) for s in p.sentences]
    return [s for paragraph in sentences_of(text, language) for s in paragraph]


def names(folder: Path = GOLD) -> list[str]:
    return sorted(path.name.removesuffix(".gold.tsv") for path in folder.glob("*.gold.tsv"))


def gold_beads(name: str, folder: Path = GOLD) -> list[tuple[str, str]]:
    beads = []
    for line in (folder / f"{name}.gold.tsv").read_text(encoding="utf-8").splitlines():
        source, target = line.split("\t")  # exactly one tab a line
        beads.append((source, target))
    return beads


@pytest.mark.parametrize(("folder", "name"), [(folder, name) for folder in SETS
                                              for name in names(folder)])
def test_gold_beads_cover_the_articles_sentences_in_order(folder: Path, name: str) -> None:
    beads = gold_beads(name, folder)
    shapes = []
    for side, language in ((0, "id"), (1, "en")):
        article = sentences((folder / f"{name}.{language}.txt").read_text(encoding="utf-8"),
                            language)
        position = 0
        for index, bead in enumerate(beads):
            text = bead[side]
            bead_sentences = sentences(text, language) if text else []
            assert bead_sentences == article[position:position + len(bead_sentences)], (
                f"{name}.gold.tsv line {index + 1}, {language} side")
            position += len(bead_sentences)
            if side == 0:
                shapes.append([len(bead_sentences)])
            else:
                shapes[index].append(len(bead_sentences))
        assert position == len(article), f"{name}.{language}.txt has sentences no bead uses"
    for index, shape in enumerate(shapes):
        assert tuple(shape) in BEAD_SHAPES, f"{name}.gold.tsv line {index + 1}: {shape}"


def test_gold_set_is_big_enough() -> None:
    pairs = names()
    assert len(pairs) >= MIN_ARTICLES
    for name in pairs:
        assert (GOLD / f"{name}.id.txt").is_file() and (GOLD / f"{name}.en.txt").is_file()
    both_sides = sum(1 for name in pairs for source, target in gold_beads(name)
                     if source and target)
    assert both_sides >= MIN_SENTENCE_PAIRS


@pytest.mark.parametrize("folder", SETS)
def test_readme_counts_are_the_sets(folder: Path) -> None:
    """The README's table says what the files hold (it is edited by hand)."""
    kinds: dict[str, int] = {}
    for name in names(folder):
        for source, target in gold_beads(name, folder):
            kind = (f"{len(sentences(source, 'id')) if source else 0}-"
                    f"{len(sentences(target, 'en')) if target else 0}")
            kinds[kind] = kinds.get(kind, 0) + 1
    table = {}
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and cells[1].isdigit():
            table[cells[0].split(" (")[0]] = int(cells[1])
    assert table["article pairs"] == len(names(folder))
    assert table["gold beads"] == sum(kinds.values())
    for kind, count in kinds.items():
        assert table[kind] == count, kind
