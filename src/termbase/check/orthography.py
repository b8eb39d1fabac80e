"""Orthography: the mechanical EYD V rules whose violations are unambiguous in news."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from termbase.check.rules import Rule, match_case, rule
from termbase.data import pair_table, word_list, word_set
from termbase.lang.affixes import menge_form
from termbase.lang.english import english_speller
from termbase.lang.morphology import bound_forms, nasal_forms
from termbase.lang.speller import zipf
from termbase.lang.tokens import Kind, Token, word_parts
from termbase.model import Edit, Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document
    from termbase.lang.speller import Speller

_HORIZONTAL = {" ", "\u00a0", "\t"}
_APART_CLITICS = ("nya", "lah", "kah", "tah")


def _pairs(doc: Document) -> list[tuple[Token, Token, Token]]:
    """(word, gap, next word) triples within sentences, the gap being plain spaces."""
    return doc.word_pairs


def _replace(name: str, message: str, doc: Document, start: int, end: int, replacement: str,
             severity: Severity = Severity.ERROR) -> Finding:
    return Finding(name, severity, message, start, end, doc.text[start:end], [replacement],
                   Edit(start, end, replacement))


def _is_english(text: str, ctx: CheckContext) -> bool:
    """An English word the Indonesian dictionary does not have (years, trillion)."""
    return not ctx.speller.in_dictionary(text) and english_speller().knows(text)


def _is_lower_word(text: str) -> bool:
    return text[:1].islower() and not any(ch.isdigit() for ch in text)


@rule("orthography/bound-form-apart", Severity.ERROR,
      "A bound form (antar, pasca, non, multi...) written apart from the next word.",
      "kerja sama antar pemerintah", "kerja sama antarpemerintah",
      fixable=True)
def bound_form_apart(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    forms = bound_forms()
    function_words = word_set("function_words")
    openers = doc.sentence_openers
    for first, _gap, second in _pairs(doc):
        form = first.text.lower()
        if form not in forms or second.text.lower() in function_words:
            continue
        if first.text[:1].isupper() and first.start not in openers:
            continue  # Adi Bayauw, Xiaomi 14 Ultra: a capital inside a sentence is a name
        ambiguous = forms[form]
        if _is_lower_word(second.text):
            joined = first.text + second.text
            if ambiguous and not ctx.speller.in_dictionary(joined.lower()):
                continue
            if not ctx.speller.is_correct(second.text) or _is_english(second.text, ctx):
                continue  # multi years: an English word, not a word to join
        elif not ambiguous and second.text[:1].isupper():
            joined = f"{first.text}-{second.text}"
        else:
            continue
        yield _replace("orthography/bound-form-apart",
                       _bound_form_message(joined, form),
                       doc, first.start, second.end, joined)


def _bound_form_message(joined: str, form: str) -> str:
    how = "joined with a hyphen" if "-" in joined else "as one word"
    return f"write {joined} {how}: {form}- is a bound form"


@rule("orthography/bound-form-hyphen", Severity.ERROR,
      "A bound form joined with a hyphen to a lower-case word.",
      "produk non-halal", "produk nonhalal",
      fixable=True)
def bound_form_hyphen(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    forms = bound_forms()
    for token in doc.tokens():
        if token.kind is not Kind.WORD or "-" not in token.text:
            continue
        parts = word_parts(token.text)
        if len(parts) != 2 or parts[0].lower() not in forms or forms[parts[0].lower()]:
            continue
        if not _is_lower_word(parts[1]) or not ctx.speller.is_correct(parts[1]):
            continue
        joined = parts[0] + parts[1]
        yield _replace("orthography/bound-form-hyphen",
                       f"write {joined} without the hyphen: {parts[0].lower()}- takes one only "
                       "before a capital",
                       doc, token.start, token.end, joined)


def _is_glued_exception(lower: str) -> bool:
    """keluar is a word of its own, and so is keluarnya: a clitic does not make the
    word a preposition and a place."""
    exceptions = word_set("glued_exceptions")
    return lower in exceptions or any(
        lower.endswith(clitic) and lower[: -len(clitic)] in exceptions
        for clitic in word_list("clitics"))


def _glued_preposition(token: Token, speller: Speller) -> str | None:
    """'di sektor' for 'disektor', or None when the word is not a glued preposition."""
    lower = token.text.lower()
    if lower[:2] not in ("di", "ke") or len(lower) < 5 or _is_glued_exception(lower):
        return None
    rest = token.text[2:]
    rest_lower = rest.lower()
    places = word_set("place_time_words")
    heads = {rest_lower, word_parts(rest_lower)[0]}
    heads.update(rest_lower[: -len(c)] for c in ("nya",) if rest_lower.endswith(c))
    # Only words of place, direction and time: many other nouns also make passive
    # verbs with di- (divaksin, divonis), which no word list can tell apart.
    if heads & places or (lower[:2] == "di" and _never_a_passive(heads, lower, speller)):
        return token.text[:2] + " " + rest
    return None


def _never_a_passive(heads: set[str], word: str, speller: Speller) -> bool:
    """di + a word no verb is made of: a quantity word (disetiap, diberbagai) or a noun
    in -an on a root (diurutan, dilingkungan: di- makes no verb with -an alone, only
    with -kan). Hunspell's own stem tells a root that ends in -an (ditahan, dilawan:
    passives of tahan, lawan)."""
    stems = speller.dictionary_stems(word) if speller.in_dictionary(word) else ()
    if heads & set(stems):
        return False  # dipukul, ditahan: a passive of the whole rest
    if heads & word_set("closed_class_words"):
        return not stems  # a quantity word Hunspell does not join (disetiap)
    return any(head.endswith("an") and not head.endswith("kan")
               and len(head) - 2 >= MIN_AN_ROOT and speller.in_dictionary(head)
               and speller.in_dictionary(head[:-2]) for head in heads)


MIN_AN_ROOT = 3  # urut + -an; a shorter "root" is a syllable of another word


def _glued_phrases() -> dict[tuple[str, ...], str]:
    return pair_table("glued_phrases")


def _phrase_fix(phrases: dict[tuple[str, ...], str], first: str, second: str) -> str | None:
    """The right pair for a listed wrong pair, the second word also with -nya
    ("keruangan kerjanya" -> "ke ruangan kerjanya")."""
    right = phrases.get((first, second))
    if right is None and second.endswith("nya"):
        right = phrases.get((first, second[:-3]))
        if right is not None:
            right += "nya"
    return right


@rule("orthography/preposition-attached", Severity.ERROR,
      "The preposition di or ke written joined to a place, direction or time word.",
      "Diantara kota-kota itu", "Di antara kota-kota itu",
      fixable=True)
def preposition_attached(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    phrases = _glued_phrases()
    openers = {first for first, _second in phrases}
    in_phrases = set()
    for first, _gap, second in _pairs(doc):
        if first.text.lower() not in openers:
            continue
        right = _phrase_fix(phrases, first.text.lower(), second.text.lower())
        if right:
            in_phrases.add(first.start)
            fixed = match_case(first.text, right)
            yield _replace("orthography/preposition-attached",
                           f"write {fixed}: the preposition stands apart here",
                           doc, first.start, second.end, fixed)
    verdicts: dict[str, str | None] = {}  # once per spelling: articles repeat words
    for token in doc.tokens():
        if token.kind is not Kind.WORD or token.text.lower()[:2] not in ("di", "ke") or (
                token.start in in_phrases):
            continue
        if token.text not in verdicts:
            verdicts[token.text] = _glued_preposition(token, ctx.speller)
        apart = verdicts[token.text]
        if apart:
            yield _replace("orthography/preposition-attached",
                           f"write {apart}: the preposition {token.text[:2].lower()} stands apart",
                           doc, token.start, token.end, apart)


VERB_SUFFIXES = ("kan", "i")
MIN_SUFFIXED_ROOT = 4  # awal + -i; bumi is no bum + -i


def _is_passive_verb(verb: str, speller: Speller) -> bool:
    """di+verb is a passive: Hunspell knows it and a meN- form of the same stem, or the
    root has one syllable and Hunspell knows its menge- form (mengesahkan, mengebom,
    mengecek: dibom and dicek are missing from the dictionary)."""
    lower = verb.lower()
    menge = menge_form(lower)
    if menge is not None:
        if lower in word_set("monosyllabic_places"):
            return False
        if speller.in_dictionary(menge):
            return True
    # A verb suffix is evidence enough when Hunspell lacks the di- form itself
    # (di awali: mengawali); a bare noun is not (di laut: melaut is another verb).
    verbal = speller.in_dictionary("di" + lower) or _has_verb_suffix(lower, speller)
    return verbal and any(speller.in_dictionary(form) for form in nasal_forms(lower))


def _has_verb_suffix(lower: str, speller: Speller) -> bool:
    """A known root + -kan or -i (awali); operasi is no operas + -i."""
    return any(lower.endswith(suffix) and len(lower) - len(suffix) >= MIN_SUFFIXED_ROOT
               and speller.in_dictionary(lower[: -len(suffix)]) for suffix in VERB_SUFFIXES)


@rule("orthography/prefix-apart", Severity.ERROR,
      "The verb prefix di- written apart from its verb.",
      "Dokumen itu di tandatangani di Beijing", "Dokumen itu ditandatangani di Beijing",
      fixable=True)
def prefix_apart(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    places = word_set("place_time_words")
    speller = ctx.speller
    for first, _gap, second in _pairs(doc):
        if first.text not in ("di", "Di") or not _is_lower_word(second.text):
            continue
        verb = second.text
        if verb in places or word_parts(verb)[0] in places or not verb.isalpha():
            continue
        # A passive verb never ends in -an unless in -kan: "di bagian" is a preposition.
        if verb.endswith("an") and not verb.endswith("kan"):
            continue
        joined = first.text + verb
        if not _is_passive_verb(verb, speller):
            continue
        message = f"write {joined} as one word: the prefix di- is joined to the verb"
        if _reads_as_noun(verb, speller):
            # "minyak murah di operasi pasar", "masuk di program": a preposition before a
            # noun as often as a passive; the editor decides, nothing is fixed.
            yield Finding("orthography/prefix-apart", Severity.INFO,
                          f"write {joined} as one word if it is a verb (the prefix di-); "
                          "keep di apart if it is the preposition before a noun",
                          first.start, second.end, doc.text[first.start:second.end], [joined])
            continue
        yield _replace("orthography/prefix-apart", message, doc, first.start, second.end, joined)


# A bare root the web writes this much more often than its di- passive is read as a noun
# first (operasi, program: Zipf about 1.8 and 2 above dioperasi, diprogram; bahas and
# tangkap are verbs, below their passives or barely above).
NOUN_READING_MARGIN = 1.5


def _reads_as_noun(verb: str, speller: Speller) -> bool:
    lower = verb.lower()
    # One-syllable roots with a menge- verb (bom, cek) are judged by that verb above.
    return (menge_form(lower) is None and not _has_verb_suffix(lower, speller)
            and zipf(lower) - zipf("di" + lower) >= NOUN_READING_MARGIN)


@rule("orthography/pun", Severity.ERROR,
      "pun written joined where it stands apart, or apart where it is joined.",
      "apapun yang terjadi; walau pun begitu", "apa pun yang terjadi; walaupun begitu",
      fixable=True)
def pun(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    joined_words = {entry.split()[0]: "apart-ok" in entry for entry in word_list("pun_joined")}
    speller = ctx.speller
    for token in doc.tokens():
        lower = token.text.lower()
        if token.kind is not Kind.WORD or not lower.endswith("pun") or lower in joined_words:
            continue
        stem = token.text[:-3]
        if len(stem) < 3 or not stem.isalpha() or speller.in_dictionary(lower):
            continue
        if speller.in_dictionary(stem.lower()):
            apart = f"{stem} pun"
            yield _replace("orthography/pun", f"write {apart}: pun stands apart here",
                           doc, token.start, token.end, apart)
    for first, _gap, second in _pairs(doc):
        if second.text != "pun":
            continue
        joined = first.text.lower() + "pun"
        if joined in joined_words and not joined_words[joined]:
            yield _replace("orthography/pun", f"write {joined} as one word",
                           doc, first.start, second.end, match_case(first.text, joined))


@rule("orthography/clitic-apart", Severity.ERROR,
      "An enclitic (-nya, -lah, -kah) written apart from its word.",
      "buku nya hilang", "bukunya hilang",
      fixable=True)
def clitic_apart(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for first, _gap, second in _pairs(doc):
        if second.text not in _APART_CLITICS:
            continue
        if not first.text.isupper():
            joined = first.text + second.text
        elif len(first.text) > 1 and first.text.isalpha():
            joined = f"{first.text}-{second.text}"  # EYD V: an acronym takes a hyphen (KTP-nya)
        else:
            continue
        yield _replace("orthography/clitic-apart",
                       f"write {joined}: -{second.text} is joined to its word", doc,
                       first.start, second.end, joined)


def _number_words() -> frozenset[str]:
    """The Indonesian words for 1-9, 10, 11 and 100 (satu, enam, sepuluh, seratus)."""
    return frozenset(value for key, value in (e.split(maxsplit=1) for e in word_list("numerals"))
                     if key.isdigit())


def _ordinal_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Words before "ke" and words after the number that make it an ordinal."""
    entries = [entry.split() for entry in word_list("ordinal_cues")]
    return (frozenset(word for word, where in entries if where == "before"),
            frozenset(word for word, where in entries if where == "after"))


