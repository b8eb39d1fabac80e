"""One contract for every registered format of every kind (formats/registry.py).

Each format of a kind is read (and, when writable, written) through the registry's one
signature, and held to the same promises: what is written reads back the same; an
empty file, hostile XML, a wrong encoding and a truncated file are one InputError
naming the file (and, where a line can be named, the line); detection works by
extension and, for a file with an unknown extension, by content.

Empty files: a file with no content at all (0 bytes, or only blank lines) is an
InputError in every format of every kind, because it is nearly always a failed
download or a wrong path. A well-formed file that holds no entries (a TBX body with no
concepts, a TMX body with no units, a PO file with only its header) reads as an empty
result: that is what writing an empty glossary or memory produces, where the format
can express it.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from termbase.errors import InputError
from termbase.formats.bilingual import is_bilingual_path
from termbase.formats.registry import BILINGUAL, GLOSSARY, HANDOFF, MEMORY, Format, Kind
from termbase.model import Concept, Status, Term, TranslationUnit

KINDS = {"glossary": GLOSSARY, "memory": MEMORY, "bilingual": BILINGUAL}

# Sentences of our own: (Indonesian, English), one with non-ASCII letters.
PAIRS = [("Pasar malam dibuka setiap Sabtu.", "The night market opens every Saturday."),
         ("Kopi tubruk diseduh tanpa saringan.", "Boiled coffee is brewed without a filter."),
         ("Kafé itu menjual pisang goreng.", "That café sells fried bananas.")]
TERMS = [("pasar malam", "night market"), ("kopi tubruk", "boiled coffee"),
         ("kafé", "café")]

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"


def concepts() -> list[Concept]:
    return [Concept(f"c-{n}", [Term(source, "id", Status.PREFERRED),
                               Term(target, "en", Status.PREFERRED)])
            for n, (source, target) in enumerate(TERMS, start=1)]


def units() -> list[TranslationUnit]:
    return [TranslationUnit(source, target, tuid=str(n))
            for n, (source, target) in enumerate(PAIRS, start=1)]


def xliff(pairs) -> bytes:
    body = "".join(f'<trans-unit id="{n}" approved="yes"><source>{s}</source>\n'
                   f"<target>{t}</target></trans-unit>\n"
                   for n, (s, t) in enumerate(pairs, start=1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
            f'xmlns="{XLIFF12}">\n<file original="pasar.txt" source-language="id" '
            f'target-language="en" datatype="plaintext"><body>\n{body}'
            "</body></file></xliff>\n").encode()


def memory_bytes(name: str, written: list[TranslationUnit]) -> bytes:
    out = io.BytesIO()
    MEMORY.writer(name).write(out, written, "id-ID", "en-US")
    return out.getvalue()


def good(kind: str, fmt: Format) -> bytes:
    """A well-formed file of the format holding the sample."""
    if kind == "glossary":
        return fmt.write(concepts())
    if fmt.name == "xliff":
        return xliff(PAIRS)
    return memory_bytes(fmt.name, units())


def pairs_read(kind: str, fmt: Format, path) -> list[tuple[str, str]]:
    """What the format's reader gives for path, as (Indonesian, English) pairs."""
    if kind == "glossary":
        return [(c.preferred("id").text, c.preferred("en").text)
                for c in fmt.read(path.read_bytes(), str(path))]
    if kind == "memory":
        return [(u.source, u.target) for u in fmt.read(path, str(path), "id", "en", None)]
    return [(u.source.text, u.target.text) for u in fmt.read(str(path)).units]


def expected(kind: str) -> list[tuple[str, str]]:
    return TERMS if kind == "glossary" else PAIRS


def is_xml(head: bytes) -> bool:
    from termbase.formats.registry import xml_root

    return xml_root(head) is not None


CASES = [pytest.param(kind, fmt, id=f"{kind}-{fmt.name}")
         for kind, registry in KINDS.items() for fmt in registry.formats]
WRITABLE = [case for case in CASES if case.values[1].write is not None]
XML_CASES = [case for case in CASES if is_xml(good(*case.values))]
TEXT_CASES = [case for case in CASES if case not in XML_CASES]


def refused(kind: str, fmt: Format, path) -> InputError:
    with pytest.raises(InputError) as caught:
        pairs_read(kind, fmt, path)
    error = caught.value
    assert error.path == str(path)
    assert "\n" not in str(error)
    return error


def file_of(tmp_path, fmt: Format, data: bytes):
    path = tmp_path / f"contoh{fmt.extensions[0]}"
    path.write_bytes(data)
    return path


