"""The safe-XML entry point (formats/xml.py) and the readers that use it (issue #9).

Every hole of the audit gets a test that reproduces it: entity declarations hidden by
UTF-16, undefined entities an external DTD would define, the prolog regex that
backtracked exponentially, UTF-32, and NUL bytes late in a text.
"""

from __future__ import annotations

import io
import time

import pytest

from termbase.errors import InputError
from termbase.formats.xml import PROLOG_LIMIT, XmlStream, read_prolog, read_xml
from termbase.textio import decode_text, refuse_binary

UNDEFINED = "is not defined (external DTDs are not read)"
DECLARED = "entity declarations are not allowed (XXE/entity-expansion risk)"
UTF32 = "encoding UTF-32 is not read: save the file as UTF-8 (or UTF-16)"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"


def encodings(text: str) -> dict[str, bytes]:
    """A document in every byte form termbase reads (the declaration says UTF-16 in
    the UTF-16 forms, as a tool writing UTF-16 would)."""
    utf16 = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8 bom": text.encode("utf-8-sig"),
        "utf-16 le bom": b"\xff\xfe" + utf16.encode("utf-16-le"),
        "utf-16 be bom": b"\xfe\xff" + utf16.encode("utf-16-be"),
        "utf-16 le": utf16.encode("utf-16-le"),
        "utf-16 be": utf16.encode("utf-16-be"),
    }


def whole(data: bytes):
    return read_xml(data, "f.xml").tree


def streamed(data: bytes):
    stream = XmlStream(io.BytesIO(data), "f.xml", tags=("{*}w",))
    return [element.text for element in stream]


def refused(read, data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        read(data)
    assert caught.value.path == "f.xml"
    return caught.value


READERS = {"whole": whole, "streamed": streamed}

GOOD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE doc SYSTEM "doc.dtd">\n'
        "<!-- Kamus kecil -->\n<doc>\n<w>kopi &amp; teh &#233;</w>\n<w>Jalan Braga</w>\n"
        "</doc>\n")


# --- 1. Encoding -----------------------------------------------------------------------

@pytest.mark.parametrize("form", sorted(encodings(GOOD)))
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_encoding_form_reads_the_same_with_lines_kept(form, reader):
    data = encodings(GOOD)[form]
    if reader == "whole":
        words = whole(data).getroot()
        assert [(w.text, w.sourceline) for w in words] == [("kopi & teh é", 5),
                                                           ("Jalan Braga", 6)]
    else:
        assert streamed(data) == ["kopi & teh é", "Jalan Braga"]


def test_a_declared_single_byte_encoding_is_read():
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<doc><w>Café Sunda</w></doc>'
    assert whole(text.encode("latin-1")).getroot()[0].text == "Café Sunda"
    assert streamed(text.encode("latin-1")) == ["Café Sunda"]


@pytest.mark.parametrize("data", [
    "<doc><w>x</w></doc>".encode("utf-32"),
    "<doc><w>x</w></doc>".encode("utf-32-le"),
    "<doc><w>x</w></doc>".encode("utf-32-be"),
    b'<?xml version="1.0" encoding="UTF-32"?><doc/>',
    b'<?xml version="1.0" encoding="UCS-4"?><doc/>',
], ids=["bom", "le", "be", "declared", "ucs-4"])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_utf32_is_refused_with_one_message(reader, data):
    assert refused(READERS[reader], data).message == UTF32


@pytest.mark.parametrize("declaration, message", [
    ('encoding="x-made-up"', "unknown encoding 'x-made-up' in the XML declaration"),
    ('encoding="cp037"', "encoding cp037 is not read"),  # EBCDIC
    ('encoding="UTF-7"', "encoding UTF-7 is not read"),
    ('encoding="unicode_escape"', "encoding unicode_escape is not read"),
    ('encoding="idna"', "encoding idna is not read"),
    ('encoding="base64"', "encoding base64 is not read"),
    ('encoding="UTF-16"', "declared as UTF-16, but the file is not UTF-16"),
])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_encodings_termbase_cannot_check_are_refused(reader, declaration, message):
    data = f'<?xml version="1.0" {declaration}?>\n<doc/>'.encode("ascii")
    error = refused(READERS[reader], data)
    assert message in error.message and error.line == 1


