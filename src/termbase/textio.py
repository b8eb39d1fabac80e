"""Reading user text strictly and writing files atomically."""

from __future__ import annotations

import codecs
import io
import os
import re
import shutil
import stat
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from termbase.errors import InputError, TermbaseWarning

T = TypeVar("T")

BOM = "\ufeff"

# Characters XML 1.0 cannot hold (and gettext and CAT tools reject), for every format.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unfit_for_xml(value: str) -> str | None:
    """Why value cannot go into XML (or a memory exported as XML), or None if it can."""
    bad = NOT_XML.search(value)
    if bad is None:
        return None
    character = bad.group()
    if "\udc80" <= character <= "\udcff":  # how Python holds a byte that is not UTF-8
        return f"{value!r} holds a byte that is not UTF-8 (0x{ord(character) - 0xDC00:02x})"
    return f"{value!r} holds the character U+{ord(character):04X}, which XML cannot hold"


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
        encoding = wide_encoding(data) if first_line == 1 else None
        if encoding:
            raise InputError(f"{encoding} text (byte order mark), expected UTF-8; convert "
                             f"it first, e.g. iconv -f {encoding} -t UTF-8", path)
        raise InputError("binary file (NUL byte), expected UTF-8 text", path,
                         first_line + data.count(b"\n", 0, nul))


# Byte order marks of the Unicode encodings that hold NUL bytes (UTF-32 first: its
# little-endian mark begins with UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def wide_encoding(data: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when data starts with that encoding's byte order mark."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def bom_unicode(data: bytes, path: str) -> str | None:
    """The text of data marked UTF-16 or UTF-32 by a byte order mark (the mark
    dropped), None for other data; InputError when it is not valid in that encoding."""
    encoding = wide_encoding(data)
    if encoding is None:
        return None
    try:
        return data.decode(encoding.lower())
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding} (at byte {exc.start}), though it starts "
                         f"with a {encoding} byte order mark", path) from None


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
def _reading(path: str | os.PathLike[str], name: str | None = None) -> Iterator[None]:
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


# While set (by metered_reading), told the bytes of each read from a file termbase reads.
_METER: ContextVar[Callable[[int], None] | None] = ContextVar("termbase_read_meter",
                                                              default=None)


@contextmanager
def metered_reading(meter: Callable[[int], None]) -> Iterator[None]:
    """Within, every read of read_bytes and of a file from open_binary tells meter how
    many bytes it took: a progress display by bytes of a file streamed by a reader that
    opens it itself. A file read whole is told of once, when it has been read."""
    token = _METER.set(meter)
    try:
        yield
    finally:
        _METER.reset(token)


