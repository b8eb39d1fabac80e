"""Reading user text strictly and writing files atomically."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from termbase.errors import InputError

BOM = "\ufeff"


@dataclass(frozen=True)
class SourceText:
    """A decoded text file: what the rules see, and what is needed to write it back."""

    path: str
    text: str
    had_bom: bool = False


def refuse_binary(data: bytes, path: str, first_line: int = 1) -> None:
    """The one test for binary data, for every text reader: a NUL byte anywhere.

    No UTF-8 text holds one, while binary files and UTF-16/32 text nearly always do;
    a NUL only after the first few KB (an archive appended to a text) counts too.
    first_line: the line data starts on, for readers that go line by line.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError("binary file (NUL byte), expected UTF-8 text", path,
                         first_line + data.count(b"\n", 0, nul))


def decode_text(data: bytes, path: str) -> SourceText:
    """Decode UTF-8 text; refuse binary data and other encodings with a clear message."""
    refuse_binary(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert it first, "
            "e.g. iconv -f cp1252 -t utf-8",
            path,
            line,
        ) from None
    had_bom = text.startswith(BOM)
    return SourceText(path, text[1:] if had_bom else text, had_bom)


@contextmanager
def _reading(path: str | os.PathLike[str], name: str | None = None):
    """Turn the OS's complaints about a file into one InputError naming it."""
    name = name or str(path)
    try:
        yield
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory", name) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), name) from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or an InputError naming the file."""
    with _reading(path):
        return Path(path).read_bytes()


def open_binary(path: str | os.PathLike[str], name: str | None = None) -> BinaryIO:
    """The file opened for streaming, or an InputError naming it (as name if given)."""
    with _reading(path, name):
        return open(path, "rb")  # noqa: SIM115 (the caller closes it)


def check_readable(path: str | os.PathLike[str]) -> None:
    """Raise the InputError read_bytes would, without reading a large file."""
    with _reading(path), Path(path).open("rb"):
        pass


def read_text(path: str | os.PathLike[str]) -> SourceText:
    return decode_text(read_bytes(path), str(path))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over the target.

    A crash leaves either the old file or the new one, never half of either.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:  # mkstemp makes 0600; a new file gets what open() would have given it
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str, bom: bool = False) -> None:
    atomic_write_bytes(path, ((BOM if bom else "") + text).encode("utf-8"))
