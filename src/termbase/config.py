"""Project configuration: termbase.toml, or [tool.termbase] in pyproject.toml.

The nearest file from the working directory upwards wins. Paths in it are relative to
the file's folder. Keys: glossary (list of TBX files, a folder standing for the .tbx
files in it, a postgresql:// URL for the glossary files stored in that database),
accept (list of word-list files),
dictionary, select, ignore, fail-on, tm (the translation memory file, or a
postgresql:// URL), source-language and target-language (the memory's languages),
accounts (the desk server's user accounts: a SQLite file or a postgresql:// URL; a
URL, there or in tm, is kept as written). `termbase init` writes one (see
termbase.workspace); the line of each key is kept so that `termbase config` can say
where a value comes from.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import ConfigError
from termbase.locations import is_database_url

_KEYS = {"glossary", "accept", "dictionary", "select", "ignore", "fail-on", "tm",
         "source-language", "target-language", "accounts"}
CONFIG_NAME = "termbase.toml"


@dataclass
class Config:
    path: str | None = None
    glossary: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    dictionary: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    tm: str | None = None
    source_language: str | None = None
    target_language: str | None = None
    accounts: str | None = None
    lines: dict[str, int] = field(default_factory=dict)  # key -> its line in the file


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        toml = candidate / CONFIG_NAME
        if toml.is_file():
            return toml
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(pyproject: Path) -> bool:
    try:
        return "termbase" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(f"invalid TOML: {exc}", str(path), line) from None


def _key_lines(path: Path, table: str | None) -> dict[str, int]:
    """The line of each key set directly in table (None: the top level) of a TOML file
    that has just been read as valid."""
    header = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]")
    key = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=""")
    lines: dict[str, int] = {}
    current: str | None = None
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        opened = header.match(text)
        if opened:
            current = opened.group(1).replace(" ", "")
            continue
        found = key.match(text)
        if found and current == table:
            lines.setdefault(next(g for g in found.groups() if g), number)
    return lines


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read_toml(path)
    table = None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("termbase", {})
        table = "tool.termbase"
    base = path.parent
    lines = _key_lines(path, table)
    unknown = set(data) - _KEYS
    if unknown:
        first = min((lines.get(k, 0) for k in unknown), default=0) or None
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}", str(path),
                          first)

    def paths(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{key} must be a list of paths", str(path))
        return [str(base / v) for v in value]

    def glossaries() -> list[str]:
        """The glossary paths, a folder standing for the .tbx files in it, a database
        URL kept as written."""
        found: list[str] = []
        entries = paths("glossary")  # checked to be strings: the values as written
        written = data.get("glossary", [])
        for value, entry in zip([written] if isinstance(written, str) else written,
                                entries, strict=True):
            if is_database_url(value):  # the glossary files stored there
                found.append(value)
            elif Path(entry).is_dir():
                files = sorted(Path(entry).glob("*.tbx"))
                if not files:
                    raise ConfigError(f"glossary folder {entry} holds no .tbx file",
                                      str(path), lines.get("glossary"))
                found.extend(str(f) for f in files)
            else:
                found.append(entry)
        return found

    def names(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list):
            raise ConfigError(f"{key} must be a list of rule names", str(path))
        return [str(v) for v in value]

    def language(key: str) -> str | None:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{key} must be a language tag such as \"id\"", str(path))
        return value.strip() if value else None

    def location(key: str) -> str | None:
        """A file relative to the configuration's folder, or a database URL as it is."""
        value = data.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ConfigError(f"{key} must be a file path or a postgresql:// URL", str(path),
                              lines.get(key))
        # A database URL is not a path relative to the file.
        return value if is_database_url(value) else str(base / value)

    dictionary = data.get("dictionary")
    return Config(
        source_language=language("source-language"),
        target_language=language("target-language"),
        lines=lines,
        tm=location("tm"),
        accounts=location("accounts"),
        path=str(path),
        glossary=glossaries(),
        accept=paths("accept"),
        dictionary=str(base / dictionary) if dictionary else None,
        select=names("select"),
        ignore=names("ignore"),
        fail_on=data.get("fail-on"),
    )


def read_word_list(path: str) -> list[str]:
    """An accept list: one word per line, '#' starts a comment."""
    from termbase.textio import read_text

    source = read_text(path)
    words = []
    for raw in source.text.splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


_ASSIGNMENT = re.compile(r"\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")


def value_line(path: str, key: str, value: str) -> int | None:
    """The line of a configuration file where key's value holds value (for an error
    message), else the line of the key, else None. A scan of the text, not a parse: the
    value is looked for from the key's line to the next key or table."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    in_table = not path.endswith("pyproject.toml")
    key_line = None
    for number, text in enumerate(lines, 1):
        stripped = text.strip()
        if stripped.startswith("["):
            if key_line is not None:
                break
            in_table = stripped.replace(" ", "") in ("[tool.termbase]",)
            continue
        if not in_table:
            continue
        match = _ASSIGNMENT.match(text)
        if match:
            if key_line is not None:
                break
            if match.group(1).strip("\"'") != key:
                continue
            key_line = number
            text = text[match.end():]
        if key_line is not None and value in text:
            return number
    return key_line