@pytest.mark.parametrize("reader", sorted(READERS))
def test_bytes_that_do_not_decode_are_refused_with_their_line(reader):
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n<doc>\n<w>caf\xe9</w></doc>'
    error = refused(READERS[reader], data)
    assert error.message == "not valid UTF-8 (byte 0xe9)" and error.line == 3


# --- 2. Entity declarations, whatever the encoding ---------------------------------------

XXE = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<!DOCTYPE doc [\n<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n'
       "<doc><w>&xxe;</w></doc>\n")
LAUGHS = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE doc [\n<!ENTITY l0 "ha">\n'
          + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 10))
          + "]>\n<doc><w>&l9;</w></doc>\n")
PARAMETER = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE doc [\n'
             '<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;\n]>\n'
             "<doc/>\n")


@pytest.mark.parametrize("document", [XXE, LAUGHS, PARAMETER], ids=["xxe", "laughs", "pe"])
@pytest.mark.parametrize("form", sorted(encodings(XXE)))
@pytest.mark.parametrize("reader", sorted(READERS))
def test_entity_declarations_are_refused_in_every_encoding(reader, form, document):
    started = time.perf_counter()
    error = refused(READERS[reader], encodings(document)[form])
    assert DECLARED in error.message and error.line == 3
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_mention_of_entity_declarations_is_not_one(reader):
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE doc [\n<!-- no <!ENTITY here -->\n<!ELEMENT doc ANY>\n'
            '<!ATTLIST w note CDATA "<!ENTITY">\n]>\n'
            "<doc><w>&lt;!ENTITY x &quot;y&quot;&gt;</w></doc>")
    for data in encodings(text).values():
        if reader == "whole":
            assert whole(data).getroot()[0].text == '<!ENTITY x "y">'
        else:
            assert streamed(data) == ['<!ENTITY x "y">']


# --- 3. Undefined entities: what an external DTD would define ----------------------------

@pytest.mark.parametrize("where, line", [("<w>zz&e;zz</w>", 3), ('<w note="a&e;b">x</w>', 3)],
                         ids=["text", "attribute"])
@pytest.mark.parametrize("doctype", ['SYSTEM "http://example.invalid/x.dtd"',
                                     'PUBLIC "-//Example//DTD x//EN" "x.dtd"', ""])
@pytest.mark.parametrize("form", ["utf-8", "utf-16 le bom", "utf-16 be"])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_an_undefined_entity_is_refused_with_its_line(reader, form, doctype, where, line):
    text = (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE doc {doctype}>\n'
            f"<doc>{where}</doc>\n")
    error = refused(READERS[reader], encodings(text)[form])
    assert error.message == f"entity &e; {UNDEFINED}" and error.line == line


@pytest.mark.parametrize("reader", sorted(READERS))
def test_an_external_dtd_without_entity_references_is_read_but_not_loaded(reader, tmp_path):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY e "loaded"><!ATTLIST w note CDATA "from the dtd">',
                   encoding="utf-8")
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE doc SYSTEM "{dtd.as_uri()}">\n'
            "<doc><w><![CDATA[&e; stays text]]></w></doc>")
    if reader == "whole":
        (word,) = whole(text.encode()).getroot()
        assert word.text == "&e; stays text" and word.get("note") is None
    else:
        assert streamed(text.encode()) == ["&e; stays text"]


# --- 4. The prolog scanner: linear, and as strict as the parser ---------------------------