def _word_around(tokens: list[Token], index: int, step: int,
                 kinds: tuple[Kind, ...] = (Kind.WORD,)) -> Token | None:
    """The word (or other token of the kinds) one space away from tokens[index] in the
    direction of step (-1, +1)."""
    gap, word = index + step, index + 2 * step
    if not 0 <= word < len(tokens):
        return None
    if tokens[gap].kind is not Kind.SPACE or not set(tokens[gap].text) <= _HORIZONTAL:
        return None
    return tokens[word] if tokens[word].kind in kinds else None


def _ends_clause(tokens: list[Token], index: int, before: Token | None,
                 numbers: frozenset[str]) -> bool:
    """The number word at index ends a clause ("... (PPU) ke delapan."): the preposition
    ke needs a noun after the number; "dari dua ke tiga." is a range."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.kind is not Kind.PUNCT or following.text not in ".,;":
        return False
    return tokens[index].kind is Kind.WORD and not (
        before is not None and before.text.lower() in numbers)


@rule("orthography/ordinal-apart", Severity.ERROR,
      "The ordinal ke- written apart from a number word (ke enam -> keenam).",
      "untuk ke enam paket tersebut", "untuk keenam paket tersebut",
      fixable=True)
def ordinal_apart(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    numbers = _number_words()
    cues_before, cues_after = _ordinal_cues()
    for sentence in doc.sentences():
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            if token.kind is not Kind.WORD or token.text.lower() != "ke":
                continue
            number = _word_around(tokens, index, 1, kinds=(Kind.WORD, Kind.NUMBER))
            if number is None:
                continue
            digits = number.kind is Kind.NUMBER and number.text.isdigit()
            if not digits and number.text.lower() not in numbers:
                continue
            # "dikirim ke tiga desa": ke is also the preposition before a number. Only
            # a cue tells the ordinal: "yang ke", "untuk ke", "hari ke", "ke tiga kalinya".
            before = _word_around(tokens, index, -1)
            after = _word_around(tokens, index + 2, 1)
            if not ((before and before.text.lower() in cues_before)
                    or (after and after.text.lower() in cues_after)
                    or _ends_clause(tokens, index + 2, before, numbers)):
                continue
            # ke + a number word is one word (keenam); ke + digits takes a hyphen (ke-63).
            joined = token.text + ("-" if digits else "") + number.text.lower()
            yield _replace("orthography/ordinal-apart",
                           f"write {joined}: ke- is joined to the number",
                           doc, token.start, number.end, joined)


@rule("orthography/per-attached", Severity.ERROR,
      "per ('each') written joined to a unit (perliter -> per liter).",
      "Rp13.900 perliter", "Rp13.900 per liter",
      fixable=True)
def per_attached(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    units = word_set("per_units")
    for token in doc.tokens():
        lower = token.text.lower()
        if token.kind is not Kind.WORD or not lower.startswith("per"):
            continue
        if lower[3:] not in units or not token.text[3:].islower():
            continue
        if ctx.speller.in_dictionary(lower):
            continue  # a word of its own
        apart = f"{token.text[:3]} {token.text[3:]}"
        yield _replace("orthography/per-attached",
                       f"write {apart}: per stands apart before a unit",
                       doc, token.start, token.end, apart)


# Roman numerals up to 39 (I, V, X): L and C also open brands and acronyms (XL, CV, MI).
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
# "ke-XIV": EYD V writes the hyphen of ke- before digits only.
_KE_ROMAN = re.compile(r"(?<![\w-])([Kk]e)(-| )([IVX]+)(?![\w-])")


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for ch, after in zip(numeral, numeral[1:] + " ", strict=True):
        value = values[ch]
        total += -value if values.get(after, 0) > value else value
    return total


@rule("orthography/ordinal-roman", Severity.ERROR,
      "ke- written before a Roman numeral (Porprov ke-XIV): EYD V writes XIV or ke-14.",
      "Porprov ke-XIV di Kendari", "Porprov XIV di Kendari",
      fixable=True)
def ordinal_roman(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for paragraph in doc.paragraphs:
        for match in _KE_ROMAN.finditer(doc.text, paragraph.start, paragraph.end):
            ke, joint, numeral = match.groups()
            if not _ROMAN.fullmatch(numeral):
                continue
            if joint == " " and (len(numeral) < 2 or not _after_a_name(doc, match.start())):
                continue  # "ke X" (the platform); "pindah ke II" is unclear
            digits = f"{ke}-{_roman_value(numeral)}"
            yield Finding("orthography/ordinal-roman", Severity.ERROR,
                          f"write {numeral} or {digits}: a Roman numeral takes no ke-",
                          match.start(), match.end(), match.group(), [numeral, digits],
                          Edit(match.start(), match.end(), numeral))


def _after_a_name(doc: Document, start: int) -> bool:
    """A capitalised word or a closing bracket before "ke VII": an event's name
    (Porprov ke VII, Pekan Olahraga Provinsi (Porprov) ke VII)."""
    before = doc.text[max(0, start - 40) : start]
    return re.search(r"(?:[A-Z][\w]*|\))\s$", before) is not None


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    bound_form_apart,
    bound_form_hyphen,
    preposition_attached,
    prefix_apart,
    pun,
    clitic_apart,
    ordinal_apart,
    per_attached,
    ordinal_roman,
)
