"""Why a bundle or a setup file is refused, in German, for the user."""

from __future__ import annotations

from outreach_desktop.domain.errors import UserError


class BundleRefused(UserError):
    """The bundle was not accepted; nothing was changed. The message says why, in one sentence."""


class SetupRefused(UserError):
    """The agency's setup file was not accepted; nothing was changed."""
