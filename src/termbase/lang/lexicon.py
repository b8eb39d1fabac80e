"""Every word form a Hunspell dictionary accepts, as an in-memory set.

Suggesting corrections means asking "is this string a word?" of hundreds of edits of
each unknown word. Hunspell answers one such question in a few microseconds and its own
suggest takes ~20 ms a word; a Python set answers in well under one. So the dictionary's
stems are expanded here once through its affix rules (prefixes, suffixes, a second
suffix from a continuation class, circumfixes) into the forms it accepts, joined by the
Indonesian words of wordfreq, and the result is cached on disk keyed by the dictionary's
and wordfreq's content (the same cache folder as the parsed glossaries).

The expansion follows the subset of the affix format the id_ID dictionary uses (FLAG
long, CIRCUMFIX, NEEDAFFIX, PFX/SFX with strip, append, continuation flags and
condition). It need not be exact: a form it misses only costs a suggestion, and every
suggestion is still confirmed by Hunspell before it is shown.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from termbase.errors import InputError
from termbase.glossary.cache import cache_folder
from termbase.lang.frequencies import frequency_table
from termbase.textio import atomic_write_bytes

LEXICON_FORMAT = 2


@dataclass(frozen=True)
class Affix:
    strip: str
    append: str
    flags: frozenset[str]
    condition: re.Pattern[str]
    cross: bool


@dataclass
class AffixRules:
    prefixes: dict[str, list[Affix]]
    suffixes: dict[str, list[Affix]]
    long_flags: bool = False
    circumfix: str | None = None
    need_affix: str | None = None
    encoding: str = "utf-8"

    def split_flags(self, text: str) -> frozenset[str]:
        if self.long_flags:
            return frozenset(text[i:i + 2] for i in range(0, len(text) - 1, 2))
        return frozenset(text)


def _condition(text: str, prefix: bool) -> re.Pattern[str]:
    """Hunspell's condition (a sequence of letters, [classes] and '.') as an anchored
    regex; '^' inside a negated class is read as the id_ID file means it (not l, not r
    in [^l^r])."""
    if text == ".":
        return re.compile("")
    parts = []
    for group in re.findall(r"\[[^\]]*\]|.", text):
        if group.startswith("[^"):
            letters = group[2:-1].replace("^", "")
            parts.append(f"[^{re.escape(letters)}]")
        elif group.startswith("["):
            parts.append(f"[{re.escape(group[1:-1])}]")
        elif group == ".":
            parts.append(".")
        else:
            parts.append(re.escape(group))
    body = "".join(parts)
    return re.compile("^" + body if prefix else body + "$")


def read_affixes(path: str | Path) -> AffixRules:
    raw = Path(path).read_bytes()
    encoding = "utf-8"
    for raw_line in raw.splitlines():
        if raw_line.startswith(b"SET "):
            encoding = raw_line.split()[1].decode("ascii", "replace")
            break
    rules = AffixRules({}, {}, encoding=encoding)
    headers: dict[tuple[str, str], bool] = {}
    for line in raw.decode(encoding, errors="replace").splitlines():
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        key = fields[0]
        if key == "FLAG" and len(fields) > 1:
            rules.long_flags = fields[1] == "long"
        elif key == "CIRCUMFIX" and len(fields) > 1:
            rules.circumfix = fields[1]
        elif key == "NEEDAFFIX" and len(fields) > 1:
            rules.need_affix = fields[1]
        elif key in ("PFX", "SFX") and len(fields) >= 4:
            flag = fields[1]
            if (key, flag) not in headers:
                headers[(key, flag)] = fields[2] == "Y"
                continue
            strip = "" if fields[2] == "0" else fields[2]
            append, _, cont = fields[3].partition("/")
            append = "" if append == "0" else append
            condition = fields[4] if len(fields) > 4 else "."
            affix = Affix(strip, append, rules.split_flags(cont),
                          _condition(condition, key == "PFX"), headers[(key, flag)])
            table = rules.prefixes if key == "PFX" else rules.suffixes
            table.setdefault(flag, []).append(affix)
    return rules


def _add_suffix(word: str, affix: Affix) -> str | None:
    if not affix.condition.search(word) or not word.endswith(affix.strip):
        return None
    return word[: len(word) - len(affix.strip)] + affix.append


def _add_prefix(word: str, affix: Affix) -> str | None:
    if not affix.condition.search(word) or not word.startswith(affix.strip):
        return None
    return affix.append + word[len(affix.strip):]


def expand(stem: str, flags: frozenset[str], rules: AffixRules) -> set[str]:
    """The forms of one stem: itself, prefix, suffix (+ a second suffix), prefix and
    suffix together; circumfix affixes only in pairs."""
    circ, need = rules.circumfix, rules.need_affix
    forms: set[str] = set()
    if need not in flags:
        forms.add(stem)
    for flag in flags:
        for prefix in rules.prefixes.get(flag, ()):
            word = _add_prefix(stem, prefix)
            if word and circ not in prefix.flags and need not in prefix.flags:
                forms.add(word)
    for flag in flags:
        for suffix in rules.suffixes.get(flag, ()):
            word = _add_suffix(stem, suffix)
            if not word:
                continue
            suffixed = [(word, suffix.flags)]
            for second_flag in suffix.flags:
                for second in rules.suffixes.get(second_flag, ()):
                    twice = _add_suffix(word, second)
                    if twice:
                        suffixed.append((twice, suffix.flags | second.flags))
            circumfixed = circ in suffix.flags
            for form, carried in suffixed:
                if not circumfixed and need not in suffix.flags:
                    forms.add(form)
                if not suffix.cross:
                    continue
                for prefix_flag in flags | carried:
                    for prefix in rules.prefixes.get(prefix_flag, ()):
                        if not prefix.cross or (circ in prefix.flags) != circumfixed:
                            continue
                        both = _add_prefix(form, prefix)
                        if both:
                            forms.add(both)
    return forms


def dictionary_forms(dic_path: str | Path, aff_path: str | Path) -> set[str]:
    rules = read_affixes(aff_path)
    forms: set[str] = set()
    lines = Path(dic_path).read_bytes().decode(rules.encoding, errors="replace").splitlines()
    for line in lines[1:]:
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        stem, _, flag_text = entry.partition("/")
        flag_text = flag_text.split()[0] if flag_text.split() else ""
        forms |= expand(stem.split("\t")[0], rules.split_flags(flag_text), rules)
    return forms


def _wordfreq_words() -> set[str]:
    # Only words: wordfreq also lists numbers (0,5) that no edit should turn into.
    return {word for word in frequency_table("id")
            if word.replace("-", "").replace("'", "").isalpha()}


def _wordfreq_signature() -> str:
    try:
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:  # noqa: BLE001 - any failure only means a fresh build
        return "unknown"


@cache
def known_words(dic_path: str) -> frozenset[str]:
    """The dictionary's forms and wordfreq's Indonesian words, from the disk cache
    when this dictionary was expanded before."""
    dic = Path(dic_path)
    aff = dic.with_suffix(".aff")
    digest = hashlib.sha256(dic.read_bytes())
    digest.update(aff.read_bytes())
    digest.update(f"{LEXICON_FORMAT}/{_wordfreq_signature()}".encode())
    entry = cache_folder() / f"lexicon-{digest.hexdigest()}.txt"
    try:
        # One word a line: splitting a string builds the set several times faster
        # than unpickling one (0.07 s against 0.3 s or more for 330,000 words).
        return frozenset(entry.read_bytes().decode("utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):
        pass
    words = frozenset(dictionary_forms(dic, aff) | _wordfreq_words())
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, "\n".join(sorted(words)).encode("utf-8"))
    except (OSError, InputError):  # atomic_write reports the OS refusing as InputError
        pass  # an unwritable cache only costs the next run the expansion
    return words
