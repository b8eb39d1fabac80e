"""benchmarks/peer_files.py: telling XLIFF 2 from 1.2 before asking translate-toolkit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "peer_files.py"


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("peer_files", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("peer_files", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("head", [
    b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="id">',
    b"<?xml version='1.0'?>\n<xliff version='2.1' srcLang='id' trgLang='en'>",
    b'<xliff\n  xmlns="urn:oasis:names:tc:xliff:document:2.0"\n  version = "2.2">',
])
def test_an_xliff_element_of_version_2_is_xliff_2(harness: ModuleType, head: bytes) -> None:
    assert harness.XLIFF2_ROOT.search(head)


@pytest.mark.parametrize("head", [
    # A 1.2 file that declares ITS 2.0 on its root, as Okapi writes them.
    b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
    b'xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0">',
    b'<?xml version="1.0"?>\n<xliff version="1.2">',
    b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><note>version="2"</note>',
])
def test_a_namespaced_or_inner_version_is_not(harness: ModuleType, head: bytes) -> None:
    assert not harness.XLIFF2_ROOT.search(head)
