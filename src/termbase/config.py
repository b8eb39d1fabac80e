"""Project configuration: termbase.toml, or [tool.termbase] in pyproject.toml.

The nearest file from the working directory upwards wins. Paths in it are relative to
the file's folder. Keys: glossary (list of TBX files), accept (list of word-list files),
dictionary, select, ignore, fail-on, tm (the translation memory file).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import ConfigError

_KEYS = {"glossary", "accept", "dictionary", "select", "ignore", "fail-on", "tm"}


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


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        toml = candidate / "termbase.toml"
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


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("termbase", {})
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}", str(path))
    base = path.parent

    def paths(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{key} must be a list of paths", str(path))
        return [str(base / v) for v in value]

    def names(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, list):
            raise ConfigError(f"{key} must be a list of rule names", str(path))
        return [str(v) for v in value]

    dictionary = data.get("dictionary")
    memory = data.get("tm")
    return Config(
        tm=str(base / memory) if memory else None,
        path=str(path),
        glossary=paths("glossary"),
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
