"""Other localisation projects' test files through termbase, as a user would run it.

For every file under FOLDER (one sub-folder per repository) whose extension termbase
reads, it runs termbase in a subprocess, with a temporary memory, configuration and
cache, and the commands a user runs:

* memory formats (.tmx .xlf .xliff .po .pot): ``termbase tm import FILE --from S --to T``
  with S and T the languages the file declares (an XLIFF <file>'s source-language and
  target-language or 2.0 srcLang/trgLang, a TMX header's srclang and the first other
  tuv language), then the stored units' languages are read from the memory;
* bilingual formats (.xlf .xliff .tmx .po): ``termbase check FILE``;
* glossaries (.tbx, .po, and .csv whose header names concept_id and term):
  ``termbase glossary import FILE --into EMPTY.tbx --dry-run``, and for .tbx also
  ``termbase glossary validate FILE``.

It records, per run: the exit status (0, 1 and 2 are the documented ones); a traceback
on stderr; for a refusal (exit 2) whether stderr is exactly one line, names the file,
and for XML gives a line number; and for the memory import:

* the unit count against translate-toolkit's, for files both read. Comparable count:
  translate-toolkit's units (``factory.getobject``; ``xliff2.Xliff2File`` for XLIFF 2)
  that are not headers nor obsolete, with a non-empty source and target. termbase's:
  the units imported (added + updated) plus those it skipped on purpose, as documented
  in tm.md: unconfirmed XLIFF translations, translate="no", and a unit repeated in
  the file (stored once). PO fuzzy and plural entries are left out of both sides
  (termbase skips plural entries whatever their state, so they cannot be compared).
* the languages stored against the languages the file declares (compared by base
  language; a PO without X-Source-Language declares only its target).

It prints a summary table and every problem with the file and a one-line reason.

    python benchmarks/peer_files.py FOLDER [--jobs 4] [--timeout 60] [--json OUT]
        [--termbase "python -c ..."]

The files are not part of this repository; docs/interop.md lists the repositories and
commits the published figures came from.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEMORY_EXT = (".tmx", ".xlf", ".xliff", ".po", ".pot")
BILINGUAL_EXT = (".tmx", ".xlf", ".xliff", ".po")
GLOSSARY_EXT = (".tbx", ".po", ".csv")
XML_EXT = (".tmx", ".xlf", ".xliff", ".tbx")
DELIBERATE = ("unconfirmed translation", 'translate="no"', "plural entry",
              "repeated in the file")
DEFAULT_TERMBASE = [sys.executable, "-c",
                    "import sys; from termbase.cli import main; sys.exit(main())"]
EMPTY_TBX = b"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>empty</p></sourceDesc></fileDesc></martifHeader>
  <text><body/></text>
</martif>
"""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IMPORT_LINE = re.compile(r"^(?P<path>.*): (?P<added>\d+) added, (?P<updated>\d+) updated, "
                         r"(?P<skipped>\d+) skipped(?: \((?P<reasons>.*)\))?$", re.MULTILINE)
LINE_NUMBER = re.compile(r":\d+\b|\bline \d+")
XLIFF2_ROOT = re.compile(rb"<xliff\b[^>]*?\sversion\s*=\s*[\"']2")


@dataclass
class Run:
    command: str
    status: int | None  # None: timed out
    stderr: str
    stdout: str = ""


@dataclass
class Result:
    repo: str
    path: str  # relative to FOLDER
    runs: list[Run] = field(default_factory=list)
    declared: tuple[str, str] | None = None  # (source or "", target)
    stored_languages: list[tuple[str, str]] = field(default_factory=list)
    termbase_count: int | None = None  # imported + deliberately skipped
    imported: int | None = None
    deliberate: dict[str, int] = field(default_factory=dict)
    other_skips: dict[str, int] = field(default_factory=dict)
    toolkit_count: int | None = None
    toolkit_error: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)  # (kind, reason)


# --- what the file declares and what translate-toolkit reads ---------------------------

def _base(tag: str) -> str:
    return re.split(r"[-_@.]", tag.strip().lower(), maxsplit=1)[0]


