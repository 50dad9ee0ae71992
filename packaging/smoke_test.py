"""Smoke test of the shipped Debian package (`make test-dist`, run by .ci/run).

Usage: python packaging/smoke_test.py PACKAGE.deb

As root with apt (CI): installs the package into this machine (`apt-get install ./…deb`, which
also pulls its Depends), runs the installed /usr/bin/outreach-desktop, then removes the package and
checks the user's vault is still there. Otherwise: unpacks it into a throwaway root (`dpkg -x`) and
runs the program from there. Steps: --version, vault create, demo --clients 5, print
home-visit-consent (a real PDF), search, and the GUI started offscreen until its first page shows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "smoke-test-passphrase-2026\n"


def run(cmd: list[str], env: dict[str, str], stdin: str | None = None) -> str:
    shown = " ".join(cmd[1:]) if len(cmd) > 1 else cmd[0]
    started = time.monotonic()
    done = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True, timeout=300,
                          check=False)  # fmt: skip
    took = time.monotonic() - started
    if done.returncode != 0:
        print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"FAILED ({done.returncode}): {shown}")
    print(f"ok  {took:5.2f} s  {shown}")
    return done.stdout


def install(package: Path, scratch: Path) -> tuple[Path, bool]:
    """The program to run, and whether the package went into the system."""
    if os.geteuid() == 0 and shutil.which("apt-get"):
        command = ["apt-get", "install", "-y", "-qq", str(package.resolve())]
        if subprocess.run(command, stdout=subprocess.DEVNULL, check=False).returncode != 0:
            # a machine whose package lists were never fetched cannot resolve the Depends yet
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return Path("/usr/bin/outreach-desktop"), True
    root = scratch / "root"
    subprocess.run(["dpkg", "-x", str(package), str(root)], check=True)
    return root / "opt" / "outreach-desktop" / "outreach-desktop", False


def exercise(program: Path, scratch: Path, env: dict[str, str]) -> Path:
    exe = str(program)
    version = run([exe, "--version"], env)
    assert version.startswith("outreach-desktop "), version
    secret = scratch / "passphrase"
    secret.write_text(PASSPHRASE)
    vault = ["--vault", str(scratch / "vault"), "--passphrase-file", str(secret)]
    run([exe, "vault", "create", *vault], env)
    run([exe, "demo", *vault, "--clients", "5"], env)
    listed = json.loads(run([exe, "appointments", "list", *vault, "--json"], env))
    home = next(a for a in listed if a["approach"] == "home-visit")
    pdf = scratch / "einwilligung.pdf"
    run([exe, "print", "home-visit-consent", *vault, "--appointment", home["id"],
         "--out", str(pdf)], env)  # fmt: skip
    assert pdf.read_bytes().startswith(b"%PDF-"), "no PDF written"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=False)
    if text.returncode == 0:
        assert "Hausbesuch" in text.stdout, "the consent form does not say Hausbesuch"
    name = home["client_name"].split()[-1]
    found = run([exe, "search", *vault, name], env)
    assert name in found, f"search for {name} found nothing"
    gui_env = dict(env, QT_QPA_PLATFORM="offscreen")
    shown = run([exe, "--exit-when-ready"], gui_env)
    assert "bereit: Anmeldeseite" in shown, shown
    return scratch / "vault"


def remove(vault: Path) -> None:
    subprocess.run(["apt-get", "remove", "-y", "-qq", "outreach-desktop"], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    assert not Path("/opt/outreach-desktop").exists(), "/opt/outreach-desktop left behind"
    assert not Path("/usr/bin/outreach-desktop").exists(), "launcher left behind"
    assert (vault / "vault.db").is_file(), "removing the package touched the user's vault"
    print("ok  removed; the user's vault is untouched")


def main(package: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="od-smoke-") as folder:
        scratch = Path(folder)
        env = dict(os.environ, OUTREACH_DESKTOP_HOME=str(scratch / "home"), LANG="de_DE.UTF-8")
        env.pop("PYTHONPATH", None)
        env.pop("VIRTUAL_ENV", None)
        env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        program, system = install(package, scratch)
        print(f"installed: {program} ({'system' if system else 'unpacked'})")
        vault = exercise(program, scratch, env)
        if system:
            remove(vault)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
