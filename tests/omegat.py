"""OmegaT projects for the interoperability tests (OmegaT 3.6 from Debian)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

PROJECT_TEMPLATE = """\
<?xml version="1.0" encoding="UTF-8"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source_lang}</source_lang>
    <target_lang>{target_lang}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneIndonesianTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def project_file(source_lang: str = "id-ID", target_lang: str = "en-US") -> str:
    """The omegat.project of an Indonesian -> English project."""
    return PROJECT_TEMPLATE.format(source_lang=source_lang, target_lang=target_lang)


def run_omegat(project: Path, work: Path) -> None:
    """`omegat PROJECT --mode=console-translate` with its home and configuration in
    work, so that nothing touches the user's settings."""
    home = work / "home"
    home.mkdir(exist_ok=True)
    java_options = " ".join(filter(None, [os.environ.get("JAVA_TOOL_OPTIONS"),
                                          f"-Duser.home={home}"]))
    env = {**os.environ, "HOME": str(home), "LC_ALL": "C.UTF-8",
           "JAVA_TOOL_OPTIONS": java_options}
    result = subprocess.run(
        ["omegat", str(project), "--mode=console-translate",
         f"--config-dir={work / 'config'}", "--disable-project-locking", "--no-team",
         "--quiet"],
        capture_output=True, text=True, timeout=90, env=env, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