class _MeteredReader(io.BufferedReader):
    """A binary file that tells a meter of the bytes each read takes."""

    def __init__(self, raw: io.RawIOBase, meter: Callable[[int], None]):
        super().__init__(raw)
        self._meter = meter

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self._meter(len(data))
        return data

    def read1(self, size: int = -1) -> bytes:
        data = super().read1(size)
        self._meter(len(data))
        return data

    def readinto(self, buffer: Any) -> int:
        count = super().readinto(buffer)
        self._meter(count)
        return count

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self._meter(len(data))
        return data
    # Iterating a subclass goes through readline: no __next__ of its own.


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or an InputError naming the file."""
    with _reading(path):
        data = Path(path).read_bytes()
    meter = _METER.get()
    if meter is not None:
        meter(len(data))
    return data


def open_binary(path: str | os.PathLike[str], name: str | None = None) -> BinaryIO:
    """The file opened for streaming, or an InputError naming it (as name if given)."""
    meter = _METER.get()
    with _reading(path, name):
        if meter is None:
            return open(path, "rb")  # noqa: SIM115 (the caller closes it)
        return _MeteredReader(io.FileIO(path, "rb"), meter)


def check_readable(path: str | os.PathLike[str]) -> None:
    """Raise the InputError read_bytes would, without reading a large file."""
    with _reading(path), Path(path).open("rb"):
        pass


def read_text(path: str | os.PathLike[str]) -> SourceText:
    return decode_text(read_bytes(path), str(path))


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], T]) -> T:
    """Have write() fill a temporary file, then put it in the place of path.

    The one way termbase writes a file. A crash, a full disk or a refusal by the OS
    leaves the old file as it was and no temporary file behind; the error is an
    InputError naming path. A symlink is written through (its target changes, the
    link stays). An existing file keeps its mode and, where the OS allows it, its
    owner and group (a TermbaseWarning says so when it cannot). A file with more than
    one hard link is overwritten in place once the complete new content is safely on
    disk beside it, so every link sees the change (see _overwrite_in_place). A device,
    a named pipe or /dev/stdout is written to directly: none can be replaced.
    """
    if _is_stream(path):
        with _writing(str(path), Path(path).parent), open(path, "wb") as stream:
            return write(stream)
    name = _shown_name(path)
    target = Path(os.path.realpath(path))  # write through a symlink, to its target
    with _writing(name, target.parent):
        existing = _stat_or_none(target)
        # A short fixed-length name: the target's own name may be 255 bytes long.
        fd, tmp = tempfile.mkstemp(prefix=".tb-", suffix=".tmp", dir=target.parent)
        try:
            result = _fill(fd, write)
            _put_in_place(tmp, target, existing, name)
        except _KeptTemporary:
            raise
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return result


def refuse_to_replace(path: str | os.PathLike[str], force: bool = False) -> None:
    """InputError naming path when writing it would replace an existing file's content
    and force is not given. A device, a pipe or /dev/stdout is written into, never
    replaced, so it needs no force."""
    if not force and not _is_stream(path) and os.path.isfile(path):
        raise InputError("already exists; give --force to replace it", str(path))


def _is_stream(path: str | os.PathLike[str]) -> bool:
    """A device, a pipe, or /dev/stdout and its kin: written to, never replaced.

    /dev/stdout leads to whatever standard output is, perhaps a user's regular file,
    which must be written into (as the shell's > would), not replaced behind its back.
    """
    if os.path.abspath(path).startswith(("/dev/std", "/dev/fd/", "/proc/")):
        return True  # links to an open file, whatever it is
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _shown_name(path: str | os.PathLike[str]) -> str:
    """path, and where a symlink leads: a refusal may concern the target's folder."""
    if os.path.islink(path):
        return f"{path} (a symlink to {os.path.realpath(path)})"
    return str(path)


def _fill(fd: int, write: Callable[[BinaryIO], T]) -> T:
    with os.fdopen(fd, "wb") as handle:
        result = write(handle)
        handle.flush()
        os.fsync(handle.fileno())  # on disk before it replaces anything
    return result


def _put_in_place(tmp: str, target: Path, existing: os.stat_result | None,
                  name: str) -> None:
    if existing is not None and existing.st_nlink > 1:
        _overwrite_in_place(tmp, target, name)
        os.unlink(tmp)
    else:
        lost = _take_attributes(tmp, existing)
        os.replace(tmp, target)
        _sync_folder(target.parent)
        if lost:  # said only once the file is written: a refused rename says enough
            warnings.warn(TermbaseWarning(
                f"{name}: the {' and '.join(lost)} could not be kept (only root may give "
                "a file away); the file now belongs to you"), stacklevel=4)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    atomic_write(path, lambda handle: handle.write(data))


def atomic_write_text(path: str | os.PathLike[str], text: str, bom: bool = False) -> None:
    atomic_write_bytes(path, ((BOM if bom else "") + text).encode("utf-8"))


class _KeptTemporary(InputError):
    """The target may be damaged; the temporary file holding its new content is kept."""


@contextmanager
def _writing(name: str, folder: Path) -> Iterator[None]:
    """Turn the OS's refusals to write into one InputError naming the file."""
    try:
        yield
    except FileNotFoundError as exc:
        if not folder.is_dir():
            raise InputError("cannot write: no such folder", str(folder)) from None
        raise InputError(f"cannot write: {exc.strerror}", name) from None
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", name) from None


def _stat_or_none(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except FileNotFoundError:
        return None


def _take_attributes(tmp: str, existing: os.stat_result | None) -> list[str]:
    """Give the new file the old one's owner, group and mode (a new file: 0666 - umask);
    return which of owner and group the OS would not let it keep."""
    if existing is None:  # mkstemp makes 0600; a new file gets what open() would give
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return []
    made = os.stat(tmp)
    lost = []
    if (made.st_uid, made.st_gid) != (existing.st_uid, existing.st_gid):
        lost = _take_owner(tmp, made, existing)
    # After chown, which clears set-user-ID and set-group-ID bits.
    os.chmod(tmp, existing.st_mode & 0o7777)
    return lost


def _take_owner(tmp: str, made: os.stat_result, existing: os.stat_result) -> list[str]:
    try:
        os.chown(tmp, existing.st_uid, existing.st_gid)
        return []
    except PermissionError:
        pass
    lost = ["owner"] if made.st_uid != existing.st_uid else []
    if made.st_gid != existing.st_gid:
        try:  # a member of the file's group may still give the file that group
            os.chown(tmp, -1, existing.st_gid)
        except PermissionError:
            lost.append("group")
    return lost


def _overwrite_in_place(tmp: str, target: Path, name: str) -> None:
    """Copy the finished temporary file into the target's own inode.

    A rename would give this name a new inode and leave the file's other hard links
    holding the old text. The new content is complete and synced beside the target
    before the target is touched, so a full disk or a refusal shows up first; should
    the copy still fail halfway, the temporary file is kept and named.
    """
    with open(target, "r+b") as destination:  # opening refuses before anything changes
        try:
            with open(tmp, "rb") as source:
                destination.truncate(0)
                shutil.copyfileobj(source, destination)
                destination.flush()
                os.fsync(destination.fileno())
        except OSError as exc:
            raise _KeptTemporary(
                f"cannot write: {exc.strerror or exc}; the file may be incomplete, its "
                f"new content is in {tmp}", name) from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; a folder that cannot be opened is left be."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