@pytest.mark.parametrize("comments", [16, 24, 5000])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_an_unclosed_doctype_with_comments_fails_fast(reader, comments):
    text = ('<?xml version="1.0"?><!DOCTYPE tmx [' + "<!-- c -->" * comments
            + ' <tmx version="1.4"><header/><body/></tmx>')
    started = time.perf_counter()
    error = refused(READERS[reader], text.encode())
    assert error.message == "malformed XML: unclosed DOCTYPE" and error.line == 1
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("text, message, line", [
    ("\n\n<!-- open", "malformed XML: unclosed comment", 3),
    ('<?xml version="1.0"', "malformed XML: unclosed XML declaration", 1),
    ("<!DOCTYPE a>\n<!DOCTYPE b>\n<a/>", "malformed XML: a second DOCTYPE before the root", 2),
    ("Kopi\n<a/>", "malformed XML: text before the root element", 1),
    ("<!-- only a comment -->\n", "malformed XML: no root element", 2),
    ("\ufeff  \n", "empty file, expected XML", None),
])
def test_prolog_faults_name_their_line(text, message, line):
    error = refused(whole, text.encode())
    assert error.message.startswith(message) and error.line == line


def test_the_prolog_scanner_reports_the_root_and_blanks_only_declaration_and_doctype():
    text = ('<?xml version="1.0"?>\n<!DOCTYPE t:tmx [\n<!ELEMENT x ANY>\n]>\n'
            "<!-- kept -->\n<t:tmx/>")
    prolog = read_prolog(text, "f.xml")
    assert (prolog.root_name, prolog.root_line) == ("tmx", 6)
    assert text[prolog.root_offset:] == "<t:tmx/>"
    assert len(prolog.for_parser) == prolog.root_offset
    assert prolog.for_parser.strip() == "<!-- kept -->"
    assert prolog.for_parser.count("\n") == 5


def test_a_long_prolog_is_streamed_and_a_huge_one_refused():
    long = "<!--" + "x" * 100_000 + "-->\n"
    assert streamed(f"{long}<doc><w>ya</w></doc>".encode()) == ["ya"]
    huge = "<!--" + "x" * PROLOG_LIMIT + "-->\n<doc/>"
    assert "before the root element" in refused(streamed, huge.encode()).message


def test_a_decoding_error_late_in_a_stream_names_its_line():
    data = b"<doc>\n" + b"<w>baris</w>\n" * 20_000 + b"<w>\xff</w></doc>"
    error = refused(streamed, data)
    assert error.message == "not valid UTF-8 (byte 0xff)" and error.line == 20_002


# --- Text inputs: one binary policy -----------------------------------------------------

def test_a_nul_byte_anywhere_makes_a_text_binary():
    late = b"Kerja sama erat.\n" * 1000 + b"ekor\x00biner\n"
    with pytest.raises(InputError) as caught:
        decode_text(late, "artikel.txt")
    assert caught.value.message == "binary file (NUL byte), expected UTF-8 text"
    assert (caught.value.path, caught.value.line) == ("artikel.txt", 1001)
    with pytest.raises(InputError) as caught:
        refuse_binary(b"a\tb\x00\n", "m.tsv", first_line=7)
    assert caught.value.line == 7
    assert decode_text(b"Kerja sama erat.\n" * 1000, "a.txt").text.startswith("Kerja")


# --- The commands that read XML ---------------------------------------------------------

def tbx(prolog: str, term: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
            + '<martif type="TBX-Basic" xml:lang="en"><text><body>\n'
            '<termEntry id="kopi-1"><langSet xml:lang="id"><tig>'
            f"<term>{term}</term></tig></langSet>\n"
            '<langSet xml:lang="en"><tig><term>coffee</term></tig></langSet></termEntry>\n'
            "</body></text></martif>\n")


def tmx(prolog: str, term: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
            + '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" '
            'segtype="sentence" o-tmf="t" adminlang="en" srclang="id" datatype="plaintext"/>'
            '<body>\n<tu><tuv xml:lang="id"><seg>' + term + "</seg></tuv>\n"
            '<tuv xml:lang="en"><seg>Coffee.</seg></tuv></tu>\n</body></tmx>\n')


def xliff12(prolog: str, term: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
            + f'<xliff version="1.2" xmlns="{XLIFF12}"><file original="kopi.txt" '
            'source-language="id" target-language="en" datatype="plaintext"><body>\n'
            f'<trans-unit id="1" approved="yes"><source>{term}</source>\n'
            "<target>Coffee.</target></trans-unit>\n</body></file></xliff>\n")