# --- The registries -------------------------------------------------------------------

@pytest.mark.parametrize("registry", [*KINDS.values(), HANDOFF], ids=lambda k: k.label)
def test_every_entry_is_complete_and_named_once(registry: Kind):
    names = registry.names()
    assert len(names) == len(set(names))
    for fmt in registry.formats:
        assert fmt.description and fmt.name.isidentifier()
        assert all(e.startswith(".") and e == e.lower() for e in fmt.extensions)
        assert fmt.read is not None or fmt.write is not None


def test_the_registries_hold_the_formats_termbase_documents():
    assert GLOSSARY.names() == ["tbx", "tbx3", "po", "omegat", "csv"]
    assert MEMORY.names() == ["tmx", "xliff", "po", "tsv"]
    assert MEMORY.names(writable=True) == ["tmx", "po", "tsv"]
    assert HANDOFF.names() == ["xliff", "xliff2", "tmx"]


def test_check_takes_a_file_for_units_by_the_bilingual_extensions_alone(tmp_path):
    for extension in BILINGUAL.extensions():
        assert is_bilingual_path(f"BERITA{extension.upper()}")
    # An article is never taken for markup, whatever it holds.
    article = tmp_path / "berita.txt"
    article.write_text('<xliff version="1.2"></xliff>\n', encoding="utf-8")
    assert not is_bilingual_path(str(article))


def test_importing_the_registry_loads_no_format():
    code = ("import sys, termbase.formats.registry, termbase.cli.glossary, termbase.cli.tm;"
            "print(sorted(m for m in ('lxml', 'polib') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout
    assert shown.strip() == "[]"


def test_a_read_only_format_is_refused_for_writing_in_one_line():
    with pytest.raises(InputError) as caught:
        MEMORY.for_output("hasil.xlf")
    assert "cannot tell the translation-memory format from '.xlf'" in str(caught.value)
    with pytest.raises(InputError) as caught:
        MEMORY.for_output("hasil.tmx", "xliff")
    assert str(caught.value) == ("hasil.tmx: xliff is read only: termbase does not write "
                                 "translation-memory files as xliff (writable: tmx, po, "
                                 "tsv)")


@pytest.mark.parametrize("registry, path, name", [
    (GLOSSARY, "istilah.tbx", "tbx"), (GLOSSARY, "ISTILAH.XML", "tbx"),
    (GLOSSARY, "istilah.utf8", "omegat"), (GLOSSARY, "istilah.pot", "po"),
    (MEMORY, "memori.txt", "tsv"), (MEMORY, "memori.po", "po"),
    (HANDOFF, "tugas.xliff", "xliff"), (HANDOFF, "tugas.TMX", "tmx")])
def test_output_format_from_the_extension_and_format_overrides(registry, path, name):
    assert registry.for_output(path).name == name
    other = next(n for n in registry.names(writable=True) if n != name)
    assert registry.for_output(path, other).name == other


@pytest.mark.parametrize("registry", [GLOSSARY, MEMORY, HANDOFF], ids=lambda k: k.label)
@pytest.mark.parametrize("path", ["hasil.docx", "hasil"])
def test_an_output_extension_no_format_claims_is_one_line(registry, path):
    with pytest.raises(InputError) as caught:
        registry.for_output(path)
    assert caught.value.path == path and "give --format" in caught.value.message
    assert "\n" not in str(caught.value)


# --- Every format: round trip ---------------------------------------------------------

@pytest.mark.parametrize("kind, fmt", WRITABLE)
def test_what_is_written_reads_back_the_same(tmp_path, kind, fmt):
    path = file_of(tmp_path, fmt, good(kind, fmt))
    assert pairs_read(kind, fmt, path) == expected(kind)
    if kind == "glossary":  # every concept says where it was read
        assert {c.source for c in fmt.read(path.read_bytes(), str(path))} == {str(path)}


@pytest.mark.parametrize("kind, fmt", CASES)
def test_the_sample_reads_in_every_format(tmp_path, kind, fmt):
    assert pairs_read(kind, fmt, file_of(tmp_path, fmt, good(kind, fmt))) == expected(kind)


# --- Empty files ----------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"\n  \n"], ids=["0 bytes", "blank lines"])
@pytest.mark.parametrize("kind, fmt", CASES)
def test_an_empty_file_is_one_line_naming_it(tmp_path, kind, fmt, data):
    error = refused(kind, fmt, file_of(tmp_path, fmt, data))
    assert error.message.startswith("empty file") and error.line is None


@pytest.mark.parametrize("kind, fmt", [c for c in WRITABLE if c.values[1].name in (
    "tbx", "tbx3", "po", "csv", "tmx")])
def test_a_well_formed_file_without_entries_reads_as_nothing(tmp_path, kind, fmt):
    data = fmt.write([]) if kind == "glossary" else memory_bytes(fmt.name, [])
    assert pairs_read(kind, fmt, file_of(tmp_path, fmt, data)) == []


# --- Hostile XML ----------------------------------------------------------------------

HOSTILE = {
    "external entity": ('<!DOCTYPE r [\n<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n',
                        "entity declarations are not allowed"),
    "billion laughs": ('<!DOCTYPE r [\n<!ENTITY l0 "ha">\n'
                       + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n'
                                 for i in range(1, 10)) + "]>\n",
                       "entity declarations are not allowed"),
}


