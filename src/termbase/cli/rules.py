"""termbase rules: every rule the checker has, with its example."""

from __future__ import annotations

import click

from termbase.cli import cli


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format.")
def rules(names: tuple[str, ...], output_format: str) -> None:
    """List the rules of termbase check: name, category, default severity, whether
    --fix applies it, what it finds, and an example (wrong → right).

    NAMES narrow the list to these rules or categories (comma lists allowed), the
    names that --select and --ignore take.
    """
    from termbase.check.service import rule_records, split_names, unknown_rule

    wanted = split_names(names)
    for name in wanted:
        message = unknown_rule(name)
        if message is not None:
            raise click.BadParameter(message, param_hint="NAMES")
    records = [r for r in rule_records()
               if not wanted or r["name"] in wanted or r["category"] in
               {w.rstrip("/") for w in wanted}]
    if output_format == "json":
        from termbase.cli.output import json_text

        click.echo(json_text({"rules": records}, ensure_ascii=False, indent=2))
        return
    from rich.text import Text

    from termbase.cli.output import stdout_console

    console = stdout_console()
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for record in records:
        heading = Text()
        heading.append(record["name"], "bold")
        heading.append("  ")
        heading.append(record["severity"], styles[record["severity"]])
        if record["fixable"]:
            heading.append("  fixable", "green")
        if record["runs_on"] == "bilingual":
            heading.append("  bilingual", "dim")
        console.print(heading)
        console.print(Text(f"    {record['summary']}"))
        example = Text("    ")
        example.append(record["wrong"], "red")
        example.append(" → ", "dim")
        example.append(record["right"], "green")
        console.print(example)
    fixable = sum(r["fixable"] for r in records)
    console.print(Text(f"{len(records)} rule(s), {fixable} fixable with --fix", "bold"))
