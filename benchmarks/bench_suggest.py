"""How often the intended word is the first spelling suggestion.

Takes the lower-case words of the repository's own Indonesian texts (examples/ and the
glossary definitions) that the dictionary knows, plants one typing slip in each
(deletion, doubled-letter loss, transposition, neighbouring key, insertion) with a
fixed seed, keeps the slips the checker rejects, and reports suggest@1 and suggest@3
for termbase's ranking beside Hunspell's own order on the same typos, with the
milliseconds each takes per typo (termbase's include loading its word set or asking
Hunspell about edits, whichever it does).

    python benchmarks/bench_suggest.py [--typos 400] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from termbase.formats.tbx import read_tbx
from termbase.lang.speller import Speller

REPO = Path(__file__).resolve().parents[1]
NEIGHBOURS = {"a": "sq", "e": "wr", "i": "uo", "n": "bm", "r": "et", "s": "ad", "t": "ry",
              "k": "jl", "g": "fh", "u": "yi", "m": "n", "p": "o", "l": "k", "d": "sf"}


def corpus_words(speller: Speller) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("examples/*.txt"))]
    for path in sorted(REPO.glob("glossaries/*.tbx")):
        texts.extend(c.definitions.get("id", "") for c in read_tbx(path))
    words = set(re.findall(r"\b[a-z]{6,}\b", "\n".join(texts)))
    return sorted(w for w in words if speller.in_dictionary(w))


def slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["delete", "transpose", "neighbour", "insert"])
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "transpose":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "neighbour" and word[i] in NEIGHBOURS:
        return word[:i] + rng.choice(NEIGHBOURS[word[i]]) + word[i + 1 :]
    return word[:i] + rng.choice("aeiounrst") + word[i:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--typos", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    speller = Speller()
    rng = random.Random(args.seed)
    words = corpus_words(speller)
    pairs = []
    accepted = []  # slips the checker takes for words: misses, or real other words
    for word in rng.sample(words, len(words)):
        typo = slip(word, rng)
        if typo == word:
            continue
        if speller.is_correct(typo):
            accepted.append(typo)
        else:
            pairs.append((typo, word))
        if len(pairs) == args.typos:
            break
    start = time.perf_counter()
    ours = [speller.suggest(typo) for typo, _ in pairs]
    ours_ms = (time.perf_counter() - start) / len(pairs) * 1e3
    start = time.perf_counter()
    raw = [speller.dictionary_suggestions(typo) for typo, _ in pairs]
    raw_ms = (time.perf_counter() - start) / len(pairs) * 1e3

    def rate(lists, k):
        return sum(w in s[:k] for s, (_, w) in zip(lists, pairs, strict=True)) / len(pairs)

    print(f"typos: {len(pairs)} from {len(words)} dictionary words of the repo's texts; "
          f"{len(accepted)} more slips were accepted as words (real words or misses)")
    print(f"{'ranking':<22}{'suggest@1':>10}{'suggest@3':>10}{'ms/word':>10}")
    print(f"{'termbase':<22}{rate(ours, 1):>10.3f}{rate(ours, 3):>10.3f}{ours_ms:>10.2f}")
    print(f"{'hunspell order':<22}{rate(raw, 1):>10.3f}{rate(raw, 3):>10.3f}{raw_ms:>10.2f}")


if __name__ == "__main__":
    main()