@pytest.mark.parametrize("attack", sorted(HOSTILE))
@pytest.mark.parametrize("kind, fmt", XML_CASES)
def test_hostile_xml_is_refused_with_file_and_line(tmp_path, kind, fmt, attack):
    doctype, message = HOSTILE[attack]
    text = good(kind, fmt).decode("utf-8")
    declaration_end = text.index("?>") + 3  # the XML declaration and its line break
    text = text[:declaration_end] + doctype + text[declaration_end:]
    error = refused(kind, fmt, file_of(tmp_path, fmt, text.encode()))
    assert message in error.message and error.line == 3  # the first <!ENTITY


# --- Encodings ------------------------------------------------------------------------

@pytest.mark.parametrize("kind, fmt", CASES)
def test_latin1_bytes_in_utf8_are_refused_at_their_line(tmp_path, kind, fmt):
    data = good(kind, fmt)
    assert "é".encode() in data
    line = data[:data.index("é".encode())].count(b"\n") + 1
    error = refused(kind, fmt, file_of(tmp_path, fmt, data.replace("é".encode(), b"\xe9")))
    assert error.line == line and "not valid UTF-8 (byte 0xe9)" in error.message


@pytest.mark.parametrize("kind, fmt", XML_CASES)
def test_xml_in_utf16_without_a_bom_reads_the_same(tmp_path, kind, fmt):
    text = good(kind, fmt).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    text = text.replace("encoding='UTF-8'", "encoding='UTF-16'")
    path = file_of(tmp_path, fmt, text.encode("utf-16-le"))
    assert pairs_read(kind, fmt, path) == expected(kind)


@pytest.mark.parametrize("kind, fmt", TEXT_CASES)
def test_text_in_utf16_without_a_bom_is_refused(tmp_path, kind, fmt):
    data = good(kind, fmt).decode("utf-8").encode("utf-16-le")
    error = refused(kind, fmt, file_of(tmp_path, fmt, data))
    assert error.line == 1


# --- Truncated files ------------------------------------------------------------------

@pytest.mark.parametrize("kind, fmt", XML_CASES)
def test_a_truncated_xml_file_is_refused_with_its_line(tmp_path, kind, fmt):
    data = good(kind, fmt)
    cut = data[:data.rindex(PAIRS[-1][1][:8].encode() if kind != "glossary"
                            else TERMS[-1][1].encode())]
    error = refused(kind, fmt, file_of(tmp_path, fmt, cut))
    assert error.line is not None and 1 <= error.line <= cut.count(b"\n") + 1


@pytest.mark.parametrize("kind, fmt", TEXT_CASES)
def test_a_truncated_text_file_is_refused_or_read_up_to_the_cut(tmp_path, kind, fmt):
    """Line formats cannot always tell a cut file from a short one: a cut inside the
    last record is an InputError with its line, or that record is read as far as it
    goes; the records before the cut are never lost."""
    data = good(kind, fmt)
    last = (TERMS if kind == "glossary" else PAIRS)[-1][1]
    cut = data[:data.rindex(last.encode()) + 4]
    path = file_of(tmp_path, fmt, cut)
    try:
        read = pairs_read(kind, fmt, path)
    except InputError as error:
        assert error.path == str(path) and error.line == cut.count(b"\n") + 1
    else:
        assert read[:-1] == expected(kind)[:-1] and read[-1][1] == last[:4]


# --- Detection ------------------------------------------------------------------------

@pytest.mark.parametrize("kind, fmt", CASES)
def test_detection_by_every_extension(tmp_path, kind, fmt):
    registry = KINDS[kind]
    head = good(kind, fmt)
    for extension in fmt.extensions:
        assert registry.detect(f"contoh{extension.upper()}", head) is fmt


