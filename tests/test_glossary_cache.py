"""The parsed-glossary cache: keyed by content, never stale, never required."""

from __future__ import annotations

import pytest

from termbase.glossary import Glossary, cache

TBX = """<martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="id">
<tig><term>{preferred}</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
</langSet></termEntry></body></text></martif>"""


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(folder))
    return folder


def write(path, preferred):
    path.write_text(TBX.format(preferred=preferred), encoding="utf-8")
    return path


def test_second_load_comes_from_the_cache(tmp_path, cache_dir, monkeypatch):
    path = write(tmp_path / "g.tbx", "kerja sama")
    first = Glossary.load([path])
    assert len(list(cache_dir.glob("*.pickle"))) == 1

    def no_parsing(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(cache, "parse_tbx", no_parsing)
    second = Glossary.load([path])
    assert [t.text for c in second.concepts for t in c.terms] == ["kerja sama"]
    assert second.concepts[0].terms[0].match_key == ("kerja", "sama")
    assert first.concepts[0].id == second.concepts[0].id


def test_an_edited_file_is_parsed_again(tmp_path, cache_dir):
    path = write(tmp_path / "g.tbx", "kerja sama")
    Glossary.load([path])
    write(path, "batu bara")
    assert Glossary.load([path]).concepts[0].terms[0].text == "batu bara"


def test_same_content_elsewhere_reports_its_own_path(tmp_path, cache_dir):
    a = write(tmp_path / "a.tbx", "kerja sama")
    b = write(tmp_path / "b.tbx", "kerja sama")
    Glossary.load([a])
    assert Glossary.load([b]).concepts[0].source == str(b)


def test_corrupt_entry_is_ignored(tmp_path, cache_dir):
    path = write(tmp_path / "g.tbx", "kerja sama")
    Glossary.load([path])
    for entry in cache_dir.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert Glossary.load([path]).concepts[0].terms[0].text == "kerja sama"


def test_unwritable_cache_is_not_required(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(blocker / "cache"))
    path = write(tmp_path / "g.tbx", "kerja sama")
    assert Glossary.load([path]).concepts[0].terms[0].text == "kerja sama"


def test_bad_files_are_not_cached(tmp_path, cache_dir):
    path = tmp_path / "bad.tbx"
    path.write_text("<martif><text>", encoding="utf-8")
    with pytest.raises(Exception, match="malformed"):
        Glossary.load([path])
    assert not list(cache_dir.glob("*.pickle"))


def test_a_change_to_termbases_code_is_a_new_key(tmp_path):
    """The key follows the reader's code and word lists, not a number bumped by hand."""
    import os

    code = tmp_path / "pkg"
    (code / "data").mkdir(parents=True)
    (code / "__pycache__").mkdir()
    reader = code / "tbx.py"
    reader.write_text("VERSION = 1\n", encoding="utf-8")
    (code / "data" / "clitics.txt").write_text("nya\n", encoding="utf-8")
    before = cache.folder_signature(code)
    (code / "__pycache__" / "tbx.cpython-311.pyc").write_bytes(b"compiled")
    (code / "notes.md").write_text("not code\n", encoding="utf-8")
    assert cache.folder_signature(code) == before  # neither code nor a word list
    (code / "data" / "clitics.txt").write_text("nya\nku\n", encoding="utf-8")
    assert cache.folder_signature(code) != before
    changed = cache.folder_signature(code)
    stat = reader.stat()
    os.utime(reader, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert cache.folder_signature(code) != changed  # same size, edited later


def test_the_installed_code_signs_the_cache_key(tmp_path, cache_dir, monkeypatch):
    path = write(tmp_path / "g.tbx", "kerja sama")
    Glossary.load([path])
    monkeypatch.setattr(cache, "code_signature", lambda: "another termbase")
    Glossary.load([path])
    assert len(list(cache_dir.glob("*.pickle"))) == 2
