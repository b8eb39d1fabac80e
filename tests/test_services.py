"""The library services, called as a Python program or the HTTP server calls them:
no click, no command line."""

from __future__ import annotations

import pytest

from termbase.check import service as checking
from termbase.check.engine import Selection
from termbase.config import Config
from termbase.errors import InputError, TermbaseError
from termbase.exchange import service as exchange
from termbase.formats.tm_io import iter_units
from termbase.glossary import Glossary
from termbase.glossary import service as glossaries
from termbase.tm import service as memories
from termbase.tm.store import open_memory

from .test_glossary_cli import SMALL
from .test_tm_cli import TMX

# --- check ----------------------------------------------------------------------------

FIXABLE = "Kedua negara memperkuat kerjasama  ekonomi.\n\nHubungan diplomaltik erat.\n"
FIXED = "Kedua negara memperkuat kerja sama ekonomi.\n\nHubungan diplomaltik erat.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(FIXABLE, encoding="utf-8")
    return path


def test_check_paths_finds_what_the_command_finds(ctx, article):
    (result,) = checking.check_paths([str(article)], ctx, Selection())
    rules = {f.rule for f in result.findings}
    assert any(rule.startswith("spelling/") for rule in rules)
    assert checking.fails([result], "warning") and not checking.fails([result], "never")


def test_a_clean_text_does_not_fail(ctx, tmp_path):
    path = tmp_path / "bersih.txt"
    path.write_text("Kedua negara memperkuat kerja sama ekonomi.\n", encoding="utf-8")
    results = checking.check_paths([str(path)], ctx, Selection())
    assert not checking.fails(results, "info")
    assert checking.diffs(results) == []


def test_fix_results_writes_the_safe_fixes_and_rechecks(ctx, article):
    results = checking.check_paths([str(article)], ctx, Selection())
    (fixed,) = checking.fix_results(results, ctx, Selection())
    assert article.read_text(encoding="utf-8") == FIXED == fixed.text
    assert fixed.applied == 2 and fixed.left == 0
    assert {f.text for f in fixed.result.findings} == {"diplomaltik"}  # left for a person


def test_fixing_is_idempotent(ctx, article):
    checking.fix_results(checking.check_paths([str(article)], ctx, Selection()), ctx,
                         Selection())
    once = article.read_bytes()
    results = checking.check_paths([str(article)], ctx, Selection())
    (again,) = checking.fix_results(results, ctx, Selection(), rounds=5)
    assert again.applied == 0 and article.read_bytes() == once
    assert checking.diffs(results) == []


def test_fix_without_write_changes_no_file(ctx, article):
    results = checking.check_paths([str(article)], ctx, Selection())
    (fixed,) = checking.fix_results(results, ctx, Selection(), write=False)
    assert fixed.text == FIXED and article.read_text(encoding="utf-8") == FIXABLE
    (diff,) = checking.diffs(results)
    assert "+Kedua negara memperkuat kerja sama ekonomi." in diff


def test_options_come_from_the_configuration_unless_given():
    config = Config(select=["spelling"], ignore=["typography"], fail_on="error")
    assert checking.selection_for(config) == Selection(("spelling",), ("typography",))
    assert checking.selection_for(config, ("terms, orthography",)) == \
        Selection(("terms", "orthography"), ("typography",))
    assert checking.threshold_for(config) == "error"
    assert checking.threshold_for(Config()) == "warning"
    with pytest.raises(TermbaseError, match="fail-on must be one of"):
        checking.threshold_for(Config(fail_on="loud"))


def test_reading_refuses_a_missing_file_before_checking_any(ctx, article, tmp_path):
    with pytest.raises(InputError):
        checking.check_paths([str(article), str(tmp_path / "nowhere.txt")], ctx, Selection())


# --- glossary -------------------------------------------------------------------------

@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.tbx"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_validate_finds_nothing_in_a_good_glossary(small):
    found = glossaries.validate_files([small])
    assert (found.files, found.concepts, found.problems) == ([str(small)], 1, [])