def declared_languages(path: Path) -> tuple[str, str] | None:
    """The (source, target) languages the file declares; source "" when it declares
    none (a PO without X-Source-Language); None when nothing can be told."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".po", ".pot"):
            text = path.read_bytes()[:8192].decode("utf-8", "replace")
            language = re.search(r'"Language:\s*([^\\"]*)', text)
            source_language = re.search(r'"X-Source-Language:\s*([^\\"]*)', text)
            if not language or not language.group(1).strip():
                return None
            return (source_language.group(1).strip() if source_language else "",
                    language.group(1).strip())
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                                 recover=True)
        root = etree.parse(str(path), parser).getroot()
        if root is None:
            return None
        local = etree.QName(root).localname
        if local == "xliff":
            if root.get("srcLang"):
                return (root.get("srcLang", ""), root.get("trgLang", ""))
            for element in root.iter("{*}file", "file"):
                if element.get("source-language"):
                    return (element.get("source-language", ""),
                            element.get("target-language", ""))
            return None
        if local == "tmx":
            header = next(root.iter("{*}header", "header"), None)
            source = header.get("srclang", "") if header is not None else ""
            other = ""
            for tuv in root.iter("{*}tuv", "tuv"):
                lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
                if source.lower() in ("", "*all*"):
                    source = lang
                elif lang and _base(lang) != _base(source):
                    return (source, lang)
                elif lang and lang.lower() != source.lower() and not other:
                    other = lang  # en-US to en-GB: taken when no other language comes
            return (source, other) if other else None
    except (OSError, ValueError, SyntaxError):
        return None
    return None


def toolkit_count(path: Path) -> tuple[int | None, str]:
    """translate-toolkit's comparable count (see the module docstring), or its error."""
    try:
        from translate.storage import factory

        head = path.read_bytes()[:2048]
        # The <xliff> element's own version, not a namespaced one (its:version="2.0"
        # in Okapi's XLIFF 1.2), in either quotes.
        if path.suffix.lower() in (".xlf", ".xliff") and XLIFF2_ROOT.search(head):
            from translate.storage import xliff2

            store = xliff2.Xliff2File.parsefile(str(path))
        else:
            store = factory.getobject(str(path))
        count = 0
        for unit in store.units:
            if unit.isheader() or unit.isobsolete():
                continue
            if path.suffix.lower() in (".po", ".pot") and (unit.isfuzzy()
                                                         or unit.hasplural()):
                continue
            if str(unit.source or "").strip() and str(unit.target or "").strip():
                count += 1
        return count, ""
    except Exception as exc:  # noqa: BLE001 - any refusal of the toolkit is a figure
        return None, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


# --- running termbase -----------------------------------------------------------------

def _run(termbase: list[str], args: list[str], env: dict[str, str], timeout: float) -> Run:
    shown = "termbase " + " ".join(shlex.quote(a) for a in args)
    try:
        done = subprocess.run(termbase + args, capture_output=True, text=True,
                              errors="replace", env=env, timeout=timeout,
                              stdin=subprocess.DEVNULL)
        return Run(shown, done.returncode, done.stderr, done.stdout)
    except subprocess.TimeoutExpired:
        return Run(shown, None, "")


def _judge_run(result: Result, run: Run, file: Path) -> None:
    if run.status is None:
        result.problems.append(("timeout", f"{run.command}: no answer within the timeout"))
        return
    if "Traceback (most recent call last)" in run.stderr:
        last = [line for line in run.stderr.strip().splitlines() if line.strip()][-1]
        result.problems.append(("traceback", f"{run.command}: {last.strip()}"))
        return
    if run.status not in (0, 1, 2):
        result.problems.append(("exit status", f"{run.command}: exit {run.status}"))
    if run.status == 2:
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        text = lines[0] if lines else ""
        if len(lines) != 1:
            result.problems.append(("multi-line error", f"{run.command}: {len(lines)} lines: "
                                    + " | ".join(x.strip() for x in lines[:3])))
        if str(file) not in run.stderr and file.name not in run.stderr:
            result.problems.append(("error without file", f"{run.command}: {text}"))
        elif file.suffix.lower() in XML_EXT and not LINE_NUMBER.search(
                text.replace(str(file), "")):
            result.problems.append(("XML error without line", f"{run.command}: {text}"))


