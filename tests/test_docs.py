"""Every rule and every command is documented for users."""

from __future__ import annotations

import pytest

from termbase.check.registry import BY_NAME

from .conftest import REPO


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_rule_is_documented_with_its_example(name):
    """Every rule, monolingual and bilingual, in docs/check.md with its example."""
    docs = (REPO / "docs" / "check.md").read_text(encoding="utf-8")
    rule = BY_NAME[name]
    assert f"### `{name}`" in docs, name
    assert f"- Example: {rule.wrong} → {rule.right}" in docs, name


@pytest.mark.parametrize("command, page", [("check", "check.md"), ("rules", "check.md"),
                                           ("align", "align.md"),
                                           ("segment", "segment.md"),
                                           ("init", "workspace.md"),
                                           ("config", "workspace.md")])
def test_command_is_documented(command, page):
    docs = (REPO / "docs" / page).read_text(encoding="utf-8")
    assert f"termbase {command}" in docs


def test_every_glossary_command_is_documented():
    from termbase.cli.glossary import glossary

    docs = (REPO / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert "termbase lookup" in docs
    for name in glossary.commands:
        assert f"| `{name}" in docs, name


def test_every_tm_command_is_documented():
    from termbase.cli.tm import tm

    docs = (REPO / "docs" / "tm.md").read_text(encoding="utf-8")
    for name in tm.commands:
        assert f"| `tm {name}" in docs, name


@pytest.mark.parametrize("command", ["export", "merge"])
def test_handoff_commands_are_documented(command):
    docs = (REPO / "docs" / "handoff.md").read_text(encoding="utf-8")
    assert f"termbase {command}" in docs
