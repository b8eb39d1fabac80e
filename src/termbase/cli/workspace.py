"""termbase init and termbase config: start a workspace, show the settings in force."""

from __future__ import annotations

import click

from termbase.cli import cli
from termbase.cli.output import json_text


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--with-starter", is_flag=True,
              help="Copy the shipped glossaries into glossaries/ and the starter memory "
                   "into tm/, and point termbase.toml at them.")
@click.option("--force", is_flag=True,
              help="Replace an existing termbase.toml (starter files there are kept).")
def init(folder: str, with_starter: bool, force: bool) -> None:
    """Start a workspace in FOLDER (default: here): write its termbase.toml.

    Every command run in FOLDER or below it then reads and edits the glossaries and
    memory the file names, instead of the copy installed with termbase.
    """
    from termbase.workspace import init_workspace

    report = init_workspace(folder, with_starter, force)
    for path in report.copied:
        click.echo(f"copied {path}", err=True)
    for path in report.kept:
        click.echo(f"kept {path} (already there)", err=True)
    if report.memory:
        click.echo(f"imported the starter memory into {report.memory} "
                   f"({report.units} units)", err=True)
    click.echo(f"wrote {report.config}", err=True)


@cli.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (default: nearest termbase.toml or pyproject.toml).")
def config(output_format: str, config_path: str | None) -> None:
    """Show every setting in force, its value and where it comes from (a line of the
    configuration file, an environment variable, a command's default or termbase's)."""
    from termbase.workspace import settings

    found_at, found = settings(config_path)
    if output_format == "json":
        click.echo(json_text({"version": 1, "config": found_at, "settings": [
            {"name": s.name, "value": s.value, "source": s.source, "note": s.note}
            for s in found]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"configuration: {found_at or 'none (no termbase.toml here or above)'}")
    width = max(len(s.name) for s in found)
    for setting in found:
        values = setting.value if isinstance(setting.value, list) else [setting.value]
        values = [v for v in values if v]
        joined = ", ".join(values)
        one_line = len(values) <= 1 or len(joined) <= 60
        shown = (joined if one_line else "") if values else f"({setting.note or 'none'})"
        click.echo(f"{setting.name:<{width}}  {shown + '  ' if shown else ''}"
                   f"[{setting.source}]")
        if not one_line:
            for value in values:
                click.echo(f"{'':<{width}}    {value}")
