"""Pieces the commands share: the command line as typed, and bad input as a one-line error."""

from __future__ import annotations

import shlex
from typing import Any, Callable

import click


class RecordedCommand(click.Command):
    """A command that keeps its raw arguments (for the run record's command line)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["newsgold.args"] = list(args)
        return super().parse_args(ctx, args)


def command_line() -> str:
    """The command as typed (for run records)."""
    ctx = click.get_current_context()
    return shlex.join([*ctx.command_path.split(), *ctx.meta.get("newsgold.args", [])])


def user_errors() -> tuple[type[Exception], ...]:
    """Exceptions that mean "bad input", reported as one line instead of a traceback."""
    from .corpus import CorpusNotHydrated
    from .extractors.command import CommandError
    from .extractors.predictions_file import PredictionsFileError
    from .extractors.registry import DuplicateExtractorError, ExtractorContractError, \
        ExtractorUnavailableError, UnknownExtractorError

    return (CorpusNotHydrated, CommandError, PredictionsFileError, DuplicateExtractorError,
            ExtractorContractError, ExtractorUnavailableError, UnknownExtractorError,
            ValueError, KeyError, FileNotFoundError)


def run_for_user(action: Callable[[], Any]) -> Any:
    """Run a command's action; bad input becomes a one-line ``ClickException``."""
    try:
        return action()
    except user_errors() as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        raise click.ClickException(str(message)) from None