@pytest.mark.parametrize("kind, fmt", [c for c in CASES if c.values[1].sniff is not None])
def test_detection_by_content_for_an_unknown_extension(tmp_path, kind, fmt):
    path = tmp_path / "contoh.dat"
    path.write_bytes(good(kind, fmt))
    assert KINDS[kind].detect(path) is fmt
    assert KINDS[kind].detect("contoh", good(kind, fmt)) is fmt


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_content_no_format_recognises_is_one_line(tmp_path, kind):
    path = tmp_path / "catatan.md"
    path.write_text("# Catatan\n\nPasar malam dibuka setiap Sabtu.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        KINDS[kind].detect(path)
    assert caught.value.path == str(path)
    assert "format '.md' (known extensions:" in caught.value.message


# --- The commands: -o names the format ------------------------------------------------

def glossary_file(tmp_path):
    path = tmp_path / "istilah.tbx"
    path.write_bytes(GLOSSARY.writer("tbx").write(concepts()))
    return path


def memory_file(invoke, tmp_path):
    source = tmp_path / "sumber.tsv"
    source.write_bytes(memory_bytes("tsv", units()))
    memory = tmp_path / "m.sqlite"
    assert invoke("tm", "import", "--tm", str(memory), str(source)).exit_code == 0
    return memory


@pytest.mark.parametrize("name, fmt", [("keluar.csv", "csv"), ("keluar.tbx", "tbx"),
                                       ("keluar.utf8", "omegat"), ("keluar.po", "po")])
def test_glossary_export_takes_the_format_from_o(invoke, tmp_path, name, fmt):
    out = tmp_path / name
    result = invoke("glossary", "export", "--glossary", str(glossary_file(tmp_path)),
                    "-o", str(out))
    assert result.exit_code == 0 and f"as {fmt}" in result.output
    assert pairs_read("glossary", GLOSSARY.get(fmt), out) == TERMS


@pytest.mark.parametrize("name, fmt", [("keluar.tmx", "tmx"), ("keluar.pot", "po"),
                                       ("keluar.tab", "tsv")])
def test_tm_export_takes_the_format_from_o(invoke, tmp_path, name, fmt):
    memory = memory_file(invoke, tmp_path)
    out = tmp_path / name
    result = invoke("tm", "export", "--tm", str(memory), "-o", str(out))
    assert result.exit_code == 0 and f"as {fmt}" in result.output
    assert sorted(pairs_read("memory", MEMORY.get(fmt), out)) == sorted(PAIRS)


def test_format_overrides_the_extension_of_o(invoke, tmp_path):
    out = tmp_path / "keluar.txt"
    result = invoke("tm", "export", "--tm", str(memory_file(invoke, tmp_path)),
                    "--format", "tmx", "-o", str(out))
    assert result.exit_code == 0 and MEMORY.detect(tmp_path / "x.dat",
                                                   out.read_bytes()).name == "tmx"


def test_an_unknown_extension_of_o_is_one_line_exit_2_and_writes_nothing(invoke, tmp_path):
    article = tmp_path / "pasar.txt"
    article.write_text(PAIRS[0][0] + "\n", encoding="utf-8")
    glossary = glossary_file(tmp_path)
    memory = memory_file(invoke, tmp_path)
    for command, label in (
            (["glossary", "export", "--glossary", str(glossary)], "glossary"),
            (["tm", "export", "--tm", str(memory)], "translation-memory"),
            (["export", str(article), "--no-tm", "--glossary", str(glossary)], "export")):
        out = tmp_path / "keluar.docx"
        result = invoke(*command, "-o", str(out))
        assert result.exit_code == 2, (command, result.output)
        assert result.output.startswith(f"termbase: {out}: cannot tell the {label} format "
                                        "from '.docx': give --format ")
        assert result.output.count("\n") == 1 and not out.exists()


def test_the_format_choices_are_the_registry_names():
    from termbase.cli import cli

    def choices(*path: str) -> list[str]:
        command = cli
        for name in path:
            command = command.commands[name]
        option = next(p for p in command.params if p.name.endswith("format")
                      and p.opts[0] == "--format")
        return list(option.type.choices)

    assert choices("glossary", "export") == GLOSSARY.names(writable=True)
    assert choices("glossary", "import") == GLOSSARY.names()
    assert choices("tm", "export") == MEMORY.names(writable=True)
    assert choices("tm", "import") == MEMORY.names()
    assert choices("export") == HANDOFF.names()