def check_file(folder: Path, file: Path, termbase: list[str], timeout: float) -> Result:
    rel = file.relative_to(folder)
    result = Result(rel.parts[0], str(rel))
    suffix = file.suffix.lower()
    with tempfile.TemporaryDirectory(prefix="peer-") as tmp:
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config",
                   XDG_DATA_HOME=f"{tmp}/data", XDG_CACHE_HOME=f"{tmp}/cache",
                   TERMBASE_TM=f"{tmp}/memory.sqlite", NO_COLOR="1", COLUMNS="200",
                   PYTHONPATH=str(ROOT / "src"))
        env.pop("TERMBASE_DEBUG", None)
        if suffix in MEMORY_EXT:
            _import(result, file, termbase, env, timeout, Path(tmp) / "memory.sqlite")
        if suffix in BILINGUAL_EXT:
            run = _run(termbase, ["check", str(file)], env, timeout)
            result.runs.append(run)
            _judge_run(result, run, file)
        if suffix in GLOSSARY_EXT and (suffix != ".csv" or _csv_glossary(file)):
            into = Path(tmp) / "into.tbx"
            into.write_bytes(EMPTY_TBX)
            commands = [["glossary", "import", str(file), "--into", str(into), "--dry-run"]]
            if suffix == ".tbx":
                commands.append(["glossary", "validate", str(file)])
            for command in commands:
                run = _run(termbase, command, env, timeout)
                result.runs.append(run)
                _judge_run(result, run, file)
            if suffix == ".po" and result.runs[-1].status in (0, 1):
                _glossary_languages(result, file, result.runs[-1].stdout)
    return result


def _glossary_languages(result: Result, file: Path, diff: str) -> None:
    """A PO glossary's terms must land under the languages its header declares."""
    declared = declared_languages(file)
    if not declared:
        return
    stored = sorted(set(re.findall(r'^\+\s*<langSet xml:lang="([^"]+)"', diff, re.MULTILINE)))
    allowed = {_base(tag) for tag in declared if tag}
    wrong = [tag for tag in stored if _base(tag) not in allowed]
    if wrong:
        result.problems.append(("wrong languages", "glossary import stored terms under "
                                + ", ".join(wrong) + f"; the file declares "
                                f"{declared[0] or '(no source)'}→{declared[1]}"))


def _csv_glossary(file: Path) -> bool:
    head = file.read_bytes()[:4096].decode("utf-8", "replace").lstrip("\ufeff")
    first = head.splitlines()[0] if head else ""
    return bool(re.search(r"\bconcept_id\b", first) and re.search(r"\bterm\b", first))


def _import(result: Result, file: Path, termbase: list[str], env: dict[str, str],
            timeout: float, memory: Path) -> None:
    declared = declared_languages(file)
    result.declared = declared
    args = ["tm", "import", str(file)]
    if declared and declared[0] and declared[1]:
        args += ["--from", declared[0], "--to", declared[1]]
    run = _run(termbase, args, env, timeout)
    result.runs.append(run)
    _judge_run(result, run, file)
    if run.status == 0 and memory.exists():
        with sqlite3.connect(memory) as db:
            result.stored_languages = sorted(db.execute(
                "SELECT DISTINCT source_lang, target_lang FROM units"))
    if run.status != 0:
        return
    found = IMPORT_LINE.search(run.stdout)
    if not found:
        result.problems.append(("unreadable report", f"{run.command}: {run.stdout[:120]!r}"))
        return
    result.imported = int(found["added"]) + int(found["updated"])
    for part in (found["reasons"] or "").split("; "):
        if not part:
            continue
        number, _, reason = part.partition(" ")
        kind = next((d for d in DELIBERATE if reason.startswith(d)), None)
        target = result.deliberate if kind else result.other_skips
        target[kind or reason] = target.get(kind or reason, 0) + int(number)
    result.termbase_count = result.imported + sum(
        n for reason, n in result.deliberate.items() if reason != "plural entry")
    count, error = toolkit_count(file)
    result.toolkit_count, result.toolkit_error = count, error
    if count is not None and count != result.termbase_count:
        skips = "; ".join(f"{n} {r}" for r, n in result.other_skips.items())
        result.problems.append(("count differs", f"termbase {result.termbase_count} "
                                f"({result.imported} imported"
                                + (f", {sum(result.deliberate.values())} skipped on purpose"
                                   if result.deliberate else "")
                                + (f"; other skips: {skips}" if skips else "")
                                + f"), translate-toolkit {count}"))
    if declared:
        wrong = [pair for pair in result.stored_languages
                 if (declared[0] and _base(pair[0]) != _base(declared[0]))
                 or _base(pair[1]) != _base(declared[1])]
        if not declared[0] and any(_base(pair[0]) == "id"
                                   for pair in result.stored_languages):
            result.problems.append(("assumed source language", "stored with source id; "
                                    f"the file declares only its target {declared[1]}"))
        if wrong:
            result.problems.append(("wrong languages", "stored "
                                    + ", ".join(f"{s}→{t}" for s, t in wrong)
                                    + f"; the file declares {declared[0] or '(no source)'}"
                                    f"→{declared[1]}"))