def xliff20(prolog: str, term: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog
            + f'<xliff version="2.0" xmlns="{XLIFF20}" srcLang="id" trgLang="en">'
            '<file id="f1" original="kopi.txt">\n<unit id="1"><segment state="final">'
            f"<source>{term}</source>\n<target>Coffee.</target></segment></unit>\n"
            "</file></xliff>\n")


ATTACKS = {  # name: (prolog, term, message, bytes of the text)
    "utf-16 xxe": ('<!DOCTYPE r [\n<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n',
                   "&xxe;", DECLARED,
                   lambda text: b"\xff\xfe" + text.replace("UTF-8", "UTF-16")
                   .encode("utf-16-le")),
    "utf-16 xxe no bom": ('<!DOCTYPE r [\n<!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n',
                          "&xxe;", DECLARED,
                          lambda text: text.replace("UTF-8", "UTF-16").encode("utf-16-be")),
    "utf-16 laughs": ('<!DOCTYPE r [\n<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">\n]>\n',
                      "&b;", DECLARED, lambda text: text.encode("utf-16")),
    "external dtd": ('<!DOCTYPE r SYSTEM "http://example.invalid/r.dtd">\n', "Kopi zz&e;zz",
                     "entity &e; " + UNDEFINED, lambda text: text.encode()),
    "backtracking": ("<!DOCTYPE r [" + "<!-- c -->" * 30, "Kopi.",
                     "malformed XML: unclosed DOCTYPE", lambda text: text.encode()),
    "utf-32": ("", "Kopi.", UTF32, lambda text: text.encode("utf-32")),
}


def expected_line(text: str, prolog: str, term: str, attack: str) -> int | None:
    if attack == "utf-32":
        return None
    if "&" not in term:
        return 2  # where the unclosed DOCTYPE opens
    if "<!ENTITY" in prolog:
        return 3  # the first entity declaration
    return text[:text.index(term)].count("\n") + 1


def commands(kind: str, path, tmp_path, article) -> list[list[str]]:
    memory = str(tmp_path / "m.db")
    if kind == "tbx":
        return [["glossary", "list", "--glossary", path],
                ["glossary", "show", "kopi-1", "--glossary", path],
                ["check", "--glossary", path, article],
                ["glossary", "add", "teh-1", "--term", "id=teh", "--term", "en=tea",
                 "--to", path, "--glossary", path],
                ["glossary", "import", path, "--into", str(tmp_path / "into.tbx")]]
    read_as_memory = [["tm", "import", "--tm", memory, path], ["check", path]]
    if kind == "tmx":
        return read_as_memory
    return [*read_as_memory, ["merge", path, "-o", str(tmp_path / "out.txt")]]


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("kind, make, suffix", [
    ("tbx", tbx, ".tbx"), ("tmx", tmx, ".tmx"), ("xliff12", xliff12, ".xlf"),
    ("xliff20", xliff20, ".xlf")], ids=["tbx", "tmx", "xliff12", "xliff20"])
def test_every_command_refuses_the_attacks_with_one_line_and_writes_nothing(
        invoke, tmp_path, kind, make, suffix, attack):
    prolog, term, message, encode = ATTACKS[attack]
    text = make(prolog, term)
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(encode(text))
    before = path.read_bytes()
    into = tmp_path / "into.tbx"
    into.write_text(tbx("", "susu"), encoding="utf-8")
    article = tmp_path / "kopi.txt"
    article.write_text("Kopi dari Aceh.\n", encoding="utf-8")
    line = expected_line(text, prolog, term, attack)
    where = f"{path}:{line}: " if line else f"{path}: "
    for command in commands(kind, str(path), tmp_path, str(article)):
        result = invoke(*command)
        assert result.exit_code == 2, (command, result.output)
        assert result.output == f"termbase: {where}{message}\n", command
    assert path.read_bytes() == before
    assert into.read_text(encoding="utf-8") == tbx("", "susu")
    assert not (tmp_path / "m.db").exists() and not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("kind, make, suffix", [
    ("tbx", tbx, ".tbx"), ("tmx", tmx, ".tmx"), ("xliff12", xliff12, ".xlf"),
    ("xliff20", xliff20, ".xlf")], ids=["tbx", "tmx", "xliff12", "xliff20"])
