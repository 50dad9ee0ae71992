"""Hilfe → Über: version, licences, the site configuration in use and the vault's schema."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QWidget

from outreach_desktop import __version__
from outreach_desktop.services.session import Session
from outreach_desktop.services.site_config import check_site, site_folder
from outreach_desktop.ui.messages import show_info

translate = QCoreApplication.translate


def about_text(session: Session | None) -> str:
    lines = [
        translate("About", "Outreach Desktop {version}").format(version=__version__),
        translate(
            "About",
            "Outreach counselling for Jobcenters: offline, encrypted, in German and English.",
        ),
        "",
        translate("About", "Licence: EUPL-1.2 (European Union Public Licence)."),
        translate(
            "About",
            "Fonts in printed documents: DejaVu Sans (Bitstream Vera licence), "
            "Noto Naskh Arabic (SIL Open Font License 1.1).",
        ),
        translate(
            "About",
            "Built with Qt {qt} and PySide6 {pyside} (LGPL-3.0), SQLCipher, reportlab and age.",
        ).format(qt=qVersion(), pyside=pyside_version),
        "",
        _site_line(),
        _vault_line(session),
    ]
    return "\n".join(lines)


def _site_line() -> str:
    folder = site_folder()
    reports = check_site(folder)
    if not reports:
        return translate("About", "Site configuration: none installed ({folder}).").format(
            folder=folder
        )
    used = sum(r.state == "verwendet" for r in reports)
    broken = sum(r.state == "fehlerhaft" for r in reports)
    return translate(
        "About", "Site configuration: {folder} – {used} file(s) used, {broken} broken."
    ).format(folder=folder, used=used, broken=broken)


def _vault_line(session: Session | None) -> str:
    if session is None:
        return translate("About", "No vault is open.")
    return translate("About", "Open vault: schema version {schema}.").format(
        schema=session.schema_version()
    )


def show_about(parent: QWidget, session: Session | None) -> None:
    show_info(parent, translate("About", "About Outreach Desktop"), about_text(session))
