"""A workspace: the folder whose termbase.toml says where the desk's glossaries and
memory live, so that edits land in files the desk keeps (and commits), never in the
copy installed with termbase.

`init_workspace` writes the termbase.toml (and, with the starter, copies of the shipped
glossaries and starter memory); `refuse_installed` is the guard every glossary or memory
write passes; `settings` lists each setting in force and where it comes from.
"""

from __future__ import annotations

import os
import site
import sysconfig
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from termbase.config import CONFIG_NAME, Config, find_config, load_config
from termbase.errors import InputError

SOURCE_LANGUAGE = "id"
TARGET_LANGUAGE = "en"
MEMORY_FILE = "tm/memory.sqlite"  # where init points the memory, relative to the toml
GLOSSARY_FOLDER = "glossaries"
STARTER_MEMORY_FOLDER = "tm"
INIT_HINT = "start a workspace with `termbase init --with-starter` and edit its copy"
MEMORY_HINT = ("start a workspace with `termbase init`, whose memory is tm/memory.sqlite, "
               "or name another file with --tm")


# --- the installed package -----------------------------------------------------------

def installed_folders() -> list[Path]:
    """The folders termbase is installed in: its package folder and the interpreter's
    site-packages. Nothing termbase writes belongs there."""
    import termbase

    folders = [Path(termbase.__file__).resolve().parent]
    candidates = [sysconfig.get_paths().get(k) for k in ("purelib", "platlib")]
    candidates.extend(site.getsitepackages())
    for candidate in candidates:
        if candidate and Path(candidate).name in ("site-packages", "dist-packages"):
            folders.append(Path(candidate).resolve())
    return list(dict.fromkeys(folders))


def is_installed_path(path: str | os.PathLike[str]) -> bool:
    """True when path lies inside the installed termbase package or site-packages."""
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(folder) for folder in installed_folders())


def refuse_installed(path: str | os.PathLike[str], what: str = "file") -> None:
    """InputError (one line, exit 2) when path lies inside the installed package: an edit
    there is lost on the next install and never reaches the desk's repository."""
    if is_installed_path(path):
        hint = INIT_HINT if what == "glossary" else MEMORY_HINT if what == "memory" \
            else "run `termbase init` in a folder of the desk's own"
        raise InputError(f"will not write this {what}: it is inside the installed termbase "
                         f"package, where edits are lost on reinstall; {hint}", str(path))


# --- the starter data ----------------------------------------------------------------

def starter_glossaries() -> list[Path]:
    """The shipped TBX glossaries (read-only where they are installed)."""
    from termbase.glossary import default_glossary_paths

    return default_glossary_paths()


def starter_memories() -> list[Path]:
    """The shipped starter memory (TMX): package termbase.starter_tm as installed, else
    tm/ of the source checkout (an editable install maps only src/termbase)."""
    try:
        folder = resources.files("termbase.starter_tm")
        paths = sorted(Path(str(entry)) for entry in folder.iterdir()
                       if entry.name.endswith(".tmx"))
    except ModuleNotFoundError:
        paths = []
    if not paths:
        import termbase

        checkout = Path(termbase.__file__).resolve().parents[2] / STARTER_MEMORY_FOLDER
        paths = sorted(checkout.glob("*.tmx"))
    return paths


# --- init ----------------------------------------------------------------------------

@dataclass
class InitReport:
    config: str  # the termbase.toml written
    copied: list[str] = field(default_factory=list)  # starter files copied in
    kept: list[str] = field(default_factory=list)  # starter files already there, left alone
    memory: str | None = None  # the memory the starter was imported into
    units: int = 0  # units in it afterwards