def test_a_utf16_file_with_an_external_dtd_and_no_entities_is_read(
        invoke, tmp_path, kind, make, suffix):
    text = make('<!DOCTYPE r SYSTEM "r.dtd">\n', "Kopi &amp; susu.")
    path = tmp_path / f"good{suffix}"
    path.write_bytes(text.replace("UTF-8", "UTF-16").encode("utf-16"))
    if kind == "tbx":
        result = invoke("glossary", "show", "kopi-1", "--glossary", str(path))
        assert result.exit_code == 0 and "Kopi & susu." in result.output
    else:
        result = invoke("tm", "import", "--tm", str(tmp_path / "m.db"), str(path))
        assert result.exit_code == 0 and "1 added" in result.output


def test_a_utf16_glossary_without_a_bom_is_read_but_not_edited(invoke, tmp_path):
    path = tmp_path / "g.tbx"
    path.write_bytes(tbx("", "kopi").replace("UTF-8", "UTF-16").encode("utf-16-le"))
    before = path.read_bytes()
    assert invoke("glossary", "list", "--glossary", str(path)).exit_code == 0
    result = invoke("glossary", "add", "teh-1", "--term", "id=teh", "--term", "en=tea",
                    "--to", str(path), "--glossary", str(path))
    assert result.exit_code == 2 and path.read_bytes() == before
    assert result.output == (f"termbase: {path}: cannot edit UTF-16-LE without a byte "
                             "order mark; convert the file to UTF-8 first, e.g. iconv -t "
                             "utf-8\n")


def test_a_utf16_glossary_with_a_bom_is_edited_in_utf16(invoke, tmp_path):
    path = tmp_path / "g.tbx"
    path.write_bytes(tbx("", "kopi").replace("UTF-8", "UTF-16").encode("utf-16"))
    result = invoke("glossary", "add", "teh-1", "--term", "id=teh", "--term", "en=tea",
                    "--to", str(path), "--glossary", str(path))
    assert result.exit_code == 0
    text = path.read_bytes().decode("utf-16")
    assert "<term>teh</term>" in text and "<term>kopi</term>" in text


def test_the_shipped_glossaries_still_load(invoke):
    result = invoke("glossary", "stats")
    assert result.exit_code == 0


@pytest.mark.parametrize("command", [["check"], ["segment"]])
def test_an_article_with_a_nul_after_8_kb_is_refused(invoke, tmp_path, command):
    path = tmp_path / "artikel.txt"
    path.write_bytes(b"Kerja sama erat.\n" * 1000 + b"ekor\x00biner\n")
    result = invoke(*command, str(path))
    assert result.exit_code == 2
    assert result.output == (f"termbase: {path}:1001: binary file (NUL byte), expected "
                             "UTF-8 text\n")


def test_a_glossary_cached_before_the_safe_reader_is_parsed_again(tmp_path, monkeypatch):
    """The cache key holds termbase's version and a format number; without a new number,
    a hostile glossary accepted (and cached) by the old reader would still load."""
    import hashlib
    import pickle

    from termbase import __version__
    from termbase.glossary.cache import load_concepts
    from termbase.model import Concept

    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "g.tbx"
    path.write_bytes(tbx(ATTACKS["utf-16 xxe"][0], "&xxe;").replace("UTF-8", "UTF-16")
                     .encode("utf-16"))
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"{__version__}/2".encode())  # the key the old reader's result had
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{digest.hexdigest()}.pickle").write_bytes(
        pickle.dumps([Concept(id="kopi-1", terms=[])]))
    with pytest.raises(InputError) as caught:
        load_concepts(path)
    assert DECLARED in caught.value.message and caught.value.line == 3
