"""Writing files: atomic, through symlinks, keeping hard links, owner and mode; every
refusal by the OS is one line naming the file, exit 2, the old file intact and no
temporary file left behind (issue #9, "Writes")."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import warnings

import pytest

from termbase.errors import InputError, TermbaseWarning
from termbase.textio import atomic_write, atomic_write_bytes

TEXT = "Harga naik 10 % tahun ini , kata dia.\n"
FIXED = "Harga naik 10 % tahun ini, kata dia.\n"

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <text>
    <body>
      <termEntry id="c1">
        <descrip type="subjectField">diplomacy</descrip>
        <langSet xml:lang="id">
          <tig>
            <term>kerja sama</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


def names_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.fixture
def immutable():
    """Make a file immutable (rename over it: EPERM), or skip where chattr cannot."""
    made = []

    def make(path):
        if shutil.which("chattr") is None or os.geteuid() != 0:
            pytest.skip("needs chattr and root")
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("this file system has no immutable flag")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


# --- the helper ------------------------------------------------------------------------

def test_new_file_gets_the_usual_mode_and_no_temporary_file_stays(tmp_path):
    target = tmp_path / "new.txt"
    atomic_write_bytes(target, b"isi\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_bytes() == b"isi\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert names_in(tmp_path) == ["new.txt"]


def test_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "old.txt"
    target.write_bytes(b"lama\n")
    target.chmod(0o640)
    atomic_write_bytes(target, b"baru\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"baru\n"


def test_streaming_writer_returns_what_the_callback_returns(tmp_path):
    assert atomic_write(tmp_path / "s.txt", lambda handle: handle.write(b"abc")) == 3


def test_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "g.txt"
    real.parent.mkdir()
    real.write_bytes(b"lama\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_bytes(link, b"baru\n")
    assert link.is_symlink() and real.read_bytes() == b"baru\n"
    assert names_in(tmp_path) == ["link.txt", "real"]  # the temporary file was beside real
    assert names_in(real.parent) == ["g.txt"]


def test_refusal_through_a_symlink_names_its_target(tmp_path, monkeypatch):
    real = tmp_path / "real.txt"
    real.write_bytes(b"lama\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(errno.EACCES))
    with pytest.raises(InputError) as caught:
        atomic_write_bytes(link, b"baru\n")
    assert str(caught.value) == \
        f"{link} (a symlink to {real}): cannot write: Permission denied"
    assert real.read_bytes() == b"lama\n" and link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_written_into_not_replaced(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    atomic_write_bytes(pipe, b"isi\n")
    reader.join(timeout=10)
    assert received == [b"isi\n"] and stat.S_ISFIFO(pipe.stat().st_mode)
    assert names_in(tmp_path) == ["pipe"]


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout here")
def test_dev_stdout_is_written_into_even_when_it_is_a_file(capfd):
    # pytest points file descriptor 1 at a regular file: replacing it would lose this.
    atomic_write_bytes("/dev/stdout", b"isi\n")
    assert capfd.readouterr().out == "isi\n"


def test_hard_links_all_see_the_new_content(tmp_path):
    first = tmp_path / "a.txt"
    first.write_bytes(b"lama\n")
    second = tmp_path / "b.txt"
    os.link(first, second)
    inode = first.stat().st_ino
    atomic_write_bytes(first, b"baru, lebih panjang\n")
    assert second.read_bytes() == b"baru, lebih panjang\n"
    assert first.stat().st_ino == inode and first.stat().st_nlink == 2
    assert names_in(tmp_path) == ["a.txt", "b.txt"]


def test_a_single_link_is_replaced_by_rename(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama\n")
    inode = target.stat().st_ino
    atomic_write_bytes(target, b"baru\n")
    assert target.stat().st_ino != inode  # atomic: a reader sees old or new, never half


def test_hard_linked_copy_that_fails_halfway_keeps_the_new_content(tmp_path, monkeypatch):
    first = tmp_path / "a.txt"
    first.write_bytes(b"lama\n")
    os.link(first, tmp_path / "b.txt")
    monkeypatch.setattr(shutil, "copyfileobj", fail_with(errno.EIO))
    with pytest.raises(InputError, match="new content is in") as caught:
        atomic_write_bytes(first, b"baru\n")
    kept = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"baru\n"
    assert str(kept[0]) in str(caught.value)


def test_name_of_250_bytes_works(tmp_path):
    target = tmp_path / ("a" * 246 + ".txt")
    target.write_bytes(b"lama\n")
    atomic_write_bytes(target, b"baru\n")
    assert target.read_bytes() == b"baru\n"
    assert names_in(tmp_path) == [target.name]


def test_name_too_long_is_one_error(tmp_path):
    target = tmp_path / ("a" * 256 + ".txt")
    with pytest.raises(InputError, match="cannot write: File name too long") as caught:
        atomic_write_bytes(target, b"baru\n")
    assert caught.value.path == str(target)
    assert names_in(tmp_path) == []


@pytest.mark.parametrize("where, code, reason", [
    ("fsync", errno.ENOSPC, "No space left on device"),
    ("replace", errno.EPERM, "Operation not permitted"),
    ("mkstemp", errno.EACCES, "Permission denied"),
])
def test_os_refusals_become_one_error_and_leave_the_file(tmp_path, monkeypatch, where,
                                                         code, reason):
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama\n")
    module = tempfile if where == "mkstemp" else os
    monkeypatch.setattr(module, where, fail_with(code))
    with pytest.raises(InputError) as caught:
        atomic_write_bytes(target, b"baru\n")
    assert str(caught.value) == f"{target}: cannot write: {reason}"
    assert target.read_bytes() == b"lama\n" and names_in(tmp_path) == ["a.txt"]


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(InputError, match="no such folder") as caught:
        atomic_write_bytes(tmp_path / "nowhere" / "a.txt", b"x")
    assert caught.value.path == str(tmp_path / "nowhere")


def test_immutable_file_is_refused_and_intact(tmp_path, immutable):
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama\n")
    immutable(target)
    with pytest.raises(InputError, match="Operation not permitted"):
        atomic_write_bytes(target, b"baru\n")
    assert target.read_bytes() == b"lama\n" and names_in(tmp_path) == ["a.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_owner_and_group_are_kept_where_permitted(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama\n")
    os.chown(target, 65534, 65534)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning when the owner could be kept
        atomic_write_bytes(target, b"baru\n")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


def test_owner_that_cannot_be_kept_is_said(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama\n")
    real_stat = os.stat

    def other_owner(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if str(path) == str(target):
            fields = list(result)
            fields[4], fields[5] = result.st_uid + 1, result.st_gid + 1
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(os, "stat", other_owner)
    monkeypatch.setattr(os, "chown", fail_with(errno.EPERM))
    with pytest.warns(TermbaseWarning, match="owner and group could not be kept"):
        atomic_write_bytes(target, b"baru\n")
    assert target.read_bytes() == b"baru\n"


# --- the command line ----------------------------------------------------------------

def one_error_line(result, path, reason: str) -> None:
    assert result.exit_code == 2
    assert result.output == f"termbase: {path}: cannot write: {reason}\n"
    assert "Traceback" not in result.output


def test_fix_on_immutable_file_exits_2(invoke, tmp_path, immutable):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    immutable(article)
    one_error_line(invoke("check", "--fix", str(article)), article, "Operation not permitted")
    assert article.read_text(encoding="utf-8") == TEXT and names_in(tmp_path) == ["a.txt"]


@pytest.mark.parametrize("where, code, reason", [
    ("fsync", errno.ENOSPC, "No space left on device"),
    ("mkstemp", errno.EACCES, "Permission denied"),
])
def test_fix_on_full_disk_or_closed_folder_exits_2(invoke, tmp_path, monkeypatch, where,
                                                   code, reason):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(tempfile if where == "mkstemp" else os, where, fail_with(code))
    one_error_line(invoke("check", "--fix", str(article)), article, reason)
    assert article.read_text(encoding="utf-8") == TEXT and names_in(tmp_path) == ["a.txt"]


def test_fix_of_a_250_byte_name(invoke, tmp_path):
    article = tmp_path / ("b" * 246 + ".txt")
    article.write_text(TEXT, encoding="utf-8")
    assert invoke("check", "--fix", str(article)).exit_code in (0, 1)
    assert article.read_text(encoding="utf-8") == FIXED
    assert names_in(tmp_path) == [article.name]


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv")
def test_fix_in_a_folder_the_user_cannot_write():
    """Really as another user: the temporary file cannot be made (EACCES)."""
    base = tempfile.mkdtemp()
    try:
        os.chmod(base, 0o755)
        article = os.path.join(base, "a.txt")
        with open(article, "w", encoding="utf-8") as handle:
            handle.write(TEXT)
        os.chmod(article, 0o666)
        os.chmod(base, 0o555)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                   sys.executable, "-c", "from termbase.cli import main; main()",
                   "check", "--fix", article]
        result = subprocess.run(command, capture_output=True, text=True,
                                env={**os.environ, "NO_COLOR": "1"})
        if not result.stderr.startswith("termbase: "):
            pytest.skip(f"cannot run termbase as another user here: {result.stderr[-200:]}")
        assert result.returncode == 2
        assert result.stderr == f"termbase: {article}: cannot write: Permission denied\n"
        with open(article, encoding="utf-8") as handle:
            assert handle.read() == TEXT
        assert os.listdir(base) == ["a.txt"]
    finally:
        os.chmod(base, 0o755)
        shutil.rmtree(base)


def test_fix_writes_through_a_symlink(invoke, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    invoke("check", "--fix", str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED


def test_fix_on_stdin_keeps_the_bom(invoke):
    result = invoke("check", "--fix", "-", input=("\ufeff" + TEXT).encode("utf-8"))
    assert result.stdout_bytes == ("\ufeff" + FIXED).encode("utf-8")
    without = invoke("check", "--fix", "-", input=TEXT.encode("utf-8"))
    assert without.stdout_bytes == FIXED.encode("utf-8")


def test_json_output_is_valid_utf8_for_a_name_that_is_not(invoke, tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"berita-\xff.txt"), "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
    result = invoke("check", "--format", "json", str(tmp_path))
    report = json.loads(result.stdout_bytes.decode("utf-8"))  # strict: would raise
    assert report["findings"][0]["path"].endswith("berita-\ufffd.txt")


# --- glossary edits ---------------------------------------------------------------------

@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(TBX, encoding="utf-8")
    return path


def edit_note(invoke, path, note: str = "Catatan."):
    return invoke("glossary", "edit", "c1", "--note", note, "--glossary", str(path))


def test_glossary_edit_through_a_symlink(invoke, tmp_path, glossary):
    link = tmp_path / "link.tbx"
    link.symlink_to(glossary)
    assert edit_note(invoke, link).exit_code == 0
    assert link.is_symlink() and "<note>Catatan.</note>" in glossary.read_text("utf-8")


def test_glossary_edit_keeps_hard_links(invoke, tmp_path, glossary):
    twin = tmp_path / "twin.tbx"
    os.link(glossary, twin)
    assert edit_note(invoke, glossary).exit_code == 0
    assert "<note>Catatan.</note>" in twin.read_text("utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file away")
def test_glossary_edit_keeps_owner_and_mode(invoke, glossary):
    os.chown(glossary, 65534, 65534)
    glossary.chmod(0o664)
    assert edit_note(invoke, glossary).exit_code == 0
    after = glossary.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (65534, 65534, 0o664)


def test_glossary_edit_on_immutable_file_exits_2(invoke, tmp_path, glossary, immutable):
    immutable(glossary)
    one_error_line(edit_note(invoke, glossary), glossary, "Operation not permitted")
    assert glossary.read_text("utf-8") == TBX and names_in(tmp_path) == ["g.tbx"]


def test_glossary_edit_keeps_crlf(invoke, glossary):
    glossary.write_bytes(TBX.replace("\n", "\r\n").encode("utf-8"))
    assert edit_note(invoke, glossary).exit_code == 0
    after = glossary.read_bytes()
    assert b"<note>Catatan.</note>" in after
    assert after.count(b"\n") == after.count(b"\r\n") == TBX.count("\n") + 1
    lines_before = set(TBX.replace("\n", "\r\n").encode().split(b"\r\n"))
    assert [x for x in after.split(b"\r\n") if x not in lines_before] == \
        [b"        <note>Catatan.</note>"]


def test_glossary_edit_keeps_a_utf8_bom_with_crlf(invoke, glossary):
    original = ("\ufeff" + TBX.replace("\n", "\r\n")).encode("utf-8")
    glossary.write_bytes(original)
    assert edit_note(invoke, glossary).exit_code == 0
    after = glossary.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf<?xml")
    assert after.replace(b"        <note>Catatan.</note>\r\n", b"") == original


def test_glossary_edit_keeps_lf(invoke, glossary):
    assert edit_note(invoke, glossary).exit_code == 0
    assert b"\r" not in glossary.read_bytes()


def test_glossary_edit_refuses_mixed_line_ends(invoke, glossary):
    mixed = TBX.replace("\n", "\r\n", 3).encode("utf-8")
    glossary.write_bytes(mixed)
    result = edit_note(invoke, glossary)
    assert result.exit_code == 2 and "mixed line ends (3 CRLF" in result.output
    assert glossary.read_bytes() == mixed


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_glossary_edit_keeps_utf16(invoke, glossary, codec, bom):
    original = TBX.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    glossary.write_bytes(bom + original.encode(codec))
    assert edit_note(invoke, glossary, "Catatan ŋ.").exit_code == 0
    after = glossary.read_bytes()
    assert after.startswith(bom)
    text = after[2:].decode(codec)
    assert "<note>Catatan ŋ.</note>" in text
    assert text.replace("        <note>Catatan ŋ.</note>\n", "") == original
    dry = invoke("glossary", "edit", "c1", "--subject", "x", "--dry-run",
                 "--glossary", str(glossary))
    assert dry.exit_code == 0 and "+        <descrip type=\"subjectField\">x</descrip>" \
        in dry.output


def test_glossary_edit_of_latin1_uses_references_for_what_it_cannot_hold(invoke, glossary):
    original = TBX.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    glossary.write_bytes(original.encode("latin-1"))
    assert edit_note(invoke, glossary, "Café ŋ.").exit_code == 0
    assert b"<note>Caf\xe9 &#331;.</note>" in glossary.read_bytes()


@pytest.mark.parametrize("option, value, reason", [
    ("--term", "id=kerja\x01sama", "U+0001, which XML cannot hold"),
    ("--term", "id=kerja" + os.fsdecode(b"\xff"), "a byte that is not UTF-8 (0xff)"),
    ("--note", "catatan\x0b", "U+000B, which XML cannot hold"),
    ("--subject", os.fsdecode(b"ekonomi\xc3"), "a byte that is not UTF-8 (0xc3)"),
])
def test_glossary_add_refuses_what_xml_cannot_hold(invoke, tmp_path, glossary, option,
                                                   value, reason):
    args = ["glossary", "add", "c2", "--term", "en=coal", option, value,
            "--glossary", str(glossary)]
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.output.startswith(f"termbase: {glossary}: ")
    assert result.output.rstrip("\n").endswith(reason) and result.output.count("\n") == 1
    assert glossary.read_text("utf-8") == TBX and names_in(tmp_path) == ["g.tbx"]


def test_glossary_add_accepts_ordinary_text(invoke, glossary):
    result = invoke("glossary", "add", "c2", "--term", "id=batu bara", "--note", "tab\tok",
                    "--glossary", str(glossary))
    assert result.exit_code == 0 and "<term>batu bara</term>" in glossary.read_text("utf-8")


# --- siblings: the other writers -------------------------------------------------------

def write_commands(tmp_path, glossary):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    memory = tmp_path / "m.sqlite"
    out = tmp_path / "out"
    return {
        "check --fix": (["check", "--fix", str(article)], article),
        "glossary export": (["glossary", "export", "--format", "csv", "-o", f"{out}.csv",
                             "--glossary", str(glossary)], f"{out}.csv"),
        "tm export": (["tm", "export", "--format", "tmx", "-o", f"{out}.tmx",
                       "--tm", str(memory)], f"{out}.tmx"),
        "export": (["export", str(article), "-o", f"{out}.xlf", "--no-tm",
                    "--glossary", str(glossary)], f"{out}.xlf"),
    }, memory


@pytest.mark.parametrize("command", ["check --fix", "glossary export", "tm export", "export"])
def test_every_writer_reports_a_refused_rename_in_one_line(invoke, tmp_path, glossary,
                                                           monkeypatch, command):
    commands, memory = write_commands(tmp_path, glossary)
    assert invoke("tm", "add", "Satu dua.", "One two.", "--tm", str(memory)).exit_code == 0
    before = names_in(tmp_path)
    args, written = commands[command]
    monkeypatch.setattr(os, "replace", fail_with(errno.EPERM))
    one_error_line(invoke(*args), written, "Operation not permitted")
    # (SQLite's -wal and -shm files come and go with the memory's connections.)
    assert [n for n in names_in(tmp_path) if "-" not in n] == \
        [n for n in before if "-" not in n]


def test_tm_add_refuses_what_xml_cannot_hold(invoke, tmp_path):
    memory = str(tmp_path / "m.sqlite")
    for text, reason in [("Satu\x01dua.", "U+0001, which XML cannot hold"),
                         ("Satu " + os.fsdecode(b"\xff"), "not UTF-8 (0xff)")]:
        result = invoke("tm", "add", text, "One two.", "--tm", memory)
        assert result.exit_code == 2 and result.output.startswith(f"termbase: {memory}: ")
        assert result.output.rstrip().endswith(reason)
    assert invoke("tm", "add", "Satu\tdua.", "One two.", "--tm", memory).exit_code == 0


def test_tm_search_refuses_a_query_that_is_not_utf8(invoke, tmp_path):
    memory = str(tmp_path / "m.sqlite")
    assert invoke("tm", "add", "Satu dua.", "One two.", "--tm", memory).exit_code == 0
    result = invoke("tm", "search", "Satu " + os.fsdecode(b"\xff"), "--tm", memory)
    assert result.exit_code == 2 and result.output.rstrip().endswith("not UTF-8 (0xff)")
    assert invoke("tm", "search", "Satu dua.", "--tm", memory).exit_code == 0


def test_tm_add_to_an_immutable_memory_exits_2(invoke, tmp_path, immutable):
    memory = tmp_path / "m.sqlite"
    assert invoke("tm", "add", "Satu dua.", "One two.", "--tm", str(memory)).exit_code == 0
    invoke("tm", "stats", "--tm", str(memory))  # let SQLite fold its journal back in
    for name in names_in(tmp_path):
        immutable(tmp_path / name)
    result = invoke("tm", "add", "Tiga.", "Three.", "--tm", str(memory))
    assert result.exit_code == 2 and result.output.startswith(f"termbase: {memory}: cannot write")
    assert result.output.count("\n") == 1


def test_any_stray_os_error_is_one_line_exit_2(invoke, tmp_path, monkeypatch):
    from termbase.cli import check as check_command

    def refuse(*args):
        raise PermissionError(errno.EACCES, "Permission denied", "somewhere.txt")

    monkeypatch.setattr(check_command, "_run", refuse)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = invoke("check", str(article))
    assert result.exit_code == 2
    assert result.output == "termbase: somewhere.txt: Permission denied\n"


def test_owner_not_kept_is_one_line_on_stderr(invoke, glossary, monkeypatch):
    real_stat = os.stat

    def other_owner(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if str(path) == str(glossary):
            fields = list(result)
            fields[4] = result.st_uid + 1
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(os, "stat", other_owner)
    monkeypatch.setattr(os, "chown", fail_with(errno.EPERM))
    result = edit_note(invoke, glossary)
    assert result.exit_code == 0
    assert f"termbase: {glossary}: the owner could not be kept" in result.output
    assert "Warning" not in result.output and "<note>Catatan.</note>" in glossary.read_text()


def test_merge_reports_a_refused_rename_in_one_line(invoke, tmp_path, glossary, monkeypatch):
    commands, _memory = write_commands(tmp_path, glossary)
    args, xliff = commands["export"]
    assert invoke(*args).exit_code == 0
    before = names_in(tmp_path)
    written = tmp_path / "a.en.txt"
    monkeypatch.setattr(os, "replace", fail_with(errno.EPERM))
    one_error_line(invoke("merge", str(xliff), "-o", str(written)), str(written),
                   "Operation not permitted")
    assert names_in(tmp_path) == before


def test_refuse_to_replace_refuses_only_an_existing_file_without_force(tmp_path):
    from termbase.errors import InputError
    from termbase.textio import refuse_to_replace

    existing = tmp_path / "laporan.csv"
    existing.write_text("lama\n", encoding="utf-8")
    with pytest.raises(InputError, match="already exists; give --force to replace it"):
        refuse_to_replace(existing)
    refuse_to_replace(existing, force=True)
    refuse_to_replace(tmp_path / "baru.csv")  # not there yet
    refuse_to_replace("/dev/null")  # a device is written into, not replaced