def test_validate_finds_the_problems_of_a_broken_glossary(small, tmp_path):
    broken = tmp_path / "broken.tbx"
    broken.write_text(SMALL.replace("<term>cooperation</term>", "<term> </term>"),
                      encoding="utf-8")
    half = tmp_path / "half.tbx"
    half.write_text(SMALL[: len(SMALL) // 2], encoding="utf-8")
    copy = tmp_path / "copy.tbx"
    copy.write_text(SMALL, encoding="utf-8")
    found = glossaries.validate_files([small, broken, half, copy])
    kinds = {(p.kind, p.path) for p in found.problems}
    assert ("empty-term", str(broken)) in kinds and ("unreadable", str(half)) in kinds
    assert ("duplicate-id", str(copy)) in kinds  # c1 is in small.tbx too


def test_validate_of_a_missing_file_raises(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        glossaries.validate_files([tmp_path / "nowhere.tbx"])


def test_stats_counts_concepts_and_terms(small):
    figures = glossaries.glossary_stats(glossaries.load_glossary([small]))
    assert figures["concepts"] == 1 and figures["terms"] == 2
    assert figures["terms_by_language_and_status"] == {"en/preferred": 1, "id/preferred": 1}


def test_deprecate_returns_the_edit_unsaved(small):
    edit = glossaries.deprecate(glossaries.load_glossary([small]), "kerjasama", "kerja sama")
    assert edit.what == "kerjasama is deprecated in c1; use kerja sama"
    assert small.read_text(encoding="utf-8") == SMALL  # nothing written yet
    edit.document.save()
    (concept,) = Glossary.load([small]).concepts
    assert {t.text: t.status.value for t in concept.terms}["kerjasama"] == "deprecated"


def test_deprecate_in_favour_of_an_unknown_term_raises(small):
    with pytest.raises(InputError, match="no term 'kerja bareng'"):
        glossaries.deprecate(glossaries.load_glossary([small]), "kerjasama", "kerja bareng")


def test_import_merges_and_reports_conflicts(small, tmp_path):
    incoming = tmp_path / "incoming.tbx"
    incoming.write_text(SMALL.replace('id="c1"', 'id="c2"')
                        .replace("kerja sama", "gotong royong")
                        .replace("cooperation", "mutual help"), encoding="utf-8")
    merged = glossaries.import_glossary(incoming, small)
    assert merged.read == 1 and merged.report.added == ["c2"] and merged.changed
    merged.document.save()
    again = glossaries.import_glossary(incoming, small)
    assert not again.changed and again.report.unchanged == ["c2"]


# --- translation memory ---------------------------------------------------------------

def _units(count: int, broken: bool = False) -> str:
    tus = "".join(f'    <tu><tuv xml:lang="id-ID"><seg>Kalimat nomor {i}.</seg></tuv>'
                  f'<tuv xml:lang="en-US"><seg>Sentence {i}.</seg></tuv></tu>\n'
                  for i in range(count))
    head, _, tail = TMX.partition("  <body>\n")
    return head + "  <body>\n" + tus + ("    <tu><tuv" if broken else "  </body>\n</tmx>\n")


def test_import_counts_and_exports(tmp_path):
    source = tmp_path / "in.tmx"
    source.write_text(TMX, encoding="utf-8")
    memory = tmp_path / "m.sqlite"
    heard = []
    summary = memories.import_files(str(memory), [str(source)], on_file=heard.append)
    assert (summary.memory, summary.units) == (str(memory), 2)
    assert [(f.added, f.updated, f.skipped) for f in summary.files] == [(2, 0, 0)]
    assert heard == summary.files
    again = memories.import_files(str(memory), [str(source)])
    assert [(f.added, f.skipped, f.reasons) for f in again.files] == [
        (0, 2, {"already in the memory": 2})] and again.units == 2
    assert memories.export_memory(str(memory), str(tmp_path / "out.tsv"), "tsv") == 2
    exported = (tmp_path / "out.tsv").read_text(encoding="utf-8")
    assert exported.startswith("id-ID\ten-US\n") and exported.count("\n") == 3


def test_a_late_bad_unit_rolls_the_file_back(tmp_path):
    memory = tmp_path / "m.sqlite"
    good = tmp_path / "good.tmx"
    good.write_text(TMX, encoding="utf-8")
    memories.import_files(str(memory), [str(good)])
    late = tmp_path / "late.tmx"
    late.write_text(_units(4500, broken=True), encoding="utf-8")  # past two batches
    with pytest.raises(InputError):
        memories.import_files(str(memory), [str(late)])
    assert open_memory(memory, create=False).count() == 2  # as before the failed file


def test_a_failed_first_import_leaves_no_memory(tmp_path):
    late = tmp_path / "late.tmx"
    late.write_text(_units(10, broken=True), encoding="utf-8")
    memory = tmp_path / "m.sqlite"
    with pytest.raises(InputError):
        memories.import_files(str(memory), [str(late)])
    assert not list(tmp_path.glob("m.sqlite*"))


def test_a_missing_file_stops_the_import_before_any(tmp_path):
    good = tmp_path / "good.tmx"
    good.write_text(TMX, encoding="utf-8")
    memory = tmp_path / "m.sqlite"
    with pytest.raises(InputError):
        memories.import_files(str(memory), [str(good), str(tmp_path / "nowhere.tmx")])
    assert not memory.exists()


def test_skips_are_counted_with_their_reasons(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Satu.\tOne.\nSatu.\tOne.\n", encoding="utf-8")
    (done,) = memories.import_files(str(tmp_path / "m.sqlite"), [str(pairs)]).files
    assert (done.added, done.skipped, done.reasons) == (1, 1, {"repeated in the file": 1})


def test_memory_path_prefers_the_explicit_one(monkeypatch):
    monkeypatch.setenv("TERMBASE_TM", "from-env.sqlite")
    assert memories.memory_path("given.sqlite") == "given.sqlite"
    assert memories.memory_path(None) == "from-env.sqlite"


# --- exchange -------------------------------------------------------------------------

def test_export_and_merge_round_trip(tmp_path, small):
    article = tmp_path / "berita.txt"
    article.write_text("Kedua negara memperkuat kerja sama.\n\nLalu pergi.\n",
                       encoding="utf-8")
    output = tmp_path / "job.xlf"
    analysis = exchange.export_job([str(article)], str(output), None,
                                   glossaries.load_glossary([small]))
    assert analysis.format == "xliff" and analysis.segments == 2 and output.exists()
    merged = exchange.merge_job(str(output), str(tmp_path / "back.txt"))
    (done,) = merged
    assert done.target == str(tmp_path / "back.txt")
    assert len(done.article.untranslated) == 2  # nobody translated it: sources kept
    assert (tmp_path / "back.txt").read_text(encoding="utf-8") == article.read_text(
        encoding="utf-8")


def test_export_refuses_to_overwrite_an_article(tmp_path):
    article = tmp_path / "berita.txt"
    article.write_text("Lalu pergi.\n", encoding="utf-8")
    with pytest.raises(InputError, match="overwrite this article"):
        exchange.export_job([str(article)], str(article))
    with pytest.raises(InputError, match="copy_source applies to XLIFF"):
        exchange.export_job([str(article)], str(tmp_path / "job.tmx"), copy_source=True)
    assert article.read_text(encoding="utf-8") == "Lalu pergi.\n"


def test_lookup_examples_come_from_the_memory(small, tmp_path):
    from termbase.glossary.lookup import lookup

    memory = open_memory(tmp_path / "m.sqlite")
    source = tmp_path / "in.tmx"
    source.write_text(TMX, encoding="utf-8")
    memory.import_units(iter_units(str(source)))
    hits = lookup(glossaries.load_glossary([small]), "kerja sama", None, 60, 5)
    (units,) = glossaries.memory_examples(hits, memory).values()
    assert [u.target for _, u in units] == [
        "The two countries strengthened economic cooperation."]
    assert glossaries.memory_examples([], memory) == {}