def config_text(glossary: str | None = None, memory: str = MEMORY_FILE) -> str:
    """The termbase.toml init writes: every key, with what it does. glossary is a TBX
    file or a folder of them, relative to the file; None leaves the shipped one in use."""
    if glossary:
        glossary_line = f'glossary = ["{glossary}"]'
    else:
        glossary_line = ("glossary = []  # none named: the starter glossary shipped with "
                         "termbase, read-only\n"
                         "# glossary = [\"glossaries\"]  # a folder: every .tbx file in it")
    return f"""\
# termbase workspace: every termbase command run in this folder or below it uses these
# settings. Paths are relative to this file. `termbase config` shows each setting in
# force and where it comes from.

# TBX glossaries that `termbase check`, `lookup` and `glossary` read and edit (files,
# folders standing for every .tbx file in them, or a postgresql:// URL: the glossary
# files stored in that database).
{glossary_line}

# The translation memory (SQLite; `termbase tm import` creates it). $TERMBASE_TM overrides.
tm = "{memory}"

# The languages of the desk's translations: from source-language into target-language.
source-language = "{SOURCE_LANGUAGE}"
target-language = "{TARGET_LANGUAGE}"

# Accept lists: text files of words `termbase check` never reports, one a line.
accept = []

# Rules of `termbase check`: select only these rules or categories (empty: all), ignore
# these, and exit 1 on findings at or above fail-on (error, warning or info).
select = []
ignore = []
fail-on = "warning"

# The desk server's user accounts (`termbase users`): a SQLite file or a postgresql://
# URL; by default accounts.sqlite beside the memory (or the memory's database, if tm is
# a URL).
# accounts = "tm/accounts.sqlite"

# A Hunspell id_ID dictionary (.dic file or folder) instead of the shipped one.
# dictionary = "dictionaries/id_ID.dic"
"""


def init_workspace(folder: str | os.PathLike[str] = ".", with_starter: bool = False,
                   force: bool = False) -> InitReport:
    """Write termbase.toml into folder (created when missing). With the starter, copy the
    shipped glossaries into glossaries/ and the starter memory into tm/, import it into
    the memory the toml names, and point the toml at them. An existing termbase.toml is
    replaced only with force; starter files already there are kept as they are, never
    overwritten. The toml is written last, so a failure leaves none pointing at files
    that are not there.
    """
    from termbase.textio import atomic_write_bytes, atomic_write_text, read_bytes

    base = Path(folder)
    target = base / CONFIG_NAME
    if target.exists() and not force:
        raise InputError("a workspace is here already; --force replaces its termbase.toml "
                         "(the glossaries and memory it names are left alone)", str(target))
    if target.is_dir():
        raise InputError("is a folder", str(target))
    refuse_installed(target, "workspace")
    base.mkdir(parents=True, exist_ok=True)
    report = InitReport(str(target))
    glossary = None
    if with_starter:
        copies = [(p, Path(GLOSSARY_FOLDER) / p.name) for p in starter_glossaries()]
        memories = [(p, Path(STARTER_MEMORY_FOLDER) / p.name) for p in starter_memories()]
        for source, relative in copies + memories:
            destination = base / relative
            if destination.exists():
                report.kept.append(str(destination))
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(destination, read_bytes(source))
                report.copied.append(str(destination))
        glossary = GLOSSARY_FOLDER
        memory = base / MEMORY_FILE
        if memories and not memory.exists():
            from termbase.tm.service import import_files

            summary = import_files(str(memory), [str(base / r) for _, r in memories],
                                   source_lang=SOURCE_LANGUAGE, target_lang=TARGET_LANGUAGE)
            report.memory, report.units = summary.memory, summary.units
    atomic_write_text(target, config_text(glossary))
    return report


# --- languages -------------------------------------------------------------------------

def desk_languages(config: Config | None = None) -> tuple[str, str]:
    """The workspace's source and target language (the nearest configuration's when none
    is given), else id and en: the defaults for a command that takes --from/--to."""
    config = config if config is not None else load_config(find_config())
    return (config.source_language or SOURCE_LANGUAGE,
            config.target_language or TARGET_LANGUAGE)


