"""termbase users ...: the desk server's user accounts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from termbase.cli import cli
from termbase.cli.output import json_text

if TYPE_CHECKING:
    from termbase.accounts import Accounts

F = TypeVar("F", bound=Callable[..., Any])


def accounts_option(function: F) -> F:
    return click.option("--accounts", "location", metavar="LOCATION",
                        help="Accounts file or postgresql:// URL (default: configuration "
                             "'accounts', else accounts.sqlite beside the memory).")(function)


def password_stdin_option(function: F) -> F:
    return click.option("--password-stdin", is_flag=True,
                        help="Read the password from the first line of standard input "
                             "(for scripts) instead of asking for it.")(function)


def _open(location: str | None) -> Accounts:
    from termbase.accounts import open_accounts
    from termbase.workspace import accounts_location

    return open_accounts(location or accounts_location())


def _password(from_stdin: bool) -> str:
    """The new password: never an argument, where ps and the shell history would keep
    it; asked for twice, hidden, or one line of standard input."""
    if from_stdin:
        import sys

        line = sys.stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@cli.group()
def users() -> None:
    """The desk server's user accounts: add, list, remove, set-role, password, token,
    revoke.

    Roles, each allowed what the ones before it are: reader (look-up, memory search,
    check), translator (+ add memory units, upload XLIFF), terminologist (+ edit the
    glossary), admin (+ users).
    """


@users.command()
@click.argument("name")
@click.option("--role", required=True,
              help="reader, translator, terminologist or admin.")
@password_stdin_option
@accounts_option
def add(name: str, role: str, password_stdin: bool, location: str | None) -> None:
    """Add the user NAME with a role; the password is asked for (twice, hidden)."""
    with _open(location) as accounts:
        accounts.check_new_user(name, role)  # before asking for a password in vain
        password = _password(password_stdin)
        user = accounts.add_user(name, password, role)
    click.echo(f"added {user.name} ({user.role})", err=True)


@users.command("list")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format.")
@accounts_option
def list_(output_format: str, location: str | None) -> None:
    """List the users and their roles, by name."""
    with _open(location) as accounts:
        found = accounts.users()
    if output_format == "json":
        click.echo(json_text({"version": 1, "users": [
            {"name": u.name, "role": u.role} for u in found]}, ensure_ascii=False, indent=2))
        return
    width = max((len(u.name) for u in found), default=0)
    for user in found:
        click.echo(f"{user.name:<{width}}  {user.role}")


@users.command()
@click.argument("name")
@accounts_option
def remove(name: str, location: str | None) -> None:
    """Remove the user NAME, ending their sessions and revoking their API tokens."""
    from termbase.errors import InputError

    with _open(location) as accounts:
        if not accounts.remove_user(name):
            raise InputError(f"no user named {name!r}", _shown(accounts.location))
    click.echo(f"removed {name}", err=True)


@users.command("set-role")
@click.argument("name")
@click.argument("role")
@accounts_option
def set_role(name: str, role: str, location: str | None) -> None:
    """Give the user NAME the role ROLE (takes effect on their next request)."""
    with _open(location) as accounts:
        user = accounts.set_role(name, role)
    click.echo(f"{user.name} is now {user.role}", err=True)


@users.command()
@click.argument("name")
@password_stdin_option
@accounts_option
def password(name: str, password_stdin: bool, location: str | None) -> None:
    """Set the password of NAME (asked for twice, hidden); ends NAME's sessions."""
    from termbase.errors import InputError

    with _open(location) as accounts:
        if accounts.get(name) is None:
            raise InputError(f"no user named {name!r}", _shown(accounts.location))
        accounts.set_password(name, _password(password_stdin))
    click.echo(f"set the password of {name}; their sessions are ended", err=True)


@users.command()
@click.argument("name")
@click.argument("label")
@accounts_option
def token(name: str, label: str, location: str | None) -> None:
    """Make an API token for NAME, labelled LABEL, and print it: the only time it is
    shown (only its hash is kept)."""
    with _open(location) as accounts:
        new = accounts.new_api_token(name, label)
    click.echo(new)


@users.command()
@click.argument("name")
@click.argument("label")
@accounts_option
def revoke(name: str, label: str, location: str | None) -> None:
    """Revoke NAME's API token labelled LABEL."""
    from termbase.errors import InputError

    with _open(location) as accounts:
        if not accounts.revoke_token(name, label):
            raise InputError(f"{name!r} has no token labelled {label!r}",
                             _shown(accounts.location))
    click.echo(f"revoked {name}'s token {label}", err=True)


def _shown(location: str) -> str:
    from termbase.accounts import display_location

    return display_location(location)
