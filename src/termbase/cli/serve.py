"""termbase serve: the desk server."""

from __future__ import annotations

import click

from termbase.cli import cli


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface; put a TLS proxy in front).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes; each reloads the glossary when its files change.")
@click.option("--db", "database", metavar="URL",
              help="postgresql://... holding the memory, the accounts and, once imported "
                   "there, the glossary (default: the workspace's memory file, "
                   "accounts.sqlite beside it, its TBX files).")
@click.option("--accounts", metavar="LOCATION", help="Where the accounts live, if elsewhere.")
@click.option("--glossary", "glossaries", multiple=True, metavar="LOCATION",
              help="TBX file or postgresql://... holding the glossary files (repeatable; "
                   "default: the workspace's glossaries).")
@click.option("--public-read", is_flag=True,
              help="Anyone may look up, search and check without an account.")
@click.option("--secure-cookies", is_flag=True,
              help="Mark the session cookie Secure (when served over https).")
@click.option("--check-processes", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Processes per worker that check articles at a lower CPU priority, so "
                   "that look-ups never wait for checks (0: check in the worker).")
def serve(host: str, port: int, workers: int, database: str | None, accounts: str | None,
          glossaries: tuple[str, ...], public_read: bool, secure_cookies: bool,
          check_processes: int) -> None:
    """Serve the web pages and the JSON API (/api/v1/...) of this workspace's glossary,
    memory and accounts. Create accounts with `termbase users add`. Stop with Ctrl-C."""
    import os

    import uvicorn

    from termbase.server.app import SETTINGS_ENV
    from termbase.server.desk import desk_settings, settings_json

    settings = desk_settings(memory=database, accounts=accounts, public_read=public_read,
                             glossary=glossaries)
    settings.secure_cookies = secure_cookies
    settings.check_processes = check_processes
    os.environ[SETTINGS_ENV] = settings_json(settings)
    from termbase.locations import is_database_url, masked_url

    where = ", ".join(masked_url(g) if is_database_url(g) else g
                      for g in settings.glossary_files)
    click.echo(f"termbase serving http://{host}:{port}/ ({workers} worker(s); "
               f"glossary: {where})", err=True)
    uvicorn.run("termbase.server.app:app_from_environment", factory=True, host=host,
                port=port, workers=workers, log_level="warning", proxy_headers=True)
