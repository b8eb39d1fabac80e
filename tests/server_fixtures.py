"""A desk in a temporary folder for the server tests: a copy of the shipped glossaries
(edits must not touch the repository), a small memory, and one account of each role."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from termbase.accounts import ROLES, open_accounts
from termbase.model import TranslationUnit
from termbase.server.desk import DeskSettings
from termbase.tm.store import open_memory
from termbase.workspace import starter_glossaries

PASSWORD = "kata-sandi-uji-123"
UNITS = [
    ("Kedua negara menandatangani nota kesepahaman di bidang energi.",
     "The two countries signed a memorandum of understanding on energy."),
    ("Proyek Sabuk dan Jalan membiayai pelabuhan baru di Sulawesi.",
     "The Belt and Road project is financing a new port in Sulawesi."),
    ("Menteri itu menghadiri pertemuan bilateral di Jakarta.",
     "The minister attended a bilateral meeting in Jakarta."),
]


@dataclass
class DeskFolder:
    folder: Path
    settings: DeskSettings


def make_desk(folder: Path, public_read: bool = False) -> DeskFolder:
    glossaries = folder / "glossaries"
    glossaries.mkdir(parents=True)
    files = []
    for path in starter_glossaries():
        copy = glossaries / path.name
        shutil.copyfile(path, copy)
        files.append(str(copy))
    memory = open_memory(str(folder / "memory.sqlite"))
    for source, target in UNITS:
        memory.add(TranslationUnit(source, target, "id-ID", "en-US", origin="uji.txt"))
    memory.close()
    accounts = open_accounts(str(folder / "accounts.sqlite"))
    for role in ROLES:
        accounts.add_user(role, PASSWORD, role)
    accounts.close()
    return DeskFolder(folder, DeskSettings(
        glossary_files=sorted(files), memory=str(folder / "memory.sqlite"),
        accounts=str(folder / "accounts.sqlite"), public_read=public_read))
