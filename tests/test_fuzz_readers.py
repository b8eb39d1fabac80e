"""Every reader under a seeded mutator (issue #9): whatever the bytes, each command that
reads a file ends with status 0, 1 or 2 and no uncaught exception, JSON output stays
JSON, and an input error is one line naming the file."""

from __future__ import annotations

import codecs
import json
import random

import pytest

SEED = 9
MUTANTS = 30  # per format: the whole test stays within seconds

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="id"><text><body>
<termEntry id="kopi-1"><descrip type="subjectField">ekonomi</descrip>
<langSet xml:lang="id"><tig><term>ekspor kopi</term>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
<tig><term>eksport kopi</term>
<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="en"><tig><term>coffee export</term></tig></langSet></termEntry>
</body></text></martif>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="id" datatype="plaintext"/><body>
<tu><tuv xml:lang="id"><seg>Harga kopi naik.</seg></tuv>
<tuv xml:lang="en"><seg>Coffee prices rose.</seg></tuv></tu>
</body></tmx>
"""
XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="kopi.txt" source-language="id" target-language="en" datatype="plaintext">
<body><trans-unit id="1" approved="yes"><source>Harga kopi naik.</source>
<target state="translated">Coffee prices rose.</target></trans-unit></body></file></xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="id"
 trgLang="en"><file id="f1" original="kopi.txt"><unit id="1"><segment state="final">
<source>Harga kopi naik.</source><target>Coffee prices rose.</target></segment></unit>
</file></xliff>
"""
PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

msgid "Harga kopi naik."
msgstr "Coffee prices rose."
"""
TSV = "Harga kopi naik.\tCoffee prices rose.\n"
CSV = ("concept_id,subject_field,language,term,status\n"
       "teh-1,ekonomi,id,ekspor teh,preferred\nteh-1,ekonomi,en,tea export,preferred\n")
ARTICLE = "Harga kopi naik. Eksport kopi tumbuh  pesat di Jakarta.\n"

# Pieces an attacker or a broken tool would put in a file.
HOSTILE = [b"<!ENTITY e SYSTEM 'file:///etc/hostname'>", b"&e;", b"\x00", b"<!DOCTYPE x [",
           b"<!--", b"]]>", b"\xff\xfe", b"\xef\xbb\xbf", b"&#0;", b"<", b"\r\n", b"\xc3",
           "“".encode() * 50, b"a" * 3000]


# Encodings an XML declaration may name that a reader must refuse or read correctly.
DECLARED = [b"idna", b"UTF-32", b"cp500", b"utf-7", b"unicode_escape", b"latin-1", b"bogus",
            b"UTF-16", b"base64"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three random edits: cut, flip, drop, repeat or insert a hostile piece,
    another declared encoding, or the whole file re-encoded as UTF-16."""
    for _ in range(rng.randint(1, 3)):
        choice = rng.randrange(7)
        if choice == 6:
            data = data.replace(b'encoding="UTF-8"', b'encoding="' + rng.choice(DECLARED)
                                + b'"', 1)
            continue
        at = rng.randrange(len(data) + 1)
        if choice == 0:
            data = data[:at]
        elif choice == 1 and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]
        elif choice == 2:
            data = data[:at] + data[at + rng.randint(1, 40):]
        elif choice == 3:
            data = data[:at] + data[at:at + 200] * rng.randint(2, 20) + data[at:]
        elif choice == 4:
            data = data[:at] + rng.choice(HOSTILE) + data[at:]
        else:
            try:
                data = codecs.BOM_UTF16_LE + data.decode("utf-8").encode("utf-16-le")
            except UnicodeDecodeError:
                data = data[::-1]
    return data


def commands(path, tmp_path, number):
    """The commands that read a file of this kind, each a list of arguments."""
    article = tmp_path / "artikel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    memory = str(tmp_path / "m.db")
    suffix = path.suffix
    if suffix == ".tbx":
        return [["glossary", "list", "--glossary", str(path)],
                ["check", "--format", "json", "--glossary", str(path), str(article)]]
    if suffix in (".tmx", ".po", ".tsv"):
        return [["tm", "import", "--tm", memory, str(path)]]
    if suffix == ".xlf":
        return [["tm", "import", "--tm", memory, str(path)],
                ["check", "--format", "json", str(path)],
                ["merge", "-o", str(tmp_path / f"out-{number}.txt"), str(path)]]
    if suffix == ".csv":
        into = tmp_path / "into.tbx"
        into.write_text(TBX, encoding="utf-8")
        return [["glossary", "import", str(path), "--into", str(into)]]
    return [["check", "--format", "json", str(path)],
            ["segment", str(path)]]


SEEDS = {"g.tbx": TBX, "m.tmx": TMX, "a12.xlf": XLIFF12, "a20.xlf": XLIFF20, "m.po": PO,
         "m.tsv": TSV, "g.csv": CSV, "artikel-fuzz.txt": ARTICLE, "artikel-fuzz.md": ARTICLE}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_mutated_files_end_in_a_status_never_a_crash(invoke, tmp_path, name):
    rng = random.Random(f"{SEED}-{name}")
    seed = SEEDS[name].encode("utf-8")
    path = tmp_path / name
    for number in range(MUTANTS):
        data = seed if number == 0 else mutate(seed, rng)
        path.write_bytes(data)
        for args in commands(path, tmp_path, number):
            result = invoke(*args)  # an uncaught exception fails the test here
            assert result.exit_code in (0, 1, 2), (args, data[:300], result.output)
            if result.exit_code == 2:
                lines = result.output.strip().splitlines()
                assert lines and lines[-1].startswith("termbase: "), (args, result.output)
                assert len(lines) == 1 and str(path) in lines[0], (args, result.output)
            elif "--format" in args:
                json.loads(result.stdout)


BROKEN_RULE = """
import sys
from termbase.check.registry import BY_NAME
rule = BY_NAME["typography/double-space"]
def broken(doc, ctx):
    raise ValueError("a rule that breaks")
    yield
object.__setattr__(rule, "check", broken)
from termbase.cli import main
sys.argv[0] = "termbase"
main()
"""


@pytest.mark.parametrize("debug, status", [([], 4), (["--debug"], 1)])
def test_a_bug_inside_a_rule_is_one_line_and_its_own_status(tmp_path, debug, status):
    import subprocess
    import sys

    article = tmp_path / "artikel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", BROKEN_RULE, *debug, "check", str(article)],
                          capture_output=True, text=True)
    assert done.returncode == status
    if debug:  # the traceback, for a bug report
        assert "Traceback" in done.stderr and "a rule that breaks" in done.stderr
    else:
        assert done.stderr == ("termbase: internal error: ValueError: a rule that breaks "
                               "(a bug in termbase, not in your input; please report it "
                               "with the output of the same command run with --debug)\n")
        assert done.stdout == ""


def test_an_interrupted_command_exits_3_in_one_line(invoke, tmp_path, monkeypatch):
    from termbase.check import engine

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "check_document", interrupted)
    article = tmp_path / "artikel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", str(article))
    assert result.exit_code == 3 and result.output == "termbase: interrupted\n"
