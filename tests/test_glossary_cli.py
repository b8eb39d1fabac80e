"""termbase glossary ...: maintenance keeps the file but for the edit; validation."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from termbase.glossary import default_glossary_paths

SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<!-- desk glossary: keep this comment -->
<martif type="TBX-Basic" xml:lang="en" x-desk="keep">
  <text>
    <body>
      <termEntry id="c1">
        <descrip type="subjectField">diplomacy</descrip>
        <x-unknown flavour="kept">opaque</x-unknown>
        <langSet xml:lang="id">
          <tig>
            <term>kerja sama</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="en">
          <tig>
            <term>cooperation</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(SMALL, encoding="utf-8")
    return path


def added_and_removed(before: str, after: str) -> tuple[list[str], list[str]]:
    import difflib

    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return ([d[2:] for d in diff if d.startswith("+ ")],
            [d[2:] for d in diff if d.startswith("- ")])


def test_deprecate_adds_only_the_variant(invoke, small):
    result = invoke("glossary", "deprecate", "kerjasama", "--use", "kerja sama",
                    "--glossary", str(small))
    assert result.exit_code == 0, result.output
    added, removed = added_and_removed(SMALL, small.read_text(encoding="utf-8"))
    assert removed == []
    assert [line.strip() for line in added] == [
        "<tig>", "<term>kerjasama</term>",
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>', "</tig>"]
    check = invoke("check", "--format", "json", "--glossary", str(small), "-",
                   input="Kerjasama itu erat.\n")
    assert json.loads(check.output)["findings"][0]["suggestions"] == ["Kerja sama"]


def test_edit_changes_only_what_it_names(invoke, small):
    invoke("glossary", "edit", "c1", "--subject", "economy", "--glossary", str(small))
    added, removed = added_and_removed(SMALL, small.read_text(encoding="utf-8"))
    assert [x.strip() for x in removed] == ['<descrip type="subjectField">diplomacy</descrip>']
    assert [x.strip() for x in added] == ['<descrip type="subjectField">economy</descrip>']


def test_add_then_remove_restores_the_file_byte_for_byte(invoke, small):
    add = invoke("glossary", "add", "c2", "--term", "id=batu bara", "--term", "en=coal",
                 "--term", "id:deprecated=batubara", "--subject", "energy",
                 "--definition", "id=Bahan bakar fosil padat.", "--glossary", str(small))
    assert add.exit_code == 0, add.output
    shown = json.loads(invoke("glossary", "show", "c2", "--format", "json",
                              "--glossary", str(small)).output)
    assert shown["preferred"] == {"id": "batu bara", "en": "coal"}
    assert invoke("glossary", "remove", "c2", "--glossary", str(small)).exit_code == 0
    assert small.read_text(encoding="utf-8") == SMALL


def test_status_and_term_edits_round_trip(invoke, small):
    invoke("glossary", "edit", "c1", "--add-term", "en:admitted=collaboration",
           "--glossary", str(small))
    invoke("glossary", "edit", "c1", "--status", "collaboration=deprecated",
           "--glossary", str(small))
    shown = json.loads(invoke("glossary", "show", "c1", "--format", "json",
                              "--glossary", str(small)).output)
    assert {t["text"]: t["status"] for t in shown["terms"]}["collaboration"] == "deprecated"
    invoke("glossary", "edit", "c1", "--remove-term", "collaboration", "--glossary", str(small))
    assert small.read_text(encoding="utf-8") == SMALL


def test_dry_run_writes_nothing(invoke, small):
    result = invoke("glossary", "edit", "c1", "--note", "Catatan.", "--dry-run",
                    "--glossary", str(small))
    assert "+        <note>Catatan.</note>" in result.output
    assert small.read_text(encoding="utf-8") == SMALL


def test_interrupted_edit_leaves_the_old_file(invoke, small, monkeypatch):
    def crash(*args):
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    result = invoke("glossary", "edit", "c1", "--subject", "x", "--glossary", str(small))
    assert result.exit_code == 2
    assert result.output == f"termbase: {small}: cannot write: disk pulled out\n"
    assert small.read_text(encoding="utf-8") == SMALL
    assert [p.name for p in small.parent.iterdir()] == ["g.tbx"]


@pytest.mark.parametrize("args, message", [
    (["edit", "nope", "--note", "x"], "no concept with id 'nope'"),
    (["add", "c1", "--term", "id=x"], "exists already"),
    (["add", "c9", "--term", "id"], "is not LANG"),
    (["add", "c9", "--term", "id:best=x"], "unknown status"),
    (["deprecate", "x", "--use", "nothing such"], "no term 'nothing such'"),
    (["edit", "c1", "--status", "kerja sama=great"], "is not TERM=STATUS"),
])
def test_edit_errors_exit_2_and_change_nothing(invoke, small, args, message):
    result = invoke("glossary", *args, "--glossary", str(small))
    assert result.exit_code == 2 and message in result.output
    assert small.read_text(encoding="utf-8") == SMALL


def test_validate_passes_on_the_shipped_glossaries(invoke):
    result = invoke("glossary", "validate")
    assert result.exit_code == 0, result.output
    assert "no problem" in result.output


def test_validate_reports_every_kind_of_problem(invoke, tmp_path, small):
    bad = tmp_path / "bad.tbx"
    bad.write_text(SMALL.replace('id="c1"', 'id="c7"')
                   .replace("<term>cooperation</term>\n            <termNote type="
                            '"administrativeStatus">preferredTerm-admn-sts',
                            "<term>cooperation</term>\n            <termNote type="
                            '"administrativeStatus">admittedTerm-admn-sts')
                   .replace("<term>kerja sama</term>\n            <termNote type="
                            '"administrativeStatus">preferredTerm-admn-sts',
                            "<term>kerja sama</term>\n            <termNote type="
                            '"administrativeStatus">deprecatedTerm-admn-sts'),
                   encoding="utf-8")
    broken = tmp_path / "broken.tbx"
    broken.write_text(SMALL.replace("<term>cooperation</term>", "<term> </term>"),
                      encoding="utf-8")
    half = tmp_path / "half.tbx"
    half.write_text(SMALL[: len(SMALL) // 2], encoding="utf-8")
    result = invoke("glossary", "validate", "--format", "json", str(small), str(bad),
                    str(broken), str(half))
    assert result.exit_code == 1
    kinds = {(p["kind"], os.path.basename(p["path"])) for p in
             json.loads(result.output)["problems"]}
    assert ("no-preferred-term", "bad.tbx") in kinds
    assert ("preferred-and-deprecated", "bad.tbx") in kinds
    assert ("empty-term", "broken.tbx") in kinds
    assert ("unreadable", "half.tbx") in kinds
    twin = tmp_path / "twin.tbx"
    twin.write_text(SMALL.replace('id="c1"', 'id="c2"'), encoding="utf-8")
    duplicate = json.loads(invoke("glossary", "validate", "--format", "json", str(small),
                                  str(twin)).output)
    assert {p["kind"] for p in duplicate["problems"]} == {"duplicate-concept"}


def test_stats_counts_the_shipped_glossary(invoke):
    figures = json.loads(invoke("glossary", "stats", "--format", "json").output)
    assert figures["concepts"] >= 300
    assert figures["terms_by_language_and_status"]["id/deprecated"] >= 5


def test_list_and_help(invoke, small):
    listing = invoke("glossary", "list", "--glossary", str(small)).output
    assert "c1" in listing and "kerja sama" in listing and "cooperation" in listing
    for command in ("list", "show", "add", "edit", "deprecate", "remove", "stats",
                    "validate"):
        assert invoke("glossary", command, "--help").exit_code == 0


def test_edit_of_a_shipped_file_copy_keeps_everything_else(invoke, tmp_path):
    source = default_glossary_paths()[0]
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    before = copy.read_text(encoding="utf-8")
    concept_id = json.loads(invoke("glossary", "list", "--format", "json", "--glossary",
                                   str(copy)).output)["concepts"][0]["id"]
    invoke("glossary", "edit", concept_id, "--note", "Diperiksa.", "--glossary", str(copy))
    added, removed = added_and_removed(before, copy.read_text(encoding="utf-8"))
    assert removed in ([], [line for line in before.splitlines() if "<note>" in line][:1])
    assert any("Diperiksa." in line for line in added)


def test_suggest_finds_new_terms_with_counts_and_examples(invoke, tmp_path, small):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Bank Pembangunan Asia (ADB) memberi pinjaman. Pinjaman ADB untuk kereta cepat.\n\n"
        "Proyek kereta cepat itu dibiayai ADB. Kerja sama kedua negara erat.\n",
        encoding="utf-8")
    result = invoke("glossary", "suggest", str(corpus), "--format", "json",
                    "--glossary", str(small))
    candidates = {c["term"]: c for c in json.loads(result.output)["candidates"]}
    assert candidates["Bank Pembangunan Asia"]["acronym"] == "ADB"
    assert candidates["ADB"]["count"] == 3
    assert candidates["kereta cepat"]["count"] == 2
    assert candidates["kereta cepat"]["example"].startswith("Pinjaman ADB")
    assert "kerja sama" not in {t.lower() for t in candidates}  # already in the glossary


def test_import_merges_reports_conflicts_and_overwrites_nothing(invoke, tmp_path, small):
    csv = tmp_path / "in.csv"
    csv.write_text(
        "concept_id,subject_field,concept_note,language,definition,term,status\r\n"
        "x1,,,id,,kerja sama,preferred\r\n"
        "x1,,,id,,kerjasama,deprecated\r\n"
        "x1,,,en,,cooperation,admitted\r\n"
        "c9,energy,,id,,batu bara,preferred\r\n"
        "c9,energy,,en,,coal,preferred\r\n", encoding="utf-8")
    dry = invoke("glossary", "import", str(csv), "--into", str(small), "--dry-run")
    assert small.read_text(encoding="utf-8") == SMALL
    assert "+            <term>batu bara</term>" in dry.output
    result = invoke("glossary", "import", str(csv), "--into", str(small))
    assert result.exit_code == 1  # a conflict was reported
    assert "added c9" in result.output
    assert "merged c1: term 'kerjasama' (id, deprecated)" in result.output
    assert "conflict c1 (imported as x1): 'cooperation' is preferred here" in result.output
    shown = json.loads(invoke("glossary", "show", "c1", "--format", "json",
                              "--glossary", str(small)).output)
    statuses = {t["text"]: t["status"] for t in shown["terms"]}
    assert statuses == {"kerja sama": "preferred", "kerjasama": "deprecated",
                        "cooperation": "preferred"}


@pytest.mark.parametrize("fmt", ["tbx", "tbx3", "csv", "omegat", "po"])
def test_export_then_import_into_an_empty_glossary(invoke, tmp_path, small, fmt):
    exported = tmp_path / f"out.{fmt}"
    assert invoke("glossary", "export", "--format", fmt, "-o", str(exported),
                  "--glossary", str(small)).exit_code == 0
    empty = tmp_path / "empty.tbx"
    empty.write_text(SMALL.split("      <termEntry")[0] + "    </body>\n  </text>\n</martif>\n",
                     encoding="utf-8")
    result = invoke("glossary", "import", str(exported), "--format", fmt, "--into", str(empty))
    assert result.exit_code == 0, result.output
    found = json.loads(invoke("lookup", "kerja sama", "--format", "json", "--glossary",
                              str(empty)).output)["results"][0]
    assert found["concept"]["preferred"]["en"] == "cooperation"


def test_import_of_a_bad_file_exits_2(invoke, tmp_path, small):
    bad = tmp_path / "bad.csv"
    bad.write_text("term\r\n", encoding="utf-8")
    result = invoke("glossary", "import", str(bad), "--into", str(small))
    assert result.exit_code == 2 and str(bad) in result.output
    assert small.read_text(encoding="utf-8") == SMALL


def test_validate_reports_every_faulty_concept_of_a_file(invoke, tmp_path):
    entry = SMALL.split("      <termEntry")[1].split("</termEntry>")[0]
    entries = [entry.replace('id="c1"', f'id="c{i}"') for i in range(3)]
    entries[0] = entries[0].replace("<term>cooperation</term>", "<term></term>")
    entries[2] = entries[2].replace("preferredTerm-admn-sts</termNote>\n          </tig>\n"
                                    "        </langSet>\n        <langSet xml:lang=\"en\">",
                                    "bestTerm</termNote>\n          </tig>\n        </langSet>\n"
                                    "        <langSet xml:lang=\"en\">", 1)
    body = "".join(f"      <termEntry{e}</termEntry>\n" for e in entries)
    path = tmp_path / "many.tbx"
    path.write_text(SMALL.split("      <termEntry")[0] + body + "    </body>\n  </text>\n"
                    "</martif>\n", encoding="utf-8")
    problems = json.loads(invoke("glossary", "validate", "--format", "json",
                                 str(path)).output)["problems"]
    messages = {p["kind"]: p["message"] for p in problems}
    assert "empty <term>" in messages["empty-term"]
    assert "unknown administrative status 'bestTerm'" in messages["unknown-status"]


@pytest.mark.parametrize("content, message", [
    (b'<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
     b"<martif>&x;</martif>", ":2: entity declarations"),
    (b"<martif><text><body>\n<termEntry id='a'>", ":2: malformed XML"),
    (b"", "empty file"),
])
@pytest.mark.parametrize("command", [["lookup", "kerja sama"], ["glossary", "list"],
                                     ["glossary", "stats"], ["glossary", "show", "c1"]])
def test_hostile_or_broken_glossary_exits_2(invoke, tmp_path, command, content, message):
    path = tmp_path / "g.tbx"
    path.write_bytes(content)
    result = invoke(*command, "--glossary", str(path))
    assert result.exit_code == 2
    assert message in result.output and str(path) in result.output
    assert len(result.output.strip().splitlines()) == 1


# --- Edits that would hurt (issue #11) ----------------------------------------------------

def _concept(concept_id: str, id_terms: list[tuple[str, str]], english: str) -> str:
    groups = "".join(
        f"          <tig>\n            <term>{text}</term>\n            <termNote type="
        f'"administrativeStatus">{status}Term-admn-sts</termNote>\n          </tig>\n'
        for text, status in id_terms)
    return (f'      <termEntry id="{concept_id}">\n        <langSet xml:lang="id">\n{groups}'
            '        </langSet>\n        <langSet xml:lang="en">\n          <tig>\n'
            f"            <term>{english}</term>\n            <termNote type="
            '"administrativeStatus">preferredTerm-admn-sts</termNote>\n          </tig>\n'
            "        </langSet>\n      </termEntry>\n")


HOUSE = SMALL.replace("    </body>", _concept("c3", [("Tiongkok", "preferred"),
                                                      ("Cina", "deprecated")], "China")
                      + _concept("c4", [("Myanmar", "preferred"), ("Birma", "superseded")],
                                 "Myanmar") + "    </body>")


@pytest.fixture
def house(tmp_path):
    path = tmp_path / "house.tbx"
    path.write_text(HOUSE, encoding="utf-8")
    return path


def glossary_run(invoke, house, *args):
    return invoke("glossary", *args, "--glossary", str(house))


def statuses(house, concept_id):
    from termbase.formats.tbx import read_tbx

    (concept,) = [c for c in read_tbx(house) if c.id == concept_id]
    return {t.text: t.status.value for t in concept.terms}


def test_deprecate_refuses_to_reverse_the_house_style_without_force(invoke, house):
    demoted = glossary_run(invoke, house, "deprecate", "Tiongkok", "--use", "Cina")
    assert demoted.exit_code == 2
    assert "'Tiongkok' is the preferred term of c3" in demoted.output and \
        "--force" in demoted.output and demoted.output.count("\n") == 1
    promoted = glossary_run(invoke, house, "deprecate", "RRT", "--use", "Cina")
    assert promoted.exit_code == 2 and "'Cina' is deprecated in c3" in promoted.output
    assert house.read_text(encoding="utf-8") == HOUSE
    forced = glossary_run(invoke, house, "deprecate", "Tiongkok", "--use", "Cina", "--force")
    assert forced.exit_code == 0, forced.output
    assert statuses(house, "c3") == {"Tiongkok": "deprecated", "Cina": "preferred",
                                     "China": "preferred"}


def test_deprecate_keeps_superseded_and_refuses_a_no_op(invoke, house):
    for extra in ([], ["--superseded"]):
        again = glossary_run(invoke, house, "deprecate", "Birma", "--use", "Myanmar", *extra)
        assert again.exit_code == 2
        assert again.output == "termbase: nothing to change: 'Birma' is already " \
            "superseded in c4, and 'Myanmar' preferred\n"
    assert house.read_text(encoding="utf-8") == HOUSE
    same = glossary_run(invoke, house, "deprecate", "Cina", "--use", "Tiongkok")
    assert same.exit_code == 2 and "nothing to change" in same.output
    new = glossary_run(invoke, house, "deprecate", "Burma", "--use", "Myanmar")
    assert new.exit_code == 0, new.output
    assert statuses(house, "c4")["Burma"] == "deprecated"
    assert statuses(house, "c4")["Birma"] == "superseded"


def test_add_refuses_a_term_another_concept_has_unless_forced(invoke, house):
    twice = glossary_run(invoke, house, "add", "c9", "--term", "id=Kerja Sama",
                         "--term", "en=joint work")
    assert twice.exit_code == 2
    assert "'Kerja Sama' (id) is already a term of c1" in twice.output
    assert house.read_text(encoding="utf-8") == HOUSE
    fresh = glossary_run(invoke, house, "add", "c9", "--term", "id=rantai pasok",
                         "--term", "en=supply chain")
    assert fresh.exit_code == 0, fresh.output
    assert invoke("glossary", "validate", str(house)).exit_code == 0
    forced = glossary_run(invoke, house, "add", "c10", "--term", "id=kerja sama",
                          "--term", "en=joint work", "--force")
    assert forced.exit_code == 0, forced.output
    problems = json.loads(invoke("glossary", "validate", "--format", "json",
                                 str(house)).output)["problems"]
    assert [(p["kind"], p["message"]) for p in problems] == [
        ("term-in-two-concepts", "'kerja sama' (id) is a term of c1 and of c10")]


def test_edit_refuses_a_no_op_a_demotion_and_a_duplicate(invoke, house):
    nothing = glossary_run(invoke, house, "edit", "c1")
    assert nothing.exit_code == 2 and "nothing to change in c1: give --subject" in \
        nothing.output
    same = glossary_run(invoke, house, "edit", "c1", "--subject", "diplomacy")
    assert same.exit_code == 2
    assert same.output == "termbase: nothing to change in c1: every value given is " \
        "already there\n"
    demote = glossary_run(invoke, house, "edit", "c3", "--status", "Tiongkok=admitted")
    assert demote.exit_code == 2 and "'Tiongkok' is the preferred term of c3" in \
        demote.output
    removed = glossary_run(invoke, house, "edit", "c3", "--remove-term", "tiongkok")
    assert removed.exit_code == 2 and "'Tiongkok' is the preferred term of c3: removing " \
        "it changes the house style" in removed.output
    duplicate = glossary_run(invoke, house, "edit", "c1", "--add-term", "id=Tiongkok")
    assert duplicate.exit_code == 2 and "already a term of c3" in duplicate.output
    assert house.read_text(encoding="utf-8") == HOUSE
    changed = glossary_run(invoke, house, "edit", "c1", "--subject", "economy")
    assert changed.exit_code == 0 and "edited c1" in changed.output
    forced = glossary_run(invoke, house, "edit", "c3", "--status", "Tiongkok=admitted",
                          "--force")
    assert forced.exit_code == 0, forced.output
    assert statuses(house, "c3")["Tiongkok"] == "admitted"
    # A deprecated term goes without --force.
    assert glossary_run(invoke, house, "edit", "c3", "--remove-term", "Cina").exit_code == 0
    assert "Cina" not in statuses(house, "c3")