def stated_languages(config: Config | None = None) -> tuple[str, str] | None:
    """desk_languages when the workspace states either language, else None: a caller
    then falls back on its own default (a memory's pair, id and en)."""
    config = config if config is not None else load_config(find_config())
    if config.source_language or config.target_language:
        return desk_languages(config)
    return None


# --- the desk server's accounts --------------------------------------------------------

ACCOUNTS_FILE = "accounts.sqlite"  # beside the memory file unless `accounts` says otherwise


def accounts_location(config: Config | None = None) -> str:
    """Where the desk server's accounts live: the configuration's `accounts`, else
    accounts.sqlite in the folder of the memory in force ($TERMBASE_TM, `tm`, the
    default), else, when that memory is a postgresql:// URL, the same database."""
    from termbase.tm.store import default_memory_path

    config = config if config is not None else load_config(find_config())
    if config.accounts:
        return config.accounts
    memory = os.environ.get("TERMBASE_TM") or config.tm or str(default_memory_path())
    if memory.startswith(("postgresql://", "postgres://")):
        return memory
    return str(Path(memory).parent / ACCOUNTS_FILE)


# --- settings and where they come from -----------------------------------------------

@dataclass
class Setting:
    name: str
    value: str | list[str] | None
    source: str  # "termbase.toml:7", "$TERMBASE_TM", "command default (...)", "built-in default"
    note: str = ""  # what an empty value means ("every rule", "none")


def _from_file(config: Config, key: str) -> str:
    line = config.lines.get(key)
    return f"{config.path}:{line}" if line else str(config.path)


def _shown(location: str) -> str:
    """location with a database URL's password masked."""
    from termbase.accounts import display_location

    return display_location(location)


def settings(config_path: str | os.PathLike[str] | None = None,
             start: Path | None = None) -> tuple[str | None, list[Setting]]:
    """The configuration file in force (config_path, else the nearest one upwards from
    start or the working directory) and every setting with its value and source."""
    from termbase.glossary.cache import cache_folder
    from termbase.locations import masked_url
    from termbase.tm.store import default_memory_path

    path = Path(config_path) if config_path else find_config(start)
    config = load_config(path)
    found: list[Setting] = []

    def add(name: str, value: str | list[str] | None, default: str | list[str] | None,
            default_source: str = "built-in default", note: str = "") -> None:
        if value:
            found.append(Setting(name, value, _from_file(config, name)))
        else:
            found.append(Setting(name, default, default_source, note))

    add("glossary", [masked_url(g) for g in config.glossary],
        [str(p) for p in starter_glossaries()],
        note="the shipped starter glossary, read-only")
    memory_env = os.environ.get("TERMBASE_TM")
    if memory_env:
        found.append(Setting("tm", masked_url(memory_env), "$TERMBASE_TM"))
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        add("tm", masked_url(config.tm) if config.tm else None, str(default_memory_path()),
            "$XDG_DATA_HOME" if xdg else "built-in default")
    # A URL's password stays out of what config prints.
    add("accounts", _shown(config.accounts) if config.accounts else None,
        _shown(accounts_location(config)), "built-in default (beside the memory)")
    add("source-language", config.source_language, SOURCE_LANGUAGE)
    add("target-language", config.target_language, TARGET_LANGUAGE)
    add("accept", config.accept, [], note="none")
    add("dictionary", config.dictionary, None, note="the shipped Hunspell id_ID")
    add("select", config.select, [], note="every rule")
    add("ignore", config.ignore, [], note="none")
    add("fail-on", config.fail_on, "warning", "command default (check --fail-on)")
    cache_env = ("TERMBASE_CACHE_DIR" if os.environ.get("TERMBASE_CACHE_DIR")
                 else "XDG_CACHE_HOME" if os.environ.get("XDG_CACHE_HOME") else None)
    found.append(Setting("cache", str(cache_folder()),
                         f"${cache_env}" if cache_env else "built-in default"))
    return (str(path) if path else None), found
