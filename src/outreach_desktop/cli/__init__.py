"""Command line: `outreach-desktop` without a subcommand starts the GUI.

Exit codes: 0 ok, 1 a known problem (one German line on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from outreach_desktop.cli.common import terminal_safe
from outreach_desktop.cli.parser import build_parser
from outreach_desktop.domain.errors import UserError
from outreach_desktop.hardening import disable_core_dumps
from outreach_desktop.logs import describe_bug, setup_logging
from outreach_desktop.services.files import TargetExists
from outreach_desktop.services.settings import load_settings, take_settings_problem

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    with terminal_safe():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    disable_core_dumps()
    setup_logging()
    load_settings()  # read at start, as the GUI does: an unusable file is told whatever runs
    try:
        return _run(args)
    finally:
        _tell_settings_problem()


def _tell_settings_problem() -> None:
    """A settings file that could not be used (see services/settings.py), said once."""
    problem = take_settings_problem()
    if problem is None:
        return
    where = (
        f"Sie liegt jetzt unter {problem.kept_as}; beim nächsten Speichern entsteht eine neue."
        if problem.kept_as is not None
        else "Sie ließ sich nicht beiseitelegen."
    )
    print(
        f"Warnung: Die Einstellungsdatei {problem.path} ließ sich nicht verwenden; es gelten die "
        f"Standardeinstellungen. {where}",
        file=sys.stderr,
    )


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args) or 0)
    except TargetExists as exc:
        hint = " Mit --force wird sie ersetzt." if hasattr(args, "force") else ""
        print(f"Fehler: {exc}{hint}", file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: no traceback for the user, type and place in the log
        log.error("bug in command %s: %s", getattr(args, "command", "gui"), describe_bug(exc))
        print(
            f"Fehler: Interner Programmfehler ({type(exc).__name__}). "
            "Es wurde nichts verändert; Einzelheiten stehen im Protokoll.",
            file=sys.stderr,
        )
        return 1
