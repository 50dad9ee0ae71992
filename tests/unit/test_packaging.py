"""A wheel is complete: installed away from this checkout, the app finds its checklists,
forms, fonts, templates, demo data, migrations, translations and the exchange's JSON Schemas,
renders a PDF with embedded fonts, fills a vault with the demo and checks exchange records."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import outreach_desktop
    from outreach_desktop.documents import render_protocol
    from outreach_desktop.domain.documents import Letterhead, ProtocolDocument
    from outreach_desktop.resources import resources_dir, translation_file
    from outreach_desktop.services.checklists import load_checklists
    from outreach_desktop.services.templates import agency_templates
    from outreach_desktop.storage.migrations import load_migrations
    from outreach_desktop.demo import fill_demo
    from outreach_desktop.services.vaults import create_vault
    from outreach_desktop.storage.kdf import MINIMUM
    from outreach_desktop.exchange.record_kinds import SPECS
    from outreach_desktop.exchange.records import dump_member, parse_member, to_record
    from outreach_desktop.exchange.schemas import schema_path

    target = Path(sys.argv[1]).resolve()
    here = Path(outreach_desktop.__file__).resolve()
    assert here.is_relative_to(target), here
    assert resources_dir().resolve().is_relative_to(target), resources_dir()
    assert len(load_checklists().checklists) == 4
    templates, problem = agency_templates()
    assert templates and not problem
    assert len(load_migrations()) >= 7
    assert translation_file("de").is_file() and translation_file("en").is_file()
    session = create_vault(target.parent / "vault", "Korrekt Pferd Batterie 42", kdf=MINIMUM)
    assert fill_demo(session, clients=3).consents and session.check() == []
    assert all(schema_path(k).resolve().is_relative_to(target) for k in SPECS)
    records = [to_record("clients", c) for c in session.clients.all()]
    assert len(parse_member("clients", dump_member("clients", records))) == 3
    session.lock()
    pdf = render_protocol(ProtocolDocument(
        Letterhead("Jobcenter", "", "", "", "", ""), "Gedächtnisprotokoll", "Entwurf",
        (("Kundin", "Jürgen Größer"),), (("Verlauf", "Gespräch über Führerschein"),)))
    assert pdf.startswith(b"%PDF") and b"FontFile2" in pdf
    print("OK")
    """
)


def test_wheel_installs_and_runs_without_the_checkout(tmp_path: Path) -> None:
    # build from a clean copy: an in-tree build/ folder could hide a missing file
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet", "-w",
         str(wheels)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("outreach_desktop-*.whl"))
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
         str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "OUTREACH_DESKTOP_HOME": str(tmp_path / "h")}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(target)], capture_output=True, text=True,
        cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "OK"