# --- the report -----------------------------------------------------------------------

KINDS = ("traceback", "timeout", "exit status", "multi-line error", "error without file",
         "XML error without line", "count differs", "wrong languages",
         "assumed source language", "unreadable report")


def report(results: list[Result], folder: Path) -> None:
    per_group: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for result in results:
        group = per_group[(result.repo, Path(result.path).suffix.lower())]
        group["files"] += 1
        group["refused"] += any(run.status == 2 for run in result.runs)
        group["compared"] += (result.toolkit_count is not None
                              and result.termbase_count is not None)
        for kind in {kind for kind, _ in result.problems}:
            group[kind] += 1
    columns = ("files", "refused", "compared", "traceback", "timeout", "multi-line error",
               "error without file", "XML error without line", "count differs",
               "wrong languages")
    short = ("files", "refused", "compared", "tb", "timeout", "multi", "nofile", "noline",
             "count", "lang")
    print(f"{'repository':32} {'ext':8} " + " ".join(f"{c:>7}" for c in short))
    total: Counter[str] = Counter()
    for (repo, ext), counts in sorted(per_group.items()):
        total.update(counts)
        print(f"{repo:32} {ext:8} " + " ".join(f"{counts[c]:7}" for c in columns))
    print(f"{'total':32} {'':8} " + " ".join(f"{total[c]:7}" for c in columns))
    runs = Counter(run.status for r in results for run in r.runs)
    print(f"\nruns: {sum(runs.values())}; exit statuses: "
          + ", ".join(f"{status}: {n}" for status, n in sorted(runs.items(), key=str)))
    deliberate: Counter[str] = Counter()
    for result in results:
        deliberate.update(result.deliberate)
    if deliberate:
        print("skipped on purpose (counted as read): "
              + ", ".join(f"{n} {r}" for r, n in deliberate.most_common()))
    toolkit_refused = [r for r in results if r.toolkit_error]
    print(f"translate-toolkit refused {len(toolkit_refused)} of the files termbase imported")
    for kind in KINDS:
        listed = [(r, reason) for r in results for k, reason in r.problems if k == kind]
        if not listed:
            continue
        print(f"\n== {kind}: {len(listed)}")
        for result, reason in listed:
            print(f"{result.path}: {reason}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--json", type=Path, help="also write every result here")
    parser.add_argument("--termbase", help="command that runs termbase (default: this "
                        "Python with the repository's src on PYTHONPATH)")
    args = parser.parse_args()
    termbase = shlex.split(args.termbase) if args.termbase else DEFAULT_TERMBASE
    folder = args.folder.resolve()
    files = sorted(p for p in folder.rglob("*") if p.is_file()
                   and p.suffix.lower() in MEMORY_EXT + BILINGUAL_EXT + GLOSSARY_EXT
                   and len(p.relative_to(folder).parts) > 1)
    with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check_file, [folder] * len(files), files,
                                [termbase] * len(files), [args.timeout] * len(files)))
    report(results, folder)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
