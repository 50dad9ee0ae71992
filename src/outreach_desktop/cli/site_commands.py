"""`site check`: the site configuration IT installed, file by file (used, ignored, broken)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from outreach_desktop.services.site_config import SITE_FILES, check_site, site_folder


def check(args: argparse.Namespace) -> int:
    folder = args.dir or site_folder()
    reports = check_site(folder)
    if args.json:
        print(json.dumps({"folder": str(folder), "files": [asdict(r) for r in reports]},
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        print(f"Standortkonfiguration: {folder}")
        if not folder.is_dir():
            print("Der Ordner fehlt: es gelten die eingebauten Vorgaben.")
        elif not reports:
            print("Keine Dateien: es gelten die eingebauten Vorgaben.")
        for report in reports:
            detail = f" – {report.detail}" if report.detail else ""
            print(f"  {report.name}: {report.state}{detail}")
        if folder.is_dir():
            print("Mögliche Dateien:")
            for site_file in SITE_FILES:
                print(f"  {site_file.name}: {site_file.purpose}")
    return 1 if any(r.state == "fehlerhaft" for r in reports) else 0
